"""Findings as the bytes reports are made of.

A large library has 100,000s of findings. Each job's findings are encoded once, by the process
that found them, as a compact JSON array in report order (and, for the text report, as its text
lines); the cache stores those bytes and the formatters copy them to the output, so a warm run
never decodes what it does not change. `CheckResult.findings` decodes them on demand.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter, itemgetter
from typing import Any

import orjson

from .model import Finding, text_line

ORDER = attrgetter(*Finding.__slots__)  # the dataclass order, compared in C
_REPORT_ORDER = itemgetter(*Finding.__slots__)  # ORDER, on a finding's report dict
_SHARED = ("file", "code", "name", "severity", "locale", "procedure")


@dataclass(frozen=True)
class CheckResult:
    """What a run found. Findings are held as ``parts``: per file, in file order, the JSON array
    of that file's findings in report order (sorted, keys sorted, compact) and, when the run was
    asked for them, the same findings as lines of the text report (else empty), so a report can
    be written without building 100,000s of objects; ``findings`` decodes them on first use."""

    parts: tuple[tuple[str, bytes, bytes], ...]  # (file, JSON array, text lines or b""), UTF-8
    silenced: tuple[Finding, ...]
    catalogs: int
    entries: int
    tally: tuple[tuple[tuple[str, str], int], ...]  # ((code, severity), count), sorted

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(decode_finding(data) for _, array, _ in self.parts for data in json.loads(array))

    def count(self, severity: str) -> int:
        return sum(n for (_, s), n in self.tally if s == severity)

    def summary(self) -> dict[str, Any]:
        by_code: Counter[str] = Counter()
        for (code, _), n in self.tally:
            by_code[code] += n
        return {"errors": self.count("error"), "warnings": self.count("warning"),
                "info": self.count("info"), "silenced": len(self.silenced),
                "catalogs": self.catalogs, "entries": self.entries,
                "by_code": dict(sorted(by_code.items()))}

    def blocking(self, strict: bool = False) -> bool:
        """Whether the findings fail the run: an error, or with ``strict`` a warning too."""
        return bool(self.count("error") or (strict and self.count("warning")))


# The results hold texts, integers, None and booleans in lists and string-keyed objects: orjson
# writes them byte for byte as the standard library's compact encoding does
# (tests/checks/test_encoded.py), several times faster. What it refuses (an integer beyond 64
# bits) is left to the standard library. Decoding stays with the standard library, which keeps
# every integer an integer (orjson reads one beyond 64 bits as a float).


def decode_own(data: bytes) -> Any:
    """A document a worker of this run has just encoded with `encode`: its integers are counts and
    line numbers, far below 64 bits, so orjson reads it as the standard library would, faster."""
    return orjson.loads(data)


def encode(value: Any) -> bytes:
    """Compact UTF-8 JSON, for the cache's own documents."""
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def encode_findings(dicts: list[dict[str, Any]]) -> bytes:
    """The report encoding of findings as dicts (``pipeline check --format json``)."""
    try:
        return orjson.dumps(dicts, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        return json.dumps(dicts, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def text_lines(dicts: list[dict[str, Any]]) -> bytes:
    return "".join(map(text_line, dicts)).encode("utf-8")


def decode_finding(data: dict[str, Any]) -> Finding:
    # A large library has 100,000s of findings: share the strings they repeat.
    for key in _SHARED:
        value = data[key]
        if value is not None:
            data[key] = sys.intern(value)
    return Finding(**data)


# The start of each finding in a report array: compact JSON with sorted keys, so "code" opens
# every object. The bare quotes cannot occur inside a string, where quotes are escaped.
_ELEMENT = re.compile(rb'\{"code":"([^"\\]*)","file":"(?:[^"\\]|\\.)*","line":(\d+),')

def join(items: list[tuple[bytes, bytes] | list[Finding]], text: bool) -> tuple[bytes, bytes]:
    """One file's findings as one UTF-8 array in report order and (with ``text``) as text lines:
    a job's as they are, else merged (a file with locale-wide findings too)."""
    if len(items) == 1 and isinstance(items[0], tuple):
        return items[0]
    arrays = [item for item in items if isinstance(item, tuple)]
    extra = sorted((f.as_dict() for item in items if not isinstance(item, tuple) for f in item),
                   key=_REPORT_ORDER)
    spliced = splice(arrays[0][0], extra, arrays[0][1] if text else None) if len(arrays) == 1 else None
    if spliced is not None:
        return spliced
    merged: list[dict[str, Any]] = [d for array, _ in arrays for d in json.loads(array)] + extra
    merged.sort(key=_REPORT_ORDER)
    return encode_findings(merged), "".join(map(text_line, merged)).encode("utf-8") if text else b""


def splice(array: bytes, extra: list[dict[str, Any]], text: bytes | None = None) -> tuple[bytes, bytes] | None:
    """A job's array (and, given them, its text lines, one per finding) with a few more
    findings (sorted dicts) put in their places, without decoding the array: findings of one
    file order by line, then code, and the locale-wide checks' codes are never a job's, so
    (line, code) places each one. None when the array or the lines do not have the expected
    shape (the caller then decodes and sorts)."""
    starts, keys = [], []
    for match in _ELEMENT.finditer(array):
        starts.append(match.start())
        keys.append((int(match[2]), match[1].decode("utf-8")))
    if (not starts and array != b"[]") or (starts and starts[0] != 1) or any(
            array[s - 2:s] != b"}," for s in starts[1:]) or array[-2:] not in (b"}]", b"[]"):
        return None
    ends = [s - 1 for s in starts[1:]] + [len(array) - 1]
    pieces = [array[s:e] for s, e in zip(starts, ends)]
    lines = text.split(b"\n") if text is not None else [b""] * (len(pieces) + 1)
    if len(lines) != len(pieces) + 1 or lines[-1] != b"":
        return None
    out: list[bytes] = []
    out_lines: list[bytes] = []
    index = 0
    for finding in extra:
        place = (finding["line"], finding["code"])
        if place in keys:
            return None  # the same line and code in both: let the full order decide
        while index < len(keys) and keys[index] < place:
            out.append(pieces[index])
            out_lines.append(lines[index])
            index += 1
        out.append(encode_findings([finding])[1:-1])
        out_lines.append(text_line(finding)[:-1].encode("utf-8"))
    out += pieces[index:]
    out_lines += lines[index:-1]
    return b"[" + b",".join(out) + b"]", b"\n".join(out_lines) + b"\n" if text is not None else b""
