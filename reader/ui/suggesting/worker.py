"""Suggesting off the main thread: the suggester is loaded (about a second) and run there, one
document after another, on texts the main thread read before it started; each document's
suggestions go back to the main thread, which alone writes the store. A cancel stops it after
the document it is on."""

from __future__ import annotations

import gc
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal

from reader.suggesting import engine as engines
from reader.suggesting.engine import Suggester
from reader.suggesting.matching import from_annotations
from reader.suggesting.model import MissingSuggester, Suggestion


@dataclass(frozen=True)
class Job:
    """A document to suggest for: its text and its annotations' (start, end, tag), as read before."""

    document_id: int
    name: str
    text: str
    annotated: Sequence[tuple[int, int, str]]


@dataclass(frozen=True)
class Found:
    job: Job
    suggestions: list[Suggestion]
    problem: str = ""  # why the suggester failed on this document ("" when it did not)


class SuggestThread(QThread):
    engineReady = Signal(object, str)  # the loaded suggester (None without the extra), why not ("" if loaded)
    documentDone = Signal(object)  # Found

    def __init__(self, jobs: Sequence[Job], engine: Suggester | None, parent: QObject | None = None):
        super().__init__(parent)
        self.jobs = list(jobs)
        self._engine = engine
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        """Stop after the document being suggested for (thread-safe)."""
        self._cancelled.set()

    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        engine = self._engine
        if engine is None:
            try:
                engine = _load_out_of_the_collectors_way()
            except MissingSuggester as missing:
                self.engineReady.emit(None, str(missing))
            else:
                self.engineReady.emit(engine, "")
        for job in self.jobs:
            if self._cancelled.is_set():
                return
            self.documentDone.emit(_suggested(engine, job))


def _load_out_of_the_collectors_way() -> Suggester:
    """``engines.load()`` with the cyclic collector paused, its objects then frozen out of the
    collector's full passes (gc.freeze): walking the models' objects held the GIL for 50-100 ms
    at a time, and the window stalled as long. The models live as long as the window anyway."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return engines.load()
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _suggested(engine: Suggester | None, job: Job) -> Found:
    """What the suggester finds in the job's text, and more of what its annotations tag."""
    try:
        found = engine.suggest(job.text) if engine is not None else []
        return Found(job, found + from_annotations(job.text, job.annotated))
    except Exception as error:  # one document's failure (a rule's bug) must not end the others
        return Found(job, [], f"{type(error).__name__}: {error}")
