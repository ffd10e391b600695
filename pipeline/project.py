"""The project: where things live under the content root, its settings and its locales.

The CLI builds one Project and passes it to the core functions; nothing below reads argv.
"""

from __future__ import annotations

import io
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # ruamel is imported only to write the registry (`init`): every command would pay for it
    from ruamel.yaml.comments import CommentedMap

from .config import RECORD_DIR, REGISTRY_FILE, TERMBASE_FILE, Config, load_config, read_yaml_file
from .content.model import Procedure
from .content.reader import read_procedure
from .errors import InputError
from .fsutil import read_input, write_atomic
from .locales import LocaleInfo, describe, explicit, parse_locale, spellings
from .termbase.model import Termbase
from .termbase.negation import NEGATION_FILE, Negation, read_negation
from .termbase.reader import read_termbase
from .wording import unknown_name
from .yamlio import key_position, position, validate

_LISTS_PROCEDURES = "`pipeline status` lists them"  # what an unknown procedure's message points to


class Project:
    def __init__(self, root: Path, *, check_references: bool = True) -> None:
        """``check_references``: refuse settings in pipeline.yaml for locales the registry lacks
        (off only for `pipeline init`, which is how a locale gets registered)."""
        self.root = root.resolve()
        if not self.root.is_dir():
            raise InputError(f"{root} is not a directory: pass the content root with --root")
        self.config: Config = load_config(self.root)
        self._check_references = check_references

    # --- paths -------------------------------------------------------------------------------
    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    @property
    def procedures_dir(self) -> Path:
        return self.root / "source" / "procedures"

    @property
    def templates_dir(self) -> Path:
        return self.root / "locales" / "templates"

    @property
    def releases_dir(self) -> Path:
        """The release record's folder (see release.record)."""
        return self.root / RECORD_DIR

    def template_path(self, procedure_id: str) -> Path:
        return self.templates_dir / f"{procedure_id}.pot"

    def catalog_path(self, posix: str, procedure_id: str) -> Path:
        return self.root / self.catalog_file(posix, procedure_id)

    @staticmethod
    def catalog_file(posix: str, procedure_id: str) -> str:
        """The catalog's path relative to the content root, as reports name it."""
        return f"locales/{posix}/LC_MESSAGES/{procedure_id}.po"

    # --- content -----------------------------------------------------------------------------
    @cache  # noqa: B019 - one project object per command
    def procedure_ids(self) -> list[str]:
        if not self.procedures_dir.is_dir():
            raise InputError("no source/procedures folder: is this a content root? (see --root)",
                             self.rel(self.procedures_dir))
        return sorted(p.stem for p in self.procedures_dir.glob("*.yaml") if not p.name.startswith("."))

    @cached_property
    def procedures(self) -> tuple[Procedure, ...]:
        return tuple(
            read_procedure(self.procedures_dir / f"{pid}.yaml",
                           self.rel(self.procedures_dir / f"{pid}.yaml"), self.config.placeholders)
            for pid in self.procedure_ids()
        )

    def select_procedure_ids(self, wanted: tuple[str, ...] = ()) -> tuple[str, ...]:
        """Procedure ids (from file names, without parsing) after checking the wanted ones exist."""
        known = self.procedure_ids()
        for pid in wanted:
            if pid not in known:
                raise InputError(unknown_name("procedure", pid, known, _LISTS_PROCEDURES))
        return tuple(dict.fromkeys(wanted)) if wanted else tuple(known)

    def source_bytes(self, procedure_id: str) -> bytes:
        path = self.procedures_dir / f"{procedure_id}.yaml"
        return read_input(path, self.rel(path))

    def select_procedures(self, wanted: tuple[str, ...] = ()) -> tuple[Procedure, ...]:
        if not wanted:
            return self.procedures
        known = {p.id: p for p in self.procedures}
        for pid in wanted:
            if pid not in known:
                raise InputError(unknown_name("procedure", pid, sorted(known), _LISTS_PROCEDURES))
        return tuple(known[pid] for pid in dict.fromkeys(wanted))

    @cached_property
    def termbase(self) -> Termbase:
        return read_termbase(self.root / TERMBASE_FILE, TERMBASE_FILE)

    @cached_property
    def negation(self) -> Negation:
        return read_negation(self.root / NEGATION_FILE, NEGATION_FILE)

    # --- locales -----------------------------------------------------------------------------
    def _registry_data(self) -> dict[str, Any]:
        path = self.root / REGISTRY_FILE
        if not path.exists():
            return {"locales": {}}
        data = read_yaml_file(path, REGISTRY_FILE)
        if data is None:
            raise InputError("empty registry: it needs 'locales:'", REGISTRY_FILE, 1, 1)
        validate(REGISTRY_FILE, data, "locales.schema.json")
        registry: dict[str, Any] = data
        return registry

    @cached_property
    def locales(self) -> tuple[LocaleInfo, ...]:
        data = self._registry_data()
        result = []
        for posix, entry in data["locales"].items():
            line, column = key_position(data, ["locales"], posix)
            try:  # the other facts are pinned here: CLDR only confirms the code's spellings
                canonical, bcp47 = spellings(parse_locale(str(posix), self.config.source_language))
            except InputError as exc:
                raise InputError(f"locales.{posix}: {exc.message}", REGISTRY_FILE, line, column) from None
            if canonical != posix:
                raise InputError(f"locales.{posix}: not the POSIX form of a known locale "
                                 f"(expected {canonical})", REGISTRY_FILE, line, column)
            if entry["bcp47"] != bcp47:  # it names bundle folders and files: one spelling only
                line, column = position(data, ["locales", posix, "bcp47"])
                raise InputError(f"locales.{posix}.bcp47: {entry['bcp47']!r} is not the BCP 47 tag of {posix}: "
                                 f"write {bcp47}", REGISTRY_FILE, line, column)
            result.append(LocaleInfo(
                posix=str(posix), bcp47=str(entry["bcp47"]), english_name=str(entry["english_name"]),
                native_name=str(entry["native_name"]), direction=str(entry["direction"]),
                plural_forms=str(entry["plural_forms"]),
                plural_categories=tuple(str(c) for c in entry["plural_categories"]),
                fallback=tuple(str(f) for f in entry.get("fallback", [])),
            ))
        if self._check_references:
            self._refuse_unregistered({info.posix for info in result})
        return tuple(sorted(result, key=lambda info: info.posix))

    def _refuse_unregistered(self, registered: set[str]) -> None:
        """A setting for a locale the registry lacks would silently mean nothing (`required: true`
        for a locale no build ever sees): refused with its place in pipeline.yaml."""
        known = ", ".join(sorted(registered)) or "none"
        for posix in self.config.locales:
            if posix not in registered:
                raise InputError(f"locales.{posix}: locale {posix} is not in {REGISTRY_FILE} (registered: {known}); "
                                 f"register it with `pipeline init {posix}` or remove the setting",
                                 *self.config.where(f"locales.{posix}"))
        for reviewer, locales in self.config.reviewers.items():
            for index, posix in enumerate(locales):
                if posix not in registered:
                    raise InputError(f"reviewers.{reviewer}.locales: locale {posix} is not in {REGISTRY_FILE} "
                                     f"(registered: {known}); register it with `pipeline init {posix}` or "
                                     "remove it", *self.config.where(f"reviewers.{reviewer}.locales.{index}"))

    def locale(self, code: str) -> LocaleInfo:
        """A registered locale by any accepted spelling (es-MX, es_MX)."""
        posix = spellings(parse_locale(code, self.config.source_language))[0]
        for info in self.locales:
            if info.posix == posix:
                return info
        known = ", ".join(i.posix for i in self.locales) or "none"
        raise InputError(f"locale {posix} is not in {REGISTRY_FILE} (registered: {known}); "
                         f"add it with: pipeline init {posix}")

    def select_locales(self, wanted: tuple[str, ...] = ()) -> tuple[LocaleInfo, ...]:
        """The locales named, each once however often and however spelled (es, ES), in order;
        none named: every registered locale."""
        if not wanted:
            return self.locales
        return tuple({info.posix: info for info in map(self.locale, wanted)}.values())

    def describe_locale(self, code: str) -> tuple[LocaleInfo, bool]:
        """A locale by code: as registered, or its facts from CLDR and True when not yet registered."""
        info = describe(parse_locale(code, self.config.source_language))
        if info.posix in self._registry_data()["locales"]:
            return self.locale(info.posix), False
        return info, True

    def register_locales(self, infos: list[LocaleInfo]) -> None:
        """Add locales to the registry in one write (a no-op for none)."""
        if not infos:
            return
        # Edit through ruamel's round-trip loader so the content lead's comments are kept.
        from ruamel.yaml import YAML
        from ruamel.yaml.comments import CommentedMap

        path = self.root / REGISTRY_FILE
        if path.exists():
            data = YAML(typ="rt").load(read_input(path, self.rel(path)).decode("utf-8"))
        else:
            data = CommentedMap()
            data["locales"] = CommentedMap()
        for info in infos:
            if info.posix not in data["locales"]:
                names = sorted([*data["locales"].keys(), info.posix])
                data["locales"].insert(names.index(info.posix), info.posix, self._registry_entry(info))
        buffer = io.StringIO()
        yaml = YAML(typ="rt")
        yaml.indent(mapping=2, sequence=4, offset=2)
        yaml.width = 4096
        if not path.exists():
            buffer.write("# The locale registry: one entry per target locale, filled from CLDR by\n"
                         "# `pipeline init LOCALE`. Content leads may edit names and fallback chains.\n")
        yaml.dump(data, buffer)
        write_atomic(path, buffer.getvalue().encode("utf-8"))
        self.__dict__.pop("locales", None)

    def _registry_entry(self, info: LocaleInfo) -> CommentedMap:
        from ruamel.yaml.comments import CommentedMap

        entry = CommentedMap()
        entry["bcp47"] = info.bcp47
        entry["english_name"] = info.english_name
        entry["native_name"] = info.native_name
        entry["direction"] = info.direction
        entry["plural_forms"] = info.plural_forms
        entry["plural_categories"] = list(info.plural_categories)
        # The bare language is written in its default script (zh in Simplified, sr in Cyrillic):
        # a locale in another script does not fall back to it, since its reader may not read it.
        same_script = explicit(info.bcp47)[1] == explicit(info.language)[1]
        chain = [info.language] if info.posix != info.language and same_script else []
        entry["fallback"] = list(dict.fromkeys([*chain, self.config.source_language]))
        return entry
