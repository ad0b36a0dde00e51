"""What every feature of the window shares: the open store, the open document, the
tags, the user's name, and the undo stack every change goes through as a StoreCommand.

The features hear of each other through its signals, not through each other.

A step the store refuses (locked, read-only, a span that no longer fits) marks its
command obsolete, so QUndoStack drops it instead of keeping a change that never
happened; the command records the one-line reason, and its sink shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.domain.annotations import Annotation
from reader.domain.documents import Document
from reader.domain.tags import Tag
from reader.store import Store, StoreError
from reader.ui.shell.settings import ANNOTATOR, WindowSettings


class Sink(Protocol):
    def annotation_added(self, annotation: Annotation) -> None: ...
    def annotation_changed(self, annotation: Annotation) -> None: ...
    def annotation_removed(self, annotation: Annotation) -> None: ...
    def tags_changed(self) -> None: ...
    def relations_changed(self, document_id: int) -> None: ...
    def command_failed(self, message: str) -> None: ...


class StoreCommand(QUndoCommand):
    """One undoable change; ``failure`` is why the store refused its last step, or None."""

    def __init__(self, text: str, store: Store, sink: Sink):
        super().__init__(text)
        self.store = store
        self.sink = sink
        self.failure: str | None = None

    def redo(self) -> None:
        self._attempt(self.apply)

    def undo(self) -> None:
        self._attempt(self.revert)

    def _attempt(self, step: Callable[[], None]) -> None:
        self.failure = None
        try:
            step()
        except StoreError as error:
            self.failure = str(error)
            self.setObsolete(True)
            self.sink.command_failed(self.failure)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class Session(QObject):
    databaseLoaded = Signal()  # a database was opened, or changed under the window (a merge)
    documentOpened = Signal()
    annotationsChanged = Signal(int)  # the document whose annotations a command changed
    relationsChanged = Signal(int)  # the document whose relations a command changed
    tagsLoaded = Signal()

    def __init__(
        self,
        store: Store,
        settings: WindowSettings,
        undo_stack: QUndoStack,
        default_annotator: str,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.undo_stack = undo_stack
        self.default_annotator = default_annotator
        self.annotator = settings.get(ANNOTATOR) or default_annotator
        self.document: Document | None = None
        self.tags: list[Tag] = []

    def push(self, command: StoreCommand) -> bool:
        """Run ``command`` through the undo stack; False (and the reason shown) when the store refused it."""
        self.undo_stack.push(command)
        return command.failure is None
