/* The words of a text for the term matcher, in one pass in C.

   `scan(text, memo, nothing)` returns the text's words (the runs of characters the regular
   expression \w matches: letters, digits of every script, and the underscore), where each starts
   and ends ([start0, end0, start1, end1, ...]), and the indexes of the words that `memo` does not
   map to `nothing` (unknown words, and words that start a term). It is what
   `matching._scan_python` computes with a regular-expression split: the matcher's test suite
   compares the two on every input it is given. Splitting a text with the regular expression took
   most of the time of finding its terms; most words start no term and are never looked at again. */

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

static PyMethodDef methods[] = {
    {"scan", (PyCFunction)(void (*)(void))scan, METH_FASTCALL,
     "scan(text, memo, nothing) -> (words, bounds, candidates)"},
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
