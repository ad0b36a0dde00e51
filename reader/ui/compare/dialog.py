"""The dialog of View ▸ Compare With: whom this database's spans are compared with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.reading.status_words import annotator_choice
from reader.ui.shell.dialog_parts import ok_cancel, problem_label
from reader.ui.shell.translation import translate

_INDENT = "      "  # the line of B's annotator there sits under the other database's


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
        self.setWindowTitle(translate("Compare", "Compare With"))
        self.setMinimumSize(580, 280)  # fixed limits: the problem line must not resize the window's bounds
        self._folder = start_folder
        self.a_box = self._annotator_box("compareAnnotatorA", annotators, translate("Compare", "Everyone"))
        self.other_database = QRadioButton(translate("Compare", "&Another database:"), self)
        self.other_database.setObjectName("compareOtherDatabase")
        self.this_database = QRadioButton(translate("Compare", "&This database, annotator:"), self)
        self.this_database.setObjectName("compareThisDatabase")
        group = QButtonGroup(self)
        group.addButton(self.other_database)
        group.addButton(self.this_database)
        self.path_box = QLineEdit(self)
        self.path_box.setObjectName("comparePath")
        self.path_box.setAccessibleName(translate("Compare", "The other database"))
        self.path_box.setPlaceholderText("bob.sqlite")
        browse = QPushButton(translate("Compare", "&Browse…"), self)
        self.b_box = self._annotator_box("compareAnnotatorB", annotators, None)
        self.b_database_box = QLineEdit(self)  # B's annotator within the other database (empty: everyone)
        self.b_database_box.setObjectName("compareOtherAnnotator")
        self.b_database_box.setPlaceholderText(translate("Compare", "everyone"))
        self.b_database_box.setAccessibleName(translate("Compare", "Annotator in the other database (empty: everyone)"))
        self.problem = problem_label(self, "compareProblem")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_box, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(translate("Compare", "A — this database, annotator:"), self.a_box)
        form.addRow(QLabel(translate("Compare", "B:"), self))
        form.addRow(self.other_database, path_row)
        form.addRow(_INDENT + translate("Compare", "annotator there:"), self.b_database_box)
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
            box.addItem(annotator_choice(annotator), annotator)
        return box

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("Compare", "Compare With"),
            self.path_box.text() or self._folder,
            translate("Compare", "Reader databases (*.sqlite *.db *.sqlite3);;All files (*)"),
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
                return translate("Compare", "Choose the other database (Browse…), or an annotator of this one")
            return ComparisonChoice(a, Path(path).expanduser(), self.b_database_box.text().strip() or None)
        if self.b_box.count() == 0:
            return translate("Compare", "Nobody has annotated in this database yet")
        b = self.b_box.currentData()
        if a == b:
            return translate("Compare", "Choose two different annotators")
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
