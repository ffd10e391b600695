"""W317: a registered locale that nobody may review can never be published."""

from __future__ import annotations

import pytest

from pipeline.checks.model import ProjectLayout
from pipeline.checks.rules import no_reviewer

ES = frozenset({"es-review"})

CLEAN = [
    # (registered locales, reviewers per locale)
    (("es",), {"es": ES}),
    ((), {}),
]
FLAGGED = [
    # (registered locales, reviewers per locale, locales reported)
    (("es", "ht"), {"es": ES}, ["ht"]),
    (("es", "ht"), {"es": ES, "ht": frozenset()}, ["ht"]),
    (("ar", "es"), {}, ["ar", "es"]),
]


def _layout(locales: tuple[str, ...], reviewers: dict[str, frozenset[str]]) -> ProjectLayout:
    return ProjectLayout(locales, reviewers, {"locales.ht": (17, 3), "reviewers": (20, 1)}, ())


@pytest.mark.parametrize("locales, reviewers", CLEAN)
def test_clean(locales: tuple[str, ...], reviewers: dict[str, frozenset[str]]) -> None:
    assert list(no_reviewer.check(_layout(locales, reviewers), {})) == []


@pytest.mark.parametrize("locales, reviewers, reported", FLAGGED)
def test_flagged(locales: tuple[str, ...], reviewers: dict[str, frozenset[str]], reported: list[str]) -> None:
    found = list(no_reviewer.check(_layout(locales, reviewers), {}))
    assert [message.split(" for ")[1].split(":")[0] for _, _, message in found] == reported
    assert [line for _, line, _ in found] == [17 if p == "ht" else 20 for p in reported]
