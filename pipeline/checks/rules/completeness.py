"""A catalog is translated at least to its locale's threshold.

Untranslated and fuzzy entries both count as missing (a fuzzy translation never ships). The
threshold is `min_translated` (percent of strings) per locale in `pipeline.yaml`, default 100.
The message gives strings and words, because a missing paragraph outweighs a missing title.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...catalog.states import has_translation
from ...catalog.stats import word_count
from ...wording import count
from ..model import Catalog, Entry, LocaleContext, Options

CODE = "W301"
NAME = "completeness"
SEVERITY = "warning"
SCOPE = "catalog"
SAFETY = False
OPTIONS: dict[str, Any] = {}


def check(catalog: Catalog, ctx: LocaleContext, options: Options) -> Iterator[tuple[Entry | None, str]]:
    total = len(catalog.entries)
    done = [e for e in catalog.entries if e.translated]
    fuzzy = sum(1 for e in catalog.entries if e.fuzzy and has_translation(e.forms))
    percent = 100.0 * len(done) / total if total else 100.0
    threshold = float(ctx.settings.get("min_translated", 100))
    if percent + 1e-9 < threshold:
        missing_words = sum(word_count(e.msgid) for e in catalog.entries if not e.translated)
        yield None, (f"{len(done)}/{total} strings translated ({percent:.1f}%, threshold "
                     f"{threshold:g}%): {total - len(done) - fuzzy} untranslated, {fuzzy} fuzzy, "
                     f"{count(missing_words, 'word')} missing")
