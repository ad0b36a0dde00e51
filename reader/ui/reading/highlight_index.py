"""The reader pane's spans: the domain SpanIndex plus the few edits made since it was built.

Rebuilding a SpanIndex of 10,000 spans takes milliseconds (5-10 here); one highlight added
by key must be on screen within a frame, so edits wait in a small side table. After many of
them the index asks to be rebuilt (``wants_rebuild``), which its owner does when the user
pauses, not inside a key press; only a table grown far past that is folded in at once.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from reader.domain.spans import SpanIndex

Span = tuple[int, int, Hashable]
_REBUILD_AFTER = 64  # edits: then the owner is asked to rebuild when idle
_MUST_REBUILD_AFTER = 1024  # edits: every lookup walks the side table, so past this it is rebuilt now


def span_order(span: Span) -> tuple[int, int]:
    return span[0], -span[1]  # SpanIndex's order: by start, longest first


class LiveSpanIndex:
    def __init__(self, spans: Iterable[Span] = ()):
        self._build(list(spans))

    def _build(self, spans: list[Span], by_key: dict[Hashable, tuple[int, int]] | None = None) -> None:
        self._base_spans = spans
        self._base = SpanIndex(spans)
        self._by_key = by_key  # made on the first edit only
        self._edits: dict[Hashable, tuple[int, int] | None] = {}

    def _current(self) -> dict[Hashable, tuple[int, int]]:
        if self._by_key is None:
            self._by_key = {key: (start, end) for start, end, key in self._base_spans}
        return self._by_key

    def __len__(self) -> int:
        return len(self._base_spans) if self._by_key is None else len(self._by_key)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._current()

    def put(self, key: Hashable, start: int, end: int) -> None:
        self._current()[key] = (start, end)
        self._edited(key, (start, end))

    def remove(self, key: Hashable) -> None:
        if self._current().pop(key, None) is not None:
            self._edited(key, None)

    @property
    def pending(self) -> int:
        """Edits not yet folded into the index."""
        return len(self._edits)

    @property
    def wants_rebuild(self) -> bool:
        return len(self._edits) > _REBUILD_AFTER

    def rebuild(self) -> None:
        """Fold the edits into a new index."""
        if self._edits:
            current = self._current()
            self._build([(start, end, key) for key, (start, end) in current.items()], current)

    def _edited(self, key: Hashable, span: tuple[int, int] | None) -> None:
        self._edits[key] = span
        if len(self._edits) > _MUST_REBUILD_AFTER:
            self.rebuild()

    def covering(self, lo: int, hi: int) -> list[Span]:
        """Spans overlapping ``[lo, hi)``, by start, longest first among equal starts."""
        found = self._base.covering(lo, hi)
        if not self._edits:
            return found
        edits = self._edits
        found = [span for span in found if span[2] not in edits]
        for key, span in edits.items():
            if span is not None and span[0] < hi and span[1] > lo:
                found.append((span[0], span[1], key))
        found.sort(key=span_order)
        return found
