"""The relation type editor: add a relation type, or rename one, change the tags it links, its
key or its colour, or delete it.

The dialog only edits a form; ``saveRequested`` and ``deleteRequested`` go to the window, which
changes the types through an undoable command and answers with ``show_types`` or ``show_problem``.
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

from reader.domain.relations import BadRelation, RelationType
from reader.domain.tags import default_colour
from reader.ui.shell.dialog_parts import problem_label
from reader.ui.shell.tag_bar import swatch
from reader.ui.shell.translation import translate

Row = tuple[RelationType, int]  # a relation type and how many relations use it


def _is_colour(text: str) -> bool:
    return len(text) == 7 and text.startswith("#") and QColor(text).isValid()


def row_text(kind: RelationType, used: int) -> str:
    """How the list shows a type: its name, the tags it links, its key and its use."""
    key = f"  [{kind.key}]" if kind.key else ""
    use = translate("Linking", "%n relation(s)", None, used)
    return f"{kind.name}: {kind.source_tag} → {kind.target_tag}{key}  · {use}"


class RelationTypeEditor(QDialog):
    saveRequested = Signal(object, object)  # RelationType, the old name (None for a new type)
    deleteRequested = Signal(str)  # the type's name

    def __init__(self, rows: list[Row], tags: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("relationTypeEditor")
        self.setWindowTitle(translate("Linking", "Edit Relation Types"))
        self.setMinimumSize(760, 340)  # fixed limits: the problem line must not resize the dialog's bounds
        self._rows: list[Row] = []
        self._editing: RelationType | None = None
        self._build_fields()
        self._lay_out()
        self.list.currentRowChanged.connect(self._load_row)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.colour_button.clicked.connect(self._pick_colour)
        self.colour_box.textChanged.connect(self._show_colour)
        self.show_types(rows, tags)

    def _build_fields(self) -> None:
        # Made in the order Tab goes through them.
        self.list = QListWidget(self)
        self.list.setObjectName("relationTypeList")
        self.list.setAccessibleName(translate("Linking", "Relation types"))
        self.list.setMinimumWidth(340)
        self.name_box = self._line("relationTypeName", translate("Linking", "Relation type name"))
        self.source_box = self._combo("relationTypeSource", translate("Linking", "From tag"))
        self.target_box = self._combo("relationTypeTarget", translate("Linking", "To tag"))
        self.key_box = self._line("relationTypeKey", translate("Linking", "Key (with Alt while linking)"))
        self.key_box.setMaxLength(1)
        self.key_box.setMaximumWidth(48)
        self.colour_box = self._line("relationTypeColour", translate("Linking", "Colour (#rrggbb)"))
        self.colour_box.setMaximumWidth(100)
        self.colour_button = QPushButton(translate("Linking", "Choose…"), self)
        self.colour_button.setAccessibleName(translate("Linking", "Choose a colour"))
        self.description_box = self._line("relationTypeDescription", translate("Linking", "Description"))
        self.problem = problem_label(self, "relationTypeProblem")
        self.new_button = QPushButton(translate("Linking", "Ne&w Type"), self)
        self.new_button.setObjectName("relationTypeNew")
        self.delete_button = QPushButton(translate("Linking", "&Delete Type"), self)
        self.delete_button.setObjectName("relationTypeDelete")
        self.save_button = QPushButton(translate("Linking", "&Save"), self)
        self.save_button.setObjectName("relationTypeSave")
        self.save_button.setDefault(True)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_buttons.rejected.connect(self.reject)

    def _line(self, name: str, accessible: str) -> QLineEdit:
        box = QLineEdit(self)
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        return box

    def _combo(self, name: str, accessible: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        return box

    def _lay_out(self) -> None:
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour_box)
        colour_row.addWidget(self.colour_button)
        colour_row.addStretch(1)
        form = QFormLayout()
        for text, field in (
            (translate("Linking", "&Name:"), self.name_box),
            (translate("Linking", "&From tag:"), self.source_box),
            (translate("Linking", "&To tag:"), self.target_box),
            (translate("Linking", "&Key:"), self.key_box),
            (translate("Linking", "&Colour:"), self.colour_box),
            (translate("Linking", "Desc&ription:"), self.description_box),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, colour_row if field is self.colour_box else field)
        hint = QLabel(
            translate(
                "Linking",
                "Alt+key picks the type while linking. A renamed type keeps its links; the tags of a type "
                "in use cannot change. Ctrl+Z in the window undoes a change or a deletion.",
            ),
            self,
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addStretch(1)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body)
        outer.addWidget(self.close_buttons)

    # ----- what the window shows in it -----

    def show_types(self, rows: list[Row], tags: list[str], select: str | None = None) -> None:
        self._rows = list(rows)
        self.problem.clear()
        for box in (self.source_box, self.target_box):
            box.clear()
            box.addItems(tags)
        self.list.blockSignals(True)
        self.list.clear()
        for kind, used in self._rows:
            item = QListWidgetItem(swatch(kind.colour, kind.key), row_text(kind, used))
            item.setData(Qt.ItemDataRole.UserRole, kind.name)
            item.setToolTip(kind.description)
            self.list.addItem(item)
        self.list.blockSignals(False)
        names = [kind.name for kind, _ in self._rows]
        editing = self._editing.name if self._editing is not None else None
        wanted = select if select in names else (editing if editing in names else None)
        if wanted is not None:
            self.list.setCurrentRow(names.index(wanted))
        elif self._rows:
            self.list.setCurrentRow(0)
        else:
            self.start_new()

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)

    # ----- what the user does -----

    def start_new(self) -> None:
        self._editing = None
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        kinds = [kind for kind, _ in self._rows]
        first_tag = self.source_box.itemText(0)
        self._fill(
            RelationType(
                translate("Linking", "new_type"),
                first_tag or "tag",
                first_tag or "tag",
                default_colour(kinds),
                position=max((kind.position for kind in kinds), default=-1) + 1,
            )
        )
        self.problem.clear()
        self.name_box.setFocus()
        self.name_box.selectAll()

    def save(self) -> None:
        colour = self.colour_box.text().strip().lower()
        if not _is_colour(colour):
            self.show_problem(translate("Linking", "The colour must look like #rrggbb"))
            return
        position = (
            self._editing.position
            if self._editing is not None
            else max((kind.position for kind, _ in self._rows), default=-1) + 1
        )
        try:
            kind = RelationType(
                self.name_box.text().strip(),
                self.source_box.currentText(),
                self.target_box.currentText(),
                colour,
                self.key_box.text().strip(),
                self.description_box.text().strip(),
                position,
            )
        except BadRelation as error:
            self.show_problem(str(error))
            return
        self.problem.clear()
        self.saveRequested.emit(kind, self._editing.name if self._editing is not None else None)

    def delete(self) -> None:
        if self._editing is None:
            self.show_problem(translate("Linking", "Choose the relation type to delete in the list first"))
            return
        self.deleteRequested.emit(self._editing.name)

    def _load_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self._editing = self._rows[row][0]
            self._fill(self._editing)
            self.problem.clear()

    def _fill(self, kind: RelationType) -> None:
        self.name_box.setText(kind.name)
        self.source_box.setCurrentIndex(self.source_box.findText(kind.source_tag))
        self.target_box.setCurrentIndex(self.target_box.findText(kind.target_tag))
        self.key_box.setText(kind.key)
        self.colour_box.setText(kind.colour)
        self.description_box.setText(kind.description)

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(
            QColor(self.colour_box.text()), self, translate("Linking", "Relation type colour")
        )
        if colour.isValid():
            self.colour_box.setText(colour.name())

    def _show_colour(self, text: str) -> None:
        self.colour_button.setIcon(swatch(text if _is_colour(text) else "#ffffff"))
