"""Offsets between Python code points and Qt's UTF-16 code units.

Everything Reader stores, exports or accepts is a code-point offset into the
normalized text (``text[start:end]``). Qt counts UTF-16 units, so a character
outside the Basic Multilingual Plane (emoji, rare CJK) takes two Qt positions.
This module is the one place where the two are converted.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

# Characters outside the BMP; a regex finds them in C, where a Python loop over a
# 600,000-character text took longer than Qt needs to lay it out and paint it.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class OffsetMap:
    """Converts offsets for one text in O(log n), n being its astral characters."""

    length: int
    astral_code_points: tuple[int, ...]
    astral_utf16_units: tuple[int, ...]

    @classmethod
    def for_text(cls, text: str) -> OffsetMap:
        if text.isascii():
            return cls(len(text), (), ())
        code_points = tuple(match.start() for match in _ASTRAL.finditer(text))
        units = tuple(cp + n for n, cp in enumerate(code_points))
        return cls(len(text), code_points, units)

    @property
    def utf16_length(self) -> int:
        return self.length + len(self.astral_code_points)

    def to_utf16(self, code_point: int) -> int:
        """Qt position of the code-point offset ``code_point`` (0..length)."""
        if not 0 <= code_point <= self.length:
            raise ValueError(f"offset {code_point} is outside the text (0..{self.length})")
        return code_point + bisect_left(self.astral_code_points, code_point)

    def to_code_point(self, unit: int) -> int:
        """Code-point offset of the Qt position ``unit``.

        A position between the two halves of a surrogate pair belongs to the
        character it splits, so it maps to that character's start.
        """
        if not 0 <= unit <= self.utf16_length:
            raise ValueError(f"position {unit} is outside the text (0..{self.utf16_length})")
        # bisect_left counts a pair that ``unit`` splits as "before", which
        # lands a split position on the start of that character.
        return unit - bisect_left(self.astral_utf16_units, unit)

    def range_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def range_to_code_points(self, start: int, end: int) -> tuple[int, int]:
        return self.to_code_point(start), self.to_code_point(end)


def utf16_length(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))
