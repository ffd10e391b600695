"""Atomic file output: a reader never sees a half-written file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

FILE_MODE = 0o644


def write_atomic(path: Path, data: bytes, durable: bool = True) -> bool:
    """Write ``data`` to ``path`` through a same-directory temp file, fsync and ``os.replace``.

    Returns False (and touches nothing) when the file already holds exactly these bytes,
    so unchanged files keep their modification time. ``durable=False`` skips the fsync, for
    caches whose entries are verified when read.
    """
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_atomic_chunks(path, (data,), durable)
    return True


def write_atomic_chunks(path: Path, chunks: Iterable[bytes], durable: bool = True) -> None:
    """Like `write_atomic`, for output too large to hold twice: the chunks are written as they
    come, and the file appears whole or not at all (always replaced)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
