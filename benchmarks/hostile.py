"""How each check's time grows with the length of a hostile translation: linear or worse.

    python benchmarks/hostile.py                     # 25/50/100/200 KB, locale es
    python benchmarks/hostile.py --sizes 25 50 --limit 2 --only markup numbers

Every entry check (and the text and termbase helpers the checks share) runs on entries whose
translation, or source and translation (different or identical), repeat one short hostile unit (``www.``, ``a@``,
digits, braces, ``<``, spaces...; ``%|0`` is one ``%`` then zeros) up to each size. The table gives, per check, the worst unit, its
seconds per size, the ratio time(largest)/time(smallest) (linear: about the size ratio, 8 for
25 -> 200 KB; quadratic: 64) and the growth exponent (1 linear, 2 quadratic). A run slower than
--limit seconds stops that unit's growth, so a quadratic check cannot stall the benchmark; its
exponent is still measured on the sizes it ran, and the worst unit is the one whose time,
projected with its exponent to the largest size, is highest.

Caches (the checks' lru_caches, the matchers' answers) are emptied before every run, so each run
pays for its text.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.checks import text as text_helpers
from pipeline.checks.model import Entry, LocaleContext
from pipeline.checks.registry import REGISTRY
from pipeline.project import Project
from pipeline.termbase.matching import Matcher, termbase_language

UNITS = ["www.", "a@", "a.", "1", "1.", "1,", "1 ", "{", "{a", "}", "%", "%0", "%(a", "<", "<a", "&a", "[", "[](", "[](x", "[a](", "((",
         " ", "-", "a ", "on", "\n", "%|0", "on|a", "<a|a", "[|a", "www.|a", "1 day ", "MRI ", "disc ", "'", "é", "٣", "x" * 7,
         "伤口四周"]  # an exception of 周 that starts with a numeral (四周), around every occurrence
SOURCE = "Call {clinic} at www.example.org or help@example.org within 2 weeks of the MRI: take 1.5 mg."


@dataclass(frozen=True)
class Row:
    name: str
    unit: str
    placement: str
    seconds: dict[int, float]
    error: str | None = None  # the exception a run raised, when one did

    @property
    def ratio(self) -> float | None:
        sizes = sorted(self.seconds)
        return self.seconds[sizes[-1]] / self.seconds[sizes[0]] if len(sizes) > 1 else None

    @property
    def exponent(self) -> float | None:
        sizes = sorted(self.seconds)
        if len(sizes) < 2:
            return None
        first, last = sizes[0], sizes[-1]
        return math.log(self.seconds[last] / self.seconds[first]) / math.log(last / first)


def clear_caches(ctx: LocaleContext) -> None:
    for spec in REGISTRY:
        for value in vars(spec.module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()
    for matcher in (ctx.source, ctx.target):
        for name in ("_cache", "_concepts"):
            cache = getattr(matcher, name, None)
            if isinstance(cache, dict):
                cache.clear()


def timed(work: Callable[[], Any], ctx: LocaleContext) -> float:
    """CPU seconds of one cold run (the mean of several when a run is very short): CPU time, so
    that other work on a shared machine does not count."""
    clear_caches(ctx)
    start = time.process_time()
    work()
    first = time.process_time() - start
    repeats = min(20, int(0.05 / first)) if first < 0.05 else 0
    if not repeats:
        return first
    total = 0.0
    for _ in range(repeats):
        clear_caches(ctx)
        start = time.process_time()
        work()
        total += time.process_time() - start
    return total / repeats


def workloads(ctx: LocaleContext, locale: str) -> dict[str, Callable[[str, str], Callable[[], Any]]]:
    """name -> (msgid, msgstr) -> the work to time."""
    base = Entry(locale=locale, procedure="hostile", file="hostile.po", line=1, msgctxt="p", msgid=SOURCE,
                 msgstr="")
    jobs: dict[str, Callable[[str, str], Callable[[], Any]]] = {}
    for spec in REGISTRY:
        if spec.scope not in ("entry", "fuzzy"):
            continue

        def job(msgid: str, msgstr: str, spec: Any = spec) -> Callable[[], Any]:
            entry = base._replace(msgid=msgid, msgstr=msgstr, fuzzy=spec.scope == "fuzzy",
                            previous_msgid=SOURCE if spec.scope == "fuzzy" else None)
            return lambda: list(spec.module.check(entry, ctx, dict(spec.options)))
        jobs[spec.name] = job
    jobs["text.numbers"] = lambda msgid, msgstr: lambda: text_helpers.numbers(msgstr, ctx.info.posix)
    jobs["text.sentences"] = lambda msgid, msgstr: lambda: text_helpers.sentences(msgstr)
    jobs["text.placeholders"] = lambda msgid, msgstr: lambda: text_helpers.placeholders(msgstr)
    jobs["matcher.find"] = lambda msgid, msgstr: lambda: ctx.source.find(msgstr)
    jobs["matcher.concepts_in"] = lambda msgid, msgstr: lambda: ctx.source.concepts_in(msgstr)
    return jobs


def hostile(unit: str, kilobytes: int) -> str:
    """``unit`` repeated to ``kilobytes``; "prefix|unit" writes the prefix once, then the unit."""
    size = kilobytes * 1000
    prefix, _, unit = unit.rpartition("|") if "|" in unit[:-1] else ("", "", unit)
    return (prefix + unit * (size // len(unit) + 1))[:size]


def grow(name: str, job: Callable[[str, str], Callable[[], Any]], ctx: LocaleContext, unit: str,
         placement: str, sizes: list[int], limit: float) -> Row:
    """One unit in one placement, timed at each size until a run is slower than ``limit``."""
    seconds: dict[int, float] = {}
    for size in sizes:
        text = hostile(unit, size)
        msgid = {"msgstr": SOURCE, "both": text + " source", "same": text}[placement]
        try:
            seconds[size] = timed(job(msgid, text), ctx)
        except Exception as exc:
            return Row(name, unit, placement, seconds, f"{type(exc).__name__} at {size} KB")
        if seconds[size] > limit:
            break
    return Row(name, unit, placement, seconds)


def measure(name: str, job: Callable[[str, str], Callable[[], Any]], ctx: LocaleContext, sizes: list[int],
            limit: float, units: list[str]) -> list[Row]:
    return [grow(name, job, ctx, unit, placement, sizes, limit)
            for unit in units for placement in ("msgstr", "both", "same")]


def projected(row: Row, size: int) -> float:
    """Seconds the row's unit would take at ``size``, from its largest run and its growth: a unit
    stopped early by --limit still ranks by what it would cost."""
    last = max(row.seconds)
    return row.seconds[last] * (size / last) ** max(row.exponent or 1.0, 1.0)


def worst(rows: list[Row], size: int) -> list[Row]:
    """The unit that would be slowest at ``size``, and every unit that crashed."""
    timed_rows = [r for r in rows if r.seconds]
    slowest = [max(timed_rows, key=lambda r: projected(r, size))] if timed_rows else []
    return slowest + [r for r in rows if r.error and r not in slowest]


def table(rows: list[Row], sizes: list[int]) -> str:
    header = ["check", "worst unit", "in", *[f"{s} KB s" for s in sizes], f"{sizes[-1]}/{sizes[0]}", "exponent"]
    lines = [header]
    for row in rows:
        times = [f"{row.seconds[s]:.4f}" if s in row.seconds else "-" for s in sizes]
        ratio = f"{row.ratio:.1f}" if row.ratio is not None and sizes[-1] in row.seconds else "-"
        exponent = f"{row.exponent:.2f}" if row.exponent is not None else "-"
        crash = f"  {row.error}" if row.error else ""
        lines.append([row.name, repr(row.unit), row.placement, *times, ratio, exponent + crash])
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(line, widths)) for line in lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 200], help="kilobytes")
    parser.add_argument("--locale", default="es")
    parser.add_argument("--limit", type=float, default=5.0, help="seconds after which a unit stops growing")
    parser.add_argument("--only", nargs="*", help="check or helper names")
    parser.add_argument("--units", nargs="*", default=UNITS, help="hostile units to repeat (default: all)")
    args = parser.parse_args()
    project = Project(REPO)
    info = project.locale(args.locale)
    language = termbase_language(project.termbase, info.posix)
    ctx = LocaleContext(info, language, project.termbase, Matcher(project.termbase, "en"),
                        Matcher(project.termbase, language), project.config.check_settings(info.posix))
    sizes = sorted(args.sizes)
    results = []
    for name, job in workloads(ctx, info.posix).items():
        if args.only and name not in args.only:
            continue
        found = worst(measure(name, job, ctx, sizes, args.limit, args.units), sizes[-1])
        results += found
        print(table(found, sizes).split("\n", 1)[-1], file=sys.stderr, flush=True)
    print(table(results, sizes))


if __name__ == "__main__":
    main()
