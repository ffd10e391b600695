"""The YAML reader's compiled tree builder (`pipeline._yaml_tree`) builds what the Python builder
(`yamlio._Tree`) builds, positions and all, on any document; a document the Python builder would
look at closer (and may refuse) is handed back to it, so every refusal keeps its message.

Where the project was installed without a C compiler or libyaml's headers the module is missing
and these tests are skipped; CI sets PIPELINE_REQUIRE_COMPILED, so a module that failed to build
fails there."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import yamlio
from pipeline.errors import InputError
from pipeline.yamlio import PosDict, PosList

from .conftest import compiled_module

_module = compiled_module("pipeline._yaml_tree")
pytestmark = pytest.mark.skipif(_module is None, reason="the compiled YAML tree builder was not built")


def shape(node: Any) -> Any:
    """Everything a built document holds: values, types, positions and the texts kept."""
    if isinstance(node, PosDict):
        return ("mapping", node.pos, [(type(k).__name__, k, shape(v)) for k, v in node.items()],
                sorted(map(repr, node.key_pos.items())), sorted(map(repr, node.value_pos.items())),
                sorted(map(repr, node.key_text.items())), sorted(map(repr, node.value_text.items())),
                sorted(node.__dict__))
    if isinstance(node, PosList):
        return ("list", node.pos, [shape(v) for v in node], node.item_pos, sorted(node.item_text.items()),
                sorted(node.__dict__))
    return (type(node).__name__, repr(node))


def in_python(text: str) -> Any:
    builder = yamlio._compiled_build
    yamlio._compiled_build = None
    try:
        return outcome(text)
    finally:
        yamlio._compiled_build = builder


def outcome(text: str) -> Any:
    try:
        root = yamlio.load_yaml("a.yaml", text.encode("utf-8"))
    except InputError as error:
        return ("refused", str(error))
    return shape(root), getattr(root, "resolved", None)


def compiled(text: str) -> Any:
    return _module.build(text, PosDict, PosList, yamlio._resolve_plain, yamlio._MAYBE_NOT_TEXT, "\\" in text)


SCALARS = (st.sampled_from(["yes", "no", "on", "off", "~", "null", "", "1", "1.5", "0x1F", "1_000", ".inf",
                            "2026-11-30", "true", "False", "- a", "a: b", "#x", "'q'", "é", "中文", "٣"])
           | st.text(max_size=12) | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none())
DATA = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=6) | st.sampled_from(["no", "1", "on"]), inner, max_size=4),
                    max_leaves=12)


@given(data=DATA, flow=st.sampled_from([None, True, False]), style=st.sampled_from([None, '"', "'", "|", ">"]),
       width=st.sampled_from([20, 80]))
@settings(max_examples=400, deadline=None)
def test_any_document_is_built_as_the_python_builder_builds_it(data: Any, flow: bool | None, style: str | None,
                                                              width: int) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, default_style=style, width=width, allow_unicode=True)
    assert outcome(text) == in_python(text)


@given(text=st.text(st.sampled_from(list("ab: -[]{},'\"\\\n #&*!|>?~1é")), max_size=40))
@settings(max_examples=400, deadline=None)
def test_any_text_is_built_or_refused_as_in_python(text: str) -> None:
    assert outcome(text) == in_python(text)


HANDED_BACK = [
    # document the Python builder must see, what it says
    ("a: &x 1\nb: 2\n", "anchors"),
    ("a: 1\nb: *x\n", "aliases"),
    ("a: !!python/object x\n", "tag"),
    ("a: 1\n---\nb: 2\n", "more than one YAML document"),
    ("a: 1\na: 2\n", "duplicate key 'a'"),
    ("? [a]\n: 1\n", "a mapping key must be a plain value"),
    ('a: "\\x1b"\n', "a.yaml:1:4"),  # an escape giving a control character
    ("a: [1, 2\n", "invalid YAML"),
    # libyaml 0.2.5 (Debian's) reads past a stray "]" after a pair with an empty key in a flow
    # sequence as if it were not there; PyYAML's parser refuses it
    ("a: [?]]\n", "a.yaml:1:7: invalid YAML: did not find expected key"),
    ("- [a, ?]]\n", "invalid YAML"),
]


@pytest.mark.parametrize(("text", "said"), HANDED_BACK)
def test_what_the_python_builder_must_see_is_handed_back(text: str, said: str) -> None:
    assert compiled(text) is None
    refused = outcome(text)
    assert refused[0] == "refused" and said in refused[1] and refused == in_python(text)


@pytest.mark.parametrize("text", ["a: [b: c]\n", "a: [?]\n", "a: [x, ? y : z]\n", "- [{b: c}, d: e]\n"])
def test_a_pair_written_in_a_flow_sequence_is_built_in_python(text: str) -> None:
    """A pair standing as an item of a flow sequence ([b: c], [?]) is where libyaml can read past
    a stray "]": every such document is built by the Python builder."""
    assert compiled(text) is None
    assert outcome(text) == in_python(text)


@pytest.mark.parametrize("text", ["\ufeff\ufeff--- x\n", "\ufeff\ufeffid: x\n", "\ufeff\ufeff...\n", "id: x\ufeff\n"])
def test_a_byte_order_mark_left_in_the_text_is_read_by_the_python_builder(text: str) -> None:
    """A file's first byte order mark is dropped before either builder reads it. libyaml takes
    one more at the start as a character of the line (a column further on, and "---" there no
    longer starts the document) where PyYAML skips it: a text holding one is built in Python."""
    assert compiled(text.removeprefix("\ufeff")) is None
    assert outcome(text) == in_python(text)


BUILT = [
    # document, the built data
    ("", None),
    ("a: 1\nb: [x, 'y']\n", {"a": 1, "b": ["x", "y"]}),
    ("severity: off\n", {"severity": False}),
    ('a: "line\\nbreak"\n', {"a": "line\nbreak"}),  # an escape, in a file with a backslash: still safe
]


@pytest.mark.parametrize(("text", "data"), BUILT)
def test_documents_built_here_hold_their_data(text: str, data: Any) -> None:
    assert outcome(text) == in_python(text)
    assert yamlio.load_yaml("a.yaml", text.encode("utf-8")) == data


def test_a_document_deeper_than_the_first_stack_of_frames_is_built_here() -> None:
    text = "a:\n" + "".join(f"{'  ' * (k + 1)}- k{k}:\n" for k in range(40)) + "  " * 41 + "- end\n"  # 82 levels
    assert compiled(text) is not None
    assert outcome(text) == in_python(text)


def test_wrong_arguments_are_a_type_error() -> None:
    with pytest.raises(TypeError):
        _module.build(b"a: 1", PosDict, PosList, yamlio._resolve_plain, None, False)
