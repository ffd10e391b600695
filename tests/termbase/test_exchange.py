"""TBX and CSV exchange: lossless round trips, conflicts reported, hostile XML refused."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.termbase.exchange import (
    CSV_FIELDS_CARRIED,
    TBX_FIELDS,
    export_csv,
    export_tbx,
    merge_termbases,
    parse_csv,
    parse_tbx,
)
from pipeline.termbase.model import PARTS_OF_SPEECH, Concept, Term, Termbase
from pipeline.termbase.model import STATUSES as STATUSES_
from pipeline.termbase.reader import parse_termbase, read_termbase
from pipeline.termbase.writer import format_termbase

from ..conftest import FIXTURE

TERMBASE = read_termbase(FIXTURE / "source/termbase.yaml", "source/termbase.yaml")


def test_tbx_round_trip_into_an_empty_termbase_gives_the_same_bytes():
    first = export_tbx(TERMBASE)
    imported, conflicts, added = merge_termbases(Termbase(()), parse_tbx("t.tbx", first))
    assert conflicts == () and added == sum(len(t) for c in TERMBASE.concepts for t in c.terms.values())
    reread = parse_termbase("tb.yaml", format_termbase(imported).encode("utf-8"))
    assert export_tbx(reread) == first


def test_exceptions_survive_tbx_and_yaml() -> None:
    week = Concept("week", "time", "Seven days.", {"zh_Hans": (Term("周", "preferred", exceptions=("周围", "周期")),)})
    imported, _, _ = merge_termbases(Termbase(()), parse_tbx("t.tbx", export_tbx(Termbase((week,)))))
    reread = parse_termbase("tb.yaml", format_termbase(imported).encode("utf-8"))
    assert reread.concepts[0].terms["zh_Hans"][0].exceptions == ("周围", "周期")


def test_an_exception_must_contain_its_term() -> None:
    yaml = ("concepts:\n  - id: week\n    subject: time\n    definition: Seven days.\n    terms:\n"
            "      zh_Hans:\n        - {term: 周, status: preferred, exceptions: [周围, 星期]}\n")
    with pytest.raises(InputError) as error:
        parse_termbase("tb.yaml", yaml.encode("utf-8"))
    assert str(error.value).startswith("tb.yaml:7:") and "'星期' does not contain the term" in str(error.value)


@pytest.mark.parametrize(("language", "term", "refused"), [
    ("es", "{term: semana, status: preferred, exceptions: [fin de semana]}", None),
    ("vi", "{term: giờ, status: preferred, match: forms, forms: [giờ], exceptions: [bây giờ]}", None),
    # matched by words, 周 is never found inside 周围, and "fines de semana" holds no "semana" form
    ("zh_Hans", "{term: 周, status: preferred, match: exact, exceptions: [周围]}", "周围"),
    ("es", "{term: semana, status: preferred, match: forms, forms: [semana], exceptions: [semanal]}", "semanal"),
])
def test_an_exception_must_hold_the_term_as_it_is_matched(language: str, term: str, refused: str | None) -> None:
    """An exception that does not hold the term, as the term is matched (whole words, or inside
    other words for a substring term), would never apply: it is refused rather than believed."""
    yaml = ("concepts:\n  - id: week\n    subject: time\n    definition: Seven days.\n    terms:\n"
            f"      {language}:\n        - {term}\n")
    if refused is None:
        assert parse_termbase("tb.yaml", yaml.encode("utf-8")).concepts[0].terms[language][0].exceptions
        return
    with pytest.raises(InputError) as error:
        parse_termbase("tb.yaml", yaml.encode("utf-8"))
    assert str(error.value).startswith("tb.yaml:7:") and f"{refused!r} does not contain the term" in str(error.value)


# A definition as CAT tools write it, wrapped over lines (pretty-printed TBX, a CSV cell with line
# breaks): read as the termbase reads its own (white space runs are one space), so that it is not
# a conflict with the same definition in the termbase, nor a line the termbase would read back
# otherwise (which made an import write the whole file anew, dropping the linguists' comments).
WRAPPED_DEFINITIONS = [
    ("tbx", b'<martif><text><body><termEntry id="disc"><descrip type="definition">\n      A pad between\n'
            b'      the bones of the spine.\n    </descrip><langSet xml:lang="es"><tig><term>disco</term></tig>'
            b'</langSet></termEntry></body></text></martif>'),
    ("csv", b'source,target,context,developer_comments\ndisc,disco,disc,"A pad between\n'
            b'the  bones of the spine."\n'),
]


@pytest.mark.parametrize(("kind", "data"), WRAPPED_DEFINITIONS, ids=[w[0] for w in WRAPPED_DEFINITIONS])
def test_a_definition_wrapped_over_lines_is_read_as_the_termbase_reads_it(kind: str, data: bytes) -> None:
    incoming = parse_tbx("t.tbx", data) if kind == "tbx" else parse_csv("g.csv", data, "es")
    assert incoming.concepts[0].definition == "A pad between the bones of the spine."
    current = Termbase((Concept("disc", "anatomy", "A pad between the bones of the spine.", {}),))
    assert merge_termbases(current, incoming)[1] == ()


# TBX lets a term and a definition hold inline markup (<hi>, for emphasis); its text is the term,
# never the part before the first element (a term "dis" for disc would pass every term check).
INLINE_MARKUP = [
    ("<term>dis<hi>co</hi></term>", "<descrip type=\"definition\">A pad.</descrip>", "disco", "A pad."),
    ("<term><hi>disco</hi> intervertebral</term>", "<descrip type=\"definition\">A <hi>pad</hi>.</descrip>",
     "disco intervertebral", "A pad."),
]


@pytest.mark.parametrize(("term", "definition", "text", "defined"), INLINE_MARKUP)
def test_inline_markup_is_read_as_part_of_the_text(term: str, definition: str, text: str, defined: str) -> None:
    data = (f'<martif><text><body><termEntry id="disc">{definition}<langSet xml:lang="es"><tig>{term}</tig>'
            '</langSet></termEntry></body></text></martif>')
    concept = parse_tbx("t.tbx", data.encode("utf-8")).concepts[0]
    assert (concept.terms["es"][0].text, concept.definition) == (text, defined)


def test_tbx_is_tbx_basic_with_statuses_and_languages():
    text = export_tbx(TERMBASE).decode("utf-8")
    assert '<martif type="TBX-Basic" xml:lang="en">' in text
    assert '<langSet xml:lang="zh-Hans">' in text
    assert "deprecatedTerm-admn-sts" in text and "preferredTerm-admn-sts" in text


HOSTILE = [
    ("billion laughs", '<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY a "aaaa">'
     '<!ENTITY b "&a;&a;&a;&a;">]><martif>&b;</martif>'),
    ("external entity", '<?xml version="1.0"?><!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     '<martif>&x;</martif>'),
]


@pytest.mark.parametrize("name,document", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_tbx_is_refused(name, document):
    with pytest.raises(InputError, match="refused"):
        parse_tbx("evil.tbx", document.encode())


def test_malformed_tbx_names_line():
    with pytest.raises(InputError) as caught:
        parse_tbx("bad.tbx", b"<martif>\n<text>\n</martif>")
    assert caught.value.location.line == 3


def test_conflicts_are_reported_not_applied():
    current = Termbase((Concept("disc", "anatomy", "A disc.", {"es": (Term("disco", "preferred"),)}),))
    incoming = Termbase((Concept("disc", "anatomy", "A disc.",
                                 {"es": (Term("disco", "deprecated"), Term("disco intervertebral", "admitted"))}),))
    merged, conflicts, added = merge_termbases(current, incoming)
    assert added == 1
    assert [(c.concept, c.term) for c in conflicts] == [("disc", "disco")]
    assert merged.concept("disc").terms["es"][0].status == "preferred"


# A linguist's edit of a term the termbase has (made do-not-translate, a new note, a form) is a
# conflict like a status change: an import that reported nothing would drop it without a word.
DISCO = Term("disco", "preferred", note="Not disk.")
EDITED_TERMS = [
    ("dnt", replace(DISCO, dnt=True), "dnt true in the file, false in the termbase"),
    ("note", replace(DISCO, note="Never in a title."), "note 'Never in a title.' in the file, 'Not disk.' in"),
    ("pos", replace(DISCO, pos="verb"), "pos verb in the file, noun in the termbase"),
    ("match", replace(DISCO, match="forms", forms=("discos",)), "match forms in the file, none in"),
    ("exceptions", replace(DISCO, exceptions=("discoteca",)), "exceptions [discoteca] in the file, none in"),
    ("unchanged", DISCO, None),
]


@pytest.mark.parametrize(("kind", "edited", "message"), EDITED_TERMS, ids=[e[0] for e in EDITED_TERMS])
def test_an_edit_of_a_known_term_is_a_conflict(kind: str, edited: Term, message: str | None) -> None:
    current = Termbase((Concept("disc", "anatomy", "A disc.", {"es": (DISCO,)}),))
    incoming = parse_tbx("t.tbx", export_tbx(Termbase((Concept("disc", "anatomy", "A disc.", {"es": (edited,)}),))))
    merged, conflicts, added = merge_termbases(current, incoming)
    assert (added, merged) == (0, current)
    found = [c.message for c in conflicts]
    assert found == [] if message is None else any(message in m for m in found)


# The status as TBX dialects write it: a term the file says must not be used (deprecated,
# superseded; administrativeStatus or normativeAuthorization) is never read as approved.
STATUSES = [
    ('<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>', "deprecated"),
    ('<termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>', "deprecated"),
    ('<termNote type="normativeAuthorization">deprecatedTerm</termNote>', "deprecated"),
    ('<termNote type="normativeAuthorization">supersededTerm</termNote>', "deprecated"),
    ('<termNote type="administrativeStatus">preferredTerm</termNote>', "preferred"),
    ("", "admitted"),
    # TBX-Min's words (TBX v3 DCA files of that dialect), and Weblate's "forbidden"
    ('<termNote type="administrativeStatus">preferred</termNote>', "preferred"),
    ('<termNote type="administrativeStatus">admitted</termNote>', "admitted"),
    ('<termNote type="administrativeStatus">notRecommended</termNote>', "deprecated"),
    ('<termNote type="administrativeStatus">obsolete</termNote>', "deprecated"),
    ('<termNote type="administrativeStatus">forbidden</termNote>', "deprecated"),
    ('<termNote type="administrativeStatus">DeprecatedTerm-admn-sts</termNote>', "deprecated"),
    # two statuses that disagree (an organisation's administrativeStatus, a standard's
    # normativeAuthorization, or one of them twice): the strictest is the term's, whichever comes first
    ('<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>'
     '<termNote type="normativeAuthorization">deprecatedTerm</termNote>', "deprecated"),
    ('<termNote type="normativeAuthorization">supersededTerm</termNote>'
     '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>', "deprecated"),
    ('<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'
     '<termNote type="normativeAuthorization">admittedTerm</termNote>', "admitted"),
    ('<termNote type="administrativeStatus">preferred</termNote>'
     '<termNote type="administrativeStatus">forbidden</termNote>', "deprecated"),
    # the data category's name in another case (as MultiTerm capitalises), or the status in a
    # <termNoteGrp> with its source (TBX core): still the status, never skipped for admitted
    ('<termNote type="AdministrativeStatus">deprecatedTerm-admn-sts</termNote>', "deprecated"),
    ('<termNoteGrp><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>'
     '<admin type="source">ISO</admin></termNoteGrp>', "deprecated"),
    ('<termNote type="partOfSpeech">noun</termNote><termNoteGrp><termNote type="normativeAuthorization">'
     'obsolete</termNote></termNoteGrp><termNote type="administrativeStatus">admitted</termNote>', "deprecated"),
]


@pytest.mark.parametrize(("note", "status"), STATUSES)
def test_a_term_status_is_read_in_the_tbx_vocabularies(note: str, status: str) -> None:
    data = (f'<martif><text><body><termEntry id="disc"><langSet xml:lang="es"><tig><term>disquito</term>{note}'
            '</tig></langSet></termEntry></body></text></martif>')
    assert parse_tbx("t.tbx", data.encode("utf-8")).concepts[0].terms["es"][0].status == status


# A data category's type as CAT tools write it: MultiTerm and memoQ capitalise it (PartOfSpeech,
# SubjectField, Definition), a hand-edited file may write it in capitals or with spaces around it.
# Every category the importer reads is read in any case, bare or in its group (<termNoteGrp>,
# <descripGrp>): a verb is never read as a noun, nor a subject or a definition dropped.
DATA_CATEGORY_CASES = [
    # where (on the term or the concept), the element, what is read, its value
    ("term", '<termNote type="PartOfSpeech">verb</termNote>', "pos", "verb"),
    ("term", '<termNote type="partofspeech">verb</termNote>', "pos", "verb"),
    ("term", '<termNote type="PARTOFSPEECH">adjective</termNote>', "pos", "adjective"),
    ("term", '<termNote type=" partOfSpeech ">verb</termNote>', "pos", "verb"),
    ("term", '<termNoteGrp><termNote type="partOfSpeech">verb</termNote><admin type="source">ISO</admin>'
     "</termNoteGrp>", "pos", "verb"),
    ("term", '<termNote type="partOfSpeech">Verb</termNote>', "pos", "verb"),  # the value in MultiTerm's case too
    ("term", '<termNote type="partOfSpeech">verb</termNote>', "pos", "verb"),
    ("term", '<termNote type="termType">fullForm</termNote>', "pos", "noun"),
    ("term", '<termNote type="ADMINISTRATIVESTATUS">deprecatedTerm-admn-sts</termNote>', "status", "deprecated"),
    ("term", '<termNote type=" normativeAuthorization">supersededTerm</termNote>', "status", "deprecated"),
    ("concept", '<descrip type="SubjectField">unit</descrip>', "subject", "unit"),
    ("concept", '<descripGrp><descrip type="SUBJECTFIELD">Unit</descrip></descripGrp>', "subject", "unit"),
    ("concept", '<descrip type="subjectField ">unit</descrip>', "subject", "unit"),
    ("concept", '<descrip type="DEFINITION">A pad.</descrip>', "definition", "A pad."),
    ("concept", '<descrip type=" definition">A pad.</descrip>', "definition", "A pad."),
    ("term", '<descrip type="Context">A pad.</descrip>', "note", "Context: A pad."),  # a context, not a definition
]


@pytest.mark.parametrize(("where", "element", "field", "value"), DATA_CATEGORY_CASES)
def test_a_data_category_is_read_in_any_case(where: str, element: str, field: str, value: str) -> None:
    on_term, on_concept = (element, "") if where == "term" else ("", element)
    data = (f'<martif><text><body><termEntry id="disc">{on_concept}<langSet xml:lang="en"><tig><term>operate</term>'
            f"{on_term}</tig></langSet></termEntry></body></text></martif>")
    concept = parse_tbx("t.tbx", data.encode("utf-8")).concepts[0]
    assert getattr(concept if where == "concept" else concept.terms["en"][0], field) == value


@pytest.mark.parametrize(("term_block", "text", "status"), [
    ("<tig><term>disco</term></tig>", "disco", "admitted"),
    # the TBX core's <ntig>: the term and its notes in a <termGrp>, as some CAT tools write them
    ('<ntig><termGrp><term>disquito</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts'
     "</termNote></termGrp></ntig>", "disquito", "deprecated"),
])
def test_a_term_is_read_from_tig_and_ntig(term_block: str, text: str, status: str) -> None:
    data = (f'<martif><text><body><termEntry id="disc"><langSet xml:lang="es">{term_block}</langSet></termEntry>'
            "</body></text></martif>")
    terms = parse_tbx("t.tbx", data.encode("utf-8")).concepts[0].terms["es"]
    assert [(t.text, t.status) for t in terms] == [(text, status)]


def test_an_unknown_status_names_its_line() -> None:
    data = (b'<martif><text><body><termEntry id="disc"><langSet xml:lang="es">\n<tig><term>disco</term>'
            b'<termNote type="administrativeStatus">proposed</termNote></tig></langSet></termEntry></body></text></martif>')
    with pytest.raises(InputError) as caught:
        parse_tbx("t.tbx", data)
    assert caught.value.location.line == 2


# A language section's tag as CAT tools write it: a language the termbase can hold (in any case, with
# a script or a region), or a one-line refusal naming the section's line and the tag: a private-use
# tag (x-klingon, ISO 639's qaa-qtz) or a grandfathered one (i-klingon) means something only to the
# tool that wrote it, and a malformed or missing one names no language. A well-formed tag names a
# language only where CLDR has a locale for it as `pipeline init` decides (xx, tlh, es-XX: none; iw,
# und, sr-ZZ: CLDR reads them as another), the default script filled in (zh-CN is zh_Hans_CN). A
# variant or extension (en-GB-oxendict, de-1996) is refused: no project locale can have one, and a
# dialect's or an orthography's terms are not the language's.
LANGUAGE_TAGS = [
    ('xml:lang="ES"', "es", None),
    ('xml:lang="zh-hans-CN"', "zh_Hans_CN", None),
    ('xml:lang="es-419"', "es_419", None),
    ('xml:lang="zh-CN"', "zh_CN", None),
    ('xml:lang="ht-HT"', "ht_HT", None),
    ('xml:lang="AR-eg"', "ar_EG", None),
    ('xml:lang="vi"', "vi", None),
    # the script of a language CLDR knows in that script only (Spanish is written in Latin letters):
    # the language itself, never a language of its own; a language CLDR has in two scripts keeps it
    ('xml:lang="es-Latn"', "es", None),
    ('xml:lang="ES-latn-MX"', "es_MX", None),
    ('xml:lang="ht-Latn"', "ht", None),
    ('xml:lang="vi-Latn-VN"', "vi_VN", None),
    ('xml:lang="ar-Arab"', "ar", None),
    ('xml:lang="ar-arab-EG"', "ar_EG", None),
    ('xml:lang="en-Latn-US"', "en_US", None),
    ('xml:lang="zh-Hans"', "zh_Hans", None),
    ('xml:lang="zh-Hant-TW"', "zh_Hant_TW", None),
    ('xml:lang="sr-Latn"', "sr_Latn", None),
    ('xml:lang="es-Arab"', None, "tagged 'es-Arab', which CLDR does not know as written (it reads it as es)"),
    ('xml:lang="xx"', None, "tagged 'xx', which names no locale CLDR knows"),
    ('xml:lang="tlh"', None, "tagged 'tlh', which names no locale CLDR knows"),
    ('xml:lang="zz-ZZ"', None, "tagged 'zz-ZZ', which names no locale CLDR knows"),
    ('xml:lang="es-XX"', None, "tagged 'es-XX', which names no locale CLDR knows"),
    ('xml:lang="qqq"', None, "tagged 'qqq', a private-use tag"),
    ('xml:lang="iw"', None, "tagged 'iw', which CLDR does not know as written (it reads it as he-IL)"),
    ('xml:lang="und"', None, "tagged 'und', which CLDR does not know as written (it reads it as en-US)"),
    ('xml:lang="sr-ZZ"', None, "tagged 'sr-ZZ', which CLDR does not know as written (it reads it as sr-Cyrl-RS)"),
    ('xml:lang="zh-Cyrl"', None, "tagged 'zh-Cyrl', which CLDR does not know as written (it reads it as zh-Hans)"),
    ('xml:lang="en-GB-oxendict"', None, "tagged 'en-GB-oxendict': en-GB with a variant or extension (oxendict)"),
    ('xml:lang="ca-ES-valencia"', None, "tagged 'ca-ES-valencia': ca-ES with a variant or extension (valencia)"),
    ('xml:lang="de-1996"', None, "tagged 'de-1996': de with a variant or extension (1996)"),
    ('xml:lang="es-US-u-ca-gregory"', None, "tagged 'es-US-u-ca-gregory': es-US with a variant or extension"),
    ('xml:lang="x-klingon"', None, "tagged 'x-klingon', a private-use tag"),
    ('xml:lang="i-klingon"', None, "tagged 'i-klingon', a grandfathered tag"),
    ('xml:lang="qaa"', None, "tagged 'qaa', a private-use tag"),
    ('xml:lang="es-x-medical"', None, "tagged 'es-x-medical', a private-use tag"),
    ('xml:lang="es__ES"', None, "tagged 'es__ES', which is not a language tag"),
    ('xml:lang="spanish"', None, "tagged 'spanish', which is not a language tag"),
    ('xml:lang="es ES"', None, "tagged 'es ES', which is not a language tag"),
    ('xml:lang=""', None, "has no language tag"),
    ("", None, "has no language tag"),
]


@pytest.mark.parametrize(("attribute", "language", "refusal"), LANGUAGE_TAGS)
def test_a_language_tag_is_a_language_or_a_plain_refusal(attribute: str, language: str | None,
                                                         refusal: str | None) -> None:
    data = (f'<martif><text><body><termEntry id="disc">\n<langSet {attribute}>\n<tig><term>disco</term></tig>'
            "</langSet></termEntry></body></text></martif>")
    if refusal is None:
        assert list(parse_tbx("t.tbx", data.encode("utf-8")).concepts[0].terms) == [language]
        return
    with pytest.raises(InputError) as caught:
        parse_tbx("t.tbx", data.encode("utf-8"))
    message = str(caught.value)
    assert message.startswith("t.tbx:2: concept disc: a language section ") and refusal in message, message
    assert "pattern" not in message and "e.g. es, zh-Hans" in message, message


def test_csv_round_trip_of_one_language():
    data = export_csv(TERMBASE, "es")
    assert data.startswith(b"source,target,context,developer_comments,translator_comments\n")
    parsed = parse_csv("g.csv", data, "es")
    for concept in parsed.concepts:
        shipped = TERMBASE.concept(concept.id)
        assert [(t.display, t.status) for t in concept.terms["es"]] == \
            [(t.display, t.status) for t in shipped.terms["es"]]
    _, conflicts, added = merge_termbases(TERMBASE, parsed, CSV_FIELDS_CARRIED)
    assert conflicts == () and added == 0


# The same concept in each TBX structure a CAT tool writes: TBX v2 (<martif>, ISO 30042:2008) and
# TBX v3 (ISO 30042:2019: <tbx> in its namespace, <conceptEntry>, <langSec>, <termSec>), in the
# DCA style, whichever dialect (TBX-Basic, TBX-Min, TBX-Core) names the data categories it uses.
V3 = 'xmlns="urn:iso:std:iso:30042:ed-2"'
DISC_BODY = ('<descrip type="subjectField">anatomy</descrip><descrip type="definition">A pad.</descrip>'
             '<{lang} xml:lang="en"><{term}><term>disc</term><termNote type="administrativeStatus">'
             'preferredTerm-admn-sts</termNote></{term}></{lang}><{lang} xml:lang="es"><{term}><term>disquito</term>'
             '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote><note>Too familiar.</note>'
             '</{term}></{lang}>')
TBX_STRUCTURES = [
    ("v2", '<martif type="TBX-Basic" xml:lang="en"><text><body><termEntry id="disc">'
     + DISC_BODY.format(lang="langSet", term="tig") + "</termEntry></body></text></martif>"),
    ("v2 in a namespace", '<martif xmlns="urn:iso:std:iso:30042:ed-1" type="TBX"><text><body><termEntry id="disc">'
     + DISC_BODY.format(lang="langSet", term="tig") + "</termEntry></body></text></martif>"),
    ("v3 TBX-Basic", f'<?xml version="1.0"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" {V3}>\n'
     '<tbxHeader><fileDesc><sourceDesc><p>memoQ</p></sourceDesc></fileDesc></tbxHeader>\n<text><body>\n'
     '<conceptEntry id="disc">' + DISC_BODY.format(lang="langSec", term="termSec") + "</conceptEntry></body></text></tbx>"),
    ("v3 TBX-Min", f'<tbx type="TBX-Min" style="dca" xml:lang="en-US" {V3}><text><body><conceptEntry id="disc">'
     + DISC_BODY.format(lang="langSec", term="termSec") + "</conceptEntry></body></text></tbx>"),
    ("v3 with a prefix", '<t:tbx xmlns:t="urn:iso:std:iso:30042:ed-2" type="TBX-Core" style="dca"><t:text><t:body>'
     '<t:conceptEntry id="disc">' + DISC_BODY.replace("<", "<t:").replace("<t:/", "</t:").format(
         lang="langSec", term="termSec") + "</t:conceptEntry></t:body></t:text></t:tbx>"),
]


@pytest.mark.parametrize(("kind", "document"), TBX_STRUCTURES, ids=[s[0] for s in TBX_STRUCTURES])
def test_tbx_v2_and_v3_are_read_alike(kind: str, document: str) -> None:
    concept = parse_tbx("t.tbx", document.encode("utf-8")).concepts[0]
    assert (concept.id, concept.subject, concept.definition) == ("disc", "anatomy", "A pad.")
    assert {language: [(t.text, t.status, t.note) for t in terms] for language, terms in concept.terms.items()} == {
        "en": [("disc", "preferred", None)], "es": [("disquito", "deprecated", "Too familiar.")]}


# A TBX the importer cannot read is refused in one line that says what to export instead: a TBX v3
# file in the DCT style (each data category an element of its own, <min:administrativeStatus>)
# would otherwise be read without its statuses, a deprecated term taken as approved.
UNREADABLE_TBX = [
    ("dct style", f'<tbx type="TBX-Basic" style="dct" {V3} xmlns:min="http://www.tbxinfo.net/ns/min"><text><body>'
     '<conceptEntry id="disc"><langSec xml:lang="es"><termSec><term>disquito</term><min:administrativeStatus>'
     "deprecatedTerm-admn-sts</min:administrativeStatus></termSec></langSec></conceptEntry></body></text></tbx>",
     "'dct' style", 'style="dca"'),
    ("no style", f'<tbx type="TBX-Basic" {V3}><text><body/></text></tbx>', "no style", 'style="dca"'),
    ("another namespace", '<tbx xmlns="urn:example:tbx" style="dca"><text><body/></text></tbx>',
     "urn:example:tbx", "urn:iso:std:iso:30042:ed-2"),
    ("MultiTerm XML", "<mtf><conceptGrp><concept>1</concept></conceptGrp></mtf>", "<mtf>", "TBX-Basic"),
    ("TMX", '<tmx version="1.4"><body/></tmx>', "<tmx>", "TBX-Basic"),
]


@pytest.mark.parametrize(("kind", "document", "named", "instead"), UNREADABLE_TBX, ids=[u[0] for u in UNREADABLE_TBX])
def test_an_unreadable_tbx_is_refused_naming_what_to_export(kind: str, document: str, named: str,
                                                             instead: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_tbx("t.tbx", document.encode("utf-8"))
    message = str(caught.value)
    assert message.startswith("t.tbx:1:") and "\n" not in message, message
    assert named in message and instead in message, message


# Where CAT tools put a concept's definition: on the concept, or (TBX-Basic's place for it, and
# memoQ's, Lokalize's) in the language section of the language it is written in, bare or in a
# <descripGrp> with its source (MultiTerm also spells the type "Definition"). The termbase's
# definition is the English one: a definition in another language's section is not it.
EN_TERM = '<tig><term>disc</term></tig>'
ES_TERM = '<tig><term>disco</term></tig>'
DEFINITION_PLACES = [
    ("concept", '<descrip type="definition">A pad.</descrip><langSet xml:lang="en">' + EN_TERM + "</langSet>", "A pad."),
    ("English langSet", '<langSet xml:lang="en"><descrip type="definition">A pad.</descrip>' + EN_TERM + "</langSet>",
     "A pad."),
    ("en-US langSet, after Spanish", '<langSet xml:lang="es"><descrip type="definition">Un disco.</descrip>'
     + ES_TERM + '</langSet><langSet xml:lang="en-US"><descrip type="definition">A pad.</descrip>' + EN_TERM
     + "</langSet>", "A pad."),
    ("descripGrp on the concept", '<descripGrp><descrip type="definition">A pad.</descrip><admin type="source">'
     "ISO</admin></descripGrp>" + '<langSet xml:lang="en">' + EN_TERM + "</langSet>", "A pad."),
    ("MultiTerm's Definition in a langSet", '<langSet xml:lang="EN-GB"><descripGrp><descrip type="Definition">A pad.'
     "</descrip></descripGrp>" + EN_TERM + "</langSet>", "A pad."),
    ("Spanish only", '<langSet xml:lang="es"><descrip type="definition">Un disco.</descrip>' + ES_TERM + "</langSet>",
     ""),
    ("v3 langSec", '<langSec xml:lang="en"><descrip type="definition">A pad.</descrip><termSec><term>disc</term>'
     "</termSec></langSec>", "A pad."),
]


@pytest.mark.parametrize(("place", "entry", "definition"), DEFINITION_PLACES, ids=[d[0] for d in DEFINITION_PLACES])
def test_a_definition_is_read_where_cat_tools_put_it(place: str, entry: str, definition: str) -> None:
    if "langSec" in entry:
        data = f'<tbx style="dca" {V3}><text><body><conceptEntry id="disc">{entry}</conceptEntry></body></text></tbx>'
    else:
        data = f'<martif><text><body><termEntry id="disc">{entry}</termEntry></body></text></martif>'
    assert parse_tbx("t.tbx", data.encode("utf-8")).concepts[0].definition == definition


# One concept given two different definitions by one file (two CSV rows, a TBX definition on the
# concept and another in its English section, or two on the concept) is a conflict, whether the
# termbase has the concept or not: the second is a linguist's word too, never dropped unseen. The
# same text wrapped otherwise, an empty cell, and another language's definition are no second one.
CSV_DEFINITIONS = "source,target,context,developer_comments\n"
DEFINITION_PAIRS = [
    ("csv, two rows", "csv", CSV_DEFINITIONS + "ice pack,bolsa de hielo,disc,A cold pack.\n"
     "cold pack,compresa fría,disc,A frozen gel.\n", "'A frozen gel.' (line 3)"),
    ("csv, three rows, the third differs", "csv", CSV_DEFINITIONS + "ice pack,bolsa,disc,A cold pack.\n"
     "ice pack,hielo,disc,\nice pack,compresa,disc,A frozen gel.\n", "'A frozen gel.' (line 4)"),
    ("csv, the same text wrapped", "csv", CSV_DEFINITIONS + "ice pack,bolsa,disc,A cold pack.\n"
     'ice pack,hielo,disc,"A cold\n  pack."\n', None),
    ("tbx, the concept and its English langSet", "tbx", '<descrip type="definition">A cold pack.</descrip>\n'
     '<langSet xml:lang="en-US"><descrip type="definition">A frozen gel.</descrip>' + EN_TERM + "</langSet>",
     "'A frozen gel.' (line 2)"),
    ("tbx, two on the concept", "tbx", '<descrip type="definition">A cold pack.</descrip>\n<descripGrp><descrip '
     'type="Definition">A frozen gel.</descrip></descripGrp><langSet xml:lang="en">' + EN_TERM + "</langSet>",
     "'A frozen gel.' (line 2)"),
    ("tbx, two English langSets", "tbx", '<langSet xml:lang="en"><descrip type="definition">A cold pack.</descrip>'
     + EN_TERM + '</langSet>\n<langSet xml:lang="en-GB"><descrip type="definition">A frozen gel.</descrip>'
     + EN_TERM + "</langSet>", "'A frozen gel.' (line 2)"),
    ("tbx, the same text twice", "tbx", '<descrip type="definition">A cold pack.</descrip><langSet xml:lang="en">'
     '<descrip type="definition">A cold\n  pack.</descrip>' + EN_TERM + "</langSet>", None),
    ("tbx, a Spanish definition", "tbx", '<descrip type="definition">A cold pack.</descrip><langSet xml:lang="es">'
     '<descrip type="definition">Una bolsa fría.</descrip>' + ES_TERM + "</langSet>", None),
]


@pytest.mark.parametrize(("case", "kind", "content", "second"), DEFINITION_PAIRS, ids=[d[0] for d in DEFINITION_PAIRS])
@pytest.mark.parametrize("known", [False, True], ids=["new concept", "known concept"])
def test_two_definitions_of_one_concept_in_a_file_are_a_conflict(case: str, kind: str, content: str,
                                                                  second: str | None, known: bool) -> None:
    if kind == "csv":
        incoming = parse_csv("g.csv", content.encode("utf-8"), "es")
    else:
        data = f'<martif><text><body><termEntry id="disc">{content}</termEntry></body></text></martif>'
        incoming = parse_tbx("t.tbx", data.encode("utf-8"))
    assert incoming.concepts[0].definition == "A cold pack."  # the first is the concept's
    current = Termbase((Concept("disc", "anatomy", "A cold pack.", {}),) if known else ())
    conflicts = merge_termbases(current, incoming, CSV_FIELDS_CARRIED if kind == "csv" else TBX_FIELDS)[1]
    found = [(c.concept, c.term, c.message) for c in conflicts]
    if second is None:
        assert found == []
        return
    assert len(found) == 1 and found[0][:2] == ("disc", "(definition)"), found
    assert "'A cold pack.'" in found[0][2] and second in found[0][2], found


# One concept given two different subjects by one file (two CSV rows, two subjectFields in a TBX
# entry, bare or in a <descripGrp>) is a conflict like two definitions: the subject decides which
# checks look at the concept (a unit given care is never compared by E202), so the second is never
# dropped unseen. The same subject in another case, an empty cell, and another tool's own subject
# word (Medicine, which the import compares with nothing) are no second one.
CSV_SUBJECTS = "source,target,context,developer_comments,subject\n"
SUBJECT_PAIRS = [
    ("csv, two rows", "csv", CSV_SUBJECTS + "milligram,miligramo,mg,A gram / 1000.,unit\n"
     "milligram,mg,mg,,care\n", "'care' (line 3)"),
    ("csv, three rows, the third differs", "csv", CSV_SUBJECTS + "milligram,miligramo,mg,A gram / 1000.,unit\n"
     "milligram,mg,mg,,\nmilligram,mgr,mg,,time\n", "'time' (line 4)"),
    ("csv, semicolons", "csv", CSV_SUBJECTS.replace(",", ";") + "milligram;miligramo;mg;A gram / 1000.;unit\n"
     "milligram;mg;mg;;medication\n", "'medication' (line 3)"),
    ("csv, the same subject in capitals", "csv", CSV_SUBJECTS + "milligram,miligramo,mg,A gram / 1000.,unit\n"
     "milligram,mg,mg,, Unit \n", None),
    ("csv, an empty cell", "csv", CSV_SUBJECTS + "milligram,miligramo,mg,A gram / 1000.,unit\nmilligram,mg,mg,,\n",
     None),
    ("tbx, two on the concept", "tbx", '<descrip type="subjectField">unit</descrip>\n'
     '<descrip type="subjectField">care</descrip>', "'care' (line 2)"),
    ("tbx, the second in a descripGrp", "tbx", '<descrip type="subjectField">unit</descrip>\n<descripGrp>'
     '<descrip type="SubjectField">Time</descrip><admin type="source">ISO</admin></descripGrp>', "'time' (line 2)"),
    ("tbx, the same subject twice", "tbx", '<descrip type="subjectField">unit</descrip>'
     '<descrip type="subjectField">Unit</descrip>', None),
    ("tbx, another tool's word", "tbx", '<descrip type="subjectField">unit</descrip>'
     '<descrip type="subjectField">Medicine</descrip>', None),
]


@pytest.mark.parametrize(("case", "kind", "content", "second"), SUBJECT_PAIRS, ids=[s[0] for s in SUBJECT_PAIRS])
@pytest.mark.parametrize("known", [False, True], ids=["new concept", "known concept"])
def test_two_subjects_of_one_concept_in_a_file_are_a_conflict(case: str, kind: str, content: str,
                                                               second: str | None, known: bool) -> None:
    if kind == "csv":
        incoming = parse_csv("g.csv", content.encode("utf-8"), "es")
    else:
        data = (f'<martif><text><body><termEntry id="mg">{content}<descrip type="definition">A gram / 1000.</descrip>'
                '<langSet xml:lang="es"><tig><term>mg</term></tig></langSet></termEntry></body></text></martif>')
        incoming = parse_tbx("t.tbx", data.encode("utf-8"))
    assert incoming.concepts[0].subject == "unit"  # the first is the concept's
    current = Termbase((Concept("mg", "unit", "A gram / 1000.", {}),) if known else ())
    conflicts = merge_termbases(current, incoming, CSV_FIELDS_CARRIED if kind == "csv" else TBX_FIELDS)[1]
    found = [(c.concept, c.term, c.message) for c in conflicts]
    if second is None:
        assert found == []
        return
    assert len(found) == 1 and found[0][:2] == ("mg", "(subject)"), found
    assert "two subjects, 'unit' and " + second in found[0][2], found
    assert found[0][2].endswith(": the first is written") != known, found


def test_a_changed_definition_in_the_english_langset_is_a_conflict() -> None:
    """A linguist's new definition, written where memoQ keeps it, is reported, never dropped unseen."""
    current = Termbase((Concept("disc", "anatomy", "A pad between the bones of the spine.", {}),))
    data = ('<martif><text><body><termEntry id="disc"><langSet xml:lang="en-US"><descrip type="definition">A ring of '
            "cartilage.</descrip><tig><term>disc</term></tig></langSet></termEntry></body></text></martif>")
    conflicts = merge_termbases(current, parse_tbx("t.tbx", data.encode("utf-8")))[1]
    assert [(c.concept, c.message) for c in conflicts] == [("disc", "the definitions differ")]


# A term given two parts of speech (two partOfSpeech termNotes, bare or one in a <termNoteGrp>, in a
# TBX v2 <tig> or <ntig>, or a v3 <termSec>): the termbase keeps one per term, and keeping the first
# without a word would drop the linguist's second. Refused in one line naming the term's line and
# both; the same part of speech twice (in another case) is one.
TWO_PARTS_OF_SPEECH = [
    ("tig", '<tig><term>operar</term><termNote type="partOfSpeech">noun</termNote>'
     '<termNote type="partOfSpeech">verb</termNote></tig>', "'noun' and 'verb'"),
    ("tig, one in a termNoteGrp", '<tig><term>operar</term><termNote type="partOfSpeech">verb</termNote>'
     '<termNoteGrp><termNote type="PartOfSpeech">Adjective</termNote></termNoteGrp></tig>', "'verb' and 'adjective'"),
    ("ntig", '<ntig><termGrp><term>operar</term><termNote type="partOfSpeech">verb</termNote>'
     '<termNote type="partOfSpeech">properNoun</termNote></termGrp></ntig>', "'verb' and 'properNoun'"),
    ("v3 termSec", '<termSec><term>operar</term><termNote type="partOfSpeech">noun</termNote>'
     '<termNote type="partOfSpeech">verb</termNote></termSec>', "'noun' and 'verb'"),
    ("the same twice", '<tig><term>operar</term><termNote type="partOfSpeech">verb</termNote>'
     '<termNote type="partOfSpeech">Verb</termNote></tig>', None),
    ("one", '<tig><term>operar</term><termNote type="partOfSpeech">verb</termNote></tig>', None),
]


@pytest.mark.parametrize(("case", "term", "refused"), TWO_PARTS_OF_SPEECH, ids=[t[0] for t in TWO_PARTS_OF_SPEECH])
def test_a_term_with_two_parts_of_speech_is_refused(case: str, term: str, refused: str | None) -> None:
    if "termSec" in term:
        data = (f'<tbx style="dca" {V3}><text><body><conceptEntry id="op">\n<langSec xml:lang="es">\n{term}'
                "</langSec></conceptEntry></body></text></tbx>")
    else:
        data = f'<martif><text><body><termEntry id="op">\n<langSet xml:lang="es">\n{term}</langSet></termEntry></body></text></martif>'
    if refused is None:
        assert parse_tbx("t.tbx", data.encode("utf-8")).concepts[0].terms["es"][0].pos == "verb"
        return
    with pytest.raises(InputError) as caught:
        parse_tbx("t.tbx", data.encode("utf-8"))
    message = str(caught.value)
    assert message.startswith("t.tbx:3: concept op: term 'operar' has two parts of speech, ") and refused in message
    assert "\n" not in message


# A usage note and a context (TBX data categories a terminologist writes on a term: "use only for
# the lumbar spine", a sentence that shows the term in use) as TBX dialects and tools write them: a
# termNote or a descrip (Weblate's <descrip type="Usage note">), bare or in its group, on a v2 <tig>
# or <ntig> (in its <termGrp> or beside it), a v3 <termSec>, or on the language section for its terms
# (Weblate's <note from="translator">). Each is kept in the term's note, a context marked as one, in
# the file's order, and an export writes it back: import, export, import gives the same terms.
LUMBAR = "use only for the lumbar spine"
KEPT_NOTES = [
    ("usageNote on a tig", f'<tig><term>disco</term><termNote type="usageNote">{LUMBAR}</termNote></tig>', LUMBAR),
    ("Weblate's Usage note", f'<tig><term>disco</term><descrip type="Usage note">{LUMBAR}</descrip></tig>', LUMBAR),
    ("usageNote in a termNoteGrp", '<tig><term>disco</term><termNoteGrp><termNote type="UsageNote">'
     f'{LUMBAR}</termNote><admin type="source">ISO</admin></termNoteGrp></tig>', LUMBAR),
    ("context on a tig", '<tig><term>disco</term><descrip type="context">El disco lumbar.</descrip></tig>',
     "Context: El disco lumbar."),
    ("context in a descripGrp", '<tig><term>disco</term><descripGrp><descrip type="Context">El disco lumbar.'
     '</descrip><admin type="source">ISO</admin></descripGrp></tig>', "Context: El disco lumbar."),
    ("a note, a usage note, a context", f'<tig><term>disco</term><note>Not disk.</note><termNote type="usageNote">'
     f'{LUMBAR}</termNote><descrip type="context">El disco.</descrip></tig>',
     f"Not disk.\n{LUMBAR}\nContext: El disco."),
    ("ntig, in its termGrp", f'<ntig><termGrp><term>disco</term><termNote type="usageNote">{LUMBAR}</termNote>'
     "</termGrp></ntig>", LUMBAR),
    ("ntig, beside its termGrp", '<ntig><termGrp><term>disco</term></termGrp><descrip type="context">El disco.'
     f'</descrip><note>{LUMBAR}</note></ntig>', f"Context: El disco.\n{LUMBAR}"),
    ("MultiTerm's Note field", f'<tig><term>disco</term><descrip type="Note">{LUMBAR}</descrip></tig>', LUMBAR),
    ("v3 termSec", f'<termSec><term>disco</term><termNote type="usageNote">{LUMBAR}</termNote></termSec>', LUMBAR),
    ("on the language section, Weblate's", f'<note from="translator">{LUMBAR}</note><tig><term>disco</term></tig>',
     LUMBAR),
    ("on the language section and the term", f'<descrip type="usageNote">{LUMBAR}</descrip><tig><term>disco</term>'
     "<note>Not disk.</note></tig>", f"Not disk.\n{LUMBAR}"),
    # what else a terminologist writes on a term for translators, which the termbase has no field
    # for: kept in the note, labelled, rather than dropped unseen
    ("grammaticalGender", '<tig><term>disco</term><termNote type="grammaticalGender">masculine</termNote></tig>',
     "Gender: masculine"),
    ("geographicalUsage", '<tig><term>disco</term><termNote type="geographicalUsage">es-MX</termNote></tig>',
     "Region: es-MX"),
    ("termType in a termNoteGrp", '<tig><term>disco</term><termNoteGrp><termNote type="termType">fullForm</termNote>'
     "</termNoteGrp></tig>", "Term type: fullForm"),
    ("a translation note", f'<tig><term>disco</term><descrip type="translationNote">{LUMBAR}</descrip></tig>', LUMBAR),
    ("a descrip without a type", f"<tig><term>disco</term><descrip>{LUMBAR}</descrip></tig>", LUMBAR),
    ("gender and region on a v3 termSec", '<termSec><term>disco</term><termNote type="grammaticalGender">m'
     '</termNote><termNote type="geographicalUsage">MX</termNote></termSec>', "Gender: m\nRegion: MX"),
]


def _entry(content: str, v3: bool, section: str = "") -> bytes:
    if v3:
        data = (f'<tbx style="dca" {V3}><text><body><conceptEntry id="disc">{section}\n<langSec xml:lang="es">'
                f"{content}</langSec></conceptEntry></body></text></tbx>")
    else:
        data = (f'<martif><text><body><termEntry id="disc">{section}\n<langSet xml:lang="es">{content}</langSet>'
                "</termEntry></body></text></martif>")
    return data.encode("utf-8")


@pytest.mark.parametrize(("case", "content", "note"), KEPT_NOTES, ids=[k[0] for k in KEPT_NOTES])
def test_a_usage_note_and_a_context_are_kept_and_exported_again(case: str, content: str, note: str) -> None:
    incoming = parse_tbx("t.tbx", _entry(content, "termSec" in content))
    assert [t.note for t in incoming.concepts[0].terms["es"]] == [note]
    again = parse_tbx("t.tbx", export_tbx(incoming))
    assert again.concepts[0].terms == incoming.concepts[0].terms


# A note, usage note or context on the concept itself: the termbase keeps notes on terms and has no
# place for one on a concept, so the import refuses it in one line naming its line, never drops it.
CONCEPT_NOTES = [
    ("usageNote", f'<descrip type="usageNote">{LUMBAR}</descrip>', "a usage note"),
    ("Weblate's Usage note", f'<descrip type="Usage note">{LUMBAR}</descrip>', "a usage note"),
    ("context", '<descripGrp><descrip type="context">El disco.</descrip></descripGrp>', "a context"),
    ("note", f"<note>{LUMBAR}</note>", "a note"),
    ("MultiTerm's Note field", f'<descrip type="Note">{LUMBAR}</descrip>', "a note"),
    ("geographicalUsage", '<descrip type="geographicalUsage">es-MX</descrip>', "a geographical usage"),
    ("a descrip without a type", f"<descrip>{LUMBAR}</descrip>", "a note"),
]


@pytest.mark.parametrize("v3", [False, True], ids=["v2", "v3"])
@pytest.mark.parametrize(("case", "element", "what"), CONCEPT_NOTES, ids=[c[0] for c in CONCEPT_NOTES])
def test_a_note_on_a_concept_is_refused_never_dropped(case: str, element: str, what: str, v3: bool) -> None:
    term = "<termSec><term>disco</term></termSec>" if v3 else "<tig><term>disco</term></tig>"
    with pytest.raises(InputError) as caught:
        parse_tbx("t.tbx", _entry(term, v3, "\n" + element))
    message = str(caught.value)
    assert message.startswith(f"t.tbx:2: concept disc: {what} on the concept ") and "\n" not in message, message
    assert "<tig>" in message, message


# Import, export and import again give the same termbase, whatever a term carries (generated terms
# as the termbase reads them: statuses, parts of speech, notes over several lines, do-not-translate).
WORD = st.text(st.characters(categories=("L",)), min_size=1, max_size=8)
NOTE = st.text(st.one_of(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), st.just("\n")), max_size=40)
TERM = st.builds(Term, text=st.lists(WORD, min_size=1, max_size=3).map(" ".join), status=st.sampled_from(STATUSES_),
                 pos=st.sampled_from(PARTS_OF_SPEECH), dnt=st.booleans(),
                 note=NOTE.map(lambda text: " ".join(text.split(" ")).strip() or None))


@settings(max_examples=80, deadline=None, database=None)
@example(terms={"en": [Term("A", "preferred", note="pipeline:match=")]})  # a note that reads like our data
@given(terms=st.dictionaries(st.sampled_from(["en", "es", "ar", "ht", "vi", "zh_Hans"]),
                             st.lists(TERM, min_size=1, max_size=3, unique_by=lambda t: t.text.casefold()),
                             min_size=1, max_size=3))
def test_import_export_import_gives_the_same_termbase(terms: dict[str, list[Term]]) -> None:
    written = Termbase((Concept("disc", "anatomy", "A pad.", {k: tuple(v) for k, v in terms.items()}),))
    termbase = parse_termbase("tb.yaml", format_termbase(written).encode("utf-8"))
    imported, _, _ = merge_termbases(Termbase(()), parse_tbx("t.tbx", export_tbx(termbase)))
    again, _, _ = merge_termbases(Termbase(()), parse_tbx("t.tbx", export_tbx(imported)))
    assert again.concepts[0].terms == imported.concepts[0].terms == termbase.concepts[0].terms
