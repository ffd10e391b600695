"""Killing a command at any moment loses nothing and leaves nothing behind.

`update`, `review approve`, `build` and `report` run as real processes on a scratch copy of the
content and are killed (SIGKILL: no cleanup handler runs) at seeded random moments. After each
kill: every catalog passes msgfmt --check, no translation or sign-off is lost, and each output
folder is the old tree or the new one, whole. After the next complete run, no temporary file
or staging folder is left. The moments are seeded so that a failure can be replayed.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from pipeline.catalog.po_reader import read_po

from .conftest import REPO, copy_content

SEED = 15
APPROVE = ("review", "approve", "--locale", "vi", "--reviewer", "vi-clinical-review")
LEFTOVER_SUFFIXES = (".tmp",)
LEFTOVER_PREFIXES = (".bundles.", ".report.")


def toggle_every_summary(root: Path) -> None:
    """A source edit that makes `update` rewrite a catalog per locale and procedure."""
    for path in sorted((root / "source/procedures").glob("*.yaml")):
        text = path.read_text("utf-8")
        edited = text.replace("\nsummary: In short, ", "\nsummary: ", 1)
        path.write_text(edited if edited != text else text.replace("\nsummary: ", "\nsummary: In short, ", 1),
                        "utf-8")


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "1767225600", "PIPELINE_LOCK_WAIT": "60"}


def _start(root: Path, args: tuple[str, ...]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "pipeline", "--root", str(root), "-q", *args],
                            env=_environment(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _complete(root: Path, args: tuple[str, ...]) -> float:
    """Run a command to the end; return how long it took."""
    began = time.monotonic()
    process = _start(root, args)
    _, err = process.communicate(timeout=120)
    assert process.returncode in (0, 1), err.decode()
    return time.monotonic() - began


def _writing(root: Path) -> bool:
    """Whether a catalog is being written right now (its temporary file exists)."""
    for folder in root.glob("locales/*/LC_MESSAGES"):
        with os.scandir(folder) as entries:
            if any(e.name.endswith(".tmp") for e in entries):
                return True
    return False


def _kill_at(root: Path, args: tuple[str, ...], delay: float | None) -> bool:
    """Kill the command after ``delay`` seconds, or (None) the moment it is seen writing a
    catalog; return whether it was still running when killed."""
    process = _start(root, args)
    deadline = time.monotonic() + (delay if delay is not None else 60.0)
    while process.poll() is None and time.monotonic() < deadline:
        if delay is None and _writing(root):
            break
        time.sleep(0.0005 if delay is None else 0.01)
    killed = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait()
    return killed


def _tree(folder: Path) -> dict[str, str]:
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _catalogs(root: Path) -> list[Path]:
    return sorted(root.glob("locales/*/LC_MESSAGES/*.po"))


def _work(root: Path) -> tuple[dict[tuple[str, str], str], set[tuple[str, str, str]]]:
    """What people did: each translation by (catalog, context), and each sign-off line."""
    translations: dict[tuple[str, str], str] = {}
    signoffs: set[tuple[str, str, str]] = set()
    for path in _catalogs(root):
        name = path.relative_to(root).as_posix()
        for entry in read_po(path):
            if entry.msgstr:
                translations[(name, entry.msgctxt)] = entry.msgstr
            signoffs |= {(name, entry.msgctxt, line) for line in entry.tcomment.splitlines()
                         if line.startswith("signed-off: ")}
    return translations, signoffs


def _assert_nothing_lost(root: Path, before: tuple[dict[tuple[str, str], str], set[tuple[str, str, str]]]) -> None:
    for path in _catalogs(root):
        checked = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)], check=False,
                                 capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr
    translations, signoffs = _work(root)
    lost = {key: text for key, text in before[0].items() if translations.get(key) != text}
    assert not lost, f"translations lost: {sorted(lost)[:3]}"
    assert before[1] <= signoffs, f"sign-offs lost: {sorted(before[1] - signoffs)[:3]}"


def _leftovers(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob(".*")
                  if ".pipeline-cache" not in p.parts
                  and (p.name.endswith(LEFTOVER_SUFFIXES) or p.name.startswith(LEFTOVER_PREFIXES)))


def _kill_repeatedly(root: Path, args: tuple[str, ...], rng: random.Random, kills: int, longest: float,
                     outputs: tuple[Path, ...] = ()) -> list[dict[str, str]]:
    """Kill ``args`` ``kills`` times at random moments (and, for a command that writes catalogs,
    once mid-write), checking the content after each; return the output trees seen."""
    before = _work(root)
    seen = []
    # within the timed run, with a margin: the same command can run a little faster the next time
    moments: list[float | None] = [rng.uniform(0.2, max(0.2, 0.8 * longest)) for _ in range(kills)]
    killed = 0
    for delay in ([None] if not outputs else []) + moments:
        killed += _kill_at(root, args, delay)
        _assert_nothing_lost(root, before)
        seen += [_tree(out) for out in outputs]
    assert killed, f"{args}: every run ended before its kill: the test proves nothing"
    return seen


def test_sigkill_at_random_moments_loses_nothing_and_leaves_nothing(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    root = copy_content(tmp_path / "content")
    bundles, site = root / "dist/bundles", root / "dist/report"
    took = {"build": _complete(root, ("build",)), "report": _complete(root, ("report",)),
            # timed on a copy: approving here would leave the kills below nothing to approve
            "approve": _complete(copy_content(tmp_path / "probe"), APPROVE)}
    old = {bundles: _tree(bundles), site: _tree(site)}

    # review approve changes catalogs; build and report then have a new tree to swap in
    _kill_repeatedly(root, APPROVE, rng, 1, took["approve"])
    _complete(root, APPROVE)
    assert _leftovers(root) == []
    seen: dict[Path, list[dict[str, str]]] = {}
    for command, out in (("build", bundles), ("report", site)):
        seen[out] = _kill_repeatedly(root, (command,), rng, 2, took[command], (out,))
        _complete(root, (command,))
        assert _leftovers(root) == []
    for out, trees in seen.items():
        new = _tree(out)
        assert new != old[out] and new
        assert all(tree in (old[out], new) for tree in trees), f"{out} was neither the old nor the new tree"

    # source changes: each update has every catalog to rewrite
    killed = 0
    for moment in (None, rng.uniform(0.2, took["build"]), rng.uniform(0.2, took["build"])):
        toggle_every_summary(root)
        _complete(root, ("extract",))
        before = _work(root)
        killed += _kill_at(root, ("update",), moment)
        _assert_nothing_lost(root, before)
    assert killed
    _complete(root, ("update",))
    _assert_nothing_lost(root, before)
    assert _leftovers(root) == []
