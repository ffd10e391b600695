"""What a cold check starts loading before it imports its checks: the spelling dictionaries of the
locales it checks.

Enchant reads and indexes a dictionary in C without the interpreter (the Arabic one takes a third
of a second), so a thread opens them while the main thread imports the checks' modules and
prepares the run, instead of after; the runner joins the thread before any catalog is checked or
worker is forked, and every worker inherits the dictionaries. This module imports nothing of the
checks, so that the thread starts before them. A run whose checks leave spelling out has opened
the dictionaries for nothing, on a core the imports leave idle.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence


class Loading(threading.Thread):
    """A thread opening the spelling dictionaries of ``posix_ids``, in order."""

    def __init__(self, posix_ids: Sequence[str]) -> None:
        super().__init__(name="dictionaries", daemon=True)
        self.posix_ids = tuple(posix_ids)

    def run(self) -> None:
        from . import speller  # here: the main thread goes on with its own imports meanwhile

        for posix in self.posix_ids:
            try:
                speller.preload(posix)
            except Exception:  # only a head start: the spelling check meets and reports the problem
                continue


def start(posix_ids: Sequence[str]) -> Loading:
    """Start opening the dictionaries of these locales; join the thread before forking."""
    loading = Loading(posix_ids)
    loading.start()
    return loading
