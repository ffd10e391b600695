"""Translation memory from approved wording only, and its exchange as TMX 1.4b.

The memory of a locale is every signed-off translation in that locale's catalogs: a reused
sentence is one a reviewer approved. `pipeline update` pre-fills an untranslated entry whose
source text is identical to a remembered one, as fuzzy (so a translator confirms it and a reviewer
signs it off again), and offers near matches as hints with their score, never filled: in patient
material a near match often differs by a number or a negation.

Near matches are scored by difflib's ratio over the words of the two sources (2 x matching words /
all words): 0.75 means at most about a quarter of the words differ, below which editing a
suggestion is no faster than translating.
"""

from __future__ import annotations

import difflib
import math
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import polib
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..errors import InputError
from ..locales import same_language
from ..review.signoff import ReviewState, review_state_of, sign_off_of
from .hints import Hint

THRESHOLD = 0.75
MAX_SUGGESTIONS = 3
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Unit:
    source: str
    target: str
    origin: str  # "endoscopic-discectomy [contact.call], signed off by es-clinical-review 2026-11-22"


def _tokens(words: list[str]) -> list[str]:
    """The words as a set of distinct tokens ("the", "the\x001" for a second "the"...), so the
    words two texts share as multisets are the tokens they share as sets."""
    seen: Counter[str] = Counter()
    tokens = []
    for word in words:
        tokens.append(f"{word}\x00{seen[word]}" if seen[word] else word)
        seen[word] += 1
    return tokens


def _least_shared(size: int) -> int:
    """The fewest words a text of ``size`` words shares with any source that can reach THRESHOLD:
    2c >= T(a + b) with c <= b gives b >= aT / (2 - T), so c >= aT / (2 - T)."""
    return max(1, math.ceil(size * THRESHOLD / (2 - THRESHOLD) - 1e-9))


class Memory:
    """Exact matches by source text; near matches through an index of the sources' words.

    A near match must share at least ``_least_shared(a)`` of a text's ``a`` words, so it shares at
    least one of the text's ``a - _least_shared(a) + 1`` rarest words: only the sources filed under
    those (prefix filtering, as in set-similarity joins) are counted, then bounded by length and
    by the words they share (difflib's quick_ratio), and only the survivors are scored. Common
    words ("the", "your"), which most sources have, are never walked."""

    def __init__(self, units: Iterable[Unit]) -> None:
        self.exact: dict[str, Unit] = {}
        for unit in sorted(units, key=lambda u: (u.source, u.origin)):
            self.exact.setdefault(unit.source, unit)
        self._words: dict[str, list[str]] = {}
        self._tokens: dict[str, frozenset[str]] = {}
        self._postings: dict[str, list[str]] = {}
        self._indexed = False

    def __len__(self) -> int:
        return len(self.exact)

    def _index(self) -> None:
        """Built on the first near-match query: most updates create no entry and ask none."""
        self._words = {source: source.lower().split() for source in self.exact}
        self._tokens = {source: frozenset(_tokens(words)) for source, words in self._words.items()}
        for source, tokens in self._tokens.items():
            for token in tokens:
                self._postings.setdefault(token, []).append(source)
        self._indexed = True

    def _candidates(self, words: list[str]) -> list[str]:
        """The sources that can reach THRESHOLD (a superset of them, never missing one)."""
        size = len(words)
        if not size:
            return []
        if not self._indexed:
            self._index()
        tokens = sorted(_tokens(words), key=lambda t: (len(self._postings.get(t, ())), t))  # rarest first
        prefix = tokens[:size - _least_shared(size) + 1]
        low, high = size * THRESHOLD / (2 - THRESHOLD), size * (2 - THRESHOLD) / THRESHOLD
        query = set(tokens)
        found = []
        for source in dict.fromkeys(s for t in prefix for s in self._postings.get(t, ())):
            other = self._words[source]
            if not low - 1e-9 <= len(other) <= high + 1e-9:
                continue
            common = len(query.intersection(self._tokens[source]))
            if 2 * common >= THRESHOLD * (size + len(other)) - 1e-9:
                found.append(source)
        return found

    def near(self, source: str) -> list[tuple[float, Unit]]:
        """The best near matches (not the identical source), best first."""
        words = source.lower().split()
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(words)
        found = []
        for text in self._candidates(words):
            if text == source:
                continue
            matcher.set_seq1(self._words[text])
            if (score := matcher.ratio()) >= THRESHOLD:
                found.append((score, self.exact[text]))
        found.sort(key=lambda f: (-f[0], f[1].source))
        return found[:MAX_SUGGESTIONS]


def approved_units(procedure: str, catalog: polib.POFile, reviewers: frozenset[str],
                   samples: frozenset[str] = frozenset()) -> list[Unit]:
    """The catalog's signed-off units; one signed off by a reviewer in ``samples`` (marked
    `sample: true`) says so in its origin, which a TMX note and a memory hint carry."""
    units = []
    for entry in catalog:
        if entry.obsolete or entry.msgid_plural or review_state_of(entry, reviewers) is not ReviewState.SIGNED_OFF:
            continue
        signed = sign_off_of(entry)
        assert signed is not None
        sample = " (sample sign-off, not a clinical review)" if signed.reviewer in samples else ""
        units.append(Unit(entry.msgid, entry.msgstr, f"{procedure} [{entry.msgctxt}], signed off by "
                                                     f"{signed.reviewer} {signed.date}{sample}"))
    return units


_EMPTY = Memory(())


def fill(entry: polib.POEntry, memory: Memory, imported: Memory = _EMPTY, near: bool = True) -> list[Hint]:
    """Pre-fill an untranslated entry from an exact signed-off match (fuzzy), or return hints:
    near matches, and matches from imported TMX files (exact ones too, which were never signed
    off in this project and so are offered, not filled); with ``near`` false, only the exact match."""
    if entry.obsolete or entry.msgid_plural or entry.msgstr:
        return []
    unit = memory.exact.get(entry.msgid)
    if unit is not None:
        entry.msgstr = unit.target
        entry.flags.insert(0, "fuzzy")
        return [Hint("memory", f"pre-filled from {unit.origin}: check it, then clear the fuzzy flag")]
    if not near:
        return []
    found = memory.near(entry.msgid)
    if len(imported):
        same = imported.exact.get(entry.msgid)
        found = sorted(found + ([(1.0, same)] if same else []) + imported.near(entry.msgid),
                       key=lambda f: (-f[0], f[1].source, f[1].origin))[:MAX_SUGGESTIONS]
    return [Hint("suggestion", f"{score:.0%} like {unit.origin}: {unit.target}") for score, unit in found]


def export_tmx(units: Iterable[Unit], source_language: str, target_language: str, tool_version: str) -> bytes:
    tmx = ET.Element("tmx", {"version": "1.4"})
    ET.SubElement(tmx, "header", {"creationtool": "pipeline", "creationtoolversion": tool_version,
                                  "segtype": "sentence", "o-tmf": "PO", "adminlang": "en",
                                  "srclang": source_language, "datatype": "plaintext"})
    body = ET.SubElement(tmx, "body")
    for unit in sorted(units, key=lambda u: (u.source, u.target, u.origin)):
        tu = ET.SubElement(body, "tu")
        ET.SubElement(tu, "note").text = unit.origin
        for lang, text in ((source_language, unit.source), (target_language, unit.target)):
            ET.SubElement(ET.SubElement(tu, "tuv", {XML_LANG: lang}), "seg").text = text
    ET.indent(tmx)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tmx, encoding="unicode").encode() + b"\n"


def parse_tmx(name: str, data: bytes, source_language: str, target_language: str) -> list[Unit]:
    """The units of a TMX file for one language pair (see `locales.same_language` for the tags that match)."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise InputError(f"refused: {type(exc).__name__} (DTDs and entities are not accepted in TMX)", name) from None
    except ET.ParseError as exc:
        raise InputError(f"not well-formed XML: {exc}", name, exc.position[0]) from None
    if root.tag != "tmx" or root.find("body") is None:
        raise InputError("not a TMX file: expected <tmx> with a <body>", name)
    units = []
    for tu in root.iter("tu"):
        segs = [(tuv.get(XML_LANG) or tuv.get("lang") or "", _seg_text(tuv)) for tuv in tu.findall("tuv")]
        source = next((text for tag, text in segs if same_language(tag, source_language)), "")
        target = next((text for tag, text in segs if same_language(tag, target_language)), "")
        if source and target:
            note = tu.findtext("note") or "imported"
            units.append(Unit(source, target, f"TMX {name}: {' '.join(note.split())}"))
    return units


def _seg_text(tuv: ET.Element) -> str:
    seg = tuv.find("seg")
    return "" if seg is None else "".join(seg.itertext())
