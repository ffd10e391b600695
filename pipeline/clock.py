"""Dates the pipeline records. Generated files never carry wall-clock time: a build timestamp
comes only from SOURCE_DATE_EPOCH, so the same inputs give the same bytes."""

from __future__ import annotations

import os
import time

from .errors import InputError


def review_date() -> str:
    """The date a review action records: from SOURCE_DATE_EPOCH when set, else today (UTC)."""
    stamp = source_date()
    return stamp[:10] if stamp else time.strftime("%Y-%m-%d", time.gmtime())


def source_date() -> str | None:
    """The build timestamp for generated headers, only ever from SOURCE_DATE_EPOCH."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if not raw:
        return None
    try:
        stamp = int(raw)
    except ValueError:
        raise InputError(f"SOURCE_DATE_EPOCH={raw!r} is not a whole number of seconds") from None
    return time.strftime("%Y-%m-%d %H:%M+0000", time.gmtime(stamp))
