"""E206 source-term-deprecated: the English source uses a deprecated term."""

from __future__ import annotations

import pytest

from pipeline.checks.rules import source_deprecated

from .helpers import assert_flagged, procedure, row_ids, run

CLEAN = [
    # summary of the procedure
    "A slipped disc can press on a nerve.",
    "The incision is about 5 millimetres long.",
    # a link's address is not the text's to change
    "A slipped disc can press on a nerve: see https://clinic.example/slipped-disk.",
]

FLAGGED = [
    # summary, telling part of the message
    ("A slipped disk can press on a nerve.", "deprecated term 'disk': write 'disc'"),
    ("The incision is about 5 millimeter long.", "deprecated term 'millimeter': write 'millimetre'"),
]


@pytest.mark.parametrize("summary", CLEAN)
def test_no_finding(summary):
    assert run(source_deprecated, procedure(summary)) == []


@pytest.mark.parametrize("summary,expected", FLAGGED, ids=row_ids(FLAGGED))
def test_finding(summary, expected):
    found = run(source_deprecated, procedure(summary))
    assert_flagged(found, "E206", expected)
    assert {where for _, where, _ in found} == {"summary"}
