"""The document list's queries: how many documents a query lists, a page of them in its
order, where one of them is. Each order is an index walk (title, name) or one sort of
SQLite's over the small keys and counts tables, never the documents' texts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from reader.domain.document_listing import DocumentOrder, DocumentQuery
from reader.domain.documents import DocumentSummary
from reader.store.core import StoreCore
from reader.store.errors import StoreError, explain

_TIES = ("k.title_key", "k.name_key", "k.document_id")
_ORDER_TERMS: dict[DocumentOrder, tuple[str, ...]] = {
    DocumentOrder.TITLE: _TIES,
    DocumentOrder.NAME: ("k.name_key", "k.document_id"),
    DocumentOrder.UNTOUCHED_FIRST: ("(c.annotation_count != 0)", *_TIES),
    DocumentOrder.ANNOTATIONS: ("c.annotation_count", *_TIES),
    DocumentOrder.PENDING: ("(c.annotation_count - c.reviewed_count)", "-c.reviewed_count", *_TIES),
}
_LISTED = """
    FROM document_keys AS k
    JOIN document_counts AS c ON c.document_id = k.document_id
"""
_SUMMARY = "d.id, d.name, d.title, d.length, c.annotation_count, c.reviewed_count"


def _where(query: DocumentQuery) -> tuple[str, list]:
    conditions, params = ["1"], []
    if query.needle:
        conditions.append("instr(k.filter_text, ?) > 0")
        params.append(query.needle)
    if query.pending_only:
        conditions.append("c.annotation_count > c.reviewed_count")
    return " AND ".join(conditions), params


def _order_by(query: DocumentQuery) -> str:
    direction = " DESC" if query.descending else ""
    return ", ".join(term + direction for term in _ORDER_TERMS[query.order])


class DocumentListQueries(StoreCore):
    """Read on every scroll and keystroke, so a failure is a StoreError the list can show in one line."""

    @contextmanager
    def _listing(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise StoreError(explain(self.path, error)) from error

    def listed_count(self, query: DocumentQuery) -> int:
        with self._listing():
            where, params = _where(query)
            return self._value(f"SELECT count(*) {_LISTED} WHERE {where}", params)

    def listed_page(self, query: DocumentQuery, offset: int, limit: int) -> list[DocumentSummary]:
        """The documents at rows offset .. offset + limit - 1 of the list ``query`` makes."""
        with self._listing():
            where, params = _where(query)
            rows = self.conn.execute(
                f"""
                SELECT {_SUMMARY} {_LISTED} JOIN documents AS d ON d.id = k.document_id
                WHERE {where} ORDER BY {_order_by(query)} LIMIT ? OFFSET ?
                """,
                [*params, limit, offset],
            ).fetchall()
            return [DocumentSummary(*row) for row in rows]

    def listed_row(self, query: DocumentQuery, document_id: int) -> int | None:
        """The row of ``document_id`` in the list ``query`` makes, or None when it is not listed:
        how many listed documents come before it (row values compare term by term)."""
        with self._listing():
            where, params = _where(query)
            terms = _ORDER_TERMS[query.order]
            listed = self.conn.execute(
                f"SELECT {', '.join(terms)} {_LISTED} WHERE {where} AND k.document_id = ?", [*params, document_id]
            ).fetchone()
            if listed is None:
                return None
            before = ">" if query.descending else "<"
            placeholders = ", ".join("?" * len(terms))
            return self._value(
                f"SELECT count(*) {_LISTED} WHERE {where} AND ({', '.join(terms)}) {before} ({placeholders})",
                [*params, *listed],
            )

    def listed_ids(self, query: DocumentQuery) -> list[int]:
        """Every listed document's id, top to bottom."""
        with self._listing():
            where, params = _where(query)
            rows = self.conn.execute(
                f"SELECT k.document_id {_LISTED} WHERE {where} ORDER BY {_order_by(query)}", params
            ).fetchall()
            return [document_id for (document_id,) in rows]

    def document_summary(self, document_id: int) -> DocumentSummary | None:
        with self._listing():
            row = self.conn.execute(
                f"SELECT {_SUMMARY} FROM documents AS d JOIN document_counts AS c ON c.document_id = d.id "
                "WHERE d.id = ?",
                [document_id],
            ).fetchone()
            return None if row is None else DocumentSummary(*row)

    def annotation_total(self) -> int:
        """All documents' annotations, as the list counts them."""
        with self._listing():
            return self._value("SELECT coalesce(sum(annotation_count), 0) FROM document_counts")
