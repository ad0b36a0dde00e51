"""Finding an annotation again after its document's text changed.

An annotation is anchored by its quoted text plus the text just before and
after it (the W3C TextQuoteSelector idea). It moves only when exactly one
place in the new text fits best; otherwise it is orphaned, never guessed.
"""

from __future__ import annotations

CONTEXT = 32


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def reanchor(old_text: str, new_text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``old_text[start:end]`` stands in ``new_text``, or None when that is not certain."""
    quote = old_text[start:end]
    if not quote:
        return None
    prefix = old_text[max(0, start - CONTEXT):start]
    suffix = old_text[end:end + CONTEXT]
    scored: list[tuple[int, int]] = []
    found = new_text.find(quote)
    while found != -1:
        score = (_common_suffix(prefix, new_text[max(0, found - CONTEXT):found])
                 + _common_prefix(suffix, new_text[found + len(quote):found + len(quote) + CONTEXT]))
        scored.append((score, found))
        found = new_text.find(quote, found + 1)
    if not scored:
        return None
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    best = scored[0][1]
    return best, best + len(quote)
