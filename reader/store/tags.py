"""The Store's tags: listing, adding, renaming (its annotations follow), deleting one (its
annotations moved to another tag, if asked) and bringing a deleted one back."""

from __future__ import annotations

from dataclasses import asdict, astuple, dataclass, field, fields

from reader.domain.annotations import utc_now
from reader.domain.relations import RelationType
from reader.domain.tags import Tag
from reader.store.columns import RELATION_TYPE_FIELDS, insert_statement, select_statement
from reader.store.core import StoreCore
from reader.store.errors import StoreError

_TAG_FIELDS = tuple(f.name for f in fields(Tag))
_SELECT_TYPES = select_statement(RELATION_TYPE_FIELDS, "relation_types")
_INSERT_TYPE = insert_statement(RELATION_TYPE_FIELDS, "relation_types")


@dataclass
class TagDeletion:
    """What deleting a tag changed: (id, updated_at before) of each annotation moved to another
    tag, and the relation types that linked the tag."""

    moved: list[tuple[str, str]] = field(default_factory=list)
    relation_types: list[RelationType] = field(default_factory=list)


class TagQueries(StoreCore):
    def tags(self) -> list[Tag]:
        return [Tag(**row) for row in self._query(f"SELECT {', '.join(_TAG_FIELDS)} FROM tags ORDER BY position, name")]

    def tag(self, name: str) -> Tag:
        """The tag called ``name``; an unknown name is refused."""
        row = self._one(f"SELECT {', '.join(_TAG_FIELDS)} FROM tags WHERE name = ?", [name])
        if row is None:
            raise StoreError(f"unknown tag {name!r} (known: {', '.join(sorted(self.tag_names()))})")
        return Tag(**row)

    def tag_names(self) -> set[str]:
        return {row["name"] for row in self._query("SELECT name FROM tags")}

    def save_tag(self, tag: Tag, old_name: str | None = None) -> None:
        """Add ``tag``, or replace the tag called ``old_name`` (its annotations follow a rename)."""
        with self.transaction():
            key_owner = self._one(
                "SELECT name FROM tags WHERE key = ? AND key != '' AND name != ?", [tag.key, old_name or tag.name]
            )
            if key_owner:
                raise StoreError(f"key {tag.key!r} already belongs to tag {key_owner['name']!r}")
            if (old_name is None or tag.name != old_name) and self._has_tag(tag.name):
                raise StoreError(f"a tag named {tag.name!r} already exists")
            if old_name is None:
                self.db.table("tags").insert(asdict(tag))
            else:
                self.conn.execute(
                    "UPDATE tags SET name = ?, colour = ?, key = ?, description = ?, position = ? WHERE name = ?",
                    [tag.name, tag.colour, tag.key, tag.description, tag.position, old_name],
                )

    def tag_use(self, name: str) -> int:
        """How many annotations carry the tag ``name``."""
        return self._value("SELECT count(*) FROM annotations WHERE tag = ?", [name])

    def delete_tag(self, name: str, retag_to: str | None = None, when: str = "") -> TagDeletion:
        """Delete the tag ``name``: refused while annotations carry it, unless ``retag_to`` names
        the tag they move to first, in the same transaction, as changed at ``when`` (now unless
        given). The relation types that link the tag go with it, refused while relations use them.
        Returns what ``restore_tag`` needs to put everything back."""
        deletion = TagDeletion()
        with self.transaction():
            if retag_to is not None:
                if retag_to == name or not self._has_tag(retag_to):
                    raise StoreError(f"there is no other tag named {retag_to!r} to move the annotations to")
                deletion.moved = [
                    (row[0], row[1])
                    for row in self.conn.execute("SELECT id, updated_at FROM annotations WHERE tag = ?", [name])
                ]
                self.conn.execute(
                    "UPDATE annotations SET tag = ?, updated_at = ? WHERE tag = ?", [retag_to, when or utc_now(), name]
                )
            used = self.tag_use(name)
            if used:
                raise StoreError(f"tag {name!r} is used by {used} annotation(s); retag or delete them first")
            deletion.relation_types = self._delete_relation_types_of(name)
            self.conn.execute("DELETE FROM tags WHERE name = ?", [name])
        return deletion

    def _delete_relation_types_of(self, tag: str) -> list[RelationType]:
        kinds = [
            RelationType(*row)
            for row in self.conn.execute(
                _SELECT_TYPES + " WHERE ? IN (source_tag, target_tag) ORDER BY position",
                [tag],
            )
        ]
        for kind in kinds:
            used = self._value("SELECT count(*) FROM relations WHERE type = ?", [kind.name])
            if used:
                raise StoreError(
                    f"tag {tag!r} is linked by relation type {kind.name!r}, which {used} relation(s) use; "
                    "delete them first"
                )
        self.conn.executemany("DELETE FROM relation_types WHERE name = ?", [(kind.name,) for kind in kinds])
        return kinds

    def restore_tag(self, tag: Tag, deletion: TagDeletion) -> None:
        """Undo ``delete_tag``: the tag back, each annotation it moved back on it, and the relation
        types that went with it, as they were."""
        with self.transaction():
            self.save_tag(tag)
            self.conn.executemany(
                "UPDATE annotations SET tag = ?, updated_at = ? WHERE id = ?",
                [(tag.name, updated_at, annotation_id) for annotation_id, updated_at in deletion.moved],
            )
            self.conn.executemany(
                _INSERT_TYPE,
                [astuple(kind) for kind in deletion.relation_types],
            )

    def _has_tag(self, name: str) -> bool:
        return self._one("SELECT name FROM tags WHERE name = ?", [name]) is not None
