"""The compiled live reader (`_live.entries`) gives what its Python reference
(`po_reader._live_entries`) gives, on any text: the same entries, or a refusal (None, or
_Unusual, which `read_live` turns into None: the strict reader then reads the catalog).

Where the project was installed without a C compiler the compiled reader is missing and these
tests are skipped; CI sets PIPELINE_REQUIRE_COMPILED, so a reader that failed to build fails there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.catalog import po_reader
from pipeline.catalog.po_reader import _decoded, _live_entries, _Unusual

from ..conftest import FIXTURE, REPO, compiled_module

_module = compiled_module("pipeline.catalog._live")
compiled = _module.entries if _module is not None else None

pytestmark = pytest.mark.skipif(compiled is None, reason="the compiled live reader was not built (no C compiler)")


def answer(reader: Callable[..., Any], text: str) -> Any:
    try:
        return reader(text, _decoded)
    except _Unusual:
        return None


# Lines of a catalog as msgcat writes one, and lines it never writes: every kind of comment
# (fuzzy among other flags, previous strings, obsolete entries, a bare "#"), strings continued on
# the next line, escapes gettext reads and escapes it refuses, plurals, stray text.
LINES = [
    "#: source/procedures/a.yaml:3", "#. extracted", "# signed-off: reviewer 2026-01-01 0123456789abcdef",
    "# term: disc", "#", "#x stray", "#, fuzzy", "#, c-format, fuzzy", "#,  fuzzy ", "#, fuzzy-ish", "#,",
    "#| msgid \"old\"", "#| msgctxt \"c\"", "#| \"continued\"", "#|msgid \"x\"", "#| msgid_plural \"p\"",
    "#~ msgid \"gone\"", "msgctxt \"c\"", "msgctxt \"\"", "msgid \"\"", "msgid \"a\"", "msgid \"b\"",
    "msgid \"a\\\"b\"", "msgid \"tab\\there\"", "msgid \"\\x41\"", "msgid \"\\777\"", "msgid \"\\q\"",
    "msgid \"\\0\"", "msgid  \"two spaces\"", "\"continued\"", "\"\"", "\"open", "msgstr \"x\"", "msgstr \"\"",
    "msgstr \"é 👍 \\n\"", "msgstr[0] \"x\"", "msgid_plural \"p\"", "", " ", "\t", "msgstr \"\x00\"",
]
ENTRY = st.tuples(st.lists(st.sampled_from([line for line in LINES if line.startswith("#")]), max_size=4),
                  st.sampled_from(["", "msgctxt \"c\"\n", "msgctxt \"d\"\n\"e\"\n"]),
                  st.sampled_from(["msgid \"a\"", "msgid \"\"\n\"a\"", "msgid \"b\\\\c\"", "msgid \"\"", "msgid \"z\""]),
                  st.sampled_from(["msgstr \"x\"", "msgstr \"\"\n\"y\\n\"", "msgstr \"\""])).map(
    lambda parts: "".join(line + "\n" for line in parts[0]) + parts[1] + parts[2] + "\n" + parts[3] + "\n")


@given(entries=st.lists(ENTRY, max_size=5), end=st.sampled_from(["", "\n", "x"]))
@settings(max_examples=500, deadline=None)
def test_catalogs_as_msgcat_writes_them(entries: list[str], end: str) -> None:
    text = "\n".join(entries) + end
    assert answer(compiled, text) == answer(_live_entries, text)


@given(lines=st.lists(st.sampled_from(LINES), max_size=14), end=st.sampled_from(["", "\n"]))
@settings(max_examples=1000, deadline=None)
def test_any_lines(lines: list[str], end: str) -> None:
    text = "\n".join(lines) + end
    assert answer(compiled, text) == answer(_live_entries, text)


@given(text=st.text(st.sampled_from(list('#:,|~ "\\\nmsgidtrcxfuzy\x00é')), max_size=80))
@settings(max_examples=1000, deadline=None)
def test_any_text(text: str) -> None:
    assert answer(compiled, text) == answer(_live_entries, text)


CATALOGS = sorted((REPO / "locales").glob("*/LC_MESSAGES/*.po")) + sorted((FIXTURE / "locales").glob("*/*/*.po"))


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_catalog_of_the_repository(path) -> None:
    text = path.read_text("utf-8")
    found = answer(compiled, text)
    assert found == answer(_live_entries, text)
    assert found is not None  # msgcat's layout: the fast path reads them all


@pytest.mark.parametrize("arguments", [(), ("text",), (1, _decoded), ("text", None), ("a", _decoded, None)])
def test_wrong_arguments_are_a_type_error(arguments: tuple[object, ...]) -> None:
    with pytest.raises(TypeError):
        compiled(*arguments)


def test_read_live_uses_the_compiled_reader() -> None:
    assert po_reader._entries is compiled
