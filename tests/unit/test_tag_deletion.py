"""Deleting a tag: refused while annotations carry it, or with its annotations moved to
another tag in the same transaction; and bringing it back exactly as it was."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from reader.store import StoreError

SEED = "000_0d09ba8671f8300e.txt"


def every_annotation(store):
    return {a.id: a for d in store.documents() for a in store.annotations(d.id)}


def test_a_tag_in_use_moves_its_annotations_and_comes_back_as_it_was(seeded_store, annotate):
    dated = [annotate(seeded_store, SEED, "Москва", "date"), annotate(seeded_store, SEED, "Москва", "date", 1)]
    kept = annotate(seeded_store, SEED, "ОДКБ", "claim")
    date = next(t for t in seeded_store.tags() if t.name == "date")
    assert seeded_store.tag_use("date") == 2

    deletion = seeded_store.delete_tag("date", retag_to="actor", when="2030-01-01T00:00:00.000Z")

    assert sorted(deletion.moved) == sorted((a.id, a.updated_at) for a in dated)
    after = every_annotation(seeded_store)
    assert {after[a.id].tag for a in dated} == {"actor"}
    assert {after[a.id].updated_at for a in dated} == {"2030-01-01T00:00:00.000Z"}
    assert after[kept.id] == kept
    assert "date" not in seeded_store.tag_names() and seeded_store.tag_use("date") == 0

    seeded_store.restore_tag(date, deletion)

    assert next(t for t in seeded_store.tags() if t.name == "date") == date
    restored = every_annotation(seeded_store)
    assert [asdict(restored[a.id]) for a in dated] == [asdict(a) for a in dated]


def test_a_deletion_that_cannot_finish_changes_nothing(seeded_store, annotate):
    dated = annotate(seeded_store, SEED, "Москва", "date")
    before = every_annotation(seeded_store), seeded_store.tags()

    with pytest.raises(StoreError, match="used by 1 annotation"):
        seeded_store.delete_tag("date")
    with pytest.raises(StoreError, match="no other tag named 'place'"):
        seeded_store.delete_tag("date", retag_to="place")
    with pytest.raises(StoreError, match="no other tag named 'date'"):
        seeded_store.delete_tag("date", retag_to="date")

    assert (every_annotation(seeded_store), seeded_store.tags()) == before
    assert every_annotation(seeded_store)[dated.id].tag == "date"
    assert seeded_store.delete_tag("actor").moved == []  # nothing carries it: no annotation moves
    assert "actor" not in seeded_store.tag_names()
