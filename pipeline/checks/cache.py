"""The check cache: results by content hash, in one SQLite file under .pipeline-cache/check/.

A job's result is stored under a key made of everything it depends on (`global_key`: the
package's code, pipeline.yaml, the locale registry, the termbase and the active checks) and its
own input's bytes. Every row carries the SHA-256 of its payload and is used only when it
matches, so a corrupt or edited row is recomputed, never trusted.

A job has three rows: ``KEY`` (its summary and, after a newline, its findings array), ``KEY/text``
(its findings as text report lines) and ``KEY/entries`` (its translations, for the locale-wide
checks).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import CONFIG_FILE, REGISTRY_FILE, TERMBASE_FILE
from ..fsutil import read_input
from ..project import Project
from ..termbase.negation import NEGATION_FILE

if TYPE_CHECKING:  # the engine imports every check: `pipeline check` reads this module before them
    from .engine import ActiveCheck

CACHE_SUBDIR = ".pipeline-cache/check"
RESULTS_FILE = "results.sqlite"
TEXT, ENTRIES = "/text", "/entries"  # suffixes of a job's other rows


def cache_dir(project: Project) -> Path:
    """Where a project's check cache lives."""
    return project.root / CACHE_SUBDIR


def holds_results(directory: Path | None) -> bool:
    """Whether a run with this cache folder (None: without a cache) may find results stored: if
    not, the run is cold and every job runs."""
    return directory is not None and (directory / RESULTS_FILE).exists()


def global_key(project: Project, checks: Sequence[ActiveCheck]) -> str:
    """What every cached result depends on besides its own catalog: the code, the config, the
    locale registry, the termbase, the negation markers, the active checks with their settings and
    what they read outside the project."""
    digest = hashlib.sha256()
    for source in code_files():
        digest.update(source.read_bytes())
    for rel in (CONFIG_FILE, REGISTRY_FILE, TERMBASE_FILE, NEGATION_FILE):
        path = project.root / rel
        digest.update(read_input(path, rel) if path.exists() else b"-")  # bounded: a link to /dev/zero
    digest.update(repr([(c.spec.code, c.severity, sorted(c.options.items())) for c in checks]).encode())
    for check in checks:  # what a check reads outside the project (installed dictionaries)
        if hasattr(check.spec.module, "cache_key"):
            digest.update(check.spec.module.cache_key().encode())
    return digest.hexdigest()


def code_files() -> list[Path]:
    """The package's files whose bytes decide what a check finds: its Python modules, the C
    sources of its compiled modules and its JSON (the schemas)."""
    package = Path(__file__).resolve().parent.parent
    return [path for pattern in ("*.py", "*.c", "*.json") for path in sorted(package.rglob(pattern))]


def job_key(global_digest: str, tag: str, file: str, data: bytes) -> str:
    digest = hashlib.sha256(f"{global_digest}\0{tag}\0{file}\0".encode())
    digest.update(data)  # not prefix + data: that copies every catalog once more
    return digest.hexdigest()


def locale_key(global_digest: str, posix: str, job_keys: Iterable[str]) -> str:
    """The locale-wide checks depend on every catalog of the locale."""
    return hashlib.sha256("\0".join([global_digest, "locale", posix, *job_keys]).encode()).hexdigest()


def read_file(path: str) -> bytes:
    """A file's bytes in four system calls (``open()`` adds a terminal check and seeks). Anything
    but a regular file raises OSError (opened without waiting: a named pipe would block), so that
    `read_input` says what it is."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", path)
        size = status.st_size
        chunks = [os.read(fd, size + 1)]
        while chunks[-1] and sum(map(len, chunks)) <= size:  # a file that grew while read
            chunks.append(os.read(fd, 65536))
        return b"".join(chunks)
    finally:
        os.close(fd)


def split_row(row: bytes | None, fields: frozenset[str]) -> tuple[dict[str, Any] | None, bytes]:
    """A job's cached row: its summary (a JSON object with ``fields``) and its findings array.
    Compact JSON holds no raw newline, so the first one separates them."""
    if row is None:
        return None, b""
    body, newline, array = row.partition(b"\n")
    meta = usable(body, fields)
    if meta is None or not newline or array[:1] != b"[" or array[-1:] != b"]":
        return None, b""
    return meta, array


def usable(body: bytes | None, fields: frozenset[str]) -> dict[str, Any] | None:
    """A cached JSON object with at least ``fields``, or None."""
    if body is None:
        return None
    try:
        value = json.loads(body)
    except ValueError:
        return None
    return value if isinstance(value, dict) and fields <= value.keys() else None


_STALE_BY_KEY = 1000  # more stale rows than this are deleted as a set, not one by one


class ResultCache:
    """Check results by content hash, in one SQLite file under .pipeline-cache/. Each row holds
    the SHA-256 of its payload and is used only when it matches, so a corrupt or edited entry is
    recomputed, never trusted; a database that cannot be opened is replaced."""

    def __init__(self, root: Path | None) -> None:
        self.path = root / RESULTS_FILE if root is not None else None
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection | None:
        if self.path is None:
            return None
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            for _attempt in range(2):
                try:
                    db = sqlite3.connect(self.path)
                    # Large pages: a warm run reads most of the table, which in small pages
                    # costs a system call per page. (A memory map saved no time and multiplied
                    # the resident memory of a warm run.)
                    db.execute("PRAGMA page_size = 65536")
                    # No waiting for the disk at each commit: a cold run stores its results
                    # while the workers go on, and waiting there holds the workers up. The cache
                    # is only ever a shortcut (each row is checked against its digest, a database
                    # that cannot be read is replaced), so a commit lost in a system crash costs
                    # only time.
                    db.execute("PRAGMA synchronous = OFF")
                    db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, digest TEXT, payload BLOB)")
                    self._db = db
                    break
                except sqlite3.DatabaseError:
                    self.path.unlink(missing_ok=True)
        return self._db

    def present(self, keys: list[str]) -> set[str]:
        """Which keys have a row (not yet verified: `get` verifies)."""
        db = self._connect()
        found: set[str] = set()
        if db is None:
            return found
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                found.update(row[0] for row in db.execute(
                    f"SELECT key FROM results WHERE key IN ({','.join('?' * len(chunk))})", chunk))
        except sqlite3.DatabaseError:
            return set()
        return found

    def get_raw(self, key: str) -> bytes | None:
        """A stored document's bytes, only when they match their digest."""
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT digest, payload FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is None or not isinstance(row[1], bytes) or hashlib.sha256(row[1]).hexdigest() != row[0]:
            return None
        return row[1]

    def get_raw_many(self, keys: list[str]) -> dict[str, bytes]:
        """The stored documents of ``keys`` that match their digests."""
        db = self._connect()
        found: dict[str, bytes] = {}
        if db is None:
            return found
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start:start + 500]
                for key, digest, payload in db.execute(
                        f"SELECT key, digest, payload FROM results WHERE key IN ({','.join('?' * len(chunk))})", chunk):
                    if isinstance(payload, bytes) and hashlib.sha256(payload).hexdigest() == digest:
                        found[key] = payload
        except sqlite3.DatabaseError:
            return {}
        return found

    def scan(self, keys: set[str], suffixes: tuple[str, ...]) -> dict[str, bytes]:
        """Like `get_raw_many`, by reading the table once (only the rows whose key ends in one of
        ``suffixes``; keys are 64 hex digits and a suffix): for a whole run, which wants most
        rows, one pass over the table is faster than looking each key up in the index, even though
        it reads rows the run does not want."""
        db = self._connect()
        found: dict[str, bytes] = {}
        if db is None:
            return found
        sha256 = hashlib.sha256
        try:
            for key, digest, payload in db.execute(
                    "SELECT key, digest, payload FROM results WHERE substr(key, 65) IN "
                    f"({','.join('?' * len(suffixes))})", suffixes):
                if key in keys and isinstance(payload, bytes) and sha256(payload).hexdigest() == digest:
                    found[key] = payload
        except sqlite3.DatabaseError:
            return {}
        return found

    def get(self, key: str, fields: frozenset[str] = frozenset({"findings", "silenced", "count"})
            ) -> dict[str, Any] | None:
        """A stored JSON object with at least ``fields``, or None when missing, corrupt or unusable."""
        return usable(self.get_raw(key), fields)

    def put_many(self, items: dict[str, bytes]) -> None:
        """Store JSON documents (already encoded) under their keys."""
        db = self._connect()
        if db is None or not items:
            return
        rows = [(key, hashlib.sha256(body).hexdigest(), body) for key, body in items.items()]
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", rows)
        except sqlite3.DatabaseError:
            pass  # a cache that cannot be written only costs time

    def keep_only(self, keys: Iterable[str]) -> None:
        """Delete every row but those of ``keys`` (and their suffixed rows), so that the cache
        holds one run's results instead of growing with every edit, code or termbase change."""
        db = self._connect()
        if db is None:
            return
        kept = {key + suffix for key in keys for suffix in ("", TEXT, ENTRIES)}
        try:
            # The keys alone come from the primary key's index; usually nothing is stale.
            stale = [(key,) for (key,) in db.execute("SELECT key FROM results") if key not in kept]
            if stale and len(stale) <= _STALE_BY_KEY:  # an edit or two: delete them by key
                with db:
                    db.executemany("DELETE FROM results WHERE key = ?", stale)
            elif stale:  # a code, config or termbase change: everything goes but what was used
                with db:
                    db.execute("CREATE TEMP TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY)")
                    db.execute("DELETE FROM kept")
                    db.executemany("INSERT INTO kept VALUES (?)", ((key,) for key in kept))
                    db.execute("DELETE FROM results WHERE key NOT IN (SELECT key FROM kept)")
        except sqlite3.DatabaseError:
            pass


