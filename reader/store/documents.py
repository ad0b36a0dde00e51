"""The Store's documents: importing texts (re-anchoring the annotations of a changed one),
and finding them by id, name or content."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader.domain.anchoring import Reanchoring
from reader.domain.annotations import check_bounds, utc_now
from reader.domain.documents import Document, DocumentOrigin, DocumentSummary, ImportAction, ImportOutcome
from reader.store.document_keys import write_keys
from reader.store.document_list import DocumentListQueries
from reader.store.errors import StoreError
from reader.store.sources import SourceQueries

if TYPE_CHECKING:  # the readers of files come with the first import of one, not with opening a database
    from reader.domain.corpus import SkippedFile, SourceText
    from reader.domain.extracting import ExtractOptions


def document_row(name: str, source_path: str, sha256: str, text: str, title: str, imported_at: str) -> dict:
    """The documents table's columns for one text, as import and merge both write them."""
    return {
        "name": name,
        "source_path": source_path,
        "sha256": sha256,
        "title": title,
        "length": len(text),
        "imported_at": imported_at,
        "text": text,
    }


def origin_of(source: SourceText) -> DocumentOrigin:
    return DocumentOrigin(source.source_type, source.source_sha256, source.published, source.url, source.blocks)


class DocumentQueries(SourceQueries, DocumentListQueries):
    def import_source(self, source: SourceText) -> ImportOutcome:
        with self.transaction():
            return self._import(source)

    def import_sources(self, sources: list[SourceText]) -> list[ImportOutcome]:
        """``import_source`` for each, all in one transaction: FTS5 indexes a batch
        several times faster than one document per transaction (or savepoint)."""
        with self.transaction():
            return [self._import(source) for source in sources]

    def import_files(
        self, paths: list[Path], batch_characters: int = 0, options: ExtractOptions | None = None
    ) -> Iterator[tuple[SourceText, ImportOutcome] | SkippedFile]:
        """Read and import every document under ``paths``: each source with its outcome, or
        the file skipped. Documents are written about ``batch_characters`` characters at a
        time, one transaction each (0: each document on its own); a skipped file comes at
        once, an outcome when its batch is written."""
        from reader.domain.corpus import SkippedFile, read_sources
        from reader.domain.extracting import ExtractOptions

        batch: list[SourceText] = []
        characters = 0
        for item in read_sources(paths, self.own_files(), options or ExtractOptions()):
            if isinstance(item, SkippedFile):
                yield item
                continue
            batch.append(item)
            characters += len(item.text)
            if characters >= batch_characters:
                yield from zip(batch, self.import_sources(batch), strict=True)
                batch, characters = [], 0
        if batch:
            yield from zip(batch, self.import_sources(batch), strict=True)

    def _import(self, source: SourceText) -> ImportOutcome:
        sha = source.sha256
        same_content = self._one("SELECT id, name FROM documents WHERE sha256 = ?", [sha])
        if same_content:
            return ImportOutcome(same_content["id"], ImportAction.UNCHANGED, duplicate_of=same_content["name"])
        same_name = self._one("SELECT id, text FROM documents WHERE name = ?", [source.name])
        row = document_row(source.name, source.source_path, sha, source.text, source.title, utc_now())
        if same_name is None:
            document_id = self._insert_document(row)
            self._record_origin(document_id, origin_of(source))
            return ImportOutcome(document_id, ImportAction.ADDED)
        document_id = same_name["id"]
        self.db.table("documents").update(document_id, row)
        write_keys(self.conn, [(document_id, row["title"], row["name"])])
        self._record_origin(document_id, origin_of(source))
        moved, orphaned = self._reanchor(document_id, same_name["text"], source.text)
        return ImportOutcome(
            document_id, ImportAction.UPDATED, moved=moved, orphaned=len(orphaned), orphaned_ids=tuple(orphaned)
        )

    def _reanchor(self, document_id: int, old_text: str, new_text: str) -> tuple[int, list[str]]:
        moved, orphaned = 0, []
        anchoring = Reanchoring(old_text, new_text)
        for row in list(
            self._query(
                'SELECT id, start, "end" FROM annotations WHERE document_id = ? AND orphaned = 0', [document_id]
            )
        ):
            place = anchoring.place(row["start"], row["end"])
            if place is None:
                self.conn.execute("UPDATE annotations SET orphaned = 1 WHERE id = ?", [row["id"]])
                orphaned.append(row["id"])
            elif place != (row["start"], row["end"]):
                self.conn.execute('UPDATE annotations SET start = ?, "end" = ? WHERE id = ?', [*place, row["id"]])
                moved += 1
        return moved, orphaned

    def copy_document(self, document: Document, name: str, origin: DocumentOrigin) -> int:
        """Add ``document`` as it is (its import time and origin too) under ``name``; its id here."""
        row = document_row(
            name, document.source_path, document.sha256, document.text, document.title, document.imported_at
        )
        document_id = self._insert_document(row)
        self._record_origin(document_id, origin)
        return document_id

    def _insert_document(self, row: dict) -> int:
        document_id = self.db.table("documents").insert(row).last_pk
        assert isinstance(document_id, int)  # the new row's rowid: sqlite-utils types it Any | None
        write_keys(self.conn, [(document_id, row["title"], row["name"])])
        return document_id

    def documents(self) -> list[DocumentSummary]:
        return [
            DocumentSummary(**row)
            for row in self._query(
                """
            SELECT id, name, title, length, annotation_count, reviewed_count
            FROM documents JOIN document_counts ON document_counts.document_id = documents.id
            ORDER BY name
            """
            )
        ]

    def has_documents(self) -> bool:
        return self._one("SELECT 1 AS found FROM documents LIMIT 1") is not None

    def name_taken(self, name: str) -> bool:
        return self._one("SELECT 1 AS found FROM documents WHERE name = ?", [name]) is not None

    def document(self, document_id: int) -> Document:
        row = self._one(
            "SELECT id, name, source_path, sha256, text, title, length, imported_at FROM documents WHERE id = ?",
            [document_id],
        )
        if row is None:
            raise StoreError(f"no document with id {document_id}")
        self._read_text = (row["id"], row["sha256"], row["text"])
        return Document(**row)

    def find_document(self, name_or_id: str) -> Document:
        """A document by its name, or failing that by its numeric id."""
        row = self._one("SELECT id FROM documents WHERE name = ?", [name_or_id])
        if row is None and name_or_id.strip().isdigit():
            row = self._one("SELECT id FROM documents WHERE id = ?", [int(name_or_id)])
        if row is None:
            raise StoreError(f"no document named {name_or_id!r} (and no document with that id)")
        return self.document(row["id"])

    def document_by_sha256(self, sha256: str) -> Document | None:
        row = self._one("SELECT id FROM documents WHERE sha256 = ?", [sha256])
        return self.document(row["id"]) if row else None

    def document_counts(self, document_id: int) -> tuple[int, int]:
        """(annotations, reviewed annotations) of one document, as the document list shows them."""
        row = self._one(
            "SELECT annotation_count, reviewed_count FROM document_counts WHERE document_id = ?", [document_id]
        )
        return (row["annotation_count"], row["reviewed_count"]) if row else (0, 0)

    def document_lengths(self) -> dict[str, int]:
        """Each document's length in code points, keyed by its content hash."""
        return {row["sha256"]: row["length"] for row in self._query("SELECT sha256, length FROM documents")}

    def _document_text(self, document_id: int) -> str:
        row = self._one("SELECT text FROM documents WHERE id = ?", [document_id])
        if row is None:
            raise StoreError(f"no document with id {document_id}")
        return row["text"]

    def _quoted_span(self, document_id: int, start: int, end: int) -> str:
        """``text[start:end]`` of a document: from the copy of the document last read while
        the stored text has the same hash (a tag key press on an open document), else cut
        by SQLite, whose substr counts code points as Python does. Reading a whole long text
        for one annotation took milliseconds, and so does SQLite's cut near the end of it
        (it walks the text's pages from the start)."""
        row = self._one("SELECT length, sha256 FROM documents WHERE id = ?", [document_id])
        if row is None:
            raise StoreError(f"no document with id {document_id}")
        check_bounds(row["length"], start, end)
        read = self._read_text
        if read is not None and read[:2] == (document_id, row["sha256"]):
            return read[2][start:end]
        return self._value(
            "SELECT substr(text, ? + 1, ? - ?) FROM documents WHERE id = ?", [start, end, start, document_id]
        )
