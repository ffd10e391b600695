"""Atomic file output: a reader never sees a half-written file."""

from __future__ import annotations

import ctypes
import errno
import glob
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

FILE_MODE = 0o644
FOLDER_MODE = 0o755
# What `tempfile.mkstemp` names our temporary files: ".<name>.<8 random characters>.tmp".
_TEMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


def destination(path: Path) -> Path:
    """Where writing ``path`` must land: the final target of a symlink (a catalog shared from
    elsewhere stays shared), else the path itself."""
    return path.resolve() if path.is_symlink() else path


def make_folders(folder: Path) -> None:
    """Create ``folder`` and whichever of its parents are missing, each FOLDER_MODE whatever the
    umask, as every file is FILE_MODE: a web server or another account reading `dist/` or a
    locale's memory folder must be able to enter it."""
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    for created in reversed(missing):
        try:
            created.mkdir()
        except FileExistsError:
            continue  # made meanwhile by another process: its mode is its own
        os.chmod(created, FOLDER_MODE)


@contextmanager
def naming(path: Path) -> Iterator[None]:
    """Re-raise an OSError as one about ``path``: a full disk fails in `write()`, which names no
    file, and a failed rename names our temporary file, which the user never heard of."""
    try:
        yield
    except OSError as exc:
        if exc.filename == str(path) and exc.filename2 is None:
            raise
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc


_HINTS = {
    errno.ENOSPC: "free some disk space and run the command again",
    errno.EDQUOT: "free some space within your disk quota and run the command again",
    errno.EISDIR: "a folder is where a file should be: move the folder away and run the command again",
    errno.ENOTDIR: "a file is where a folder should be: move the file away and run the command again",
    errno.EACCES: "check the owner and permissions of the file and its folder",
    errno.EPERM: "check the owner and permissions of the file and its folder",
    errno.EROFS: "the file system is read-only: work in a writable copy",
    errno.ENOENT: "check that the path exists",
    errno.ELOOP: "a symbolic link points in a circle: fix the link",
}


def describe_os_error(exc: OSError) -> str:
    """One line for the user: the file, what went wrong and what to do."""
    what = exc.strerror or str(exc)
    hint = _HINTS.get(exc.errno or 0, "check the file and run the command again")
    where = exc.filename if exc.filename is not None else "(file unknown)"
    return f"{where}: {what}: {hint}"


def remove_temp_files(folder: Path, name: str = "*") -> None:
    """Remove the temporary files a killed write left in ``folder`` (of ``name`` only, if given).
    Only call it while holding the repository lock: otherwise they may be another run's."""
    for path in folder.glob(f".{name if name == '*' else glob.escape(name)}.*.tmp"):
        if _TEMP_NAME.fullmatch(path.name) and path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes, durable: bool = True) -> bool:
    """Write ``data`` to ``path`` through a same-directory temp file, fsync and ``os.replace``.

    Returns False (and touches nothing) when the file already holds exactly these bytes,
    so unchanged files keep their modification time. ``durable=False`` skips the fsync, for
    caches whose entries are verified when read.
    """
    try:
        status = os.stat(path)
    except FileNotFoundError:
        pass
    else:  # only a regular file is read to compare (`write_atomic_chunks` refuses the others)
        if stat.S_ISREG(status.st_mode) and status.st_size == len(data) and path.read_bytes() == data:
            return False
    write_atomic_chunks(path, (data,), durable)
    return True


def _refuse_special(path: Path, mode: int) -> None:
    """A pipe, a device or a socket is never read to compare nor replaced by a regular file
    (`--out /dev/zero` would be read without end, and replacing a device node breaks the system)."""
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise InputError("not a regular file (a pipe, a device or a socket): name a file to write", str(path))


def write_atomic_chunks(path: Path, chunks: Iterable[bytes], durable: bool = True) -> None:
    """Like `write_atomic`, for output too large to hold twice: the chunks are written as they
    come, and the file appears whole or not at all (always replaced). A symlink is written
    through: its target is replaced, from a temporary file beside the target."""
    with naming(path):
        target = destination(path)
        try:
            _refuse_special(path, os.stat(target).st_mode)
        except FileNotFoundError:
            pass
        make_folders(target.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in chunks:
                    handle.write(chunk)
                handle.flush()
                if durable:
                    os.fsync(handle.fileno())
            os.chmod(tmp, FILE_MODE)
            os.replace(tmp, target)
        except BaseException:
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
            raise


# --- writing a tree atomically ------------------------------------------------------------------

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories (Linux renameat2); False when the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))


def write_file(path: Path, data: bytes) -> None:
    make_folders(path.parent)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, FILE_MODE)


def _remove(path: Path) -> None:
    """Remove a file, a folder or a link (never what a link points to)."""
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def remove_staging(out: Path) -> None:
    """Remove what a killed `replace_tree` of ``out`` left beside it (staging and old trees)."""
    for leftover in [*out.parent.glob(f".{out.name}.new-*"), out.with_name(f".{out.name}.old")]:
        _remove(leftover)


def replace_tree(out: Path, files: dict[str, bytes], write: Callable[[Path, bytes], None] = write_file) -> None:
    """Write ``files`` into a new directory beside ``out`` and swap it in whole. If anything fails
    or the process is killed, ``out`` is left exactly as it was. When ``out`` is a symlink, the
    folder it points to is replaced and the link is kept (a web server may serve the target)."""
    remove_staging(out)  # an earlier run that was killed, or that swapped a link away
    target = out.resolve() if out.is_symlink() else out
    with naming(out):
        make_folders(target.parent)
        remove_staging(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        for rel, data in sorted(files.items()):
            with naming(out / rel):
                write(staging / rel, data)
        with naming(out):
            for directory in [staging, *(p for p in staging.rglob("*") if p.is_dir())]:
                os.chmod(directory, 0o755)
            _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _swap(staging: Path, target: Path) -> None:
    if not target.exists():
        os.rename(staging, target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging)
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    os.rename(target, old)
    os.rename(staging, target)
    shutil.rmtree(old)


# Far above any content, review sheet or exchange file: a bound keeps `import /dev/zero` (or a
# pipe that never ends) from reading until memory runs out.
INPUT_LIMIT = 256 << 20


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def not_regular(mode: int) -> str | None:
    """What a file of ``mode`` is when it is not a regular file ("a named pipe"...), else None."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "not a file")


def _refuse_kind(name: str, what: str) -> InputError:
    return InputError(f"not a regular file ({what}): the pipeline reads only regular files here; move it away "
                      "and put the file itself in its place", name)


def read_input(path: Path, name: str, missing: str | None = None, special: bool = False) -> bytes:
    """The bytes of an input file, or an InputError naming it (``name``, as the user knows it) with
    what went wrong; ``missing`` is what to say when the file does not exist.

    A content file (a catalog, a template, a procedure, the termbase...) must be a regular file:
    a named pipe would be waited on for ever, a socket or a folder cannot be read, and a device
    is never content. It is opened without waiting (O_NONBLOCK, which changes nothing for a
    regular file) and refused with one line. ``special`` lets a file the user names on the
    command line be a pipe or a device (`import <(curl ...)`), read up to the bound."""
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | (0 if special else os.O_NONBLOCK)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if missing is not None and isinstance(exc, FileNotFoundError):
            raise InputError(missing, name) from None
        _refuse_special_path(path, name)
        raise InputError(f"cannot read: {exc.strerror}", name) from None
    status = os.fstat(fd)
    what = not_regular(status.st_mode)
    if what is not None and (not special or stat.S_ISDIR(status.st_mode)):
        os.close(fd)
        raise _refuse_kind(name, what)
    with os.fdopen(fd, "rb") as handle:
        try:
            data = _read_bounded(handle, status)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", name) from None
    if len(data) > INPUT_LIMIT:
        raise InputError(f"larger than {INPUT_LIMIT >> 20} MiB, which no input of the pipeline is: "
                         "check that this is the file you meant", name)
    return data


def _refuse_special_path(path: Path, name: str) -> None:
    """After a failed open: refuse a socket (whose open fails with ENXIO) as not a regular file."""
    try:
        what = not_regular(os.stat(path).st_mode)
    except OSError:
        return
    if what is not None:
        raise _refuse_kind(name, what)


def _read_bounded(handle: BinaryIO, status: os.stat_result) -> bytes:
    if stat.S_ISREG(status.st_mode) and status.st_size <= INPUT_LIMIT:
        return handle.read()
    return handle.read(INPUT_LIMIT + 1)  # too large, or a pipe or a device, whose size says nothing
