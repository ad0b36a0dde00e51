"""Finding text: the in-document find bar (Ctrl+F) and the corpus search (FTS)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.domain.documents import SearchHit
from reader.ui.reading.search_hits import CONTEXT_ROLE, PADDING, TITLE_ROLE, context_of
from reader.ui.shell.tables import ROOT, AnyIndex
from reader.ui.shell.translation import translate

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 20
SEARCH_DELAY_MS = 250


class FindBar(QWidget):
    """A slim bar under the text: Enter finds the next match, Shift+Enter the previous."""

    findRequested = Signal(str, bool)  # query, backward
    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.box = QLineEdit(self)
        self.box.setObjectName("findBox")
        self.box.setPlaceholderText(translate("Reading", "Find in document"))
        self.box.setAccessibleName(translate("Reading", "Find in document"))
        self.box.setClearButtonEnabled(True)
        self.box.installEventFilter(self)
        previous = QToolButton(self)
        previous.setText("▲")
        previous.setToolTip(translate("Reading", "Previous match (Shift+Enter)"))
        previous.setAccessibleName(translate("Reading", "Previous match"))
        following = QToolButton(self)
        following.setText("▼")
        following.setToolTip(translate("Reading", "Next match (Enter)"))
        following.setAccessibleName(translate("Reading", "Next match"))
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(translate("Reading", "Close (Esc)"))
        close.setAccessibleName(translate("Reading", "Close the find bar"))
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.box, 1)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.status)
        layout.addWidget(close)
        previous.clicked.connect(lambda: self.request_find(backward=True))
        following.clicked.connect(lambda: self.request_find(backward=False))
        close.clicked.connect(self.close_bar)
        self.box.textEdited.connect(lambda: self.status.clear())
        self.hide()

    def open_bar(self, initial: str = "") -> None:
        if initial and "\n" not in initial:
            self.box.setText(initial)
        self.show()
        self.box.setFocus()
        self.box.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def request_find(self, backward: bool = False) -> None:
        """Ask for the next (previous) match of the query in the box (findRequested), when there is one."""
        if self.box.text():
            self.findRequested.emit(self.box.text(), backward)

    def show_result(self, found: bool) -> None:
        self.status.setText("" if found else translate("Reading", "Not found"))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.box and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.request_find(backward=bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)


class SearchHitModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._contexts: list[tuple[str, str, str]] = []
        self._row_size = QSize(0, 40)

    def set_line_height(self, pixels: int) -> None:
        """Each hit shows two lines, its title and the words around the match."""
        self.layoutAboutToBeChanged.emit()
        self._row_size = QSize(0, 2 * pixels + 2 * PADDING + 2)
        self.layoutChanged.emit()

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self._hits[index.row()]
        before, match, after = self._contexts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit.title or hit.name}\n{before}{match}{after}"
        if role == TITLE_ROLE:
            return hit.title or hit.name
        if role == CONTEXT_ROLE:
            return before, match, after
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"<qt>{escape(hit.name)}<br>{escape(before)}<b>{escape(match)}</b>{escape(after)}</qt>"
        if role == Qt.ItemDataRole.SizeHintRole:
            return self._row_size
        if role == DOCUMENT_ID_ROLE:
            return hit.document_id
        return None

    def set_hits(self, hits: list[SearchHit], query: str = "") -> None:
        """``hits`` of a search for ``query``, whose words their snippets mark."""
        self.beginResetModel()
        self._hits = list(hits)
        self._contexts = [context_of(hit.snippet, query) for hit in self._hits]
        self.endResetModel()


class CorpusSearch(QWidget):
    """The search box (``searchBox``) and its hits; choosing a hit opens its document."""

    hitChosen = Signal(int, str)  # document id, the query

    def __init__(self, search: Callable[[str], list[SearchHit]], parent=None):
        super().__init__(parent)
        self._search = search
        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText(translate("Reading", "Search all documents"))
        self.box.setAccessibleName(translate("Reading", "Search all documents"))
        self.box.setClearButtonEnabled(True)
        self.box.installEventFilter(self)
        self.model = SearchHitModel(self)
        self._delegate: QStyledItemDelegate | None = None
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(translate("Reading", "Search results"))
        self.results.setModel(self.model)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(False)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setUniformItemSizes(True)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setSpacing(1)
        self.model.set_line_height(self.results.fontMetrics().lineSpacing())
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run)
        self.box.textEdited.connect(lambda: self._timer.start())
        self.results.activated.connect(self._chosen)
        self.results.clicked.connect(self._chosen)

    def set_search(self, search: Callable[[str], list[SearchHit]]) -> None:
        self._search = search
        self.model.set_hits([])
        self.status.clear()

    def run(self) -> None:
        self._timer.stop()
        query = self.box.text().strip()
        hits = self._search(query) if query else []
        if hits and self._delegate is None:
            from reader.ui.reading.search_hit_view import SearchHitDelegate  # the first hits shown

            self._delegate = SearchHitDelegate(self.results)
            self.results.setItemDelegate(self._delegate)
        self.model.set_hits(hits, query)
        if not query:
            self.status.clear()
        elif not hits:
            self.status.setText(translate("Reading", "No document contains “{query}”").format(query=query))
        else:
            self.status.setText(translate("Reading", "%Ln document(s)", None, len(hits)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a zoom
            self.model.set_line_height(self.results.fontMetrics().lineSpacing())

    def _chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.hitChosen.emit(index.data(DOCUMENT_ID_ROLE), self.box.text().strip())

    def eventFilter(self, watched, event) -> bool:
        if watched is self.box and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.run()
                if self.model.rowCount():
                    self._chosen(self.model.index(0))
                return True
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.results.setFocus()
                self.results.setCurrentIndex(self.model.index(0))
                return True
        return super().eventFilter(watched, event)
