"""The annotation panel: the current document's annotations as a table (status, tag, text,
annotator, note), sortable by any column, with the review filter row above it.

A note is not edited in its narrow cell: Enter or a double-click asks for the note
editor (``noteEditRequested``), which the annotating controller opens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QVBoxLayout, QWidget

from reader.domain.annotations import Annotation
from reader.ui.annotating.annotation_list import ANNOTATION_ID_ROLE, STATUS_MARKS, AnnotationListModel
from reader.ui.annotating.annotation_table import AnnotationTable
from reader.ui.annotating.filter_bar import ReviewFilterBar
from reader.ui.shell.first_paint import after_first_paint
from reader.ui.shell.tables import list_like
from reader.ui.shell.translation import translate

__all__ = ["ANNOTATION_ID_ROLE", "STATUS_MARKS", "AnnotationListModel", "AnnotationPanel"]

_PAINT_AT_THE_LATEST_MS = 100


class AnnotationPanel(QWidget):
    annotationChosen = Signal(str)  # the user picked this annotation in the list
    noteEdited = Signal(str, str)  # annotation id, the new note (from the model's setData)
    noteEditRequested = Signal(str)  # annotation id: open the note editor on it

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = AnnotationListModel(self.noteEdited.emit, self)
        self.heading = QLabel(translate("Annotating", "Annotations"), self)
        self.heading.setObjectName("annotationHeading")
        self.filter_bar = ReviewFilterBar(self)
        self.filter_bar.hide()
        self.view = AnnotationTable(self)
        self.view.setObjectName("annotationList")
        self.view.setAccessibleName(translate("Annotating", "Annotations in this document"))
        self.view.setModel(self.model)
        list_like(self.view)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.view.horizontalHeader()
        header.setSortIndicatorClearable(True)  # a third click goes back to text order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.size_columns()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view)
        self._quiet = False
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.clicked.connect(self._clicked)
        self.view.editNoteRequested.connect(self._note_requested)
        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
            self.model.layoutChanged,
        ):
            signal.connect(self._update_heading)

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(ANNOTATION_ID_ROLE) if index.isValid() else None

    def set_filter(self, accepts: Callable[[Annotation], bool] | None) -> None:
        self.model.set_filter(accepts)

    def visible_annotations(self) -> list[Annotation]:
        """The listed annotations, in text order (whatever column the list is sorted by)."""
        return self.model.listed_annotations()

    def _index_of(self, annotation_id: str | None, column: int) -> QModelIndex:
        """The view's index of the annotation's cell; invalid when it is not listed."""
        row = None if annotation_id is None else self.model.row_of(annotation_id)
        if row is None:
            return QModelIndex()
        return self.model.index(row, column)

    def paint_after_the_text(self, text_area: QWidget) -> None:
        """The list paints in the frame after the one in which ``text_area`` (the reader pane's)
        shows the change, so the pane's frame does not wait for it: an added row moves every row
        below it, and repainting the list costs more than the pane (benchmark 2p in
        docs/performance.md). A 0 ms timer was not enough: it could fire before Qt delivered the
        pane's own repaint, and the list then painted in the same frame (4.9 ms of it)."""
        if self.view.updatesEnabled():
            self.view.setUpdatesEnabled(False)
            after_first_paint(text_area, self._paint_again)
            QTimer.singleShot(_PAINT_AT_THE_LATEST_MS, self._paint_again)  # a change the pane does not show

    def _paint_again(self) -> None:
        if not self.view.updatesEnabled():
            self.view.setUpdatesEnabled(True)

    def show_annotation(self, annotation_id: str | None) -> None:
        """Follow the reader's selection without announcing it back."""
        self._quiet = True
        try:
            index = self._index_of(annotation_id, AnnotationListModel.TEXT)
            if not index.isValid():
                self.view.selectionModel().clearCurrentIndex()
                self.view.clearSelection()
            else:
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
        finally:
            self._quiet = False

    def _note_requested(self) -> None:
        annotation_id = self.current_id()
        if annotation_id is not None:
            self.noteEditRequested.emit(annotation_id)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not self._quiet and current.isValid() and current.row() != previous.row():
            self.annotationChosen.emit(current.data(ANNOTATION_ID_ROLE))

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.annotationChosen.emit(index.data(ANNOTATION_ID_ROLE))

    def _update_heading(self, *args) -> None:
        count, listed = self.model.annotation_count(), self.model.rowCount()
        if not count:
            self.heading.setText(translate("Annotating", "Annotations"))
        elif listed == count:
            self.heading.setText(translate("Annotating", "Annotations (%n)", None, count))
        else:
            shown = translate("Annotating", "Annotations ({listed} of %n shown)", None, count)
            self.heading.setText(shown.format(listed=listed))
