"""The order people expect of names with numbers in them ("natural" order):
"Документ 2" before "Документ 10", whatever the case."""

from __future__ import annotations

import re

_NUMBERS = re.compile(r"\d+")


def _as_sortable(number: re.Match) -> str:
    # A number as its count of digits, then its digits: longer is larger, and among equal
    # lengths the digits compare as a string does. "\0" puts a number before any other character.
    digits = number.group().lstrip("0") or "0"
    return f"\0{len(digits):03d}{digits}"


def natural_key(text: str) -> str:
    """A sort key for ``text``: its runs of digits compare as numbers, the rest ignoring case.

    A string, not a tuple of parts: ten thousand of them sort several times faster."""
    folded = text.casefold()
    return _NUMBERS.sub(_as_sortable, folded) if _NUMBERS.search(folded) else folded
