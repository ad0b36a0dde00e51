"""The relation types in the window: Edit Relation Types… opens the editor, where a type is added,
renamed, given other tags, another key or colour, or deleted, each an undoable step. After each
step (and its undo) the open document's links and the linking keys follow what the database holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.domain.relations import RelationType
from reader.store import StoreError
from reader.ui.annotating.controller import AnnotatingController
from reader.ui.annotating.relation_commands import DeleteRelationType, SaveRelationType
from reader.ui.shell.actions import Actions
from reader.ui.shell.session import Session, StoreCommand
from reader.ui.shell.translation import translate

if TYPE_CHECKING:  # the window is only a type here: it is built of the features' widgets
    from reader.ui.linking.relation_type_editor import RelationTypeEditor, Row
    from reader.ui.main_window import MainWindow


class RelationTypesController(QObject):
    def __init__(self, session: Session, actions: Actions, window: MainWindow, annotating: AnnotatingController):
        super().__init__(window)
        self.session = session
        self.window = window
        self.annotating = annotating
        self.editor: RelationTypeEditor | None = None
        actions.bind("EditRelationTypes", self.edit)
        # A step or its undo, a tag renamed or deleted (it takes the types that link it), another database.
        session.relationsChanged.connect(lambda document_id: self._show_stored())
        session.tagsLoaded.connect(self._show_stored)

    def edit(self) -> None:
        if self.editor is None:
            # Imported when first opened: its colour dialog and combo boxes made enums at start-up.
            from reader.ui.linking.relation_type_editor import RelationTypeEditor

            self.editor = RelationTypeEditor([], [], self.window)
            self.editor.saveRequested.connect(self.save)
            self.editor.deleteRequested.connect(self.delete)
            self.editor.finished.connect(self._editor_closed)
        self._show_stored()
        self.editor.show()
        self.editor.activateWindow()
        self.editor.list.setFocus()  # the types first: arrows choose one, Tab goes to its fields

    def save(self, kind: RelationType, old_name: str | None) -> None:
        try:
            before = self.session.store.relation_type(old_name) if old_name is not None else None
        except StoreError as error:
            self._refused(str(error))
            return
        if before == kind:
            return
        command = SaveRelationType(self.session.store, self.annotating, before, kind, self._document_id())
        if self._push(command, kind.name):
            self.window.say(translate("Linking", "Relation type {name} saved").format(name=kind.name))

    def delete(self, name: str) -> None:
        try:
            kind = self.session.store.relation_type(name)
        except StoreError as error:
            self._refused(str(error))
            return
        if kind is None:
            return
        if self._push(DeleteRelationType(self.session.store, self.annotating, kind, self._document_id()), None):
            self.window.say(
                translate("Linking", "Relation type {name} deleted; Ctrl+Z brings it back").format(name=name)
            )

    def _push(self, command: StoreCommand, select: str | None) -> bool:
        """Run the step; the editor shows the types after it, or the store's one-line refusal."""
        if not self.session.push(command):
            self._refused(command.failure or "")
            return False
        self._show_stored(select)
        return True

    def _document_id(self) -> int | None:
        return None if self.session.document is None else self.session.document.id

    def _rows(self) -> list[Row]:
        store = self.session.store
        return [(kind, store.relation_use(kind.name)) for kind in store.relation_types()]

    def _show_stored(self, select: str | None = None) -> None:
        """The types as the database holds them, in the editor when it is open."""
        if self.editor is None:
            return
        try:
            rows = self._rows()
        except StoreError as error:
            self._refused(str(error))
            return
        self.editor.show_types(rows, [tag.name for tag in self.session.tags], select)

    def _refused(self, message: str) -> None:
        if self.editor is not None:
            self.editor.show_problem(message)

    def _editor_closed(self) -> None:
        if self.editor is not None:
            self.editor.deleteLater()
        self.editor = None
