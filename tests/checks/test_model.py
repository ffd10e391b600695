"""The one index of findings per entry that review, the release policy and the site ask."""

from __future__ import annotations

from pipeline.checks.model import Finding, by_entry


def finding(line: int, locale: str | None, procedure: str | None, msgctxt: str | None) -> Finding:
    return Finding("f.po", line, "E201", "numbers", "error", locale, procedure, msgctxt, "x", "m")


def test_findings_are_grouped_by_entry_in_the_order_given():
    found = [finding(3, "es", "p", "a"), finding(1, "es", "p", "b"), finding(2, "es", "p", "a"),
             finding(1, None, "p", "a"), finding(1, "es", None, None)]
    assert {key: [f.line for f in group] for key, group in by_entry(found).items()} == {
        ("es", "p", "a"): [3, 2], ("es", "p", "b"): [1], (None, "p", "a"): [1], ("es", None, None): [1]}
