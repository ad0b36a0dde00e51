"""The suggester in a process of its own, so that the window's thread never waits on it.

In a thread of the window's process, loading natasha's models and running its rules held the
interpreter's lock for tens of milliseconds at a time (imports, dictionaries, the collector
walking the models' objects), and the window's frames waited as long. In a child process they
share nothing with the window but the machine's cores. The child is started afresh ("spawn",
never a fork of a process with Qt's threads in it), loads the suggester once and keeps it for
every document it is given, until it is closed."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from importlib import import_module
from typing import Any

from reader import gc_pause
from reader.suggesting.matching import from_annotations
from reader.suggesting.model import MissingSuggester, Suggestion

LOADER = "reader.suggesting.engine:load"  # "module:function" that returns the suggester

_engine: Any = None  # in the child: the loaded suggester, or None without the extra


def _load(loader: str) -> tuple[str, str]:
    """In the child: load the suggester with the cyclic collector paused, then frozen out of its
    passes (gc.freeze; the models live as long as the process). Its version, or how to install it."""
    global _engine
    module, name = loader.split(":")
    gc.disable()
    try:
        _engine = getattr(import_module(module), name)()
    except MissingSuggester as missing:
        return "", str(missing)
    finally:
        gc.freeze()
        gc.enable()
    return str(_engine.version), ""


def _suggest(text: str, annotated: Sequence[tuple[int, int, str]]) -> list[Suggestion]:
    """In the child: what the suggester finds in ``text``, and more of what its annotations tag."""
    found = _engine.suggest(text) if _engine is not None else []
    return found + from_annotations(text, annotated)


class SuggesterProcess:
    """The child process and what it was able to load."""

    def __init__(self, loader: str = LOADER) -> None:
        # The child imports reader.cli too (the __main__ module it is spawned from): it starts no window.
        self._pool = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=gc_pause.resume
        )
        self._loader = loader
        self.version = ""
        self.missing = ""  # how to install the extra, when it is not installed

    def load(self) -> None:
        """Start the child and load the suggester there (about a second); without the extra,
        ``missing`` says how to install it and only the annotators' own spans are suggested."""
        self.version, self.missing = self._pool.submit(_load, self._loader).result()

    def suggest(self, text: str, annotated: Sequence[tuple[int, int, str]]) -> list[Suggestion]:
        return self._pool.submit(_suggest, text, list(annotated)).result()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
