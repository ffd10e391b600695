"""Number reading never fails, whatever the digits: a translation is data, not a trusted input."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.checks.text import numbers

LOCALES = ["en", "es", "ar", "ht", "vi", "zh_Hans", "de", "fr"]
BIG = "1" + "000" * 9

CASES = [
    # text, the value every locale must read
    ("1.000.000.000.000.000.000.000.000.000", Decimal(BIG)),   # more digits than Decimal's default precision
    ("1,000,000,000,000,000,000,000,000,000", Decimal(BIG)),
    ("1\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000", Decimal(BIG)),
    ("9" * 5000, Decimal("9" * 5000)),                          # beyond int()'s digit limit
    ("٣" * 40, Decimal("3" * 40)),                               # Arabic-Indic digits
    ("2,5", Decimal("2.5")),                                    # a comma no locale reads strictly here
]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("text,value", CASES, ids=["dots", "commas", "spaces", "5000 nines", "arabic-indic", "decimal comma"])
def test_any_digit_string_is_read_as_one_number(text, value, locale):
    assert numbers(f"Take {text} mg.", locale) == [value]


@pytest.mark.parametrize("locale", LOCALES)
def test_a_long_decimal_keeps_every_digit(locale):
    decimals = "1" + "0" * 40 + "1"
    assert numbers(f"0.{decimals}", "en") == [Decimal(f"0.{decimals}")]
    assert len(numbers(f"0.{decimals} 0,{decimals}", locale)) == 2


def test_check_reports_a_huge_number_instead_of_crashing(content_root, run):
    path = content_root / "locales/es/LC_MESSAGES/endoscopic-rhizotomy.po"
    text = path.read_text("utf-8")
    old = 'msgstr "Rizotomía endoscópica para el dolor de espalda"'
    assert old in text
    path.write_text(text.replace(old, old[:-1] + ' 1.000.000.000.000.000.000.000.000.000"', 1), "utf-8")
    result = run("check")
    assert result.exit_code == 1, result.output
    assert "number 1000000000000000000000000000 is not in the source" in result.output
