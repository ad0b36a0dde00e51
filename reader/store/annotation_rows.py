"""Annotations as plain rows of their table, orphaned ones included: what a merge copies
between databases, what export writes and what agreement and the counts read."""

from __future__ import annotations

from collections.abc import Iterator

from reader.store.columns import ROW_COLUMNS, insert_statement, replace_statement, select_statement
from reader.store.core import StoreCore

_SELECT = select_statement(ROW_COLUMNS)
_INSERT = insert_statement(ROW_COLUMNS)
_REPLACE = replace_statement(ROW_COLUMNS)


class AnnotationRows(StoreCore):
    # Plain sqlite3 here: sqlite-utils' per-query work doubled a large merge's time.

    def annotation_rows(self) -> Iterator[dict]:
        """Every annotation as {column: value}, in document and id order."""
        for values in self.conn.execute(f"{_SELECT} ORDER BY document_id, id"):
            yield dict(zip(ROW_COLUMNS, values, strict=True))

    def annotation_row(self, annotation_id: str) -> dict | None:
        found = self.conn.execute(f"{_SELECT} WHERE id = ?", [annotation_id]).fetchone()
        return dict(zip(ROW_COLUMNS, found, strict=True)) if found else None

    def insert_annotation_row(self, row: dict) -> None:
        """Write ``row`` as it is, unchecked: it comes from another Reader database."""
        self.conn.execute(_INSERT, _values(row))

    def replace_annotation_row(self, row: dict) -> None:
        """Write ``row`` over the stored row with its id, unchecked."""
        self.conn.execute(_REPLACE, [*_values(row), row["id"]])

    def live_spans(self) -> list[tuple[str, int, int, str]]:
        """(document hash, start, end, tag) of every annotation neither rejected nor orphaned."""
        return [
            (row["sha256"], row["start"], row["end"], row["tag"])
            for row in self._query(
                """
            SELECT d.sha256, a.start, a."end", a.tag
            FROM annotations a JOIN documents d ON d.id = a.document_id
            WHERE a.status != 'rejected' AND a.orphaned = 0
            ORDER BY d.sha256, a.start, a."end", a.tag
            """
            )
        ]

    def export_rows(self) -> Iterator[dict]:
        """Every annotation with its document's name and hash, streamed in document and text order.

        Orphans are left out: their offsets no longer quote their text in the document."""
        return self._query(
            """
            SELECT a.id AS annotation_id, d.name AS document, d.sha256 AS document_sha256,
                   a.start, a."end", a.text, a.tag, a.note, a.annotator, a.status,
                   a.reviewer, a.review_note, a.created_at, a.updated_at,
                   coalesce(s.source_type, '') AS source_type,
                   b.page AS source_page, b.paragraph AS source_paragraph,
                   coalesce(s.published, '') AS source_date, coalesce(s.url, '') AS source_url
            FROM annotations a JOIN documents d ON d.id = a.document_id
            LEFT JOIN document_sources s ON s.document_id = a.document_id
            LEFT JOIN document_blocks b ON b.document_id = a.document_id AND b.start = (
                SELECT max(start) FROM document_blocks WHERE document_id = a.document_id AND start <= a.start
            )
            WHERE a.orphaned = 0
            ORDER BY d.name, a.start, a."end", a.id
            """
        )

    def export_documents(self) -> Iterator[dict]:
        """Every document as export's documents sheet lists it (its text left out), by name."""
        return self._query(
            """
            SELECT d.name, d.sha256, d.length, d.title, c.annotation_count AS annotations,
                   d.source_path, d.imported_at, coalesce(s.source_type, '') AS source_type,
                   coalesce(s.source_sha256, '') AS source_sha256,
                   coalesce(s.published, '') AS source_date, coalesce(s.url, '') AS source_url
            FROM documents d JOIN document_counts c ON c.document_id = d.id
            LEFT JOIN document_sources s ON s.document_id = d.id
            ORDER BY d.name
            """
        )

    def counts(self) -> dict:
        return {
            "documents": self._value("SELECT count(*) FROM documents"),
            "annotations": self._value("SELECT count(*) FROM annotations"),
            "by_tag": {
                r["tag"]: r["n"]
                for r in self._query("SELECT tag, count(*) AS n FROM annotations GROUP BY tag ORDER BY tag")
            },
            "by_status": {
                r["status"]: r["n"]
                for r in self._query("SELECT status, count(*) AS n FROM annotations GROUP BY status ORDER BY status")
            },
        }


def _values(row: dict) -> list:
    return [row[name] for name in ROW_COLUMNS]
