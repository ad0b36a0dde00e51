"""The Store's relations and relation types: each relation checked against its two ends and its
type before it is written; an annotation's relations go with it when it is deleted."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, astuple

from reader.domain.relations import BadRelation, Relation, RelationType, check_relation
from reader.store.annotations import AnnotationQueries
from reader.store.columns import (
    RELATION_FIELDS,
    RELATION_TYPE_FIELDS,
    insert_statement,
    relation_values,
    replace_statement,
    select_statement,
)
from reader.store.errors import StoreError

_SELECT = select_statement(RELATION_FIELDS, "relations")
_INSERT = insert_statement(RELATION_FIELDS, "relations")
_UPDATE = replace_statement(RELATION_FIELDS, "relations")
_SELECT_TYPES = select_statement(RELATION_TYPE_FIELDS, "relation_types")
_UPDATE_TYPE = replace_statement(RELATION_TYPE_FIELDS, "relation_types", key="name")


class RelationQueries(AnnotationQueries):
    # Relation types

    def relation_types(self) -> list[RelationType]:
        return [RelationType(*row) for row in self.conn.execute(_SELECT_TYPES + " ORDER BY position, name")]

    def relation_type(self, name: str) -> RelationType | None:
        row = self.conn.execute(_SELECT_TYPES + " WHERE name = ?", [name]).fetchone()
        return None if row is None else RelationType(*row)

    def save_relation_type(self, kind: RelationType, old_name: str | None = None) -> None:
        """Add ``kind``, or replace the type called ``old_name`` (its relations follow a rename)."""
        with self.transaction():
            tags = self.tag_names()
            for tag in (kind.source_tag, kind.target_tag):
                if tag not in tags:
                    raise StoreError(f"unknown tag {tag!r} (known: {', '.join(sorted(tags))})")
            taken = self._one(
                # Alt+key picks a type while linking whatever the case: q and Q are one key.
                "SELECT name FROM relation_types WHERE lower(key) = lower(?) AND key != '' AND name != ?",
                [kind.key, old_name or kind.name],
            )
            if taken:
                raise StoreError(f"key {kind.key!r} already belongs to relation type {taken['name']!r}")
            if (old_name is None or kind.name != old_name) and self.relation_type(kind.name) is not None:
                raise StoreError(f"a relation type named {kind.name!r} already exists")
            if old_name is None:
                self.db.table("relation_types").insert(asdict(kind))
                return
            before = self.relation_type(old_name)
            if before is None:
                raise StoreError(f"unknown relation type {old_name!r}")
            if (before.source_tag, before.target_tag) != (kind.source_tag, kind.target_tag) and self.relation_use(
                old_name
            ):
                raise StoreError(
                    f"relation type {old_name!r} links {self.relation_use(old_name)} pair(s) of "
                    f"{before.source_tag} and {before.target_tag}; its tags cannot change while it does"
                )
            self.conn.execute(_UPDATE_TYPE, [*astuple(kind), old_name])

    def relation_use(self, name: str) -> int:
        return self._value("SELECT count(*) FROM relations WHERE type = ?", [name])

    def delete_relation_type(self, name: str) -> None:
        with self.transaction():
            used = self.relation_use(name)
            if used:
                raise StoreError(f"relation type {name!r} is used by {used} relation(s); delete them first")
            if self.conn.execute("DELETE FROM relation_types WHERE name = ?", [name]).rowcount != 1:
                raise StoreError(f"unknown relation type {name!r}")

    # Relations

    def add_relation(self, relation: Relation) -> Relation:
        """Store ``relation`` after checking its type and its two ends."""
        with self.transaction():
            self._check_relation(relation)
            self._refuse_a_second_link(relation)
            self.conn.execute(_INSERT, relation_values(relation))
        return relation

    def add_relations(self, relations: Iterable[Relation]) -> int:
        """Store every relation or none, each checked as ``add_relation`` checks it."""
        count = 0
        with self.transaction():
            for relation in relations:
                self.add_relation(relation)
                count += 1
        return count

    def update_relation(self, relation: Relation) -> Relation:
        """Write every field of ``relation`` over the stored one with the same id."""
        with self.transaction():
            self._check_relation(relation)
            cursor = self.conn.execute(_UPDATE, [*relation_values(relation), relation.id])
            if cursor.rowcount != 1:
                raise StoreError(f"no relation with id {relation.id}")
        return relation

    def delete_relation(self, relation_id: str) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM relations WHERE id = ?", [relation_id])

    def relation(self, relation_id: str) -> Relation | None:
        found = self._relations("WHERE id = ?", [relation_id])
        return found[0] if found else None

    def relations_of(self, annotation_id: str) -> list[Relation]:
        """The relations from or to the annotation, oldest first."""
        return self._relations(
            "WHERE source_id = ? UNION ALL " + _SELECT + " WHERE target_id = ? ORDER BY created_at, id",
            [annotation_id, annotation_id],
        )

    def document_relations(self, document_id: int) -> list[Relation]:
        """Every relation between the document's annotations (both ends are in one document)."""
        return self._relations(
            "WHERE source_id IN (SELECT id FROM annotations WHERE document_id = ?) ORDER BY created_at, id",
            [document_id],
        )

    def remove_annotation(self, annotation_id: str) -> list[Relation]:
        """Delete the annotation and its relations in one transaction; the relations it took are
        returned, so that an undo can put them back after the annotation."""
        with self.transaction():
            taken = self.relations_of(annotation_id)
            self.delete_annotation(annotation_id)
        return taken

    def _check_relation(self, relation: Relation) -> None:
        try:
            check_relation(
                relation,
                self.relation_type(relation.type),
                self.annotation(relation.source_id),
                self.annotation(relation.target_id),
            )
        except BadRelation as error:
            raise StoreError(str(error)) from error

    def _refuse_a_second_link(self, relation: Relation) -> None:
        held = self._one(
            "SELECT id FROM relations WHERE source_id = ? AND type = ? AND target_id = ?",
            [relation.source_id, relation.type, relation.target_id],
        )
        if held is not None:
            raise StoreError(f"these two annotations are already linked as {relation.type} (relation {held['id']})")

    def _relations(self, where: str, params: list) -> list[Relation]:
        return [Relation(*row) for row in self.conn.execute(_SELECT + " " + where, params)]
