"""Documents, tags and annotations in and out of one Reader database."""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Iterable, Iterator

from sqlite_utils import Database

from reader.domain.anchoring import reanchor
from reader.domain.annotations import Annotation, utc_now
from reader.domain.corpus import SourceText, sha256_of, title_of
from reader.domain.tags import Tag
from reader.store.schema import StoreError, check_before_opening, immediate_transaction, migrate

BUSY_TIMEOUT_SECONDS = 5.0
_ANNOTATION_FIELDS = tuple(f.name for f in fields(Annotation))
_ANNOTATION_COLUMNS = ", ".join(f'"{name}"' for name in _ANNOTATION_FIELDS)
_TAG_FIELDS = tuple(f.name for f in fields(Tag))


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    name: str
    title: str
    length: int
    annotation_count: int
    reviewed_count: int


@dataclass(frozen=True)
class Document:
    id: int
    name: str
    source_path: str
    sha256: str
    text: str
    title: str
    length: int
    imported_at: str


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one source: ``added``, ``unchanged`` (same content already
    there), or ``updated`` (same name, new content; annotations re-anchored)."""

    document_id: int
    action: str
    duplicate_of: str = ""
    moved: int = 0
    orphaned: int = 0


@dataclass(frozen=True)
class SearchHit:
    document_id: int
    name: str
    title: str
    snippet: str


def _fts_query(text: str) -> str:
    """Every word the user typed must appear; the last may be a prefix. Quoted, so
    FTS syntax characters in the box are searched for, never parsed."""
    words = [w.replace('"', '""') for w in text.split()]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


class Store:
    """One open Reader database. Every public method that writes is one transaction."""

    def __init__(self, db: Database, path: Path, read_only: bool):
        self.db = db
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | os.PathLike, create: bool = True) -> "Store":
        path = Path(path)
        check_before_opening(path)
        exists = path.exists() and path.stat().st_size > 0
        if not exists and not create:
            raise StoreError(f"{path}: no such database")
        read_only = exists and not os.access(path, os.W_OK)
        try:
            if not exists:
                path.parent.mkdir(parents=True, exist_ok=True)
            if read_only:
                conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                       timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
                                       check_same_thread=False)
            else:
                conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
                                       check_same_thread=False)
            db = Database(conn)
            conn.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                migrate(db)
        except sqlite3.OperationalError as error:
            raise StoreError(_explain(path, error)) from error
        except OSError as error:
            raise StoreError(f"{path}: {error.strerror or error}") from error
        return cls(db, path, read_only)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes into one; the store's own methods nest inside it."""
        if self.read_only:
            raise StoreError(f"{self.path} is read-only; nothing was changed")
        try:
            with immediate_transaction(self.db):
                yield
        except sqlite3.OperationalError as error:
            raise StoreError(_explain(self.path, error)) from error

    # Documents

    def import_source(self, source: SourceText) -> ImportOutcome:
        sha = source.sha256
        with self.transaction():
            same_content = self._one("SELECT id, name FROM documents WHERE sha256 = ?", [sha])
            if same_content:
                return ImportOutcome(same_content["id"], "unchanged", duplicate_of=same_content["name"])
            same_name = self._one("SELECT id, text FROM documents WHERE name = ?", [source.name])
            row = {
                "name": source.name, "source_path": source.source_path, "sha256": sha,
                "text": source.text, "title": source.title, "length": len(source.text),
                "imported_at": utc_now(),
            }
            if same_name is None:
                document_id = self.db["documents"].insert(row).last_pk
                return ImportOutcome(document_id, "added")
            document_id = same_name["id"]
            self.db["documents"].update(document_id, row)
            moved, orphaned = self._reanchor(document_id, same_name["text"], source.text)
            return ImportOutcome(document_id, "updated", moved=moved, orphaned=orphaned)

    def _reanchor(self, document_id: int, old_text: str, new_text: str) -> tuple[int, int]:
        moved = orphaned = 0
        for row in list(self.db.query(
                'SELECT id, start, "end" FROM annotations WHERE document_id = ? AND orphaned = 0',
                [document_id])):
            place = reanchor(old_text, new_text, row["start"], row["end"])
            if place is None:
                self.db.execute("UPDATE annotations SET orphaned = 1 WHERE id = ?", [row["id"]])
                orphaned += 1
            elif place != (row["start"], row["end"]):
                self.db.execute('UPDATE annotations SET start = ?, "end" = ? WHERE id = ?',
                                [*place, row["id"]])
                moved += 1
        return moved, orphaned

    def documents(self) -> list[DocumentSummary]:
        return [DocumentSummary(**row) for row in self.db.query(
            "SELECT id, name, title, length, annotation_count, reviewed_count FROM documents ORDER BY name")]

    def document(self, document_id: int) -> Document:
        row = self._one(
            "SELECT id, name, source_path, sha256, text, title, length, imported_at FROM documents WHERE id = ?",
            [document_id])
        if row is None:
            raise StoreError(f"no document with id {document_id}")
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

    def search(self, text: str, limit: int = 200) -> list[SearchHit]:
        query = _fts_query(text)
        if not query:
            return []
        rows = self.db.query(
            """
            SELECT documents.id AS document_id, documents.name, documents.title,
                   snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet
            FROM documents_fts JOIN documents ON documents.id = documents_fts.rowid
            WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?
            """,
            [query, limit],
        )
        return [SearchHit(**row) for row in rows]

    # Tags

    def tags(self) -> list[Tag]:
        return [Tag(**row) for row in self.db.query(
            f"SELECT {', '.join(_TAG_FIELDS)} FROM tags ORDER BY position, name")]

    def tag_names(self) -> set[str]:
        return {row["name"] for row in self.db.query("SELECT name FROM tags")}

    def save_tag(self, tag: Tag, old_name: str | None = None) -> None:
        """Add ``tag``, or replace the tag called ``old_name`` (its annotations follow a rename)."""
        with self.transaction():
            key_owner = self._one("SELECT name FROM tags WHERE key = ? AND key != '' AND name != ?",
                                  [tag.key, old_name or tag.name])
            if key_owner:
                raise StoreError(f"key {tag.key!r} already belongs to tag {key_owner['name']!r}")
            if old_name is None:
                if self._one("SELECT name FROM tags WHERE name = ?", [tag.name]):
                    raise StoreError(f"a tag named {tag.name!r} already exists")
                self.db["tags"].insert(asdict(tag))
            else:
                if tag.name != old_name and self._one("SELECT name FROM tags WHERE name = ?", [tag.name]):
                    raise StoreError(f"a tag named {tag.name!r} already exists")
                self.db.execute(
                    "UPDATE tags SET name = ?, colour = ?, key = ?, description = ?, position = ? WHERE name = ?",
                    [tag.name, tag.colour, tag.key, tag.description, tag.position, old_name])

    def delete_tag(self, name: str) -> None:
        with self.transaction():
            used = self._one("SELECT count(*) AS n FROM annotations WHERE tag = ?", [name])["n"]
            if used:
                raise StoreError(f"tag {name!r} is used by {used} annotation(s); retag or delete them first")
            self.db.execute("DELETE FROM tags WHERE name = ?", [name])

    # Annotations

    def add_annotation(self, annotation: Annotation) -> Annotation:
        """Store ``annotation`` after checking its span against the document and its tag."""
        with self.transaction():
            self._check(annotation)
            self.db.execute(
                f"INSERT INTO annotations ({_ANNOTATION_COLUMNS}) VALUES ({', '.join('?' * len(_ANNOTATION_FIELDS))})",
                [getattr(annotation, name) for name in _ANNOTATION_FIELDS])
        return annotation

    def add_annotations(self, annotations: Iterable[Annotation]) -> int:
        with self.transaction():
            return sum(1 for a in annotations if self.add_annotation(a))

    def update_annotation(self, annotation: Annotation) -> Annotation:
        """Write every field of ``annotation`` over the stored one with the same id."""
        with self.transaction():
            self._check(annotation)
            assignments = ", ".join(f'"{name}" = ?' for name in _ANNOTATION_FIELDS if name != "id")
            cursor = self.db.execute(
                f"UPDATE annotations SET {assignments} WHERE id = ?",
                [getattr(annotation, name) for name in _ANNOTATION_FIELDS if name != "id"] + [annotation.id])
            if cursor.rowcount != 1:
                raise StoreError(f"no annotation with id {annotation.id}")
        return annotation

    def delete_annotation(self, annotation_id: str) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])

    def annotation(self, annotation_id: str) -> Annotation | None:
        row = self._one(f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE id = ?", [annotation_id])
        return Annotation(**row) if row else None

    def annotations(self, document_id: int) -> list[Annotation]:
        """The document's annotations in text order."""
        return [Annotation(**row) for row in self.db.query(
            f'SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE document_id = ? ORDER BY start, "end", created_at',
            [document_id])]

    def orphaned_annotations(self) -> list[Annotation]:
        return [Annotation(**row) for row in self.db.query(
            f"SELECT {_ANNOTATION_COLUMNS} FROM annotations WHERE orphaned = 1 ORDER BY document_id, start")]

    def export_rows(self) -> Iterator[dict]:
        """Every annotation with its document's name and hash, streamed in document and text order."""
        return self.db.query(
            """
            SELECT a.id AS annotation_id, d.name AS document, d.sha256 AS document_sha256,
                   a.start, a."end", a.text, a.tag, a.note, a.annotator, a.status,
                   a.reviewer, a.review_note, a.created_at, a.updated_at
            FROM annotations a JOIN documents d ON d.id = a.document_id
            ORDER BY d.name, a.start, a."end", a.id
            """)

    def counts(self) -> dict:
        one = lambda sql: self._one(sql)["n"]  # noqa: E731
        return {
            "documents": one("SELECT count(*) AS n FROM documents"),
            "annotations": one("SELECT count(*) AS n FROM annotations"),
            "by_tag": {r["tag"]: r["n"] for r in self.db.query(
                "SELECT tag, count(*) AS n FROM annotations GROUP BY tag ORDER BY tag")},
            "by_status": {r["status"]: r["n"] for r in self.db.query(
                "SELECT status, count(*) AS n FROM annotations GROUP BY status ORDER BY status")},
        }

    # Helpers

    def _one(self, sql: str, params: list | None = None) -> dict | None:
        return next(self.db.query(sql, params or []), None)

    def _check(self, annotation: Annotation) -> None:
        from reader.domain.annotations import BadSpan, STATUSES, checked_span

        row = self._one("SELECT text FROM documents WHERE id = ?", [annotation.document_id])
        if row is None:
            raise StoreError(f"no document with id {annotation.document_id}")
        try:
            expected = checked_span(row["text"], annotation.start, annotation.end)
        except BadSpan as error:
            raise StoreError(str(error)) from error
        if annotation.text != expected:
            raise StoreError(f"text {annotation.text[:40]!r} is not what the document has at "
                             f"{annotation.start}..{annotation.end} ({expected[:40]!r})")
        if not self._one("SELECT 1 AS ok FROM tags WHERE name = ?", [annotation.tag]):
            raise StoreError(f"unknown tag {annotation.tag!r} (known: {', '.join(sorted(self.tag_names()))})")
        if annotation.status not in STATUSES:
            raise StoreError(f"unknown status {annotation.status!r} (known: {', '.join(STATUSES)})")


def _explain(path: Path, error: sqlite3.OperationalError) -> str:
    message = str(error)
    if "locked" in message or "busy" in message:
        return f"{path} is locked by another program; waited {BUSY_TIMEOUT_SECONDS:g} s, nothing was changed"
    if "readonly" in message or "read-only" in message:
        return f"{path} is read-only; nothing was changed"
    if "disk is full" in message or "full" in message:
        return f"the disk holding {path} is full; the last change was not saved"
    return f"{path}: {message}"
