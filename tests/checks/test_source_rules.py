"""Source-quality checks on the real procedures: each flags what it should and nothing else."""

from __future__ import annotations

import pytest

from pipeline.checks.model import SourceContext
from pipeline.checks.rules import long_sentence, number_words, reading_level
from pipeline.content.reader import parse_procedure

from .helpers import project

CASES = [
    # check, sentence planted as the summary, expected fragment (None: clean)
    (long_sentence, "You can go home on the same day.", None),
    (long_sentence, " ".join(["word"] * 30) + ".", "sentence of 30 words"),
    (number_words, "Rest for 2–4 weeks.", None),
    (number_words, "Rest for two weeks.", "«two»"),
    (number_words, "Rest for a day or two.", "«a day or two»"),
    (number_words, "One of the nurses will call you.", None),
    (number_words, "Three nights in hospital are usual.", "«Three»"),
    (number_words, "Wait half an hour before you eat.", "«half an hour»"),
    (number_words, "Do not drive for One Week.", "«One Week»"),
    (number_words, "Eighteen stitches close the cut.", "«Eighteen»"),
    (reading_level, "You go home the same day. A nurse checks on you first. Then you can rest at home.", None),
    (reading_level, "Radiofrequency ablation denervates symptomatic zygapophyseal articulations, "
                    "potentially ameliorating chronic axial lumbosacral discomfort considerably in "
                    "appropriately selected individuals with degenerative spondylosis.", "reading level"),
]


@pytest.mark.parametrize("module,summary,expected", CASES)
def test_source_rule(module, summary, expected):
    path = project().root / "source/procedures/endoscopic-rhizotomy.yaml"
    text = path.read_text("utf-8")
    first = text.split("\n")[2]
    assert first.startswith("summary: ")
    procedure = parse_procedure("x.yaml", text.replace(first, f"summary: {summary}", 1).encode("utf-8"))
    ctx = SourceContext(project().termbase, None, (procedure,))
    messages = [m for message, m in module.check(procedure, ctx, module.OPTIONS) if message.context == "summary"]
    if expected is None:
        assert messages == []
    else:
        assert any(expected in m for m in messages), messages
