"""The note editor: a note of several lines on one annotation, in a dialog of its own.

The dialog only edits text; ``noteChosen`` goes to whoever opened it, which stores the
note through an undoable command."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from reader.domain.annotations import Annotation
from reader.domain.text import one_line
from reader.ui.shell.translation import translate

SAVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def quoted(annotation: Annotation) -> str:
    """The annotation as a note editor names it: its tag and the start of its text."""
    return translate("Annotating", "{tag} “{text}”").format(tag=annotation.tag, text=one_line(annotation.text, 60))


class NoteEditor(QDialog):
    """Enter starts a new line, Ctrl+Enter saves the note, Esc leaves it as it was."""

    noteChosen = Signal(str)

    def __init__(self, title: str, label: str, note: str, parent: QWidget | None = None, name: str = "noteEditor"):
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumSize(480, 260)  # fixed limits: a long label must not resize the window's bounds
        heading = QLabel(label, self)
        heading.setWordWrap(True)
        self.box = QPlainTextEdit(self)
        self.box.setObjectName("noteText")
        self.box.setAccessibleName(title)
        self.box.setPlainText(note)
        self.box.setTabChangesFocus(True)
        self.box.selectAll()
        self.box.installEventFilter(self)
        heading.setBuddy(self.box)
        hint = QLabel(
            translate(
                "Annotating", "Ctrl+Enter saves the note, Esc closes without saving; Ctrl+Z undoes a saved note."
            ),
            self,
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.box, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.box.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in SAVE_KEYS
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def note(self) -> str:
        return self.box.toPlainText().strip()

    def accept(self) -> None:
        self.noteChosen.emit(self.note())
        super().accept()
