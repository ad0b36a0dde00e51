"""The library: which database the window shows, and what comes in and goes out of it.
Opening a database or a corpus folder, importing files, exporting annotations, the
user's name (Preferences), the check and backup on opening, and following what other
programs change in the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from reader.domain.documents import ImportAction
from reader.paths import corpus_database
from reader.store import Store, StoreError
from reader.ui.annotating.tags import TagsController
from reader.ui.reading.controller import ReadingController
from reader.ui.shell.actions import Actions
from reader.ui.shell.dialog_parts import documents_folder, file_dialog
from reader.ui.shell.first_paint import after_first_paint
from reader.ui.shell.session import Session
from reader.ui.shell.settings import ANNOTATOR, EXPORT_FOLDER
from reader.ui.shell.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:  # the window is only a type here: it is built of the features' widgets
    from reader.ui.library.export_dialog import ExportDialog
    from reader.ui.library.preferences import PreferencesDialog
    from reader.ui.main_window import MainWindow

# How often the window asks SQLite whether another program changed the database.
LOOK_FOR_CHANGES_MS = 1000
DATABASE_FILES = QT_TRANSLATE_NOOP("Library", "Reader databases (*.sqlite *.db *.sqlite3);;All files (*)")


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    # A folder's files of types Reader does not read: listed, but no failure of the import.
    left_out: list[str] = field(default_factory=list)
    left_out_count: int = 0

    def summary(self) -> str:
        """One line: "Imported 3 document(s), 1 updated, 2 skipped (the first's reason; …)"."""
        parts = [translate("Library", "Imported %n document(s)", None, self.added)]
        if self.updated:
            parts.append(translate("Library", "%n updated", None, self.updated))
        if self.unchanged:
            parts.append(translate("Library", "%n already there", None, self.unchanged))
        if self.skipped:
            first = self.skipped[0] + ("; …" if len(self.skipped) > 1 else "")
            parts.append(translate("Library", "%n skipped ({first})", None, len(self.skipped)).format(first=first))
        if self.left_out:
            parts.append(
                translate("Library", "%n other file(s) left out ({first})", None, self.left_out_count).format(
                    first="; ".join(self.left_out)
                )
            )
        return ", ".join(parts)


class LibraryController(QObject):
    backupFinished = Signal(str)  # the one-line problem, or "" (emitted from the backup thread)

    def __init__(
        self,
        session: Session,
        actions: Actions,
        window: MainWindow,
        reading: ReadingController,
        tags: TagsController,
    ):
        super().__init__(window)
        self.session = session
        self.window = window
        self.reading = reading
        self.tags = tags
        self.documents = window.documents
        self._closed = False
        actions.bind("OpenFolder", self.choose_corpus_folder)
        actions.bind("OpenDatabase", self.choose_database)
        actions.bind("ImportFiles", self.choose_files_to_import)
        actions.bind("Export", self.export)
        actions.bind("Preferences", self.edit_preferences)
        window.closing.connect(self.close)
        window.documents.view.filesDropped.connect(self.import_paths)
        self.backupFinished.connect(self._backup_finished)
        self._change_watch = QTimer(self)
        self._change_watch.setInterval(LOOK_FOR_CHANGES_MS)
        self._change_watch.timeout.connect(self.look_for_changes)
        self._change_watch.start()

    # ----- the database -----

    def load(self, store: Store) -> None:
        """Show ``store``: its tags, its documents, nothing open yet."""
        self.session.store = store
        self.session.undo_stack.clear()
        self.reading.show_nothing_open()
        self.tags.reload()
        self.reading.show_documents()
        self.window.corpus_search.set_search(self.reading.search)
        self.window.setWindowTitle(translate("Library", "Reader — {name}").format(name=store.path.name))
        self.reading.show_summary()
        self._show_identity()
        self.session.databaseLoaded.emit()
        if store.read_only:
            self.window.say(
                translate("Library", "{path} is read-only: you can read and export, not annotate").format(
                    path=store.path
                ),
                problem=True,
            )
        else:
            # Checked and copied aside on a thread, so a large file does not hold up the window,
            # and from its first frame on: on two cores the thread took the frame's time.
            store.check_in_background(back_up=True, done=self.backupFinished.emit, start=False)
            if self.window.isVisible():
                store.start_check()
            else:
                after_first_paint(self.window, store.start_check)

    def _backup_finished(self, problem: str) -> None:
        if not problem or self._closed:
            return
        if self.session.store.damage:
            self.reading.show_summary()
            self.window.problem(
                translate("Library", "Opened read-only, to read and export, not to annotate: {reason}").format(
                    reason=self.session.store.damage
                ),
                dialog=True,
            )
        else:
            self.window.say(translate("Library", "Warning: {reason}").format(reason=problem), problem=True)

    def look_for_changes(self) -> None:
        """Show what another program changed in the database: rows (a command line, another
        window, a merge), or the whole of it (a restore), after which undo starts afresh."""
        if self._closed:
            return
        try:
            change = self.session.store.changed_elsewhere()
        except StoreError as error:
            self.window.problem(str(error))
            return
        if change == "schema":
            self.reload()
            self.window.say(
                translate(
                    "Library",
                    "The database was replaced by another program (a restore?); "
                    "this is what it holds now, and undo starts afresh",
                ),
                problem=True,
            )
        elif change == "data":
            self.refresh()

    def open_database(self, path: Path, corpus: Path | None = None) -> bool:
        """Switch the window to the database at ``path`` (importing ``corpus`` into it)."""
        try:
            store = Store.open(path, create=corpus is not None)
        except StoreError as error:
            self.window.problem(str(error), dialog=True)
            return False
        self.reading.remember_place()
        self.session.settings.sync()
        previous = self.session.store
        self.load(store)
        previous.close()
        if corpus is not None:
            self.import_paths([corpus])
        self.reading.restore_last_document()
        return True

    def reload(self) -> None:
        """Show what the database holds now (another connection changed it): tags, documents,
        the open document at the same place. Undo starts afresh: its steps may no longer fit."""
        session = self.session
        current = session.document.id if session.document is not None else None
        self.reading.remember_place()
        session.undo_stack.clear()
        session.store.changed_elsewhere()  # what is shown now is what was seen
        self.tags.reload()
        self.reading.show_documents()
        if current is not None and self.documents.model.has_document(current):
            self.reading.reopen_document(current)
        else:
            self.reading.show_nothing_open()
        self.reading.show_summary()
        session.databaseLoaded.emit()

    def refresh(self) -> None:
        """Show what another connection changed, keeping the open document, the caret, the
        selection and undo (a step that no longer fits is refused when it is taken)."""
        self.tags.reload()
        self.reading.show_documents()
        document = self.session.document
        if document is None:
            self.documents.show_document(None)
        elif not self.documents.model.has_document(document.id):
            self.reading.show_nothing_open()
        else:
            self.reading.show_stored_annotations()
            self.documents.show_document(document.id)
        self.reading.show_summary()
        self.session.databaseLoaded.emit()

    def choose_corpus_folder(self) -> None:
        folder = file_dialog().getExistingDirectory(
            self.window, translate("Library", "Open Corpus Folder"), documents_folder()
        )
        if folder:
            self.open_database(corpus_database(Path(folder)), corpus=Path(folder))

    def choose_database(self) -> None:
        path, _ = file_dialog().getOpenFileName(
            self.window,
            translate("Library", "Open Database"),
            str(self.session.store.path.parent),
            translate("Library", DATABASE_FILES),
        )
        if path:
            self.open_database(Path(path))

    def close(self) -> None:
        """Remember where the reader was; the store has nothing unsaved."""
        if self._closed:
            return
        self._closed = True
        self.reading.remember_window()
        self._change_watch.stop()
        # Nothing shown is left to act on the closed database (a list's current row may still
        # change as the window goes).
        self.reading.show_nothing_open()
        self.session.store.close()

    # ----- importing and exporting -----

    def choose_files_to_import(self) -> None:
        from reader.domain.corpus import DOCUMENT_SUFFIXES

        paths, _ = file_dialog().getOpenFileNames(
            self.window,
            translate("Library", "Import Files"),
            documents_folder(),
            translate("Library", "Documents ({patterns});;All files (*)").format(
                patterns=" ".join(f"*{suffix}" for suffix in DOCUMENT_SUFFIXES)
            ),
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> ImportReport:
        from reader.domain.corpus import SkippedFile  # with the readers of files, on the first import

        report = ImportReport()
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            for item in self.session.store.import_files(paths):
                if isinstance(item, SkippedFile) and item.unsupported:
                    report.left_out.append(f"{item.path.name}: {item.reason}")
                    report.left_out_count += item.unsupported
                    continue
                if isinstance(item, SkippedFile):
                    report.skipped.append(f"{item.path.name}: {item.reason}")
                    continue
                _, outcome = item
                if outcome.action == ImportAction.ADDED:
                    report.added += 1
                elif outcome.action == ImportAction.UPDATED:
                    report.updated += 1
                else:
                    report.unchanged += 1
        except StoreError as error:
            report.skipped.append(str(error))
        finally:
            QApplication.restoreOverrideCursor()
        if report.updated:
            # Offsets held by undo commands may point into the old texts.
            self.session.undo_stack.clear()
        current = self.session.document.id if self.session.document else None
        self.reading.show_documents()
        if current is not None and report.updated:
            self.reading.reopen_document(current)
        else:
            self.documents.show_document(current)
        self.reading.show_summary()
        self.window.say(report.summary(), problem=bool(report.skipped))
        if report.skipped:
            self.window.show_message(translate("Library", "Import"), report.summary(), "\n".join(report.skipped))
        return report

    def export_folder(self) -> Path:
        """Where the export dialog proposes to write: the folder of the last export, while it
        exists, else the user's documents, else the home folder."""
        last = self.session.settings.get(EXPORT_FOLDER)
        return Path(last) if last is not None and Path(last).is_dir() else Path(documents_folder())

    def export(self) -> ExportDialog:
        from reader.ui.library.export_dialog import CHOICES, ExportDialog  # when first used, not at start-up

        suggested = self.export_folder() / f"{self.session.store.path.stem}-annotations{CHOICES[0][3]}"
        dialog = ExportDialog(suggested, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.export_to(*dialog.choice()))
        dialog.open()
        return dialog

    def export_to(self, path: Path, fmt: str, dialect: str) -> int | None:
        from reader.ui.library.export_dialog import (  # when first used, not at start-up
            ExportCancelled,
            export_annotations,
        )

        try:
            count, warning = export_annotations(
                self.session.store.export_rows(),
                path,
                fmt,
                dialect,
                self.documents.model.total_annotations(),
                self.window,
                self.session.store.export_documents(),
                self.session.store.tables_beside_annotations(fmt),
            )
        except ExportCancelled:
            self.window.say(translate("Library", "Export cancelled; nothing was written"))
            return None
        except (OSError, StoreError) as error:
            reason = getattr(error, "strerror", None) or error
            self.window.problem(
                translate("Library", "Could not export to {path}: {reason}").format(path=path, reason=reason),
                dialog=True,
            )
            return None
        self.session.settings.set(EXPORT_FOLDER, str(path.parent.resolve()))
        self.session.settings.sync()
        if warning:
            said = translate("Library", "Exported %n annotation(s) to {path}; warning: {warning}", None, count)
        else:
            said = translate("Library", "Exported %n annotation(s) to {path}", None, count)
        self.window.say(said.format(path=path, warning=warning), problem=bool(warning))
        return count

    # ----- who is annotating -----

    def edit_preferences(self) -> PreferencesDialog:
        from reader.ui.library.preferences import PreferencesDialog  # when first used, not at start-up

        dialog = PreferencesDialog(self.session.annotator, self.session.default_annotator, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.annotatorChosen.connect(self.set_annotator)
        dialog.open()
        return dialog

    def set_annotator(self, name: str) -> None:
        if name == self.session.annotator:
            return
        self.session.annotator = name
        self.session.settings.set(ANNOTATOR, name)
        self.session.settings.sync()
        self._show_identity()
        self.window.say(
            translate("Library", "From now on your annotations and reviews are stored as {name}").format(name=name)
        )

    def _show_identity(self) -> None:
        self.window.status_identity.setText(
            translate("Library", "Annotator: {name}").format(name=self.session.annotator)
        )
