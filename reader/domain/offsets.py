"""Offsets between Python code points and Qt's UTF-16 code units.

Everything Reader stores, exports or accepts is a code-point offset into the
normalized text (``text[start:end]``). Qt counts UTF-16 units, so a character
outside the Basic Multilingual Plane (emoji, rare CJK) takes two Qt positions.
Other annotation tools count UTF-16 units, UTF-8 bytes or code points, some over
CRLF text (``PeerOffsets``). This module is the one place where offsets are converted.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from enum import StrEnum

# Characters outside the BMP; a regex finds them in C, where a Python loop over a
# 600,000-character text took longer than Qt needs to lay it out and paint it.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_CRLF = re.compile("\r(?=\n)")


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


class Unit(StrEnum):
    """What a peer's offsets count."""

    CODE_POINTS = "code points"
    UTF16 = "UTF-16 code units"
    UTF8 = "UTF-8 bytes"


@dataclass(frozen=True)
class PeerOffsets:
    """Offsets that a peer counted in ``unit`` over a text as its file holds it (CRLF or CR line
    ends included), converted to Reader's code points of the LF-normalized text.

    The raw text is normalized as reader.domain.corpus.normalize_newlines does it: each
    "\\r\\n" becomes one "\\n" and a lone "\\r" a "\\n", so only the pairs move what follows them.
    """

    unit: Unit
    length: int  # the raw text's length in ``unit``
    utf16: OffsetMap  # of the raw text
    # For UTF-8: the byte offset, code-point offset and width in bytes of each non-ASCII character.
    utf8_starts: tuple[int, ...]
    utf8_code_points: tuple[int, ...]
    utf8_widths: tuple[int, ...]
    crlf_breaks: tuple[int, ...]  # code-point offset of each "\r" that a "\n" follows

    @classmethod
    def for_text(cls, raw: str, unit: Unit) -> PeerOffsets:
        utf16 = OffsetMap.for_text(raw)
        starts, code_points, widths = [], [], []
        if unit is Unit.UTF8:
            extra = 0
            for match in _NON_ASCII.finditer(raw):
                width = len(match.group().encode("utf-8", "surrogatepass"))
                starts.append(match.start() + extra)
                code_points.append(match.start())
                widths.append(width)
                extra += width - 1
            length = len(raw) + extra
        else:
            length = utf16.utf16_length if unit is Unit.UTF16 else len(raw)
        breaks = tuple(match.start() for match in _CRLF.finditer(raw))
        return cls(unit, length, utf16, tuple(starts), tuple(code_points), tuple(widths), breaks)

    def to_reader(self, offset: int) -> int:
        """Reader's code-point offset in the LF text of the peer's ``offset``; ValueError when it is
        outside the text or splits a character."""
        if not 0 <= offset <= self.length:
            raise ValueError(f"offset {offset} is outside the text (0..{self.length} {self.unit})")
        raw = self._raw_code_point(offset)
        # Every "\r\n" wholly before ``raw`` became one character; an offset between its two
        # halves lands just after the line break.
        return raw - bisect_left(self.crlf_breaks, raw - 1)

    def range_to_reader(self, start: int, end: int) -> tuple[int, int]:
        return self.to_reader(start), self.to_reader(end)

    def _raw_code_point(self, offset: int) -> int:
        if self.unit is Unit.UTF16:
            code_point = self.utf16.to_code_point(offset)
            if self.utf16.to_utf16(code_point) != offset:
                raise ValueError(f"offset {offset} splits a character in two (its UTF-16 surrogate pair)")
            return code_point
        if self.unit is Unit.UTF8:
            index = bisect_right(self.utf8_starts, offset) - 1
            if index < 0:
                return offset
            start, code_point, width = self.utf8_starts[index], self.utf8_code_points[index], self.utf8_widths[index]
            if offset == start:
                return code_point
            if offset < start + width:
                raise ValueError(f"offset {offset} is inside a character's UTF-8 bytes")
            return offset - (start - code_point) - (width - 1)
        return offset
