"""Read a procedure YAML file into the content model, refusing anything malformed."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..fsutil import read_input
from ..yamlio import child_position, field_path, load_yaml, position, validate
from .model import Block, BulletList, Item, Paragraph, Procedure, Question, Section, Text

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_STRAY_BRACE = re.compile(r"[{}]")  # in a text with its placeholders taken out


class _Builder:
    def __init__(self, name: str, root: Any, placeholders: frozenset[str] | None) -> None:
        self.name = name
        self.root = root
        self.placeholders = placeholders

    def fail(self, path: list[Any], message: str) -> InputError:
        line, column = position(self.root, path)
        return InputError(f"{field_path(path)}: {message}", self.name, line, column)

    def text(self, parent: Any, key: Any, parent_path: list[Any]) -> Text:
        """The text at ``parent[key]``; ``parent_path`` leads to ``parent`` from the root (for
        messages), and the line comes from ``parent`` without walking from the root."""
        raw, path = parent[key], parent_path + [key]
        if isinstance(raw, str):
            value, note, value_path, at = raw, None, path, child_position(parent, key)
        else:
            value, note, value_path, at = raw["text"], raw.get("note"), path + ["text"], child_position(raw, "text")
        for match in PLACEHOLDER.finditer(value):
            if self.placeholders is not None and match.group(1) not in self.placeholders:
                allowed = ", ".join(sorted(self.placeholders)) or "none"
                raise self.fail(value_path, f"unknown placeholder {match.group(0)} "
                                f"(allowed: {allowed}; add it to pipeline.yaml if it is new)")
        stray = _STRAY_BRACE.search(PLACEHOLDER.sub("", value)) if "{" in value or "}" in value else None
        if stray is not None:
            raise self.fail(value_path, f"{stray.group(0)!r} outside a placeholder: apps show it to "
                            "patients as written; write a placeholder as {name} or remove the brace")
        if note is not None and note.endswith("\\"):
            raise self.fail(path + ["note"], "a note must not end with a backslash")
        return Text(value=str(value), line=at[0] if at is not None else 1, note=str(note) if note is not None else None)

    def unique(self, path: list[Any], entries: Iterable[Any], what: str) -> None:
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            if entry["id"] in seen:
                raise self.fail(path + [index, "id"],
                                f"duplicate {what} id {entry['id']!r}: ids must be unique")
            seen.add(entry["id"])

    def procedure(self) -> Procedure:
        root = self.root
        self.unique(["sections"], root["sections"], "section")
        sections = []
        for s_index, section in enumerate(root["sections"]):
            s_path = ["sections", s_index]
            self.unique(s_path + ["blocks"], section["blocks"], "block")
            blocks: list[Block] = []
            for b_index, block in enumerate(section["blocks"]):
                b_path = s_path + ["blocks", b_index]
                if "paragraph" in block:
                    blocks.append(Paragraph(str(block["id"]), self.text(block, "paragraph", b_path)))
                elif "list" in block:
                    listed = block["list"]
                    self.unique(b_path + ["list"], listed, "item")
                    items = tuple(Item(str(item["id"]), self.text(listed, i, b_path + ["list"]))
                                  for i, item in enumerate(listed))
                    blocks.append(BulletList(str(block["id"]), items))
                else:
                    blocks.append(Question(str(block["id"]), self.text(block, "question", b_path),
                                           self.text(block, "answer", b_path)))
            sections.append(Section(str(section["id"]), self.text(section, "title", s_path),
                                    tuple(blocks)))
        procedure = Procedure(id=str(root["id"]), source=self.name, title=self.text(root, "title", []),
                              summary=self.text(root, "summary", []), sections=tuple(sections),
                              status=str(root.get("status", "active")))
        return self.renames(procedure) if root.get("renamed_from") else procedure

    def renames(self, procedure: Procedure) -> Procedure:
        """Attach the declared renames, each naming a context (or prefix) that exists now and an old
        one that no longer does: a rename that points nowhere would silently carry nothing."""
        declared = self.root.get("renamed_from") or {}
        contexts = [m.context for m in procedure.messages()]

        def covers(name: str) -> bool:
            return any(c == name or c.startswith(name + ".") for c in contexts)

        for new, old in declared.items():
            if not covers(str(new)):
                raise self.fail(["renamed_from", new], f"no message context is or starts with {new!r}: "
                                "name the new id as the content has it now")
            if covers(str(old)):
                raise self.fail(["renamed_from", new], f"{old!r} still exists, so it was not renamed: "
                                "remove this line")
        pairs = tuple(sorted(((str(k), str(v)) for k, v in declared.items()), key=lambda kv: -len(kv[0])))
        return dataclasses.replace(procedure, renamed_from=pairs)


def parse_procedure(name: str, data: bytes, placeholders: frozenset[str] | None = None,
                    expected_id: str | None = None) -> Procedure:
    """Build a Procedure from YAML bytes; ``name`` is the path shown in errors and references."""
    root = load_yaml(name, data)
    if root is None:
        raise InputError("empty file: a procedure needs id, title, summary and sections", name, 1, 1)
    validate(name, root, "procedure.schema.json")
    builder = _Builder(name, root, placeholders)
    if expected_id is not None and root["id"] != expected_id:
        raise builder.fail(["id"], f"id {root['id']!r} does not match the file name: "
                           f"rename the file or set id: {expected_id}")
    return builder.procedure()


def read_procedure(path: Path, name: str, placeholders: frozenset[str] | None = None) -> Procedure:
    data = read_input(path, name)
    return parse_procedure(name, data, placeholders, expected_id=path.stem)
