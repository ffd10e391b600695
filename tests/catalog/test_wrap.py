"""The PO writer must print exactly what GNU msgcat prints: checked against the real tool."""

from __future__ import annotations

import random
import subprocess

import polib
import pytest

from pipeline.catalog.po_writer import format_po


def msgcat(text: str, tmp_path) -> str:
    path = tmp_path / "in.po"
    path.write_text(text, "utf-8")
    return subprocess.run(["msgcat", str(path)], check=True, capture_output=True, text=True).stdout


def catalog_of(*pairs: tuple[str, str]) -> polib.POFile:
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for index, (msgid, msgstr) in enumerate(pairs):
        catalog.append(polib.POEntry(msgctxt=f"c{index}", msgid=msgid, msgstr=msgstr))
    return catalog


CASES = [
    ("short", "Short text.", "Texto corto."),
    ("exactly 79 columns", "x" * 70, "y" * 71),
    ("long latin", "An endoscopic discectomy is a minimally-invasive outpatient procedure for "
     "lower back and leg pain with a 5 mm incision.", "¿Cuánto tiempo dura el alivio? " * 4),
    ("chinese without spaces", "Relief", "微创椎间盘切除术是一种门诊手术，用于治疗腰痛和腿痛。" * 3),
    ("arabic", "Arabic", "يتم إجراء استئصال القرص بالمنظار من خلال شق صغير في الجلد. " * 3),
    ("escapes", 'A "quoted" word,\ta tab and a backslash \\ here', "line one\nline two\n"),
    ("embedded newline", "first line\nsecond line that is long enough to need a wrap somewhere "
     "around here", "x"),
    ("url and dashes", "See https://example.org/a-very-long-path/with-hyphens and e.g. 2–4 "
     "weeks—or more", "ok"),
    ("placeholders", "Call {clinic_name} on {clinic_phone} if you have a fever, redness or "
     "swelling at the incision.", "Llame a {clinic_name} al {clinic_phone}."),
]


@pytest.mark.parametrize("name,msgid,msgstr", CASES, ids=[c[0] for c in CASES])
def test_entry_matches_msgcat(name, msgid, msgstr, tmp_path):
    text = format_po(catalog_of((msgid, msgstr)))
    assert msgcat(text, tmp_path) == text


def test_fuzzy_previous_obsolete_and_references_match_msgcat(tmp_path):
    catalog = catalog_of(("New source text that is rather long, long enough to be wrapped by the "
                          "tool.", "Traducción"), ("gone", "desaparecido"), ("empty gone", ""))
    catalog[0].flags = ["fuzzy", "python-brace-format"]
    catalog[0].previous_msgid = "Old source text that is rather long, long enough to be wrapped too."
    catalog[0].occurrences = [(f"source/procedures/some-long-procedure-name-{i}.yaml", str(i))
                              for i in range(4)]
    catalog[0].comment = "A translator note."
    catalog[0].tcomment = "reviewer: check the dose"
    catalog[1].obsolete = True
    catalog[2].obsolete = True
    text = format_po(catalog)
    assert msgcat(text, tmp_path) == text
    assert "empty gone" not in text  # msgcat drops untranslated obsolete entries, and so do we


def test_randomised_corpus_matches_msgcat(tmp_path):
    """Random strings from the scripts and punctuation the content uses, compared in bulk."""
    tokens = ["endoscopic", "well-known", "2–4", "2-4", "5 mm", "(RFA)", "{clinic_name}", "¿Qué?",
              "¡Llame!", "más—y", "“quoted”", '"dq"', "it's", "a/b", "e.g.", "etc.,", "50%", "…",
              "微创椎间盘切除术", "门诊手术，", "腰痛。", "约5毫米", "（RFA）", "、", "？", "60分钟",
              "يتم", "القرص،", "بالمنظار؟", "دقيقة.", "Đây", "thủ", "thuật", "tuần", "semèn",
              "\\path", "tab\tx", "https://example.org/a-b", "user@example.org", "1,5", "1.5"]
    rnd = random.Random(20261122)
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for index in range(400):
        words = [rnd.choice(tokens) + rnd.choice([" ", " ", "", "  "]) for _ in range(rnd.randint(1, 40))]
        text = "".join(words).strip(" ")
        catalog.append(polib.POEntry(msgctxt=f"r{index}", msgid=text, msgstr=text[::-1].strip(" ")))
    text = format_po(catalog)
    assert msgcat(text, tmp_path) == text


# gettext never breaks a line inside a format directive of the entry's format (the first of its
# c-format, python-format, python-brace-format flags): a break may come before the directive, not
# within it. Each row places the directive across the wrap column at every offset, in the msgid
# and the msgstr, with the flag and without it (where the line breaking of Unicode decides).
FORMAT_CASES = [
    # name, flag, directive
    ("c: %% after a space", "c-format", "%%"),
    ("c: space flag", "c-format", "% d"),
    ("c: grouping and space flags", "c-format", "%' d"),
    ("c: minus flag", "c-format", "%-d"),
    ("c: positional with flags", "c-format", "%1$- 5d"),
    ("c: star precision", "c-format", "%.*f"),
    ("c: minus star width", "c-format", "%-*s"),
    ("c: positional minus width", "c-format", "%1$-10s"),
    ("c: ISO C99 macro", "c-format", "%<PRId64>"),
    ("c: invalid directive is not kept", "c-format", "%- y"),
    ("python: name with a space", "python-format", "%(my name)s"),
    ("python: name with a hyphen", "python-format", "%(first-name)s"),
    ("python: name with a slash", "python-format", "%(a/b)s"),
    ("python: flags", "python-format", "%- 5d"),
    ("python: named with flags", "python-format", "%(x)- d"),
    ("python: %%", "python-format", "%%"),
    ("python: Vietnamese name", "python-format", "%(ngày khám)s"),
    ("brace: fill and align, not a directive to gettext 0.21", "python-brace-format", "{0: >10}"),
    ("brace: sign, not a directive to gettext 0.21", "python-brace-format", "{count: d}"),
    ("brace: attribute, not a directive to gettext 0.21", "python-brace-format", "{a.b.c}"),
    ("brace: nested, not a directive to gettext 0.21", "python-brace-format", "{x:{y}}"),
    ("brace: fill", "python-brace-format", "{0:-^20}"),
    ("brace: name", "python-brace-format", "{clinic_phone}"),
    ("brace: invalid conversion is not kept", "python-brace-format", "{name!r: >10}"),
    ("c and python flags: c wins", "c-format, python-format", "%(a b)s %- d"),
]


def _format_catalog(flag: str, directive: str) -> polib.POFile:
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for pad in range(50, 80):
        for index, template in enumerate(["{pad} {d}end of the words", "{pad}{d} more", "{pad} {d} more words"]):
            text = template.format(pad="x" * pad, d=directive)
            entry = polib.POEntry(msgctxt=f"{pad}.{index}", msgid=text, msgstr="y" + text[1:])
            entry.flags = [f.strip() for f in flag.split(",")] if flag else []
            catalog.append(entry)
    return catalog


@pytest.mark.parametrize("name,flag,directive", FORMAT_CASES, ids=[c[0] for c in FORMAT_CASES])
def test_format_directives_are_wrapped_as_msgcat_wraps_them(name, flag, directive, tmp_path):
    for flags in (flag, ""):
        text = format_po(_format_catalog(flags, directive))
        assert msgcat(text, tmp_path) == text


def test_randomised_format_strings_match_msgcat(tmp_path):
    """Directives, stray percent signs and braces among words, under each format flag and their
    combinations, in every string msgcat wraps (msgctxt, previous msgid, plurals, obsolete)."""
    tokens = ["%s", "%d", "%1$s", "%2$d", "% d", "%-5d", "%'d", "%%", "%(name)s", "%(my name)s", "%(first-name)d",
              "%-*s", "%.*f", "%<PRId64>", "%lld", "%hs", "%lf", "%zu", "%m", "% 5.2f", "%(a)-10s", "%(x)", "%", "%y",
              "{name}", "{0}", "{}", "{a.b}", "{0: >10}", "{{", "}}", "{clinic_phone}", "word", "well-known", "2-4",
              "a/b", "(RFA)", "5 mm", "e.g.", "微创椎间盘切除术", "يتم", "thủ thuật", "\\", '"q"', "tab\tx", "50 %"]
    flag_sets = [["c-format"], ["python-format"], ["python-brace-format"], ["c-format", "python-format"],
                 ["python-format", "python-brace-format"], ["no-c-format"], []]
    rnd = random.Random(20261201)

    def text() -> str:
        return "".join(rnd.choice(tokens) + rnd.choice([" ", "", "  "]) for _ in range(rnd.randint(1, 40))).strip(" ")

    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for index in range(600):
        entry = polib.POEntry(msgctxt=text() if index % 3 == 0 else f"f{index}", msgid=text(), msgstr=text())
        entry.flags = list(rnd.choice(flag_sets))
        if index % 4 == 1:
            entry.flags.insert(0, "fuzzy")
            entry.previous_msgid = text()
        if index % 10 == 2:
            entry.msgid_plural, entry.msgstr_plural, entry.msgstr = text(), {0: text(), 1: text()}, ""
        entry.obsolete = index % 10 == 5
        catalog.append(entry)
    text_written = format_po(catalog)
    assert msgcat(text_written, tmp_path) == text_written
