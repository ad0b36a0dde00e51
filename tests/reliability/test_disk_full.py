"""Fault: the disk fills up during a write (simulated with PRAGMA max_page_count, which
makes SQLite fail exactly as on a full disk: SQLITE_FULL, "database or disk is full")."""

from __future__ import annotations

import pytest
from reliability_support import integrity

from reader.domain.annotations import Annotation
from reader.store import Store, StoreError


def span(store: Store, start: int, end: int, note: str = "") -> Annotation:
    text = store.document(1).text
    return Annotation(document_id=1, start=start, end=end, text=text[start:end], tag="claim", note=note)


def fill_the_disk(store: Store) -> None:
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")


def test_disk_full_refuses_the_whole_annotation_and_keeps_the_earlier_ones(corpus_db):
    with Store.open(corpus_db) as store:
        earlier = [store.add_annotation(span(store, i, i + 5)) for i in range(0, 50, 10)]
        fill_the_disk(store)
        too_big = span(store, 60, 70, note="a note that needs new pages " * 20_000)
        with pytest.raises(StoreError) as refused:
            store.add_annotation(too_big)
        assert str(refused.value) == f"the disk holding {corpus_db} is full; the last change was not saved"
        assert store.annotation(too_big.id) is None
        assert store.annotations(1) == earlier
    assert integrity(corpus_db) == ["ok"]
    with Store.open(corpus_db) as store:
        assert store.annotations(1) == earlier
        assert store.documents()[0].annotation_count == len(earlier)
        store.add_annotation(too_big)  # room again: the same annotation goes in whole
        assert store.annotation(too_big.id) == too_big


def test_disk_full_in_the_middle_of_a_batch_stores_none_of_it(corpus_db):
    with Store.open(corpus_db) as store:
        kept = store.add_annotation(span(store, 0, 4))
        fill_the_disk(store)
        handed_over = []

        def batch():
            for start in range(5, 500, 5):
                handed_over.append(span(store, start, start + 3, note="n" * 500))
                yield handed_over[-1]

        with pytest.raises(StoreError, match="is full"):
            store.add_annotations(batch())
        assert len(handed_over) > 2  # the disk filled up part-way through the batch
        assert store.annotations(1) == [kept]
    assert integrity(corpus_db) == ["ok"]
