"""Tables, the schema version, migrations, and the checks made before a file is touched."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from contextlib import contextmanager
from typing import Callable, Iterator

from sqlite_utils import Database

from reader.domain.tags import default_tags

# "Rdr1" in ASCII: marks a SQLite file as a Reader database.
APPLICATION_ID = 0x52647231
SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A database that cannot be used as asked; ``str()`` is a one-line message for the user."""


def check_before_opening(path: Path) -> None:
    """Refuse a file that is not ours, or newer than us, without writing a byte to it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise StoreError(f"{path}: cannot read the file ({error.strerror or error})") from error
    if header != SQLITE_HEADER:
        raise StoreError(f"{path} is not a Reader database (it is not an SQLite file); it was left untouched")
    # immutable=1 reads the file without creating -wal/-shm files next to it; only
    # when a -wal already exists (the database is in use) must it be read too.
    in_use = path.with_name(path.name + "-wal").exists()
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?{'mode=ro' if in_use else 'immutable=1'}",
                                uri=True, timeout=5)
        try:
            application_id = probe.execute("PRAGMA application_id").fetchone()[0]
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} cannot be read as a database ({error}); it was left untouched") from error
    if application_id != APPLICATION_ID and tables:
        raise StoreError(f"{path} is an SQLite database of another program, not Reader's; it was left untouched")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer Reader (schema {version}; this one reads up to {SCHEMA_VERSION}); "
            "it was left untouched"
        )


def _create_first_schema(db: Database) -> None:
    # The text comes last: SQLite reads a row's columns in order, so every column
    # after a long text would cost a walk through its overflow pages (the document
    # list of 10,000 documents took 80 ms instead of 8).
    db["documents"].create(
        {
            "id": int, "name": str, "source_path": str, "sha256": str, "title": str,
            "length": int, "imported_at": str, "text": str,
        },
        pk="id", not_null={"name", "sha256", "text", "length"},
        defaults={"title": "", "source_path": ""},
    )
    db["documents"].create_index(["name"], unique=True)
    db["documents"].create_index(["sha256"], unique=True)
    db["documents"].enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True,
                               tokenize="unicode61 remove_diacritics 2")
    db["tags"].create(
        {"name": str, "colour": str, "key": str, "description": str, "position": int},
        pk="name", not_null={"colour"}, defaults={"key": "", "description": "", "position": 0},
    )
    # Written by hand: sqlite-utils cannot declare ON UPDATE CASCADE (a renamed
    # tag carries its annotations along) nor CHECK constraints.
    db.execute(
        """
        CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            tag TEXT NOT NULL REFERENCES tags(name) ON UPDATE CASCADE ON DELETE RESTRICT,
            note TEXT NOT NULL DEFAULT '',
            annotator TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
            reviewer TEXT NOT NULL DEFAULT '',
            review_note TEXT NOT NULL DEFAULT '',
            orphaned INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (start >= 0 AND "end" > start)
        )
        """
    )
    db.execute('CREATE INDEX annotations_by_position ON annotations(document_id, start)')
    db.execute('CREATE INDEX annotations_by_tag ON annotations(tag)')
    # Per-document counts kept by triggers, so the document list never counts a
    # million rows. They live in a table of their own: a counter in the documents
    # row would rewrite the whole text with every annotation.
    db.executescript(
        """
        CREATE TABLE document_counts (
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            annotation_count INTEGER NOT NULL DEFAULT 0,
            reviewed_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE TRIGGER documents_counted AFTER INSERT ON documents BEGIN
            INSERT INTO document_counts (document_id) VALUES (NEW.id);
        END;
        CREATE TRIGGER annotations_counted AFTER INSERT ON annotations BEGIN
            UPDATE document_counts SET annotation_count = annotation_count + 1,
                reviewed_count = reviewed_count + (NEW.status != 'pending')
            WHERE document_id = NEW.document_id;
        END;
        CREATE TRIGGER annotations_uncounted AFTER DELETE ON annotations BEGIN
            UPDATE document_counts SET annotation_count = annotation_count - 1,
                reviewed_count = reviewed_count - (OLD.status != 'pending')
            WHERE document_id = OLD.document_id;
        END;
        CREATE TRIGGER annotations_recounted AFTER UPDATE OF status, document_id ON annotations BEGIN
            UPDATE document_counts SET annotation_count = annotation_count - 1,
                reviewed_count = reviewed_count - (OLD.status != 'pending')
            WHERE document_id = OLD.document_id;
            UPDATE document_counts SET annotation_count = annotation_count + 1,
                reviewed_count = reviewed_count + (NEW.status != 'pending')
            WHERE document_id = NEW.document_id;
        END;
        """
    )
    db["tags"].insert_all(
        {"name": t.name, "colour": t.colour, "key": t.key, "description": t.description, "position": t.position}
        for t in default_tags()
    )


# MIGRATIONS[n] brings a database from schema n to n + 1. Append, never edit.
MIGRATIONS: list[Callable[[Database], None]] = [_create_first_schema]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: Database) -> None:
    """Bring ``db`` up to SCHEMA_VERSION, each step in its own transaction."""
    version = db.conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(f"the database was written by a newer Reader (schema {version}; "
                         f"this one reads up to {SCHEMA_VERSION}); it was left untouched")
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with immediate_transaction(db):
            MIGRATIONS[target - 1](db)
            db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.conn.execute(f"PRAGMA user_version = {target}")


@contextmanager
def immediate_transaction(db: Database) -> Iterator[None]:
    """One transaction (a savepoint when nested). IMMEDIATE takes the write lock
    up front, so two writers wait for each other instead of deadlocking."""
    if db.conn.in_transaction:
        with db.atomic():
            yield
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")
