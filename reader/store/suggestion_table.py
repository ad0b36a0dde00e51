"""The suggestions table (schema 3): spans a suggester proposed, open until accepted
(``annotation_id`` is then the annotation made of it) or rejected.

The tag is a name with no foreign key, so that deleting a tag, and undoing that, works as it
did; a renamed tag carries its suggestions along by a trigger. Deleting the annotation an
accepted suggestion became leaves the suggestion accepted: that span is not suggested again."""

from __future__ import annotations


def suggestion_statements(schema: str = "main") -> str:
    """The statements that add the table to ``schema``; "temp" gives a read-only connection to
    an older file the table, empty, in memory, without the keys and trigger that guard writes."""
    kept = schema == "main"
    document_key = "REFERENCES documents(id) ON DELETE CASCADE" if kept else ""
    annotation_key = "REFERENCES annotations(id) ON DELETE SET NULL" if kept else ""
    statements = f"""
        CREATE TABLE {schema}.suggestions (
            id TEXT PRIMARY KEY,
            document_id INTEGER NOT NULL {document_key},
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            tag TEXT NOT NULL,
            suggester TEXT NOT NULL,
            version TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
            speaker_start INTEGER,
            speaker_end INTEGER,
            when_start INTEGER,
            when_end INTEGER,
            annotation_id TEXT {annotation_key},
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (start >= 0 AND "end" > start),
            UNIQUE (document_id, start, "end", tag)
        );
        -- Deleting an annotation looks here for the suggestion it came from.
        CREATE INDEX {schema}.suggestions_by_annotation ON suggestions(annotation_id);
    """
    if kept:
        statements += """
        CREATE TRIGGER suggestions_follow_a_renamed_tag AFTER UPDATE OF name ON tags BEGIN
            UPDATE suggestions SET tag = NEW.name WHERE tag = OLD.name;
        END;
        """
    return statements
