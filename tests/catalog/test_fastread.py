"""The fast reader used by `pipeline check` reads exactly what polib reads, and refuses the same."""

from __future__ import annotations

import polib
import pytest

from pipeline.catalog.fastread import read_entries
from pipeline.errors import InputError

from ..conftest import REPO
from .test_reader import BAD

CATALOGS = sorted((REPO / "locales").glob("*/LC_MESSAGES/*.po")) + sorted((REPO / "locales/templates").glob("*.pot"))


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


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: str(p.relative_to(REPO)))
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
