"""The current document's annotations in text order: a table model, a filter over it
(review mode), and its panel.

The model never writes: a note typed into it goes to the injected ``edit_note``,
which makes an undoable command of it."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from reader.domain.annotations import ACCEPTED, PENDING, REJECTED, Annotation
from reader.domain.review import text_order as _order
from reader.domain.tags import Tag
from reader.domain.text import one_line
from reader.ui.annotating.filter_bar import ReviewFilterBar
from reader.ui.shell.tables import ROOT, AnyIndex, list_like
from reader.ui.shell.tag_bar import tag_icon

ANNOTATION_ID_ROLE = Qt.ItemDataRole.UserRole + 10
STATUS_MARKS = {PENDING: "·", ACCEPTED: "✓", REJECTED: "✗"}


class AnnotationListModel(QAbstractTableModel):
    TAG, TEXT, NOTE, STATUS = range(4)
    _HEADERS = ("Tag", "Text", "Note", "")

    def __init__(self, edit_note: Callable[[str, str], None] | None = None, parent=None):
        super().__init__(parent)
        self._edit_note = edit_note
        self._annotations: list[Annotation] = []
        self._keys: list[tuple] = []  # text_order of each row; unique, as it ends with the id
        self._key_of: dict[str, tuple] = {}
        self._tags: dict[str, Tag] = {}

    # Reading

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._annotations)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        annotation = self._annotations[index.row()]
        column = index.column()
        if column == self.STATUS and role == Qt.ItemDataRole.DisplayRole:
            return STATUS_MARKS.get(annotation.status, "?")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.TAG:
                return annotation.tag
            if column == self.TEXT:
                return one_line(annotation.text, 120)
            if column == self.STATUS:
                return annotation.status
            return one_line(annotation.note, 120)
        if role == Qt.ItemDataRole.FontRole and column == self.TEXT and annotation.status == REJECTED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.STATUS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.EditRole and column == self.NOTE:
            return annotation.note
        if role == Qt.ItemDataRole.DecorationRole and column == self.TAG:
            tag = self._tags.get(annotation.tag)
            return tag_icon(tag, 14) if tag else None
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                f"{annotation.tag}: {one_line(annotation.text, 300)}",
                f"code points {annotation.start}–{annotation.end}, by {annotation.annotator or 'nobody'}",
            ]
            if annotation.note:
                lines.append(f"Note: {annotation.note}")
            if annotation.status != PENDING:
                lines.append(
                    f"{annotation.status.capitalize()} by {annotation.reviewer or 'nobody'}, {annotation.updated_at}"
                )
            elif annotation.reviewer:
                lines.append(f"Pending; reviewed by {annotation.reviewer}")
            if annotation.review_note:
                lines.append(f"Review note: {annotation.review_note}")
            if column == self.NOTE:
                lines.append("Press Enter or double-click to edit the note")
            return "\n".join(lines)
        if role == ANNOTATION_ID_ROLE:
            return annotation.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._HEADERS[section]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole) and section == self.STATUS:
            return "Status: · pending, ✓ accepted, ✗ rejected"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.NOTE and self._edit_note is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != self.NOTE
            or role != Qt.ItemDataRole.EditRole
            or self._edit_note is None
        ):
            return False
        annotation = self._annotations[index.row()]
        if value == annotation.note:
            return False
        self._edit_note(annotation.id, str(value))
        return True

    def annotation(self, row: int) -> Annotation:
        return self._annotations[row]

    def annotations(self) -> list[Annotation]:
        return list(self._annotations)

    def by_id(self, annotation_id: str) -> Annotation | None:
        row = self.row_of(annotation_id)
        return None if row is None else self._annotations[row]

    def row_of(self, annotation_id: str) -> int | None:
        key = self._key_of.get(annotation_id)
        return None if key is None else bisect_left(self._keys, key)

    # Changing

    def set_tags(self, tags: list[Tag]) -> None:
        self._tags = {t.name: t for t in tags}
        if self._annotations:
            self.dataChanged.emit(self.index(0, self.TAG), self.index(len(self._annotations) - 1, self.TAG))

    def set_annotations(self, annotations: list[Annotation]) -> None:
        self.beginResetModel()
        self._annotations = sorted(annotations, key=_order)
        self._keys = [_order(a) for a in self._annotations]
        self._key_of = {a.id: key for a, key in zip(self._annotations, self._keys, strict=True)}
        self.endResetModel()

    def upsert(self, annotation: Annotation) -> None:
        row = self.row_of(annotation.id)
        if row is not None and self._keys[row] == _order(annotation):
            self._annotations[row] = annotation
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            return
        if row is not None:
            self.remove(annotation.id)
        key = _order(annotation)
        row = bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._annotations.insert(row, annotation)
        self._keys.insert(row, key)
        self._key_of[annotation.id] = key
        self.endInsertRows()

    def remove(self, annotation_id: str) -> None:
        row = self.row_of(annotation_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._annotations[row]
        del self._keys[row]
        del self._key_of[annotation_id]
        self.endRemoveRows()


class AnnotationFilterModel(QSortFilterProxyModel):
    """The annotations a predicate accepts (all without one), in the model's own order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._accepts: Callable[[Annotation], bool] | None = None

    def set_predicate(self, accepts: Callable[[Annotation], bool] | None) -> None:
        self.beginFilterChange()
        self._accepts = accepts
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        return self._accepts is None or self._accepts(
            cast(AnnotationListModel, self.sourceModel()).annotation(source_row)
        )


class AnnotationTable(QTableView):
    """Enter on a row edits its note, as double-clicking the note does."""

    editNoteRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            self.editNoteRequested.emit()
            return
        super().keyPressEvent(event)


class AnnotationPanel(QWidget):
    annotationChosen = Signal(str)  # the user picked this annotation in the list
    noteEdited = Signal(str, str)  # annotation id, the new note
    noteEditFinished = Signal()  # the note editor closed, committed or not

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = AnnotationListModel(self.noteEdited.emit, self)
        self.proxy = AnnotationFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.heading = QLabel("Annotations", self)
        self.heading.setObjectName("annotationHeading")
        self.filter_bar = ReviewFilterBar(self)
        self.filter_bar.hide()
        self.view = AnnotationTable(self)
        self.view.setObjectName("annotationList")
        self.view.setAccessibleName("Annotations in this document")
        self.view.setModel(self.proxy)
        list_like(self.view)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(AnnotationListModel.TAG, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AnnotationListModel.TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AnnotationListModel.NOTE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(AnnotationListModel.STATUS, QHeaderView.ResizeMode.Fixed)
        header.moveSection(AnnotationListModel.STATUS, 0)  # first on screen, like a check box
        self.view.setColumnWidth(AnnotationListModel.TAG, self.fontMetrics().horizontalAdvance("claim") + 52)
        self.view.setColumnWidth(AnnotationListModel.NOTE, self.fontMetrics().horizontalAdvance("a note") + 16)
        self.view.setColumnWidth(AnnotationListModel.STATUS, self.fontMetrics().horizontalAdvance("✓") + 16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view)
        self._quiet = False
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.clicked.connect(self._clicked)
        self.view.editNoteRequested.connect(lambda: self.edit_note(self.current_id()))
        self.view.itemDelegate().closeEditor.connect(lambda *args: self.noteEditFinished.emit())
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
            self.model.rowsInserted,
            self.model.rowsRemoved,
        ):
            signal.connect(self._update_heading)

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(ANNOTATION_ID_ROLE) if index.isValid() else None

    def set_filter(self, accepts: Callable[[Annotation], bool] | None) -> None:
        self.proxy.set_predicate(accepts)

    def visible_annotations(self) -> list[Annotation]:
        """The listed annotations, in text order."""
        return [
            self.model.annotation(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            for row in range(self.proxy.rowCount())
        ]

    def _index_of(self, annotation_id: str | None, column: int) -> QModelIndex:
        """The view's index of the annotation's cell; invalid when it is not listed."""
        row = None if annotation_id is None else self.model.row_of(annotation_id)
        if row is None:
            return QModelIndex()
        return self.proxy.mapFromSource(self.model.index(row, column))

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

    def edit_note(self, annotation_id: str | None) -> bool:
        index = self._index_of(annotation_id, AnnotationListModel.NOTE)
        if not index.isValid():
            return False
        self._quiet = True
        try:
            self.view.setCurrentIndex(index)
        finally:
            self._quiet = False
        self.view.scrollTo(index)
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view.edit(index)
        return True

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not self._quiet and current.isValid() and current.row() != previous.row():
            self.annotationChosen.emit(current.data(ANNOTATION_ID_ROLE))

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.annotationChosen.emit(index.data(ANNOTATION_ID_ROLE))

    def _update_heading(self, *args) -> None:
        count, listed = self.model.rowCount(), self.proxy.rowCount()
        if not count:
            self.heading.setText("Annotations")
        elif listed == count:
            self.heading.setText(f"Annotations ({count})")
        else:
            self.heading.setText(f"Annotations ({listed} of {count} shown)")
