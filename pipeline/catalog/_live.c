/* The live entries of a catalog written the way msgcat writes singular entries, in C.

   `entries(text, decode)` is `po_reader._live_entries` (the Python reference, which stands in
   where this module was not built): the entries as (line, msgctxt, msgid, msgstr, previous
   msgid, fuzzy, translator comment), or None for anything else (a plural or obsolete entry, an
   odd layout, a duplicate), which the strict line reader then reads and reports. A string that
   holds a backslash or a NUL is given to `decode` (Python), whose exception ends the call. The
   catalog tests compare the two readers on every catalog they have and on generated text. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t length;
} Text;

static inline Py_UCS4
at(const Text *t, Py_ssize_t i)
{
    return PyUnicode_READ(t->kind, t->data, i);
}

/* Whether the text holds `word` (ASCII) at `i`. */
static int
starts(const Text *t, Py_ssize_t i, const char *word)
{
    for (; *word; word++, i++) {
        if (i >= t->length || at(t, i) != (Py_UCS4)(unsigned char)*word) {
            return 0;
        }
    }
    return 1;
}

/* The end of one quoted segment starting at `i` (the index after its closing quote), or -1:
   "[^"\\\n]*(?:\\.[^"\\\n]*)*" */
static Py_ssize_t
segment(const Text *t, Py_ssize_t i)
{
    if (i >= t->length || at(t, i) != '"') {
        return -1;
    }
    for (i++; i < t->length; i++) {
        Py_UCS4 c = at(t, i);
        if (c == '"') {
            return i + 1;
        }
        if (c == '\n') {
            return -1;
        }
        if (c == '\\') {
            if (i + 1 >= t->length || at(t, i + 1) == '\n') {
                return -1;
            }
            i++;
        }
    }
    return -1;
}

/* The end of a string (a segment, then any segments on the lines below) starting at `i`, or -1. */
static Py_ssize_t
string_end(const Text *t, Py_ssize_t i)
{
    Py_ssize_t end = segment(t, i);
    if (end < 0) {
        return -1;
    }
    for (;;) {
        if (end + 1 < t->length && at(t, end) == '\n' && at(t, end + 1) == '"') {
            Py_ssize_t next = segment(t, end + 1);
            if (next < 0) {
                return end;  /* a broken segment below: what follows the string must be a keyword */
            }
            end = next;
        }
        else {
            return end;
        }
    }
}

/* The value of the string in [start, end): its segments' contents joined, decoded by `decode`
   when they hold a backslash or a NUL. A new reference, or NULL with an exception. */
static PyObject *
string_value(PyObject *text, const Text *t, Py_ssize_t start, Py_ssize_t end, PyObject *decode)
{
    PyObject *parts = PyList_New(0);
    if (parts == NULL) {
        return NULL;
    }
    int odd = 0;
    Py_ssize_t i = start;
    while (i < end) {
        Py_ssize_t stop = segment(t, i);  /* i is at an opening quote */
        for (Py_ssize_t k = i + 1; k < stop - 1; k++) {
            Py_UCS4 c = at(t, k);
            if (c == '\\' || c == 0) {
                odd = 1;
            }
        }
        PyObject *part = PyUnicode_Substring(text, i + 1, stop - 1);
        if (part == NULL || PyList_Append(parts, part) < 0) {
            Py_XDECREF(part);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(part);
        i = stop + 1;  /* past the line break to the next segment's quote */
    }
    PyObject *empty = PyUnicode_FromStringAndSize("", 0);
    PyObject *value = empty == NULL ? NULL : PyUnicode_Join(empty, parts);
    Py_XDECREF(empty);
    Py_DECREF(parts);
    if (value == NULL || !odd) {
        return value;
    }
    PyObject *decoded = PyObject_CallOneArg(decode, value);
    Py_DECREF(value);
    return decoded;
}

/* The string after `keyword` at `*i`, followed by a line break; on success `*start` and `*end`
   bound it and `*i` is past the line break. */
static int
keyword_string(const Text *t, Py_ssize_t *i, const char *keyword, Py_ssize_t *start, Py_ssize_t *end)
{
    if (!starts(t, *i, keyword)) {
        return 0;
    }
    *start = *i + (Py_ssize_t)strlen(keyword);
    *end = string_end(t, *start);
    if (*end < 0 || *end >= t->length || at(t, *end) != '\n') {
        return 0;
    }
    *i = *end + 1;
    return 1;
}

/* A comma-separated flag, stripped of white space, is "fuzzy". */
static int
is_fuzzy_flag(const Text *t, Py_ssize_t start, Py_ssize_t stop)
{
    while (start < stop && Py_UNICODE_ISSPACE(at(t, start))) {
        start++;
    }
    while (stop > start && Py_UNICODE_ISSPACE(at(t, stop - 1))) {
        stop--;
    }
    return stop - start == 5 && starts(t, start, "fuzzy");
}

#define NO_KIND 0x110000  /* the kind of a comment line that is just "#": no character is this */

typedef struct {
    int fuzzy;
    PyObject *translator;  /* list of str */
    PyObject *previous;  /* list of str: the #| lines without "#| " */
} Comments;

/* The comment lines in [start, stop) (each ending in a line break). 1, 0 for a layout the
   reference refuses, -1 with an exception. */
static int
comments(PyObject *text, const Text *t, Py_ssize_t start, Py_ssize_t stop, Comments *out)
{
    Py_ssize_t i = start;
    while (i < stop) {
        Py_ssize_t eol = i;
        while (at(t, eol) != '\n') {
            eol++;
        }
        Py_UCS4 kind = eol - i >= 2 ? at(t, i + 1) : NO_KIND;
        Py_ssize_t from = -1;
        if (PyList_GET_SIZE(out->previous) && kind != '|') {
            return 0;  /* a comment after a previous string */
        }
        if (kind == ' ' || kind == NO_KIND) {
            from = eol - i >= 2 ? i + 2 : eol;
        }
        else if (kind == ',') {
            Py_ssize_t piece = i + 2;
            for (Py_ssize_t k = i + 2; k <= eol && !out->fuzzy; k++) {
                if (k == eol || at(t, k) == ',') {
                    out->fuzzy = is_fuzzy_flag(t, piece, k);
                    piece = k + 1;
                }
            }
        }
        else if (kind == '|') {
            if (eol - i < 3 || at(t, i + 2) != ' ') {
                return 0;
            }
            PyObject *line = PyUnicode_Substring(text, i + 3, eol);
            if (line == NULL || PyList_Append(out->previous, line) < 0) {
                Py_XDECREF(line);
                return -1;
            }
            Py_DECREF(line);
        }
        else if (kind == '~') {
            return 0;
        }
        else if (kind != '.' && kind != ':') {
            from = i + 1;
        }
        if (from >= 0) {
            PyObject *line = PyUnicode_Substring(text, from, eol);
            if (line == NULL || PyList_Append(out->translator, line) < 0) {
                Py_XDECREF(line);
                return -1;
            }
            Py_DECREF(line);
        }
        i = eol + 1;
    }
    return 1;
}

/* The previous msgid of the #| lines: (?:msgctxt STRING\n)?msgid STRING, the whole text. NULL
   with no exception for anything else. */
static PyObject *
previous_msgid(PyObject *lines, PyObject *decode)
{
    PyObject *newline = PyUnicode_FromString("\n");
    PyObject *joined = newline == NULL ? NULL : PyUnicode_Join(newline, lines);
    Py_XDECREF(newline);
    if (joined == NULL) {
        return NULL;
    }
    Text t = {PyUnicode_KIND(joined), PyUnicode_DATA(joined), PyUnicode_GET_LENGTH(joined)};
    Py_ssize_t i = 0, start, end;
    if (starts(&t, 0, "msgctxt ")) {
        Py_ssize_t ctxt_end = string_end(&t, 8);
        if (ctxt_end < 0 || ctxt_end >= t.length || at(&t, ctxt_end) != '\n') {
            Py_DECREF(joined);
            return NULL;
        }
        i = ctxt_end + 1;
    }
    if (!starts(&t, i, "msgid ")) {
        Py_DECREF(joined);
        return NULL;
    }
    start = i + 6;
    end = string_end(&t, start);
    if (end != t.length) {
        Py_DECREF(joined);
        return NULL;
    }
    PyObject *value = string_value(joined, &t, start, end, decode);
    Py_DECREF(joined);
    return value;
}

static PyObject *
none(void)
{
    Py_RETURN_NONE;
}

/* One entry at `*i`; appended to `entries` unless its key is in `seen`. 1, 0 (not an entry as
   msgcat writes one: the whole answer is None), -1 with an exception. */
static int
entry(PyObject *text, const Text *t, Py_ssize_t *i, Py_ssize_t *line, PyObject *entries, PyObject *seen,
      PyObject *decode)
{
    Py_ssize_t begin = *i, pos = *i;
    while (pos < t->length && at(t, pos) == '#') {
        while (pos < t->length && at(t, pos) != '\n') {
            pos++;
        }
        if (pos == t->length) {
            return 0;
        }
        pos++;
    }
    Py_ssize_t comments_end = pos, ctxt_start = -1, ctxt_end = -1, id_start, id_end, str_start, str_end;
    if (starts(t, pos, "msgctxt ") && !keyword_string(t, &pos, "msgctxt ", &ctxt_start, &ctxt_end)) {
        return 0;
    }
    if (!keyword_string(t, &pos, "msgid ", &id_start, &id_end)
        || !keyword_string(t, &pos, "msgstr ", &str_start, &str_end)) {
        return 0;
    }
    if (pos < t->length) {
        if (at(t, pos) != '\n') {
            return 0;
        }
        pos++;
    }
    Comments found = {0, PyList_New(0), PyList_New(0)};
    PyObject *ctxt = NULL, *msgid = NULL, *msgstr = NULL, *previous = NULL, *translator = NULL;
    PyObject *key = NULL, *row = NULL;
    int result = -1;
    if (found.translator == NULL || found.previous == NULL) {
        goto done;
    }
    int read = comments(text, t, begin, comments_end, &found);
    if (read <= 0) {
        result = read;
        goto done;
    }
    if (PyList_GET_SIZE(found.previous)) {
        previous = previous_msgid(found.previous, decode);
        if (previous == NULL) {
            result = PyErr_Occurred() ? -1 : 0;
            goto done;
        }
    }
    else {
        previous = none();
    }
    PyObject *newline = PyUnicode_FromString("\n");
    translator = newline == NULL ? NULL : PyUnicode_Join(newline, found.translator);
    Py_XDECREF(newline);
    ctxt = ctxt_start < 0 ? none() : string_value(text, t, ctxt_start, ctxt_end, decode);
    msgid = translator == NULL || ctxt == NULL ? NULL : string_value(text, t, id_start, id_end, decode);
    if (msgid == NULL) {
        goto done;
    }
    key = PyTuple_Pack(2, ctxt, msgid);
    if (key == NULL) {
        goto done;
    }
    int known = PySet_Contains(seen, key);
    if (known != 0) {
        result = known < 0 ? -1 : 0;
        goto done;
    }
    if (PySet_Add(seen, key) < 0) {
        goto done;
    }
    msgstr = string_value(text, t, str_start, str_end, decode);
    if (msgstr == NULL) {
        goto done;
    }
    row = Py_BuildValue("(nOOOONO)", *line, ctxt, msgid, msgstr, previous, PyBool_FromLong(found.fuzzy),
                        translator);
    if (row == NULL || PyList_Append(entries, row) < 0) {
        goto done;
    }
    for (Py_ssize_t k = begin; k < pos; k++) {
        if (at(t, k) == '\n') {
            (*line)++;
        }
    }
    *i = pos;
    result = 1;
done:
    Py_XDECREF(found.translator);
    Py_XDECREF(found.previous);
    Py_XDECREF(ctxt);
    Py_XDECREF(msgid);
    Py_XDECREF(msgstr);
    Py_XDECREF(previous);
    Py_XDECREF(translator);
    Py_XDECREF(key);
    Py_XDECREF(row);
    return result;
}

/* Whether the text holds a character no text of ours may (pipeline/characters.py, a whole file:
   C0 controls but tab, line feed and carriage return, DEL, C1 controls, lone surrogates). Every
   catalog is scanned: one loop per width of the text's characters, without a branch, so that the
   compiler can test many characters at once. */
#define FORBIDDEN(c) ((((c) < 0x20) & ((c) != '\t') & ((c) != '\n') & ((c) != '\r')) \
                      | ((Py_UCS4)((c) - 0x7f) <= 0x20) | ((Py_UCS4)((c) - 0xd800) <= 0x7ff))
#define SCAN(type)                                                \
    do {                                                          \
        const type *d = (const type *)t->data;                    \
        int bad = 0;                                              \
        for (Py_ssize_t i = 0; i < t->length; i++) {              \
            Py_UCS4 c = d[i];                                     \
            bad |= FORBIDDEN(c);                                  \
        }                                                         \
        return bad;                                               \
    } while (0)

static int
forbidden(const Text *t)
{
    switch (t->kind) {
    case PyUnicode_1BYTE_KIND:
        SCAN(Py_UCS1);
    case PyUnicode_2BYTE_KIND:
        SCAN(Py_UCS2);
    default:
        SCAN(Py_UCS4);
    }
}

static PyObject *
entries(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyCallable_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "entries(text, decode) needs a str and a callable");
        return NULL;
    }
    PyObject *text = args[0], *decode = args[1];
    Text t = {PyUnicode_KIND(text), PyUnicode_DATA(text), PyUnicode_GET_LENGTH(text)};
    if (forbidden(&t)) {
        return none();  /* the strict reader says where */
    }
    PyObject *rows = PyList_New(0), *seen = PySet_New(NULL);
    if (rows == NULL || seen == NULL) {
        Py_XDECREF(rows);
        Py_XDECREF(seen);
        return NULL;
    }
    Py_ssize_t i = 0, line = 1;
    while (i < t.length) {
        int read = entry(text, &t, &i, &line, rows, seen, decode);
        if (read <= 0) {
            Py_DECREF(rows);
            Py_DECREF(seen);
            return read < 0 ? NULL : none();
        }
    }
    Py_DECREF(seen);
    return rows;
}

static PyMethodDef methods[] = {
    {"entries", (PyCFunction)(void (*)(void))entries, METH_FASTCALL,
     "entries(text, decode) -> list of (line, msgctxt, msgid, msgstr, previous, fuzzy, comment), or None "
     "(also for a text holding a control character or a lone surrogate)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef live_module = {
    PyModuleDef_HEAD_INIT, "_live", "The live PO reader's fast path.", -1, methods,
};

PyMODINIT_FUNC
PyInit__live(void)
{
    return PyModule_Create(&live_module);
}
