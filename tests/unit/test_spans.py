"""Snapping selections to words, and cutting overlapping spans into drawable segments."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.domain.spans import Segment, SpanIndex, snap_to_words, split_into_segments, trim_whitespace

WORDY = st.text(alphabet=st.sampled_from([*"ab яж  \n\t.,-'😀", "e\u0301"[1]]), max_size=40)


@st.composite
def text_and_selection(draw):
    text = draw(WORDY)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


@pytest.mark.parametrize(
    "text, selection, snapped",
    [
        ("Москва не обращалась", (2, 4), "Москва"),
        ("Москва не обращалась", (5, 8), "Москва не"),
        ("  spaced words  ", (0, 16), "spaced words"),
        ("say 'hello' now", (5, 7), "hello"),
        ("say 'hello' now", (4, 7), "'hello"),
        ("из-за него", (0, 1), "из-за"),
        ("the -3 dash", (5, 6), "3"),
        ("it's fine", (1, 2), "it's"),
        ("well-known fact", (0, 2), "well-known"),
        ("cafe\u0301 ok", (1, 2), "cafe\u0301"),
        ("end.", (0, 4), "end."),
        ("a, b", (1, 2), ","),
        ("   ", (0, 3), ""),
    ],
)
def test_snap_to_words_examples(text, selection, snapped):
    start, end = snap_to_words(text, *selection)

    assert text[start:end] == snapped


@given(text_and_selection())
def test_trim_whitespace_removes_only_edge_whitespace(case):
    text, start, end = case

    new_start, new_end = trim_whitespace(text, start, end)

    assert start <= new_start <= new_end <= end
    assert text[start:end].strip() == text[new_start:new_end]


@given(text_and_selection())
def test_snap_to_words_covers_the_trimmed_selection_and_ends_at_word_edges(case):
    text, start, end = case
    trimmed = trim_whitespace(text, start, end)

    new_start, new_end = snap_to_words(text, start, end)

    if trimmed[0] == trimmed[1]:
        assert new_start == new_end
        return
    assert new_start <= trimmed[0] < trimmed[1] <= new_end
    assert not text[new_start].isspace() and not text[new_end - 1].isspace()
    assert snap_to_words(text, new_start, new_end) == (new_start, new_end)
    assert "\n" not in text[new_start : trimmed[0]] + text[trimmed[1] : new_end]


Spans = list[tuple[int, int, int]]


@st.composite
def spans_and_window(draw) -> tuple[Spans, int, int]:
    bounds = st.tuples(st.integers(0, 30), st.integers(1, 12))
    spans = [(s, s + n, key) for key, (s, n) in enumerate(draw(st.lists(bounds, max_size=12)))]
    lo = draw(st.integers(0, 40))
    hi = draw(st.integers(lo, 45))
    return spans, lo, hi


def keys_at_each_position(spans: Spans, lo: int, hi: int) -> list[tuple]:
    """The brute force: for each position, the keys of the spans covering it."""
    return [tuple(key for start, end, key in spans if start <= p < end) for p in range(lo, hi)]


def expand(segments: list[Segment], lo: int, hi: int) -> list[tuple]:
    positions = [()] * (hi - lo)
    for segment in segments:
        assert lo <= segment.start < segment.end <= hi
        for p in range(segment.start, segment.end):
            assert positions[p - lo] == (), "segments overlap"
            positions[p - lo] = segment.keys
    return positions


def by_start(spans: Spans) -> Spans:
    return sorted(spans, key=lambda s: (s[0], -s[1]))


@given(spans_and_window())
def test_split_into_segments_matches_a_per_character_computation(case):
    spans, lo, hi = case

    segments = split_into_segments(spans, lo, hi)

    assert expand(segments, lo, hi) == keys_at_each_position(spans, lo, hi)
    assert segments == sorted(segments, key=lambda s: s.start)
    for left, right in pairwise(segments):
        assert left.end < right.start or left.keys != right.keys, "a segment was cut for nothing"


@given(spans_and_window())
def test_span_index_segments_and_covering_match_brute_force(case):
    spans, lo, hi = case
    index = SpanIndex(spans)

    assert expand(index.segments(lo, hi), lo, hi) == keys_at_each_position(by_start(spans), lo, hi)
    assert index.covering(lo, hi) == [s for s in by_start(spans) if s[0] < hi and s[1] > lo]
    assert len(index) == len(spans)
    for position in range(lo, hi):
        assert [s[2] for s in index.at(position)] == [s[2] for s in by_start(spans) if s[0] <= position < s[1]]


def test_nested_spans_list_the_outermost_first():
    index = SpanIndex([(4, 6, "inner"), (0, 10, "outer"), (4, 12, "later")])

    assert index.segments(0, 12) == [
        Segment(0, 4, ("outer",)),
        Segment(4, 6, ("outer", "later", "inner")),
        Segment(6, 10, ("outer", "later")),
        Segment(10, 12, ("later",)),
    ]
