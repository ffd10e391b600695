"""The one index of findings per entry that review, the release policy and the site ask; an entry's
translation state as the catalog states say."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.checks.model import Entry, Finding, by_entry


def finding(line: int, locale: str | None, procedure: str | None, msgctxt: str | None) -> Finding:
    return Finding("f.po", line, "E201", "numbers", "error", locale, procedure, msgctxt, "x", "m")


def test_findings_are_grouped_by_entry_in_the_order_given():
    found = [finding(3, "es", "p", "a"), finding(1, "es", "p", "b"), finding(2, "es", "p", "a"),
             finding(1, None, "p", "a"), finding(1, "es", None, None)]
    assert {key: [f.line for f in group] for key, group in by_entry(found).items()} == {
        ("es", "p", "a"): [3, 2], ("es", "p", "b"): [1], (None, "p", "a"): [1], ("es", None, None): [1]}


@given(fuzzy=st.booleans(), plural=st.booleans(), forms=st.lists(st.sampled_from(["", "x", " "]), max_size=3))
def test_translated_is_the_translation_state(fuzzy, plural, forms):
    from pipeline.catalog.states import is_translated

    entry = Entry("es", "p", "p.po", 1, None, "source", forms[0] if forms and not plural else "",
                  msgid_plural="sources" if plural else None, msgstr_plural=tuple(forms) if plural else (),
                  fuzzy=fuzzy)
    assert entry.translated == is_translated(entry.forms, fuzzy)
