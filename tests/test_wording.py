"""Counts in messages agree with their number."""

from __future__ import annotations

import re

import pytest

from pipeline.wording import count


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
