"""Text made short enough for one line of a list, a report or a status bar."""

from __future__ import annotations

ELLIPSIS = "…"


def single_spaced(text: str) -> str:
    """``text`` with each run of white space (line breaks too) one space, and none at its ends."""
    return " ".join(text.split())


def shortened(text: str, limit: int) -> str:
    """``text``, or when it is longer than ``limit`` characters its first ones and an ellipsis, ``limit`` in all."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def one_line(text: str, limit: int) -> str:
    """``text`` on one line, its white space collapsed, cut to ``limit`` characters with an ellipsis."""
    return shortened(single_spaced(text), limit)
