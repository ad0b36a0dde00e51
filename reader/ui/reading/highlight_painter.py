"""Drawing highlights for the text blocks on screen.

Fills and underlines go under the text, so that no glyph is cut (a comma
under a solid underline reads as a full stop); strike-throughs and the outline
of the selected annotation go over it. Every figure is computed from the lines
on screen only, so the cost follows the viewport, not the document.

Overlaps: each span on a block gets a level (greedy interval colouring, so two
overlapping spans never share one). Where spans overlap, the lowest level (the
outermost span) gives the fill; every span draws its own underline,
``UNDERLINE_STEP`` pixels lower per level, in its tag's colour and dash pattern.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from math import floor
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextLayout

from reader.domain.annotations import REJECTED, Annotation
from reader.domain.offsets import OffsetMap
from reader.ui.reading.highlight_style import STRIKE_COLOUR, STRIKE_WIDTH, TagStyle

UNDERLINE_GAP = 2  # below the baseline, for level 0
UNDERLINE_STEP = 3  # per nesting level

Span = tuple[int, int, Hashable]


@dataclass(frozen=True)
class VisibleBlock:
    """One text block with at least one line on screen."""

    layout: QTextLayout
    origin: QPointF  # viewport position of the layout's (0, 0)
    base: int  # Qt (UTF-16) position of the block's first character
    lo: int  # code points covered by the lines on screen
    hi: int
    first_line: int
    last_line: int
    spans: Sequence[Span]  # spans overlapping the block, in start order
    levels: Mapping[Hashable, int]
    lines: dict = field(default_factory=dict, compare=False)  # filled by _line_at during one paint


class Fragment(NamedTuple):
    """The part of a span on one line, in viewport pixels."""

    rect: QRect
    baseline: int


def assign_levels(spans: Sequence[Span]) -> dict[Hashable, int]:
    """The lowest level free at each span's start, for spans sorted by start."""
    ends: list[int] = []
    levels = {}
    for start, end, key in spans:
        for level, taken_until in enumerate(ends):
            if taken_until <= start:
                ends[level] = end
                break
        else:
            level = len(ends)
            ends.append(end)
        levels[key] = level
    return levels


def _line_at(block: VisibleBlock, number: int) -> tuple:
    """(line, first and end position, top, bottom, baseline) of a line, worked out once per paint."""
    known = block.lines.get(number)
    if known is None:
        line = block.layout.lineAt(number)
        y = block.origin.y() + line.y()
        start = line.textStart()
        # Whole pixels, so that touching pieces neither overlap nor leave a seam.
        known = (line, start, start + line.textLength(), floor(y), floor(y + line.height()), floor(y + line.ascent()))
        block.lines[number] = known
    return known


def fragments(block: VisibleBlock, offsets: OffsetMap, start: int, end: int) -> list[Fragment]:
    """Line by line, the pixels of ``[start, end)`` on the on-screen lines of ``block``."""
    start, end = max(start, block.lo), min(end, block.hi)
    if start >= end:
        return []
    first = offsets.to_utf16(start) - block.base
    last = offsets.to_utf16(end) - block.base
    layout = block.layout
    first_line = max(block.first_line, layout.lineForTextPosition(first).lineNumber())
    last_line = min(block.last_line, layout.lineForTextPosition(last - 1).lineNumber())
    ox = block.origin.x()
    found = []
    for number in range(first_line, last_line + 1):
        line, line_start, line_end, top, bottom, baseline = _line_at(block, number)
        a = first if first > line_start else line_start
        b = last if last < line_end else line_end
        if a >= b:
            continue
        xa, xb = line.cursorToX(a)[0] + ox, line.cursorToX(b)[0] + ox
        if xa > xb:  # right-to-left text
            xa, xb = xb, xa
        left = floor(xa)
        found.append(Fragment(QRect(left, top, floor(xb) - left, bottom - top), baseline))
    return found


class PlacedSpan(NamedTuple):
    annotation: Annotation
    style: TagStyle
    level: int
    pieces: list[Fragment]


class HighlightPainter:
    """Paints one paint event: ``place`` once, then fills before the text and marks after it."""

    def __init__(
        self,
        offsets: OffsetMap,
        annotation: Callable[[Hashable], Annotation],
        style: Callable[[str], TagStyle],
        strike_height: float,
        background: QColor,
    ):
        self._offsets = offsets
        self._annotation = annotation
        self._style = style
        self._strike_height = strike_height
        self._background = background

    def place(self, blocks: Sequence[VisibleBlock]) -> list[PlacedSpan]:
        placed = []
        for block in blocks:
            for start, end, key in block.spans:
                pieces = fragments(block, self._offsets, start, end)
                if pieces:
                    annotation = self._annotation(key)
                    placed.append(PlacedSpan(annotation, self._style(annotation.tag), block.levels[key], pieces))
        return placed

    def paint_under_text(self, painter: QPainter, placed: Sequence[PlacedSpan]) -> None:
        """Fills, then underlines; the text drawn over them keeps every glyph (commas, descenders) whole."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        # Opaque fills, highest level first: where spans overlap, the outermost is painted last and shows.
        for span in sorted(placed, key=lambda span: -span.level):
            colour = span.style.fill(self._background, span.annotation.status == REJECTED)
            for piece in span.pieces:
                painter.fillRect(piece.rect, colour)
        for span in placed:
            painter.setPen(span.style.underline_pen)
            drop = UNDERLINE_GAP + UNDERLINE_STEP * span.level
            for piece in span.pieces:
                y = piece.baseline + drop
                painter.drawLine(piece.rect.left(), y, piece.rect.right(), y)

    def paint_over_text(
        self,
        painter: QPainter,
        placed: Sequence[PlacedSpan],
        blocks: Sequence[VisibleBlock],
        selected: Annotation | None,
    ) -> None:
        """Strike-throughs of rejected annotations, and the outline of the selected one."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(QPen(STRIKE_COLOUR, STRIKE_WIDTH))
        for span in placed:
            if span.annotation.status == REJECTED:
                for piece in span.pieces:
                    y = round(piece.baseline - self._strike_height)
                    painter.drawLine(piece.rect.left(), y, piece.rect.right(), y)
        if selected is None:
            return
        painter.setPen(self._style(selected.tag).outline_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for block in blocks:
            for piece in fragments(block, self._offsets, selected.start, selected.end):
                painter.drawRect(piece.rect.adjusted(0, 0, -1, -1))
