"""Documents, tags and annotations in and out of one Reader database."""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from contextlib import closing, contextmanager
from dataclasses import asdict, fields
from itertools import islice
from operator import attrgetter
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sqlite_utils import Database

from reader.domain.anchoring import Reanchoring
from reader.domain.annotations import STATUSES, Annotation, BadSpan, check_bounds, checked_span, utc_now
from reader.domain.corpus import SkippedFile, SourceText, read_sources
from reader.domain.documents import Document, DocumentSummary, ImportOutcome, SearchHit
from reader.domain.tags import Tag
from reader.store.errors import BUSY_TIMEOUT_SECONDS, StoreError, explain
from reader.store.schema import (
    COMPANIONS,
    SCHEMA_VERSION,
    DamagedDatabase,
    check_before_opening,
    check_sound,
    immediate_transaction,
    may_write,
    migrate,
    reading_uri,
)

# Closing waits this long at most for a check or copy still running (a copy is atomic if cut short).
CHECK_WAIT_SECONDS = 60
_ANNOTATION_FIELDS = tuple(f.name for f in fields(Annotation))
_ANNOTATION_COLUMNS = ", ".join(f'"{name}"' for name in _ANNOTATION_FIELDS)
_SELECT_ANNOTATIONS = f"SELECT {_ANNOTATION_COLUMNS} FROM annotations"
_INSERT_ANNOTATION = (
    f"INSERT INTO annotations ({_ANNOTATION_COLUMNS}) VALUES ({', '.join('?' * len(_ANNOTATION_FIELDS))})"
)
_annotation_values = attrgetter(*_ANNOTATION_FIELDS)  # the values in _ANNOTATION_COLUMNS order
_TAG_FIELDS = tuple(f.name for f in fields(Tag))


def _fts_query(text: str) -> str:
    """Every word the user typed must appear; the last may be a prefix. Quoted, so
    FTS syntax characters in the box are searched for, never parsed."""
    words = [w.replace('"', '""') for w in text.split()]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


SEARCH_LIMIT = 50
SNIPPET_SCAN = 100_000
SNIPPET_CONTEXT = 60


def _word_pattern(text: str) -> re.Pattern:
    words = [re.escape(w) for w in text.split()]
    words[-1] += r"\w*"
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + ")", re.IGNORECASE)


def _snippet(opening: str, words: re.Pattern) -> str:
    """A line of context around the first of the words, the match in [brackets]."""
    found = words.search(opening)
    if found is None:
        return " ".join(opening[: 2 * SNIPPET_CONTEXT].split()) + "…"
    start, end = found.span()
    before = opening[max(0, start - SNIPPET_CONTEXT) : start]
    after = opening[end : end + SNIPPET_CONTEXT]
    lead = "…" if start > SNIPPET_CONTEXT else ""
    return " ".join(f"{lead}{before}[{found.group()}]{after}…".split())


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


class Store:
    """One open Reader database. Every public method that writes is one transaction."""

    backup_problem = ""  # why the copy taken on open failed, when it did

    def __init__(self, db: Database, path: Path, read_only: bool):
        self.db = db
        self.path = path
        self.read_only = read_only
        self.damage = ""  # why the file was found damaged after opening ("" while it is not)
        self._checking: threading.Thread | None = None
        self._seen_changes = self._change_marks()

    @classmethod
    def open(
        cls,
        path: str | os.PathLike,
        create: bool = True,
        read_only: bool = False,
        backup: bool = False,
        verify: bool = False,
    ) -> "Store":
        """``read_only``: never write to the file, even when it may be written.
        ``verify``: first check the whole file (PRAGMA quick_check) and refuse a damaged one.
        ``backup``: verify, then copy the file to backups/ when it changed (reader.store.backup)."""
        path = Path(path)
        exists = check_before_opening(path)
        if not exists and (read_only or not create):
            raise StoreError(f"{path}: no such database")
        read_only = exists and (read_only or not may_write(path))
        try:
            if not exists:
                path.parent.mkdir(parents=True, exist_ok=True)
            conn = _connect(path, read_only)
            try:
                db, backup_problem = _prepare(
                    conn,
                    path,
                    read_only,
                    verify=exists and (verify or backup),
                    backup=backup and exists and not read_only,
                )
            except BaseException:
                conn.close()
                raise
        except sqlite3.Error as error:
            raise StoreError(explain(path, error)) from error
        except OSError as error:
            raise StoreError(f"{path}: {error.strerror or error}") from error
        store = cls(db, path, read_only)
        store.backup_problem = backup_problem
        return store

    def close(self) -> None:
        self.db.close()
        if self._checking is not None:
            self._checking.join(CHECK_WAIT_SECONDS)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def check_in_background(self, back_up: bool, done: Callable[[str], None]) -> None:
        """Check the whole file on a thread with a connection of its own, then copy it to
        backups/ when it changed (``back_up``), so that a large file does not hold up a
        window. A write waits for the verdict; a damaged file makes this store read-only.
        ``done`` gets the one-line problem, or "" (called from that thread)."""
        from reader.store.backup import BackupNotWritten, back_up

        def work() -> None:
            problem = ""
            try:
                with closing(sqlite3.connect(reading_uri(self.path), uri=True, timeout=BUSY_TIMEOUT_SECONDS)) as conn:
                    check_sound(conn, self.path)
                    if back_up:
                        back_up(conn, self.path, check=False)
            except DamagedDatabase as damage:
                self.damage = problem = str(damage)
                self.read_only = True
            except BackupNotWritten as error:
                problem = str(error)
            except (StoreError, OSError, sqlite3.Error) as error:
                problem = f"could not check {self.path}: {_reason(self.path, error)}"
            done(problem)

        self._checking = threading.Thread(target=work, name=f"check of {self.path.name}", daemon=True)
        self._checking.start()

    def _await_check(self) -> None:
        if self._checking is not None and self._checking.is_alive():
            self._checking.join()
        if self.damage:
            self.read_only = True
            raise StoreError(f"{self.path} is damaged, so it is open read-only; nothing was changed")

    def own_files(self) -> tuple[Path, ...]:
        """The database's file and SQLite's files beside it: never to be opened as anything
        else while this store is open (closing such a handle would drop SQLite's locks)."""
        return (self.path, *(self.path.with_name(self.path.name + s) for s in COMPANIONS))

    def changed_elsewhere(self) -> str:
        """What another connection changed since the last call: "" (nothing), "data"
        (rows), or "schema" (tables replaced: a restore, an upgrade)."""
        marks = self._change_marks()
        data, schema = marks[0] != self._seen_changes[0], marks[1] != self._seen_changes[1]
        self._seen_changes = marks
        return "schema" if schema else "data" if data else ""

    def _change_marks(self) -> tuple[int, int]:
        # data_version moves with every commit of another connection, never with our own.
        try:
            return (
                self.db.conn.execute("PRAGMA data_version").fetchone()[0],
                self.db.conn.execute("PRAGMA schema_version").fetchone()[0],
            )
        except sqlite3.Error as error:
            raise StoreError(explain(self.path, error)) from error

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes into one; the store's own methods nest inside it."""
        self._await_check()
        if self.read_only:
            raise StoreError(f"{self.path} is read-only; nothing was changed")
        try:
            with immediate_transaction(self.db):
                yield
        except sqlite3.Error as error:
            raise StoreError(explain(self.path, error)) from error
        self._seen_changes = self._change_marks()

    # Documents

    def import_source(self, source: SourceText) -> ImportOutcome:
        with self.transaction():
            return self._import(source)

    def import_sources(self, sources: list[SourceText]) -> list[ImportOutcome]:
        """``import_source`` for each, all in one transaction: FTS5 indexes a batch
        several times faster than one document per transaction (or savepoint)."""
        with self.transaction():
            return [self._import(source) for source in sources]

    def import_files(
        self, paths: list[Path], batch_characters: int = 0
    ) -> Iterator[tuple[SourceText, ImportOutcome] | SkippedFile]:
        """Read and import every text file under ``paths``: each source with its outcome, or
        the file skipped. Documents are written about ``batch_characters`` characters at a
        time, one transaction each (0: each document on its own); a skipped file comes at
        once, an outcome when its batch is written."""
        batch: list[SourceText] = []
        characters = 0
        for item in read_sources(paths, never_read=self.own_files()):
            if isinstance(item, SkippedFile):
                yield item
                continue
            batch.append(item)
            characters += len(item.text)
            if characters >= batch_characters:
                yield from zip(batch, self.import_sources(batch))
                batch, characters = [], 0
        if batch:
            yield from zip(batch, self.import_sources(batch))

    def _import(self, source: SourceText) -> ImportOutcome:
        sha = source.sha256
        same_content = self._one("SELECT id, name FROM documents WHERE sha256 = ?", [sha])
        if same_content:
            return ImportOutcome(same_content["id"], "unchanged", duplicate_of=same_content["name"])
        same_name = self._one("SELECT id, text FROM documents WHERE name = ?", [source.name])
        row = document_row(source.name, source.source_path, sha, source.text, source.title, utc_now())
        if same_name is None:
            document_id = self.db["documents"].insert(row).last_pk
            return ImportOutcome(document_id, "added")
        document_id = same_name["id"]
        self.db["documents"].update(document_id, row)
        moved, orphaned = self._reanchor(document_id, same_name["text"], source.text)
        return ImportOutcome(document_id, "updated", moved=moved, orphaned=len(orphaned), orphaned_ids=tuple(orphaned))

    def _reanchor(self, document_id: int, old_text: str, new_text: str) -> tuple[int, list[str]]:
        moved, orphaned = 0, []
        anchoring = Reanchoring(old_text, new_text)
        for row in list(
            self.db.query(
                'SELECT id, start, "end" FROM annotations WHERE document_id = ? AND orphaned = 0', [document_id]
            )
        ):
            place = anchoring.place(row["start"], row["end"])
            if place is None:
                self.db.execute("UPDATE annotations SET orphaned = 1 WHERE id = ?", [row["id"]])
                orphaned.append(row["id"])
            elif place != (row["start"], row["end"]):
                self.db.execute('UPDATE annotations SET start = ?, "end" = ? WHERE id = ?', [*place, row["id"]])
                moved += 1
        return moved, orphaned

    def documents(self) -> list[DocumentSummary]:
        return [
            DocumentSummary(**row)
            for row in self.db.query(
                """
            SELECT id, name, title, length, annotation_count, reviewed_count
            FROM documents JOIN document_counts ON document_counts.document_id = documents.id
            ORDER BY name
            """
            )
        ]

    def has_documents(self) -> bool:
        return self._one("SELECT 1 AS found FROM documents LIMIT 1") is not None

    def document(self, document_id: int) -> Document:
        row = self._one(
            "SELECT id, name, source_path, sha256, text, title, length, imported_at FROM documents WHERE id = ?",
            [document_id],
        )
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

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        query = _fts_query(text)
        if not query:
            return []
        # FTS5's snippet() walks the whole document (minutes on a 100 MB text), so the
        # snippet is cut in Python from the first SNIPPET_SCAN characters instead.
        rows = self.db.query(
            """
            SELECT documents.id AS document_id, documents.name, documents.title,
                   substr(documents.text, 1, ?) AS opening
            FROM documents_fts JOIN documents ON documents.id = documents_fts.rowid
            WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?
            """,
            [SNIPPET_SCAN, query, limit],
        )
        words = _word_pattern(text)
        return [
            SearchHit(row["document_id"], row["name"], row["title"], _snippet(row["opening"], words)) for row in rows
        ]

    # Tags

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
            if old_name is None:
                if self._one("SELECT name FROM tags WHERE name = ?", [tag.name]):
                    raise StoreError(f"a tag named {tag.name!r} already exists")
                self.db["tags"].insert(asdict(tag))
            else:
                if tag.name != old_name and self._one("SELECT name FROM tags WHERE name = ?", [tag.name]):
                    raise StoreError(f"a tag named {tag.name!r} already exists")
                self.db.execute(
                    "UPDATE tags SET name = ?, colour = ?, key = ?, description = ?, position = ? WHERE name = ?",
                    [tag.name, tag.colour, tag.key, tag.description, tag.position, old_name],
                )

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
            self.db.conn.execute(_INSERT_ANNOTATION, _annotation_values(annotation))
        return annotation

    def add_annotations(self, annotations: Iterable[Annotation]) -> int:
        """Store every annotation or none: ``add_annotations_bulk``."""
        return self.add_annotations_bulk(annotations)

    def add_annotations_bulk(self, annotations: Iterable[Annotation], batch_size: int = 10_000) -> int:
        """Store many annotations, all or none, each checked as ``add_annotation`` checks it.

        One executemany per batch; a document's text is read once per run of its
        annotations and the tag names once: about 3× faster than ``add_annotation``
        for each (a savepoint and two look-ups per row), 12 µs a row.
        """
        tags = self.tag_names()
        document: tuple[int, str] | None = None
        count = 0
        pending = iter(annotations)
        with self.transaction():
            while batch := list(islice(pending, batch_size)):
                for annotation in batch:
                    if document is None or document[0] != annotation.document_id:
                        document = (annotation.document_id, self._document_text(annotation.document_id))
                    self._check(annotation, document[1], tags)
                self.db.conn.executemany(_INSERT_ANNOTATION, map(_annotation_values, batch))
                count += len(batch)
        return count

    def update_annotation(self, annotation: Annotation) -> Annotation:
        """Write every field of ``annotation`` over the stored one with the same id."""
        with self.transaction():
            self._check(annotation)
            assignments = ", ".join(f'"{name}" = ?' for name in _ANNOTATION_FIELDS if name != "id")
            cursor = self.db.execute(
                f"UPDATE annotations SET {assignments} WHERE id = ?",
                [getattr(annotation, name) for name in _ANNOTATION_FIELDS if name != "id"] + [annotation.id],
            )
            if cursor.rowcount != 1:
                raise StoreError(f"no annotation with id {annotation.id}")
        return annotation

    def delete_annotation(self, annotation_id: str) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])

    def annotation(self, annotation_id: str) -> Annotation | None:
        found = self._annotations("WHERE id = ?", [annotation_id])
        return found[0] if found else None

    def annotations(self, document_id: int) -> list[Annotation]:
        """The document's annotations in text order."""
        return self._annotations('WHERE document_id = ? ORDER BY start, "end", created_at', [document_id])

    def orphaned_annotations(self) -> list[Annotation]:
        return self._annotations("WHERE orphaned = 1 ORDER BY document_id, start")

    def document_lengths(self) -> dict[str, int]:
        """Each document's length in code points, keyed by its content hash."""
        return {row["sha256"]: row["length"] for row in self.db.query("SELECT sha256, length FROM documents")}

    def live_spans(self) -> list[tuple[str, int, int, str]]:
        """(document hash, start, end, tag) of every annotation neither rejected nor orphaned."""
        return [
            tuple(row.values())
            for row in self.db.query(
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
        return self.db.query(
            """
            SELECT a.id AS annotation_id, d.name AS document, d.sha256 AS document_sha256,
                   a.start, a."end", a.text, a.tag, a.note, a.annotator, a.status,
                   a.reviewer, a.review_note, a.created_at, a.updated_at
            FROM annotations a JOIN documents d ON d.id = a.document_id
            WHERE a.orphaned = 0
            ORDER BY d.name, a.start, a."end", a.id
            """
        )

    def counts(self) -> dict:
        one = lambda sql: self._one(sql)["n"]  # noqa: E731
        return {
            "documents": one("SELECT count(*) AS n FROM documents"),
            "annotations": one("SELECT count(*) AS n FROM annotations"),
            "by_tag": {
                r["tag"]: r["n"]
                for r in self.db.query("SELECT tag, count(*) AS n FROM annotations GROUP BY tag ORDER BY tag")
            },
            "by_status": {
                r["status"]: r["n"]
                for r in self.db.query("SELECT status, count(*) AS n FROM annotations GROUP BY status ORDER BY status")
            },
        }

    # Helpers

    def _one(self, sql: str, params: list | None = None) -> dict | None:
        return next(self.db.query(sql, params or []), None)

    def _annotations(self, where: str, params: list | None = None) -> list[Annotation]:
        # Plain sqlite3 rows passed by position: sqlite-utils' dicts and keyword
        # arguments took 60 ms for a document of 10,000 annotations, this 36.
        return [Annotation(*row) for row in self.db.conn.execute(f"{_SELECT_ANNOTATIONS} {where}", params or [])]

    def _document_text(self, document_id: int) -> str:
        row = self._one("SELECT text FROM documents WHERE id = ?", [document_id])
        if row is None:
            raise StoreError(f"no document with id {document_id}")
        return row["text"]

    def _quoted_span(self, document_id: int, start: int, end: int) -> str:
        """``text[start:end]`` of a document, cut by SQLite: reading a whole long text
        into Python for one annotation took milliseconds (SQLite's substr counts
        code points, as Python does)."""
        row = self._one(
            "SELECT length, substr(text, ? + 1, ? - ?) AS quoted FROM documents WHERE id = ?",
            [start, end, start, document_id],
        )
        if row is None:
            raise StoreError(f"no document with id {document_id}")
        check_bounds(row["length"], start, end)
        return row["quoted"]

    def _check(
        self, annotation: Annotation, document_text: str | None = None, tag_names: set[str] | None = None
    ) -> None:
        """Refuse a bad span, text, tag or status; the text and tag names are looked up unless given."""
        try:
            if document_text is None:
                expected = self._quoted_span(annotation.document_id, annotation.start, annotation.end)
            else:
                expected = checked_span(document_text, annotation.start, annotation.end)
        except BadSpan as error:
            raise StoreError(str(error)) from error
        if annotation.text != expected:
            raise StoreError(
                f"text {annotation.text[:40]!r} is not what the document has at "
                f"{annotation.start}..{annotation.end} ({expected[:40]!r})"
            )
        known = (
            annotation.tag in tag_names
            if tag_names is not None
            else self._one("SELECT 1 AS ok FROM tags WHERE name = ?", [annotation.tag]) is not None
        )
        if not known:
            raise StoreError(f"unknown tag {annotation.tag!r} (known: {', '.join(sorted(self.tag_names()))})")
        if annotation.status not in STATUSES:
            raise StoreError(f"unknown status {annotation.status!r} (known: {', '.join(STATUSES)})")


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        return sqlite3.connect(
            reading_uri(path), uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False)


def _prepare(conn: sqlite3.Connection, path: Path, read_only: bool, verify: bool, backup: bool) -> tuple[Database, str]:
    """The connection set up and its schema brought up to date (the caller closes it
    when this raises), and why the backup on open failed ("" when it did not).
    Nothing is written before the file has passed every check."""
    upgrading = not read_only and 0 < conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION
    if verify or upgrading:
        check_sound(conn, path)
    backup_problem = _back_up_on_open(conn, path) if backup else ""
    # No sqlite-utils plugins: none may change Reader's connection, and
    # finding them scans every installed package (~40 ms at start-up).
    db = Database(conn, execute_plugins=False)
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        migrate(db)
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    elif (version := conn.execute("PRAGMA user_version").fetchone()[0]) < SCHEMA_VERSION:
        raise StoreError(
            f"{path} has schema {version}, older than this Reader's {SCHEMA_VERSION}; "
            "open it once in the window to upgrade it (it was left untouched)"
        )
    return db, backup_problem


def _back_up_on_open(conn: sqlite3.Connection, path: Path) -> str:
    """Copy the (checked) file before this session changes it; a copy that cannot be
    written is only reported back."""
    from reader.store.backup import BackupNotWritten, back_up

    try:
        back_up(conn, path, check=False)
    except BackupNotWritten as error:
        return str(error)
    return ""


def _reason(path: Path, error: Exception) -> str:
    if isinstance(error, sqlite3.Error):
        return explain(path, error)
    return getattr(error, "strerror", None) or str(error)
