"""What the window's small dialogs share: the red line that says what is wrong, and OK / Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

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
