"""Edit ▸ Preferences: the user's name, stored on every annotation they make and every review."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from reader.ui.shell.dialog_parts import ok_cancel, problem_label
from reader.ui.shell.translation import translate

MAX_NAME = 64


def name_problem(name: str) -> str:
    """Why ``name`` cannot be an annotator's name, or "" when it can."""
    if not name.strip():
        return translate("Library", "Type a name: it is stored on every annotation and review you make")
    if len(name.strip()) > MAX_NAME:
        return translate("Library", "At most %n character(s)", None, MAX_NAME)
    if any(ord(c) < 32 for c in name):
        return translate("Library", "No control characters")
    return ""


class PreferencesDialog(QDialog):
    annotatorChosen = Signal(str)

    def __init__(self, annotator: str, default: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(translate("Library", "Preferences"))
        self.setMinimumSize(440, 200)  # fixed limits: the problem line must not resize the window's bounds
        self.name_box = QLineEdit(annotator, self)
        self.name_box.setObjectName("annotatorName")
        self.name_box.setAccessibleName(translate("Library", "Your name"))
        self.name_box.setPlaceholderText(default)
        self.name_box.setMaxLength(MAX_NAME)
        self.problem = problem_label(self, "preferencesProblem")
        explanation = QLabel(
            translate(
                "Library",
                "Stored as the annotator of every annotation you make and as the reviewer "
                "of every one you accept or reject. Until you change it, it is your login "
                "name ({default}).",
            ).format(default=default),
            self,
        )
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("Library", "Your &name:"), self.name_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(self.problem)
        layout.addWidget(ok_cancel(self))
        self.name_box.textChanged.connect(lambda: self.problem.clear())
        self.name_box.selectAll()

    def accept(self) -> None:
        name = self.name_box.text()
        problem = name_problem(name)
        if problem:
            self.problem.setText(problem)
            return
        self.annotatorChosen.emit(name.strip())
        super().accept()
