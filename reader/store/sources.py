"""The Store's record of where each document came from (reader.store.source_table)."""

from __future__ import annotations

from reader.domain.blocks import Block
from reader.domain.documents import DocumentOrigin
from reader.store.core import StoreCore


class SourceQueries(StoreCore):
    def document_origin(self, document_id: int) -> DocumentOrigin:
        """The document's source and blocks; empty for a document that has no record of them."""
        row = self._one(
            "SELECT source_type, source_sha256, published, url FROM document_sources WHERE document_id = ?",
            [document_id],
        )
        blocks = tuple(
            Block(*found)
            for found in self.conn.execute(
                'SELECT start, "end", page, paragraph FROM document_blocks WHERE document_id = ? ORDER BY start',
                [document_id],
            )
        )
        return DocumentOrigin(**(row or {}), blocks=blocks)

    def _record_origin(self, document_id: int, origin: DocumentOrigin) -> None:
        """Write (or replace) the document's source and blocks, inside the caller's transaction."""
        self.conn.execute(
            "INSERT OR REPLACE INTO document_sources (document_id, source_type, source_sha256, published, url) "
            "VALUES (?, ?, ?, ?, ?)",
            [document_id, origin.source_type, origin.source_sha256, origin.published, origin.url],
        )
        self.conn.execute("DELETE FROM document_blocks WHERE document_id = ?", [document_id])
        self.conn.executemany(
            'INSERT INTO document_blocks (document_id, start, "end", page, paragraph) VALUES (?, ?, ?, ?, ?)',
            [(document_id, b.start, b.end, b.page, b.paragraph) for b in origin.blocks],
        )
