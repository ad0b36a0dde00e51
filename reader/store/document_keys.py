"""Each document's sort and filter keys (schema 5), so that the document list is a query
over an index, a page at a time, and nothing is sorted or filtered in Python at start-up.

The keys are Python's (natural order, casefolding: SQLite's lower() knows only ASCII),
written with the document; a table of their own keeps them out of the documents rows,
whose texts would otherwise be read past to reach them."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from reader.domain.document_listing import document_keys

if TYPE_CHECKING:
    from sqlite_utils import Database


def add_document_keys(db: Database, schema: str = "main") -> None:
    """The table in ``schema`` ("temp": with no keys to the main tables), holding the keys of the
    documents already in the file (schema 5's migration, or a read-only older file's shim)."""
    conn = db.conn
    document_key = "REFERENCES documents(id) ON DELETE CASCADE" if schema == "main" else ""
    conn.execute(
        f"""
        CREATE TABLE {schema}.document_keys (
            document_id INTEGER PRIMARY KEY {document_key},
            title_key TEXT NOT NULL,
            name_key TEXT NOT NULL,
            filter_text TEXT NOT NULL
        )
        """
    )
    conn.execute(f"CREATE INDEX {schema}.document_keys_by_title ON document_keys(title_key, name_key, document_id)")
    conn.execute(f"CREATE INDEX {schema}.document_keys_by_name ON document_keys(name_key, document_id)")
    rows = conn.execute("SELECT id, title, name FROM main.documents").fetchall()
    write_keys(conn, [(document_id, title, name) for document_id, title, name in rows], schema)


def write_keys(conn: sqlite3.Connection, documents: list[tuple[int, str, str]], schema: str = "main") -> None:
    """The keys of each (id, title, name), replacing what was there."""
    keyed = ((document_id, *_values(title, name)) for document_id, title, name in documents)
    conn.executemany(
        f"INSERT OR REPLACE INTO {schema}.document_keys (document_id, title_key, name_key, filter_text) "
        "VALUES (?, ?, ?, ?)",
        keyed,
    )


def _values(title: str, name: str) -> tuple[str, str, str]:
    keys = document_keys(title, name)
    return keys.title_key, keys.name_key, keys.filter_text
