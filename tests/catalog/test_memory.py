"""Translation memory: approved wording only, pre-filled as fuzzy; near matches offered, not filled."""

from __future__ import annotations

import difflib
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.catalog.commands import render
from pipeline.catalog.hints import split_hints
from pipeline.catalog.memory import MAX_SUGGESTIONS, THRESHOLD, Memory, Unit, export_tmx, parse_tmx
from pipeline.catalog.po_reader import read_po
from pipeline.errors import InputError

ES = "locales/es/LC_MESSAGES/{}.po"
HT = "locales/ht/LC_MESSAGES/{}.po"


def _clear(root: Path, rel: str, ctx: str) -> str:
    catalog = read_po(root / rel)
    entry = next(e for e in catalog if e.msgctxt == ctx)
    old, entry.msgstr, entry.tcomment = entry.msgstr, "", ""
    (root / rel).write_bytes(render(catalog))
    return old


def test_an_exact_approved_match_is_prefilled_as_fuzzy_with_its_origin(content_root: Path, run) -> None:
    assert run("update").exit_code == 0
    approved = read_po(content_root / ES.format("endoscopic-discectomy"))
    wanted = next(e for e in approved if e.msgctxt == "contact.call")
    _clear(content_root, ES.format("endoscopic-neurotomy"), "contact.call")
    assert run("update").exit_code == 0
    entry = next(e for e in read_po(content_root / ES.format("endoscopic-neurotomy")) if e.msgctxt == "contact.call")
    assert entry.msgid == wanted.msgid and entry.msgstr == wanted.msgstr and "fuzzy" in entry.flags
    memory = [h.text for h in split_hints(entry.tcomment)[0] if h.kind == "memory"]
    assert memory and "[contact.call], signed off by es-clinical-review" in memory[0]
    assert run("update", "--check").exit_code == 0


def test_unapproved_wording_never_feeds_the_memory(content_root: Path, run) -> None:
    # Haitian Creole: discectomy translated but not signed off; rhizotomy untranslated
    assert run("update").exit_code == 0
    rhizotomy = read_po(content_root / HT.format("endoscopic-rhizotomy"))
    assert not any(e.msgstr for e in rhizotomy if not e.obsolete)


@pytest.mark.parametrize("source, expected", [
    ("Call us on {clinic_phone} if you have questions.", 1.0),
    ("Call us on {clinic_phone} if you have any questions.", 0.9),
    ("Rest for two days.", None),
])
def test_near_matches_carry_their_score(source: str, expected: float | None) -> None:
    memory = Memory([Unit("Call us on {clinic_phone} if you have questions.", "Llámenos.", "a [b]")])
    near = memory.near(source)
    if expected is None or expected == 1.0:
        assert near == []  # an identical source is an exact match, not a near one
    else:
        assert near and near[0][0] == pytest.approx(expected, abs=0.05)


def test_tmx_round_trips_and_refuses_entities() -> None:
    units = [Unit("Rest.", "Descanse.", "p [c], signed off by r 2026-01-01")]
    data = export_tmx(units, "en", "es", "0.1.0")
    assert b'<tmx version="1.4">' in data and b'srclang="en"' in data
    back = parse_tmx("m.tmx", data, "en", "es")
    assert [(u.source, u.target) for u in back] == [("Rest.", "Descanse.")]
    with pytest.raises(InputError, match="refused"):
        parse_tmx("evil.tmx", b'<!DOCTYPE t [<!ENTITY a "x">]><tmx><body/></tmx>', "en", "es")


def _tagged_tmx(source_tag: str, target_tag: str) -> bytes:
    return (f'<tmx version="1.4"><header srclang="{source_tag}"/><body><tu>'
            f'<tuv xml:lang="{source_tag}"><seg>Rest.</seg></tuv><tuv xml:lang="{target_tag}"><seg>Descanse.</seg></tuv>'
            '</tu></body></tmx>').encode()


TAGS = [
    # the tags a CAT tool wrote, the project's source language and locale, whether the unit is read
    ("en-US", "es-ES", "en", "es", True),  # Trados, memoQ
    ("EN-GB", "ES", "en", "es", True),  # OmegaT writes upper case
    ("en_US", "es_MX", "en", "es", True),
    ("en", "es-MX", "en", "es-ES", False),  # another region's wording
    ("en-US", "zh-CN", "en", "zh-Hans", True),  # zh-CN is written in Simplified Chinese
    ("en-US", "zh-TW", "en", "zh-Hans", False),  # Traditional Chinese is not
    ("fr-FR", "es-ES", "en", "es", False),
]


@pytest.mark.parametrize("source_tag, target_tag, source, target, read", TAGS)
def test_units_are_read_whatever_region_the_tool_wrote(source_tag: str, target_tag: str, source: str, target: str,
                                                       read: bool) -> None:
    units = parse_tmx("m.tmx", _tagged_tmx(source_tag, target_tag), source, target)
    assert [(u.source, u.target) for u in units] == ([("Rest.", "Descanse.")] if read else [])


def test_tm_export_writes_the_signed_off_wording(run) -> None:
    result = run("tm", "export", "--locale", "es")
    assert result.exit_code == 0
    units = parse_tmx("es.tmx", result.output.encode("utf-8"), "en", "es")
    assert len(units) > 100 and all("signed off by es-clinical-review" in u.origin for u in units)
    # the shipped reviewers are marked `sample: true`: a CAT tool's user must not take them for review
    assert all(u.origin.endswith("(sample sign-off, not a clinical review)") for u in units)
    assert parse_tmx("ht.tmx", run("tm", "export", "--locale", "ht").output.encode(), "en", "ht") == []


_WORDS = st.sampled_from("the a your disc pain rest for weeks days do not lift call us on 2 4 {clinic_phone}".split())
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=12).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=40, unique=True), st.data())
def test_the_near_match_index_finds_what_comparing_every_source_finds(sources: list[str], data) -> None:
    # The query is a source with a few words changed, dropped or added, so near matches are common.
    words = data.draw(st.sampled_from(sources)).split()
    for _ in range(data.draw(st.integers(0, 3))):
        at = data.draw(st.integers(0, len(words)))
        edit = data.draw(st.sampled_from(("drop", "add", "change")))
        if edit == "add" or not words[at:]:
            words.insert(at, data.draw(_WORDS))
        elif edit == "drop" and len(words) > 1:
            del words[at]
        else:
            words[at] = data.draw(_WORDS)
    query = " ".join(words)
    memory = Memory([Unit(s, s.upper(), f"p [{i}]") for i, s in enumerate(sources)])
    scored = []
    for text in sources:
        if text != query:
            ratio = difflib.SequenceMatcher(None, text.lower().split(), query.lower().split(), autojunk=False).ratio()
            if ratio >= THRESHOLD:
                scored.append((ratio, text))
    scored.sort(key=lambda f: (-f[0], f[1]))
    assert [(score, unit.source) for score, unit in memory.near(query)] == scored[:MAX_SUGGESTIONS]


def _tmx(pairs: list[tuple[str, str]], target: str = "ht") -> bytes:
    return export_tmx([Unit(s, t, "from a CAT tool") for s, t in pairs], "en", target, "9")


def test_an_imported_memory_is_offered_never_filled(content_root: Path, run, tmp_path: Path) -> None:
    assert run("update").exit_code == 0
    rhizotomy = read_po(content_root / HT.format("endoscopic-rhizotomy"))
    untranslated = next(e for e in rhizotomy if not e.obsolete and e.msgid and not e.msgstr)
    (tmp_path / "cat-tool.tmx").write_bytes(_tmx([(untranslated.msgid, "Tradiksyon"), ("Other.", "Lòt.")]))
    result = run("tm", "import", "--locale", "ht", str(tmp_path / "cat-tool.tmx"))
    assert result.exit_code == 0 and "2 units kept in locales/ht/memory/cat-tool.tmx" in result.output

    def offered() -> tuple[polib.POEntry, list[str]]:
        entry = next(e for e in read_po(content_root / HT.format("endoscopic-rhizotomy"))
                     if (e.msgctxt, e.msgid) == (untranslated.msgctxt, untranslated.msgid))
        return entry, [h.text for h in split_hints(entry.tcomment)[0] if h.kind == "suggestion"]

    # An entry already waiting gets the memory's suggestions with --suggest (a plain update works
    # them out only for the entries it creates or changes).
    assert run("update").exit_code == 0 and offered()[1] == []
    assert run("update", "--suggest", "--locale", "ht").exit_code == 0
    entry, suggestions = offered()
    assert entry.msgstr == "" and "fuzzy" not in entry.flags
    assert suggestions and suggestions[0].startswith("100% like TMX") and suggestions[0].endswith(": Tradiksyon")
    assert run("update", "--check").exit_code == 0 and offered()[1] == suggestions  # kept until it changes
    again = run("tm", "import", "--locale", "ht", str(tmp_path / "cat-tool.tmx"))
    assert again.exit_code == 0 and run("update", "--check").exit_code == 0  # re-importing changes nothing


@pytest.mark.parametrize("name, data, message", [
    ("evil.tmx", b'<!DOCTYPE t [<!ENTITY a "x">]><tmx><body/></tmx>', "refused: DTDForbidden"),
    ("bomb.tmx", b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><tmx/>', "refused"),
    ("broken.tmx", b"<tmx><body><tu>", "not well-formed XML"),
    ("other.tmx", b'<tmx version="1.4"><header/><body/></tmx>', "no translation unit from en to ht"),
    ("spanish.tmx", None, "no translation unit from en to ht"),
    ("..hidden.tmx", None, "a memory's name is letters"),
    ("notes.txt", b"plain text", "not well-formed XML"),
])
def test_a_memory_that_cannot_be_used_is_refused_and_nothing_is_written(
        content_root: Path, run, tmp_path: Path, name: str, data: bytes | None, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data if data is not None else _tmx([("Rest.", "Descanse.")], "es"
                                                         if name == "spanish.tmx" else "ht"))
    result = run("tm", "import", "--locale", "ht", str(path))
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (content_root / "locales/ht/memory").exists()


def test_near_matches_are_offered_on_a_new_entry_and_leave_once_it_is_translated(content_root: Path, run) -> None:
    source = content_root / "source/procedures/endoscopic-neurotomy.yaml"
    text = source.read_text("utf-8")
    anchor = "      - id: call\n"
    new = ("      - id: again\n        paragraph: If you have questions, call {clinic_name} on {clinic_phone}. "
           "You can also ask your nurse, {surgeon_name}.\n")
    source.write_text(text.replace(anchor, new + anchor, 1), "utf-8")
    assert run("extract").exit_code == 0 and run("update", "--locale", "es").exit_code == 0
    path = content_root / ES.format("endoscopic-neurotomy")

    def entry() -> polib.POEntry:
        return next(e for e in read_po(path) if e.msgctxt == "contact.again")

    created = entry()
    hints = [h.text for h in split_hints(created.tcomment)[0] if h.kind == "suggestion"]
    assert created.msgstr == "" and hints and "[contact.call], signed off by es-clinical-review" in hints[0]
    assert run("update", "--check", "--locale", "es").exit_code == 0  # kept as they are while the entry waits
    catalog = read_po(path)
    waiting = next(e for e in catalog if e.msgctxt == "contact.again")
    waiting.msgstr = "Si tiene preguntas, llame a {clinic_name} al {clinic_phone}."
    path.write_bytes(render(catalog))
    assert run("update", "--locale", "es").exit_code == 0
    assert not [h for h in split_hints(entry().tcomment)[0] if h.kind == "suggestion"]
