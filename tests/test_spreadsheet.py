"""Cells a spreadsheet would run as formulas are written as text and read back unchanged."""

from __future__ import annotations

import csv
import io

import pytest

from pipeline.spreadsheet import neutralise, restore
from pipeline.termbase.exchange import export_csv, parse_csv
from pipeline.termbase.model import Concept, Term, Termbase

CELLS = [
    # written, as the CSV holds it
    ("disco", "disco"),
    ("=HYPERLINK(\"http://x.invalid\")", "'=HYPERLINK(\"http://x.invalid\")"),
    ("+1 555 0100", "'+1 555 0100"),
    ("-2 mg", "'-2 mg"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("'quoted", "''quoted"),
]


@pytest.mark.parametrize("text,cell", CELLS)
def test_a_cell_round_trips_and_never_starts_a_formula(text, cell):
    assert neutralise(text) == cell
    assert restore(cell) == text


def test_the_glossary_csv_never_holds_a_formula_and_imports_back_the_same_terms():
    terms = {"es": (Term(text="=HYPERLINK(1)", status="preferred"),), "en": (Term(text="disc", status="preferred"),)}
    termbase = Termbase((Concept(id="disc", subject="anatomy", definition="@danger", terms=terms),))
    data = export_csv(termbase, "es")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert [(r["target"], r["developer_comments"]) for r in rows] == [("'=HYPERLINK(1)", "'@danger")]
    back = parse_csv("g.csv", data, "es")
    assert [t.text for t in back.concepts[0].terms["es"]] == ["=HYPERLINK(1)"]
    assert back.concepts[0].definition == "@danger"
