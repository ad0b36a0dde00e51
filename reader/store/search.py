"""The Store's full-text search over every document, and the line of context each hit shows."""

from __future__ import annotations

import re

from reader.domain.documents import SearchHit
from reader.domain.text import single_spaced
from reader.store.core import StoreCore

SEARCH_LIMIT = 50
SNIPPET_SCAN = 100_000
SNIPPET_CONTEXT = 60


def _fts_query(text: str) -> str:
    """Every word the user typed must appear; the last may be a prefix. Quoted, so
    FTS syntax characters in the box are searched for, never parsed."""
    words = [w.replace('"', '""') for w in text.split()]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _word_pattern(text: str) -> re.Pattern:
    words = [re.escape(w) for w in text.split()]
    words[-1] += r"\w*"
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + ")", re.IGNORECASE)


def _snippet(opening: str, words: re.Pattern) -> str:
    """A line of context around the first of the words, the match in [brackets]."""
    found = words.search(opening)
    if found is None:
        return single_spaced(opening[: 2 * SNIPPET_CONTEXT]) + "…"
    start, end = found.span()
    before = opening[max(0, start - SNIPPET_CONTEXT) : start]
    after = opening[end : end + SNIPPET_CONTEXT]
    lead = "…" if start > SNIPPET_CONTEXT else ""
    return single_spaced(f"{lead}{before}[{found.group()}]{after}…")


class SearchQueries(StoreCore):
    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
        query = _fts_query(text)
        if not query:
            return []
        # FTS5's snippet() walks the whole document (minutes on a 100 MB text), so the
        # snippet is cut in Python from the first SNIPPET_SCAN characters instead.
        rows = self._query(
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
