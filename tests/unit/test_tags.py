"""Tags: the defaults, and editing them per database without losing annotations."""

from __future__ import annotations

import dataclasses
import math

import pytest

from reader.domain.tags import BadTag, Tag, default_tags
from reader.store import Store, StoreError

SEED = "000_0d09ba8671f8300e.txt"


# Machado, Oliveira & Fernandes (2009), severity 1: linear-RGB simulation of the
# two common colour-vision deficiencies.
SIMULATIONS = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
}


def seen_as(colour: str, matrix) -> tuple[float, ...]:
    """``colour`` (#rrggbb) as a reader with that deficiency sees it, in sRGB 0..255."""

    def linear(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    def encoded(c):
        c = min(max(c, 0.0), 1.0)
        return 255 * (12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055)

    rgb = [linear(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5)]
    return tuple(encoded(sum(m * c for m, c in zip(row, rgb, strict=True))) for row in matrix)


def test_a_new_database_has_claim_actor_date_on_keys_1_2_3(store):
    tags = store.tags()

    assert [(t.name, t.key) for t in tags] == [("claim", "1"), ("actor", "2"), ("date", "3")]
    assert tags == default_tags()
    assert all(t.description for t in tags)


@pytest.mark.parametrize("deficiency", SIMULATIONS)
def test_default_colours_stay_apart_for_colour_blind_readers(store, deficiency):
    seen = [seen_as(t.colour, SIMULATIONS[deficiency]) for t in store.tags()]

    distances = [math.dist(a, b) for i, a in enumerate(seen) for b in seen[i + 1 :]]

    assert min(distances) >= 50, distances


def test_renaming_a_tag_carries_its_annotations(seeded_store, annotate):
    first = annotate(seeded_store, SEED, "Москва", "claim")
    other = annotate(seeded_store, SEED, "ОДКБ", "actor")
    claim = next(t for t in seeded_store.tags() if t.name == "claim")

    seeded_store.save_tag(dataclasses.replace(claim, name="assertion"), old_name="claim")

    assert [t.name for t in seeded_store.tags()] == ["assertion", "actor", "date"]
    assert seeded_store.annotation(first.id).tag == "assertion"
    assert seeded_store.annotation(other.id).tag == "actor"
    assert seeded_store.counts()["by_tag"] == {"actor": 1, "assertion": 1}


def test_a_key_that_another_tag_has_is_refused(store):
    before = store.tags()

    with pytest.raises(StoreError, match="key '1' already belongs to tag 'claim'"):
        store.save_tag(Tag("place", "#aa3377", key="1"))
    actor = next(t for t in before if t.name == "actor")
    with pytest.raises(StoreError, match="already belongs"):
        store.save_tag(dataclasses.replace(actor, key="3"), old_name="actor")

    assert store.tags() == before


def test_a_tag_keeps_or_changes_its_own_key(store):
    store.save_tag(Tag("place", "#aa3377", key="4", position=3))
    store.save_tag(Tag("place", "#66ccee", key="4", position=3), old_name="place")
    store.save_tag(Tag("place", "#66ccee", key="5", position=3), old_name="place")

    assert store.tags()[-1] == Tag("place", "#66ccee", key="5", position=3)


def test_several_tags_may_have_no_key(store):
    store.save_tag(Tag("place", "#aa3377", position=3))
    store.save_tag(Tag("event", "#66ccee", position=4))

    assert [t.key for t in store.tags()] == ["1", "2", "3", "", ""]


def test_a_second_tag_with_the_same_name_is_refused(store):
    with pytest.raises(StoreError, match="already exists"):
        store.save_tag(Tag("claim", "#aa3377"))
    with pytest.raises(StoreError, match="already exists"):
        store.save_tag(Tag("actor", "#aa3377", key="3"), old_name="date")


def test_deleting_a_tag_in_use_is_refused(seeded_store, annotate):
    annotate(seeded_store, SEED, "Москва", "date")

    with pytest.raises(StoreError, match="used by 1 annotation"):
        seeded_store.delete_tag("date")
    seeded_store.delete_tag("actor")

    assert [t.name for t in seeded_store.tags()] == ["claim", "date"]


def test_each_database_has_its_own_tags(tmp_path):
    with Store.open(tmp_path / "one.sqlite") as one:
        one.save_tag(Tag("place", "#aa3377", key="4"))
    with Store.open(tmp_path / "two.sqlite") as two:
        assert "place" not in two.tag_names()
    with Store.open(tmp_path / "one.sqlite") as one:
        assert "place" in one.tag_names()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"name": ""}, "name"),
        ({"name": " padded "}, "name"),
        ({"name": "two\nlines"}, "name"),
        ({"name": "x" * 65}, "name"),
        ({"colour": "red"}, "colour"),
        ({"colour": "#12345"}, "colour"),
        ({"key": "12"}, "key"),
    ],
)
def test_bad_tag_definitions_are_refused(fields, message):
    with pytest.raises(BadTag, match=message):
        Tag(**{"name": "ok", "colour": "#123456", **fields})
