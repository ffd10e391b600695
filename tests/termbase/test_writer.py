"""The termbase writer: the house layout, and new terms written into the linguists' file with
every other line kept (`with_additions`)."""

from __future__ import annotations

import pytest

from pipeline.termbase.exchange import merge_termbases
from pipeline.termbase.model import Concept, Term, Termbase
from pipeline.termbase.reader import parse_termbase
from pipeline.termbase.writer import format_termbase, with_additions

FILE = """\
# The linguists' header.
concepts:

  # -- anatomy --

  - id: disc
    subject: anatomy
    definition: >-
      One of the pads
      between the bones.
    terms:
      en:
        - {term: disc, status: preferred, pos: noun}
      es:
        - {term: disco, status: preferred, pos: noun}  # a note on the line

  # -- care --

  - id: surgeon
    subject: care
    definition: The doctor who operates.
    terms:
      en:
        - {term: surgeon, status: preferred, pos: noun}
# a last word
"""


def _term(text: str, status: str = "preferred") -> Term:
    return Term(text, status)


def _added(*concepts: Concept) -> tuple[Termbase, Termbase]:
    current = parse_termbase("termbase.yaml", FILE.encode("utf-8"))
    merged, conflicts, _ = merge_termbases(current, Termbase(concepts))
    assert not conflicts
    return current, merged


ADDITIONS = [
    # what is imported; the line the new lines follow, the new lines, the line after them
    ((Concept("disc", "anatomy", "", {"es": (_term("discos", "admitted"),)}),),
     "        - {term: disco, status: preferred, pos: noun}  # a note on the line",
     ["        - {term: discos, status: admitted, pos: noun}"], ""),
    ((Concept("disc", "anatomy", "", {"es": (_term("discos", "admitted"), _term("disquito", "admitted")),
                                      "vi": (_term("đĩa đệm"),)}),),
     "        - {term: disco, status: preferred, pos: noun}  # a note on the line",
     ["        - {term: discos, status: admitted, pos: noun}", "        - {term: disquito, status: admitted, pos: noun}",
      "      vi:", "        - {term: đĩa đệm, status: preferred, pos: noun}"], ""),
    ((Concept("surgeon", "care", "", {"es": (_term("cirujano"),)}),),
     "        - {term: surgeon, status: preferred, pos: noun}",
     ["      es:", "        - {term: cirujano, status: preferred, pos: noun}"], "# a last word"),
    ((Concept("ice-pack", "care", "A cold pack.", {"en": (_term("ice pack"),)}),
      Concept("brace", "tool", "A support: worn, not fitted.", {"en": (_term("brace"),)})),
     "        - {term: surgeon, status: preferred, pos: noun}",
     ["", "  - id: ice-pack", "    subject: care", "    definition: A cold pack.", "    terms:", "      en:",
      "        - {term: ice pack, status: preferred, pos: noun}", "", "  - id: brace", "    subject: tool",
      '    definition: "A support: worn, not fitted."', "    terms:", "      en:",
      "        - {term: brace, status: preferred, pos: noun}"], "# a last word"),
]


@pytest.mark.parametrize(("incoming", "before", "new", "after"), ADDITIONS)
def test_new_terms_are_written_in_and_every_other_line_kept(incoming: tuple[Concept, ...], before: str,
                                                           new: list[str], after: str) -> None:
    current, merged = _added(*incoming)
    result = with_additions(FILE, current, merged)
    assert result is not None
    lines = result.split("\n")
    at = lines.index(before) + 1
    assert lines[at:at + len(new)] == new and lines[at + len(new)] == after, lines[at - 1:at + len(new) + 1]
    assert lines[:at] + lines[at + len(new):] == FILE.split("\n")  # nothing else changed or moved
    assert format_termbase(parse_termbase("termbase.yaml", result.encode("utf-8"))) == format_termbase(merged)


NOT_HOUSE_LAYOUT = [
    # a file the house layout does not write: the whole termbase is written anew instead
    FILE.replace("\n", "\r\n"),
    "\ufeff" + FILE,
    FILE.replace("      es:\n        - {term: disco, status: preferred, pos: noun}  # a note on the line\n",
                 "      es: [{term: disco, status: preferred, pos: noun}]\n"),
    FILE.replace("\n      ", "\n        "),  # languages and terms indented deeper
    "concepts: []\n",
]


@pytest.mark.parametrize("text", NOT_HOUSE_LAYOUT)
def test_a_file_not_in_the_house_layout_is_left_to_be_written_anew(text: str) -> None:
    current = parse_termbase("termbase.yaml", text.encode("utf-8"))
    merged, _, added = merge_termbases(current, Termbase((Concept("disc", "anatomy", "", {"es": (_term("discos", "admitted"),)}),)))
    assert added == 1
    assert with_additions(text, current, merged) is None
