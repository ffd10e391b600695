"""The fast reader used by `pipeline check` reads exactly what polib reads, and refuses the same."""

from __future__ import annotations

import polib
import pytest

from pipeline.catalog.po_reader import read_entries
from pipeline.errors import InputError

from ..conftest import FIXTURE, REPO
from .test_reader import BAD

CATALOGS = sorted((FIXTURE / "locales").glob("*/LC_MESSAGES/*.po")) + sorted((FIXTURE / "locales/templates").glob("*.pot"))


def polib_view(path):
    out = []
    for e in polib.pofile(str(path)):
        strings = e.msgstr_plural if e.msgid_plural else {0: e.msgstr}
        out.append((e.linenum, bool(e.obsolete), e.msgctxt, e.msgid, e.msgid_plural or None, dict(strings),
                    set(e.flags), e.previous_msgid, e.tcomment or "", e.comment or ""))
    return out


def fast_view(path):
    return [(e.line, e.obsolete, e.msgctxt, e.msgid, e.msgid_plural, dict(e.msgstr), set(e.flags), e.previous_msgid,
             "\n".join(e.tcomment), "\n".join(e.comment))
            for e in read_entries(str(path), path.read_bytes()) if e.msgid or e.msgctxt]


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(FIXTURE)))
def test_same_entries_as_polib(path):
    assert fast_view(path) == polib_view(path)


@pytest.mark.parametrize("name,body,line,message", BAD, ids=[b[0] for b in BAD])
def test_refuses_what_the_strict_reader_refuses(name, body, line, message):
    data = body.encode("latin-1") if "\xff" in body else body.encode("utf-8")
    with pytest.raises(InputError) as caught:
        read_entries("x.po", data)
    assert caught.value.location.line == line
    assert message in caught.value.message


def test_same_entries_as_polib_on_generated_catalogs(tmp_path):
    import subprocess
    import sys

    subprocess.run([sys.executable, str(REPO / "benchmarks/generate.py"), "--procedures", "6", "--locales", "10",
                    "--seed", "7", "--out", str(tmp_path / "gen")], check=True, capture_output=True)
    paths = sorted((tmp_path / "gen/locales").glob("*/LC_MESSAGES/*.po"))
    assert len(paths) == 60
    for path in paths:
        assert fast_view(path) == polib_view(path), path


HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
TRICKY = [
    ("plain", 'msgctxt "a"\nmsgid "x"\nmsgstr "y"\n'),
    ("continued", 'msgid ""\n"one "\n"two"\nmsgstr ""\n"uno "\n"dos"\n'),
    ("escapes", 'msgid "a\\"b\\\\c\\n\\t"\nmsgstr "\\101\\x42"\n'),
    ("previous", '#, fuzzy\n#| msgctxt "old"\n#| msgid ""\n#| "before "\n#| "edit"\nmsgctxt "a"\nmsgid "x"\nmsgstr "y"\n'),
    ("plural", 'msgid "day"\nmsgid_plural "days"\nmsgstr[0] "dia"\nmsgstr[1] "dias"\n'),
    ("obsolete", 'msgid "x"\nmsgstr "y"\n\n#~ msgid "gone"\n#~ msgstr "ido"\n'),
    ("comments only, then entry", '# lone comment\n\n#. extracted\nmsgid "x"\nmsgstr "y"\n'),
    ("comment after keywords", 'msgid "x"\n# late\nmsgstr "y"\n'),
    ("crlf", 'msgid "x"\r\nmsgstr "y"\r\n\r\nmsgid "z"\r\nmsgstr "w"\r\n'),
    ("blank lines with spaces", 'msgid "x"\nmsgstr "y"\n  \t\n\n\nmsgid "z"\nmsgstr "w"'),
    ("no-break space line", 'msgid "x"\nmsgstr "y"\n\u00a0\nmsgid "z"\nmsgstr "w"\n'),
    ("tabs around strings", 'msgid\t"x"  \nmsgstr "y"\n'),
    ("references", '#: a.yaml:3 b.yaml c:d:9\n# translator\n#  indented\nmsgid "x"\nmsgstr "y"\n'),
    ("every kind of comment", '#. ex\n#, fuzzy, c-format\n#: a:1\n#\n#x\n# msgid in a comment\nmsgid "x"\nmsgstr "y"\n'),
    ("stray string among comments", '# c\n"stray"\nmsgid "x"\nmsgstr "y"\n'),
    ("stray word among comments", '# c\nmsgidx "x"\n# d\nmsgid "x"\nmsgstr "y"\n'),
    ("comments, no keyword", '# c\n#. d\n'),
    ("a flag that only contains fuzzy", '#, no-fuzzy, c-format\nmsgid "x"\nmsgstr "y"\n'),
    ("fuzzy among flags", '#, c-format, fuzzy\nmsgid "x"\nmsgstr "y"\n'),
    ("a comment after a previous string", '#, fuzzy\n#| msgid "old"\n# late\nmsgid "x"\nmsgstr "y"\n'),
    ("previous string without a space", '#, fuzzy\n#|msgid "old"\nmsgid "x"\nmsgstr "y"\n'),
    ("previous context only", '#, fuzzy\n#| msgctxt "old"\nmsgid "x"\nmsgstr "y"\n'),
    ("previous plural", '#, fuzzy\n#| msgid "old"\n#| msgid_plural "olds"\nmsgid "x"\nmsgstr "y"\n'),
    ("duplicate entry", 'msgid "x"\nmsgstr "y"\n\nmsgid "x"\nmsgstr "z"\n'),
    ("two blank lines", 'msgid "x"\nmsgstr "y"\n\n\nmsgid "z"\nmsgstr "w"\n'),
    ("no final line break", 'msgid "x"\nmsgstr "y"'),
    ("escape in the context", 'msgctxt "a\\tb"\nmsgid "x"\nmsgstr "y"\n'),
    ("a NUL escape", 'msgid "x"\nmsgstr "a\\0b"\n'),
    ("empty source with a context", 'msgctxt "c"\nmsgid ""\nmsgstr "y"\n'),
    ("escaped quotes at segment ends", 'msgid ""\n"say \\"hi\\""\n"\\"" \n"next\\\\"\nmsgstr "y"\n'),
]


def outcome(data, fast):
    try:
        return read_entries("x.po", data, fast=fast)
    except InputError as exc:
        return f"refused: {exc}"


@pytest.mark.parametrize("name,body", TRICKY, ids=[t[0] for t in TRICKY])
def test_fast_path_reads_what_the_line_parser_reads(name, body):
    data = (HEADER + body).encode("utf-8")
    assert outcome(data, fast=True) == outcome(data, fast=False)


def test_an_escaped_backslash_before_a_letter_is_valid():
    entries = read_entries("x.po", (HEADER + 'msgid "C:\\\\clinic"\nmsgstr "C:\\\\clinica"\n').encode())
    assert (entries[-1].msgid, entries[-1].msgstr[0]) == ("C:\\clinic", "C:\\clinica")


@pytest.mark.parametrize("path", CATALOGS[:3] + CATALOGS[-3:], ids=lambda p: str(p.relative_to(FIXTURE)))
def test_fast_path_on_real_catalogs(path):
    data = path.read_bytes()
    assert read_entries(str(path), data, fast=True) == read_entries(str(path), data, fast=False)


def _both_ways(data: bytes):
    from .test_po_properties import checked_both_ways

    return checked_both_ways(data)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(FIXTURE)))
def test_a_check_reads_a_shipped_catalog_as_read_entries_does(path):
    from pipeline.catalog.po_reader import read_live

    data = path.read_bytes()
    fast, plain = _both_ways(data)
    assert fast == plain
    has_odd_entries = "msgid_plural" in data.decode() or "\n#~" in data.decode()
    assert (read_live(str(path), data) is None) == has_odd_entries  # the whole-file reading is the one used


@pytest.mark.parametrize("name,body", TRICKY, ids=[t[0] for t in TRICKY])
def test_a_check_reads_a_tricky_catalog_as_read_entries_does(name, body):
    fast, plain = _both_ways((HEADER + body).encode("utf-8"))
    assert fast == plain


@pytest.mark.parametrize("name,body,line,message", BAD, ids=[b[0] for b in BAD])
def test_a_check_refuses_what_read_entries_refuses(name, body, line, message):
    data = body.encode("latin-1") if "\xff" in body else body.encode("utf-8")
    fast, plain = _both_ways(data)
    assert fast == plain and str(fast).startswith("refused")


def test_a_check_reads_generated_catalogs_as_read_entries_does(tmp_path):
    import subprocess
    import sys

    subprocess.run([sys.executable, str(REPO / "benchmarks/generate.py"), "--procedures", "6", "--locales", "10",
                    "--seed", "11", "--out", str(tmp_path / "gen")], check=True, capture_output=True)
    for path in sorted((tmp_path / "gen/locales").glob("*/LC_MESSAGES/*.po")):
        fast, plain = _both_ways(path.read_bytes())
        assert fast == plain, path


@pytest.mark.parametrize("tail", ["garbage\n", 'msgid "x"\n', '"stray"\nmsgid "x"\nmsgstr "y"\n'],
                         ids=["stray word", "msgid without msgstr", "stray string"])
def test_a_check_reads_50_000_comment_lines_before_a_bad_line_in_linear_time(tail):
    # Searched for from every line, such a block cost the square of its length (minutes here).
    data = (HEADER + "# c\n" * 50_000 + tail).encode("utf-8")
    fast, plain = _both_ways(data)
    assert fast == plain and str(fast).startswith("refused")
