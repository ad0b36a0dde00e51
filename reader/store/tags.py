"""The Store's tags: listing, adding, renaming (its annotations follow) and deleting one."""

from __future__ import annotations

from dataclasses import asdict, fields

from reader.domain.tags import Tag
from reader.store.core import StoreCore
from reader.store.errors import StoreError

_TAG_FIELDS = tuple(f.name for f in fields(Tag))


class TagQueries(StoreCore):
    def tags(self) -> list[Tag]:
        return [
            Tag(**row) for row in self.db.query(f"SELECT {', '.join(_TAG_FIELDS)} FROM tags ORDER BY position, name")
        ]

    def tag_names(self) -> set[str]:
        return {row["name"] for row in self.db.query("SELECT name FROM tags")}

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
                self.db.execute(
                    "UPDATE tags SET name = ?, colour = ?, key = ?, description = ?, position = ? WHERE name = ?",
                    [tag.name, tag.colour, tag.key, tag.description, tag.position, old_name],
                )

    def delete_tag(self, name: str) -> None:
        with self.transaction():
            used = self._value("SELECT count(*) FROM annotations WHERE tag = ?", [name])
            if used:
                raise StoreError(f"tag {name!r} is used by {used} annotation(s); retag or delete them first")
            self.db.execute("DELETE FROM tags WHERE name = ?", [name])

    def _has_tag(self, name: str) -> bool:
        return self._one("SELECT name FROM tags WHERE name = ?", [name]) is not None
