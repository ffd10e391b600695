"""Generate a synthetic content root of realistic shape, reproducibly from a seed.

    python benchmarks/generate.py --procedures 500 --locales 5 --seed 1 --out /tmp/bench-500x5

Procedures are recombined from the shipped ones (sections kept, dropped or reordered, numbers
shifted consistently in source and translations), so sentences, lists, FAQs, numbers, units,
placeholders and termbase terms look like the real content. With `--shape varied` (the default)
entries vary the way a real library's do: most paragraphs become one to eight shipped sentences
drawn at random (term-rich ones more often), most list items one or two, most FAQ answers one to
three, rather than the same few hundred texts repeated (titles and the contact sentence still
recur, as they do in real leaflets); lengths run from a few words to long paragraphs, and the
number of sections varies more. Their translations are the shipped translations of the
sentences (taken from paragraphs whose every translation splits into as many sentences with the
same numbers), joined as the locale writes.
`--shape uniform` keeps every shipped entry as it is, the shape of the log's first entries.
`--shape distinct` draws every paragraph, list item and FAQ answer anew from two sentences up: at
300 procedures 58% of a locale's entries are then distinct texts, against 32% with `varied` (whose
one-sentence list items come from a few hundred shipped sentences); what recurs is section
titles, FAQ questions and the contact sentence.
Catalogs mix translated, fuzzy (with the previous source), untranslated and signed-off entries,
with a small rate of planted defects (changed numbers, dropped placeholders, markup). Written in
the project's own formats by the project's own writers.
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


def _text(value) -> str:
    return value["text"] if isinstance(value, dict) else value


def _with_text(value, text: str):
    return {**value, "text": text} if isinstance(value, dict) else text


_SENTENCE_END = {"zh_Hans": re.compile(r"(?<=[。！？])")}
_SENTENCE_END_DEFAULT = re.compile(r"(?<=[.!?؟])\s+")


def sentences(text: str, locale: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.get(locale, _SENTENCE_END_DEFAULT).split(text) if part.strip()]


def aligned_sentences(paragraphs: list[str], translations: dict[str, dict[str, str]]) -> list[str]:
    """The sentences of shipped paragraphs whose every shipped translation splits into as many
    sentences with the same numbers, added to ``translations`` sentence by sentence."""
    pool = []
    for text in paragraphs:
        source = sentences(text, "en")
        split = {}
        for locale in sorted(SHIPPED):
            known = translations.get(locale, {}).get(text)
            parts = sentences(known, locale) if known else []
            if len(parts) != len(source) or any(sorted(_NUMBER.findall(a)) != sorted(_NUMBER.findall(b))
                                                for a, b in zip(source, parts)):
                break
            split[locale] = parts
        else:
            for index, sentence in enumerate(source):
                pool.append(sentence)
                for locale, parts in split.items():
                    translations[locale].setdefault(sentence, parts[index])
    return sorted(set(pool))


def _draw(rng: random.Random, size: int, pool: list[str], rich: list[str], parts: dict[str, list[str]]) -> str:
    texts = [rng.choice(rich if rng.random() < 0.4 else pool) for _ in range(size)]
    joined = " ".join(texts)
    parts[joined] = texts
    return joined


def vary(sections: list[dict], rng: random.Random, pool: list[str], rich: list[str],
         parts: dict[str, list[str]], distinct: bool = False) -> list[dict]:
    """Most paragraphs become new ones: one to eight shipped sentences drawn at random (term-rich
    ones more often), so entries are distinct and their lengths and terms vary; `parts` records
    each new text's sentences, so its translation can be put together from theirs. With
    ``distinct``, every paragraph, list item and answer is drawn anew, from two sentences up,
    so that a text seldom recurs anywhere in the library (titles and questions still do)."""
    least = 2 if distinct else 1
    redraw = 1.0 if distinct else 0.7
    out = []
    for section in sections:
        blocks = []
        for block in section["blocks"]:
            if "paragraph" in block and rng.random() < redraw:
                size = max(least, rng.choice((1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8)))
                block = {**block, "paragraph": _with_text(block["paragraph"], _draw(rng, size, pool, rich, parts))}
            elif "list" in block:
                block = {**block, "list": [{**item, "text": _with_text(item["text"], _draw(
                    rng, max(least, rng.choice((1, 1, 2))), pool, rich, parts))}
                    if distinct or rng.random() < 0.6 else item for item in block["list"]]}
            elif "answer" in block and (distinct or rng.random() < 0.6):
                block = {**block, "answer": _with_text(block["answer"], _draw(rng, max(least, rng.choice((1, 2, 2, 3))),
                                                                              pool, rich, parts))}
            blocks.append(block)
        out.append({**section, "blocks": blocks})
    return out


def variant(base: dict, rng: random.Random, new_id: str, offset: int, shape: str = "uniform",
            pool: list[str] | None = None, rich: list[str] | None = None,
            parts: dict[str, list[str]] | None = None) -> dict:
    keep = 0.75 if shape == "uniform" else rng.choice((0.4, 0.75, 1.0))
    sections = [s for s in base["sections"] if s["id"] in ("overview", "contact") or rng.random() < keep]
    if shape in ("varied", "distinct") and pool and rich and parts is not None:
        sections = vary(sections, rng, pool, rich, parts, distinct=shape == "distinct")
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


def translate(known: dict[str, str], text: str, parts: dict[str, list[str]], locale: str) -> str | None:
    """The shipped translation of a text, or of each of its parts joined as the locale writes."""
    if text in known:
        return known[text]
    pieces = [known.get(part) for part in parts.get(text, ())]
    if not pieces or None in pieces:
        return None
    return ("" if locale == "zh_Hans" else " ").join(p for p in pieces if p)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--procedures", type=int, default=500)
    parser.add_argument("--locales", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--defect-rate", type=float, default=0.005)
    parser.add_argument("--shape", choices=("varied", "distinct", "uniform"), default="varied")
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
    shutil.copy(REPO / "source/negation.yaml", out / "source/negation.yaml")  # or the negation check has no markers
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
    shipped_matcher = Matcher(shipped.termbase, "en")
    paragraphs = sorted({_text(text) for base in bases.values() for section in base["sections"]
                         for block in section["blocks"]
                         for text in ([block["paragraph"]] if "paragraph" in block else
                                      [item["text"] for item in block.get("list", ())] + [block.get("answer", "")])
                         if _text(text)})
    pool = aligned_sentences(paragraphs, translations)
    rich = [text for text in pool if len({m.concept.id for m in shipped_matcher.find(text)}) >= 2]
    parts: dict[str, list[str]] = {}
    for index in range(args.procedures):
        base_id = base_ids[index % len(base_ids)]
        offset = index % 7
        proc_id = f"{base_id}-{index:05d}"
        data = variant(bases[base_id], rng, proc_id, offset, args.shape, pool, rich, parts)
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
                known = translate(translations.get(info.posix, {}), original, parts, info.posix)
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
