"""The comparison table: one row per pair of A's and B's spans, as paired when the
comparison opened, each side with its status here, its span and its text, then how the
two differ and what the editor decided."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QColor

from reader.domain.annotations import ACCEPTED, PENDING, REJECTED, Annotation
from reader.domain.comparison import (
    ABSENT,
    DIFFERENT,
    DIFFERENT_EXTENT,
    DIFFERENT_TAG,
    KEPT_OURS,
    ONLY_A,
    ONLY_B,
    REPLACED,
    SAME,
    TAKEN_THEIRS,
    ComparedRow,
    RowNow,
)
from reader.domain.relations import Relation
from reader.domain.text import one_line
from reader.ui.reading.status_words import STATUS_MARKS, annotator_choice, status_word
from reader.ui.shell.tables import ROOT, AnyIndex
from reader.ui.shell.translation import QT_TRANSLATE_NOOP, translate

DISAGREEMENT = QColor("#f6d3cf")  # a disagreement nobody has settled yet
SETTLED = QColor("#d9ecd4")  # a row whose version the editor chose
# The words the table shows for the domain's states and decisions.
DIFFERENCES = {
    SAME: QT_TRANSLATE_NOOP("Compare", "same"),
    DIFFERENT_TAG: QT_TRANSLATE_NOOP("Compare", "different tag"),
    DIFFERENT_EXTENT: QT_TRANSLATE_NOOP("Compare", "different extent"),
    DIFFERENT: QT_TRANSLATE_NOOP("Compare", "different tag and extent"),
    ONLY_A: QT_TRANSLATE_NOOP("Compare", "only A"),
    ONLY_B: QT_TRANSLATE_NOOP("Compare", "only B"),
}
DECISIONS = {
    TAKEN_THEIRS: QT_TRANSLATE_NOOP("Compare", "✓ taken theirs"),
    KEPT_OURS: QT_TRANSLATE_NOOP("Compare", "✓ kept ours"),
}
TO_SETTLE = QT_TRANSLATE_NOOP("Compare", "to settle")


def shown(words: dict[str, str], value: str) -> str:
    """``value`` (a state or a decision) in the window's language."""
    return translate("Compare", words[value]) if value in words else value


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
            return shown(DIFFERENCES, row.state)
        if column == self.DECISION:
            if row.decision:
                return shown(DECISIONS, row.decision)
            return translate("Compare", TO_SETTLE) if row.to_settle else ""
        on_a = column < self.B
        annotation, what = (row.a, row.a_fate) if on_a else (row.b, row.b_fate)
        if annotation is None:
            if column not in (self.A, self.B):
                return ""
            return translate("Compare", "nothing") if spoken else "—"
        if column in self.SPANS:
            if spoken:
                return translate("Compare", "{start} to {end}").format(start=annotation.start, end=annotation.end)
            return span_of(annotation)
        if column in self.TEXTS:
            return one_line(annotation.text, 80)
        status = self.status(annotation, what, on_a)
        if spoken:
            return f"{annotation.tag}, {status_word(status)}"
        return f"{STATUS_MARKS.get(status, '?')} {annotation.tag}"

    @staticmethod
    def status(annotation: Annotation | Relation, what: str | None, on_a: bool) -> str:
        """The status a side (a span, or a link) shows: its own here; a version replaced by the
        other side's, or ours deleted since, counts as rejected; theirs not here shows its
        status where it is."""
        if what in (PENDING, ACCEPTED, REJECTED):
            return what
        if what == REPLACED or on_a:
            return REJECTED
        return annotation.status

    def _tooltip(self, annotation: Annotation | None, what: str | None, on_a: bool) -> str:
        side = self._labels[0 if on_a else 1]
        if annotation is None:
            return translate("Compare", "{side}: nothing here").format(side=side)
        if what == REPLACED:
            status = translate("Compare", "replaced here by the other side's version")
        elif what == ABSENT and on_a:
            status = translate("Compare", "deleted here since the comparison opened")
        elif what == ABSENT:
            status = translate("Compare", "{status}, not in this database").format(
                status=status_word(annotation.status)
            )
        else:
            status = status_word(what or "")
        return translate("Compare", "{side}: {tag} {span} “{text}”, {status}, by {annotator}").format(
            side=side,
            tag=annotation.tag,
            span=span_of(annotation),
            text=one_line(annotation.text, 60),
            status=status,
            annotator=annotator_choice(annotation.annotator),
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 8:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            a, b = self._labels
            return (
                a,
                translate("Compare", "A span"),
                translate("Compare", "A text"),
                b,
                translate("Compare", "B span"),
                translate("Compare", "B text"),
                translate("Compare", "Difference"),
                translate("Compare", "Decision"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole and section in self.SPANS:
            return translate("Compare", "Code points, 0-based, end excluded")
        return None
