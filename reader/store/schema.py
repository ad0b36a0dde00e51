"""Tables, the schema version, migrations, and the checks made before a file is touched."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reader.domain.relations import default_relation_types
from reader.domain.tags import default_tags
from reader.store.document_keys import add_document_keys
from reader.store.errors import BUSY_TIMEOUT_SECONDS, StoreError, explain, is_damage, is_locked, primary_code
from reader.store.source_table import source_statements
from reader.store.suggestion_table import suggestion_statements
from reader.store.transactions import immediate_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database

# "Rdr1" in ASCII: marks a SQLite file as a Reader database.
APPLICATION_ID = 0x52647231
# Every version's tables include these (migrations only add).
FIRST_SCHEMA_TABLES = frozenset({"documents", "documents_fts", "tags", "annotations", "document_counts"})


# SQLite's files beside a database: a write-ahead log (WAL mode) or a rollback journal.
COMPANIONS = ("-wal", "-shm", "-journal")


def database_files(path: Path) -> tuple[Path, ...]:
    """The database file and the names of SQLite's files beside it (which may not exist)."""
    return (path, *(path.with_name(path.name + suffix) for suffix in COMPANIONS))


def read_only_uri(path: Path) -> str:
    """A URI that reads ``path`` through SQLite without creating a file beside it.

    ``immutable=1`` reads a file that has neither a write-ahead log nor a rollback
    journal, without the -wal and -shm files that ``mode=ro`` would create. With either
    beside it the database is in use, or was left by a program that stopped: the log
    holds committed changes, a journal the pages of a change not yet committed, and
    only ``mode=ro`` reads them (and waits for another program's lock) as SQLite must.
    """
    in_use = any(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-journal"))
    return f"{path.resolve().as_uri()}?{'mode=ro' if in_use else 'immutable=1'}"


def reading_uri(path: Path) -> str:
    """Read-only, and able to read a database in a folder it may not write to (a shared
    drive, a USB stick), where ``mode=ro`` cannot create SQLite's -shm file."""
    if os.access(path.parent, os.W_OK):
        return f"{path.resolve().as_uri()}?mode=ro"
    return read_only_uri(path)


def may_write(path: Path) -> bool:
    """Whether this process may change the database: the file, and the folder where
    SQLite keeps its write-ahead log. root passes os.access whatever the mode bits
    say, so a file its owner made read-only (chmod a-w) is read-only for root too."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        file_writable = bool(path.stat().st_mode & 0o222)
    else:
        file_writable = os.access(path, os.W_OK)
    return file_writable and os.access(path.parent, os.W_OK)


def check_before_opening(path: Path) -> bool:
    """Refuse a file that is not ours, is newer than us or is not whole, without writing a
    byte to it. True when ``path`` holds a database, False when it is missing or empty.

    Only SQLite reads the file: a plain file handle opened and closed here would drop
    every lock this process holds on it, and with them another connection's safety
    (SQLite's "How To Corrupt An SQLite Database File", section 2.2).
    """
    try:
        if path.stat().st_size == 0:
            return False
    except FileNotFoundError:
        return False
    except OSError as error:
        raise StoreError(f"{path}: cannot read the file ({error.strerror or error})") from error
    try:
        application_id, version, tables = _identity(path)
    except sqlite3.Error as error:
        if not (_left_mid_change(error) and may_write(path)):
            raise StoreError(_unreadable(path, error)) from error
        _roll_back_unfinished_change(path)
        try:
            application_id, version, tables = _identity(path)
        except sqlite3.Error as again:
            raise StoreError(_unreadable(path, again)) from again
    _check_identity(path, application_id, version, tables)
    return True


def _identity(path: Path) -> tuple[int, int, set[str]]:
    with closing(sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_SECONDS)) as probe:
        application_id = probe.execute("PRAGMA application_id").fetchone()[0]
        version = probe.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return application_id, version, tables


def _left_mid_change(error: sqlite3.Error) -> bool:
    """A rollback journal left by a program that stopped mid-change (a "hot journal"),
    which a read-only connection may not roll back."""
    return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_READONLY_ROLLBACK


def _roll_back_unfinished_change(path: Path) -> None:
    """Let SQLite put back what the stopped program's unfinished change overwrote, as
    any connection that may write does when it first reads the file: this restores the
    database as it was committed, and changes nothing that was."""
    with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)) as recovering:
        recovering.execute("PRAGMA schema_version").fetchone()


def _unreadable(path: Path, error: sqlite3.Error) -> str:
    if is_locked(error):
        return explain(path, error)
    if primary_code(error) == sqlite3.SQLITE_CORRUPT:
        return f"{path} is damaged ({error}); it was left untouched. List its backups with: reader backups --db {path}"
    if primary_code(error) == sqlite3.SQLITE_NOTADB:
        return (
            f"{path} is not a Reader database: it cannot be read as one (it is not an SQLite file, "
            "or its header is damaged); it was left untouched"
        )
    return f"{path} cannot be read as a database ({error}); it was left untouched"


def _check_identity(path: Path, application_id: int, version: int, tables: set[str]) -> None:
    fresh = application_id == 0 and version == 0 and not tables
    if fresh:
        return
    if application_id != APPLICATION_ID:
        raise StoreError(f"{path} is an SQLite database of another program, not Reader's; it was left untouched")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer Reader (schema {version}; this one reads up to {SCHEMA_VERSION}); "
            "it was left untouched"
        )
    missing = sorted(FIRST_SCHEMA_TABLES - tables) if version else ["(its schema version is 0)"]
    if missing:
        raise StoreError(
            f"{path} is an incomplete Reader database (missing {', '.join(missing)}); it was left untouched"
        )


class DamagedDatabase(StoreError):
    """SQLite found the file damaged; nothing may be written to it."""


def check_sound(conn: sqlite3.Connection, path: Path) -> None:
    """DamagedDatabase unless SQLite's ``quick_check`` of the whole file finds it sound."""
    try:
        report = "\n".join(row[0] for row in conn.execute("PRAGMA quick_check(3)"))
    except sqlite3.Error as error:
        if not is_damage(error):
            raise StoreError(explain(path, error)) from error
        report = str(error)
    if report != "ok":
        first = next(line for line in [*report.splitlines(), report] if line and not line.startswith("***"))
        raise DamagedDatabase(
            f"{path} is damaged ({first}); it was left untouched. List its backups with: reader backups --db {path}"
        )


def _execute_each(db: Database, statements: str) -> None:
    """Run SQL statements one by one, inside the migration's transaction: sqlite3's executescript
    would commit that transaction first, and a migration cut short would be left half done."""
    pending = ""
    for line in statements.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            db.conn.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"an incomplete SQL statement: {pending.strip()[:60]}")


def _create_first_schema(db: Database) -> None:
    # The text comes last: SQLite reads a row's columns in order, so every column
    # after a long text would cost a walk through its overflow pages (the document
    # list of 10,000 documents took 80 ms instead of 8).
    db.table("documents").create(
        {
            "id": int,
            "name": str,
            "source_path": str,
            "sha256": str,
            "title": str,
            "length": int,
            "imported_at": str,
            "text": str,
        },
        pk="id",
        not_null={"name", "sha256", "text", "length"},
        defaults={"title": "", "source_path": ""},
    )
    db.table("documents").create_index(["name"], unique=True)
    db.table("documents").create_index(["sha256"], unique=True)
    db.table("documents").enable_fts(
        ["title", "text"], fts_version="FTS5", create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    db.table("tags").create(
        {"name": str, "colour": str, "key": str, "description": str, "position": int},
        pk="name",
        not_null={"colour"},
        defaults={"key": "", "description": "", "position": 0},
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
    db.execute("CREATE INDEX annotations_by_position ON annotations(document_id, start)")
    db.execute("CREATE INDEX annotations_by_tag ON annotations(tag)")
    # Per-document counts kept by triggers, so the document list never counts a
    # million rows. They live in a table of their own: a counter in the documents
    # row would rewrite the whole text with every annotation.
    _execute_each(
        db,
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
        """,
    )
    db.table("tags").insert_all(
        {"name": t.name, "colour": t.colour, "key": t.key, "description": t.description, "position": t.position}
        for t in default_tags()
    )


class _Addition(Protocol):  # a migration after the first: it can add its tables to "temp" instead
    def __call__(self, db: Database, schema: str = "main") -> None: ...


def _add_relations(db: Database, schema: str = "main") -> None:
    """Relation types (what may link to what) and relations between two annotations of one
    document. ``schema`` "temp" gives a read-only connection to an older file the same tables,
    empty, in memory (read_only_shims)."""
    kept = schema == "main"  # keys and triggers only where the tables they guard live
    tag_key = "REFERENCES tags(name) ON UPDATE CASCADE ON DELETE RESTRICT" if kept else ""
    type_key = "REFERENCES relation_types(name) ON UPDATE CASCADE ON DELETE RESTRICT" if kept else ""
    annotation_key = "REFERENCES annotations(id) ON DELETE CASCADE" if kept else ""
    _execute_each(
        db,
        f"""
        CREATE TABLE {schema}.relation_types (
            name TEXT PRIMARY KEY,
            source_tag TEXT NOT NULL {tag_key},
            target_tag TEXT NOT NULL {tag_key},
            colour TEXT NOT NULL,
            key TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE {schema}.relations (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL {type_key},
            source_id TEXT NOT NULL {annotation_key},
            target_id TEXT NOT NULL {annotation_key},
            note TEXT NOT NULL DEFAULT '',
            annotator TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
            reviewer TEXT NOT NULL DEFAULT '',
            review_note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (source_id != target_id)
        );
        CREATE UNIQUE INDEX {schema}.relations_once ON relations(source_id, type, target_id);
        CREATE INDEX {schema}.relations_by_target ON relations(target_id);
        """,
    )
    if kept:
        # The store checks first and says why in words; this keeps any other writer honest.
        _execute_each(
            db,
            """
            CREATE TRIGGER relations_in_one_document BEFORE INSERT ON relations
            WHEN (SELECT document_id FROM annotations WHERE id = NEW.source_id)
                IS NOT (SELECT document_id FROM annotations WHERE id = NEW.target_id)
            BEGIN
                SELECT RAISE(ABORT, 'a relation links two annotations of one document');
            END;
            """,
        )
    db.conn.executemany(
        f"INSERT INTO {schema}.relation_types (name, source_tag, target_tag, colour, key, description, position) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (kind.name, kind.source_tag, kind.target_tag, kind.colour, kind.key, kind.description, kind.position)
            for kind in default_relation_types()
        ],
    )


def _add_suggestions(db: Database, schema: str = "main") -> None:
    """Suggestions, open until accepted or rejected (reader.store.suggestion_table)."""
    _execute_each(db, suggestion_statements(schema))


def _add_document_sources(db: Database, schema: str = "main") -> None:
    """Each document's source file and metadata, and its blocks' pages (reader.store.source_table)."""
    _execute_each(db, source_statements(schema))


# MIGRATIONS[n] brings a database from schema n to n + 1. Append, never edit.
_ADDITIONS: list[_Addition] = [
    _add_relations,
    _add_suggestions,
    _add_document_sources,
    add_document_keys,
]
MIGRATIONS: list[Callable[[Database], None]] = [_create_first_schema, *_ADDITIONS]
SCHEMA_VERSION = len(MIGRATIONS)
# What a read-only connection to a file of schema n lacks, made in "temp" so that it is read
# unchanged: the later migrations' tables (empty, but for the document keys).
READ_ONLY_SHIMS: dict[int, list[Callable[[Database], None]]] = {
    version: [partial(step, schema="temp") for step in _ADDITIONS[version - 1 :]]
    for version in range(1, SCHEMA_VERSION)
}


def migrate(db: Database) -> None:
    """Bring ``db`` up to SCHEMA_VERSION, each step in its own transaction."""
    version = db.conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the database was written by a newer Reader (schema {version}; "
            f"this one reads up to {SCHEMA_VERSION}); it was left untouched"
        )
    for target in range(version + 1, SCHEMA_VERSION + 1):
        with immediate_transaction(db.conn):
            MIGRATIONS[target - 1](db)
            db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.conn.execute(f"PRAGMA user_version = {target}")
