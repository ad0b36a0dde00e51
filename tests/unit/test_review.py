"""Review filters, the walk from one pending annotation to the next, and the store's
review queries, on a real database file."""

from __future__ import annotations

from reader.domain.annotations import Annotation
from reader.domain.review import ReviewFilter, caret_order, next_pending, text_order

TEXT = "Alpha 😀 Bravo Charlie Delta Echo"


def span(start, end, tag="claim", who="alice", status="pending") -> Annotation:
    return Annotation(1, start, end, TEXT[start:end], tag, annotator=who, status=status)


def test_the_filter():
    claim, rejected = span(0, 5), span(8, 13, "actor", "bob", "rejected")
    assert ReviewFilter().accepts(rejected) and ReviewFilter().shows_everything
    hiding = ReviewFilter(show_rejected=False)
    assert not hiding.accepts(rejected) and hiding.accepts(claim) and not hiding.shows_everything
    assert ReviewFilter(status="rejected", show_rejected=False).accepts(rejected)  # asked for by status
    assert not ReviewFilter(tag="actor").accepts(claim) and ReviewFilter(annotator="bob").accepts(rejected)
    assert ReviewFilter(status="pending").can_show_pending and not ReviewFilter(status="accepted").can_show_pending


def test_next_and_previous_pending():
    first, second = span(0, 5), span(0, 13, "actor")
    done = span(8, 13, status="accepted")
    later = span(14, 21, who="bob")
    spans = [later, done, second, first]
    everything = ReviewFilter()
    assert next_pending(spans, None, 1, everything) is first
    assert next_pending(spans, text_order(first), 1, everything) is second
    assert next_pending(spans, text_order(second), 1, everything) is later
    assert next_pending(spans, text_order(later), 1, everything) is None
    assert next_pending(spans, text_order(later), -1, everything) is second
    assert next_pending(spans, None, -1, everything) is later
    assert next_pending(spans, caret_order(8), 1, everything) is later  # from the caret
    assert next_pending(spans, caret_order(8), -1, everything) is second
    assert next_pending(spans, None, 1, ReviewFilter(annotator="bob")) is later


def test_store_queries(store):
    from reader.domain.corpus import SourceText

    document = store.import_source(SourceText("t.txt", "", TEXT, "utf-8")).document_id
    other = store.import_source(SourceText("u.txt", "", "Another text", "utf-8")).document_id
    store.add_annotation(Annotation(document, 0, 5, "Alpha", "claim", annotator="alice"))
    store.add_annotation(Annotation(document, 8, 13, "Bravo", "actor", annotator="bob", status="accepted"))
    assert store.annotators() == ["alice", "bob"]
    assert store.document_counts(document) == (2, 1) and store.document_counts(other) == (0, 0)
    assert store.has_pending(document) and store.has_pending(document, tag="claim", annotator="alice")
    assert not store.has_pending(document, tag="actor") and not store.has_pending(document, annotator="bob")
    assert not store.has_pending(other)
    store.db.execute("UPDATE annotations SET orphaned = 1")  # a re-import orphaned it: nothing to review here
    assert not store.has_pending(document)


def test_has_pending_searches_the_document_not_the_tag(store):
    """Without statistics SQLite would take the tag index and read every annotation of the
    tag (83 s for N over 1,000 documents of a million annotations, measured)."""
    from reader.domain.corpus import SourceText

    document = store.import_source(SourceText("t.txt", "", TEXT, "utf-8")).document_id
    executed = []
    store.db.conn.set_trace_callback(executed.append)
    store.has_pending(document, tag="claim", annotator="alice")
    store.db.conn.set_trace_callback(None)
    (query,) = [sql for sql in executed if sql.lstrip().upper().startswith("SELECT")]
    plan = " ".join(row[3] for row in store.db.conn.execute(f"EXPLAIN QUERY PLAN {query}"))
    assert "annotations_by_position" in plan and "annotations_by_tag" not in plan
