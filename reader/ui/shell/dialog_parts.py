"""What the window's small dialogs share: the red line that says what is wrong, OK / Cancel,
the file dialog and the folder it starts in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog

PROBLEM_STYLE = "color: #b00020"


def problem_label(parent: QDialog, name: str) -> QLabel:
    """An empty, word-wrapped red label named ``name``, for a one-line problem."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet(PROBLEM_STYLE)
    label.setWordWrap(True)
    return label


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """OK (the dialog's accept) and Cancel (its reject)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def documents_folder() -> str:
    """Where a file dialog starts: the user's documents folder when there is one, else the home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def file_dialog() -> type[QFileDialog]:
    """QFileDialog, imported when a file is first asked for: PySide makes every enum member of
    a class at its first import, a millisecond of each start-up that asks for no file."""
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog
