"""The tag editor: add a tag, or rename, recolour, rebind the key of or delete one.

The dialog only edits a form; ``saveRequested`` and ``deleteRequested`` go to the window,
which changes the tags through an undoable command and answers with ``show_tags``,
``show_problem`` or, for a tag in use, ``offer_retag``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.domain.tags import BadTag, Tag, default_colour
from reader.ui.shell.dialog_parts import problem_label
from reader.ui.shell.tag_bar import swatch, tag_icon
from reader.ui.shell.translation import translate


class TagEditor(QDialog):
    saveRequested = Signal(object, object)  # Tag, the old name (None for a new tag)
    deleteRequested = Signal(str, object)  # the tag's name, the tag its annotations move to (or None)

    def __init__(self, tags: list[Tag], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tagEditor")
        self.setWindowTitle(translate("Annotating", "Edit Tags"))
        self.setMinimumSize(560, 320)  # fixed limits: the problem line must not resize the dialog's bounds
        self._tags: list[Tag] = []
        self._editing: Tag | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("tagList")
        self.list.setAccessibleName(translate("Annotating", "Tags"))
        self.list.setMinimumWidth(180)
        self.name_box = QLineEdit(self)
        self.name_box.setObjectName("tagName")
        self.name_box.setAccessibleName(translate("Annotating", "Tag name"))
        self.key_box = QLineEdit(self)
        self.key_box.setObjectName("tagKey")
        self.key_box.setAccessibleName(translate("Annotating", "Key"))
        self.key_box.setMaxLength(1)
        self.key_box.setMaximumWidth(48)
        self.colour_box = QLineEdit(self)
        self.colour_box.setObjectName("tagColour")
        self.colour_box.setAccessibleName(translate("Annotating", "Colour (#rrggbb)"))
        self.colour_box.setMaximumWidth(100)
        self.colour_button = QPushButton(translate("Annotating", "Choose…"), self)
        self.colour_button.setAccessibleName(translate("Annotating", "Choose a colour"))
        self.description_box = QLineEdit(self)
        self.description_box.setObjectName("tagDescription")
        self.description_box.setAccessibleName(translate("Annotating", "Description"))
        self.problem = problem_label(self, "tagProblem")
        self.new_button = QPushButton(translate("Annotating", "&New Tag"), self)
        self.save_button = QPushButton(translate("Annotating", "&Save"), self)
        self.save_button.setObjectName("tagSave")
        self.save_button.setDefault(True)
        self.delete_button = QPushButton(translate("Annotating", "&Delete Tag"), self)
        self.delete_button.setObjectName("tagDelete")
        self.retag_box = QComboBox(self)
        self.retag_box.setObjectName("tagRetagTo")
        self.retag_box.setAccessibleName(translate("Annotating", "Move its annotations to"))
        self.retag_label = QLabel(translate("Annotating", "&Move its annotations to:"), self)
        self.retag_label.setBuddy(self.retag_box)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour_box)
        colour_row.addWidget(self.colour_button)
        colour_row.addStretch(1)
        form = QFormLayout()
        form.addRow(translate("Annotating", "&Name:"), self.name_box)
        form.addRow(translate("Annotating", "&Key:"), self.key_box)
        colour_label = QLabel(translate("Annotating", "&Colour:"), self)
        colour_label.setBuddy(self.colour_box)
        form.addRow(colour_label, colour_row)
        form.addRow(translate("Annotating", "&Description:"), self.description_box)
        form.addRow(
            QLabel(
                translate("Annotating", "Renaming a tag keeps its annotations; Ctrl+Z undoes a change or a deletion."),
                self,
            )
        )
        form.addRow(self.problem)
        form.addRow(self.retag_label, self.retag_box)
        self._hide_retag()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addStretch(1)
        right.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body)
        outer.addWidget(close)
        self.list.currentRowChanged.connect(self._load_row)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.colour_button.clicked.connect(self._pick_colour)
        self.colour_box.textChanged.connect(self._show_colour)
        self.show_tags(tags)

    def show_tags(self, tags: list[Tag], select: str | None = None) -> None:
        self._tags = list(tags)
        self.problem.clear()
        self._hide_retag()
        self.list.blockSignals(True)
        self.list.clear()
        for tag in self._tags:
            item = QListWidgetItem(tag_icon(tag), f"{tag.name}  [{tag.key}]" if tag.key else tag.name)
            item.setData(Qt.ItemDataRole.UserRole, tag.name)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [t.name for t in self._tags]
        wanted = (
            select
            if select in names
            else (self._editing.name if self._editing and self._editing.name in names else None)
        )
        if wanted is not None:
            self.list.setCurrentRow(names.index(wanted))
        elif self._tags:
            self.list.setCurrentRow(0)
        else:
            self.start_new()

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)

    def offer_retag(self, message: str) -> None:
        """The tag being deleted is in use: say so, and offer the other tags to move its annotations to."""
        self.show_problem(message)
        self.retag_box.clear()
        for tag in self._tags:
            if self._editing is None or tag.name != self._editing.name:
                self.retag_box.addItem(tag_icon(tag), tag.name, tag.name)
        self.retag_label.show()
        self.retag_box.show()
        self.retag_box.setFocus()

    def _hide_retag(self) -> None:
        self.retag_label.hide()
        self.retag_box.hide()
        self.retag_box.clear()

    def delete(self) -> None:
        if self._editing is None:
            self.show_problem(translate("Annotating", "Choose the tag to delete in the list first"))
            return
        retag_to = self.retag_box.currentData() if self.retag_box.isVisible() else None
        self.deleteRequested.emit(self._editing.name, retag_to)

    def start_new(self) -> None:
        self._editing = None
        self._hide_retag()
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        used = {t.key for t in self._tags}
        free_key = next((k for k in "123456789" if k not in used), "")
        self._fill(
            Tag(
                name=translate("Annotating", "new tag"),
                colour=default_colour(self._tags),
                key=free_key,
                position=len(self._tags),
            )
        )
        self.name_box.setFocus()
        self.name_box.selectAll()

    def save(self) -> None:
        position = self._editing.position if self._editing else max((t.position for t in self._tags), default=-1) + 1
        try:
            tag = Tag(
                name=self.name_box.text().strip(),
                colour=self.colour_box.text().strip().lower(),
                key=self.key_box.text().strip(),
                description=self.description_box.text().strip(),
                position=position,
            )
        except BadTag as error:
            self.show_problem(str(error))
            return
        self.problem.clear()
        self.saveRequested.emit(tag, self._editing.name if self._editing else None)

    def _load_row(self, row: int) -> None:
        if 0 <= row < len(self._tags):
            self._editing = self._tags[row]
            self._fill(self._editing)
            self.problem.clear()
            self._hide_retag()

    def _fill(self, tag: Tag) -> None:
        self.name_box.setText(tag.name)
        self.key_box.setText(tag.key)
        self.colour_box.setText(tag.colour)
        self.description_box.setText(tag.description)

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.colour_box.text()), self, translate("Annotating", "Tag colour"))
        if colour.isValid():
            self.colour_box.setText(colour.name())

    def _show_colour(self, text: str) -> None:
        colour = QColor(text)
        self.colour_button.setIcon(swatch(colour.name()) if colour.isValid() and len(text) == 7 else swatch("#ffffff"))
