/* The term matcher's two inner loops, in C.

   `scan(text, memo, nothing)` returns the text's words (the runs of characters the regular
   expression \w matches: letters, digits of every script, and the underscore), where each starts
   and ends ([start0, end0, start1, end1, ...]), and the indexes of the words that `memo` does not
   map to `nothing` (unknown words, and words that start a term): `matching._scan_python` with a
   regular-expression split. Splitting a text with the regular expression took most of the time
   of finding its terms; most words start no term and are never looked at again.

   `collect(...)` makes the hits of those words, as `matching._collect_python` does: the one-word
   terms a word starts, and the longer terms whose later words follow it (tested as written, as a
   set of forms, by stem from the matcher's memo of stems, or by prefix). It calls back into the
   matcher for what is rare: a word not met before, a stem not worked out yet, a term with
   exceptions. The matcher's tests compare both with their Python references on any input. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* The same test as the regular-expression engine's \w on str (SRE_UNI_IS_WORD). */
static inline int
is_word(Py_UCS4 ch)
{
    return Py_UNICODE_ISALNUM(ch) || ch == '_';
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
        while (at < length && !is_word(PyUnicode_READ(kind, data, at))) {
            at++;
        }
        if (at == length) {
            break;
        }
        Py_ssize_t start = at;
        while (at < length && is_word(PyUnicode_READ(kind, data, at))) {
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

static PyMethodDef methods[] = {
    {"scan", (PyCFunction)(void (*)(void))scan, METH_FASTCALL,
     "scan(text, memo, nothing) -> (words, bounds, candidates)"},
    {"collect", (PyCFunction)(void (*)(void))collect, METH_FASTCALL,
     "collect(matcher, folded, words, bounds, candidates, memo, nothing, hit_type, hits) -> None"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef words_module = {
    PyModuleDef_HEAD_INIT, "_words", "The term matcher's word scanner.", -1, methods,
};

PyMODINIT_FUNC
PyInit__words(void)
{
    return PyModule_Create(&words_module);
}
