"""Properties of the PO reader and writer, on generated entries (Hypothesis):

- whatever the writer emits, the reader reads back as the same entries, and GNU msgcat prints the
  very same bytes;
- whatever GNU msgfmt --check refuses, the reader refuses too (with InputError, never a traceback).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import polib
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pipeline.catalog.po_reader import parse_po, read_entries
from pipeline.catalog.po_writer import KNOWN_FLAGS, format_po
from pipeline.errors import InputError

pytestmark = pytest.mark.skipif(shutil.which("msgfmt") is None or shutil.which("msgcat") is None,
                                reason="GNU gettext is not installed")

BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                   database=None)
METADATA = {"Project-Id-Version": "leaflets 1", "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": "nplurals=2; plural=(n != 1);"}

# Any character gettext carries (control characters other than tab and newline are refused by
# every reader of ours), with the ones the writer must escape or wrap on made frequent.
CHARACTER = st.one_of(st.characters(exclude_categories=("Cs", "Cc")), st.sampled_from('\n\t"\\  -/'))
TEXT = st.text(CHARACTER, max_size=110)
LINE = st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=40)
REFERENCE = st.tuples(st.from_regex(r"[a-z][a-z0-9_/.-]{0,40}", fullmatch=True),
                      st.one_of(st.just(""), st.integers(1, 99999).map(str)))


# At most one flag of each family: "c-format, no-c-format" contradict each other, and msgcat keeps
# whichever it read last.
FLAG_FAMILIES = [("", "fuzzy"), ("", "c-format", "no-c-format"), ("", "python-format", "no-python-format"),
                 ("", "python-brace-format", "no-python-brace-format"), ("", "no-wrap")]
assert {f for family in FLAG_FAMILIES for f in family} - {"", "fuzzy"} == set(KNOWN_FLAGS)


@st.composite
def entries(draw: Any) -> polib.POEntry:
    plural = draw(st.booleans())
    entry = polib.POEntry(
        msgctxt=draw(st.one_of(st.none(), TEXT)), msgid=draw(TEXT.filter(bool)),
        msgid_plural=draw(TEXT.filter(bool)) if plural else "",
        tcomment="\n".join(draw(st.lists(LINE, max_size=2))), comment="\n".join(draw(st.lists(LINE, max_size=2))),
        occurrences=draw(st.lists(REFERENCE, max_size=3, unique=True)),  # msgcat drops a repeated one
        flags=[f for family in FLAG_FAMILIES if (f := draw(st.sampled_from(family)))],
        previous_msgid=draw(st.one_of(st.none(), TEXT)), obsolete=draw(st.booleans()))
    if plural:
        entry.msgstr_plural = {0: draw(TEXT), 1: draw(TEXT)}
    else:
        entry.msgstr = draw(TEXT)
    return entry


def catalog_of(items: list[polib.POEntry]) -> polib.POFile:
    catalog = polib.POFile(wrapwidth=79)
    catalog.metadata = dict(METADATA)
    for entry in items:
        catalog.append(entry)
    return catalog


def view(entry: polib.POEntry) -> tuple[Any, ...]:
    strings = dict(entry.msgstr_plural) if entry.msgid_plural else {0: entry.msgstr}
    return (entry.obsolete, entry.msgctxt, entry.msgid, entry.msgid_plural or None, strings, sorted(entry.flags),
            entry.tcomment or "", entry.comment or "", [tuple(o) for o in entry.occurrences] if not entry.obsolete
            else [], entry.previous_msgid)


def written(entry: polib.POEntry) -> tuple[Any, ...]:
    """What the writer keeps of an entry, obsolete or not: known flags, fuzzy only on a translation."""
    kept = polib.POEntry(**{k: getattr(entry, k) for k in (
        "msgctxt", "msgid", "msgid_plural", "tcomment", "comment", "occurrences", "previous_msgid", "obsolete")})
    translated = is_translated(entry)
    kept.flags = [f for f in entry.flags if f in KNOWN_FLAGS or (f == "fuzzy" and translated)]
    kept.msgstr, kept.msgstr_plural = entry.msgstr, dict(entry.msgstr_plural)
    for name in ("tcomment", "comment"):  # a space after a final backslash, which gettext would join
        text = getattr(kept, name) or ""
        setattr(kept, name, "\n".join(line + " " if line.endswith("\\") else line for line in text.split("\n")))
    return view(kept)


def is_translated(entry: polib.POEntry) -> bool:
    """As the writer and msgcat see it: by the first form of a plural entry."""
    return bool(entry.msgstr_plural.get(0)) if entry.msgid_plural else bool(entry.msgstr)


def is_emitted(entry: polib.POEntry) -> bool:
    return not entry.obsolete or is_translated(entry)


def entry_key(entry: polib.POEntry) -> tuple[str | None, str]:
    return entry.msgctxt, entry.msgid


@BOUNDED
@given(st.lists(entries(), min_size=1, max_size=4, unique_by=entry_key))
def test_what_the_writer_emits_reads_back_and_msgcat_agrees(tmp_path_factory: Any, items: list[polib.POEntry]):
    for entry in items:  # an obsolete entry keeps no references: the writer drops them as msgcat does
        if entry.obsolete:
            entry.occurrences = []
    assume(any(is_emitted(e) for e in items))  # msgcat prints nothing for a header alone
    data = format_po(catalog_of(items)).encode("utf-8")
    back = [e for e in parse_po("gen.po", data)]
    live = [e for e in items if not e.obsolete]
    obsolete = [e for e in items if e.obsolete and is_emitted(e)]
    assert [view(e) for e in back] == [written(e) for e in live + obsolete]
    path = Path(tmp_path_factory.mktemp("po")) / "gen.po"
    path.write_bytes(data)
    msgcat = subprocess.run(["msgcat", str(path)], capture_output=True, check=False)
    assert msgcat.returncode == 0, (msgcat.stderr, data)
    assert msgcat.stdout.decode("utf-8") == data.decode("utf-8")


# Small valid catalogs, then a few line edits of the kind a hand edit or a bad merge makes.
VALID_BODIES = [
    'msgid "a"\nmsgstr "b"\n',
    'msgctxt "c"\nmsgid "a"\nmsgstr "b"\n\nmsgid "d"\nmsgstr ""\n',
    'msgid "day"\nmsgid_plural "days"\nmsgstr[0] "dia"\nmsgstr[1] "dias"\n',
    '# note\n#, fuzzy\n#| msgid "old"\nmsgid "a"\nmsgstr ""\n"b"\n\n#~ msgid "gone"\n#~ msgstr "ido"\n',
    '#: f.yaml:1\nmsgctxt "x"\nmsgid ""\n"long "\n"text"\nmsgstr "t"\n',
]
HEADER = "".join(['msgid ""\nmsgstr ""\n', *(f'"{k}: {v}\\n"\n' for k, v in METADATA.items()), "\n"])
INSERTS = ['msgstr "x"', 'msgstr[0] "x"', 'msgstr[1] "x"', 'msgstr[2] "x"', 'msgid "y"', 'msgid "a"',
           'msgctxt "c"', 'msgid_plural "p"', '#~ msgstr "z"', '#~ msgid "gone"', '"cont"', "# comment",
           '#| msgid "old"', "", 'msgstr "\\x110000"', 'msgstr "\\xD800"', 'msgstr "\\q"', 'msgid "\\0"',
           'msgstr "\\xc3"', 'msgstr "open', "msgstr", 'msgstr[00] "x"', '#~| msgid "o"', '#, fuzzy']


@st.composite
def mutated(draw: Any) -> str:
    lines = draw(st.sampled_from(VALID_BODIES)).rstrip("\n").split("\n")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines)))
        edit = draw(st.sampled_from(["delete", "double", "swap", "insert", "obsolete", "unquote"]))
        if edit == "insert" or not lines:
            lines.insert(at, draw(st.sampled_from(INSERTS)))
            continue
        at = min(at, len(lines) - 1)
        if edit == "delete":
            del lines[at]
        elif edit == "double":
            lines.insert(at, lines[at])
        elif edit == "swap" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        elif edit == "obsolete":
            lines[at] = lines[at][3:] if lines[at].startswith("#~ ") else "#~ " + lines[at]
        elif edit == "unquote" and '"' in lines[at]:
            lines[at] = lines[at][:-1]
    return HEADER + "\n".join(lines) + "\n"


def msgfmt_accepts(tmp_path_factory: Any, data: bytes) -> bool:
    path = Path(tmp_path_factory.mktemp("po")) / "m.po"
    path.write_bytes(data)
    return subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True,
                          check=False).returncode == 0


@settings(BOUNDED, max_examples=150)
@given(mutated())
def test_what_msgfmt_refuses_the_reader_refuses(tmp_path_factory: Any, text: str):
    data = text.encode("utf-8")
    outcomes = []
    for fast in (True, False):
        try:
            read_entries("m.po", data, fast=fast)
            outcomes.append("read")
        except InputError as exc:
            outcomes.append(f"refused at line {exc.location.line if exc.location else None}")
    assert outcomes[0] == outcomes[1], text  # both paths agree, on the line too
    if not msgfmt_accepts(tmp_path_factory, data):
        assert outcomes[0] != "read", text


# Cases the properties found, kept as a table so that they are tried on every run.
FOUND = [
    ("no-wrap keeps a long string on one line",
     polib.POEntry(msgid="0" * 71 + "☀", msgid_plural="0", msgstr_plural={0: "", 1: ""}, flags=["no-wrap"])),
    ("no-wrap still cuts after a newline", polib.POEntry(msgid="a\nb " * 30, msgstr="x", flags=["no-wrap"])),
    ("a translator comment ending with a backslash", polib.POEntry(msgid="a", msgstr="b", tcomment="C:\\")),
    ("an extracted comment ending with a backslash", polib.POEntry(msgid="a", msgstr="b", comment="x\\\ny")),
]


@pytest.mark.parametrize("name,entry", FOUND, ids=[f[0] for f in FOUND])
def test_found_cases_read_back_and_match_msgcat(tmp_path: Path, name: str, entry: polib.POEntry):
    data = format_po(catalog_of([entry])).encode("utf-8")
    assert [view(e) for e in parse_po("gen.po", data)] == [written(entry)]
    path = tmp_path / "gen.po"
    path.write_bytes(data)
    assert subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout == data


def checked_both_ways(data: bytes) -> tuple[Any, Any]:
    """`catalog_from_po` as it reads (one expression over the whole file when it can) and through
    read_entries alone: the catalog, or the refusal."""
    from unittest import mock

    from pipeline.checks import engine

    def outcome() -> Any:
        try:
            return engine.catalog_from_po("es", "p", "p.po", data)
        except InputError as exc:
            return f"refused: {exc}"

    whole_file = outcome()
    with mock.patch.object(engine, "read_live", lambda name, data: None):
        return whole_file, outcome()


@BOUNDED
@given(st.lists(entries(), min_size=1, max_size=4, unique_by=entry_key))
def test_a_check_reads_a_written_catalog_as_read_entries_does(items: list[polib.POEntry]):
    data = format_po(catalog_of(items)).encode("utf-8")
    fast, plain = checked_both_ways(data)
    assert fast == plain, data


@settings(BOUNDED, max_examples=300)
@given(mutated())
def test_a_check_reads_an_edited_catalog_as_read_entries_does(text: str):
    fast, plain = checked_both_ways(text.encode("utf-8"))
    assert fast == plain, text
