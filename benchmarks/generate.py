"""Generate a synthetic content root of realistic shape, reproducibly from a seed.

    python benchmarks/generate.py --procedures 500 --locales 5 --seed 1 --out /tmp/bench-500x5

Procedures are recombined from the shipped ones (sections kept, dropped or reordered, numbers
shifted consistently in source and translations), so sentences, lists, FAQs, numbers, units,
placeholders and termbase terms look like the real content. Catalogs mix translated, fuzzy
(with the previous source), untranslated and signed-off entries, with a small rate of planted
defects (changed numbers, dropped placeholders, markup). Written in the project's own formats
by the project's own writers.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.catalog.commands import term_comments
from pipeline.catalog.merge import merge
from pipeline.catalog.po_reader import read_po
from pipeline.catalog.po_writer import format_po
from pipeline.catalog.templates import new_catalog, template
from pipeline.jsonout import dumps
from pipeline.locales import describe, parse_locale
from pipeline.project import Project
from pipeline.review.signoff import set_sign_off
from pipeline.termbase.matching import Matcher

LOCALES = ["es", "zh_Hans", "vi", "ar", "ht", "fr", "de", "pt_BR", "ru", "ko"]
SHIPPED = {"es", "zh_Hans", "vi", "ar", "ht"}
_NUMBER = re.compile(r"\d+")


def shift_numbers(text: str, offset: int) -> str:
    return _NUMBER.sub(lambda m: str(int(m.group(0)) + offset), text)


def pseudo(text: str) -> str:
    """A stand-in translation for locales without shipped text: same numbers and placeholders."""
    out, inside = [], False
    for char in text:
        if char == "{":
            inside = True
        elif char == "}":
            inside = False
        out.append(char if inside or not char.isalpha() else {"a": "á", "e": "ë", "o": "ô", "u": "ü"}.get(char, char))
    return "".join(out)


def variant(base: dict, rng: random.Random, new_id: str, offset: int) -> dict:
    sections = [s for s in base["sections"] if s["id"] in ("overview", "contact") or rng.random() < 0.75]
    middle = sections[1:-1]
    rng.shuffle(middle)
    sections = sections[:1] + middle + sections[-1:]

    def fix(value):
        if isinstance(value, str):
            return shift_numbers(value, offset)
        if isinstance(value, dict):
            return {k: (v if k == "id" else fix(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v) for v in value]
        return value

    title = fix(base["title"])
    suffix = f" ({new_id[-5:]})"
    title = {**title, "text": title["text"] + suffix} if isinstance(title, dict) else title + suffix
    return {"id": new_id, "title": title, "summary": fix(base["summary"]), "sections": fix(sections)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--procedures", type=int, default=500)
    parser.add_argument("--locales", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--defect-rate", type=float, default=0.005)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    shipped = Project(REPO)
    from pipeline.yamlio import load_yaml

    bases = {p.id: load_yaml(p.source, (REPO / p.source).read_bytes()) for p in shipped.procedures}
    translations: dict[str, dict[str, str]] = {}
    for locale in SHIPPED:
        for path in (REPO / "locales" / locale / "LC_MESSAGES").glob("*.po"):
            for entry in read_po(path):
                if entry.msgstr and "fuzzy" not in entry.flags:
                    translations.setdefault(locale, {})[entry.msgid] = entry.msgstr

    out = args.out
    if out.exists():
        shutil.rmtree(out)
    (out / "source/procedures").mkdir(parents=True)
    (out / "locales/templates").mkdir(parents=True)
    shutil.copy(REPO / "source/termbase.yaml", out / "source/termbase.yaml")
    locales = LOCALES[:args.locales]
    config = (REPO / "pipeline.yaml").read_text("utf-8").split("# Release settings")[0]
    reviewers = "\n".join(f"  {loc}-review: {{locales: [{loc}]}}" for loc in locales)
    (out / "pipeline.yaml").write_text(config + f"locales: {{}}\nreviewers:\n{reviewers}\n", "utf-8")
    registry = ["# generated", "locales:"]
    infos = [describe(parse_locale(code)) for code in locales]
    for info in sorted(infos, key=lambda i: i.posix):
        registry += [f"  {info.posix}:", f"    bcp47: {info.bcp47}", f"    english_name: {info.english_name}",
                     f"    native_name: {info.native_name}", f"    direction: {info.direction}",
                     f"    plural_forms: '{info.plural_forms}'",
                     f"    plural_categories: [{', '.join(info.plural_categories)}]", "    fallback: [en]"]
    (out / "locales/locales.yaml").write_text("\n".join(registry) + "\n", "utf-8")

    project = Project(out)
    base_ids = sorted(bases)
    for index in range(args.procedures):
        base_id = base_ids[index % len(base_ids)]
        offset = index % 7
        proc_id = f"{base_id}-{index:05d}"
        data = variant(bases[base_id], rng, proc_id, offset)
        (out / f"source/procedures/{proc_id}.yaml").write_text(dumps(data), "utf-8")
    project = Project(out)
    date = "2026-11-22"
    source_matcher = Matcher(project.termbase, "en")
    for procedure in project.procedures:
        offset = int(procedure.id[-5:]) % 7
        pot = template(procedure, project.config.project, project.config.bugs_address, None)
        (out / f"locales/templates/{procedure.id}.pot").write_text(format_po(pot), "utf-8")
        for info in project.locales:
            catalog = new_catalog(pot, info, None)
            for entry in catalog:
                original = shift_numbers(entry.msgid, -offset) if offset else entry.msgid
                known = translations.get(info.posix, {}).get(original)
                text = shift_numbers(known, offset) if known else (pseudo(entry.msgid) if info.posix not in SHIPPED else None)
                roll = rng.random()
                if text is None or roll < 0.10:
                    continue  # untranslated
                entry.msgstr = text
                if roll < 0.16:
                    entry.flags.insert(0, "fuzzy")
                    entry.previous_msgid = entry.msgid.replace(" ", "  ", 1)
                    continue
                if rng.random() < args.defect_rate:
                    kind = rng.randrange(3)
                    if kind == 0 and _NUMBER.search(text):
                        entry.msgstr = _NUMBER.sub(lambda m: str(int(m.group(0)) + 1), text, count=1)
                    elif kind == 1:
                        entry.msgstr = text + " <b>!</b>"
                    else:
                        entry.msgstr = re.sub(r"\{[a-z_]+\}", "", text) or text + "."
                if rng.random() < 0.6:
                    set_sign_off(entry, f"{info.posix}-review", date)
            catalog, _ = merge(catalog, pot, info, term_comments(project, pot, info.posix, source_matcher))
            path = project.catalog_path(info.posix, procedure.id)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(format_po(catalog), "utf-8")
    entries = sum(len(list(p.messages())) for p in project.procedures)
    print(f"{out}: {args.procedures} procedures, {len(locales)} locales, {entries} source strings, "
          f"{entries * len(locales)} catalog entries")


if __name__ == "__main__":
    main()
