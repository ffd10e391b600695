"""The term matcher on inflected text in every language of the fixture content: a hit, and a near-miss."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.termbase.matching import Matcher
from pipeline.termbase.model import Concept, Term, Termbase
from pipeline.termbase.reader import read_termbase

from ..conftest import FIXTURE

TERMBASE = read_termbase(FIXTURE / "source/termbase.yaml", "source/termbase.yaml")

HITS = [
    # language, procedure, entry (msgctxt) of the fixture catalog, concept its translation names
    ("es", "endoscopic-discectomy", "during.pressure", "nerve-root"),        # raíces nerviosas
    ("es", "endoscopic-discectomy", "spine.discs", "vertebra"),              # vértebras
    ("es", "endoscopic-discectomy", "after.feel.return", "day"),             # días
    ("es", "endoscopic-discectomy", "faq.how-long.answer", "week"),
    ("zh_Hans", "endoscopic-discectomy", "spine.disc-problems", "herniated-disc"),
    ("zh_Hans", "endoscopic-discectomy", "faq.how-long.answer", "week"),
    ("vi", "endoscopic-discectomy", "spine.disc-problems", "herniated-disc"),
    ("vi", "endoscopic-discectomy", "faq.how-long.answer", "week"),
    ("ar", "endoscopic-discectomy", "spine.discs", "vertebra"),              # الفقرات
    ("ar", "endoscopic-neurotomy", "recovery.activity", "week"),
    ("ar", "microdiscectomy-rehabilitation", "indications.scans", "herniated-disc"),
    ("ht", "endoscopic-discectomy", "during.pressure", "herniated-disc"),
    ("ht", "endoscopic-neurotomy", "recovery.activity", "week"),
]


def real_translation(language: str, procedure: str, context: str) -> str:
    import polib

    path = FIXTURE / "locales" / language / "LC_MESSAGES" / f"{procedure}.po"
    entry = next(e for e in polib.pofile(str(path)) if e.msgctxt == context)
    assert entry.msgstr, f"{path}: {context} is not translated"
    return entry.msgstr


@pytest.mark.parametrize("language,procedure,context,concept", HITS)
def test_inflected_forms_in_real_translations_are_found(language, procedure, context, concept):
    text = real_translation(language, procedure, context)
    found = {hit.concept.id for hit in Matcher(TERMBASE, language).find(text)}
    assert concept in found, text


NEAR_MISSES = [
    # language, text that looks close but must not match, concept that must NOT be found
    ("en", "Mild discomfort is common after the procedure.", "disc"),
    ("en", "The nerves send signals to the brain.", "nerve-root"),
    ("es", "La discoteca estaba cerrada.", "disc"),
    ("es", "Puede volver a trabajar en unos días.", "week"),
    ("zh_Hans", "腰椎间隙变窄。", "herniated-disc"),
    ("vi", "Đĩa ăn được đặt trên bàn.", "herniated-disc"),
    ("ar", "يعود معظم المرضى إلى المنزل في نفس اليوم.", "week"),
    ("ht", "Ou ka mache menm jou a.", "week"),
    # a prefix's ending, or its word, with a letter that only looks like a real one (Cyrillic, full-width)
    ("es", "Es una operación mínimamente invasi\u0475a.", "minimally-invasive"),
    ("es", "Tiene un disc\u043e abultado.", "bulging-disc"),
    ("es", "Tiene un disco abultadｏ.", "bulging-disc"),
]


@pytest.mark.parametrize("language,text,concept", NEAR_MISSES)
def test_near_misses_do_not_match(language, text, concept):
    found = {hit.concept.id for hit in Matcher(TERMBASE, language).find(text)}
    assert concept not in found


HYPHENATED = [
    # language, text, concept and term found: a term written with a hyphen is its words, as the text has them
    ("en", "Your doctor may do X-rays.", ("x-ray", "X-ray")),
    ("en", "It is a same-day procedure.", ("outpatient-procedure", "same-day procedure")),
    ("es", "Puede necesitar una micro-discectomía.", ("microdiscectomy", "micro-discectomía")),
    ("vi", "Không nâng vật nặng hơn 5 ki-lô-gam.", ("kilogram", "ki-lô-gam")),
    ("vi", "Vết cắt dài khoảng 5 mi-li-mét.", ("millimetre", "mi-li-mét")),
]


@pytest.mark.parametrize("language,text,found", HYPHENATED)
def test_a_term_written_with_a_hyphen_is_found(language, text, found):
    assert found in {(hit.concept.id, hit.term.text) for hit in Matcher(TERMBASE, language).find(text)}


def test_longer_term_hides_the_term_inside_it():
    hits = Matcher(TERMBASE, "en").concepts_in("A herniated disc presses on a nerve.")
    ids = {hit.concept.id for hit in hits}
    assert "herniated-disc" in ids and "disc" not in ids


def test_a_word_longer_than_any_term_is_not_stemmed():
    from pipeline.termbase.matching import Matcher
    from pipeline.termbase.model import Concept, Term, Termbase

    termbase = Termbase((Concept(id="disc", subject="anatomy", definition="", terms={"es": (Term(text="disco", status="preferred"),)}),))
    matcher = Matcher(termbase, "es")
    stemmed: list[str] = []
    real = matcher.stem
    matcher.stem = lambda word: stemmed.append(word) or real(word)  # type: ignore[assignment,misc]
    hits = matcher.find("discos " + "é" * 100_000 + " disco")
    assert [h.concept.id for h in hits] == ["disc", "disc"]
    assert max(len(w) for w in stemmed) < 100  # the long word is compared as written


# Terms and their words: a whole term next to a term that starts with its words overlaps it.
_WORDS = {language: sorted({piece for concept in TERMBASE.concepts for term in concept.terms_for(language)
                            for text in [term.text.replace("|", "")] for piece in (text, *text.split())})
          for language in ("en", "es", "vi", "ar", "ht")}


@pytest.mark.parametrize("language", sorted(_WORDS))
@given(data=st.data())
@settings(max_examples=200, deadline=None)
def test_hits_come_in_report_order_wherever_terms_overlap(language: str, data: st.DataObject) -> None:
    """Hits are sorted by start, longer first, then concept and term, whatever the overlaps."""
    words = data.draw(st.lists(st.sampled_from(_WORDS[language]) | st.sampled_from(["y", "de", "the", ","]),
                               max_size=12))
    hits = Matcher(TERMBASE, language).find(" ".join(words))
    assert hits == sorted(hits, key=lambda h: (h.start, -h.end, h.concept.id, h.term.text))


def _by_brute_force(matcher: Matcher, text: str) -> list[tuple[str, str, int, int]]:
    """Every word pattern of ``matcher`` tried at every word of ``text``, one word test at a time:
    the answer `find` must give however it indexes its patterns."""
    import re

    from pipeline.termbase.matching import OPTIONAL_MARKS, normalize, without_clitics

    # runs of \w, a number apart from the letters after it, Chinese characters apart from the rest,
    # read without optional marks (Arabic short vowels), each word spanning the marks it has
    cjk = "\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
    word = rf"(?:(?![{cjk}])[^\W\d])+\d*|\d+|(?:(?=[{cjk}])[^\W\d])+"
    folded = normalize(text)

    def ends_word(index: int) -> bool:
        return index >= len(folded) or not re.match(r"\w", folded[index])

    def marks(start: int, step: int) -> str:  # the marks from ``start`` on, one way
        found = ""
        while 0 <= start < len(folded) and ord(folded[start]) in OPTIONAL_MARKS:
            found, start = found + folded[start], start + step
        return found

    # the alif that carries a tanween ending (نزيفًا, خدراً, شقًّا) goes with it
    seats = {index for index, char in enumerate(folded) if char == "\u0627" and (
        ("\u064b" in marks(index - 1, -1) and ends_word(index + 1))
        or ("\u064b" in (after := marks(index + 1, 1)) and ends_word(index + 1 + len(after))))}
    kept = [index for index, char in enumerate(folded)
            if ord(char) not in OPTIONAL_MARKS and index not in seats] + [len(folded)]
    plain = "".join(folded[index] for index in kept[:-1])
    words = [(m.group(), kept[m.start()], kept[m.end()]) for m in re.finditer(word, plain)]
    patterns = {id(p): p for group in (*matcher._by_word.values(), *matcher._by_stem.values(), matcher._by_prefix)
                for p in group}

    def passes(kind: str, value: object, word: str) -> bool:
        if kind == "eq":
            return word == value
        if kind == "in":
            return word in value  # type: ignore[operator]
        if kind == "stem":
            return matcher._stem_of(word) == value
        return word.startswith(value)  # type: ignore[arg-type]

    def first_passes(kind: str, value: object, word: str) -> bool:  # the first word may carry clitics
        return any(passes(kind, value, form) for form in (word, *without_clitics(word, matcher.language)))

    hits = {(concept.id, term.text, words[i][1], words[i + len(tests) - 1][2])
            for i in range(len(words)) for tests, concept, term, *_ in patterns.values()
            if i + len(tests) <= len(words) and first_passes(*tests[0], words[i][0])
            and all(passes(kind, value, words[i + k][0]) for k, (kind, value) in enumerate(tests) if k)}
    return sorted(hits, key=lambda h: (h[2], -h[3], h[0], h[1]))


def _as_rows(hits) -> list[tuple[str, str, int, int]]:
    return [(h.concept.id, h.term.text, h.start, h.end) for h in hits]


# The words of the terms, with endings that inflect them (so stems and prefixes are tried too).
_INFLECTED = {language: sorted({w + ending for w in words for ending in ("", "s", "es", "a", "os")})
              for language, words in _WORDS.items()}
# Arabic words also carry clitics in front: "and", "with the", "for the" (و, بال, لل).
_INFLECTED["ar"] = sorted({*_INFLECTED["ar"], *(clitic + w for w in _WORDS["ar"] for clitic in ("و", "بال", "لل", "ف"))})


@pytest.mark.parametrize("language", sorted(_WORDS))
@given(data=st.data())
@settings(max_examples=300, deadline=None)
def test_find_gives_what_trying_every_pattern_everywhere_gives(language: str, data: st.DataObject) -> None:
    words = data.draw(st.lists(st.sampled_from(_INFLECTED[language]) | st.sampled_from(["y", "de", "the", ",", "."]),
                               max_size=14))
    text = " ".join(words)
    assert _as_rows(Matcher(TERMBASE, language).find(text)) == _by_brute_force(Matcher(TERMBASE, language), text)


# What may stand between two words: nothing (a word joined to a piece of another: "disco" and
# "s"), punctuation that glues words into one white-space separated token ("l4-l5",
# "dolor/ardor"), and every kind of white space a translation can hold.
_BETWEEN = ["", " ", "  ", ",", ", ", "-", "/", ".", "(", ") ", "\u00a0", "\t", "\n", "\u2028", "\u3000",
            "\x1c", "\u202f"]


@pytest.mark.parametrize("language", sorted(_WORDS))
@given(data=st.data())
@settings(max_examples=300, deadline=None)
def test_find_gives_what_trying_every_pattern_gives_whatever_separates_the_words(language: str,
                                                                                  data: st.DataObject) -> None:
    """Words glued into one token, a token repeated, a token inside a longer one ("de" in
    "dedo"), terms whose words are split by punctuation or odd white space: `find` still gives
    what trying every pattern at every word gives."""
    pieces = st.sampled_from(_INFLECTED[language]) | st.sampled_from(["y", "de", "a", "s", "the", "1"])
    words = data.draw(st.lists(pieces, max_size=14))
    gaps = data.draw(st.lists(st.sampled_from(_BETWEEN), min_size=len(words) + 1, max_size=len(words) + 1))
    text = "".join(gap + word for gap, word in zip(gaps, [*words, ""], strict=True))
    matcher = Matcher(TERMBASE, language)
    assert _as_rows(matcher.find(text)) == _by_brute_force(matcher, text)
    again = Matcher(TERMBASE, language)  # the same tokens, met in another text first
    again.find(text[::-1])
    assert _as_rows(again.find(text)) == _by_brute_force(again, text)


@pytest.mark.parametrize("language", ["en", "es", "vi", "ar", "ht"])
def test_find_on_every_fixture_text_gives_what_trying_every_pattern_gives(language: str) -> None:
    import polib

    matcher = Matcher(TERMBASE, language)
    texts = {entry.msgid if language == "en" else entry.msgstr
             for path in sorted((FIXTURE / "locales").glob(f"{'es' if language == 'en' else language}/LC_MESSAGES/*.po"))
             for entry in polib.pofile(str(path))}
    assert len(texts) > 20
    for text in sorted(texts):
        assert _as_rows(matcher.find(text)) == _by_brute_force(matcher, text), text


@pytest.mark.parametrize("ways", [("exact", None), ("exact", "prefix"), (None, "prefix"),
                                  ("exact", None, "prefix")])
def test_terms_a_word_starts_in_different_ways_come_out_in_report_order(ways):
    """At one word, terms compared as written, by stem and by a prefix all match: their hits come
    out ordered by concept whatever way each was looked up."""
    from pipeline.termbase.model import Concept, Term, Termbase

    texts = {"exact": "dolor discos", None: "dolor disco", "prefix": "dolor disc|"}
    # Concept ids in the reverse order of the ways: the order of the lookups is not the answer's.
    concepts = tuple(Concept(id=f"{9 - i}-{way}", subject="condition", definition="",
                             terms={"es": (Term(text=texts[way], status="preferred", match=way),)})
                     for i, way in enumerate(ways))
    matcher = Matcher(Termbase(concepts), "es")
    text = "Un dolor discos."
    hits = matcher.find(text)
    assert [h.concept.id for h in hits] == sorted(c.id for c in concepts)
    assert _as_rows(hits) == _by_brute_force(matcher, text)


def test_one_word_terms_of_several_concepts_at_one_word_are_all_found():
    from pipeline.termbase.model import Concept, Term, Termbase

    def concept(cid: str, text: str, match: str | None) -> Concept:
        return Concept(id=cid, subject="anatomy", definition="",
                       terms={"es": (Term(text=text, status="preferred", match=match),)})

    matcher = Matcher(Termbase((concept("c", "discos", "exact"), concept("a", "disco", None),
                                concept("b", "disc|", "prefix"))), "es")
    text = "Los discos."
    assert [h.concept.id for h in matcher.find(text)] == ["a", "b", "c"]
    assert _as_rows(matcher.find(text)) == _by_brute_force(matcher, text)


@pytest.mark.parametrize("language", ["en", "es", "vi", "ar", "ht"])
@given(data=st.data())
@settings(max_examples=300, deadline=None)
def test_uncovered_keeps_what_no_longer_hit_of_another_concept_holds(language: str, data: st.DataObject) -> None:
    """`uncovered` against its definition, pair by pair: a hit is dropped when a hit of another
    concept spans it and more (the same span covers nothing)."""
    from pipeline.termbase.matching import uncovered

    pieces = st.sampled_from(_INFLECTED[language]) | st.sampled_from(["y", "de", "the", ","])
    text = " ".join(data.draw(st.lists(pieces, max_size=14)))
    hits = Matcher(TERMBASE, language).find(text)
    wanted = [h for h in hits
              if not any(g.concept.id != h.concept.id and g.start <= h.start and h.end <= g.end
                         and (g.start, g.end) != (h.start, h.end) for g in hits)]
    assert list(uncovered(hits)) == wanted


WITHOUT_CLITICS = [
    # language, word, its clitic-free forms (three letters or more)
    ("ar", "للأسابيع", ("لأسابيع", "الأسابيع", "أسابيع")),      # ل + ال written لل
    ("ar", "والعضلة", ("العضلة", "عضلة")),
    ("ar", "وبالجراح", ("بالجراح", "الجراح", "جراح")),
    ("ar", "فتق", ()),                                          # ف then تق: too short
    ("ar", "وسم", ()),
    ("ar", "عضلة", ()),
    ("es", "las", ()),                                          # only Arabic has clitics here
]


@pytest.mark.parametrize(("language", "word", "forms"), WITHOUT_CLITICS)
def test_without_clitics(language: str, word: str, forms: tuple[str, ...]) -> None:
    from pipeline.termbase.matching import without_clitics

    assert without_clitics(word, language) == forms


WITH_CLITICS = [
    # language, word, forms with clitics that must be among those given
    ("ar", "ستة", ["ستة", "وستة", "فبستة", "بالستة", "للستة", "وللستة", "فكالستة"]),
    ("es", "dos", ["dos"]),                                     # only Arabic has clitics here
]


@pytest.mark.parametrize(("language", "word", "forms"), WITH_CLITICS)
def test_with_clitics_gives_every_form_without_clitics_takes_back(language: str, word: str, forms: list[str]) -> None:
    from pipeline.termbase.matching import with_clitics, without_clitics

    given = with_clitics(word, language)
    assert set(forms) <= set(given)
    assert all(form == word or word in without_clitics(form, language) for form in given)


@pytest.mark.parametrize(("language", "text"), [("es", "Tome DOS comprimidos, ¿sí?"), ("vi", "Uống hai viên"),
                                                ("ar", "تناول قرصين"), ("es", "")])
def test_words_are_those_find_splits_the_text_into(language: str, text: str) -> None:
    """`Matcher.words`: the runs of \\w of the text's NFC case fold, whether `find` split it just
    before, long before (its hits kept), or not at all."""
    import re

    from pipeline.termbase.matching import normalize

    matcher = Matcher(TERMBASE, language)
    wanted = re.findall(r"\w+", normalize(text))
    assert matcher.words(text) == wanted  # not found yet
    matcher.find("Otro texto")
    assert matcher.words(text) == wanted  # found before, then another text
    matcher.find(text)
    assert matcher.words(text) == wanted


_WEEK = Concept("week", "time", "Seven days.", {"zh_Hans": (Term("周", "preferred", exceptions=("周围", "周期", "四周")),)})
EXCEPTED = [
    # text, where the term is found (start offsets)
    ("2周", [1]),
    ("神经周围", []),  # around the nerve: 周 inside 周围 names no week
    ("周期", []),
    ("神经周围2周", [5]),
    ("周围的周", [3]),
    ("周周围", [0]),
    # after a number or a counting word the unit is the unit, whatever follows it
    ("2周期间", [1]),
    ("几周围", [1]),
    ("２周期", [1]),  # a full-width digit
    ("2 周期间", [2]),  # a space, or a no-break space, between the number and the unit
    ("2\u00a0周期间", [2]),
    ("至少 四周", [4]),
    ("四周 后复查", [1]),
    ("每周期", [1]),
    ("这周期", []),
    # 四周 (around) is also 4 weeks: so it is where a length of time is meant
    ("检查伤口四周的皮肤", []),
    ("至少四周内", [3]),
    ("手术前至少四周一定要戒烟", [6]),
    ("四周后复查", [1]),
    ("术后四周", [3]),
]


# Terms whose first characters no text above has: with them the language has more first
# characters than a language written with spaces, so its terms are found by the automaton.
_UNUSED = tuple(Concept(f"unused-{char}", "anatomy", "", {"zh_Hans": (Term(char + "骨", "preferred"),)})
                for char in "甲乙丙丁戊己庚辛壬癸")


@pytest.mark.parametrize("others", [(), _UNUSED], ids=["few first characters", "automaton"])
@pytest.mark.parametrize(("text", "starts"), EXCEPTED)
def test_a_substring_term_is_not_found_inside_its_exceptions(text: str, starts: list[int], others) -> None:
    assert [h.start for h in Matcher(Termbase((_WEEK, *others)), "zh_Hans").find(text)] == starts


_ZH = Matcher(TERMBASE, "zh_Hans")
_ZH_PIECES = sorted({piece for needle, _, _, held in _ZH._substrings for piece in (needle, *(e for e, _ in held))}
                    | {"的", "2", "４", "几", "至少", "内", "后", "。", " ", "👍", "𠀋"})


@given(pieces=st.lists(st.sampled_from(_ZH_PIECES), max_size=16))
@settings(max_examples=300, deadline=None)
def test_substring_terms_are_found_as_trying_every_term_at_every_place_finds_them(pieces: list[str]) -> None:
    """Chinese terms (more first characters than a symbol or two: the automaton) overlapping,
    inside their exceptions, after counts: `find` gives every term tried at every place."""
    from pipeline.termbase.matching import _held_at, normalize

    text = "".join(pieces)
    folded = normalize(text)
    expected = sorted(((concept.id, term.text, start, start + len(needle))
                       for needle, concept, term, held in _ZH._substrings for start in range(len(folded) + 1)
                       if folded.startswith(needle, start) and not (held and _held_at(folded, start, held))),
                      key=lambda h: (h[2], -h[3], h[0], h[1]))
    assert len(_ZH._substring_starts) > 8
    assert _as_rows(Matcher(TERMBASE, "zh_Hans").find(text)) == expected


_HOUR = Concept("hour", "time", "Sixty minutes.", {
    "vi": (Term("giờ", "preferred", match="forms", forms=("giờ",), exceptions=("bây giờ", "giờ giấc")),),
    "en": (Term("hour", "preferred", match="forms", forms=("hour", "hours"), exceptions=("out-of-hours", "rush hour")),),
})
_MONTH = Concept("month", "time", "A month.", {"vi": (Term("tháng", "preferred", match="forms", forms=("tháng",),
                                                           exceptions=("tháng tư",)),)})
_MINUTE = Concept("minute", "time", "A minute.", {"vi": (Term("phút", "preferred", match="forms", forms=("phút",),
                                                             exceptions=("giây phút",)),)})
WORD_EXCEPTED = [
    # language, text, the words found as a term
    ("vi", "Bây giờ hãy đi bộ 2 giờ", ["giờ"]),  # now (bây giờ), then 2 hours
    ("vi", "ghi lại giờ giấc uống thuốc", []),  # the times (giờ giấc) name no hour
    ("vi", "giờ, giấc", ["giờ"]),  # not written as the exception is
    ("vi", "đi làm lại vào tháng tư", []),  # April
    ("vi", "sau 3 tháng tư vấn lại", ["tháng"]),  # 3 months, then tư vấn (consult): counted
    ("vi", "sau vài tháng tư vấn lại", ["tháng"]),  # a few months
    ("vi", "sau 3tháng tư vấn lại", ["tháng"]),  # the number glued to the unit counts it as well
    ("en", "call the out-of-hours team", []),
    ("en", "call out of hours", ["hours"]),  # not written as the exception is
    ("en", "avoid the rush hour, rest for 2 hours", ["hours"]),
    # a count before an exception that starts with another word counts that word
    ("vi", "dành vài giây phút nghỉ ngơi", []),  # a few moments
    ("vi", "nằm 30 phút", ["phút"]),
]


@pytest.mark.parametrize(("language", "text", "found"), WORD_EXCEPTED)
def test_a_term_matched_by_words_is_not_found_inside_its_exceptions(language: str, text: str, found: list[str]) -> None:
    matcher = Matcher(Termbase((_HOUR, _MONTH, _MINUTE)), language)
    assert [text[h.start:h.end] for h in matcher.find(text)] == found


def _unit(cid: str, **terms: str) -> Concept:
    return Concept(cid, "unit", "", {language: (Term(term, "preferred", match="forms", forms=(term,)),)
                                     for language, term in terms.items()})


_GLUED = Termbase((_unit("millimetre", en="mm", es="mm", vi="mm", ht="mm", ar="مم"),
                   _unit("millilitre", zh_Hans="ml"), _unit("litre", es="l"), _unit("second", es="s")))
GLUED = [
    # language, text, the units found: a number glued to its unit is the number and the unit
    ("en", "a 5mm cut", ["mm"]),
    ("en", "a 5 mm cut", ["mm"]),
    ("es", "un corte de 5–10mm", ["mm"]),
    ("vi", "vết cắt 5mm", ["mm"]),
    ("ht", "koupi 5mm", ["mm"]),
    ("ar", "جرح ٥مم", ["مم"]),
    ("ar", "جرح 5مم", ["مم"]),
    ("zh_Hans", "每次10ml口服", ["ml"]),
    ("zh_Hans", "每次10 ml口服", ["ml"]),
    ("es", "30s de pie", ["s"]),
    # a letter with a number after it is a name (the vertebrae L5 and S1), not a litre or a second
    ("es", "la hernia L5-S1", []),
]


@pytest.mark.parametrize(("language", "text", "found"), GLUED)
def test_a_unit_glued_to_its_number_is_found(language: str, text: str, found: list[str]) -> None:
    assert [text[h.start:h.end] for h in Matcher(_GLUED, language).find(text)] == found


_CELSIUS = Concept("degree-celsius", "unit", "Degrees Celsius.", {
    "en": (Term("°C", "preferred", match="substring", forms=("℃",)),
           Term("degrees Celsius", "admitted", match="forms", forms=("degrees celsius", "celsius"))),
})
SYMBOLS = [
    # text, the terms found, in report order (a symbol in a language written with spaces)
    ("Rest for 2 hours if it is over 38 °C.", ["hours", "°C"]),
    ("Over 38°C, or 38℃, rest for an hour.", ["°C", "℃", "hour"]),
    ("38 degrees Celsius for 2 hours", ["degrees Celsius", "Celsius", "hours"]),
    ("Take vitamin C for 1 hour.", ["hour"]),  # a letter C alone is no temperature
    ("", []),
]


@pytest.mark.parametrize(("text", "found"), SYMBOLS)
def test_a_symbol_term_is_found_beside_word_terms_in_text_order(text: str, found: list[str]) -> None:
    matcher = Matcher(Termbase((_CELSIUS, _HOUR)), "en")
    assert [text[h.start:h.end] for h in matcher.find(text)] == found


@pytest.mark.parametrize(("text", "found"), [
    ("لِمُدَّةِ أُسْبُوعَيْنِ", "أُسْبُوعَيْنِ"),  # every letter with its vowel, the last with its kasra
    ("لِأَسَابِيعَ طويلة", "لِأَسَابِيعَ"),  # a clitic before the word
    ("خلال شُهُورٍ", "شُهُورٍ"),  # tanween
    ("كل أسبـوع", "أسبـوع"),  # a tatweel
    ("لمدة شهرًا واحدًا", "شهرًا"),  # the alif that carries a tanween ending
    ("لمدة شهراً واحداً", "شهراً"),
    ("جرحًا صغيرًا طوله شهرًّا", "شهرًّا"),  # a shadda between the tanween and its alif
])
def test_a_word_with_optional_marks_is_its_word_and_its_hit_spans_them(text: str, found: str) -> None:
    hits = [hit for hit in Matcher(TERMBASE, "ar").find(text) if hit.concept.subject == "time"]
    assert [text[hit.start:hit.end] for hit in hits] == [found]


@given(st.text(alphabet="\u0627\u0628\u0633\u0648\u0639\u064b\u064c\u064e\u064f\u0650\u0651\u0652\u0640\u0670 .a", max_size=30))
@example("\u0627\u064b\u0627")  # a tanween between two alifs carries one of them, not both
def test_a_text_read_without_its_marks_keeps_every_letter_where_it_was(text: str) -> None:
    """Each character of the text read (`_unmarked`) is the character at its place in the text, in
    order, and what is left out between them is marks, or an alif next to a tanween."""
    from pipeline.termbase.matching import OPTIONAL_MARKS, _unmarked

    plain, places, totals = _unmarked(text)

    def place(index: int) -> int:
        return index + max(total for at, total in zip(places, totals) if at <= index)

    where = [place(index) for index in range(len(plain))]
    assert [text[at] for at in where] == list(plain)
    assert where == sorted(set(where))
    left_out = [text[at] for at in set(range(len(text))) - set(where)]
    assert all(ord(char) in OPTIONAL_MARKS or char == "\u0627" for char in left_out)
    assert left_out.count("\u0627") <= text.count("\u064b")
