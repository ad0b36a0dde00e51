"""Suggest…: the suggester run on the open document or on every document, on a worker thread
(worker.SuggestThread) behind a progress dialog whose Cancel stops it after the document it is
on. The main thread reads the texts before it starts and saves each document's suggestions as
they arrive, one transaction each: what was saved stays when it is cancelled."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from reader.domain.suggestions import SaveReport
from reader.store import Store, StoreError
from reader.ui.shell.session import Session
from reader.ui.shell.translation import translate
from reader.ui.suggesting.worker import Found, Job, SuggestThread

if TYPE_CHECKING:
    from reader.suggesting.child import SuggesterProcess
    from reader.ui.main_window import MainWindow


class SuggestionRunner(QObject):
    finished = Signal()  # a run ended (done, cancelled, or its database closed)

    def __init__(self, session: Session, window: MainWindow, saved: Callable[[int], None]):
        super().__init__(window)
        self.session = session
        self.window = window
        self.saved = saved  # told the id of each document whose suggestions were saved
        self.engine: SuggesterProcess | None = None  # started by the first run, kept for the next
        self.worker: SuggestThread | None = None
        self.progress: QProgressDialog | None = None
        self._store: Store | None = None
        self._total = SaveReport()
        self._done = 0
        self._missing = ""
        self._problems: list[str] = []
        window.closing.connect(self.close)
        session.databaseLoaded.connect(self.stop)

    def running(self) -> bool:
        return self.worker is not None

    def start(self, document_ids: list[int]) -> bool:
        if self.worker is not None or not document_ids:
            return False
        try:
            jobs = [self._job(document_id) for document_id in document_ids]
        except StoreError as error:
            self.window.problem(str(error))
            return False
        self._store, self._total, self._done, self._missing, self._problems = (
            self.session.store,
            SaveReport(),
            0,
            self.engine.missing if self.engine is not None else "",
            [],
        )
        self.worker = SuggestThread(jobs, self.engine, self)
        self.worker.engineReady.connect(self._engine_ready)
        self.worker.documentDone.connect(self._save)
        self.worker.finished.connect(self._finished)
        self.progress = self._progress_dialog(len(jobs))
        self.worker.start()
        return True

    def cancel(self) -> None:
        """Stop after the document being suggested for; what was saved stays."""
        if self.worker is not None:
            self.worker.cancel()
            if self.progress is not None:
                self.progress.setLabelText(translate("Suggesting", "Stopping after this document…"))

    def stop(self) -> None:
        """Cancel and wait for the worker (the window closes, or another database opens)."""
        thread = self.worker
        if thread is not None:
            thread.cancel()
            thread.wait()
            self._finished()

    def close(self) -> None:
        """The window closes: stop, and end the suggester's process."""
        self.stop()
        if self.engine is not None:
            self.engine.close()
            self.engine = None

    def _job(self, document_id: int) -> Job:
        store = self.session.store
        document = store.document(document_id)
        return Job(document.id, document.name, document.text, store.annotated_spans(document.id, rejected=False))

    def _progress_dialog(self, count: int) -> QProgressDialog:
        progress = QProgressDialog(
            translate("Suggesting", "Loading the suggester…"), translate("Suggesting", "Cancel"), 0, count, self.window
        )
        progress.setObjectName("suggestProgress")
        progress.setWindowTitle(translate("Suggesting", "Suggest"))
        progress.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable meanwhile
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.cancel)
        progress.setValue(0)
        progress.show()
        return progress

    def _engine_ready(self, engine: SuggesterProcess | None, missing: str) -> None:
        self.engine, self._missing = engine, missing
        if missing:
            self.window.problem(missing)

    def _save(self, found: Found) -> None:
        if self.session.store is not self._store:
            return  # another database is open now: these ids are not its documents
        job = found.job
        if found.problem:
            self._problems.append(f"{job.name}: {found.problem}")
        try:
            self._total += self.session.store.save_suggestions(job.document_id, found.suggestions)
        except StoreError as error:
            self._problems.append(f"{job.name}: {error}")
        self._done += 1
        if self.progress is not None and self.worker is not None:
            self.progress.setValue(self._done)
            if not self.worker.cancelled():
                self.progress.setLabelText(
                    translate("Suggesting", "Document {number} of {count}: {name}").format(
                        number=self._done, count=len(self.worker.jobs), name=job.name
                    )
                )
        self.saved(job.document_id)

    def _finished(self) -> None:
        thread, self.worker = self.worker, None
        if thread is None:
            return
        thread.wait()
        thread.deleteLater()
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if self.session.store is self._store:
            self._report(len(thread.jobs))
        self._store = None
        self.finished.emit()

    def _report(self, count: int) -> None:
        total = self._total
        said = translate("Suggesting", "%n new suggestion(s)", None, total.added)
        if total.added_by_tag:
            said += " (" + ", ".join(f"{tag} {added}" for tag, added in total.added_by_tag.items()) + ")"
        said += " " + translate("Suggesting", "in {done} of %n document(s)", None, count).format(done=self._done)
        if total.already_there:
            said += "; " + translate("Suggesting", "%n already there", None, total.already_there)
        if self._missing:
            said += "; " + self._missing
        if self._problems:
            said += "; " + "; ".join(self._problems)
        self.window.say(said, problem=bool(self._missing or self._problems))
