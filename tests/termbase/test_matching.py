"""The term matcher on inflected text in every shipped language: a hit, and a near-miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.termbase.matching import Matcher
from pipeline.termbase.reader import read_termbase

from ..conftest import REPO

TERMBASE = read_termbase(REPO / "source/termbase.yaml", "source/termbase.yaml")

HITS = [
    # language, text (phrases as the leaflets write them), concept that must be found
    ("en", "Herniated discs can press on the nerve roots.", "herniated-disc"),
    ("en", "Avoid heavy lifting for 2–4 weeks.", "week"),
    ("en", "Bulging disks can cause pain.", "bulging-disc"),  # deprecated spelling still found
    ("es", "Los discos herniados pueden presionar las raíces nerviosas.", "herniated-disc"),
    ("es", "Evite levantar objetos pesados durante al menos 2–4 semanas.", "week"),
    ("es", "Las raíces nerviosas salen de la médula espinal.", "nerve-root"),
    ("zh_Hans", "椎间盘突出可能压迫神经根。", "herniated-disc"),
    ("zh_Hans", "至少2–4周内避免提重物。", "week"),
    ("vi", "Thoát vị đĩa đệm có thể chèn ép rễ thần kinh.", "herniated-disc"),
    ("vi", "Tránh mang vác nặng trong ít nhất 2–4 tuần.", "week"),
    ("ar", "قد يضغط الانزلاق الغضروفي على جذور الأعصاب.", "herniated-disc"),
    ("ar", "تجنب رفع الأشياء الثقيلة لمدة 2–4 أسابيع.", "week"),
    ("ht", "Evite leve bagay lou pandan 2–4 semèn.", "week"),
    ("ht", "Rasin nè yo soti nan mwèl epinyè a.", "nerve-root"),
]


@pytest.mark.parametrize("language,text,concept", HITS)
def test_inflected_forms_are_found(language, text, concept):
    found = {hit.concept.id for hit in Matcher(TERMBASE, language).find(text)}
    assert concept in found


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
]


@pytest.mark.parametrize("language,text,concept", NEAR_MISSES)
def test_near_misses_do_not_match(language, text, concept):
    found = {hit.concept.id for hit in Matcher(TERMBASE, language).find(text)}
    assert concept not in found


def test_longer_term_hides_the_term_inside_it():
    hits = Matcher(TERMBASE, "en").concepts_in("A herniated disc presses on a nerve.")
    ids = {hit.concept.id for hit in hits}
    assert "herniated-disc" in ids and "disc" not in ids


def test_termbase_has_the_required_breadth():
    assert len(TERMBASE.concepts) >= 45
    for concept in ("intervertebral-disc", "facet-joint", "sacroiliac-joint", "medial-branch-nerve",
                    "sciatica", "radiculopathy", "spinal-stenosis", "laminectomy", "cannula",
                    "fluoroscopy", "local-anaesthetic", "physical-therapy", "minute", "hour", "day",
                    "week", "month", "year"):
        assert TERMBASE.concept(concept) is not None, concept
    for concept in TERMBASE.concepts:
        assert set(concept.terms) >= {"en", "es", "zh_Hans", "vi", "ar", "ht"}, concept.id


def test_shipped_complete_catalogs_are_covered_by_the_matcher():
    """Sanity on real content: in the complete Spanish catalogs, the termbase finds terms."""
    import polib

    matcher = Matcher(TERMBASE, "es")
    hits = 0
    for path in sorted((REPO / "locales/es/LC_MESSAGES").glob("*.po")):
        for entry in polib.pofile(str(path)):
            hits += len(matcher.find(entry.msgstr))
    assert hits > 50
