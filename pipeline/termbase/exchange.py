"""TBX-Basic (ISO 30042) and Weblate CSV glossary export and import.

TBX carries everything: subject and definition per concept; per term its status
(administrativeStatus), part of speech, and our match data as notes prefixed "pipeline:", which
other tools show as plain notes (a term's own note that starts so goes out as a usage note).

Export writes TBX v2 (<martif>, which every CAT tool reads). Import reads TBX v2 and TBX v3 (ISO
30042:2019: <tbx> in the namespace urn:iso:std:iso:30042:ed-2, with <conceptEntry>, <langSec> and
<termSec>) in the DCA style, the one where data categories are attributes (<termNote
type="administrativeStatus">). A TBX v3 file in the DCT style (each data category an element of its
own) is refused, never read without its statuses. Import takes the definition from the concept or,
where TBX-Basic, memoQ and Lokalize put it, from the source language's section (en-US counts as en),
bare or in a <descripGrp>; a definition in another language's section is not the termbase's English
one. A term status is read in TBX-Basic's words (deprecatedTerm-admn-sts), normativeAuthorization's,
TBX-Min's (notRecommended, obsolete) and Weblate's (forbidden), any case; every word for "must not
be used" is deprecated, and a status in no known word is refused rather than guessed. Every data
category the import reads (definition, subjectField, partOfSpeech, administrativeStatus,
normativeAuthorization) is found by its type in any case and without surrounding spaces, bare or in
its group (<descripGrp>, <termNoteGrp>), as MultiTerm and memoQ write Definition, SubjectField,
PartOfSpeech; a part of speech is read in any case too (Verb is verb), so that a verb never comes in
as a noun. A term given two parts of speech is refused in one line naming its line and both: the
termbase keeps one per term, and the second is never dropped unseen. A language section whose tag
names no language (none, a malformed one such as es__ES, a private-use one such as x-klingon or qaa,
a grandfathered i-klingon), a locale CLDR does not know (xx, tlh, es-XX, or iw and und, which Babel
reads as another locale), as `pipeline init` decides, or a language with a variant or extension
(en-GB-oxendict, which no project locale can have) is refused in one line naming its line and its
tag. The script of a language CLDR knows in that script only is no part of its name (es-Latn is es),
so that a tool that writes it in adds no language of its own. A term given two statuses
(administrativeStatus and normativeAuthorization, which record an organisation's and a standard's
word and may disagree) has the strictest: deprecated over admitted over preferred, as a term either
authority forbids must not reach a leaflet.

A term's note, which an export writes as a <note>, is read from every note, usage note and context
the file gives the term (usageNote as a termNote or a descrip, Weblate's "Usage note", a MultiTerm
Note field, a translationNote, a descrip of no type; a context marked "Context: "), and from what
else the file says of the term that the termbase has no field for, each marked too: its
grammaticalGender ("Gender: "), geographicalUsage ("Region: ") and termType ("Term type: "), bare or
in its group, in a <tig>, an <ntig> (in its <termGrp> or beside it) or a <termSec>, in the file's
order, then from those on its language section, which are its terms' (Weblate's <note
from="translator">): import, export and import again give the same terms. The termbase has no note
on a concept: any of these there is refused in one line naming its line, never dropped.

A concept's subject is read from its subjectField in any case; a file that gives none leaves it
unknown, and the import refuses a new concept without one rather than guess (the subject decides
which checks look at it). A known concept given another of the termbase's subjects is a conflict,
and so is a concept the file gives two of them (two CSV rows, two subjectFields): the first is the
concept's, as with two definitions. Another tool's own subject words (Medicine) are compared with
nothing.

Import parses with defusedxml: entity expansion, external entities and DTD tricks in a hostile
file are refused before anything is read.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..characters import describe, find_forbidden, position
from ..errors import InputError
from ..locales import cldr_fault, default_region_of, same_language, split, without_sole_script
from ..spreadsheet import neutralise, restore
from .model import PARTS_OF_SPEECH, SUBJECTS, Concept, Term, Termbase

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# a language as the termbase spells it (the key pattern of termbase.schema.json)
_TERMBASE_LANGUAGE = re.compile(r"[a-z]{2,3}(?:_[A-Za-z0-9]{2,8})*")
TBX_V3_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
_EXPORT_INSTEAD = ('export TBX-Basic in the DCA style (TBX v3: <tbx style="dca" '
                   f'xmlns="{TBX_V3_NAMESPACE}">) or TBX v2 (<martif>)')
_STATUS_TO_TBX = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
                  "deprecated": "deprecatedTerm-admn-sts"}
# A term status as TBX dialects and tools word it, without case and without TBX-Basic's "Term" and
# "-admn-sts" (preferredTerm-admn-sts, normativeAuthorization's deprecatedTerm, TBX-Min's
# notRecommended, Weblate's forbidden): every word for "must not be used" is deprecated, so that
# such a term is never read as approved; a word not here is refused
_STATUS_WORDS = {"preferred": "preferred", "admitted": "admitted", "deprecated": "deprecated",
                 "superseded": "deprecated", "notrecommended": "deprecated", "obsolete": "deprecated",
                 "forbidden": "deprecated"}
_STATUS_TYPES = ("administrativestatus", "normativeauthorization")
_STRICTNESS = ("preferred", "admitted", "deprecated")  # of two statuses a file gives a term, the later wins


def bcp47(language: str) -> str:
    return language.replace("_", "-")


def posix(tag: str) -> str:
    """A language tag as the termbase spells its languages (ES -> es, zh-hans-cn -> zh_Hans_CN,
    es-Latn -> es): a tag's case means nothing (BCP 47), a termbase key's does, and a key in another
    case would be a language no locale uses; so would one with the script of a language written in
    that script only (``without_sole_script``)."""
    subtags = split(tag)
    if subtags is None:
        return tag.replace("-", "_")
    return "_".join(part for part in without_sole_script(subtags) if part)


_ADVICE = "tag it with the language's code, e.g. es, zh-Hans, ht"
_SUBTAG = re.compile(r"[A-Za-z0-9]{1,8}")


def _tag_fault(tag: str) -> tuple[str, str] | None:
    """Why a language tag names no language the termbase can hold, and what to do, or None when it
    names one. A private-use tag (x-klingon, es-x-medical, ISO 639's qaa to qtz) and a grandfathered
    one (i-klingon) mean a language only to the tool that wrote them; a well-formed tag must name a
    locale CLDR knows, as `pipeline init` decides (``cldr_fault``). A tag with a variant or an
    extension (en-GB-oxendict, ca-ES-valencia, de-1996) is refused rather than read as its language:
    no project locale can have one (`pipeline init` takes a language, script and region only), so
    its terms would serve no check, and a dialect's or an old orthography's terms are not
    necessarily the language's, which only the user can say."""
    if not tag:
        return "has no language tag (xml:lang)", _ADVICE
    subtags = tag.replace("_", "-").lower().split("-")
    if "x" in subtags or len(subtags[0]) == 3 and "qaa" <= subtags[0] <= "qtz":
        return f"is tagged {tag!r}, a private-use tag, which names a language only to the tool that wrote it", _ADVICE
    if subtags[0] == "i":
        return f"is tagged {tag!r}, a grandfathered tag that BCP 47 replaced with a language code", _ADVICE
    base, rest = _language_part(tag)
    if not base or not all(_SUBTAG.fullmatch(subtag) for subtag in rest):
        return f"is tagged {tag!r}, which is not a language tag (a language code, then a script or region)", _ADVICE
    if rest:
        return (f"is tagged {tag!r}: {base} with a variant or extension ({'-'.join(rest)}), which no project "
                f"locale can have", f"tag it {base} if its terms are {base}'s, or with another language's code, "
                "e.g. es, zh-Hans, ht")
    fault = cldr_fault(tag)
    return (f"is tagged {tag!r}, {fault}", _ADVICE) if fault is not None else None


def _language_part(tag: str) -> tuple[str, list[str]]:
    """A tag's language, script and region as written, and the subtags after them (a variant, an
    extension): en-GB-oxendict -> en-GB, [oxendict]; "" where the tag does not start with a language."""
    parts = tag.replace("_", "-").split("-")
    for end in range(len(parts), 0, -1):
        base = "-".join(parts[:end])
        if split(base) is not None and _TERMBASE_LANGUAGE.fullmatch(posix(base)):
            return base, parts[end:]
    return "", parts


def _section_language(name: str, concept_id: str, section: ET.Element, line: int | None) -> str:
    """The termbase language of a TBX language section, or a one-line refusal naming the section,
    its tag and what to do (rather than a schema pattern from the termbase it would have been
    written to)."""
    tag = section.get(XML_LANG, "").strip()
    fault = _tag_fault(tag)
    if fault is not None:
        raise InputError(f"concept {concept_id}: a language section {fault[0]}: {fault[1]}", name, line)
    return posix(tag)


def in_termbase_languages(incoming: Termbase, current: Termbase) -> Termbase:
    """``incoming`` with each language a CAT tool tagged with its default region (Trados and memoQ
    write es-ES, zh-CN) given as the termbase's own language, so that an import adds no second
    copy of it (es_ES: beside es:); a language of another region (es-MX) stays its own."""
    known = sorted({language for concept in current.concepts for language in concept.terms})
    mapping = {}
    for language in {language for concept in incoming.concepts for language in concept.terms} - set(known):
        mapping[language] = next((k for k in known if default_region_of(language, k)), language)
    if all(tag == language for tag, language in mapping.items()):
        return incoming
    concepts = []
    for concept in incoming.concepts:
        terms: dict[str, tuple[Term, ...]] = {}
        for language, items in concept.terms.items():
            target = mapping.get(language, language)
            terms[target] = terms.get(target, ()) + items
        concepts.append(replace(concept, terms=terms))
    return Termbase(tuple(concepts))


def export_tbx(termbase: Termbase, source_language: str = "en") -> bytes:
    martif = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: source_language})
    header = ET.SubElement(martif, "martifHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    source_desc = ET.SubElement(file_desc, "sourceDesc")
    ET.SubElement(source_desc, "p").text = "Medical termbase for patient-education content"
    encoding = ET.SubElement(header, "encodingDesc")
    ET.SubElement(encoding, "p", {"type": "XCSURI"}).text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(martif, "text"), "body")
    for concept in termbase.concepts:
        entry = ET.SubElement(body, "termEntry", {"id": concept.id})
        ET.SubElement(entry, "descrip", {"type": "subjectField"}).text = concept.subject
        ET.SubElement(entry, "descrip", {"type": "definition"}).text = concept.definition
        for language, terms in concept.terms.items():
            lang_set = ET.SubElement(entry, "langSet", {XML_LANG: bcp47(language)})
            for term in terms:
                tig = ET.SubElement(lang_set, "tig")
                ET.SubElement(tig, "term").text = term.display
                ET.SubElement(tig, "termNote", {"type": "partOfSpeech"}).text = term.pos
                ET.SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = \
                    _STATUS_TO_TBX[term.status]
                if term.match:
                    ET.SubElement(tig, "note").text = f"pipeline:match={term.match}"
                if term.match == "prefix":
                    ET.SubElement(tig, "note").text = f"pipeline:pattern={term.text}"
                for form in term.forms:
                    ET.SubElement(tig, "note").text = f"pipeline:form={form}"
                for exception in term.exceptions:
                    ET.SubElement(tig, "note").text = f"pipeline:exception={exception}"
                if term.dnt:
                    ET.SubElement(tig, "note").text = "pipeline:dnt=true"
                if term.note and term.note.startswith("pipeline:"):
                    # a <note> that starts as our data does ("pipeline:match=...") would be read back as
                    # our data: such a note goes out as a usage note, read back as the term's note
                    ET.SubElement(tig, "termNote", {"type": "usageNote"}).text = term.note
                elif term.note:
                    ET.SubElement(tig, "note").text = term.note
    ET.indent(martif, space="  ")
    text = ET.tostring(martif, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n' + text + "\n").encode("utf-8")


def _text(element: ET.Element) -> str:
    """An element's text, inline markup (<hi>) included: a term "dis<hi>co</hi>" is disco."""
    return "".join(element.itertext()).strip()


def _child_text(element: ET.Element, tag: str) -> str | None:
    """The text of the first child of this tag, None where there is none."""
    found = element.find(tag)
    return _text(found) if found is not None else None


def _categories(element: ET.Element, tag: str, *types: str) -> list[ET.Element]:
    """The data categories of these types on ``element`` (<descrip type="definition">, <termNote
    type="partOfSpeech">), bare or in their group (<descripGrp>, <termNoteGrp>, where a CAT tool puts
    one with its source). The type is compared without case and surrounding spaces: MultiTerm and
    memoQ write "Definition", "SubjectField", "PartOfSpeech", and a category skipped for its case
    would turn a verb into a noun or a deprecated term into an admitted one. Every reader of a
    data category goes through here, so that none compares the type otherwise."""
    wanted = {_category_type(type_) for type_ in types}
    return [child for child in [*element.findall(tag), *element.findall(f"{tag}Grp/{tag}")]
            if _category_type(child.get("type") or "") in wanted]


def _category_type(type_: str) -> str:
    """A data category's type as compared: without case and white space (MultiTerm's Definition,
    Weblate's "Usage note" for usageNote)."""
    return "".join(type_.split()).casefold()


# The notes a terminologist writes for translators, by element and type as ``_category_type``
# reads it (a MultiTerm field may be a <descrip type="Note">), and how the term's note shows each: a
# usage note is what the termbase's note is, a context is a sentence that shows the term in use,
# marked as one
_NOTE_LABELS = {("note", ""): "", ("descrip", "note"): "", ("termNote", "usagenote"): "", ("descrip", "usagenote"): "",
                ("descrip", "context"): "Context: ", ("termNote", "context"): "Context: ",
                # what else a file says of a term for its translators, which the termbase has no field
                # for: kept in the note, labelled, rather than dropped unseen
                ("descrip", ""): "", ("descrip", "translationnote"): "", ("termNote", "translationnote"): "",
                **{(element, type_): label for type_, label in (("grammaticalgender", "Gender: "),
                                                               ("geographicalusage", "Region: "),
                                                               ("termtype", "Term type: "))
                   for element in ("termNote", "descrip")}}
_NOTE_KINDS = {"": "a note", "note": "a note", "usagenote": "a usage note", "context": "a context",
               "translationnote": "a translation note", "grammaticalgender": "a grammatical gender",
               "geographicalusage": "a geographical usage", "termtype": "a term type"}


def _note_type(element: ET.Element) -> str | None:
    """The kind of note an element is ("" for a plain <note>, usagenote, context), None for none."""
    type_ = "" if element.tag == "note" else _category_type(element.get("type") or "")
    return type_ if (element.tag, type_) in _NOTE_LABELS else None


def _own_notes(element: ET.Element) -> list[ET.Element]:
    """The notes, usage notes and contexts on ``element`` itself, bare or in their group
    (<descripGrp>, <termNoteGrp>), not those of the language sections or terms inside it."""
    found = []
    for child in element:
        for item in [child, *child] if child.tag.endswith("Grp") else [child]:
            if _note_type(item) is not None and _text(item):
                found.append(item)
    return found


def _note_text(element: ET.Element) -> str:
    """A note as the term's note shows it (a context marked as one)."""
    return _NOTE_LABELS[(element.tag, _note_type(element) or "")] + _text(element)


FirstAndOthers = tuple[str, tuple[tuple[str, int | None], ...]]


def _concept_definitions(entry: ET.Element, sections: list[ET.Element], source_language: str,
                         lines: dict[int, int]) -> FirstAndOthers:
    """A concept's definition and the other ones the file gives it (see ``_first_and_others``):
    on the concept, then in the language sections of the source language (TBX-Basic's place for
    it, where memoQ and Lokalize write it; en-US is English). A definition in another language's
    section is not the termbase's, which is the source language's."""
    places = _categories(entry, "descrip", "definition")
    for section in sections:
        tag = section.get(XML_LANG, "")
        if tag and same_language(tag, source_language):
            places += _categories(section, "descrip", "definition")
    return _first_and_others((_definition(_text(place)), lines.get(id(place))) for place in places)


def _first_and_others(given: Iterable[tuple[str, int | None]]) -> FirstAndOthers:
    """Of the definitions a file gives one concept (each with its line), the first, which is the
    concept's, and every other text: a linguist's second definition is reported as a conflict,
    never dropped unseen. An empty one gives nothing (Weblate leaves the cell empty)."""
    first = ""
    others: list[tuple[str, int | None]] = []
    for text, line in given:
        if not text or text == first or any(text == other for other, _ in others):
            continue
        if first:
            others.append((text, line))
        else:
            first = text
    return first, tuple(others)


def _subjects(given: Iterable[tuple[str, int | None]]) -> FirstAndOthers:
    """Of the subjects a file gives one concept (each with its line, as ``_subject`` reads it), the
    first, which is the concept's, and every other one in the termbase's words: which is meant is the
    linguists' call, as the subject decides which checks look at the concept. Another tool's own
    word (Medicine) is compared with nothing, as ``merge_termbases`` does not compare it either."""
    first, others = _first_and_others(given)
    return first, tuple((text, line) for text, line in others if text in SUBJECTS)


def _subject(text: str | None) -> str:
    """A subject as the termbase words it (Unit, " unit " -> unit), "" where the file gives none:
    never a guess, as the subject decides which checks look at the concept (the import refuses a new
    concept without one)."""
    return (text or "").strip().casefold()


def _definition(text: str | None) -> str:
    """A definition as the termbase reads its own: a CAT tool's line breaks and indentation (a
    pretty-printed TBX, a CSV cell) are white space, one space each run."""
    return " ".join((text or "").split())


def _parse_xml(data: bytes) -> tuple[ET.Element, dict[int, int]]:
    """The document and the line each element starts on (by element id), for messages."""
    parser = DefusedXMLParser(target=ET.TreeBuilder(), forbid_dtd=False, forbid_entities=True,
                              forbid_external=True)
    expat = parser.parser
    start = expat.StartElementHandler
    lines: dict[int, int] = {}

    def on_start(*args: Any) -> Any:
        element = start(*args)
        lines[id(element)] = expat.CurrentLineNumber
        return element

    expat.StartElementHandler = on_start
    parser.feed(data)
    return parser.close(), lines


@dataclass(frozen=True)
class _Structure:
    """Where a TBX version keeps concepts, language sections and terms (paths from the one above)."""

    entry: str
    language: str
    terms: tuple[str, ...]


# TBX v2: TBX-Basic's <tig>, or the TBX core's <ntig> whose <termGrp> holds the term and its termNotes
_V2 = _Structure("termEntry", "langSet", ("tig", "ntig"))
_V3 = _Structure("conceptEntry", "langSec", ("termSec",))


def _local(element: ET.Element) -> tuple[str, str]:
    """An element's namespace ("" for none) and local name."""
    namespace, _, local = element.tag[1:].rpartition("}") if element.tag.startswith("{") else ("", "", element.tag)
    return namespace, local


def _structure(name: str, root: ET.Element, line: int | None) -> _Structure:
    """The TBX version of a document, its elements renamed to their local names when they are in
    the document's TBX namespace; a document the importer cannot read faithfully is refused, saying
    what to export instead."""
    namespace, local = _local(root)
    if local == "martif":  # TBX v2 has no namespace, but a tool may declare one: its elements are the same
        structure = _V2
    elif local != "tbx":
        raise InputError(f"not a TBX file: the root element is <{local}>, expected <martif> (TBX v2) or <tbx> "
                         f"(TBX v3): {_EXPORT_INSTEAD}", name, line)
    elif namespace != TBX_V3_NAMESPACE:
        said = f"in the namespace {namespace!r}" if namespace else "without a namespace"
        raise InputError(f"a <tbx> root {said}, not in TBX v3's {TBX_V3_NAMESPACE!r}: {_EXPORT_INSTEAD}",
                         name, line)
    elif root.get("style") != "dca":
        style = root.get("style")
        said = f"the {style!r} style" if style else "no style attribute"
        raise InputError(f"a TBX v3 file with {said} cannot be read (its statuses and definitions would be "
                         f"lost): {_EXPORT_INSTEAD}", name, line)
    else:
        structure = _V3
    if namespace:
        prefix = "{" + namespace + "}"
        for element in root.iter():
            if element.tag.startswith(prefix):
                element.tag = element.tag[len(prefix):]
    return structure


def parse_tbx(name: str, data: bytes, source_language: str = "en") -> Termbase:
    try:  # only to place a forbidden character: the XML parser decodes (UTF-16 too) on its own
        text: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    bad = find_forbidden(text, file=True) if text is not None else None
    if text is not None and bad is not None:
        raise InputError(describe(text[bad]), name, *position(text, bad))
    try:
        root, lines = _parse_xml(data)
    except DefusedXmlException as exc:
        raise InputError(f"refused: the file declares XML entities or external references "
                         f"({type(exc).__name__}); export it again without them", name) from None
    except ET.ParseError as exc:
        line, column = exc.position
        raise InputError(f"not well-formed XML ({exc.msg if hasattr(exc, 'msg') else exc})",
                         name, line, column + 1) from None
    structure = _structure(name, root, lines.get(id(root)))
    concepts = []
    for entry in root.iter(structure.entry):
        concept_id = entry.get("id")
        if not concept_id:
            raise InputError(f"a {structure.entry} has no id attribute: give every concept an id", name,
                             lines.get(id(entry)))
        _refuse_concept_notes(name, concept_id, entry, lines)
        terms: dict[str, tuple[Term, ...]] = {}
        sections = entry.findall(structure.language)
        for lang_set in sections:
            language = _section_language(name, concept_id, lang_set, lines.get(id(lang_set)))
            items = []
            shared = [_note_text(note) for note in _own_notes(lang_set)]
            for holder in [found for path in structure.terms for found in lang_set.findall(path)]:
                tig = holder.find("termGrp") if holder.tag == "ntig" else holder
                if tig is None:
                    continue
                at = lines.get(id(tig))
                term = _term_from_tig(name, concept_id, tig, at, holder)
                items.append(replace(term, line=at, note="\n".join(filter(None, [term.note, *shared])) or None))
            terms[language] = tuple(items)
        definition, others = _concept_definitions(entry, sections, source_language, lines)
        subject, other_subjects = _subjects((_subject(_text(place)), lines.get(id(place)))
                                            for place in _categories(entry, "descrip", "subjectField"))
        concepts.append(Concept(id=concept_id, subject=subject, definition=definition, terms=terms,
                                line=lines.get(id(entry)), other_definitions=others, other_subjects=other_subjects))
    return Termbase(tuple(concepts))


def _refuse_concept_notes(name: str, concept_id: str, entry: ET.Element, lines: dict[int, int]) -> None:
    """Refuse a note, usage note or context on the concept itself, naming its line: the termbase
    keeps notes on terms and has none on a concept, and reading the file without it would drop
    what the terminologist wrote ("use only for the lumbar spine") without a word."""
    for note in _own_notes(entry):
        kind = _NOTE_KINDS[_note_type(note) or ""]
        raise InputError(f"concept {concept_id}: {kind} on the concept has no place in the termbase, which keeps "
                         "notes on terms: move it into the terms it is about (<tig>, <termSec>)", name,
                         lines.get(id(note)))


def _status_notes(tig: ET.Element) -> Iterator[str]:
    """Every status the file gives a term: TBX-Basic's administrativeStatus and the
    normativeAuthorization other dialects write, bare or in a <termNoteGrp> with its source, the
    type in any case (``_categories``)."""
    for note in _categories(tig, "termNote", *_STATUS_TYPES):
        value = _text(note)
        if value:
            yield value


def _term_status(name: str, concept_id: str, tig: ET.Element, line: int | None) -> str:
    """A term's status; where the file gives it two (an organisation's administrativeStatus and a
    standard's normativeAuthorization, which may disagree), the strictest: a term that one of them
    says must not be used is never approved, and an admitted one never becomes preferred."""
    found = []
    for raw in _status_notes(tig):
        status = _STATUS_WORDS.get(raw.casefold().removesuffix("-admn-sts").removesuffix("term"))
        if status is None:
            raise InputError(f"concept {concept_id}: unknown term status {raw!r}: use preferredTerm-admn-sts, "
                             "admittedTerm-admn-sts or deprecatedTerm-admn-sts", name, line)
        found.append(status)
    return max(found, key=_STRICTNESS.index, default="admitted")


def _part_of_speech(text: str | None) -> str:
    """A term's part of speech in the termbase's words, in any case (MultiTerm writes Verb); noun
    where the file gives none. A word the termbase lacks (TBX-Basic's properNoun) is kept as written,
    for the termbase's check to refuse naming it."""
    if not text:
        return "noun"
    return text.casefold() if text.casefold() in PARTS_OF_SPEECH else text


def _term_pos(name: str, concept_id: str, text: str, tig: ET.Element, line: int | None) -> str:
    """A term's part of speech (``_part_of_speech``). A term the file gives two (two partOfSpeech
    notes, bare or in a <termNoteGrp>) is refused: the termbase keeps one per term, and taking the
    first would drop the linguist's second without a word. The same one twice, in any case, is one."""
    given = list(dict.fromkeys(_part_of_speech(_text(note)) for note in _categories(tig, "termNote", "partOfSpeech")
                               if _text(note)))
    if len(given) > 1:
        raise InputError(f"concept {concept_id}: term {text!r} has two parts of speech, {given[0]!r} and "
                         f"{given[1]!r}: the termbase keeps one per term: give it the one it has in the leaflets",
                         name, line)
    return given[0] if given else "noun"


def _term_from_tig(name: str, concept_id: str, tig: ET.Element, line: int | None = None,
                   holder: ET.Element | None = None) -> Term:
    """The term a <tig> or <termSec> gives, or the <termGrp> of an <ntig> (``holder``): its text,
    status and part of speech, our match data from "pipeline:" notes, and as its note every other
    note, usage note and context anywhere in the holder, in the file's order (``_NOTE_LABELS``)."""
    holder = tig if holder is None else holder
    text = _child_text(tig, "term")
    if not text:
        raise InputError(f"concept {concept_id}: a term is empty", name)
    status = _term_status(name, concept_id, tig, line)
    pos = _term_pos(name, concept_id, text, tig, line)
    match, pattern, forms, exceptions, dnt, notes = None, None, [], [], False, []
    for note in [element for element in holder.iter() if _note_type(element) is not None]:
        value = _text(note) if note.tag == "note" else ""
        if value.startswith("pipeline:match="):
            match = value.split("=", 1)[1]
        elif value.startswith("pipeline:pattern="):
            pattern = value.split("=", 1)[1]
        elif value.startswith("pipeline:form="):
            forms.append(value.split("=", 1)[1])
        elif value.startswith("pipeline:exception="):
            exceptions.append(value.split("=", 1)[1])
        elif value == "pipeline:dnt=true":
            dnt = True
        elif _text(note):
            notes.append(_note_text(note))
    return Term(text=pattern or text, status=status,
                pos=pos, match=match,
                forms=tuple(forms), dnt=dnt, note="\n".join(notes) or None, exceptions=tuple(exceptions))


CSV_FIELDS = ["source", "target", "context", "developer_comments", "translator_comments"]


def export_csv(termbase: Termbase, language: str, source_language: str = "en") -> bytes:
    """Weblate's CSV glossary for one target language: one row per approved or deprecated term. A
    cell a spreadsheet would run as a formula is written as text (`pipeline.spreadsheet`)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for concept in termbase.concepts:
        source = concept.preferred(source_language)
        if source is None:
            continue
        for term in concept.terms_for(language):
            comments = term.status + (f": {term.note}" if term.note else "")
            row = {"source": source.display, "target": term.display, "context": concept.id,
                   "developer_comments": concept.definition, "translator_comments": comments}
            writer.writerow({key: neutralise(value) for key, value in row.items()})
    return out.getvalue().encode("utf-8")


def _csv_error(name: str, exc: csv.Error, start: int, line: int) -> InputError:
    """A CSV error as a refusal naming the line where the bad row begins (``start``) or where the
    reader stopped (``line``)."""
    if "field larger" in str(exc):
        # Deliberately not raised: a glossary cell is a term or a note, and a cell this long is
        # nearly always an unclosed quote that read the rest of the file into one cell.
        return InputError(f"a cell is longer than {csv.field_size_limit()} characters (an unclosed double "
                          "quote reads the rest of the file into one cell): close the quote or shorten the cell",
                          name, start)
    return InputError(f"malformed CSV ({exc}): save the file as standard CSV", name, line)


def _csv_rows(name: str, reader: csv.DictReader[str], skipped: int) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row with the line it starts on (a quoted cell may hold line breaks; ``skipped`` lines
    came before the header)."""
    while True:
        start = reader.line_num + 1 + skipped
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _csv_error(name, exc, start, reader.line_num + skipped) from None
        yield start, row


def _csv_text(name: str, data: bytes) -> str:
    """A CSV's text: UTF-8 with or without a byte order mark, or UTF-16 with one (what Excel saves
    as "Unicode text")."""
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    try:
        text = data.decode("utf-16") if utf16 else data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"not valid {'UTF-16' if utf16 else 'UTF-8'}: save the CSV as UTF-8", name) from None
    bad = find_forbidden(text, file=True)
    if bad is not None:
        raise InputError(describe(text[bad]), name, *position(text, bad))
    return text


_CSV_REQUIRED = ("context", "source", "target")
# the columns the import reads; Weblate's own location and id, which hold no terminology; and its
# fuzzy, which ``_unread_cells`` looks at
_CSV_READ = frozenset({*_CSV_REQUIRED, "developer_comments", "translator_comments", "subject"})
_WEBLATE_OWN = frozenset({"location", "id", "fuzzy"})
_NOT_FUZZY = frozenset({"", "false", "0", "no"})
# what separates cells: Weblate's comma, and what a spreadsheet in a European locale writes (a
# semicolon, as the comma is the decimal mark there; a tab in Excel's "Unicode text")
_DELIMITERS = (",", ";", "\t")


def _column(name: str) -> str:
    """A header cell as the column it names: a spreadsheet user may write Source or " target "."""
    return name.strip().casefold()


def _csv_layout(name: str, text: str) -> tuple[str, int]:
    """The cell separator of a CSV, found by the header line, which must name the source, target
    and context columns with one of them, and the number of lines before the header (Excel's
    "sep=;" line, which names the separator itself)."""
    first, _, rest = text.partition("\n")
    sep = first.rstrip("\r")
    if len(sep) == 5 and sep.lower().startswith("sep=") and sep[4] in _DELIMITERS:
        return sep[4], 1
    header = {delimiter: [_column(cell) for cell in next(csv.reader([sep], delimiter=delimiter), [])]
              for delimiter in _DELIMITERS}
    for delimiter, columns in header.items():
        if set(_CSV_REQUIRED) <= set(columns):
            return delimiter, 0
    columns = max(header.values(), key=len)
    missing = [column for column in _CSV_REQUIRED if column not in columns]
    raise InputError(f"missing CSV columns: {', '.join(missing)} (the header has: {', '.join(columns) or 'nothing'}): "
                     "the first line must name the columns source, target and context, separated by commas, "
                     "semicolons or tabs", name, 1)


def _csv_reader(name: str, text: str) -> tuple[csv.DictReader[str], int]:
    """A reader of the CSV's rows by column (header names as ``_column`` reads them), and the number
    of lines before its header."""
    delimiter, skipped = _csv_layout(name, text)
    stream = io.StringIO(text)
    for _ in range(skipped):
        stream.readline()
    reader = csv.DictReader(stream, delimiter=delimiter)
    try:
        fieldnames = reader.fieldnames or []
    except csv.Error as exc:
        raise _csv_error(name, exc, 1 + skipped, reader.line_num + skipped) from None
    reader.fieldnames = [_column(field) for field in fieldnames]
    if not set(_CSV_REQUIRED) <= set(reader.fieldnames):  # the header read whole: a quoted line break in it
        raise InputError(f"missing CSV columns in the header: {', '.join(reader.fieldnames)}", name, 1 + skipped)
    return reader, skipped


def parse_csv(name: str, data: bytes, language: str, source_language: str | None = None) -> Termbase:
    """A Weblate CSV glossary of one target language: per concept (the context column) its target
    terms, the definition of the first row that gives one (another row's other definition kept for
    the import to report), and, with ``source_language``, the source column's terms in that
    language (the first preferred), which name a new concept in English, and the subject of the
    first row that gives one in a subject column (Weblate's CSV has none; another row's other subject
    kept for the import to report, like a definition). Cells may be separated by
    commas, semicolons or tabs, as the header line shows (``_csv_layout``); a row separated
    otherwise than its header is refused saying so (``_incomplete_row``), and so is a row with text the
    import would not read (``_refuse_unread_cells``): nothing in the file is dropped unseen."""
    text = _csv_text(name, data)
    reader, skipped = _csv_reader(name, text)
    by_concept: dict[str, list[Term]] = {}
    sources: dict[str, list[Term]] = {}
    definitions: dict[str, list[tuple[str, int | None]]] = {}
    subjects: dict[str, list[tuple[str, int | None]]] = {}
    lines: dict[str, int] = {}
    for start, raw in _csv_rows(name, reader, skipped):
        _refuse_unread_cells(name, raw, len(reader.fieldnames or ()), start)
        row = {key: restore(value or "") for key, value in raw.items() if key is not None}
        concept_id = (row.get("context") or "").strip()
        target = (row.get("target") or "").strip()
        if not concept_id or not target:
            raise _incomplete_row(name, text, reader, start, reader.line_num + skipped)
        comments = (row.get("translator_comments") or "").strip()
        status, _, note = comments.partition(": ")
        if status not in _STATUS_TO_TBX:
            status, note = "admitted", comments
        by_concept.setdefault(concept_id, []).append(Term(text=target, status=status, note=note or None, line=start))
        definitions.setdefault(concept_id, []).append((_definition(row.get("developer_comments")), start))
        subjects.setdefault(concept_id, []).append((_subject(row.get("subject")), start))
        lines.setdefault(concept_id, start)
        _add_source(sources.setdefault(concept_id, []), (row.get("source") or "").strip(), start)
    concepts = []
    for cid, ts in by_concept.items():
        definition, others = _first_and_others(definitions[cid])
        subject, other_subjects = _subjects(subjects[cid])
        english = {source_language: tuple(sources[cid])} if source_language and sources[cid] else {}
        terms = english | {language: tuple(ts)}
        concepts.append(Concept(id=cid, subject=subject, definition=definition, terms=terms, line=lines[cid],
                                other_definitions=others, other_subjects=other_subjects))
    return Termbase(tuple(concepts))


def _refuse_unread_cells(name: str, raw: dict[str | Any, Any], columns: int, line: int) -> None:
    """Refuse a row with text the import would not read, naming its line: cells past the header's
    last column (an unquoted comma in a note cuts it in two), a filled cell in a column the import
    does not read (a usage note, a part of speech), and a term Weblate marks fuzzy (needing
    editing), which is no approved term. An empty cell loses nothing, and Weblate's location and
    id hold no terminology."""
    extra = [cell for cell in raw.get(None) or () if cell.strip()]
    if extra:
        raise InputError(f"this row has {columns + len(raw[None])} cells, the header names {columns}: quote a cell "
                         "that holds the separator (\"admitted: informal, rare\")", name, line)
    for column, value in raw.items():
        if column is None or column in _CSV_READ or not (value or "").strip():
            continue
        if column == "fuzzy" and value.strip().casefold() not in _NOT_FUZZY:
            raise InputError("this term is marked fuzzy (it needs editing in Weblate): approve it there, or "
                             "remove the row", name, line)
        if column not in _WEBLATE_OWN:
            raise InputError(f"column {column!r} is not read by the import, and this row fills it: a CSV carries a "
                             "term's status and note as translator_comments (status: note): write it there, or "
                             "leave the column out", name, line)


_SEPARATOR_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}


def _incomplete_row(name: str, text: str, reader: csv.DictReader[str], start: int, end: int) -> InputError:
    """The refusal of a row without a context or a target (from line ``start`` to ``end`` of
    ``text``). Where the row read with another separator than the header's has both, the file mixes
    them (a header a tool wrote with commas over rows a spreadsheet saved with semicolons, or the
    other way round): the refusal says so, since "the row has no context" would send the user
    looking for a cell that is there. The row is read again from its first line, as a quoted cell
    may hold line breaks in the other separator's reading."""
    lines = text.split("\n")[start - 1:]
    while start < end and not lines[0].strip("\r"):  # blank lines the reader skipped before the row
        lines, start = lines[1:], start + 1
    header = reader.reader.dialect.delimiter
    for other in _DELIMITERS:
        row = next(csv.reader(lines, delimiter=other), [])
        cells = dict(zip(reader.fieldnames or [], row))
        if other != header and (cells.get("context") or "").strip() and (cells.get("target") or "").strip():
            return InputError(f"this row seems to separate its cells with {_SEPARATOR_NAMES[other]}, the header with "
                              f"{_SEPARATOR_NAMES[header]}: save the file again with one separator on every line",
                              name, start)
    return InputError("a row needs a context (concept id) and a target term", name, end)


def _add_source(terms: list[Term], source: str, line: int) -> None:
    """A concept's source-column term, once: the first preferred, any other admitted."""
    if source and all(term.text.casefold() != source.casefold() for term in terms):
        terms.append(Term(text=source, status="admitted" if terms else "preferred", line=line))


@dataclass(frozen=True)
class Conflict:
    concept: str
    language: str
    term: str
    message: str


# What a term carries besides its text, as each format writes it: a term the file has with other
# values than the termbase's is a conflict (a linguist's edit, never dropped without a word)
TBX_FIELDS = ("status", "pos", "match", "forms", "dnt", "note", "exceptions")
CSV_FIELDS_CARRIED = ("status", "note")


def _shown(value: object) -> str:
    if isinstance(value, str) and " " in value:
        return repr(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(value) + "]" if value else "none"
    return "none" if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def _second_values(concept: Concept, new: bool) -> list[Conflict]:
    """A conflict for each other definition and other subject the file gives a concept besides its
    first: which of them is meant is the linguists' call; a new concept is written with the first."""
    kept = ": the first is written" if new else ""
    given = [("definition", concept.definition, other) for other in concept.other_definitions]
    given += [("subject", concept.subject, other) for other in concept.other_subjects]
    return [Conflict(concept.id, "en", f"({what})", f"the file gives two {what}s, {first!r} and {text!r}"
                     + (f" (line {line})" if line is not None else "") + kept)
            for what, first, (text, line) in given]


def merge_termbases(current: Termbase, incoming: Termbase,
                    fields: tuple[str, ...] = TBX_FIELDS) -> tuple[Termbase, tuple[Conflict, ...], int]:
    """Add what ``incoming`` has that ``current`` lacks; never overwrite. A term both have with
    other values in ``fields`` (the ones the file's format carries) is a conflict, and so are a
    definition the termbase has otherwise or the file gives twice otherwise, and a subject in the
    termbase's words other than the termbase's or than the file's first. Returns the
    merged termbase, the conflicts found, and the number of terms added."""
    conflicts: list[Conflict] = []
    added = 0
    concepts = {c.id: c for c in current.concepts}
    order = [c.id for c in current.concepts]
    for concept in incoming.concepts:
        conflicts += _second_values(concept, concept.id not in concepts)
        if concept.id not in concepts:
            concepts[concept.id] = concept
            order.append(concept.id)
            added += sum(len(t) for t in concept.terms.values())
            continue
        existing = concepts[concept.id]
        terms = dict(existing.terms)
        for language, items in concept.terms.items():
            known = {t.display.casefold(): t for t in terms.get(language, ())}
            extra = []
            for term in items:
                old = known.get(term.display.casefold())
                if old is None:
                    extra.append(term)
                else:
                    conflicts += [Conflict(concept.id, language, term.display,
                                           f"{name} {_shown(getattr(term, name))} in the file, "
                                           f"{_shown(getattr(old, name))} in the termbase")
                                  for name in fields if getattr(term, name) != getattr(old, name)]
            if extra:
                terms[language] = terms.get(language, ()) + tuple(extra)
                added += len(extra)
        if concept.subject in SUBJECTS and concept.subject != existing.subject:  # another tool's own words are not
            conflicts.append(Conflict(concept.id, "en", "(subject)",
                                      f"subject {concept.subject} in the file, {existing.subject} in the termbase"))
        if existing.definition and concept.definition and existing.definition != concept.definition:
            conflicts.append(Conflict(concept.id, "en", "(definition)", "the definitions differ"))
        concepts[concept.id] = replace(existing, terms=terms)
    return Termbase(tuple(concepts[cid] for cid in order)), tuple(conflicts), added
