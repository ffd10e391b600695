"""Malformed PO input is refused with file and line, never half-read."""

from __future__ import annotations

import pytest

from pipeline.catalog.po_reader import parse_po
from pipeline.errors import InputError

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def with_header_fields(*fields: str, layout: str = "lines") -> str:
    """A catalog whose header holds ``fields`` after Content-Type (line 3): each on a line of its own
    from line 4, as msgcat writes them, or with ``layout`` "one line", all in the msgstr's line."""
    if layout == "one line":
        value = "".join(f"{f}\\n" for f in ("Content-Type: text/plain; charset=UTF-8", *fields))
        return f'msgid ""\nmsgstr "{value}"\n\nmsgid "a"\nmsgstr "b"\n'
    return HEADER[:-1] + "".join(f'"{f}\\n"\n' for f in fields) + '\nmsgid "a"\nmsgstr "b"\n'


BAD = [
    # name, body, expected line, expected message fragment
    ("unterminated string", HEADER + 'msgid "a\nmsgstr "b"\n', 5, "unterminated string"),
    ("bad escape", HEADER + 'msgid "a\\q"\nmsgstr "b"\n', 5, "invalid escape sequence"),
    ("duplicate entry", HEADER + 'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 8, "duplicate entry"),
    ("duplicate with context", HEADER + 'msgctxt "x"\nmsgid "a"\nmsgstr ""\n\nmsgctxt "x"\nmsgid "a"\nmsgstr ""\n',
     9, "duplicate entry"),
    ("unknown keyword", HEADER + 'msgid "a"\nmsgstr "b"\nfoo "c"\n', 7, "unexpected 'foo'"),
    ("wrong charset", 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n', 3,
     "charset ISO-8859-1 is not UTF-8"),
    ("invalid utf-8", (HEADER + 'msgid "a"\nmsgstr "b\xff"\n'), 6, "not valid UTF-8"),
    ("bad escape in obsolete entry", HEADER + '#~ msgid "a\\z"\n#~ msgstr "b"\n', 5, "invalid escape"),
    # The header is read as fields: gettext tools keep a line that is not one, and read the first of
    # two fields of one name where polib reads the last; the pipeline would drop or change them.
    ("header line without a colon", with_header_fields("Language: es", "no colon here"), 5, "not a field"),
    ("empty header line", with_header_fields("Language: es", "", "X-Generator: Poedit"), 5, "not a field"),
    ("header line without a name", with_header_fields(": es"), 4, "not a field"),
    ("header field twice", with_header_fields("Language: es", "Language: fr"), 5, "'Language' twice"),
    ("Plural-Forms twice", with_header_fields("Plural-Forms: nplurals=2; plural=(n != 1);",
                                              "Plural-Forms: nplurals=3; plural=(n != 1);"), 5,
     "'Plural-Forms' twice"),
    ("header field twice, same value", with_header_fields("Language: ar", "Language: ar"), 5, "twice"),
    ("header field twice, other case", with_header_fields("Language: vi", "language: ht"), 5, "twice"),
    ("Content-Type twice", with_header_fields("Content-Type: text/plain; charset=UTF-8"), 4,
     "'Content-Type' twice"),
    ("header field twice in one line", with_header_fields("Language: zh_Hans", "Language: es", layout="one line"),
     2, "'Language' twice"),
    ("header line without a colon in one line", with_header_fields("oops", layout="one line"), 2, "not a field"),
    ("header field twice in a fuzzy header", "#, fuzzy\n" + with_header_fields("X-Domain: a", "X-Domain: b"), 6,
     "twice"),
]


@pytest.mark.parametrize("name,body,line,message", BAD, ids=[b[0] for b in BAD])
def test_malformed_po_is_refused_with_its_line(name, body, line, message):
    data = body.encode("latin-1") if "\xff" in body else body.encode("utf-8")
    with pytest.raises(InputError) as caught:
        parse_po("x.po", data)
    assert caught.value.location.file == "x.po"
    assert caught.value.location.line == line
    assert message in caught.value.message


def test_valid_po_reads_entries_states_and_previous():
    body = HEADER + ('#, fuzzy\n#| msgid "old"\nmsgctxt "a"\nmsgid "new"\nmsgstr "nuevo"\n\n'
                     '#~ msgctxt "b"\n#~ msgid "gone"\n#~ msgstr "ido"\n')
    catalog = parse_po("x.po", body.encode())
    live, obsolete = catalog[0], catalog[1]
    assert (live.msgctxt, live.msgid, live.msgstr, live.previous_msgid) == ("a", "new", "nuevo", "old")
    assert "fuzzy" in live.flags
    assert obsolete.obsolete and obsolete.msgstr == "ido"
