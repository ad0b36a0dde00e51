"""The open document's open suggestions, as the store lists them (text order), read once per
change rather than per paint: which one is at the caret, and which comes next or before."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from reader.domain.suggestions import StoredSuggestion


class ShownSuggestions:
    def __init__(self) -> None:
        self.document_id: int | None = None
        self.items: list[StoredSuggestion] = []
        self._starts: list[int] = []
        self._longest = 0

    def show(self, document_id: int | None, suggestions: list[StoredSuggestion]) -> None:
        self.document_id = document_id
        self.items = suggestions
        self._starts = [s.start for s in suggestions]
        self._longest = max((s.end - s.start for s in suggestions), default=0)

    def by_id(self, suggestion_id: str | None) -> StoredSuggestion | None:
        return next((s for s in self.items if s.id == suggestion_id), None)

    def overlapping(self, lo: int, hi: int) -> list[StoredSuggestion]:
        """The suggestions reaching into [lo, hi), in text order."""
        first = bisect_left(self._starts, lo - self._longest)
        last = bisect_left(self._starts, hi)
        return [s for s in self.items[first:last] if s.end > lo]

    def at(self, code_point: int) -> list[StoredSuggestion]:
        """The suggestions holding ``code_point`` (or ending just before it), innermost first."""
        first = bisect_left(self._starts, code_point - self._longest)
        last = bisect_right(self._starts, code_point)
        found = [s for s in self.items[first:last] if s.end >= code_point]
        return sorted(found, key=lambda s: (s.end - s.start, s.start, s.tag))

    def following(self, caret: int, current: StoredSuggestion | None, step: int) -> StoredSuggestion | None:
        """The next (step 1) or previous (step -1) suggestion after ``current``, or from the caret
        when there is none, round the end of the text."""
        if not self.items:
            return None
        if current is not None and current in self.items:
            position = self.items.index(current) + step
        elif step > 0:
            position = bisect_left(self._starts, caret)
        else:
            position = bisect_left(self._starts, caret) - 1
        return self.items[position % len(self.items)]

    def of_tag(self, tag: str) -> list[StoredSuggestion]:
        return [s for s in self.items if s.tag == tag]

    def tags(self) -> list[str]:
        return sorted({s.tag for s in self.items})
