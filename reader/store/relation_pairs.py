"""The Store's relations with the spans of their two ends: what agreement pairs and merge matches."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.domain.relations import Relation
from reader.store.relations import RelationQueries

if TYPE_CHECKING:  # only the types: the agreement measures are not imported with the store
    from reader.domain.agreement import Link, Span


class RelationPairs(RelationQueries):
    # What merge matches

    def every_relation(self) -> list[Relation]:
        """Every relation, oldest first."""
        return self._relations("ORDER BY created_at, id", [])

    def relation_linking(self, source_id: str, type_name: str, target_id: str) -> Relation | None:
        """The relation of that type from ``source_id`` to ``target_id`` (there is one at most)."""
        found = self._relations("WHERE source_id = ? AND type = ? AND target_id = ?", [source_id, type_name, target_id])
        return found[0] if found else None

    # What agreement pairs

    def relation_count(self) -> int:
        return self._value("SELECT count(*) FROM relations")

    def live_spans_by_id(self) -> dict[str, Span]:
        """{annotation id: (document hash, start, end, tag)} of every annotation neither rejected
        nor orphaned, in document hash and text order."""
        rows = self.conn.execute(
            """
            SELECT a.id, d.sha256, a.start, a."end", a.tag
            FROM annotations a JOIN documents d ON d.id = a.document_id
            WHERE a.status != 'rejected' AND a.orphaned = 0
            ORDER BY d.sha256, a.start, a."end", a.tag, a.id
            """
        )
        return {annotation_id: (sha256, start, end, tag) for annotation_id, sha256, start, end, tag in rows}

    def unrejected_links(self) -> list[Link]:
        """(type, source id, target id) of every relation not rejected; whether its ends count is
        agreement's to say (reader.domain.agreement.compare_relations)."""
        return [
            (kind, source_id, target_id)
            for kind, source_id, target_id in self.conn.execute(
                "SELECT type, source_id, target_id FROM relations WHERE status != 'rejected' ORDER BY type, id"
            )
        ]
