"""The comparison pane: two annotators' spans on the open document, row by row, and the
dialog that picks whom to compare with. Widgets only; reader.ui.compare.controller drives them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.domain.annotations import ACCEPTED, Annotation
from reader.domain.comparison import ComparedRow
from reader.domain.text import one_line
from reader.ui.annotating.annotation_panel import STATUS_MARKS
from reader.ui.annotating.filter_bar import NO_NAME
from reader.ui.shell.dialog_parts import ok_cancel, problem_label
from reader.ui.shell.tables import ROOT, AnyIndex, list_like

DISAGREEMENT = QColor("#f6d3cf")  # a disagreement nobody has settled yet
SETTLED = QColor("#d9ecd4")  # a disagreement whose annotations here are all accepted


class ComparisonModel(QAbstractTableModel):
    START, END, TEXT, A, B, STATE = range(6)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ComparedRow] = []
        self._text = ""
        self._labels = ("A", "B")
        self._here: set[str] = set()  # ids of the annotations in this database

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else 6

    def set_rows(self, rows: list[ComparedRow], text: str, here: set[str]) -> None:
        self.beginResetModel()
        self._rows, self._text, self._here = list(rows), text, set(here)
        self.endResetModel()

    def set_labels(self, a: str, b: str) -> None:
        self._labels = (a, b)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.A, self.B)

    def row(self, row: int) -> ComparedRow:
        return self._rows[row]

    def rows(self) -> list[ComparedRow]:
        return list(self._rows)

    def settled(self, row: ComparedRow) -> bool:
        """Every annotation of the row that is in this database was accepted (and there is one)."""
        here = [x for x in (row.a, row.b) if x is not None and x.id in self._here]
        return bool(here) and all(x.status == ACCEPTED for x in here)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == self.START:
                return row.start
            if column == self.END:
                return row.end
            if column == self.TEXT:
                return one_line(self._text[row.start : row.end], 80)
            if column in (self.A, self.B):
                return self._side(row.a if column == self.A else row.b, role)
            return row.state if row.agrees or not self.settled(row) else f"{row.state} (settled)"
        if role == Qt.ItemDataRole.BackgroundRole and not row.agrees:
            return SETTLED if self.settled(row) else DISAGREEMENT
        if role == Qt.ItemDataRole.ForegroundRole and not row.agrees:
            return QColor("#1a1a1a")  # dark on the light marks, in a dark theme too
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                self._tooltip(label, annotation) for label, annotation in zip(self._labels, (row.a, row.b), strict=True)
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.START, self.END):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _side(annotation: Annotation | None, role: int) -> str:
        if annotation is None:
            return "nothing" if role == Qt.ItemDataRole.AccessibleTextRole else "—"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{annotation.tag}, {annotation.start} to {annotation.end}, {annotation.status}"
        return f"{STATUS_MARKS.get(annotation.status, '?')} {annotation.tag}"

    def _tooltip(self, label: str, annotation: Annotation | None) -> str:
        if annotation is None:
            return f"{label}: nothing here"
        return (
            f"{label}: {annotation.tag} {annotation.start}–{annotation.end} "
            f"“{one_line(annotation.text, 60)}”, {annotation.status}, by {annotation.annotator or NO_NAME}"
        )

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 6:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ("Start", "End", "Text", *self._labels, "State")[section]
        if role == Qt.ItemDataRole.ToolTipRole and section in (self.START, self.END):
            return "Code points, 0-based, end excluded"
        return None


class ComparisonPanel(QWidget):
    """A heading, the table (``comparisonView``) and the keys that work on it."""

    rowChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("comparisonPanel")
        self.model = ComparisonModel(self)
        self.heading = QLabel("Nothing compared yet: View ▸ Compare With…", self)
        self.heading.setObjectName("comparisonHeading")
        self.heading.setWordWrap(True)
        self.view = QTableView(self)
        self.view.setObjectName("comparisonView")
        self.view.setAccessibleName("Comparison of two annotators' spans")
        self.view.setModel(self.model)
        list_like(self.view)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(ComparisonModel.TEXT, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        for column, sample in (
            (ComparisonModel.START, "000000"),
            (ComparisonModel.END, "000000"),
            (ComparisonModel.A, "✓ claim claim"),
            (ComparisonModel.B, "✓ claim claim"),
            (ComparisonModel.STATE, "different tag and extent"),
        ):
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
        self.keys = QLabel(
            "T takes theirs (accepted; ours rejected) · O keeps ours (accepted; theirs here rejected) "
            "· A / R review ours · Ctrl+Z undoes",
            self,
        )
        self.keys.setObjectName("comparisonKeys")
        self.keys.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.keys)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

    def set_labels(self, a: str, b: str) -> None:
        self.model.set_labels(a, b)
        metrics = self.fontMetrics()
        for column, label in ((ComparisonModel.A, a), (ComparisonModel.B, b)):
            wide = max(metrics.horizontalAdvance(label), metrics.horizontalAdvance("✓ claim claim"))
            self.view.setColumnWidth(column, wide + 24)

    def current_row(self) -> int | None:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else None

    def show_rows(self, rows: list[ComparedRow], text: str, here: set[str], keep_row: int | None) -> None:
        """New rows; the row number ``keep_row`` stays current (or the nearest that is left)."""
        self.model.set_rows(rows, text, here)
        if keep_row is not None and rows:
            index = self.model.index(min(keep_row, len(rows) - 1), ComparisonModel.TEXT)
            blocked = self.view.selectionModel().blockSignals(True)
            try:
                self.view.setCurrentIndex(index)
            finally:
                self.view.selectionModel().blockSignals(blocked)

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid() and current.row() != previous.row():
            self.rowChosen.emit(current.row())


@dataclass(frozen=True)
class ComparisonChoice:
    """Side A: this database (one annotator, or everyone when None). Side B: the database at
    ``path``, or this one when it is None; one annotator of it, or everyone."""

    a_annotator: str | None
    path: Path | None
    b_annotator: str | None


class CompareDialog(QDialog):
    chosen = Signal(object)  # ComparisonChoice

    def __init__(self, annotators: list[str], start_folder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle("Compare With")
        self.setMinimumSize(580, 280)  # fixed limits: the problem line must not resize the window's bounds
        self._folder = start_folder
        self.a_box = self._annotator_box("compareAnnotatorA", annotators, "Everyone")
        self.other_database = QRadioButton("&Another database:", self)
        self.other_database.setObjectName("compareOtherDatabase")
        self.this_database = QRadioButton("&This database, annotator:", self)
        self.this_database.setObjectName("compareThisDatabase")
        group = QButtonGroup(self)
        group.addButton(self.other_database)
        group.addButton(self.this_database)
        self.path_box = QLineEdit(self)
        self.path_box.setObjectName("comparePath")
        self.path_box.setAccessibleName("The other database")
        self.path_box.setPlaceholderText("bob.sqlite")
        browse = QPushButton("&Browse…", self)
        self.b_box = self._annotator_box("compareAnnotatorB", annotators, None)
        self.b_database_box = QLineEdit(self)  # B's annotator within the other database (empty: everyone)
        self.b_database_box.setObjectName("compareOtherAnnotator")
        self.b_database_box.setPlaceholderText("everyone")
        self.b_database_box.setAccessibleName("Annotator in the other database (empty: everyone)")
        self.problem = problem_label(self, "compareProblem")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_box, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("A — this database, annotator:", self.a_box)
        form.addRow(QLabel("B:", self))
        form.addRow(self.other_database, path_row)
        form.addRow("      annotator there:", self.b_database_box)
        form.addRow(self.this_database, self.b_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(ok_cancel(self))
        browse.clicked.connect(self._browse)
        self.path_box.textEdited.connect(lambda: self.other_database.setChecked(True))
        self.b_box.activated.connect(lambda: self.this_database.setChecked(True))
        self.other_database.setChecked(True)
        self.path_box.setFocus()

    def _annotator_box(self, name: str, annotators: list[str], everyone: str | None) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        if everyone is not None:
            box.addItem(everyone, None)
        for annotator in annotators:
            box.addItem(annotator or NO_NAME, annotator)
        return box

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            "Compare With",
            self.path_box.text() or self._folder,
            "Reader databases (*.sqlite *.db *.sqlite3);;All files (*)",
        )
        if path:
            self.path_box.setText(path)
            self.other_database.setChecked(True)

    def choice(self) -> ComparisonChoice | str:
        """What was chosen, or why it cannot be compared."""
        a = self.a_box.currentData()
        if self.other_database.isChecked():
            path = self.path_box.text().strip()
            if not path:
                return "Choose the other database (Browse…), or an annotator of this one"
            return ComparisonChoice(a, Path(path).expanduser(), self.b_database_box.text().strip() or None)
        if self.b_box.count() == 0:
            return "Nobody has annotated in this database yet"
        b = self.b_box.currentData()
        if a == b:
            return "Choose two different annotators"
        return ComparisonChoice(a, None, b)

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)

    def accept(self) -> None:
        choice = self.choice()
        if isinstance(choice, str):
            self.show_problem(choice)
            return
        self.chosen.emit(choice)

    def close_chosen(self) -> None:
        """The comparison opened: the dialog's work is done."""
        super().accept()
