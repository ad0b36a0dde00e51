"""Span arithmetic on plain text: snapping a selection to words, and splitting
overlapping spans into pieces that can each be drawn once."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

_JOINERS = "'’-"


def _in_word(text: str, i: int) -> bool:
    """Whether ``text[i]`` belongs to a word. An apostrophe or hyphen does only
    between two letters ("it's", "из-за"), not when it quotes or dashes a word."""
    ch = text[i]
    if ch in _JOINERS:
        return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
    return ch.isalnum() or ch == "_" or 0x300 <= ord(ch) <= 0x36F


def trim_whitespace(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words and trim the whitespace at its edges."""
    start, end = trim_whitespace(text, start, end)
    if start >= end:
        return start, end
    while start > 0 and _in_word(text, start - 1) and _in_word(text, start):
        start -= 1
    while end < len(text) and _in_word(text, end - 1) and _in_word(text, end):
        end += 1
    return start, end


@dataclass(frozen=True)
class Segment:
    """A stretch of text covered by the same set of spans."""

    start: int
    end: int
    keys: tuple  # the covering spans' keys, outermost (earliest start) first


class SpanIndex:
    """Spans of one document, sorted by start, for questions about a window of text.

    Built in O(n log n); ``segments(lo, hi)`` costs O(log n + spans near the
    window), so drawing a screenful does not depend on the document's size.
    """

    def __init__(self, spans: Iterable[tuple[int, int, object]]):
        ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
        self._starts = [s[0] for s in ordered]
        self._spans = ordered
        # Running maximum of ends lets us stop scanning left once no earlier span can reach the window.
        self._max_end: list[int] = []
        running = 0
        for _, end, _ in ordered:
            running = max(running, end)
            self._max_end.append(running)

    def __len__(self) -> int:
        return len(self._spans)

    def covering(self, lo: int, hi: int) -> list[tuple[int, int, object]]:
        """Spans that overlap ``[lo, hi)``, in start order."""
        right = bisect_left(self._starts, hi)
        left = bisect_left(self._max_end, lo + 1, 0, right)
        return [s for s in self._spans[left:right] if s[1] > lo and s[0] < hi]

    def at(self, position: int) -> list[tuple[int, int, object]]:
        return self.covering(position, position + 1)

    def segments(self, lo: int, hi: int) -> list[Segment]:
        return split_into_segments(self.covering(lo, hi), lo, hi)


def split_into_segments(spans: Sequence[tuple[int, int, object]], lo: int, hi: int) -> list[Segment]:
    """Cut ``[lo, hi)`` at every span edge; each piece lists the spans covering it."""
    edges = sorted({lo, hi, *(max(lo, min(hi, e)) for s in spans for e in s[:2])})
    segments = []
    for a, b in pairwise(edges):
        keys = tuple(key for start, end, key in spans if start <= a and end >= b)
        if keys:
            segments.append(Segment(a, b, keys))
    return segments
