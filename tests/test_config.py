"""The project: pipeline.yaml read strictly, and the locale registry refused with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import LocaleSettings, load_config
from pipeline.errors import InputError
from pipeline.project import Project

CONFIG = """\
project: Spine patient education
bugs_address: lead@clinic.invalid
placeholders: [clinic_name, clinic_phone]
locales:
  es: {required: true}
  ar: {min_translated: 80, length_ratio: [0.5, 3]}
reviewers:
  es-review: {name: Spanish reviewer, locales: [es]}
checks:
  stale: {severity: error}
"""

ES = """\
  es:
    bcp47: es
    english_name: Spanish
    native_name: español
    direction: ltr
    plural_forms: nplurals=2; plural=(n != 1);
    plural_categories: [one, other]
    fallback: [en]
"""


ES_ONLY = CONFIG.replace("  ar: {min_translated: 80, length_ratio: [0.5, 3]}\n", "")  # only es registered


def root_with(tmp_path: Path, config: str = CONFIG, registry: str | None = None) -> Path:
    if registry is not None and config == CONFIG:
        config = ES_ONLY  # settings for a locale the registry lacks are refused
    (tmp_path / "pipeline.yaml").write_text(config, "utf-8")
    if registry is not None:
        (tmp_path / "locales").mkdir()
        (tmp_path / "locales/locales.yaml").write_text(registry, "utf-8")
    return tmp_path


def test_a_good_config(tmp_path):
    config = load_config(root_with(tmp_path))
    assert config.project == "Spine patient education" and config.source_language == "en"
    assert config.placeholders == frozenset({"clinic_name", "clinic_phone"})
    assert config.settings("es") == LocaleSettings(required=True)
    assert config.settings("ar") == LocaleSettings(min_translated=80, length_ratio=(0.5, 3.0))
    assert config.settings("vi") == LocaleSettings()  # not listed: the defaults
    assert config.reviewers_for("es") == frozenset({"es-review"}) and config.reviewers_for("ar") == frozenset()
    assert config.checks == {"stale": {"severity": "error"}}
    assert config.number_placeholders is None  # not said: any placeholder may hold a number


@pytest.mark.parametrize(("setting", "expected"), [
    ("number_placeholders: [clinic_phone]\n", frozenset({"clinic_phone"})),
    ("number_placeholders: []\n", frozenset()),  # every placeholder holds a word
])
def test_the_placeholders_that_hold_a_number(tmp_path, setting, expected):
    config = load_config(root_with(tmp_path, CONFIG + setting))
    assert config.number_placeholders == expected
    assert config.check_settings("ar")["number_placeholders"] == expected


REFUSED_CONFIGS = [
    # pipeline.yaml, the error line that must be printed (file:line:column: message, start)
    (CONFIG + "colour: blue\n", "pipeline.yaml:11:1: (top level): unknown field 'colour'"),
    (CONFIG.replace("  es: {required: true}", "  es: {required: true, publish: yes}"),
     "pipeline.yaml:5:24: locales.es: unknown field 'publish'"),
    (CONFIG.replace("min_translated: 80", "min_translated: 180"), "pipeline.yaml:6:24: locales.ar.min_translated: 180 is greater than the maximum of 100"),
    ("", "pipeline.yaml:1:1: empty config: it needs at least 'project'"),
    ("project: [a]\n", "pipeline.yaml:1:10: project: expected a string"),
    (CONFIG + "project: again\n", "pipeline.yaml:11:1: duplicate key 'project' (first at line 1)"),
    (CONFIG + "number_placeholders: [clinic_phone, clinic_fone]\n",
     "pipeline.yaml:11:37: number_placeholders: 'clinic_fone' is not a placeholder (placeholders: clinic_name, "
     "clinic_phone): name it under placeholders: or correct its spelling"),
    (CONFIG + "number_placeholders: clinic_phone\n", "pipeline.yaml:11:22: number_placeholders: expected a list"),
    (CONFIG.replace("placeholders: [clinic_name, clinic_phone]\n", "") + "number_placeholders: [clinic_phone]\n",
     "pipeline.yaml:10:23: number_placeholders: 'clinic_phone' is not a placeholder (placeholders: none)"),
]


@pytest.mark.parametrize("config,expected", REFUSED_CONFIGS, ids=range(len(REFUSED_CONFIGS)))
def test_a_bad_config_is_refused_with_its_line(tmp_path, config, expected):
    with pytest.raises(InputError) as caught:
        load_config(root_with(tmp_path, config))
    assert str(caught.value).startswith(expected), str(caught.value)


def test_a_missing_config_says_where_to_run(tmp_path):
    with pytest.raises(InputError) as caught:
        load_config(tmp_path)
    assert str(caught.value) == "pipeline.yaml: file not found: run the command from the content root or pass --root"


def test_the_registry_gives_each_locale_its_pinned_facts(tmp_path):
    project = Project(root_with(tmp_path, registry="locales:\n" + ES))
    [es] = project.locales
    assert (es.posix, es.bcp47, es.nplurals, es.direction, es.fallback) == ("es", "es", 2, "ltr", ("en",))
    assert project.locale("es").native_name == "español"


def test_no_registry_means_no_locales(tmp_path):
    assert Project(root_with(tmp_path, "project: P\n")).locales == ()


@pytest.mark.parametrize("code,message", [
    ("vi", "locale vi is not in locales/locales.yaml (registered: es); add it with: pipeline init vi"),
    ("../etc", "'../etc' is not a locale code"),
    ("en_US.UTF-8", "is not a locale code"),
    ("tl", "'tl' is an alias that CLDR turns into fil"),
    ("xx", "unknown locale 'xx'"),
])
def test_asking_for_a_locale_that_is_not_registered(tmp_path, code, message):
    project = Project(root_with(tmp_path, registry="locales:\n" + ES))
    with pytest.raises(InputError) as caught:
        project.locale(code)
    assert message in str(caught.value)


BAD_REGISTRIES = [
    # locales.yaml, the error line that must be printed (start)
    ("locales:\n" + ES.replace("    direction: ltr\n", ""), "locales/locales.yaml:3:5: locales.es: missing field 'direction'"),
    ("locales:\n" + ES.replace("direction: ltr", "direction: up"),
     "locales/locales.yaml:6:16: locales.es.direction: 'up' is not one of: ltr, rtl"),
    ("locales:\n" + ES.replace("nplurals=2", "nplurals=9"), "locales/locales.yaml:7:19: locales.es.plural_forms:"),
    ("locales:\n" + ES + "    script: Latn\n", "locales/locales.yaml:10:5: locales.es: unknown field 'script'"),
    ("", "locales/locales.yaml:1:1: empty registry: it needs 'locales:'"),
    ("locales:\n" + ES + ES, "locales/locales.yaml:10:3: duplicate key 'es' (first at line 2)"),
]


@pytest.mark.parametrize("registry,expected", BAD_REGISTRIES, ids=range(len(BAD_REGISTRIES)))
def test_a_bad_registry_entry_is_refused_with_its_line(tmp_path, registry, expected):
    with pytest.raises(InputError) as caught:
        _ = Project(root_with(tmp_path, registry=registry)).locales
    assert str(caught.value).startswith(expected), str(caught.value)


def test_a_registry_key_in_the_wrong_form_is_refused_at_its_own_line(tmp_path):
    registry = "locales:\n" + ES + ES.replace("  es:", "  es_mx:").replace("bcp47: es", "bcp47: es-MX")
    with pytest.raises(InputError) as caught:
        _ = Project(root_with(tmp_path, registry=registry)).locales
    assert str(caught.value).startswith("locales/locales.yaml:10:3: locales.es_mx: not the POSIX form"), str(caught.value)


@pytest.mark.parametrize("key", ["xx", "tl"])
def test_an_unknown_registry_key_names_the_file_and_line(tmp_path, key):
    registry = "locales:\n" + ES + ES.replace("  es:", f"  {key}:")
    with pytest.raises(InputError) as caught:
        _ = Project(root_with(tmp_path, registry=registry)).locales
    assert str(caught.value).startswith("locales/locales.yaml:10:3: "), str(caught.value)
