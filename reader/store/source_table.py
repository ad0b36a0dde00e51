"""Where each document came from (schema 4): its file's type and sha256 and its metadata (the
page's date and URL), and the page or paragraph of each block of its text.

They live in tables of their own, not in new columns of documents, so that a read-only
connection to an older file can have them, empty, in memory (schema.READ_ONLY_SHIMS)."""

from __future__ import annotations


def source_statements(schema: str = "main") -> str:
    """The statements that add the tables to ``schema`` ("temp": empty, with no keys)."""
    document_key = "REFERENCES documents(id) ON DELETE CASCADE" if schema == "main" else ""
    statements = f"""
        CREATE TABLE {schema}.document_sources (
            document_id INTEGER PRIMARY KEY {document_key},
            source_type TEXT NOT NULL DEFAULT '',
            source_sha256 TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE {schema}.document_blocks (
            document_id INTEGER NOT NULL {document_key},
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            page INTEGER,
            paragraph INTEGER,
            PRIMARY KEY (document_id, start)
        ) WITHOUT ROWID;
    """
    if schema == "main":
        # The documents already there were read as plain text (.txt or .md) from a file whose
        # own hash was not kept.
        statements += """
        INSERT INTO document_sources (document_id, source_type)
            SELECT id, CASE WHEN lower(name) LIKE '%.md' THEN 'md' ELSE 'txt' END FROM documents;
        """
    return statements
