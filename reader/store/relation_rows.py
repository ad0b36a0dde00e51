"""The Store's relations as flat rows: written out by ``export --table relations|claims`` and read
back by ``import-annotations``. Each table is one query joining the relations to their ends, so
that an export does not ask once per row; orphaned ends are left out, as export leaves them."""

from __future__ import annotations

from collections.abc import Iterator

from reader.domain.relation_tables import (
    CLAIMS,
    RELATION_COLUMNS,
    RELATIONS,
    Table,
    claim_columns,
    claim_rows,
    claim_widths,
)
from reader.domain.relations import Relation
from reader.store.errors import StoreError
from reader.store.relations import RelationQueries

_RELATION_ROWS = """
    SELECT r.id AS relation_id, r.type, d.name AS document, d.sha256 AS document_sha256,
           s.id AS source_id, s.tag AS source_tag, s.start AS source_start, s."end" AS source_end,
           s.text AS source_text,
           t.id AS target_id, t.tag AS target_tag, t.start AS target_start, t."end" AS target_end,
           t.text AS target_text,
           r.note, r.annotator, r.status, r.reviewer, r.review_note, r.created_at, r.updated_at
    FROM relations r
    JOIN annotations s ON s.id = r.source_id
    JOIN annotations t ON t.id = r.target_id
    JOIN documents d ON d.id = s.document_id
    WHERE s.orphaned = 0 AND t.orphaned = 0
    ORDER BY d.name, s.start, s."end", s.id, r.type, t.start, t."end", t.id
"""
# A claim is an annotation with a relation type's source tag, or the source of a relation (whose
# tag a change may have taken from it); one row per linked end, or one of NULLs if it has none.
_CLAIM_LINK_ROWS = """
    SELECT a.id AS claim_id, d.name AS document, d.sha256 AS document_sha256,
           a.start AS claim_start, a."end" AS claim_end, a.text AS claim_text, a.tag AS claim_tag,
           a.status AS claim_status, a.annotator, a.note,
           r.type AS link_type, t.id AS link_id, t.start AS link_start, t."end" AS link_end,
           t.text AS link_text
    FROM annotations a
    JOIN documents d ON d.id = a.document_id
    LEFT JOIN (relations r JOIN annotations t ON t.id = r.target_id AND t.orphaned = 0)
        ON r.source_id = a.id
    WHERE a.orphaned = 0
      AND (a.tag IN (SELECT source_tag FROM relation_types)
           OR EXISTS (SELECT 1 FROM relations WHERE source_id = a.id))
    ORDER BY d.name, a.start, a."end", a.id, t.start, t."end", t.id
"""


class RelationRows(RelationQueries):
    def relation_export_rows(self) -> Iterator[dict]:
        """Every relation as a row of relation_tables.RELATION_COLUMNS, in document and text order."""
        return self._rows(_RELATION_ROWS)

    def claim_link_rows(self) -> Iterator[dict]:
        """Every claim once per linked end, as relation_tables.claim_rows groups them."""
        return self._rows(_CLAIM_LINK_ROWS)

    def tables_beside_annotations(self, fmt: str) -> tuple[Table, ...]:
        """What an export of the annotations carries besides them, once the database holds a
        relation: in JSONL the relations, in a workbook the relations and the claims
        (export_writer.write_export). Without one, the export is what it was before relations."""
        if not self._value("SELECT EXISTS (SELECT 1 FROM relations)"):
            return ()
        if fmt == "jsonl":
            return (self.relations_table(),)
        return (self.relations_table(), self.claims_table()) if fmt == "xlsx" else ()

    def relations_table(self) -> Table:
        return Table(RELATIONS, RELATION_COLUMNS, self.relation_export_rows())

    def claims_table(self) -> Table:
        """The claims with their linked ends, a group of columns per relation type of this database."""
        names = [kind.name for kind in self.relation_types()]
        try:
            columns = claim_columns(names)
        except ValueError as error:
            raise StoreError(str(error)) from error
        return Table(CLAIMS, columns, claim_rows(self.claim_link_rows(), names), claim_widths(names))

    def relation_between(self, source_id: str, kind: str, target_id: str) -> Relation | None:
        """The relation of type ``kind`` from one annotation to the other, if they are linked so."""
        found = self._relations("WHERE source_id = ? AND type = ? AND target_id = ?", [source_id, kind, target_id])
        return found[0] if found else None

    def _rows(self, sql: str) -> Iterator[dict]:
        # Plain sqlite3, streamed: sqlite-utils' per-row work is not needed for a flat row.
        cursor = self.conn.execute(sql)
        names = [column[0] for column in cursor.description]
        for values in cursor:
            yield dict(zip(names, values, strict=True))
