"""The document list: a table model over the store's document summaries, a
filter proxy, and the panel: the filter box over the table. No widget per row, fixed
row heights, so ten thousand documents cost what the screen shows; their sort keys are
worked out once per load, so a click on a header is one pass of Python's sort."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from reader.domain.documents import DocumentSummary
from reader.domain.ordering import natural_key
from reader.ui.reading.document_list_view import DocumentListView
from reader.ui.shell.tables import ROOT, AnyIndex
from reader.ui.shell.translation import QT_TRANSLATE_NOOP, translate

FILTER_ROLE = Qt.ItemDataRole.UserRole + 1
DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

UNTOUCHED_MARK = "●"
NAME_CHARACTERS = 12  # the name column's width, in characters of the list's font


def pending(document: DocumentSummary) -> int:
    return document.annotation_count - document.reviewed_count


def progress(document: DocumentSummary) -> str:
    return f"{document.reviewed_count}/{document.annotation_count}" if document.annotation_count else ""


def name_and_length(name: str, length: int) -> str:
    """A document's file name and its length, as the list's tooltips and the heading say them."""
    return translate("Reading", "{name} · %Ln character(s)", None, length).format(name=name)


def annotation_state(document: DocumentSummary) -> str:
    """How far a document is annotated and reviewed, in words."""
    if document.annotation_count == 0:
        return translate("Reading", "not annotated yet")
    return translate("Reading", "{annotations}: {reviewed} reviewed, {pending} pending").format(
        annotations=translate("Reading", "%Ln annotation(s)", None, document.annotation_count),
        reviewed=document.reviewed_count,
        pending=pending(document),
    )


class DocumentListModel(QAbstractTableModel):
    MARK, TITLE, NAME, COUNT, REVIEWED = range(5)
    # Shown as translate("Reading", header); the mark's column has no header.
    _HEADERS = (
        "",
        QT_TRANSLATE_NOOP("Reading", "Title"),
        QT_TRANSLATE_NOOP("Reading", "Name"),
        QT_TRANSLATE_NOOP("Reading", "Annotations"),
        QT_TRANSLATE_NOOP("Reading", "Reviewed"),
    )
    _HEADER_TIPS = (
        QT_TRANSLATE_NOOP("Reading", "● marks a document nobody has annotated yet"),
        QT_TRANSLATE_NOOP("Reading", "The document's first line"),
        QT_TRANSLATE_NOOP("Reading", "The document's file name"),
        QT_TRANSLATE_NOOP("Reading", "How many annotations the document has"),
        QT_TRANSLATE_NOOP("Reading", "How many of its annotations were accepted or rejected, of all"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self._documents: list[DocumentSummary] = []
        self._rows: dict[int, int] = {}
        self._filter_texts: list[str] = []
        self._title_ranks: dict[int, int] = {}  # each document's place in natural order of titles
        self._name_ranks: dict[int, int] = {}
        self._filter_text_of: dict[int, str] = {}
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
            if column == self.NAME:
                return document.name
            if column == self.REVIEWED:
                return progress(document)
            return document.annotation_count
        if role == FILTER_ROLE:
            return self._filter_texts[index.row()]
        if role == DOCUMENT_ID_ROLE:
            return document.id
        if role == Qt.ItemDataRole.ToolTipRole:
            details = f"{name_and_length(document.name, document.length)}, {annotation_state(document)}"
            return f"{document.title or document.name}\n{details}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == self.MARK:
                return translate("Reading", "not annotated yet") if untouched else translate("Reading", "annotated")
            if column == self.REVIEWED:
                return translate("Reading", "{reviewed} of {total} reviewed").format(
                    reviewed=document.reviewed_count, total=document.annotation_count
                )
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
            return self.header(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("Reading", self._HEADER_TIPS[section])
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.header(section) or translate("Reading", "Untouched")
        return None

    @classmethod
    def header(cls, section: int) -> str:
        """Column ``section``'s header in the window's language."""
        return translate("Reading", cls._HEADERS[section]) if cls._HEADERS[section] else ""

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
        self._title_ranks = _ranks(self._documents, lambda d: (natural_key(d.title or d.name), d.name))
        self._name_ranks = {}  # made when the list is first sorted by name
        self._filter_text_of = {d.id: f"{d.title}\n{d.name}".casefold() for d in self._documents}
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
        """Titles and names in natural order ("Документ 2" before "Документ 10"), by their ranks in
        that order, worked out once per load: whole numbers compare faster than the keys."""
        title = self._title_ranks
        if column == self.MARK:
            return lambda d: (d.annotation_count != 0, title[d.id])
        if column == self.NAME:
            if not self._name_ranks:
                self._name_ranks = _ranks(self._documents, lambda d: natural_key(d.name))
            name = self._name_ranks
            return lambda d: name[d.id]
        if column == self.COUNT:
            return lambda d: (d.annotation_count, title[d.id])
        if column == self.REVIEWED:  # the most left to review last, when ascending
            return lambda d: (pending(d), -d.reviewed_count, title[d.id])
        return lambda d: title[d.id]

    def _arrange(self) -> None:
        column, order = self._sort
        self._documents.sort(key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = {d.id: row for row, d in enumerate(self._documents)}
        self._filter_texts = [self._filter_text_of[d.id] for d in self._documents]

    def set_counts(self, document_id: int, annotation_count: int, reviewed_count: int) -> None:
        row = self._rows.get(document_id)
        if row is None:
            return
        self._documents[row] = replace(
            self._documents[row], annotation_count=annotation_count, reviewed_count=reviewed_count
        )
        self.dataChanged.emit(self.index(row, self.MARK), self.index(row, self.REVIEWED))


def _ranks(documents: list[DocumentSummary], key: Callable[[DocumentSummary], Any]) -> dict[int, int]:
    """Each document's place (by id) in the order of ``key``."""
    return {d.id: rank for rank, d in enumerate(sorted(documents, key=key))}


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


class DocumentListPanel(QWidget):
    """The filter box above the list. Typing in it only filters; Enter opens the first
    match, Down goes into the list, and the open document stays selected when it is listed."""

    documentChosen = Signal(int, bool)  # document id, and whether the user wants to read it now

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = DocumentListModel(self)
        self.proxy = DocumentFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("documentFilter")
        self.filter_box.setPlaceholderText(translate("Reading", "Filter documents"))
        self.filter_box.setAccessibleName(translate("Reading", "Filter documents"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.installEventFilter(self)
        self.pending_button = QToolButton(self)
        self.pending_button.setObjectName("pendingOnly")
        self.pending_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.view = DocumentListView(self)
        self.view.setModel(self.proxy)
        columns = DocumentListModel
        self.view.set_columns(
            columns.TITLE,
            {
                columns.MARK: (UNTOUCHED_MARK, 16),
                columns.NAME: ("x" * NAME_CHARACTERS, 16),
                columns.COUNT: (columns.header(columns.COUNT), 28),
                columns.REVIEWED: (columns.header(columns.REVIEWED), 28),
            },
            interactive=(columns.NAME,),
            optional=(columns.NAME,),
            narrow={columns.COUNT: "9,999", columns.REVIEWED: "99/99"},
        )
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
        self._quiet = False
        self._shown: int | None = None  # the document the window shows
        self.show_review_progress(False)
        self.filter_box.textChanged.connect(self._filter)
        self.filter_box.returnPressed.connect(self._open_first)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)

    def set_documents(self, documents: list[DocumentSummary]) -> None:
        self._quietly(self.model.set_documents, documents)

    def show_document(self, document_id: int | None) -> None:
        """Make ``document_id`` the current row without announcing it; it stays the selected
        row whenever the filter lists it."""
        self._shown = document_id
        self._quietly(self._select_shown)

    def show_review_progress(self, on: bool) -> None:
        """Review mode: the Reviewed column (12/20, in place of the count) and the pending-only toggle."""
        self.view.setColumnHidden(DocumentListModel.COUNT, on)
        self.view.setColumnHidden(DocumentListModel.REVIEWED, not on)
        self.pending_button.setVisible(on)

    def set_pending_action(self, action) -> None:
        """The toggle next to the filter box is this (checkable) action; its handler filters the list
        (``proxy.set_pending_only``)."""
        action.setIconText(translate("Reading", "Pending"))  # what the button shows; the menu keeps the full text
        self.pending_button.setDefaultAction(action)

    def ids_in_order(self) -> list[int]:
        """The listed documents' ids, top to bottom."""
        return [
            self.proxy.index(row, DocumentListModel.TITLE).data(DOCUMENT_ID_ROLE)
            for row in range(self.proxy.rowCount())
        ]

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.filter_box
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.proxy.rowCount()
        ):
            self._go_into_list()
            return True
        return super().eventFilter(watched, event)

    def _filter(self, text: str) -> None:
        # Rows leaving the list move Qt's current row: quietly, or each key typed would open a document.
        self._quietly(self.proxy.set_needle, text)
        self._quietly(self._select_shown)

    def _select_shown(self) -> None:
        row = None if self._shown is None else self.model.row_of(self._shown)
        index = (
            QModelIndex() if row is None else self.proxy.mapFromSource(self.model.index(row, DocumentListModel.TITLE))
        )
        if not index.isValid():
            self.view.selectionModel().clearCurrentIndex()
            self.view.clearSelection()
            return
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _go_into_list(self) -> None:
        """Down in the filter box: to the row under the selected one, or the first; it opens."""
        current = self.view.currentIndex()
        below = current.siblingAtRow(current.row() + 1) if current.isValid() else QModelIndex()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not current.isValid():
            self.view.setCurrentIndex(self.proxy.index(0, DocumentListModel.TITLE))
        elif below.isValid():
            self.view.setCurrentIndex(below)

    def _quietly(self, change, *arguments) -> None:
        self._quiet = True
        try:
            change(*arguments)
        finally:
            self._quiet = False

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
