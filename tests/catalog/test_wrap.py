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
