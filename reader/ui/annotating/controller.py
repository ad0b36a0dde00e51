"""Annotating: tagging the selection or retagging a highlight, notes, moving a
highlight's edges, going from one highlight to the next, the reader's right-click menu.

It is also the commands' sink (reader.ui.annotating.commands.Sink): after every step, done or
undone, the text, the annotations list and the counts show what the database holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from reader.domain.annotations import Annotation, span_fits
from reader.domain.spans import snap_to_words, trim_whitespace
from reader.store import StoreError
from reader.ui.annotating.commands import AddAnnotation, DeleteAnnotation, move_edges, retag, set_note
from reader.ui.reading.controller import ReadingController
from reader.ui.shell.actions import TAG_PREFIX, Actions
from reader.ui.shell.session import Session
from reader.ui.shell.translation import translate

if TYPE_CHECKING:  # the window is only a type here: it is built of the features' widgets
    from reader.ui.annotating.note_editor import NoteEditor
    from reader.ui.main_window import MainWindow


class AnnotatingController(QObject):
    storedTagsChanged = Signal()  # a command changed the tags in the database

    def __init__(self, session: Session, actions: Actions, window: MainWindow, reading: ReadingController):
        super().__init__(window)
        self.session = session
        self.actions = actions
        self.window = window
        self.reading = reading
        self.view = window.reader
        self.panel = window.annotation_panel
        actions.bind("DeleteAnnotation", self.delete_selected)
        actions.bind("EditNote", self.edit_note)
        actions.bind("NextAnnotation", lambda: self.select_neighbour(1))
        actions.bind("PreviousAnnotation", lambda: self.select_neighbour(-1))
        self.view.annotationSelected.connect(self.reader_selection_changed)
        self.view.edgeMoveRequested.connect(self.move_edge)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self.reader_menu)
        self.panel.annotationChosen.connect(self.choose_annotation)
        self.panel.noteEdited.connect(self.set_note)
        self.panel.noteEditRequested.connect(self.open_note_editor)

    # ----- annotating -----

    def selected_annotation(self) -> Annotation | None:
        annotation_id = self.view.selected_annotation_id()
        return None if annotation_id is None else self.panel.model.by_id(annotation_id)

    def apply_tag(self, tag: str) -> None:
        """Tag the selected text, or retag the selected highlight."""
        if self.session.document is None:
            self.window.say(translate("Annotating", "Open a document first"))
            return
        selected = self.selected_annotation()
        selection = self.view.selection_code_points()
        if selection is not None:
            start, end = self._span(self.session.document.text, *selection)
            if start >= end:
                self.window.say(translate("Annotating", "The selection is only white space; nothing was tagged"))
                return
            if selected is None or (selected.start, selected.end) != (start, end):
                self._add(start, end, tag)
                return
        if selected is None:
            self.window.say(translate("Annotating", "Select some text (or click a highlight), then press a tag key"))
        elif selected.tag == tag:
            self.window.say(translate("Annotating", "That highlight is already tagged {tag}").format(tag=tag))
        else:
            self.session.push(retag(self.session.store, self, selected, tag))

    def _highlight_to_retag(self) -> Annotation | None:
        """The selected highlight a tag would retag; None where it would tag the selected text instead."""
        selected = self.selected_annotation()
        selection = self.view.selection_code_points()
        if selected is None or selection is None or self.session.document is None:
            return selected
        span = self._span(self.session.document.text, *selection)
        return selected if span == (selected.start, selected.end) else None

    def _span(self, text: str, start: int, end: int) -> tuple[int, int]:
        if self.actions["ExactCharacters"].isChecked():
            return trim_whitespace(text, start, end)
        return snap_to_words(text, start, end)

    def _add(self, start: int, end: int, tag: str) -> None:
        document = self.session.document
        assert document is not None
        annotation = Annotation(
            document_id=document.id,
            start=start,
            end=end,
            text=document.text[start:end],
            tag=tag,
            annotator=self.session.annotator,
        )
        if self.session.push(AddAnnotation(self.session.store, self, annotation)):
            self.view.set_caret_code_point(end)  # annotation_added has selected it

    def delete_selected(self) -> None:
        selected = self.selected_annotation()
        if selected is None:
            self.window.say(translate("Annotating", "Click a highlight first, then press Delete"))
            return
        self.session.push(DeleteAnnotation(self.session.store, self, selected))

    def edit_note(self) -> None:
        selected = self.selected_annotation()
        if selected is None:
            self.window.say(translate("Annotating", "Click a highlight first, then edit its note"))
            return
        self.open_note_editor(selected.id)

    def open_note_editor(self, annotation_id: str) -> NoteEditor | None:
        """The note editor on the annotation; the focus goes back where it was when it closes."""
        annotation = self.panel.model.by_id(annotation_id)
        if annotation is None:
            return None
        from reader.ui.annotating.note_editor import NoteEditor, quoted  # made when first opened

        back_to: QWidget = self.panel.view if self.panel.view.hasFocus() else self.view
        editor = NoteEditor(
            translate("Annotating", "Note"),
            translate("Annotating", "Your note on {annotation}:").format(annotation=quoted(annotation)),
            annotation.note,
            self.window,
        )
        editor.noteChosen.connect(lambda note: self.set_note(annotation_id, note))
        editor.finished.connect(lambda result: self._give_focus_back(back_to))
        editor.open()
        return editor

    def set_note(self, annotation_id: str, note: str) -> None:
        annotation = self.panel.model.by_id(annotation_id)
        if annotation is None:
            self.window.say(
                translate("Annotating", "That annotation is no longer in the open document; the note was not stored"),
                problem=True,
            )
        elif annotation.note != note:
            self.session.push(set_note(self.session.store, self, annotation, note))

    def _give_focus_back(self, widget: QWidget) -> None:
        # A closed dialog leaves the window inactive where no window manager reactivates it,
        # and its shortcuts (the tag keys among them) fire only in the active window.
        self.window.activateWindow()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def move_edge(self, annotation_id: str, edge: str, delta: int) -> None:
        annotation = self.panel.model.by_id(annotation_id)
        document = self.session.document
        if annotation is None or document is None:
            return
        start, end = annotation.start, annotation.end
        if edge == "start":
            start += delta
        else:
            end += delta
        if not span_fits(len(document.text), start, end):
            self.window.say(translate("Annotating", "That edge cannot move further"))
            return
        self.session.push(move_edges(self.session.store, self, annotation, start, end, document.text))

    # ----- going from one highlight to another -----

    def select_neighbour(self, step: int) -> None:
        """Select the next (step 1) or previous (step -1) shown highlight in text order."""
        annotations = self.panel.visible_annotations()
        if not annotations:
            self.window.say(
                translate("Annotating", "This document has no annotations yet")
                if not self.panel.model.annotation_count()
                else translate("Annotating", "The filters hide every annotation of this document")
            )
            return
        selected = self.selected_annotation()
        # By id: comparing whole annotations field by field cost milliseconds at 10,000 of them.
        ids = [a.id for a in annotations]
        if selected is not None and selected.id in ids:
            row = ids.index(selected.id) + step
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

    # ----- the reader's right-click menu -----

    def reader_menu(self, position) -> None:
        if self.view.selection_code_points() is None and self.session.document is not None:
            code_point = self.view.code_point_at(position)
            under = self.view.annotations_at(code_point) if code_point is not None else []
            if under:
                self.view.select_annotation(under[0].id, scroll=False)
        menu: QMenu = self.view.createStandardContextMenu(position)
        menu.setParent(self.window, menu.windowFlags())
        menu.addSeparator()
        self._add_tag_menu(menu)
        for name in ("EditNote", "DeleteAnnotation", None, "ExactCharacters", "Find"):
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions[name])
        menu.popup(self.view.viewport().mapToGlobal(position))
        menu.aboutToHide.connect(menu.deleteLater)

    def _add_tag_menu(self, menu: QMenu) -> QMenu:
        """Tag as ▸ one checkable entry per tag, the tag of the highlight it would retag checked.
        The entries are the menu's own (not the shared tag actions, which stay plain buttons)."""
        tag_menu = menu.addMenu(translate("Annotating", "Tag as"))
        tag_menu.setObjectName("tagAsMenu")
        selected = self._highlight_to_retag()
        group = QActionGroup(tag_menu)
        for shared in self.actions.tag_actions:
            name = shared.objectName().removeprefix(f"action{TAG_PREFIX}")
            keys = shared.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            entry = QAction(shared.icon(), f"{shared.text()}\t{keys}" if keys else shared.text(), tag_menu)
            entry.setObjectName(f"tagAs_{name}")
            entry.setStatusTip(shared.statusTip())
            entry.setCheckable(True)
            entry.setChecked(selected is not None and selected.tag == name)
            entry.triggered.connect(lambda checked=False, tag=name: self.apply_tag(tag))
            group.addAction(entry)
            tag_menu.addAction(entry)
        return tag_menu

    # ----- what the commands report (commands.Sink) -----

    def annotation_changed(self, annotation: Annotation) -> None:
        self._follow(annotation)
        self.view.upsert_annotation(annotation)
        self.panel.paint_after_the_text(self.view.viewport())
        self.panel.model.upsert(annotation)
        self.view.select_annotation(annotation.id, scroll=True)
        self.panel.show_annotation(annotation.id)  # its row may have moved while it stayed selected
        self._counts_changed(annotation.document_id)

    annotation_added = annotation_changed

    def annotation_removed(self, annotation: Annotation) -> None:
        self._follow(annotation)
        self.view.remove_annotation(annotation.id)
        self.panel.paint_after_the_text(self.view.viewport())
        self.panel.model.remove(annotation.id)
        self._counts_changed(annotation.document_id)

    def relations_changed(self, document_id: int) -> None:
        document = self.session.document
        if document is None or document.id != document_id:
            self.reading.open_document(document_id, focus=False)
        self.session.relationsChanged.emit(document_id)

    def tags_changed(self) -> None:
        self.storedTagsChanged.emit()
        self.reading.show_stored_annotations()

    def command_failed(self, message: str) -> None:
        """A command the database refused did nothing: show why, and what the database holds."""
        self.window.problem(message)
        self.reading.show_stored_annotations()
        if self.session.document is not None:
            self._counts_changed(self.session.document.id)

    def _counts_changed(self, document_id: int) -> None:
        # Read back from the counts the database keeps: right after an undo in another document too.
        try:
            self.window.documents.model.set_counts(document_id, *self.session.store.document_counts(document_id))
        except StoreError as error:
            self.window.problem(str(error))
        self.reading.show_summary()
        self.session.annotationsChanged.emit(document_id)

    def _follow(self, annotation: Annotation) -> None:
        # An undo can reach back into another document: open it so the change is seen.
        document = self.session.document
        if document is None or document.id != annotation.document_id:
            self.reading.open_document(annotation.document_id, focus=False)
