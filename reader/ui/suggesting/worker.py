"""Suggesting off the main thread: a thread hands the documents one after another to the
suggester's own process (reader.suggesting.child), started and loaded by the first run (about a
second) and kept for the next, on texts the main thread read before it started; each
document's suggestions go back to the main thread, which alone writes the store. The thread only
waits on the process, so the window's frames never wait on the suggester. A cancel stops it
after the document it is on."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

if TYPE_CHECKING:  # imported when a run starts: the window's start-up never pays for the suggester
    from reader.suggesting.child import SuggesterProcess
    from reader.suggesting.model import Suggestion


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
    # The suggester's process (None if it could not start), and why it suggests only the
    # annotators' own spans ("" when its extra is installed), or why it could not start.
    engineReady = Signal(object, str)
    documentDone = Signal(object)  # Found

    def __init__(self, jobs: Sequence[Job], engine: SuggesterProcess | None, parent: QObject | None = None):
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
        from reader.suggesting import child

        engine = self._engine
        if engine is None:
            engine = child.SuggesterProcess(child.LOADER)
            try:
                engine.load()
            except Exception as error:  # the process could not start or died while loading
                engine.close()
                self.engineReady.emit(None, f"the suggester could not start ({type(error).__name__}: {error})")
                engine = None
            else:
                self.engineReady.emit(engine, engine.missing)
        for job in self.jobs:
            if self._cancelled.is_set():
                return
            self.documentDone.emit(_suggested(engine, job))


def _suggested(engine: SuggesterProcess | None, job: Job) -> Found:
    """What the suggester finds in the job's text, and more of what its annotations tag; without
    the suggester's process, the annotators' own spans found again, here."""
    from reader.suggesting.matching import from_annotations

    try:
        if engine is None:
            return Found(job, from_annotations(job.text, job.annotated))
        return Found(job, engine.suggest(job.text, job.annotated))
    except Exception as error:  # one document's failure (a rule's bug) must not end the others
        return Found(job, [], f"{type(error).__name__}: {error}")
