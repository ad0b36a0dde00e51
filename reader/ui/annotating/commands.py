"""Undoable changes to annotations and tags (reader.ui.shell.session.StoreCommand):
each writes to the store at once, in one transaction per step, and then tells a sink
so the window can follow.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from reader.domain.annotations import ACCEPTED, REJECTED, Annotation
from reader.domain.relations import Relation
from reader.domain.tags import Tag
from reader.domain.text import one_line
from reader.store import Store
from reader.store.tags import TagDeletion
from reader.ui.shell.session import Sink, StoreCommand
from reader.ui.shell.translation import QT_TRANSLATE_NOOP, translate

MOVE_EDGE_ID = 1
SHORT = 30  # characters of the annotated text an undo step's name quotes
_REVIEW_STEPS = {
    ACCEPTED: QT_TRANSLATE_NOOP("Annotating", "Accept {tag} “{text}”"),
    REJECTED: QT_TRANSLATE_NOOP("Annotating", "Reject {tag} “{text}”"),
}
_REOPEN_STEP = QT_TRANSLATE_NOOP("Annotating", "Reopen {tag} “{text}”")


def _short(annotation: Annotation) -> str:
    """The start of the annotated text, as an undo step's name quotes it."""
    return one_line(annotation.text, SHORT)


class AddAnnotation(StoreCommand):
    def __init__(self, store: Store, sink: Sink, annotation: Annotation):
        text = translate("Annotating", "Tag “{text}” as {tag}").format(text=_short(annotation), tag=annotation.tag)
        super().__init__(text, store, sink)
        self.annotation = annotation

    def apply(self) -> None:
        self.store.add_annotation(self.annotation)
        self.sink.annotation_added(self.annotation)

    def revert(self) -> None:
        self.store.delete_annotation(self.annotation.id)
        self.sink.annotation_removed(self.annotation)


class DeleteAnnotation(StoreCommand):
    """Delete an annotation and the relations from or to it; undo brings back all of them."""

    def __init__(self, store: Store, sink: Sink, annotation: Annotation):
        text = translate("Annotating", "Delete {tag} “{text}”").format(tag=annotation.tag, text=_short(annotation))
        super().__init__(text, store, sink)
        self.annotation = annotation
        self.relations: list[Relation] = []

    def apply(self) -> None:
        self.relations = self.store.remove_annotation(self.annotation.id)
        self.sink.annotation_removed(self.annotation)
        if self.relations:
            self.sink.relations_changed(self.annotation.document_id)

    def revert(self) -> None:
        # The same rows come back: same ids, times, reviewer fields and all.
        with self.store.transaction():
            self.store.add_annotation(self.annotation)
            self.store.add_relations(self.relations)
        self.sink.annotation_added(self.annotation)
        if self.relations:
            self.sink.relations_changed(self.annotation.document_id)


class ChangeAnnotation(StoreCommand):
    """Any change to one stored annotation (tag, note, edges): undo writes back
    every field it had, ``updated_at`` included."""

    def __init__(
        self, store: Store, sink: Sink, before: Annotation, after: Annotation, text: str, merge_edges: bool = False
    ):
        super().__init__(text, store, sink)
        self.before = before
        self.after = after
        self.merge_edges = merge_edges

    def id(self) -> int:
        return MOVE_EDGE_ID if self.merge_edges else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Shift+arrow pressed ten times is one edge move to undo, not ten.
        if not isinstance(other, ChangeAnnotation) or not other.merge_edges:
            return False
        if other.before.id != self.after.id:
            return False
        self.after = other.after
        return True

    def apply(self) -> None:
        self.store.update_annotation(self.after)
        self.sink.annotation_changed(self.after)

    def revert(self) -> None:
        self.store.update_annotation(self.before)
        self.sink.annotation_changed(self.before)


def retag(store: Store, sink: Sink, annotation: Annotation, tag: str) -> ChangeAnnotation:
    text = translate("Annotating", "Retag “{text}” as {tag}").format(text=_short(annotation), tag=tag)
    return ChangeAnnotation(store, sink, annotation, annotation.changed(tag=tag), text)


def set_note(store: Store, sink: Sink, annotation: Annotation, note: str) -> ChangeAnnotation:
    text = translate("Annotating", "Note on “{text}”").format(text=_short(annotation))
    return ChangeAnnotation(store, sink, annotation, annotation.changed(note=note), text)


def move_edges(
    store: Store, sink: Sink, annotation: Annotation, start: int, end: int, document_text: str
) -> ChangeAnnotation:
    after = annotation.changed(start=start, end=end, text=document_text[start:end])
    text = translate("Annotating", "Move the edges of “{text}”").format(text=_short(after))
    return ChangeAnnotation(store, sink, annotation, after, text, merge_edges=True)


def review(store: Store, sink: Sink, annotation: Annotation, status: str, reviewer: str) -> ChangeAnnotation:
    """Accept or reject: the status, who decided and when (``updated_at``)."""
    step = translate("Annotating", _REVIEW_STEPS.get(status, _REOPEN_STEP))
    text = step.format(tag=annotation.tag, text=_short(annotation))
    return ChangeAnnotation(store, sink, annotation, annotation.changed(status=status, reviewer=reviewer), text)


def set_review_note(store: Store, sink: Sink, annotation: Annotation, note: str, reviewer: str) -> ChangeAnnotation:
    text = translate("Annotating", "Review note on “{text}”").format(text=_short(annotation))
    return ChangeAnnotation(store, sink, annotation, annotation.changed(review_note=note, reviewer=reviewer), text)


class ChangeAnnotations(StoreCommand):
    """Several annotations added or changed as one step, in one transaction: each
    change is (the stored annotation or None to add, what it becomes)."""

    def __init__(self, store: Store, sink: Sink, changes: list[tuple[Annotation | None, Annotation]], text: str):
        super().__init__(text, store, sink)
        self.changes = changes

    def apply(self) -> None:
        with self.store.transaction():
            for before, after in self.changes:
                if before is None:
                    self.store.add_annotation(after)
                else:
                    self.store.update_annotation(after)
        for before, after in self.changes:
            if before is None:
                self.sink.annotation_added(after)
            else:
                self.sink.annotation_changed(after)

    def revert(self) -> None:
        with self.store.transaction():
            for before, after in reversed(self.changes):
                if before is None:
                    self.store.delete_annotation(after.id)
                else:
                    self.store.update_annotation(before)
        for before, after in reversed(self.changes):
            if before is None:
                self.sink.annotation_removed(after)
            else:
                self.sink.annotation_changed(before)


class SaveTag(StoreCommand):
    """Add a tag (``before`` is None) or change one; a rename carries its
    annotations along in the database, and undo renames it back."""

    def __init__(self, store: Store, sink: Sink, before: Tag | None, after: Tag):
        text = (
            translate("Annotating", "Add tag {name}").format(name=after.name)
            if before is None
            else translate("Annotating", "Change tag {name}").format(name=before.name)
        )
        super().__init__(text, store, sink)
        self.before = before
        self.after = after

    def apply(self) -> None:
        self.store.save_tag(self.after, None if self.before is None else self.before.name)
        self.sink.tags_changed()

    def revert(self) -> None:
        if self.before is None:
            self.store.delete_tag(self.after.name)
        else:
            self.store.save_tag(self.before, self.after.name)
        self.sink.tags_changed()


class DeleteTag(StoreCommand):
    """Delete a tag no annotation carries, or move its annotations to ``retag_to`` and
    delete it, in one transaction; undo brings the tag and each annotation back as they were."""

    def __init__(self, store: Store, sink: Sink, tag: Tag, retag_to: str | None = None):
        text = (
            translate("Annotating", "Delete tag {name}").format(name=tag.name)
            if retag_to is None
            else translate("Annotating", "Delete tag {name}, its annotations now {tag}").format(
                name=tag.name, tag=retag_to
            )
        )
        super().__init__(text, store, sink)
        self.tag = tag
        self.retag_to = retag_to
        self.deletion = TagDeletion()

    def apply(self) -> None:
        self.deletion = self.store.delete_tag(self.tag.name, self.retag_to)
        self.sink.tags_changed()

    def revert(self) -> None:
        self.store.restore_tag(self.tag, self.deletion)
        self.sink.tags_changed()
