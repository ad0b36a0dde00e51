"""The document list: a table model over the store's document summaries, a
sort/filter proxy, and the view with its filter box. No widget per row, fixed
row heights, so ten thousand documents cost what the screen shows."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.domain.documents import DocumentSummary
from reader.ui.shell.tables import ROOT, AnyIndex, list_like

FILTER_ROLE = Qt.ItemDataRole.UserRole + 1
DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

UNTOUCHED_MARK = "●"


def pending(document: DocumentSummary) -> int:
    return document.annotation_count - document.reviewed_count


def progress(document: DocumentSummary) -> str:
    return f"{document.reviewed_count}/{document.annotation_count}" if document.annotation_count else ""


class DocumentListModel(QAbstractTableModel):
    MARK, TITLE, COUNT, REVIEWED = range(4)
    _HEADERS = ("", "Title", "Annotations", "Reviewed")
    _HEADER_TIPS = (
        "● marks a document nobody has annotated yet",
        "The document's first line",
        "How many annotations the document has",
        "How many of its annotations were accepted or rejected, of all",
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._documents: list[DocumentSummary] = []
        self._rows: dict[int, int] = {}
        self._filter_texts: list[str] = []
        self._sort = (self.TITLE, Qt.SortOrder.AscendingOrder)

    # Reading

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        document = self._documents[index.row()]
        column = index.column()
        untouched = document.annotation_count == 0
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.MARK:
                return UNTOUCHED_MARK if untouched else ""
            if column == self.TITLE:
                return document.title or document.name
            if column == self.REVIEWED:
                return progress(document)
            return document.annotation_count
        if role == FILTER_ROLE:
            return self._filter_texts[index.row()]
        if role == DOCUMENT_ID_ROLE:
            return document.id
        if role == Qt.ItemDataRole.ToolTipRole:
            state = "not annotated yet" if untouched else f"{document.annotation_count} annotation(s)"
            if not untouched:
                state += f", {document.reviewed_count} reviewed, {pending(document)} pending"
            return f"{document.name}\n{document.length:,} characters, {state}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == self.MARK:
                return "not annotated yet" if untouched else "annotated"
            if column == self.REVIEWED:
                return f"{document.reviewed_count} of {document.annotation_count} reviewed"
            return str(self.data(index))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (self.COUNT, self.REVIEWED):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == self.MARK:
                return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._HEADER_TIPS[section]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._HEADERS[section] or "Untouched"
        return None

    def document_id(self, row: int) -> int:
        return self._documents[row].id

    def row_of(self, document_id: int) -> int | None:
        return self._rows.get(document_id)

    def summary(self, document_id: int) -> DocumentSummary | None:
        row = self._rows.get(document_id)
        return None if row is None else self._documents[row]

    def matches(self, row: int, needle: str) -> bool:
        return needle in self._filter_texts[row]

    def has_pending(self, row: int) -> bool:
        return pending(self._documents[row]) > 0

    def total_annotations(self) -> int:
        return sum(d.annotation_count for d in self._documents)

    # Changing

    def set_documents(self, documents: list[DocumentSummary]) -> None:
        self.beginResetModel()
        self._documents = list(documents)
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here in one pass of Python's sort: a proxy would call data()
        n log n times, which at 10,000 rows takes seconds."""
        if not 0 <= column < len(self._HEADERS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._documents[index.row()].id for index in persistent]
        self._arrange()
        self.changePersistentIndexList(
            persistent, [self.index(self._rows[i], index.column()) for i, index in zip(ids, persistent, strict=True)]
        )
        self.layoutChanged.emit()

    def _sort_key(self, column: int):
        if column == self.MARK:
            return lambda d: (d.annotation_count != 0, (d.title or d.name).casefold())
        if column == self.COUNT:
            return lambda d: (d.annotation_count, (d.title or d.name).casefold())
        if column == self.REVIEWED:  # the most left to review last, when ascending
            return lambda d: (pending(d), -d.reviewed_count, (d.title or d.name).casefold())
        return lambda d: ((d.title or d.name).casefold(), d.name)

    def _arrange(self) -> None:
        column, order = self._sort
        self._documents.sort(key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = {d.id: row for row, d in enumerate(self._documents)}
        self._filter_texts = [f"{d.title}\n{d.name}".casefold() for d in self._documents]

    def set_counts(self, document_id: int, annotation_count: int, reviewed_count: int) -> None:
        row = self._rows.get(document_id)
        if row is None:
            return
        self._documents[row] = replace(
            self._documents[row], annotation_count=annotation_count, reviewed_count=reviewed_count
        )
        self.dataChanged.emit(self.index(row, self.MARK), self.index(row, self.REVIEWED))


class DocumentFilterModel(QSortFilterProxyModel):
    """Filters on title and name, and on pending annotations; sorting is passed on to the source model."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._needle = ""
        self._pending_only = False

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_pending_only(self, on: bool) -> None:
        self.beginFilterChange()
        self._pending_only = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = cast(DocumentListModel, self.sourceModel())
        if self._pending_only and not model.has_pending(source_row):
            return False
        return not self._needle or model.matches(source_row, self._needle)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class DocumentListView(QTableView):
    """The table; files and folders dropped on it are offered for import."""

    filesDropped = Signal(list)  # list[Path]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("documentList")
        self.setAccessibleName("Documents")
        list_like(self)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        horizontal = self.horizontalHeader()
        horizontal.setStretchLastSection(False)
        horizontal.setSortIndicatorShown(True)

    def setModel(self, model) -> None:
        super().setModel(model)
        horizontal = self.horizontalHeader()
        horizontal.setSectionResizeMode(DocumentListModel.MARK, QHeaderView.ResizeMode.Fixed)
        horizontal.setSectionResizeMode(DocumentListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        horizontal.setSectionResizeMode(DocumentListModel.COUNT, QHeaderView.ResizeMode.Fixed)
        horizontal.setSectionResizeMode(DocumentListModel.REVIEWED, QHeaderView.ResizeMode.Fixed)
        metrics = self.fontMetrics()
        self.setColumnWidth(DocumentListModel.MARK, metrics.horizontalAdvance(UNTOUCHED_MARK) + 16)
        self.setColumnWidth(DocumentListModel.COUNT, metrics.horizontalAdvance("Annotations") + 28)
        self.setColumnWidth(DocumentListModel.REVIEWED, metrics.horizontalAdvance("Reviewed") + 28)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.filesDropped.emit(paths)


class DocumentListPanel(QWidget):
    """The filter box above the list."""

    documentChosen = Signal(int, bool)  # document id, and whether the user wants to read it now

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = DocumentListModel(self)
        self.proxy = DocumentFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("documentFilter")
        self.filter_box.setPlaceholderText("Filter documents")
        self.filter_box.setAccessibleName("Filter documents")
        self.filter_box.setClearButtonEnabled(True)
        self.pending_button = QToolButton(self)
        self.pending_button.setObjectName("pendingOnly")
        self.pending_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.view = DocumentListView(self)
        self.view.setModel(self.proxy)
        self.view.sortByColumn(DocumentListModel.TITLE, Qt.SortOrder.AscendingOrder)
        filter_row = QHBoxLayout()
        filter_row.setSpacing(4)
        filter_row.addWidget(self.filter_box, 1)
        filter_row.addWidget(self.pending_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(filter_row)
        layout.addWidget(self.view)
        self.show_review_progress(False)
        self.filter_box.textChanged.connect(self.proxy.set_needle)
        self.filter_box.returnPressed.connect(self._open_first)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self._quiet = False

    def set_documents(self, documents: list[DocumentSummary]) -> None:
        self._quiet = True
        try:
            self.model.set_documents(documents)
        finally:
            self._quiet = False

    def show_document(self, document_id: int | None) -> None:
        """Make ``document_id`` the current row without announcing it."""
        self._quiet = True
        try:
            row = None if document_id is None else self.model.row_of(document_id)
            if row is None:
                self.view.selectionModel().clearCurrentIndex()
                self.view.clearSelection()
                return
            index = self.proxy.mapFromSource(self.model.index(row, DocumentListModel.TITLE))
            if not index.isValid():
                return
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        finally:
            self._quiet = False

    def show_review_progress(self, on: bool) -> None:
        """Review mode: the Reviewed column (12/20, in place of the count) and the pending-only toggle."""
        self.view.setColumnHidden(DocumentListModel.COUNT, on)
        self.view.setColumnHidden(DocumentListModel.REVIEWED, not on)
        self.pending_button.setVisible(on)

    def set_pending_action(self, action) -> None:
        """The toggle next to the filter box is this (checkable) action; its handler filters the list
        (``proxy.set_pending_only``)."""
        action.setIconText("Pending")  # what the button shows; the menu keeps the full text
        self.pending_button.setDefaultAction(action)

    def ids_in_order(self) -> list[int]:
        """The listed documents' ids, top to bottom."""
        return [
            self.proxy.index(row, DocumentListModel.TITLE).data(DOCUMENT_ID_ROLE)
            for row in range(self.proxy.rowCount())
        ]

    def _open_first(self) -> None:
        if self.proxy.rowCount():
            index = self.proxy.index(0, DocumentListModel.TITLE)
            self.view.setCurrentIndex(index)
            self._activated(index)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        self.documentChosen.emit(current.siblingAtColumn(DocumentListModel.TITLE).data(DOCUMENT_ID_ROLE), False)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.documentChosen.emit(index.siblingAtColumn(DocumentListModel.TITLE).data(DOCUMENT_ID_ROLE), True)
