"""Merge a template into a translation catalog the way msgmerge does, losing nothing.

- same context, same source: the translation and its state are kept;
- same context, changed source: the translation is kept, marked fuzzy, and the source it was made
  for is recorded as the previous msgid (``#| msgid``);
- a context that disappeared: the entry becomes obsolete (``#~``), never deleted;
- a new context: an empty entry, unless the very same source text just left another context (a
  moved paragraph), whose translation is then offered as fuzzy with the previous context.

Contexts are stable ids, so unlike msgmerge there is no similarity guessing: a fuzzy suggestion
taken from a different sentence is too easy to ship by mistake in patient material. Only a rename
the content lead declared (``renamed_from:`` in the procedure) moves a translation without fuzzying
it, and only when the source text is the same: the reviewer signed off that text and that
translation, so the sign-off is re-keyed to the new context.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polib

from ..locales import LocaleInfo
from ..review.signoff import carry_sign_off
from .header import get_field, set_field
from .hints import Hint, with_hints
from .states import forms_of, has_translation

Key = tuple[str | None, str]


@dataclass(frozen=True)
class MergeSummary:
    kept: int
    fuzzied: tuple[str, ...]
    new: tuple[str, ...]
    obsoleted: tuple[str, ...]
    resurrected: tuple[str, ...]


def _copy_translation(target: polib.POEntry, source: polib.POEntry, nplurals: int) -> None:
    if target.msgid_plural:
        old = source.msgstr_plural if source.msgid_plural else {0: source.msgstr}
        target.msgstr_plural = {i: old.get(i, "") for i in range(nplurals)}
    else:
        target.msgstr = source.msgstr if not source.msgid_plural else source.msgstr_plural.get(0, "")


def _live_by_context(catalog: polib.POFile, pot: polib.POFile) -> tuple[dict[str | None, polib.POEntry],
                                                                        list[polib.POEntry]]:
    """The one live entry per context, and the other live entries of a context held twice (a bad git
    merge leaves such catalogs; msgfmt accepts them when the msgids differ).

    The entry made for the template's current source wins; failing that, a translated one that is
    not fuzzy, then the first in the file. The others become obsolete, so that no
    translation is lost and the choice stays visible to the translator."""
    sources = {e.msgctxt: (e.msgid, e.msgid_plural) for e in pot}
    by_context: dict[str | None, list[polib.POEntry]] = {}
    for entry in catalog:
        if not entry.obsolete:
            by_context.setdefault(entry.msgctxt, []).append(entry)
    live: dict[str | None, polib.POEntry] = {}
    doubles: list[polib.POEntry] = []
    for context, entries in by_context.items():
        source = sources.get(context)
        # sorted is stable: the first in the file wins a tie
        ordered = sorted(entries, key=lambda e: ((e.msgid, e.msgid_plural) != source, not has_translation(forms_of(e)),
                                                 "fuzzy" in e.flags))
        live[context] = ordered[0]
        doubles += ordered[1:]
    return live, doubles


def _retire(result: polib.POFile, entries: list[polib.POEntry]) -> list[str]:
    """Keep the entries that hold a translation as obsolete (``#~``); return their contexts."""
    retired = []
    for entry in entries:
        if has_translation(forms_of(entry)):
            entry.obsolete = True
            entry.occurrences = []
            result.append(entry)
            retired.append(entry.msgctxt or "")
    return retired


Entries = Mapping[str | None, polib.POEntry]


def _declared_move(source: polib.POEntry, renames: Mapping[str, str], live: Entries, dead: Entries,
                   template_contexts: set[str | None]) -> polib.POEntry | None:
    """The translated entry a declared rename moved to ``source``'s context, if any: from the old
    context, live or already obsolete (an update that ran before the declaration)."""
    old_ctx = renames.get(source.msgctxt or "")
    if old_ctx is None or old_ctx in template_contexts:
        return None
    current = live.get(source.msgctxt)
    if current is not None and has_translation(forms_of(current)) and not (
            "fuzzy" in current.flags and current.previous_msgctxt == old_ctx):
        return None  # translated at its new context since: that work stands
    old = live.get(old_ctx) or dead.get(old_ctx)
    if old is None or "fuzzy" in old.flags or bool(old.msgid_plural) != bool(source.msgid_plural):
        return None
    return old if has_translation(forms_of(old)) else None


def _revives(source: polib.POEntry, live: polib.POEntry | None, dead: polib.POEntry | None) -> bool:
    """Whether the obsolete entry of ``source``'s context comes back: when nothing live holds the
    context, or when it was made for the very source the template has again and the live one was
    not (a sentence restored after a tool such as msgmerge left the old one obsolete and a new
    entry beside it). The live entry then becomes obsolete in its place, so no key is written twice."""
    if dead is None:
        return False
    if live is None:
        return True
    restored = (dead.msgid, dead.msgid_plural) == (source.msgid, source.msgid_plural)
    return restored and (live.msgid, live.msgid_plural) != (source.msgid, source.msgid_plural)


def _header(catalog: polib.POFile, pot: polib.POFile, locale: LocaleInfo) -> polib.POFile:
    result = polib.POFile(wrapwidth=79)
    result.header = catalog.header
    result.metadata = catalog.metadata.copy()  # each field kept as the translator's tool wrote it
    result.metadata_is_fuzzy = catalog.metadata_is_fuzzy
    created = get_field(pot.metadata, "POT-Creation-Date")
    if created is not None:
        set_field(result.metadata, "POT-Creation-Date", created)
    set_field(result.metadata, "Plural-Forms", locale.plural_forms)
    return result


def _take_moved(entry: polib.POEntry, moved: polib.POEntry, nplurals: int) -> bool:
    """Carry a translation a declared rename moved; True when the text is unchanged (sign-off kept)."""
    _copy_translation(entry, moved, nplurals)
    if (moved.msgid, moved.msgid_plural) == (entry.msgid, entry.msgid_plural):
        entry.tcomment = carry_sign_off(moved, entry)
        return True
    entry.tcomment = moved.tcomment or ""  # renamed and rewritten: the translation is a suggestion
    entry.flags.append("fuzzy")
    entry.previous_msgctxt = moved.msgctxt
    entry.previous_msgid = moved.msgid
    return False


def _carry(entry: polib.POEntry, old: polib.POEntry, source: polib.POEntry, nplurals: int) -> str:
    """Carry ``old``'s translation into the new entry for ``source``: "kept" when the source is the
    same, "fuzzy" when it changed (the translation stays, marked, with the previous source), "new"
    when there was nothing to carry."""
    entry.tcomment = old.tcomment or ""
    _copy_translation(entry, old, nplurals)
    was_fuzzy = "fuzzy" in old.flags
    if old.msgid == source.msgid and old.msgid_plural == source.msgid_plural:
        if was_fuzzy or old.obsolete:
            entry.flags.append("fuzzy")
            entry.previous_msgid = old.previous_msgid
            entry.previous_msgctxt = old.previous_msgctxt
        return "kept"
    if not has_translation(forms_of(old)):
        return "new"
    entry.flags.append("fuzzy")
    entry.previous_msgid = old.previous_msgid if (was_fuzzy and old.previous_msgid) else old.msgid
    if old.msgid_plural or source.msgid_plural:
        entry.previous_msgid_plural = old.msgid_plural or None
    return "fuzzy"


def merge(catalog: polib.POFile, pot: polib.POFile, locale: LocaleInfo,
          hints: Mapping[Key, list[Hint]] | None = None,
          regenerated: frozenset[str] = frozenset({"term"}),
          renames: Mapping[str, str] | None = None) -> tuple[polib.POFile, MergeSummary]:
    """Return a new catalog: ``pot``'s entries with ``catalog``'s translations carried over.

    ``hints`` are the pipeline's guidance per entry (e.g. termbase terms), written as marked
    translator comments; earlier hints of the ``regenerated`` kinds are replaced by them.
    ``renames`` are the declared renames, new context -> old context.
    """
    live, doubles = _live_by_context(catalog, pot)
    dead: dict[str | None, polib.POEntry] = {}
    dead_rest: list[polib.POEntry] = []
    for e in catalog:
        if e.obsolete and e.msgctxt not in dead:
            dead[e.msgctxt] = e
        elif e.obsolete:
            dead_rest.append(e)
    template_contexts = {e.msgctxt for e in pot}
    leaving_by_msgid: dict[str, polib.POEntry] = {}
    for ctx, entry in live.items():
        if ctx not in template_contexts and has_translation(forms_of(entry)) and "fuzzy" not in entry.flags:
            leaving_by_msgid.setdefault(entry.msgid, entry)

    result = _header(catalog, pot, locale)

    kept = 0
    fuzzied: list[str] = []
    new: list[str] = []
    resurrected: list[str] = []
    displaced: list[polib.POEntry] = []
    for source in pot:
        entry = polib.POEntry(msgctxt=source.msgctxt, msgid=source.msgid,
                              msgid_plural=source.msgid_plural, msgstr="",
                              occurrences=list(source.occurrences), flags=[])
        entry.comment = source.comment
        if source.msgid_plural:
            entry.msgstr_plural = {i: "" for i in range(locale.nplurals)}
        moved_by_rename = _declared_move(source, renames or {}, live, dead, template_contexts)
        old = live.get(source.msgctxt)
        if moved_by_rename is not None:
            if _take_moved(entry, moved_by_rename, locale.nplurals):
                kept += 1
            else:
                fuzzied.append(source.msgctxt)
            entry.flags += [f for f in source.flags if f != "fuzzy"]
            entry.tcomment = with_hints(entry.tcomment, (hints or {}).get((source.msgctxt, source.msgid), []),
                                        regenerated)
            result.append(entry)
            continue
        if _revives(source, old, dead.get(source.msgctxt)):
            if old is not None:
                displaced.append(old)
            old = dead.pop(source.msgctxt)
            resurrected.append(source.msgctxt)
        format_flags = [f for f in source.flags if f != "fuzzy"]
        if old is not None:
            outcome = _carry(entry, old, source, locale.nplurals)
            if outcome == "kept":
                kept += 1
            else:
                (fuzzied if outcome == "fuzzy" else new).append(source.msgctxt)
        elif source.msgid in leaving_by_msgid:
            moved = leaving_by_msgid[source.msgid]
            _copy_translation(entry, moved, locale.nplurals)
            entry.flags.append("fuzzy")
            entry.previous_msgctxt = moved.msgctxt
            entry.previous_msgid = moved.msgid
            fuzzied.append(source.msgctxt)
        else:
            new.append(source.msgctxt)
        entry.flags += format_flags
        entry.tcomment = with_hints(entry.tcomment, (hints or {}).get((source.msgctxt, source.msgid), []),
                                    regenerated)
        result.append(entry)

    leaving = [e for ctx, e in live.items() if ctx not in template_contexts]
    obsoleted = _retire(result, [*leaving, *doubles, *displaced])
    for entry in [*dead.values(), *dead_rest]:
        result.append(entry)
    # Keep obsolete entries in a stable order: by context, so repeated runs write the same bytes.
    live_entries = [e for e in result if not e.obsolete]
    obsolete_entries = sorted((e for e in result if e.obsolete), key=lambda e: (e.msgctxt or "", e.msgid))
    result[:] = live_entries + obsolete_entries
    return result, MergeSummary(kept, tuple(fuzzied), tuple(new), tuple(obsoleted), tuple(resurrected))
