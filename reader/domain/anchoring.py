"""Finding an annotation again after its document's text changed.

An annotation that lies wholly before the first changed character, or wholly
after the last, keeps its place (shifted by the change in length). Any other is
found again by its quoted text plus the text just before and after it (the W3C
TextQuoteSelector idea): it moves only when exactly one place in the new text
fits best; otherwise it is orphaned, never guessed.
"""

from __future__ import annotations

CONTEXT = 32
_CHUNK = 4096  # compared a slice at a time: a 100 MB text is compared in milliseconds


def _common_prefix(a: str, b: str) -> int:
    n, i = min(len(a), len(b)), 0
    while i + _CHUNK <= n and a[i : i + _CHUNK] == b[i : i + _CHUNK]:
        i += _CHUNK
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: str, b: str) -> int:
    n, i = min(len(a), len(b)), 0
    while i + _CHUNK <= n and a[len(a) - i - _CHUNK : len(a) - i] == b[len(b) - i - _CHUNK : len(b) - i]:
        i += _CHUNK
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


class Reanchoring:
    """Places, in ``new_text``, for the annotations of ``old_text``."""

    def __init__(self, old_text: str, new_text: str):
        self.old_text, self.new_text = old_text, new_text
        self.same_start = _common_prefix(old_text, new_text)
        # Not capped where it overlaps the unchanged head: in a run of repeats ("aaaaa" cut to
        # "aaa") the edit could stand anywhere in the run, and a span in the shared tail keeps
        # its quote when shifted, as one in the shared head does where it is. The head is
        # asked first.
        self.same_end = _common_suffix(old_text, new_text)

    def place(self, start: int, end: int) -> tuple[int, int] | None:
        """Where ``old_text[start:end]`` stands in the new text, or None when that is not certain."""
        if end <= self.same_start:
            return start, end
        if start >= len(self.old_text) - self.same_end:
            shift = len(self.new_text) - len(self.old_text)
            return start + shift, end + shift
        return _by_quote(self.old_text, self.new_text, start, end)


def reanchor(old_text: str, new_text: str, start: int, end: int) -> tuple[int, int] | None:
    """``Reanchoring(old_text, new_text).place(start, end)``, for one annotation."""
    return Reanchoring(old_text, new_text).place(start, end)


def _by_quote(old_text: str, new_text: str, start: int, end: int) -> tuple[int, int] | None:
    quote = old_text[start:end]
    if not quote:
        return None
    prefix = old_text[max(0, start - CONTEXT) : start]
    suffix = old_text[end : end + CONTEXT]
    scored: list[tuple[int, int]] = []
    found = new_text.find(quote)
    while found != -1:
        score = _common_suffix(prefix, new_text[max(0, found - CONTEXT) : found]) + _common_prefix(
            suffix, new_text[found + len(quote) : found + len(quote) + CONTEXT]
        )
        scored.append((score, found))
        found = new_text.find(quote, found + 1)
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    best = scored[0][1]
    return best, best + len(quote)
