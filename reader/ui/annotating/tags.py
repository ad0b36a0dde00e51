"""The tags: their actions, their buttons in the tag bar, and the tag editor, where a
tag is added, renamed, recoloured, given another key or deleted (each an undoable step)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.domain.tags import Tag
from reader.store import StoreError
from reader.ui.annotating.commands import DeleteTag, SaveTag
from reader.ui.annotating.controller import AnnotatingController
from reader.ui.shell.actions import Actions
from reader.ui.shell.session import Session
from reader.ui.shell.translation import translate

if TYPE_CHECKING:  # the window is only a type here: it is built of the features' widgets
    from reader.ui.annotating.tag_editor import TagEditor
    from reader.ui.main_window import MainWindow


class TagsController(QObject):
    def __init__(self, session: Session, actions: Actions, window: MainWindow, annotating: AnnotatingController):
        super().__init__(window)
        self.session = session
        self.actions = actions
        self.window = window
        self.annotating = annotating
        self.tag_editor: TagEditor | None = None
        actions.bind("EditTags", self.edit_tags)
        annotating.storedTagsChanged.connect(self.reload)

    def reload(self) -> None:
        """The tags as the database holds them, on every widget and action that shows them."""
        try:
            self.session.tags = tags = self.session.store.tags()
        except StoreError as error:
            self.window.problem(str(error))
            return
        tag_actions = self.actions.set_tags(tags, self.annotating.apply_tag)
        self.window.tag_bar.set_actions(tag_actions, [self.actions["EditTags"]])
        self.window.reader.set_tags(tags)
        self.window.annotation_panel.model.set_tags(tags)
        if self.tag_editor is not None:
            self.tag_editor.show_tags(tags)
        if self.actions.unbound_tag_keys:
            self.window.say(
                "; ".join(
                    translate("Annotating", "tag {tag} has no key here: its key is that of {owner}").format(
                        tag=tag, owner=owner
                    )
                    for tag, owner in self.actions.unbound_tag_keys
                ),
                problem=True,
            )
        self.session.tagsLoaded.emit()

    def edit_tags(self) -> None:
        if self.tag_editor is None:
            from reader.ui.annotating.tag_editor import TagEditor  # made when first opened, not at start-up

            self.tag_editor = TagEditor(self.session.tags, self.window)
            self.tag_editor.saveRequested.connect(self.save_tag)
            self.tag_editor.deleteRequested.connect(self.delete_tag)
            self.tag_editor.finished.connect(self._tag_editor_closed)
        self.tag_editor.show_tags(self.session.tags)
        self.tag_editor.show()
        self.tag_editor.activateWindow()

    def save_tag(self, tag: Tag, old_name: str | None) -> None:
        tags = self.session.tags
        before = next((t for t in tags if t.name == old_name), None) if old_name is not None else None
        if before == tag:
            return
        if tag.key and (owner := self.actions.owner_of_key(tag.key)):
            if self.tag_editor is not None:
                taken = translate("Annotating", "key {key} is already {owner}; choose another")
                self.tag_editor.show_problem(taken.format(key=repr(tag.key), owner=owner))
            return
        command = SaveTag(self.session.store, self.annotating, before, tag)
        if self.session.push(command):
            self.window.say(translate("Annotating", "Tag {name} saved").format(name=tag.name))
            if self.tag_editor is not None:
                self.tag_editor.show_tags(self.session.tags, select=tag.name)
        elif self.tag_editor is not None:
            self.tag_editor.show_problem(command.failure or "")

    def delete_tag(self, name: str, retag_to: str | None) -> None:
        """Delete the tag; one in use only once the user chose a tag to move its annotations to."""
        tag = next((t for t in self.session.tags if t.name == name), None)
        if tag is None or self.tag_editor is None:
            return
        if retag_to is None:
            try:
                used = self.session.store.tag_use(name)
            except StoreError as error:
                self.tag_editor.show_problem(str(error))
                return
            if used:
                in_use = translate(
                    "Annotating",
                    "Tag {name} is used by %n annotation(s): choose a tag to move them to, then Delete Tag again",
                    None,
                    used,
                )
                self.tag_editor.offer_retag(in_use.format(name=name))
                return
        command = DeleteTag(self.session.store, self.annotating, tag, retag_to)
        if not self.session.push(command):
            self.tag_editor.show_problem(command.failure or "")
            return
        if retag_to is None:
            self.window.say(translate("Annotating", "Tag {name} deleted; Ctrl+Z brings it back").format(name=name))
        else:
            moved = translate("Annotating", "Tag {name} deleted, its annotations moved to {tag}; Ctrl+Z undoes both")
            self.window.say(moved.format(name=name, tag=retag_to))
        self.tag_editor.show_tags(self.session.tags, select=retag_to)

    def _tag_editor_closed(self) -> None:
        if self.tag_editor is not None:
            self.tag_editor.deleteLater()
        self.tag_editor = None
