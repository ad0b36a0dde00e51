"""Pairing two annotators' spans row by row, checked against examples worked out by hand."""

from __future__ import annotations

from reader.domain.annotations import Annotation
from reader.domain.comparison import (
    DIFFERENT,
    DIFFERENT_EXTENT,
    DIFFERENT_TAG,
    ONLY_A,
    ONLY_B,
    SAME,
    compare_annotations,
)

TEXT = "Москва 😀 не обращалась к ОДКБ за помощью из-за действий ВСУ"


def span(start: int, end: int, tag: str, who: str) -> Annotation:
    return Annotation(1, start, end, TEXT[start:end], tag, annotator=who)


def states(rows) -> list[tuple]:
    return [(row.start, row.end, row.a and row.a.tag, row.b and row.b.tag, row.state) for row in rows]


def test_each_kind_of_row():
    a = [
        span(0, 6, "actor", "a"),
        span(9, 21, "claim", "a"),
        span(26, 30, "actor", "a"),
        span(31, 40, "claim", "a"),
        span(41, 47, "date", "a"),
    ]
    b = [
        span(0, 6, "actor", "b"),
        span(9, 21, "date", "b"),
        span(24, 30, "actor", "b"),
        span(33, 47, "date", "b"),
        span(48, 55, "claim", "b"),
    ]
    # 31..40 claim and 41..47 date of A both overlap 33..47 date of B: the same tag pairs first.
    assert states(compare_annotations(a, b)) == [
        (0, 6, "actor", "actor", SAME),
        (9, 21, "claim", "date", DIFFERENT_TAG),
        (24, 30, "actor", "actor", DIFFERENT_EXTENT),
        (31, 40, "claim", None, ONLY_A),
        (33, 47, "date", "date", DIFFERENT_EXTENT),
        (48, 55, None, "claim", ONLY_B),
    ]


def test_overlapping_spans_of_other_tags_pair_last_and_each_span_once():
    a = [span(0, 10, "claim", "a"), span(0, 10, "claim", "a")]
    b = [span(0, 10, "claim", "b"), span(2, 8, "actor", "b"), span(20, 25, "date", "b")]
    rows = compare_annotations(a, b)
    assert states(rows) == [
        (0, 10, "claim", "claim", SAME),
        (0, 10, "claim", "actor", DIFFERENT),
        (20, 25, None, "date", ONLY_B),
    ]
    assert len({row.a.id for row in rows if row.a}) == 2


def test_nothing_on_either_side():
    only = [span(0, 6, "actor", "a")]
    assert compare_annotations([], []) == []
    assert states(compare_annotations(only, [])) == [(0, 6, "actor", None, ONLY_A)]
    assert states(compare_annotations([], only)) == [(0, 6, None, "actor", ONLY_B)]
