/* A YAML document's tree with positions, built in C from libyaml's events.

   `build(text, pos_dict, pos_list, resolve, maybe_not_text, escapes)` gives what
   `yamlio._Tree.build` gives for the same text, as `(root, resolved)`: mappings and lists as
   `pos_dict` and `pos_list` instances with the positions (1-based line and column) of every
   container, key and value, and the text of each plain scalar that resolved to something other
   than a string (`resolve` turns a plain scalar into its value; only those whose first character
   is in `maybe_not_text`, or all of them when it is None, are handed to it).

   Only a document the Python builder accepts as it is is built here: at anything it would look
   at closer (a parse error, an anchor, an alias, a tag, a second document, a duplicate key, a key
   that is not a plain value, a double-quoted scalar in a file with a backslash), and where
   libyaml reads otherwise than PyYAML (a byte order mark in the text, a pair written as an item
   of a flow sequence) this returns None
   and `yamlio` builds the document in Python, which refuses it with its precise message. So the
   safety rules stay in one place; this only saves the Python objects PyYAML makes for every event
   and mark. The tests compare both builders on any document. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <yaml.h>

typedef struct {
    PyObject *container;  /* the mapping or list being filled */
    int is_list;
    PyObject *key;        /* a mapping's pending key; NULL while waiting for one */
    PyObject *positions;  /* item_pos (list) or value_pos (mapping) */
    PyObject *texts;      /* item_text or value_text */
    PyObject *key_pos;    /* mappings: key_pos */
    PyObject *key_text;   /* mappings: key_text */
} Frame;

#define FALL_BACK 1  /* the Python builder must see this document */

static void
frame_clear(Frame *frame)
{
    Py_CLEAR(frame->container);
    Py_CLEAR(frame->key);
    Py_CLEAR(frame->positions);
    Py_CLEAR(frame->texts);
    Py_CLEAR(frame->key_pos);
    Py_CLEAR(frame->key_text);
}

static int
frame_open(Frame *frame, PyObject *container, int is_list)
{
    memset(frame, 0, sizeof(*frame));
    Py_INCREF(container);
    frame->container = container;
    frame->is_list = is_list;
    frame->positions = PyObject_GetAttrString(container, is_list ? "item_pos" : "value_pos");
    frame->texts = PyObject_GetAttrString(container, is_list ? "item_text" : "value_text");
    if (frame->positions == NULL || frame->texts == NULL) {
        return -1;
    }
    if (!is_list) {
        frame->key_pos = PyObject_GetAttrString(container, "key_pos");
        frame->key_text = PyObject_GetAttrString(container, "key_text");
        if (frame->key_pos == NULL || frame->key_text == NULL) {
            return -1;
        }
    }
    return 0;
}

/* Put a value where the document is (yamlio._Tree.attach): 0, FALL_BACK, or -1 with an
   exception. ``text``: a plain scalar's own text when its value is not a string, else NULL. */
static int
attach(Frame *stack, Py_ssize_t depth, PyObject **root, PyObject *value, PyObject *pos, PyObject *text)
{
    if (depth == 0) {
        Py_INCREF(value);
        Py_XSETREF(*root, value);
        return 0;
    }
    Frame *parent = &stack[depth - 1];
    if (parent->is_list) {
        if (text != NULL) {
            PyObject *index = PyLong_FromSsize_t(PyList_GET_SIZE(parent->container));
            int failed = index == NULL || PyDict_SetItem(parent->texts, index, text) < 0;
            Py_XDECREF(index);
            if (failed) {
                return -1;
            }
        }
        if (PyList_Append(parent->container, value) < 0 || PyList_Append(parent->positions, pos) < 0) {
            return -1;
        }
        return 0;
    }
    if (parent->key == NULL) {
        if (PyDict_Check(value) || PyList_Check(value)) {
            return FALL_BACK;  /* a key that is not a plain value */
        }
        int present = PyDict_Contains(parent->container, value);
        if (present != 0) {
            return present < 0 ? -1 : FALL_BACK;  /* a duplicate key */
        }
        if (PyDict_SetItem(parent->key_pos, value, pos) < 0) {
            return -1;
        }
        if (text != NULL && PyDict_SetItem(parent->key_text, value, text) < 0) {
            return -1;
        }
        Py_INCREF(value);
        parent->key = value;
        return 0;
    }
    if (PyDict_SetItem(parent->container, parent->key, value) < 0
        || PyDict_SetItem(parent->positions, parent->key, pos) < 0
        || (text != NULL && PyDict_SetItem(parent->texts, parent->key, text) < 0)) {
        return -1;
    }
    Py_CLEAR(parent->key);
    return 0;
}

/* Whether the character at ``index`` of ``text`` (libyaml's marks count characters) is ``c``. */
static int
opens_with(PyObject *text, size_t index, Py_UCS4 c)
{
    return index < (size_t)PyUnicode_GET_LENGTH(text) && PyUnicode_READ_CHAR(text, (Py_ssize_t)index) == c;
}

static PyObject *
position(yaml_mark_t mark)
{
    return Py_BuildValue("(nn)", (Py_ssize_t)mark.line + 1, (Py_ssize_t)mark.column + 1);
}

/* A scalar's value (yamlio._scalar) and, when it is not a string, its text in *text. */
static PyObject *
scalar_value(yaml_event_t *event, PyObject *resolve, PyObject *maybe_not_text, PyObject **text)
{
    PyObject *value = PyUnicode_DecodeUTF8((const char *)event->data.scalar.value,
                                           (Py_ssize_t)event->data.scalar.length, "strict");
    *text = NULL;
    if (value == NULL || !event->data.scalar.plain_implicit) {
        return value;
    }
    if (PyUnicode_GET_LENGTH(value) > 0 && maybe_not_text != Py_None) {
        PyObject *first = PyUnicode_Substring(value, 0, 1);
        int maybe = first == NULL ? -1 : PySet_Contains(maybe_not_text, first);
        Py_XDECREF(first);
        if (maybe <= 0) {
            if (maybe < 0) {
                Py_DECREF(value);
                return NULL;
            }
            return value;
        }
    }
    PyObject *resolved = PyObject_CallOneArg(resolve, value);
    if (resolved != NULL && !PyUnicode_CheckExact(resolved)) {
        *text = value;
        return resolved;
    }
    Py_DECREF(value);
    return resolved;
}

static PyObject *
build(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 6 || !PyUnicode_Check(args[0]) || !PyType_Check(args[1]) || !PyType_Check(args[2])
        || !PyCallable_Check(args[3]) || !(args[4] == Py_None || PyAnySet_Check(args[4]))) {
        PyErr_SetString(PyExc_TypeError, "build(text, pos_dict, pos_list, resolve, maybe_not_text, escapes)");
        return NULL;
    }
    PyObject *pos_dict = args[1], *pos_list = args[2], *resolve = args[3], *maybe_not_text = args[4];
    int escapes = PyObject_IsTrue(args[5]);
    Py_ssize_t size;
    const char *utf8 = PyUnicode_AsUTF8AndSize(args[0], &size);
    if (utf8 == NULL || escapes < 0) {
        return NULL;
    }
    /* A byte order mark left in the text (a file's first one is dropped before this): libyaml
       reads one at the start of a line as a character of it, where PyYAML skips it. */
    Py_ssize_t mark = PyUnicode_FindChar(args[0], 0xFEFF, 0, PyUnicode_GET_LENGTH(args[0]), 1);
    if (mark != -1) {
        return mark == -2 ? NULL : Py_NewRef(Py_None);
    }
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        return PyErr_NoMemory();
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)utf8, (size_t)size);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

    Py_ssize_t depth = 0, capacity = 16;
    Frame *stack = PyMem_New(Frame, capacity);
    PyObject *root = NULL, *result = NULL;
    int documents = 0, resolved = 0, outcome = 0, done = 0;
    if (stack == NULL) {
        PyErr_NoMemory();
        outcome = -1;
    }
    while (outcome == 0 && !done) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            outcome = FALL_BACK;  /* the Python builder says what is wrong, and where */
            break;
        }
        PyObject *value = NULL, *pos = NULL, *text = NULL;
        switch (event.type) {
        case YAML_STREAM_END_EVENT:
            done = 1;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++documents > 1) {
                outcome = FALL_BACK;
            }
            break;
        case YAML_ALIAS_EVENT:
            outcome = FALL_BACK;
            break;
        case YAML_SCALAR_EVENT:
            if (event.data.scalar.anchor != NULL || event.data.scalar.tag != NULL
                || (escapes && event.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)) {
                outcome = FALL_BACK;
                break;
            }
            value = scalar_value(&event, resolve, maybe_not_text, &text);
            pos = value != NULL ? position(event.start_mark) : NULL;
            if (pos == NULL) {
                outcome = -1;
                break;
            }
            if (text != NULL) {
                resolved = 1;
            }
            outcome = attach(stack, depth, &root, value, pos, text);
            break;
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT: {
            int is_list = event.type == YAML_SEQUENCE_START_EVENT;
            if ((is_list ? event.data.sequence_start.anchor : event.data.mapping_start.anchor) != NULL
                || (is_list ? event.data.sequence_start.tag : event.data.mapping_start.tag) != NULL) {
                outcome = FALL_BACK;
                break;
            }
            if (!is_list && event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                && !opens_with(args[0], event.start_mark.index, '{')) {
                /* A pair written as an item of a flow sequence ([b: c], [?]): after one with an
                   empty key, libyaml 0.2.5 reads past a stray "]" that PyYAML's parser refuses. */
                outcome = FALL_BACK;
                break;
            }
            pos = position(event.start_mark);
            value = pos != NULL ? PyObject_CallOneArg(is_list ? pos_list : pos_dict, pos) : NULL;
            if (value == NULL) {
                outcome = -1;
                break;
            }
            outcome = attach(stack, depth, &root, value, pos, NULL);
            if (outcome != 0) {
                break;
            }
            if (depth == capacity) {  /* (PyMem_Resize would lose the frames when it fails) */
                Frame *grown = PyMem_Realloc(stack, (size_t)capacity * 2 * sizeof(Frame));
                if (grown == NULL) {
                    PyErr_NoMemory();
                    outcome = -1;
                    break;
                }
                stack = grown;
                capacity *= 2;
            }
            if (frame_open(&stack[depth], value, is_list) < 0) {
                frame_clear(&stack[depth]);
                outcome = -1;
                break;
            }
            depth++;
            break;
        }
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
            if (depth > 0) {
                frame_clear(&stack[--depth]);
            }
            break;
        default:
            break;
        }
        Py_XDECREF(value);
        Py_XDECREF(pos);
        Py_XDECREF(text);
        yaml_event_delete(&event);
    }
    if (outcome == 0) {
        result = Py_BuildValue("(OO)", root != NULL ? root : Py_None, resolved ? Py_True : Py_False);
    }
    else if (outcome == FALL_BACK) {
        result = Py_NewRef(Py_None);
    }
    while (depth > 0) {
        frame_clear(&stack[--depth]);
    }
    PyMem_Free(stack);
    Py_XDECREF(root);
    yaml_parser_delete(&parser);
    return result;
}

static PyMethodDef methods[] = {
    {"build", (PyCFunction)(void (*)(void))build, METH_FASTCALL,
     "build(text, pos_dict, pos_list, resolve, maybe_not_text, escapes) -> (root, resolved) or None"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef yaml_tree_module = {
    PyModuleDef_HEAD_INIT, "_yaml_tree", "A YAML document's tree with positions, from libyaml.", -1, methods,
};

PyMODINIT_FUNC
PyInit__yaml_tree(void)
{
    return PyModule_Create(&yaml_tree_module);
}
