"""Undoable changes to relations (reader.ui.shell.session.StoreCommand): linking two annotations,
taking a link away, reviewing one. Each writes at once, in one transaction, then tells the sink."""

from __future__ import annotations

from reader.domain.annotations import ACCEPTED, REJECTED
from reader.domain.relations import Relation
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
