"""What the window's actions do (Mu's logic.py): open databases and documents,
annotate through undoable commands, import, export, search, remember places.

It fills the window's widgets but builds none of the main ones; every write
goes through the store, every annotation change through the undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from reader.domain.annotations import Annotation
from reader.domain.corpus import SkippedFile
from reader.domain.spans import snap_to_words, trim_whitespace
from reader.domain.tags import Tag
from reader.paths import corpus_database
from reader.store import Store, StoreError
from reader.domain.documents import Document
from reader.store.review import document_counts
from reader.ui.actions import Actions
from reader.ui.commands import AddAnnotation, DeleteAnnotation, SaveTag, move_edges, retag, set_note
from reader.ui.document_list import DOCUMENT_ID_ROLE, DocumentListModel
from reader.ui.export_dialog import ExportCancelled, ExportDialog, export_annotations
from reader.ui.main_window import MainWindow
from reader.ui.preferences import PreferencesDialog
from reader.ui.reader_view import DEFAULT_POINT_SIZE
from reader.ui.settings import WindowSettings
from reader.ui.tag_editor import TagEditor


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"imported {self.added} document(s)"]
        if self.updated:
            parts.append(f"{self.updated} updated")
        if self.unchanged:
            parts.append(f"{self.unchanged} already there")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped ({self.skipped[0]}{'; …' if len(self.skipped) > 1 else ''})")
        return ", ".join(parts).capitalize()


def fitting(text: str, annotations: list[Annotation]) -> list[Annotation]:
    """The annotations whose offsets still quote their text (a re-import can orphan some)."""
    return [a for a in annotations if 0 <= a.start < a.end <= len(text) and text[a.start : a.end] == a.text]


# How often the window asks SQLite whether another program changed the database.
LOOK_FOR_CHANGES_MS = 1000


class Controller(QObject):
    databaseLoaded = Signal()  # a database was opened, or changed under the window (a merge)
    documentOpened = Signal()
    annotationsChanged = Signal(int)  # the document whose annotations a command changed
    tagsLoaded = Signal()
    backupFinished = Signal(str)  # the one-line problem, or "" (emitted from the backup thread)

    def __init__(
        self,
        window: MainWindow,
        actions: Actions,
        undo_stack: QUndoStack,
        settings: WindowSettings,
        store: Store,
        default_annotator: str,
    ):
        super().__init__(window)
        self.window = window
        self.view = window.reader
        self.panel = window.annotation_panel
        self.documents = window.documents
        self.actions = actions
        self.undo_stack = undo_stack
        self.settings = settings
        self.default_annotator = default_annotator
        self.annotator = settings.annotator() or default_annotator
        self.store = store
        self.tags: list[Tag] = []
        self.document: Document | None = None
        self._closed = False
        self.tag_editor: TagEditor | None = None
        self.last_error: str | None = None
        self._note_from_reader = False
        self.backupFinished.connect(self._backup_finished)
        self._change_watch = QTimer(self)
        self._change_watch.setInterval(LOOK_FOR_CHANGES_MS)
        self._change_watch.timeout.connect(self.look_for_changes)
        self._change_watch.start()

    # ----- the database -----

    def load(self, store: Store) -> None:
        """Show ``store``: its tags, its documents, nothing open yet."""
        self.store = store
        self.undo_stack.clear()
        self._show_nothing_open()
        self._reload_tags()
        self.documents.set_documents(self._documents_or_nothing())
        self.window.corpus_search.set_search(self._search)
        self.window.setWindowTitle(f"Reader — {store.path.name}")
        self._update_summary()
        self._show_identity()
        self.databaseLoaded.emit()
        if store.read_only:
            self.window.say(f"{store.path} is read-only: you can read and export, not annotate", problem=True)
        else:
            # Checked and copied aside on a thread, so a large file does not hold up the window.
            store.check_in_background(back_up=True, done=self.backupFinished.emit)

    def _backup_finished(self, problem: str) -> None:
        if not problem or self._closed:
            return
        if self.store.damage:
            self._update_summary()
            self._problem(f"Opened read-only, to read and export, not to annotate: {self.store.damage}", dialog=True)
        else:
            self.window.say(f"Warning: {problem}", problem=True)

    def look_for_changes(self) -> None:
        """Show what another program changed in the database: rows (a command line, another
        window, a merge), or the whole of it (a restore), after which undo starts afresh."""
        if self._closed:
            return
        try:
            change = self.store.changed_elsewhere()
        except StoreError as error:
            self._problem(str(error))
            return
        if change == "schema":
            self.reload()
            self.window.say(
                "The database was replaced by another program (a restore?); "
                "this is what it holds now, and undo starts afresh",
                problem=True,
            )
        elif change == "data":
            self.refresh()

    def open_database(self, path: Path, corpus: Path | None = None) -> bool:
        """Switch the window to the database at ``path`` (importing ``corpus`` into it)."""
        try:
            store = Store.open(path, create=corpus is not None)
        except StoreError as error:
            self._problem(str(error), dialog=True)
            return False
        self.remember_place()
        self.settings.sync()
        previous = self.store
        self.load(store)
        previous.close()
        if corpus is not None:
            self.import_paths([corpus])
        self.restore_last_document()
        return True

    def reload(self) -> None:
        """Show what the database holds now (another connection changed it): tags, documents,
        the open document at the same place. Undo starts afresh: its steps may no longer fit."""
        current = self.document.id if self.document is not None else None
        self.remember_place()
        self.undo_stack.clear()
        self.store.changed_elsewhere()  # what is shown now is what was seen
        self._reload_tags()
        self.documents.set_documents(self._documents_or_nothing())
        self.document = None
        if current is not None and self.documents.model.row_of(current) is not None:
            self.open_document(current, focus=False)
        else:
            self._show_nothing_open()
        self._update_summary()
        self.databaseLoaded.emit()

    def refresh(self) -> None:
        """Show what another connection changed, keeping the open document, the caret, the
        selection and undo (a step that no longer fits is refused when it is taken)."""
        self._reload_tags()
        self.documents.set_documents(self._documents_or_nothing())
        if self.document is None:
            self.documents.show_document(None)
        elif self.documents.model.row_of(self.document.id) is None:
            self._show_nothing_open()
        else:
            self._show_stored_annotations()
            self.documents.show_document(self.document.id)
        self._update_summary()
        self.databaseLoaded.emit()

    def choose_corpus_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Open Corpus Folder", documents_folder())
        if folder:
            self.open_database(corpus_database(Path(folder)), corpus=Path(folder))

    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            "Open Database",
            str(self.store.path.parent),
            "Reader databases (*.sqlite *.db *.sqlite3);;All files (*)",
        )
        if path:
            self.open_database(Path(path))

    def close(self) -> None:
        """Remember where the reader was; the store has nothing unsaved."""
        if self._closed:
            return
        self._closed = True
        self.remember_place()
        self.settings.set_geometry(self.window.saveGeometry())
        self.settings.set_window_state(self.window.saveState())
        self.settings.set_splitter(self.window.splitter.saveState())
        self.settings.set_font_size(self.view.font_point_size())
        self.settings.set_exact_characters(self.actions["ExactCharacters"].isChecked())
        self.settings.sync()
        self._change_watch.stop()
        self.store.close()

    def restore_window(self) -> None:
        if (geometry := self.settings.geometry()) is not None:
            self.window.restoreGeometry(geometry)
        if (state := self.settings.window_state()) is not None:
            self.window.restoreState(state)
        if (splitter := self.settings.splitter()) is not None:
            self.window.restore_splitter(splitter)
        if (size := self.settings.font_size()) is not None:
            self.view.set_font_point_size(size)
        self.actions["ExactCharacters"].setChecked(self.settings.exact_characters())

    # ----- documents -----

    def restore_last_document(self) -> None:
        """Open the document the user last read here, or the first in the list."""
        last = self.settings.last_document(self.store.path)
        if last is not None and self.documents.model.row_of(last) is not None:
            self.open_document(last)
        elif self.documents.proxy.rowCount():
            self.open_document(self.documents.proxy.index(0, DocumentListModel.TITLE).data(DOCUMENT_ID_ROLE))

    def open_document(self, document_id: int, focus: bool = True) -> None:
        if self.document is not None and self.document.id == document_id:
            if focus:
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            document = self.store.document(document_id)
            stored = self.store.annotations(document_id)
        except StoreError as error:
            self._problem(str(error))
            return
        self.remember_place()
        annotations = fitting(document.text, stored)
        self.document = document
        self.view.set_document(document.text, annotations, self.tags)
        self.panel.model.set_annotations(annotations)
        self.documents.show_document(document_id)
        self._show_heading()
        place = self.settings.place(self.store.path, document_id)
        caret, top = place if place else (0, 0)
        length = len(document.text)
        self.view.set_caret_code_point(min(max(caret, 0), length))
        self.view.scroll_to_code_point(min(max(top, 0), length))
        self.settings.set_last_document(self.store.path, document_id)
        if len(annotations) < len(stored):
            self.window.say(
                f"{len(stored) - len(annotations)} annotation(s) of this document no longer fit its "
                "text (orphaned by a re-import); they are kept in the database",
                problem=True,
            )
        if focus:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.documentOpened.emit()

    def remember_place(self) -> None:
        if self.document is not None:
            self.settings.set_place(
                self.store.path, self.document.id, self.view.caret_code_point(), self.view.first_visible_code_point()
            )

    def _show_nothing_open(self) -> None:
        self.document = None
        self.view.clear_document()
        self.panel.model.set_annotations([])
        self._show_heading()

    def _show_heading(self) -> None:
        if self.document is None:
            self.window.document_heading.setText("No document open")
            self.window.document_details.setText("Pick a document on the left.")
            return
        self.window.document_heading.setText(self.document.title or self.document.name)
        self.window.document_details.setText(f"{self.document.name} · {self.document.length:,} characters")

    # ----- annotating -----

    def selected_annotation(self) -> Annotation | None:
        annotation_id = self.view.selected_annotation_id()
        return None if annotation_id is None else self.panel.model.by_id(annotation_id)

    def apply_tag(self, tag: str) -> None:
        """Tag the selected text, or retag the selected highlight."""
        if self.document is None:
            self.window.say("Open a document first")
            return
        selected = self.selected_annotation()
        selection = self.view.selection_code_points()
        if selection is not None:
            start, end = self._span(*selection)
            if start >= end:
                self.window.say("The selection is only white space; nothing was tagged")
                return
            if selected is None or (selected.start, selected.end) != (start, end):
                self._add(start, end, tag)
                return
        if selected is None:
            self.window.say("Select some text (or click a highlight), then press a tag key")
        elif selected.tag == tag:
            self.window.say(f"That highlight is already tagged {tag}")
        else:
            self.push(retag(self.store, self, selected, tag))

    def _span(self, start: int, end: int) -> tuple[int, int]:
        text = self.document.text
        if self.actions["ExactCharacters"].isChecked():
            return trim_whitespace(text, start, end)
        return snap_to_words(text, start, end)

    def _add(self, start: int, end: int, tag: str) -> None:
        annotation = Annotation(
            document_id=self.document.id,
            start=start,
            end=end,
            text=self.document.text[start:end],
            tag=tag,
            annotator=self.annotator,
        )
        if self.push(AddAnnotation(self.store, self, annotation)):
            self.view.set_caret_code_point(end)
            self.view.select_annotation(annotation.id, scroll=False)

    def delete_selected(self) -> None:
        selected = self.selected_annotation()
        if selected is None:
            self.window.say("Click a highlight first, then press Delete")
            return
        self.push(DeleteAnnotation(self.store, self, selected))

    def edit_note(self) -> None:
        selected = self.selected_annotation()
        if selected is None:
            self.window.say("Click a highlight first, then edit its note")
            return
        self._note_from_reader = self.view.hasFocus()
        self.panel.edit_note(selected.id)

    def set_note(self, annotation_id: str, note: str) -> None:
        annotation = self.panel.model.by_id(annotation_id)
        if annotation is not None and annotation.note != note:
            self.push(set_note(self.store, self, annotation, note))

    def note_edit_finished(self) -> None:
        if self._note_from_reader:
            self._note_from_reader = False
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def move_edge(self, annotation_id: str, edge: str, delta: int) -> None:
        annotation = self.panel.model.by_id(annotation_id)
        if annotation is None or self.document is None:
            return
        start, end = annotation.start, annotation.end
        if edge == "start":
            start += delta
        else:
            end += delta
        if not 0 <= start < end <= len(self.document.text):
            self.window.say("That edge cannot move further")
            return
        self.push(move_edges(self.store, self, annotation, start, end, self.document.text))

    def select_neighbour(self, step: int) -> None:
        """Select the next (step 1) or previous (step -1) shown highlight in text order."""
        annotations = self.panel.visible_annotations()
        if not annotations:
            self.window.say(
                "This document has no annotations yet"
                if not self.panel.model.rowCount()
                else "The filters hide every annotation of this document"
            )
            return
        selected = self.selected_annotation()
        if selected is not None and selected in annotations:
            row = annotations.index(selected) + step
        else:
            caret = self.view.caret_code_point()
            after = [i for i, a in enumerate(annotations) if a.start >= caret]
            row = (
                (after[0] if after else len(annotations))
                if step > 0
                else (after[0] - 1 if after else len(annotations) - 1)
            )
        self.view.select_annotation(annotations[row % len(annotations)].id, scroll=True)

    def choose_annotation(self, annotation_id: str) -> None:
        """The user picked an annotation in the panel: show it in the text."""
        self.view.select_annotation(annotation_id, scroll=True)

    def reader_selection_changed(self, annotation_id: str | None) -> None:
        self.panel.show_annotation(annotation_id)

    def push(self, command: QUndoCommand) -> bool:
        """Run ``command`` through the undo stack; False (and the reason shown) when the store refused it."""
        self.last_error = None
        self.undo_stack.push(command)
        return self.last_error is None

    # ----- what the commands report (commands.Sink) -----

    def annotation_changed(self, annotation: Annotation) -> None:
        self._follow(annotation)
        self.view.upsert_annotation(annotation)
        self.panel.model.upsert(annotation)
        self.view.select_annotation(annotation.id, scroll=True)
        self.panel.show_annotation(annotation.id)  # its row may have moved while it stayed selected
        self._counts_changed(annotation.document_id)

    annotation_added = annotation_changed

    def annotation_removed(self, annotation: Annotation) -> None:
        self._follow(annotation)
        self.view.remove_annotation(annotation.id)
        self.panel.model.remove(annotation.id)
        self._counts_changed(annotation.document_id)

    def _counts_changed(self, document_id: int) -> None:
        # Read back from the counts the database keeps: right after an undo in another document too.
        try:
            self.documents.model.set_counts(document_id, *document_counts(self.store, document_id))
        except StoreError as error:
            self._problem(str(error))
        self._update_summary()
        self.annotationsChanged.emit(document_id)

    def tags_changed(self) -> None:
        self._reload_tags()
        self._show_stored_annotations()

    def _show_stored_annotations(self) -> None:
        """The open document's annotations as the database holds them, the selection kept."""
        if self.document is None:
            return
        try:
            document = self.store.document(self.document.id)
            annotations = fitting(document.text, self.store.annotations(document.id))
        except StoreError as error:
            self._problem(str(error))
            return
        if document.sha256 != self.document.sha256:  # re-imported elsewhere with a new text
            self.document = None
            self.open_document(document.id, focus=False)
            return
        selected = self.view.selected_annotation_id()
        self.view.set_annotations(annotations)
        self.panel.model.set_annotations(annotations)
        if selected is not None:
            self.view.select_annotation(selected, scroll=False)
            self.panel.show_annotation(selected)

    def command_failed(self, message: str) -> None:
        """A command the database refused did nothing: show why, and what the database holds."""
        self.last_error = message
        self._problem(message)
        self._show_stored_annotations()
        if self.document is not None:
            self._counts_changed(self.document.id)

    def _follow(self, annotation: Annotation) -> None:
        # An undo can reach back into another document: open it so the change is seen.
        if self.document is None or self.document.id != annotation.document_id:
            self.open_document(annotation.document_id, focus=False)

    # ----- tags -----

    def _reload_tags(self) -> None:
        try:
            self.tags = self.store.tags()
        except StoreError as error:
            self._problem(str(error))
            return
        tag_actions = self.actions.set_tags(self.tags, self.apply_tag)
        self.window.tag_bar.set_actions(tag_actions, [self.actions["EditTags"]])
        self.view.set_tags(self.tags)
        self.panel.model.set_tags(self.tags)
        if self.tag_editor is not None:
            self.tag_editor.show_tags(self.tags)
        if self.actions.unbound_tag_keys:
            self.window.say(
                "; ".join(
                    f"tag {tag} has no key here: its key is that of {owner}"
                    for tag, owner in self.actions.unbound_tag_keys
                ),
                problem=True,
            )
        self.tagsLoaded.emit()

    def edit_tags(self) -> None:
        if self.tag_editor is None:
            self.tag_editor = TagEditor(self.tags, self.window)
            self.tag_editor.saveRequested.connect(self.save_tag)
            self.tag_editor.finished.connect(self._tag_editor_closed)
        self.tag_editor.show_tags(self.tags)
        self.tag_editor.show()
        self.tag_editor.activateWindow()

    def save_tag(self, tag: Tag, old_name: str | None) -> None:
        before = next((t for t in self.tags if t.name == old_name), None) if old_name is not None else None
        if before == tag:
            return
        if tag.key and (owner := self.actions.owner_of_key(tag.key)):
            if self.tag_editor is not None:
                self.tag_editor.show_problem(f"key {tag.key!r} is already {owner}; choose another")
            return
        if self.push(SaveTag(self.store, self, before, tag)):
            self.window.say(f"Tag {tag.name} saved")
            if self.tag_editor is not None:
                self.tag_editor.show_tags(self.tags, select=tag.name)
        elif self.tag_editor is not None:
            self.tag_editor.show_problem(self.last_error)

    def _tag_editor_closed(self) -> None:
        self.tag_editor.deleteLater()
        self.tag_editor = None

    # ----- the reader's right-click menu -----

    def reader_menu(self, position) -> None:
        if self.view.selection_code_points() is None and self.document is not None:
            code_point = self.view.code_point_at(position)
            under = self.view.annotations_at(code_point) if code_point is not None else []
            if under:
                self.view.select_annotation(under[0].id, scroll=False)
        menu: QMenu = self.view.createStandardContextMenu(position)
        menu.setParent(self.window, menu.windowFlags())
        menu.addSeparator()
        tag_menu = menu.addMenu("Tag as")
        tag_menu.addActions(self.actions.tag_actions)
        for name in ("EditNote", "DeleteAnnotation", None, "ExactCharacters", "Find"):
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions[name])
        menu.popup(self.view.viewport().mapToGlobal(position))
        menu.aboutToHide.connect(menu.deleteLater)

    # ----- importing and exporting -----

    def choose_files_to_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "Import Files", documents_folder(), "Text files (*.txt *.md);;All files (*)"
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> ImportReport:
        report = ImportReport()
        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            for item in self.store.import_files(paths):
                if isinstance(item, SkippedFile):
                    report.skipped.append(f"{item.path.name}: {item.reason}")
                    continue
                _, outcome = item
                if outcome.action == "added":
                    report.added += 1
                elif outcome.action == "updated":
                    report.updated += 1
                else:
                    report.unchanged += 1
        except StoreError as error:
            report.skipped.append(str(error))
        finally:
            QApplication.restoreOverrideCursor()
        if report.updated:
            # Offsets held by undo commands may point into the old texts.
            self.undo_stack.clear()
        current = self.document.id if self.document else None
        self.documents.set_documents(self._documents_or_nothing())
        if current is not None and report.updated:
            self.document = None
            self.open_document(current, focus=False)
        else:
            self.documents.show_document(current)
        self._update_summary()
        self.window.say(report.summary(), problem=bool(report.skipped))
        if report.skipped:
            self.window.show_message("Import", report.summary(), "\n".join(report.skipped))
        return report

    def export(self) -> None:
        suggested = Path(documents_folder()) / f"{self.store.path.stem}-annotations.csv"
        dialog = ExportDialog(suggested, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.export_to(*dialog.choice()))
        dialog.open()

    def export_to(self, path: Path, fmt: str, dialect: str) -> int | None:
        try:
            count = export_annotations(
                self.store.export_rows(), path, fmt, dialect, self.documents.model.total_annotations(), self.window
            )
        except ExportCancelled:
            self.window.say("Export cancelled; nothing was written")
            return None
        except (OSError, StoreError) as error:
            self._problem(f"Could not export to {path}: {getattr(error, 'strerror', None) or error}", dialog=True)
            return None
        self.window.say(f"Exported {count} annotation(s) to {path}")
        return count

    # ----- finding -----

    def open_find_bar(self) -> None:
        selection = self.view.selection_code_points()
        initial = self.view.document_text()[selection[0] : selection[1]] if selection else ""
        self.window.find_bar.open_bar(initial)

    def find(self, query: str, backward: bool = False) -> None:
        found = self.view.find_text(query, backward)
        self.window.find_bar.show_result(found)
        if not found:
            self.window.say(f"“{query}” is not in this document")

    def find_again(self, backward: bool) -> None:
        if not self.window.find_bar.box.text():
            self.open_find_bar()
        else:
            self.find(self.window.find_bar.box.text(), backward)

    def search_corpus(self) -> None:
        self.window.left_tabs.setCurrentIndex(1)
        self.window.corpus_search.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.window.corpus_search.box.selectAll()

    def open_hit(self, document_id: int, query: str) -> None:
        self.open_document(document_id)
        words = query.split()
        if words:
            self.view.set_caret_code_point(0)
            self.view.find_text(words[0])

    def _search(self, query: str):
        try:
            return self.store.search(query)
        except StoreError as error:
            self._problem(str(error))
            return []

    # ----- focus and zoom -----

    def filter_documents(self) -> None:
        self.window.left_tabs.setCurrentIndex(0)
        self.documents.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.documents.filter_box.selectAll()

    def focus_documents(self) -> None:
        self.window.left_tabs.setCurrentIndex(0)
        self.documents.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_reader(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_annotations(self) -> None:
        self.panel.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def zoom_reset(self) -> None:
        self.view.set_font_point_size(DEFAULT_POINT_SIZE)

    # ----- who is annotating -----

    def edit_preferences(self) -> PreferencesDialog:
        dialog = PreferencesDialog(self.annotator, self.default_annotator, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.annotatorChosen.connect(self.set_annotator)
        dialog.open()
        return dialog

    def set_annotator(self, name: str) -> None:
        if name == self.annotator:
            return
        self.annotator = name
        self.settings.set_annotator(name)
        self.settings.sync()
        self._show_identity()
        self.window.say(f"From now on your annotations and reviews are stored as {name}")

    def _show_identity(self) -> None:
        self.window.status_identity.setText(f"Annotator: {self.annotator}")

    # ----- status -----

    def _documents_or_nothing(self):
        try:
            return self.store.documents()
        except StoreError as error:
            self._problem(str(error))
            return []

    def _update_summary(self) -> None:
        model = self.documents.model
        text = f"{self.store.path} · {model.rowCount():,} document(s) · {model.total_annotations():,} annotation(s)"
        if self.store.read_only:
            text += " · read-only"
        self.window.status_summary.setText(text)

    def _problem(self, message: str, dialog: bool = False) -> None:
        self.window.say(message, problem=True)
        if dialog:
            self.window.show_message("Reader", message)


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
