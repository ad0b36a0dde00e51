"""The document list: a table model over the store's listing of documents, and the panel:
the filter box over the table. The store sorts and filters (over indexed keys), and the model
reads a page of rows at a time, the pages the view shows, so ten thousand documents cost what
the screen shows, at start-up and at each keystroke in the filter box. No widget per row."""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from reader.domain.document_listing import DocumentOrder, DocumentQuery
from reader.domain.documents import DocumentSummary
from reader.store import StoreError
from reader.ui.reading.document_list_view import DocumentListView
from reader.ui.shell.tables import ROOT, AnyIndex
from reader.ui.shell.translation import QT_TRANSLATE_NOOP, translate

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2

UNTOUCHED_MARK = "●"
NAME_CHARACTERS = 12  # the name column's width, in characters of the list's font
PAGE_ROWS = 128  # rows read from the store at a time


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


class DocumentListing(Protocol):
    """What the list reads from the store (reader.store.document_list)."""

    def listed_count(self, query: DocumentQuery) -> int: ...
    def listed_page(self, query: DocumentQuery, offset: int, limit: int) -> list[DocumentSummary]: ...
    def listed_row(self, query: DocumentQuery, document_id: int) -> int | None: ...
    def listed_ids(self, query: DocumentQuery) -> list[int]: ...
    def document_summary(self, document_id: int) -> DocumentSummary | None: ...
    def annotation_total(self) -> int: ...


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
    _ORDERS = (
        DocumentOrder.UNTOUCHED_FIRST,
        DocumentOrder.TITLE,
        DocumentOrder.NAME,
        DocumentOrder.ANNOTATIONS,
        DocumentOrder.PENDING,
    )
    _BY_COUNTS = (DocumentOrder.UNTOUCHED_FIRST, DocumentOrder.ANNOTATIONS, DocumentOrder.PENDING)

    failed = Signal(str)  # a page could not be read: why, in one line (its rows show empty)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._listing: DocumentListing | None = None
        self._query = DocumentQuery()
        self._count = 0
        self._pages: dict[int, list[DocumentSummary]] = {}
        self._rows: dict[int, int] = {}  # the row of each document on a page read so far

    # Reading

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or (document := self._document_at(index.row())) is None:
            return None
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

    def document_id(self, row: int) -> int | None:
        document = self._document_at(row)
        return None if document is None else document.id

    def row_of(self, document_id: int) -> int | None:
        """The document's row, or None when the list does not show it (filtered out, or gone)."""
        if document_id in self._rows:
            return self._rows[document_id]
        return self._read(lambda listing: listing.listed_row(self._query, document_id), None)

    def summary(self, document_id: int) -> DocumentSummary | None:
        """The document's title, name and counts, whether or not the list shows it; None when it is gone."""
        row = self._rows.get(document_id)
        if row is not None and (document := self._document_at(row)) is not None:
            return document
        return self._read(lambda listing: listing.document_summary(document_id), None)

    def has_document(self, document_id: int) -> bool:
        return self.summary(document_id) is not None

    def total_documents(self) -> int:
        """All documents, listed or not."""
        return self._read(lambda listing: listing.listed_count(DocumentQuery()), 0)

    def total_annotations(self) -> int:
        return self._read(lambda listing: listing.annotation_total(), 0)

    def ids_in_order(self) -> list[int]:
        """The listed documents' ids, top to bottom."""
        return self._read(lambda listing: listing.listed_ids(self._query), [])

    def _document_at(self, row: int) -> DocumentSummary | None:
        number, at = divmod(row, PAGE_ROWS)
        page = self._pages.get(number)
        if page is None:
            offset = number * PAGE_ROWS
            page = self._pages[number] = self._read(
                lambda listing: listing.listed_page(self._query, offset, PAGE_ROWS), []
            )
            self._rows.update((document.id, offset + place) for place, document in enumerate(page))
        return page[at] if at < len(page) else None

    def _read(self, read, otherwise):
        if self._listing is None:
            return otherwise
        try:
            return read(self._listing)
        except StoreError as error:
            self.failed.emit(str(error))
            return otherwise

    # Changing

    def set_listing(self, listing: DocumentListing | None) -> None:
        """List ``listing``'s documents (None: nothing), as it holds them now."""
        self._listing = listing
        self.refresh()

    def refresh(self) -> None:
        """Read the list again: the documents, their counts or the order changed."""
        self.beginResetModel()
        self._pages.clear()
        self._rows.clear()
        self._count = self._read(lambda listing: listing.listed_count(self._query), 0)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self._HEADERS):
            self._change_query(order=self._ORDERS[column], descending=order == Qt.SortOrder.DescendingOrder)

    def set_needle(self, text: str) -> None:
        """List only the documents whose title or name contain ``text``, ignoring case."""
        self._change_query(needle=text.casefold())

    def set_pending_only(self, on: bool) -> None:
        self._change_query(pending_only=on)

    def _change_query(self, **changes) -> None:
        query = replace(self._query, **changes)
        if query != self._query:
            self._query = query
            self.refresh()

    def set_counts(self, document_id: int, annotation_count: int, reviewed_count: int) -> None:
        """A document's counts changed: its row shows them, or, when the list is ordered or
        filtered by counts, the list is read again."""
        if self._query.order in self._BY_COUNTS or self._query.pending_only:
            self.refresh()
            return
        row = self._rows.get(document_id)
        if row is None:
            return
        page = self._pages[row // PAGE_ROWS]
        at = row % PAGE_ROWS
        page[at] = replace(page[at], annotation_count=annotation_count, reviewed_count=reviewed_count)
        self.dataChanged.emit(self.index(row, self.MARK), self.index(row, self.REVIEWED))


class DocumentListPanel(QWidget):
    """The filter box above the list. Typing in it only filters; Enter opens the first
    match, Down goes into the list, and the open document stays selected when it is listed."""

    documentChosen = Signal(int, bool)  # document id, and whether the user wants to read it now

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = DocumentListModel(self)
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
        self.view.setModel(self.model)
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
        self.model.modelReset.connect(lambda: self._quietly(self._select_shown))
        self.show_review_progress(False)
        self.filter_box.textChanged.connect(self._filter)
        self.filter_box.returnPressed.connect(self._open_first)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)

    def set_listing(self, listing: DocumentListing | None) -> None:
        """List what ``listing`` (the store) holds now."""
        self.model.set_listing(listing)

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
        (``model.set_pending_only``)."""
        action.setIconText(translate("Reading", "Pending"))  # what the button shows; the menu keeps the full text
        self.pending_button.setDefaultAction(action)

    def ids_in_order(self) -> list[int]:
        """The listed documents' ids, top to bottom."""
        return self.model.ids_in_order()

    def eventFilter(self, watched, event) -> bool:
        if (
            watched is self.filter_box
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self._go_into_list()
            return True
        return super().eventFilter(watched, event)

    def _filter(self, text: str) -> None:
        self.model.set_needle(text)  # the list is read again, and the open document selected quietly

    def _select_shown(self) -> None:
        row = None if self._shown is None else self.model.row_of(self._shown)
        index = QModelIndex() if row is None else self.model.index(row, DocumentListModel.TITLE)
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
            self.view.setCurrentIndex(self.model.index(0, DocumentListModel.TITLE))
        elif below.isValid():
            self.view.setCurrentIndex(below)

    def _quietly(self, change, *arguments) -> None:
        self._quiet = True
        try:
            change(*arguments)
        finally:
            self._quiet = False

    def _open_first(self) -> None:
        if self.model.rowCount():
            index = self.model.index(0, DocumentListModel.TITLE)
            self.view.setCurrentIndex(index)
            self._activated(index)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        self.documentChosen.emit(current.siblingAtColumn(DocumentListModel.TITLE).data(DOCUMENT_ID_ROLE), False)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.documentChosen.emit(index.siblingAtColumn(DocumentListModel.TITLE).data(DOCUMENT_ID_ROLE), True)
