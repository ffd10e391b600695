"""Counts in messages agree with their number."""

from __future__ import annotations

import re

import pytest

from pipeline.wording import count, percent, unknown_name


@pytest.mark.parametrize("n,noun,text", [
    (1, "string", "1 string"), (2, "string", "2 strings"), (0, "string", "0 strings"),
    (1, "entry", "1 entry"), (3, "entry", "3 entries"), (2, "day", "2 days"),
])
def test_count(n, noun, text):
    assert count(n, noun) == text


def test_messages_say_1_string_not_1_strings(run, content_root):
    source = content_root / "source/procedures/endoscopic-neurotomy.yaml"
    source.write_text(source.read_text("utf-8").replace("2–4 weeks", "4–6 weeks", 1), "utf-8")
    assert run("extract").exit_code == 0 and run("update").exit_code == 0
    plan = run("release", "plan").output
    assert re.search(r"(?<![\d,])1 string\b", plan) and not re.search(r"(?<![\d,])1 strings\b", plan), plan


@pytest.mark.parametrize("part,whole,shown", [
    (0, 0, 100.0),  # nothing to do
    (50, 50, 100.0), (25, 50, 50.0), (1, 3, 33.3), (0, 50, 0.0),
    (2499, 2500, 99.9),  # not 100.0: one string is still missing
    (19_999, 20_000, 99.9),
    (1, 2500, 0.1),  # not 0.0: one string is done
])
def test_a_share_shows_100_only_when_complete_and_0_only_when_nothing_is_done(part, whole, shown):
    assert percent(part, whole) == shown


def test_status_never_says_100_percent_of_a_catalog_with_a_string_left():
    from pipeline.catalog.stats import Progress

    progress = Progress(2500, 2499, 0, 1, 30_000, 29_998, 0, 2)
    assert (progress.percent, progress.percent_words) == (99.9, 99.9)


def test_one_error_finding_is_said_so(run, content_root):
    catalog = content_root / "locales/es/LC_MESSAGES/endoscopic-neurotomy.po"
    text = catalog.read_text("utf-8")
    old = "Espere al menos 2–4 semanas"
    assert text.count(old) == 1
    catalog.write_text(text.replace(old, old + " (7)"), "utf-8")  # one number too many: one E201
    plan = run("release", "plan").output
    assert re.search(r"(?<![\d,])1 error finding\b", plan) and "1 error findings" not in plan, plan


KNOWN = ("endoscopic-discectomy", "endoscopic-neurotomy", "endoscopic-rhizotomy", "microdiscectomy-rehabilitation")
MANY = tuple(sorted(("endoscopic-discectomy", *(f"procedure-{n:05d}" for n in range(299)))))


@pytest.mark.parametrize("name,known,says,not_said", [
    # a few names: all of them, after the clearly closest when the name looks like a typo of one
    ("nope", KNOWN, "unknown procedure 'nope' (known: endoscopic-discectomy, endoscopic-neurotomy, "
     "endoscopic-rhizotomy, microdiscectomy-rehabilitation)", "did you mean"),
    ("endoscopic-discetomy", KNOWN, "unknown procedure 'endoscopic-discetomy': did you mean "
     "'endoscopic-discectomy'?", None),
    # a large library: the clearly closest name and how many there are, not a line of 300 names
    ("endoscopic-discetomy", MANY, "unknown procedure 'endoscopic-discetomy': did you mean "
     "'endoscopic-discectomy'? (300 procedures: `pipeline status` lists them)", "procedure-00001"),
    # numbered names tie: no guess among them
    ("procedure-0012", MANY, "unknown procedure 'procedure-0012' (300 procedures", "did you mean"),
    ("nope", MANY, "unknown procedure 'nope' (300 procedures: `pipeline status` lists them)", "procedure-00001"),
    ("", (), "unknown procedure '' (none yet)", None),
], ids=["few", "typo", "many-typo", "many-tied", "many", "none"])
def test_an_unknown_name_says_what_is_known_in_a_line_people_read(name, known, says, not_said):
    text = unknown_name("procedure", name, known, "`pipeline status` lists them")
    assert says in text and "\n" not in text
    assert not_said is None or not_said not in text
    assert len(text) < 300
