"""What the review needs from a database beyond the Store's own methods: who annotated,
a document's counts, and whether a document still has pending annotations."""

from __future__ import annotations

from reader.domain.annotations import PENDING
from reader.store.repo import Store


def annotators(store: Store) -> list[str]:
    """Every name that made an annotation here, sorted (an empty name included)."""
    return [row["annotator"] for row in store.db.query("SELECT DISTINCT annotator FROM annotations ORDER BY annotator")]


def document_counts(store: Store, document_id: int) -> tuple[int, int]:
    """(annotations, reviewed annotations) of one document, as the document list shows them."""
    row = next(
        store.db.query(
            "SELECT annotation_count, reviewed_count FROM document_counts WHERE document_id = ?", [document_id]
        ),
        None,
    )
    return (row["annotation_count"], row["reviewed_count"]) if row else (0, 0)


def has_pending(store: Store, document_id: int, tag: str | None = None, annotator: str | None = None) -> bool:
    """Whether the document has a pending annotation (of ``tag``, by ``annotator``) that still fits its text."""
    # The unary + keeps SQLite off the tag index: without statistics it would scan every
    # annotation of the tag (a third of a million rows) rather than the document's few.
    sql = "SELECT 1 FROM annotations WHERE document_id = ? AND +status = ? AND orphaned = 0"
    params: list = [document_id, PENDING]
    if tag is not None:
        sql += " AND +tag = ?"
        params.append(tag)
    if annotator is not None:
        sql += " AND +annotator = ?"
        params.append(annotator)
    return next(store.db.query(sql + " LIMIT 1", params), None) is not None
