"""The reader refuses every PO construct GNU msgfmt refuses, and every escape gettext cannot carry."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.catalog.po_reader import read_entries
from pipeline.errors import InputError

HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
FIRST = HEADER.count("\n") + 1  # line of the first entry after the header

needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")


def msgfmt_accepts(tmp_path: Path, data: bytes) -> bool:
    path = tmp_path / "x.po"
    path.write_bytes(data)
    return subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, check=False).returncode == 0


# name, entries after the header, line of the error (from the first entry), message fragment
REFUSED_BY_MSGFMT = [
    ("msgstr[0] on a singular entry", 'msgid "a"\nmsgstr[0] "b"\n', 1, "msgid_plural"),
    ("no msgstr before the next entry", 'msgid "a"\n\nmsgid "b"\nmsgstr "c"\n', 0, "no msgstr"),
    ("no msgstr at the end", 'msgid "a"\n', 0, "no msgstr"),
    ("doubled msgctxt", 'msgctxt "x"\nmsgctxt "y"\nmsgid "a"\nmsgstr "b"\n', 1, "msgctxt"),
    ("doubled msgid", 'msgid "a"\nmsgid "b"\nmsgstr "b"\n', 1, "msgid"),
    ("doubled msgstr", 'msgid "a"\nmsgstr "b"\nmsgstr "c"\n', 2, "msgstr"),
    ("doubled msgid_plural", 'msgid "a"\nmsgid_plural "as"\nmsgid_plural "bs"\nmsgstr[0] "x"\nmsgstr[1] "y"\n',
     2, "msgid_plural"),
    ("msgid_plural without msgstr[N]", 'msgid "a"\nmsgid_plural "as"\n', 1, "msgstr[0]"),
    ("msgid_plural with a plain msgstr", 'msgid "a"\nmsgid_plural "as"\nmsgstr "x"\n', 2, "msgstr[0]"),
    ("plural forms with a gap", 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[2] "y"\n', 3, "msgstr[1]"),
    ("plural forms from 1", 'msgid "a"\nmsgid_plural "as"\nmsgstr[1] "x"\nmsgstr[2] "y"\n', 2, "msgstr[0]"),
    ("plural form twice", 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[0] "y"\n', 3, "msgstr[1]"),
    ("plural form index of 20 digits",
     'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[99999999999999999999] "y"\n', 3, "msgstr[1]"),
    ("msgstr before msgid", 'msgstr "x"\nmsgid "a"\nmsgstr "b"\n', 0, "msgstr"),
    ("msgctxt after msgid", 'msgid "a"\nmsgctxt "x"\nmsgstr "b"\n', 1, "msgctxt"),
    ("comment inside an entry", 'msgid "a"\n# c\nmsgstr "b"\n', 1, "no msgstr"),
    ("previous string inside an entry", 'msgid "a"\n#| msgid "x"\nmsgstr "b"\n', 1, "no msgstr"),
    ("obsolete msgid, live msgstr", '#~ msgid "a"\nmsgstr "b"\n', 1, "#~"),
    ("live msgid, obsolete msgstr", 'msgid "a"\n#~ msgstr "b"\n', 1, "#~"),
    ("doubled obsolete msgctxt", '#~ msgctxt "x"\n#~ msgctxt "y"\n#~ msgid "a"\n#~ msgstr "b"\n', 1, "msgctxt"),
    ("obsolete entry without msgstr", '#~ msgid "a"\n\nmsgid "b"\nmsgstr "c"\n', 0, "no msgstr"),
    ("live and obsolete duplicates", 'msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', 3, "duplicate"),
    ("two obsolete duplicates", '#~ msgid "a"\n#~ msgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', 3, "duplicate"),
    ("text after a string", 'msgid "a"\nmsgstr "b" x\n', 1, "unexpected"),
    ("one plural form where the header has two", 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\n', 0, "nplurals=2"),
    ("three plural forms where the header has two",
     'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\nmsgstr[2] "z"\n', 0, "nplurals=2"),
    ("a flag after a previous string", '#| msgid "old"\n#, fuzzy\nmsgid "a"\nmsgstr "b"\n', 1, "#|"),
    ("a comment after a previous string", '#| msgid "old"\n# note\nmsgid "a"\nmsgstr "b"\n', 1, "#|"),
    ("a doubled previous msgid", '#| msgid "old"\n#| msgid "older"\nmsgid "a"\nmsgstr "b"\n', 1, "#| msgid"),
    ("previous strings out of order", '#| msgid "old"\n#| msgctxt "c"\nmsgid "a"\nmsgstr "b"\n', 1,
     "#| msgctxt"),
    ("an obsolete continuation in a live entry", 'msgid ""\n#~ "a"\nmsgstr "b"\n', 1, "#~"),
    ("an obsolete previous string before a live entry", '#~| msgid "o"\nmsgid "a"\nmsgstr "b"\n', 1, "#~"),
    ("a previous string at the end", 'msgid "a"\nmsgstr "b"\n#| msgid "old"\n', 2, "#|"),
    ("a comment ending with a backslash", '# note\\\nmsgid "a"\nmsgstr "b"\n', 0, "backslash"),
    ("an extracted comment ending with a backslash", '#. x\\\nmsgid "a"\nmsgstr "b"\n', 0, "backslash"),
]


@needs_msgfmt
@pytest.mark.parametrize("name,body,line,message", REFUSED_BY_MSGFMT, ids=[c[0] for c in REFUSED_BY_MSGFMT])
@pytest.mark.parametrize("fast", [True, False], ids=["fast", "line-parser"])
def test_what_msgfmt_refuses_is_refused_with_its_line(tmp_path, name, body, line, message, fast):
    data = (HEADER + body).encode()
    assert not msgfmt_accepts(tmp_path, data)
    with pytest.raises(InputError) as caught:
        read_entries("x.po", data, fast=fast)
    assert caught.value.location is not None
    assert (caught.value.location.file, caught.value.location.line) == ("x.po", FIRST + line)
    assert message in caught.value.message


# gettext reads \x and octal escapes as bytes: a value above one byte is silently truncated (\xD800
# becomes a NUL that cuts the string), so such escapes and invalid UTF-8 byte sequences are refused.
BAD_ESCAPES = [
    ("code point above Unicode", 'msgstr "\\x110000"', "\\x110000"),
    ("twenty hex digits", 'msgstr "\\x12345678901234567890"', "\\x12345678901234567890"),
    ("surrogate", 'msgstr "\\xD800"', "\\xD800"),
    ("octal above one byte", 'msgstr "\\777"', "\\777"),
    ("NUL by octal", 'msgstr "a\\0b"', "\\0"),
    ("NUL by hex", 'msgstr "a\\x00 b"', "\\x00"),
    ("lone UTF-8 lead byte", 'msgstr "\\xc3"', "UTF-8"),
    ("lone continuation byte", 'msgstr "\\xa9"', "UTF-8"),
    ("in msgid", 'msgid "\\x110000"\nmsgstr ""', "\\x110000"),
]


@pytest.mark.parametrize("name,line,fragment", BAD_ESCAPES, ids=[c[0] for c in BAD_ESCAPES])
@pytest.mark.parametrize("fast", [True, False], ids=["fast", "line-parser"])
def test_escapes_gettext_cannot_carry_are_refused(name, line, fragment, fast):
    body = line if line.startswith("msgid") else 'msgid "a"\n' + line
    with pytest.raises(InputError) as caught:
        read_entries("x.po", (HEADER + body + "\n").encode(), fast=fast)
    assert caught.value.location is not None and caught.value.location.line is not None
    assert fragment in caught.value.message


@pytest.mark.parametrize("escaped,text", [
    ("\\x41\\102", "AB"),
    ("\\xc3\\xa9", "é"),          # gettext reads escapes as bytes of the UTF-8 text
    ("\\303\\251t\\xC3\\xA9", "été"),
    ("caf\\xc3\\xa9 \\t\\\\", "café \t\\"),
])
@pytest.mark.parametrize("fast", [True, False], ids=["fast", "line-parser"])
def test_escapes_are_read_as_bytes_like_gettext(escaped, text, fast):
    entries = read_entries("x.po", (HEADER + f'msgid "a"\nmsgstr "{escaped}"\n').encode(), fast=fast)
    assert entries[-1].msgstr == {0: text}


CATALOG = "locales/es/LC_MESSAGES/endoscopic-rhizotomy.po"


@pytest.mark.parametrize("command", [["check"], ["update"], ["build"]])
def test_a_doubled_msgctxt_stops_every_command_and_changes_nothing(content_root, run, command):
    path = content_root / CATALOG
    text = path.read_text("utf-8")
    line = text.splitlines().index('msgctxt "title"') + 1
    path.write_text(text.replace('msgctxt "title"\n', 'msgctxt "title"\nmsgctxt "summary"\n', 1), "utf-8")
    before = path.read_bytes()
    result = run(*command)
    assert result.exit_code == 2, result.output
    assert f"{CATALOG}:{line + 1}:" in result.output and "msgctxt" in result.output, result.output
    assert path.read_bytes() == before
