"""The comparison pane: a heading with the counts, the table of paired spans, a switch to
hide the settled rows, and the keys that work on it. Widgets only;
reader.ui.compare.controller drives them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
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


class ComparisonPanel(QWidget):
    """A heading, the table (``comparisonView``) and the keys that work on it."""

    rowChosen = Signal(int)

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
        self.view = QTableView(self)
        self.view.setObjectName("comparisonView")
        self.view.setAccessibleName(translate("Compare", "Comparison of two annotators' spans"))
        self.view.setModel(self.model)
        list_like(self.view)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in ComparisonModel.TEXTS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self._widths = _widths(self.fontMetrics())
        for column, wide in self._widths.items():
            self.view.setColumnWidth(column, wide + 16)
        self.keys = QLabel(
            translate(
                "Compare",
                "T takes theirs (accepted; ours rejected) · O keeps ours (accepted; theirs rejected here) "
                "· settled rows stay, marked ✓ · Ctrl+Z undoes",
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
        layout.addWidget(self.view, 1)
        layout.addWidget(self.keys)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.hide_settled.toggled.connect(self._hide_rows)

    def set_labels(self, a: str, b: str) -> None:
        self.model.set_labels(a, b)
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

    def _hide_rows(self) -> None:
        """Hide the settled rows when asked to; a current row hidden gives way to the nearest shown."""
        hiding = self.hide_settled.isChecked()
        for row, compared in enumerate(self.model.rows()):
            self.view.setRowHidden(row, hiding and compared.decision is not None)
        current = self.current_row()
        if current is None or not self.view.isRowHidden(current):
            return
        count = self.model.rowCount()
        shown = [row for row in range(count) if not self.view.isRowHidden(row)]
        if shown:  # the nearest row still shown, below it first
            self.go_to(min(shown, key=lambda row: (row < current, abs(row - current))))

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid() and current.row() != previous.row():
            self.rowChosen.emit(current.row())
