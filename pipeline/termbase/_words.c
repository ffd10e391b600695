/* The term matcher's two inner loops, in C.

   `scan(text, memo, nothing)` returns the text's words, where each starts and ends ([start0, end0,
   start1, end1, ...]), and the indexes of the words that `memo` does not map to `nothing` (unknown
   words, and words that start a term): `matching._scan_python` with a regular-expression split.
   A word is a run of the characters the regular expression \w matches (letters, digits of every
   script, and the underscore), cut where a number ends before a letter (5mm is 5 and mm) and
   between a Chinese or Japanese character and any other (10ml口服 is 10, ml and 口服); a letter
   with a number after it stays one word (L5). Splitting a text with the regular expression took
   most of the time of finding its terms; most words start no term and are never looked at again.

   `collect(...)` makes the hits of those words, as `matching._collect_python` does: the one-word
   terms a word starts, and the longer terms whose later words follow it (tested as written, as a
   set of forms, by stem from the matcher's memo of stems, or by prefix). It calls back into the
   matcher for what is rare: a word not met before, a stem not worked out yet, a term with
   exceptions. The matcher's tests compare both with their Python references on any input. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *id_name;  /* "id", interned: a concept's attribute */

/* What a character is to the word scanner (see `matching._WORD`): no part of a word, a decimal
   digit (the regular expression's \d), a character of the Chinese and Japanese scripts (written
   without spaces), or another word character (\w: a letter, a digit that is not decimal such as
   ², the underscore). */
enum { NOT_WORD, DIGIT, UNSPACED, LETTER };

/* The Chinese and Japanese scripts (and their punctuation, which is no word character): the
   ranges of `matching._unspaced_script`. */
static inline int
in_unspaced_script(Py_UCS4 ch)
{
    return (ch >= 0x2e80 && ch <= 0x9fff) || (ch >= 0xf900 && ch <= 0xfaff) || (ch >= 0x20000 && ch <= 0x3ffff);
}

/* Below 128 the only word characters are the ASCII letters, digits and the underscore: most of a
   text, tested without the Unicode database. Above, a letter (most characters) takes one lookup,
   as \w's own first test does. */
static inline int
char_class(Py_UCS4 ch)
{
    if (ch < 128) {
        if (ch >= '0' && ch <= '9') {
            return DIGIT;
        }
        return ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z') || ch == '_' ? LETTER : NOT_WORD;
    }
    if (Py_UNICODE_ISALPHA(ch)) {
        return in_unspaced_script(ch) ? UNSPACED : LETTER;
    }
    if (Py_UNICODE_ISDECIMAL(ch)) {
        return DIGIT;
    }
    if (Py_UNICODE_ISDIGIT(ch) || Py_UNICODE_ISNUMERIC(ch)) {
        return in_unspaced_script(ch) ? UNSPACED : LETTER;
    }
    return NOT_WORD;
}

/* Whether a character of class `next` goes on the word whose last character is of class `last`:
   not after a number unless a digit, and not across the edge of the Chinese and Japanese scripts. */
static inline int
continues(int last, int next)
{
    if (next == NOT_WORD) {
        return 0;
    }
    if (last == DIGIT) {
        return next == DIGIT;
    }
    return (last == UNSPACED) == (next == UNSPACED);
}

static int
append_index(PyObject *list, Py_ssize_t value)
{
    PyObject *number = PyLong_FromSsize_t(value);
    if (number == NULL) {
        return -1;
    }
    int failed = PyList_Append(list, number);
    Py_DECREF(number);
    return failed;
}

static PyObject *
scan(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "scan(text, memo, nothing) takes exactly 3 arguments");
        return NULL;
    }
    PyObject *text = args[0], *memo = args[1], *nothing = args[2];
    if (!PyUnicode_Check(text) || !PyDict_Check(memo)) {
        PyErr_SetString(PyExc_TypeError, "scan() needs a str and a dict");
        return NULL;
    }
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *words = PyList_New(0);
    PyObject *bounds = PyList_New(0);
    PyObject *candidates = PyList_New(0);
    if (words == NULL || bounds == NULL || candidates == NULL) {
        goto fail;
    }
    Py_ssize_t at = 0, index = 0;
    while (at < length) {
        int last = NOT_WORD, next;
        while (at < length && (last = char_class(PyUnicode_READ(kind, data, at))) == NOT_WORD) {
            at++;
        }
        if (at == length) {
            break;
        }
        Py_ssize_t start = at++;
        while (at < length && continues(last, next = char_class(PyUnicode_READ(kind, data, at)))) {
            last = next;
            at++;
        }
        PyObject *word = PyUnicode_Substring(text, start, at);
        if (word == NULL) {
            goto fail;
        }
        if (PyList_Append(words, word) < 0) {
            Py_DECREF(word);
            goto fail;
        }
        PyObject *value = PyDict_GetItemWithError(memo, word);  /* borrowed */
        Py_DECREF(word);
        if (value == NULL && PyErr_Occurred()) {
            goto fail;
        }
        if (value != nothing && append_index(candidates, index) < 0) {
            goto fail;
        }
        if (append_index(bounds, start) < 0 || append_index(bounds, at) < 0) {
            goto fail;
        }
        index++;
    }
    return Py_BuildValue("(NNN)", words, bounds, candidates);
fail:
    Py_XDECREF(words);
    Py_XDECREF(bounds);
    Py_XDECREF(candidates);
    return NULL;
}

/* A hit (Hit, a tuple subclass) of concept and term from start to end, appended to hits. */
static int
append_hit(PyObject *hits, PyTypeObject *hit_type, PyObject *concept, PyObject *term, PyObject *start,
           PyObject *end)
{
    PyObject *values = PyTuple_Pack(4, concept, term, start, end);
    if (values == NULL) {
        return -1;
    }
    PyObject *args = PyTuple_Pack(1, values);
    Py_DECREF(values);
    if (args == NULL) {
        return -1;
    }
    PyObject *hit = PyTuple_Type.tp_new(hit_type, args, NULL);
    Py_DECREF(args);
    if (hit == NULL) {
        return -1;
    }
    int failed = PyList_Append(hits, hit);
    Py_DECREF(hit);
    return failed;
}

/* A word's stem as `Matcher._stem_of` gives it: from the matcher's memo of stems, else from the
   method (which keeps it there). A new reference, or NULL. */
static PyObject *
stem_of(PyObject *matcher, PyObject *stems, PyObject *word)
{
    PyObject *stem = PyDict_GetItemWithError(stems, word);
    if (stem != NULL) {
        Py_INCREF(stem);
        return stem;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyObject_CallMethod(matcher, "_stem_of", "O", word);
}

/* Whether the words after words[index] pass a pattern's word tests 1 to upto - 1 (see
   `Matcher._rest_passes`): 1, 0, or -1. */
static int
rest_passes(PyObject *matcher, PyObject *stems, PyObject *tests, PyObject *words, Py_ssize_t index,
            Py_ssize_t upto)
{
    for (Py_ssize_t k = 1; k < upto; k++) {
        PyObject *test = PyList_GET_ITEM(tests, k);  /* (kind, value) */
        PyObject *kind = PyTuple_GET_ITEM(test, 0), *value = PyTuple_GET_ITEM(test, 1);
        PyObject *word = PyList_GET_ITEM(words, index + k);
        int passes;
        if (PyUnicode_CompareWithASCIIString(kind, "eq") == 0) {
            passes = PyObject_RichCompareBool(word, value, Py_EQ);
        }
        else if (PyUnicode_CompareWithASCIIString(kind, "in") == 0) {
            passes = PySequence_Contains(value, word);
        }
        else if (PyUnicode_CompareWithASCIIString(kind, "stem") == 0) {
            PyObject *stem = stem_of(matcher, stems, word);
            if (stem == NULL) {
                return -1;
            }
            passes = PyObject_RichCompareBool(stem, value, Py_EQ);
            Py_DECREF(stem);
        }
        else {
            passes = (int)PyUnicode_Tailmatch(word, value, 0, PY_SSIZE_T_MAX, -1);
        }
        if (passes <= 0) {
            return passes;
        }
    }
    return 1;
}

/* The hits of the longer patterns starting at word `index` (see `Matcher._longer_hits`). */
static int
longer_hits(PyObject *matcher, PyObject *stems, PyObject *longer, PyObject *words, Py_ssize_t index,
            PyObject *start, PyObject *bounds, PyTypeObject *hit_type, PyObject *hits)
{
    PyObject *following = PyList_GET_ITEM(words, index + 1), *following_stem = NULL;
    Py_ssize_t count = PyList_GET_SIZE(words);
    int result = -1;
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(longer); k++) {
        PyObject *pattern = PyTuple_GET_ITEM(longer, k);  /* (tests, concept, term, accepted, stem) */
        PyObject *tests = PyTuple_GET_ITEM(pattern, 0), *accepted = PyTuple_GET_ITEM(pattern, 3);
        PyObject *stem = PyTuple_GET_ITEM(pattern, 4);
        if (accepted != Py_None) {
            int in = PySet_Contains(accepted, following);
            if (in < 0) {
                goto done;
            }
            if (!in) {
                continue;
            }
        }
        else if (stem != Py_None) {
            if (following_stem == NULL) {
                following_stem = stem_of(matcher, stems, following);
                if (following_stem == NULL) {
                    goto done;
                }
            }
            int same = PyObject_RichCompareBool(following_stem, stem, Py_EQ);
            if (same < 0) {
                goto done;
            }
            if (!same) {
                continue;
            }
        }
        else {
            int passes = rest_passes(matcher, stems, tests, words, index, 2);
            if (passes < 0) {
                goto done;
            }
            if (!passes) {
                continue;
            }
        }
        Py_ssize_t size = PyList_GET_SIZE(tests);
        if (size != 2) {
            if (index + size > count) {
                continue;
            }
            int passes = rest_passes(matcher, stems, tests, words, index, size);
            if (passes < 0) {
                goto done;
            }
            if (!passes) {
                continue;
            }
        }
        PyObject *end = PyList_GET_ITEM(bounds, 2 * (index + size) - 1);
        if (append_hit(hits, hit_type, PyTuple_GET_ITEM(pattern, 1), PyTuple_GET_ITEM(pattern, 2), start, end) < 0) {
            goto done;
        }
    }
    result = 0;
done:
    Py_XDECREF(following_stem);
    return result;
}

static PyObject *collect_words(PyObject *, PyObject *, PyObject *, PyObject *, PyObject *, PyObject *, PyObject *,
                               PyObject *, PyTypeObject *, PyObject *, Py_ssize_t);

/* `collect(matcher, folded, words, bounds, candidates, memo, nothing, hit_type, hits)`: the hits
   of the words `scan` gave, appended to hits, as `matching._collect_python` finds them. */
static PyObject *
collect(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 9 || !PyUnicode_Check(args[1]) || !PyList_Check(args[2]) || !PyList_Check(args[3])
        || !PyList_Check(args[4]) || !PyDict_Check(args[5]) || !PyType_Check(args[7])
        || !PyType_IsSubtype((PyTypeObject *)args[7], &PyTuple_Type) || !PyList_Check(args[8])) {
        PyErr_SetString(PyExc_TypeError, "collect(matcher, folded, words, bounds, candidates, memo, nothing, "
                                         "hit_type, hits): wrong arguments");
        return NULL;
    }
    PyObject *matcher = args[0], *folded = args[1], *words = args[2], *bounds = args[3];
    PyObject *candidates = args[4], *memo = args[5], *nothing = args[6], *hits = args[8];
    PyTypeObject *hit_type = (PyTypeObject *)args[7];
    Py_ssize_t count = PyList_GET_SIZE(words);
    if (PyList_GET_SIZE(bounds) < 2 * count) {
        PyErr_SetString(PyExc_ValueError, "collect(): fewer bounds than words");
        return NULL;
    }
    PyObject *stems = PyObject_GetAttrString(matcher, "_stems");  /* the matcher's memo of stems */
    if (stems == NULL) {
        return NULL;
    }
    if (!PyDict_Check(stems)) {
        Py_DECREF(stems);
        PyErr_SetString(PyExc_TypeError, "collect(): the matcher's _stems is not a dict");
        return NULL;
    }
    PyObject *result = collect_words(matcher, stems, folded, words, bounds, candidates, memo, nothing, hit_type,
                                     hits, count);
    Py_DECREF(stems);
    return result;
}

static PyObject *
collect_words(PyObject *matcher, PyObject *stems, PyObject *folded, PyObject *words, PyObject *bounds,
              PyObject *candidates, PyObject *memo, PyObject *nothing, PyTypeObject *hit_type, PyObject *hits,
              Py_ssize_t count)
{
    for (Py_ssize_t c = 0; c < PyList_GET_SIZE(candidates); c++) {
        Py_ssize_t index = PyLong_AsSsize_t(PyList_GET_ITEM(candidates, c));
        if (index == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (index < 0 || index >= count) {
            PyErr_SetString(PyExc_IndexError, "collect(): a candidate beyond the words");
            return NULL;
        }
        PyObject *word = PyList_GET_ITEM(words, index);
        PyObject *starting = PyDict_GetItemWithError(memo, word);
        if (starting == NULL) {
            if (PyErr_Occurred()) {
                return NULL;
            }
            starting = PyObject_CallMethod(matcher, "_start_of", "O", word);  /* worked out and kept */
            if (starting == NULL) {
                return NULL;
            }
            Py_DECREF(starting);  /* the memo holds it */
            if (starting == nothing) {
                continue;
            }
        }
        if (!PyTuple_Check(starting) || PyTuple_GET_SIZE(starting) != 3) {
            PyErr_SetString(PyExc_TypeError, "collect(): a memo value is not (single, longer, held)");
            return NULL;
        }
        Py_INCREF(starting);  /* a callback below may clear the memo */
        PyObject *single = PyTuple_GET_ITEM(starting, 0), *longer = PyTuple_GET_ITEM(starting, 1);
        PyObject *held = PyTuple_GET_ITEM(starting, 2);
        PyObject *start = PyList_GET_ITEM(bounds, 2 * index), *end = PyList_GET_ITEM(bounds, 2 * index + 1);
        Py_ssize_t found = PyList_GET_SIZE(hits);
        int failed = 0;
        if (PyTuple_GET_SIZE(longer) && index + 1 < count) {
            failed = longer_hits(matcher, stems, longer, words, index, start, bounds, hit_type, hits) < 0;
        }
        for (Py_ssize_t k = 0; !failed && k < PyTuple_GET_SIZE(single); k++) {
            PyObject *pair = PyTuple_GET_ITEM(single, k);
            failed = append_hit(hits, hit_type, PyTuple_GET_ITEM(pair, 0), PyTuple_GET_ITEM(pair, 1), start, end) < 0;
        }
        if (!failed && held == Py_True) {
            PyObject *kept = PyObject_CallMethod(matcher, "_keep_outside_exceptions", "OnOOOn", hits, found, words,
                                                 folded, bounds, index);
            failed = kept == NULL;
            Py_XDECREF(kept);
        }
        Py_DECREF(starting);
        if (failed) {
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

/* A hit's concept id (hit[0].id), start (hit[2]) and end (hit[3]): a new reference and two
   numbers; NULL (an exception set) for anything else. */
static PyObject *
hit_fields(PyObject *hit, Py_ssize_t *start, Py_ssize_t *end)
{
    if (!PyTuple_Check(hit) || PyTuple_GET_SIZE(hit) < 4) {
        PyErr_SetString(PyExc_TypeError, "a hit is a tuple (concept, term, start, end)");
        return NULL;
    }
    *start = PyLong_AsSsize_t(PyTuple_GET_ITEM(hit, 2));
    if (*start == -1 && PyErr_Occurred()) {
        return NULL;
    }
    *end = PyLong_AsSsize_t(PyTuple_GET_ITEM(hit, 3));
    if (*end == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyObject_GetAttr(PyTuple_GET_ITEM(hit, 0), id_name);
}

/* Whether two concept ids (a may be NULL: none yet) are equal: 1, 0, or -1 with an exception. */
static int
same_id(PyObject *a, PyObject *b)
{
    return a == NULL ? 0 : PyObject_RichCompareBool(a, b, Py_EQ);
}

/* uncovered(hits): as matching._uncovered_python. */
static PyObject *
uncovered(PyObject *module, PyObject *hits)
{
    if (!PyList_Check(hits)) {
        PyErr_SetString(PyExc_TypeError, "uncovered() takes a list of hits");
        return NULL;
    }
    Py_ssize_t count = PyList_GET_SIZE(hits);
    Py_ssize_t *starts = PyMem_New(Py_ssize_t, count + 1), *ends = PyMem_New(Py_ssize_t, count + 1);
    PyObject **ids = PyMem_New(PyObject *, count + 1);
    PyObject *kept = NULL, *best_concept = NULL;
    Py_ssize_t filled = 0;
    if (starts == NULL || ends == NULL || ids == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    int overlap = 0;
    for (; filled < count; filled++) {
        ids[filled] = hit_fields(PyList_GET_ITEM(hits, filled), &starts[filled], &ends[filled]);
        if (ids[filled] == NULL) {
            goto done;
        }
        if (filled && ends[filled - 1] > starts[filled]) {
            overlap = 1;
        }
    }
    if (!overlap) {  /* most texts: no hit reaches the next one, so none covers another */
        Py_INCREF(hits);
        kept = hits;
        goto done;
    }
    kept = PyList_New(0);
    if (kept == NULL) {
        goto done;
    }
    Py_ssize_t best_end = -1, second_end = -1;
    for (Py_ssize_t index = 0; index < count;) {
        Py_ssize_t start = starts[index], end = ends[index], group = index + 1;
        while (group < count && starts[group] == start && ends[group] == end) {
            group++;
        }
        for (Py_ssize_t k = index; k < group; k++) {
            int same = same_id(best_concept, ids[k]);
            if (same < 0) {
                goto failed;
            }
            if ((same ? second_end : best_end) < end && PyList_Append(kept, PyList_GET_ITEM(hits, k)) < 0) {
                goto failed;
            }
        }
        for (Py_ssize_t k = index; k < group; k++) {
            int same = same_id(best_concept, ids[k]);
            if (same < 0) {
                goto failed;
            }
            if (same) {
                best_end = best_end > end ? best_end : end;
            }
            else if (end > best_end) {
                second_end = best_end;
                best_end = end;
                best_concept = ids[k];
            }
            else if (end > second_end) {
                second_end = end;
            }
        }
        index = group;
    }
    goto done;
failed:
    Py_CLEAR(kept);
done:
    for (Py_ssize_t k = 0; k < filled; k++) {
        Py_DECREF(ids[k]);
    }
    PyMem_Free(starts);
    PyMem_Free(ends);
    PyMem_Free(ids);
    return kept;
}

/* named_counts(hits): as matching._named_counts_python. */
static PyObject *
named_counts(PyObject *module, PyObject *hits)
{
    if (!PyList_Check(hits)) {
        PyErr_SetString(PyExc_TypeError, "named_counts() takes a list of hits");
        return NULL;
    }
    PyObject *counts = PyDict_New(), *ends = PyDict_New();
    if (counts == NULL || ends == NULL) {
        goto failed;
    }
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(hits); k++) {
        Py_ssize_t start, end;
        PyObject *concept = hit_fields(PyList_GET_ITEM(hits, k), &start, &end);
        if (concept == NULL) {
            goto failed;
        }
        PyObject *last = PyDict_GetItemWithError(ends, concept);  /* borrowed */
        Py_ssize_t reached = last != NULL ? PyLong_AsSsize_t(last) : -1;
        if (PyErr_Occurred()) {
            Py_DECREF(concept);
            goto failed;
        }
        if (start >= reached) {
            PyObject *seen = PyDict_GetItemWithError(counts, concept);  /* borrowed */
            Py_ssize_t times = seen != NULL ? PyLong_AsSsize_t(seen) : 0;
            PyObject *number = PyErr_Occurred() ? NULL : PyLong_FromSsize_t(times + 1);
            PyObject *stop = number != NULL ? PyLong_FromSsize_t(end) : NULL;
            int failed = stop == NULL || PyDict_SetItem(counts, concept, number) < 0
                         || PyDict_SetItem(ends, concept, stop) < 0;
            Py_XDECREF(number);
            Py_XDECREF(stop);
            if (failed) {
                Py_DECREF(concept);
                goto failed;
            }
        }
        Py_DECREF(concept);
    }
    Py_DECREF(ends);
    return counts;
failed:
    Py_XDECREF(counts);
    Py_XDECREF(ends);
    return NULL;
}

static PyMethodDef methods[] = {
    {"scan", (PyCFunction)(void (*)(void))scan, METH_FASTCALL,
     "scan(text, memo, nothing) -> (words, bounds, candidates)"},
    {"collect", (PyCFunction)(void (*)(void))collect, METH_FASTCALL,
     "collect(matcher, folded, words, bounds, candidates, memo, nothing, hit_type, hits) -> None"},
    {"uncovered", (PyCFunction)uncovered, METH_O, "uncovered(hits) -> hits not inside another concept's"},
    {"named_counts", (PyCFunction)named_counts, METH_O, "named_counts(hits) -> {concept id: times named}"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef words_module = {
    PyModuleDef_HEAD_INIT, "_words", "The term matcher's word scanner.", -1, methods,
};

PyMODINIT_FUNC
PyInit__words(void)
{
    id_name = PyUnicode_InternFromString("id");
    if (id_name == NULL) {
        return NULL;
    }
    return PyModule_Create(&words_module);
}
