"""The comparison table: one row per pair of A's and B's spans, as paired when the
comparison opened, each side with its status here, its span and its text, then how the
two differ and what the editor decided."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QColor

from reader.domain.annotations import ACCEPTED, PENDING, REJECTED, Annotation
from reader.domain.comparison import ABSENT, KEPT_OURS, REPLACED, TAKEN_THEIRS, ComparedRow, RowNow
from reader.domain.text import one_line
from reader.ui.annotating.annotation_panel import STATUS_MARKS
from reader.ui.annotating.filter_bar import NO_NAME
from reader.ui.shell.tables import ROOT, AnyIndex

DISAGREEMENT = QColor("#f6d3cf")  # a disagreement nobody has settled yet
SETTLED = QColor("#d9ecd4")  # a row whose version the editor chose
DECISIONS = {TAKEN_THEIRS: "✓ taken theirs", KEPT_OURS: "✓ kept ours"}
TO_SETTLE = "to settle"
SPAN_TIP = "Code points, 0-based, end excluded"


def span_of(annotation: Annotation) -> str:
    return f"{annotation.start}–{annotation.end}"


class ComparisonModel(QAbstractTableModel):
    A, A_SPAN, A_TEXT, B, B_SPAN, B_TEXT, DIFFERENCE, DECISION = range(8)
    SPANS = (A_SPAN, B_SPAN)
    TEXTS = (A_TEXT, B_TEXT)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[RowNow] = []
        self._labels = ("A", "B")

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else 8

    def set_rows(self, rows: list[RowNow]) -> None:
        """Rows of another pairing: the table starts afresh."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: list[RowNow]) -> None:
        """The same pairing as it stands now: every row stays where it is, and so do the
        current row, the selection and the scroll position."""
        assert [row.pair for row in rows] == [row.pair for row in self._rows]
        self._rows = list(rows)
        if rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.DECISION))

    def pairs(self) -> list[ComparedRow]:
        return [row.pair for row in self._rows]

    def set_labels(self, a: str, b: str) -> None:
        self._labels = (a, b)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.A, self.B)

    def row(self, row: int) -> RowNow:
        return self._rows[row]

    def rows(self) -> list[RowNow]:
        return list(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column, role == Qt.ItemDataRole.AccessibleTextRole)
        if role == Qt.ItemDataRole.BackgroundRole:
            return SETTLED if row.decision else DISAGREEMENT if row.to_settle else None
        if role == Qt.ItemDataRole.ForegroundRole and (row.decision or row.to_settle):
            return QColor("#1a1a1a")  # dark on the light marks, in a dark theme too
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self._tooltip(row.a, row.a_fate, True)}\n{self._tooltip(row.b, row.b_fate, False)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.SPANS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: RowNow, column: int, spoken: bool) -> str:
        if column == self.DIFFERENCE:
            return row.state
        if column == self.DECISION:
            return DECISIONS.get(row.decision or "", TO_SETTLE if row.to_settle else "")
        on_a = column < self.B
        annotation, what = (row.a, row.a_fate) if on_a else (row.b, row.b_fate)
        if annotation is None:
            return "nothing" if spoken and column in (self.A, self.B) else "—" if column in (self.A, self.B) else ""
        if column in self.SPANS:
            return f"{annotation.start} to {annotation.end}" if spoken else span_of(annotation)
        if column in self.TEXTS:
            return one_line(annotation.text, 80)
        status = self.status(annotation, what, on_a)
        return f"{annotation.tag}, {status}" if spoken else f"{STATUS_MARKS.get(status, '?')} {annotation.tag}"

    @staticmethod
    def status(annotation: Annotation, what: str | None, on_a: bool) -> str:
        """The status a side shows: its own here; a version replaced by the other side's, or
        ours deleted since, counts as rejected; theirs not here shows its status where it is."""
        if what in (PENDING, ACCEPTED, REJECTED):
            return what
        if what == REPLACED or on_a:
            return REJECTED
        return annotation.status

    def _tooltip(self, annotation: Annotation | None, what: str | None, on_a: bool) -> str:
        label = self._labels[0 if on_a else 1]
        if annotation is None:
            return f"{label}: nothing here"
        if what == REPLACED:
            status = "replaced here by the other side's version"
        elif what == ABSENT:
            status = (
                "deleted here since the comparison opened" if on_a else f"{annotation.status}, not in this database"
            )
        else:
            status = what or ""
        return (
            f"{label}: {annotation.tag} {span_of(annotation)} “{one_line(annotation.text, 60)}”, {status}, "
            f"by {annotation.annotator or NO_NAME}"
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 8:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            a, b = self._labels
            return (a, "A span", "A text", b, "B span", "B text", "Difference", "Decision")[section]
        if role == Qt.ItemDataRole.ToolTipRole and section in self.SPANS:
            return SPAN_TIP
        return None
