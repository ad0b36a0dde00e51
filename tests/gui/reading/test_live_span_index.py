"""The reader pane's span index with the edits made since it was built: every lookup answers for
the spans as they are now, before and after the edits are folded in; the pane folds them in
between key presses, not inside the press that makes the index ask."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from windowkit import shown_reader_view

from reader.domain.annotations import Annotation
from reader.domain.tags import default_tags
from reader.ui.reading.highlight_index import LiveSpanIndex, span_order
from reader.ui.reading.reader_view import INDEX_REFOLD_MS

SPAN = st.tuples(st.integers(0, 60), st.integers(1, 20)).map(lambda s: (s[0], s[0] + s[1]))
EDITS = st.lists(st.tuples(st.integers(0, 150), st.one_of(st.none(), SPAN)), max_size=300)


def brute_force(current: dict[int, tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int, int]]:
    found = [(start, end, key) for key, (start, end) in current.items() if start < hi and end > lo]
    return sorted(found, key=span_order)


def same_spans(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    return sorted(found, key=lambda span: (*span_order(span), span[2]))


@given(st.lists(st.tuples(SPAN, st.integers(0, 150)), max_size=80), EDITS, SPAN)
def test_lookups_answer_for_the_spans_as_they_are_now(initial, edits, window):
    current = {key: span for span, key in initial}
    index = LiveSpanIndex([(start, end, key) for key, (start, end) in current.items()])
    for key, span in edits:
        if span is None:
            index.remove(key)
            current.pop(key, None)
        else:
            index.put(key, *span)
            current[key] = span
        assert index.wants_rebuild == (index.pending > 64)
    lo, hi = window
    assert same_spans(index.covering(lo, hi)) == same_spans(brute_force(current, lo, hi))
    index.rebuild()
    assert index.pending == 0 and len(index) == len(current)
    assert same_spans(index.covering(lo, hi)) == same_spans(brute_force(current, lo, hi))


def test_a_side_table_grown_far_past_its_size_is_folded_in_at_once():
    index = LiveSpanIndex()
    for key in range(1025):
        index.put(key, key, key + 1)
    assert index.pending == 0 and len(index) == 1025
    assert [span[2] for span in index.covering(10, 12)] == [10, 11]


def test_the_pane_folds_its_edits_in_between_presses_not_inside_one(qtbot):
    view = shown_reader_view(qtbot, 600, 400)
    text = "word " * 40
    view.set_document(text, [], default_tags())
    for n in range(66):  # as 66 tag-key presses do
        view.upsert_annotation(Annotation(document_id=1, start=n, end=n + 1, text=text[n], tag="claim", id=f"a{n}"))
    index = view._index  # the pane's own index: how it stands right after the 66th press
    assert index is not None and index.wants_rebuild and index.pending == 66

    qtbot.waitUntil(lambda: index.pending == 0, timeout=INDEX_REFOLD_MS + 2000)
    assert [key for _, _, key in view._covering(10, 11)] == ["a10"]
