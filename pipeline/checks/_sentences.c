/* How many sentences a text has at least and at most, in one pass over its characters.

   `bounds(abbreviations, text)` returns (least, most) for `text.sentence_bounds`, as its Python
   reference `text._sentence_bounds_python` does with one regular expression (`text._end_mark`):
   at most one more than the places where a sentence may end (. ! ? … ؟ ۔ before white space, a
   closing quote or bracket may come between; a line break; a run of the full-width 。．｡！？), at
   least one more than those where one surely ends with text after it: ! ? … ؟ ۔ (or . and a
   closing quote) before white space and a character that is not a lower-case letter below
   U+2000; a full stop there after a letter below U+2000 that is not a capital (or after . % ) ] } ”
   ’ » " ': a placeholder) and after no abbreviation (a word of `abbreviations`, each character in lower or upper
   case, not preceded by a word character); a full-width run with something after its closing
   quotes and white space. Scanning a text with the regular expression took most of the time of
   the sentence-count check (W320); here most characters of a text take one comparison. The tests
   compare both on any input. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* . ! ? … ؟ ۔: a sentence ends at one of them before white space. */
static inline int
ends_before_space(Py_UCS4 ch)
{
    return ch == '.' || ch == '!' || ch == '?' || ch == 0x2026 || ch == 0x061F || ch == 0x06D4;
}

/* 。．｡！？: a sentence ends after a run of them. */
static inline int
full_width(Py_UCS4 ch)
{
    return ch == 0x3002 || ch == 0xFF0E || ch == 0xFF61 || ch == 0xFF01 || ch == 0xFF1F;
}

/* A closing quote or bracket that may come between a mark and the white space after it. */
static inline int
quote(Py_UCS4 ch)
{
    return ch == '"' || ch == '\'' || ch == 0x201D || ch == 0x2019 || ch == 0xBB || ch == ')' || ch == ']';
}

/* A closing quote or bracket kept with a run of full-width marks. */
static inline int
full_width_quote(Py_UCS4 ch)
{
    return ch == 0x201D || ch == 0x2019 || ch == 0x300D || ch == 0x300F || ch == 0xFF09 || ch == '"' || ch == '\''
           || ch == 0xBB || ch == ')';
}

/* The same test as the regular-expression engine's \w on str. */
static inline int
word(Py_UCS4 ch)
{
    return Py_UNICODE_ISALNUM(ch) || ch == '_';
}

/* Whether the characters of `text` just before `end` are one of `abbreviations`, not preceded by
   a word character. */
static int
abbreviated(int kind, const void *data, Py_ssize_t end, PyObject *abbreviations)
{
    Py_ssize_t count = PyTuple_GET_SIZE(abbreviations);
    for (Py_ssize_t index = 0; index < count; index++) {
        PyObject *abbreviation = PyTuple_GET_ITEM(abbreviations, index);
        Py_ssize_t length = PyUnicode_GET_LENGTH(abbreviation);
        if (length > end) {
            continue;
        }
        int abbreviation_kind = PyUnicode_KIND(abbreviation);
        const void *letters = PyUnicode_DATA(abbreviation);
        Py_ssize_t start = end - length, at = 0;
        for (; at < length; at++) {
            Py_UCS4 letter = PyUnicode_READ(abbreviation_kind, letters, at);
            Py_UCS4 ch = PyUnicode_READ(kind, data, start + at);
            if (ch != letter && ch != Py_UNICODE_TOUPPER(letter)) {
                break;
            }
        }
        if (at == length && (start == 0 || !word(PyUnicode_READ(kind, data, start - 1)))) {
            return 1;
        }
    }
    return 0;
}

/* Whether the full stop at `at` surely ends a sentence (the white space and capital after it are
   tested by the caller): the character before it is a letter that is not a capital, or one of
   . % ) ] } ” ’ » " ', and no abbreviation ends there. */
static int
plain_full_stop(int kind, const void *data, Py_ssize_t at, PyObject *abbreviations)
{
    if (at == 0) {
        return 0;
    }
    Py_UCS4 before = PyUnicode_READ(kind, data, at - 1);
    if (before >= 'a' && before <= 'z') {
        return !abbreviated(kind, data, at, abbreviations);
    }
    if (before == '.' || before == '%' || before == ')' || before == ']' || before == '}' || before == 0x201D
        || before == 0x2019 || before == 0xBB || before == '"' || before == '\'') {
        return 1;
    }
    return before >= 0x80 && before < 0x2000 && Py_UNICODE_ISALPHA(before) && !Py_UNICODE_ISUPPER(before);
}

/* Whether the white space after the mark at `at` (one of `ends_before_space`), and a closing quote
   before it, is where a sentence surely ends with text after it; `next` is where the white space
   starts. */
static int
sure_end(int kind, const void *data, Py_ssize_t length, Py_ssize_t at, Py_ssize_t next, int quoted,
         PyObject *abbreviations)
{
    while (next < length && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, next))) {
        next++;
    }
    if (next >= length) {
        return 0;
    }
    Py_UCS4 after = PyUnicode_READ(kind, data, next);
    if (after < 0x2000 && Py_UNICODE_ISLOWER(after)) {
        return 0;
    }
    return PyUnicode_READ(kind, data, at) != '.' || quoted || plain_full_stop(kind, data, at, abbreviations);
}

/* Whether the run of full-width marks from `at` has something after its closing quotes and
   white space. */
static int
sure_full_width_end(int kind, const void *data, Py_ssize_t length, Py_ssize_t at)
{
    Py_ssize_t next = at + 1;
    while (next < length && full_width(PyUnicode_READ(kind, data, next))) {
        next++;
    }
    while (next < length && full_width_quote(PyUnicode_READ(kind, data, next))) {
        next++;
    }
    while (next < length && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, next))) {
        next++;
    }
    return next < length;
}

static PyObject *
bounds(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyTuple_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "bounds(abbreviations, text) takes a tuple of str and a str");
        return NULL;
    }
    PyObject *abbreviations = args[0], *text = args[1];
    for (Py_ssize_t index = 0; index < PyTuple_GET_SIZE(abbreviations); index++) {
        if (!PyUnicode_Check(PyTuple_GET_ITEM(abbreviations, index))) {
            PyErr_SetString(PyExc_TypeError, "bounds(): the abbreviations must be str");
            return NULL;
        }
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t marks = 0, sure = 0;
    for (Py_ssize_t at = 0; at < length; at++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, at);
        if (ch < 128 ? ch != '.' && ch != '!' && ch != '?' && ch != '\n' : !ends_before_space(ch) && !full_width(ch)) {
            continue;  /* most characters */
        }
        if (ch == '\n') {
            marks++;
        }
        else if (full_width(ch)) {
            if (at == 0 || !full_width(PyUnicode_READ(kind, data, at - 1))) {  /* the first of its run */
                marks++;
                sure += sure_full_width_end(kind, data, length, at);
            }
        }
        else {
            Py_ssize_t next = at + 1;
            int quoted = next < length && quote(PyUnicode_READ(kind, data, next));
            next += quoted;
            if (next < length && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, next))) {
                marks++;
                sure += sure_end(kind, data, length, at, next, quoted, abbreviations);
            }
        }
    }
    return Py_BuildValue("(nn)", sure + 1, marks + 1);
}

static PyMethodDef methods[] = {
    {"bounds", (PyCFunction)(void (*)(void))bounds, METH_FASTCALL,
     "bounds(abbreviations, text) -> (least, most) sentences"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef sentences_module = {
    PyModuleDef_HEAD_INIT, "_sentences", "Bounds of a text's number of sentences.", -1, methods,
};

PyMODINIT_FUNC
PyInit__sentences(void)
{
    return PyModule_Create(&sentences_module);
}
