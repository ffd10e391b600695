"""Text gettext cannot carry (a NUL, other control characters) is refused where it is written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.catalog.po_reader import _decoded, _live_entries, read_entries, read_live
from pipeline.characters import find_forbidden
from pipeline.errors import InputError
from pipeline.yamlio import load_yaml

PROCEDURE = "source/procedures/endoscopic-rhizotomy.yaml"
TEMPLATE = "locales/templates/endoscopic-rhizotomy.pot"
ANCHOR = "            text: Facet joint pain that lasts or keeps coming back."

# how the character is written in YAML, its code point
ESCAPED = [('"\\0"', "U+0000"), ('"\\x00"', "U+0000"), ('"\\x1b"', "U+001B"), ('"\\x7f"', "U+007F"),
           ('"\\x85"', "U+0085"), ('"\\r"', "U+000D"), ('"\\b"', "U+0008")]


@pytest.mark.parametrize("written,code", ESCAPED, ids=[e[1] + " " + e[0] for e in ESCAPED])
def test_an_escaped_control_character_in_a_procedure_is_refused_before_extract_writes(
        content_root, run, written, code):
    path = content_root / PROCEDURE
    text = path.read_text("utf-8")
    line = text.splitlines().index(ANCHOR) + 1
    path.write_text(text.replace(ANCHOR, f'            text: {written[:-1]}Facet joint pain."', 1), "utf-8")
    before = (content_root / TEMPLATE).read_bytes()
    result = run("extract")
    assert result.exit_code == 2, result.output
    assert f"{PROCEDURE}:{line}:19: character {code}" in result.output, result.output
    assert (content_root / TEMPLATE).read_bytes() == before


@pytest.mark.parametrize("raw,code", [("\x1b", "U+001B"), ("\x7f", "U+007F"), ("\x85", "U+0085"), ("\x0c", "U+000C")])
def test_a_raw_control_character_is_refused_at_its_line_and_column(raw, code):
    data = f"a: 1\nb: x{raw}y\n".encode()
    with pytest.raises(InputError) as caught:
        load_yaml("f.yaml", data)
    assert str(caught.value).startswith(f"f.yaml:2:5: character {code}")


@pytest.mark.parametrize("yaml_text", ['"tab\\there"', "|\n  two\n  lines\n", "plain text", "'é 中文 ٣'"])
def test_tabs_newlines_and_any_script_are_text(yaml_text):
    assert load_yaml("f.yaml", f"a: {yaml_text}".encode())["a"]


def test_a_control_character_in_a_key_is_refused():
    with pytest.raises(InputError) as caught:
        load_yaml("f.yaml", b'"k\\x01": 1\n')
    assert "U+0001" in str(caught.value)


def test_a_termbase_term_with_a_nul_is_refused(content_root, run):
    path = content_root / "source/termbase.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("{term: disc,", '{term: "disc\\0",', 1), "utf-8")
    result = run("update")
    assert result.exit_code == 2 and "source/termbase.yaml:" in result.output and "U+0000" in result.output, \
        result.output


def test_a_raw_nul_in_a_catalog_is_refused():
    data = b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b\x00c"\n'
    for fast in (True, False):
        with pytest.raises(InputError) as caught:
            read_entries("x.po", data, fast=fast)
        assert caught.value.location is not None and caught.value.location.line == 6
        assert "U+0000" in caught.value.message


# A translation's control character, raw or written as an escape gettext reads, would reach the
# bundles (an Android build refuses it only then, on a signed-off entry): how it is written in the
# msgstr, its code point and column.
IN_A_CATALOG = [('"b\x01c"', "U+0001", 10), ('"b\x1bc"', "U+001B", 10), ('"b\\ac"', "U+0007", 10),
                ('"b\\vc"', "U+000B", 10), ('"b\\fc"', "U+000C", 10), ('"b\\rc"', "U+000D", 10),
                ('"b\\033c"', "U+001B", 10), ('"b\\177c"', "U+007F", 10), ('"b\\302\\205c"', "U+0085", 10),
                ('"b\x85c"', "U+0085", 10)]


@pytest.mark.parametrize(("written", "code", "column"), IN_A_CATALOG, ids=[c[0] for c in IN_A_CATALOG])
def test_a_control_character_in_a_catalog_is_refused_at_its_line(written, code, column):
    data = f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr {written}\n'
    for fast in (True, False):
        with pytest.raises(InputError) as caught:
            read_entries("x.po", data.encode("utf-8"), fast=fast)
        assert str(caught.value).startswith(f"x.po:6:{column}: character {code}"), str(caught.value)
    assert read_live("x.po", data.encode("utf-8")) is None  # the checks' fast path leaves it to read_entries


def test_a_control_character_in_a_tbx_is_refused_at_its_line(content_root, run, tmp_path):
    tbx = run("glossary", "export").output
    line = tbx[:tbx.index("<term>")].count("\n") + 1
    path = tmp_path / "terms.tbx"
    path.write_text(tbx.replace("<term>", "<term>\x85", 1), "utf-8")
    before = (content_root / "source/termbase.yaml").read_bytes()
    result = run("glossary", "import", str(path))
    assert result.exit_code == 2 and f"terms.tbx:{line}:" in result.output and "U+0085" in result.output, \
        result.output
    assert (content_root / "source/termbase.yaml").read_bytes() == before


@pytest.mark.parametrize("written", ["x\x01y", "'x\x01y'", "|\n  x\x01y\n", ">\n  x\x01y\n", "[x\x01y]", "{k: x\x01y}"],
                         ids=["plain", "single-quoted", "literal", "folded", "flow list", "flow mapping"])
def test_a_raw_control_character_is_refused_in_every_style_of_scalar(written):
    # only a double-quoted scalar can hold a character the file does not: an escape
    with pytest.raises(InputError) as caught:
        load_yaml("f.yaml", f"a: {written}\n".encode())
    assert "character U+0001" in str(caught.value)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters='"\\\n\r'), max_size=30))
def test_both_readers_refuse_exactly_the_characters_no_text_may_hold(text):
    """The fast path (compiled, or its Python reference) hands a catalog with such a character to
    the strict reader, which refuses it where it is; any other text is read as written. (A raw
    carriage return is a line end's business: the fast path leaves every file holding one.)"""
    data = f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "{text}"\n'.encode()
    bad = find_forbidden(text) is not None
    for live in (read_live, lambda name, data: _live_entries(data.decode(), _decoded)):
        rows = live("x.po", data)
        assert (rows is None) if bad else (rows is not None and rows[-1][3] == text)
    if bad:
        with pytest.raises(InputError):
            read_entries("x.po", data)
    else:
        assert read_entries("x.po", data)[-1].msgstr == {0: text}

