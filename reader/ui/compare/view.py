"""The comparison pane: a heading with the counts, the table of paired spans, under it the
table of paired links (Tab goes from one to the other), a switch to hide the settled rows,
and the keys that work on them. Widgets only; reader.ui.compare.controller drives them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.domain.comparison import RowNow
from reader.domain.relation_comparison import LinkNow
from reader.ui.compare.link_model import LinkModel
from reader.ui.compare.model import DECISIONS, DIFFERENCES, TO_SETTLE, ComparisonModel
from reader.ui.shell.tables import list_like
from reader.ui.shell.translation import translate


def _widths(metrics: QFontMetrics) -> dict[int, int]:
    """How wide each narrow column must be to fit what it shows, in the window's language."""
    samples = {
        ComparisonModel.A: ["✓ claim claim"],
        ComparisonModel.A_SPAN: ["00000–00000"],
        ComparisonModel.B: ["✓ claim claim"],
        ComparisonModel.B_SPAN: ["00000–00000"],
        ComparisonModel.DIFFERENCE: [translate("Compare", word) for word in DIFFERENCES.values()],
        ComparisonModel.DECISION: [translate("Compare", word) for word in (*DECISIONS.values(), TO_SETTLE)],
    }
    return {column: max(metrics.horizontalAdvance(word) for word in words) for column, words in samples.items()}


def _table(parent: QWidget, name: str, accessible: str, model) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    list_like(view)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab goes on to the next table, not the next cell
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def _hide_settled(view: QTableView, rows: Sequence[RowNow | LinkNow], hiding: bool, go_to) -> None:
    """Hide the settled rows when asked to; a current row hidden gives way to the nearest shown."""
    for row, compared in enumerate(rows):
        view.setRowHidden(row, hiding and compared.decision is not None)
    index = view.currentIndex()
    if not index.isValid() or not view.isRowHidden(index.row()):
        return
    current = index.row()
    shown = [row for row in range(len(rows)) if not view.isRowHidden(row)]
    if shown:  # the nearest row still shown, below it first
        go_to(min(shown, key=lambda row: (row < current, abs(row - current))))


class ComparisonPanel(QWidget):
    """A heading, the tables of spans (``comparisonView``) and links (``comparisonLinks``),
    and the keys that work on them."""

    rowChosen = Signal(int)
    linkChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("comparisonPanel")
        self.model = ComparisonModel(self)
        self.heading = QLabel(translate("Compare", "Nothing compared yet: View ▸ Compare With…"), self)
        self.heading.setObjectName("comparisonHeading")
        self.heading.setWordWrap(True)
        self.hide_settled = QCheckBox(translate("Compare", "&Hide settled rows"), self)
        self.hide_settled.setObjectName("comparisonHideSettled")
        self.hide_settled.setToolTip(translate("Compare", "Show only the rows still to settle and those that agree"))
        self.view = _table(
            self, "comparisonView", translate("Compare", "Comparison of two annotators' spans"), self.model
        )
        header = self.view.horizontalHeader()
        for column in ComparisonModel.TEXTS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._widths = _widths(self.fontMetrics())
        for column, wide in self._widths.items():
            self.view.setColumnWidth(column, wide + 16)
        self.links_model = LinkModel(self)
        self.links_heading = QLabel(translate("Compare", "Links"), self)
        self.links_view = _table(
            self, "comparisonLinks", translate("Compare", "Comparison of two annotators' links"), self.links_model
        )
        for column in LinkModel.LINKS:
            self.links_view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column, wide in (
            (LinkModel.DIFFERENCE, ComparisonModel.DIFFERENCE),
            (LinkModel.DECISION, ComparisonModel.DECISION),
        ):
            self.links_view.setColumnWidth(column, self._widths[wide] + 16)
        self._links_used_last = False
        self.keys = QLabel(
            translate(
                "Compare",
                "T takes theirs (accepted; ours rejected) · O keeps ours (accepted; theirs rejected here), "
                "of the span or the link selected · Tab goes to the links · settled rows stay, marked ✓ "
                "· Ctrl+Z undoes",
            ),
            self,
        )
        self.keys.setObjectName("comparisonKeys")
        self.keys.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.hide_settled, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.view, 2)
        layout.addWidget(self.links_heading)
        layout.addWidget(self.links_view, 1)
        layout.addWidget(self.keys)
        QWidget.setTabOrder(self.view, self.links_view)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.links_view.selectionModel().currentRowChanged.connect(self._current_link_changed)
        self.hide_settled.toggled.connect(self._hide_rows)
        for view in (self.view, self.links_view):
            view.installEventFilter(self)

    def set_labels(self, a: str, b: str) -> None:
        self.model.set_labels(a, b)
        self.links_model.set_labels(a, b)
        metrics = self.fontMetrics()
        for column, label in ((ComparisonModel.A, a), (ComparisonModel.B, b)):
            wide = max(metrics.horizontalAdvance(label), self._widths[column])
            self.view.setColumnWidth(column, wide + 24)

    def current_row(self) -> int | None:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else None

    def show_rows(self, rows: list[RowNow]) -> bool:
        """Show ``rows``; True when they are the rows shown already as they stand now (they
        keep their places and the current row), False when the table started afresh."""
        same = self.model.pairs() == [row.pair for row in rows] and bool(rows)
        if same:
            self.model.update_rows(rows)
        else:
            self.model.set_rows(rows)
        self._hide_rows()
        return same

    def go_to(self, row: int) -> None:
        """Make ``row`` current, as the arrow keys do (the text shows it)."""
        self.view.setCurrentIndex(self.model.index(row, ComparisonModel.A_TEXT))

    def current_link(self) -> int | None:
        index = self.links_view.currentIndex()
        return index.row() if index.isValid() else None

    def show_links(self, rows: list[LinkNow]) -> bool:
        """Show the link ``rows``; True when they are the rows shown already as they stand now."""
        same = self.links_model.show_rows(rows)
        self._hide_rows()
        return same

    def go_to_link(self, row: int) -> None:
        self.links_view.setCurrentIndex(self.links_model.index(row, LinkModel.A))

    def links_in_use(self) -> bool:
        """Whether T and O are for the link table: it has the focus, or had it after the span table."""
        return self._links_used_last

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in (self.view, self.links_view):
            self._links_used_last = watched is self.links_view
        return super().eventFilter(watched, event)

    def _hide_rows(self) -> None:
        hiding = self.hide_settled.isChecked()
        _hide_settled(self.view, self.model.rows(), hiding, self.go_to)
        _hide_settled(self.links_view, self.links_model.rows(), hiding, self.go_to_link)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid() and current.row() != previous.row():
            self.rowChosen.emit(current.row())

    def _current_link_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid() and current.row() != previous.row():
            self.linkChosen.emit(current.row())
