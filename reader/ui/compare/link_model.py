"""The comparison's table of links: one row per pair of A's and B's relations, as paired when
the comparison opened, each side with its status here and its two ends' texts, then how
the two differ and what the editor decided."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QColor

from reader.domain.annotations import Annotation
from reader.domain.relation_comparison import ComparedLink, Ends, LinkNow
from reader.domain.relations import Relation
from reader.domain.text import one_line
from reader.ui.compare.model import DECISIONS, DIFFERENCES, DISAGREEMENT, SETTLED, TO_SETTLE, ComparisonModel, shown
from reader.ui.reading.status_words import STATUS_MARKS, annotator_choice, status_word
from reader.ui.shell.tables import ROOT, AnyIndex
from reader.ui.shell.translation import translate

END_TEXT = 40  # characters of each end's text a cell shows


def end_text(end: Annotation | None, limit: int = END_TEXT) -> str:
    return "?" if end is None else one_line(end.text, limit)


def link_text(ends: Ends, limit: int = END_TEXT) -> str:
    """source text → target text"""
    return f"{end_text(ends[0], limit)} → {end_text(ends[1], limit)}"


class LinkModel(QAbstractTableModel):
    TYPE, A, B, DIFFERENCE, DECISION = range(5)
    LINKS = (A, B)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[LinkNow] = []
        self._labels = ("A", "B")

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else 5

    def show_rows(self, rows: list[LinkNow]) -> bool:
        """Show ``rows``; True when they are the pairing shown already (every row keeps its
        place, and the view its current row), False when the table started afresh."""
        same = bool(rows) and self.pairs() == [row.pair for row in rows]
        if same:
            self._rows = list(rows)
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.DECISION))
        else:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
        return same

    def pairs(self) -> list[ComparedLink]:
        return [row.pair for row in self._rows]

    def set_labels(self, a: str, b: str) -> None:
        self._labels = (a, b)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.A, self.B)

    def row(self, row: int) -> LinkNow:
        return self._rows[row]

    def rows(self) -> list[LinkNow]:
        return list(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, index.column(), role == Qt.ItemDataRole.AccessibleTextRole)
        if role == Qt.ItemDataRole.BackgroundRole:
            return SETTLED if row.decision else DISAGREEMENT if row.to_settle else None
        if role == Qt.ItemDataRole.ForegroundRole and (row.decision or row.to_settle):
            return QColor("#1a1a1a")  # dark on the light marks, in a dark theme too
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(self._tooltip(row, on_a) for on_a in (True, False))
        return None

    def _side(self, row: LinkNow, on_a: bool) -> tuple[Relation | None, str | None, Ends]:
        return (row.a, row.a_fate, row.a_ends) if on_a else (row.b, row.b_fate, row.b_ends)

    def _text(self, row: LinkNow, column: int, spoken: bool) -> str:
        if column == self.TYPE:
            return row.pair.type
        if column == self.DIFFERENCE:
            return shown(DIFFERENCES, row.state)
        if column == self.DECISION:
            if row.decision:
                return shown(DECISIONS, row.decision)
            return translate("Compare", TO_SETTLE) if row.to_settle else ""
        relation, what, ends = self._side(row, column == self.A)
        if relation is None:
            return translate("Compare", "nothing") if spoken else "—"
        status = ComparisonModel.status(relation, what, column == self.A)
        if spoken:
            return translate("Compare", "{source} to {target}, {status}").format(
                source=end_text(ends[0]), target=end_text(ends[1]), status=status_word(status)
            )
        return f"{STATUS_MARKS.get(status, '?')} {link_text(ends)}"

    def _tooltip(self, row: LinkNow, on_a: bool) -> str:
        side = self._labels[0 if on_a else 1]
        relation, what, ends = self._side(row, on_a)
        if relation is None:
            return translate("Compare", "{side}: nothing here").format(side=side)
        status = status_word(ComparisonModel.status(relation, what, on_a))
        return translate("Compare", "{side}: {type} {link}, {status}, by {annotator}").format(
            side=side,
            type=relation.type,
            link=link_text(ends, 60),
            status=status,
            annotator=annotator_choice(relation.annotator),
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 5 or role != Qt.ItemDataRole.DisplayRole:
            return None
        a, b = self._labels
        return (
            translate("Compare", "Link type"),
            a,
            b,
            translate("Compare", "Difference"),
            translate("Compare", "Decision"),
        )[section]
