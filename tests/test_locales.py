"""Locale codes: the accepted spellings, and the garbage that must be refused."""

from __future__ import annotations

import pytest

from pipeline.errors import InputError
from pipeline.locales import (
    cldr_fault,
    default_region_of,
    describe,
    parse_locale,
    same_language,
    without_sole_script,
)

ACCEPTED = [
    # input, POSIX, BCP 47, direction, nplurals
    ("es", "es", "es", "ltr", 2),
    ("es-MX", "es_MX", "es-MX", "ltr", 2),
    ("es_MX", "es_MX", "es-MX", "ltr", 2),
    ("zh-Hans", "zh_Hans", "zh-Hans", "ltr", 1),
    ("zh_Hans", "zh_Hans", "zh-Hans", "ltr", 1),
    ("pt_BR", "pt_BR", "pt-BR", "ltr", 2),
    ("ar", "ar", "ar", "rtl", 6),
    ("ht", "ht", "ht", "ltr", 2),
]


@pytest.mark.parametrize("code,posix,bcp47,direction,nplurals", ACCEPTED)
def test_accepted_codes(code, posix, bcp47, direction, nplurals):
    info = describe(parse_locale(code))
    assert (info.posix, info.bcp47, info.direction, info.nplurals) == (posix, bcp47, direction, nplurals)


REFUSED = [
    ("../etc", "not a locale code"),
    ("es/../../etc", "not a locale code"),
    ("en_US.UTF-8", "not a locale code"),
    ("de_DE@euro", "not a locale code"),
    ("xx", "unknown locale"),
    ("", "not a locale code"),
    ("tl", "alias"),
    ("iw", "alias"),
    ("en", "source language"),
    ("ca_ES_VALENCIA", "has a variant"),
    ("ca-ES-valencia", "has a variant"),
]


@pytest.mark.parametrize("code,message", REFUSED)
def test_refused_codes(code, message):
    with pytest.raises(InputError, match=message):
        parse_locale(code)


def test_reading_the_registry_loads_no_cldr_fact_it_already_pins() -> None:
    """A project's locales come from locales/locales.yaml; CLDR only confirms each code's POSIX and
    BCP 47 spelling. Every command reads them before its work starts, so names, plural rules and
    gettext's plural tables (babel.messages) are not loaded for that."""
    import subprocess
    import sys

    from .conftest import FIXTURE

    code = ("import sys; from pathlib import Path; from pipeline.project import Project; "
            f"infos = Project(Path({str(FIXTURE)!r})).locales; "
            "print(len(infos), 'babel.messages' in sys.modules, "
            "sorted(k for k in __import__('babel.localedata').localedata._cache if k != 'root'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip().split(maxsplit=2)
    assert int(out[0]) >= 4
    assert out[1:] == ["False", "[]"]


# A tag a file gives (a TBX language section's) names a locale only where `pipeline init` would
# find one in CLDR: a language CLDR does not know, or one Babel reads as another locale (an old code,
# und, an unknown script or region), is refused saying which; a tag that differs from its locale
# only by the default script (zh-CN for zh_Hans_CN) is that locale.
@pytest.mark.parametrize(("tag", "fault"), [
    ("es", None), ("ES-es", None), ("zh-CN", None), ("zh-TW", None), ("zh-Hans", None), ("ht", None), ("ar", None),
    ("vi-VN", None), ("en-US", None), ("es-419", None),
    ("xx", "which names no locale CLDR knows"), ("tlh", "which names no locale CLDR knows"),
    ("es-XX", "which names no locale CLDR knows"),
    ("iw", "(it reads it as he-IL)"), ("tl", "(it reads it as fil-PH)"), ("und", "(it reads it as en-US)"),
    ("sr-ZZ", "(it reads it as sr-Cyrl-RS)"), ("ar-Latn", "(it reads it as ar)"),
    ("en-GB-oxendict", "which has a variant or extension"),
])
def test_a_tag_names_a_locale_cldr_knows_or_says_why(tag: str, fault: str | None) -> None:
    found = cldr_fault(tag)
    assert found == fault if fault is None else found is not None and found.endswith(fault), found


@pytest.mark.parametrize(("tag", "wanted", "same"), [
    ("es-ES", "es", True), ("ES", "es", True), ("en-US", "en", True), ("zh-CN", "zh_Hans", True),
    ("zh-TW", "zh_Hans", False), ("es-MX", "es_ES", False), ("es", "es_MX", True), ("pt-BR", "es", False),
])
def test_a_tag_a_tool_wrote_names_a_language_however_spelled(tag: str, wanted: str, same: bool) -> None:
    assert same_language(tag, wanted) is same


@pytest.mark.parametrize(("tag", "language", "default"), [
    ("es-ES", "es", True), ("zh-CN", "zh_Hans", True), ("en-US", "en", True), ("pt-BR", "pt", True),
    ("es-MX", "es", False), ("zh-TW", "zh_Hans", False), ("es", "es", False), ("es-ES", "es_ES", False),
])
def test_a_region_is_the_default_one_only_where_cldr_says_so(tag: str, language: str, default: bool) -> None:
    assert default_region_of(tag, language) is default


# The script of a language CLDR knows in that script only is no part of its name (es-Latn is es);
# one that tells the language's locales apart (zh-Hans, sr-Latn) or is not the language's stays.
@pytest.mark.parametrize(("subtags", "kept"), [
    (("es", "Latn", ""), ("es", "", "")), (("es", "Latn", "MX"), ("es", "", "MX")), (("ht", "Latn", ""), ("ht", "", "")),
    (("vi", "Latn", "VN"), ("vi", "", "VN")), (("ar", "Arab", "EG"), ("ar", "", "EG")), (("en", "Latn", ""), ("en", "", "")),
    (("zh", "Hans", ""), ("zh", "Hans", "")), (("zh", "Hant", "TW"), ("zh", "Hant", "TW")),
    (("sr", "Latn", ""), ("sr", "Latn", "")), (("sr", "Cyrl", ""), ("sr", "Cyrl", "")),
    (("es", "Arab", ""), ("es", "Arab", "")), (("es", "", "MX"), ("es", "", "MX")),
])
def test_the_script_of_a_language_written_in_one_script_only_is_dropped(subtags: tuple[str, str, str],
                                                                         kept: tuple[str, str, str]) -> None:
    assert without_sole_script(subtags) == kept
