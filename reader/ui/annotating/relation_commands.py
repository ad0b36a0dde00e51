"""Undoable changes to relations (reader.ui.shell.session.StoreCommand): linking two annotations,
taking a link away, reviewing one; adding, changing or deleting a relation type. Each writes at
once, in one transaction, then tells the sink."""

from __future__ import annotations

from reader.domain.annotations import ACCEPTED, REJECTED
from reader.domain.relations import Relation, RelationType
from reader.store import Store
from reader.ui.shell.session import Sink, StoreCommand
from reader.ui.shell.translation import QT_TRANSLATE_NOOP, translate

_REVIEW_STEPS = {
    ACCEPTED: QT_TRANSLATE_NOOP("Linking", "Accept the link {type}"),
    REJECTED: QT_TRANSLATE_NOOP("Linking", "Reject the link {type}"),
}
_REOPEN_STEP = QT_TRANSLATE_NOOP("Linking", "Reopen the link {type}")


class AddRelation(StoreCommand):
    def __init__(self, store: Store, sink: Sink, relation: Relation, document_id: int):
        super().__init__(translate("Linking", "Link as {type}").format(type=relation.type), store, sink)
        self.relation = relation
        self.document_id = document_id

    def apply(self) -> None:
        self.store.add_relation(self.relation)
        self.sink.relations_changed(self.document_id)

    def revert(self) -> None:
        self.store.delete_relation(self.relation.id)
        self.sink.relations_changed(self.document_id)


class DeleteRelation(StoreCommand):
    def __init__(self, store: Store, sink: Sink, relation: Relation, document_id: int):
        super().__init__(translate("Linking", "Delete the link {type}").format(type=relation.type), store, sink)
        self.relation = relation
        self.document_id = document_id

    def apply(self) -> None:
        self.store.delete_relation(self.relation.id)
        self.sink.relations_changed(self.document_id)

    def revert(self) -> None:
        self.store.add_relation(self.relation)  # the same row: same id and times
        self.sink.relations_changed(self.document_id)


class ChangeRelation(StoreCommand):
    """Any change to one stored relation (its note, its review): undo writes back every field."""

    def __init__(self, store: Store, sink: Sink, before: Relation, after: Relation, document_id: int, text: str):
        super().__init__(text, store, sink)
        self.before = before
        self.after = after
        self.document_id = document_id

    def apply(self) -> None:
        self.store.update_relation(self.after)
        self.sink.relations_changed(self.document_id)

    def revert(self) -> None:
        self.store.update_relation(self.before)
        self.sink.relations_changed(self.document_id)


def review_relation(
    store: Store, sink: Sink, relation: Relation, status: str, reviewer: str, document_id: int
) -> ChangeRelation:
    text = translate("Linking", _REVIEW_STEPS.get(status, _REOPEN_STEP)).format(type=relation.type)
    after = relation.changed(status=status, reviewer=reviewer)
    return ChangeRelation(store, sink, relation, after, document_id, text)


class SaveRelationType(StoreCommand):
    """Add a relation type (``before`` is None) or change one; a rename carries its relations along
    in the database, and undo renames it back. The open document's links follow each step."""

    def __init__(
        self, store: Store, sink: Sink, before: RelationType | None, after: RelationType, document_id: int | None
    ):
        text = (
            translate("Linking", "Add relation type {name}").format(name=after.name)
            if before is None
            else translate("Linking", "Change relation type {name}").format(name=before.name)
        )
        super().__init__(text, store, sink)
        self.before = before
        self.after = after
        self.document_id = document_id

    def apply(self) -> None:
        self.store.save_relation_type(self.after, None if self.before is None else self.before.name)
        _types_changed(self.sink, self.document_id)

    def revert(self) -> None:
        if self.before is None:
            self.store.delete_relation_type(self.after.name)
        else:
            self.store.save_relation_type(self.before, self.after.name)
        _types_changed(self.sink, self.document_id)


class DeleteRelationType(StoreCommand):
    """Delete a relation type no relation uses; undo adds it back as it was (key, colour, place)."""

    def __init__(self, store: Store, sink: Sink, kind: RelationType, document_id: int | None):
        super().__init__(translate("Linking", "Delete relation type {name}").format(name=kind.name), store, sink)
        self.kind = kind
        self.document_id = document_id

    def apply(self) -> None:
        self.store.delete_relation_type(self.kind.name)
        _types_changed(self.sink, self.document_id)

    def revert(self) -> None:
        self.store.save_relation_type(self.kind)
        _types_changed(self.sink, self.document_id)


def _types_changed(sink: Sink, document_id: int | None) -> None:
    # The types are the database's, not a document's: with no document open there are no links to redraw.
    if document_id is not None:
        sink.relations_changed(document_id)


class ChangeRelations(StoreCommand):
    """Several relations added or changed as one step, in one transaction: each change is (the
    stored relation or None to add, what it becomes); undo takes them back in reverse order."""

    def __init__(
        self, store: Store, sink: Sink, changes: list[tuple[Relation | None, Relation]], document_id: int, text: str
    ):
        super().__init__(text, store, sink)
        self.changes = changes
        self.document_id = document_id

    def apply(self) -> None:
        with self.store.transaction():
            for before, after in self.changes:
                if before is None:
                    self.store.add_relation(after)
                else:
                    self.store.update_relation(after)
        self.sink.relations_changed(self.document_id)

    def revert(self) -> None:
        with self.store.transaction():
            for before, after in reversed(self.changes):
                if before is None:
                    self.store.delete_relation(after.id)
                else:
                    self.store.update_relation(before)
        self.sink.relations_changed(self.document_id)
