"""The check results' JSON codec: the bytes of the standard library's compact encoding, whatever
the values (reports copy these bytes as they are, so they may never differ)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.checks.encoded import encode, encode_findings

# What findings, summaries and translation rows hold: text of any character, 64-bit integers,
# None and booleans, in lists and string-keyed objects.
_TEXT = st.text(st.characters(exclude_categories=("Cs",)))
_VALUES = st.recursive(st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | _TEXT,
                       lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
                       max_leaves=20)


@given(_VALUES)
@settings(max_examples=500)
def test_encode_gives_the_compact_utf8_json_of_the_standard_library(value):
    assert encode(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert json.loads(encode(value)) == value


@given(st.lists(st.dictionaries(_TEXT, _VALUES, max_size=5), max_size=4))
@settings(max_examples=300)
def test_encode_findings_gives_the_report_encoding(dicts):
    assert encode_findings(dicts) == json.dumps(dicts, ensure_ascii=False, sort_keys=True,
                                                separators=(",", ":")).encode("utf-8")


def test_integers_beyond_64_bits_and_control_characters_are_encoded_as_before():
    for value in ([2**64, -(2**70)], {"a\x00\x1f\x7f\u2028": "\t\n\r\b\f\"\\"}):
        assert encode(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        assert encode_findings([value]) == json.dumps([value], ensure_ascii=False, sort_keys=True,
                                                      separators=(",", ":")).encode("utf-8")
