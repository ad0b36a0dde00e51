"""Drawing highlights for the text blocks on screen.

Fills go under the text; each span's bar and label go in the room under its
lines (see span_lanes), and the outline of the selected annotation over the
text. Every figure is computed from the lines on screen only, so the cost
follows the viewport, not the document.

Overlaps: each span on a block gets a level (greedy interval colouring, so two
overlapping spans never share one), and draws its bar in the lane of its level.
Where spans overlap, the outermost span that is not rejected gives the fill.
A span's state is drawn on its own bar and label only: a rejected span never
marks the text, which an accepted span over the same words may share.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from math import floor
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QTextLayout

from reader.domain.annotations import REJECTED, Annotation
from reader.domain.offsets import OffsetMap
from reader.ui.reading.highlight_style import TagStyle
from reader.ui.reading.span_lanes import LANES_SHOWN, LaneMetrics, LanePainter

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
    line: int  # the line's number in its block


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
        found.append(Fragment(QRect(left, top, floor(xb) - left, bottom - top), baseline, number))
    return found


def span_rects(visible_lines: Sequence[tuple], offsets: OffsetMap, start: int, end: int) -> list[QRect]:
    """The pixels of ``[start, end)`` on the lines on screen (CodePointView._visible_lines)."""
    found = []
    for layout, origin, base, lo, hi, first, last, _ in visible_lines:
        if lo < end and hi > start:
            block = VisibleBlock(layout, origin, base, lo, hi, first, last, (), {})
            found += [piece.rect for piece in fragments(block, offsets, start, end)]
    return found


class PlacedSpan(NamedTuple):
    annotation: Annotation
    style: TagStyle
    level: int
    pieces: list[Fragment]
    block: int  # index of its block among those on screen
    starts_here: bool  # its first piece holds its start


class HighlightPainter:
    """Paints one paint event: ``place`` once, then fills before the text and the rest after it."""

    def __init__(
        self,
        offsets: OffsetMap,
        annotation: Callable[[Hashable], Annotation],
        style: Callable[[str], TagStyle],
        lanes: LaneMetrics,
        background: QColor,
    ):
        self._offsets = offsets
        self._annotation = annotation
        self._style = style
        self._lanes = lanes
        self._background = background

    def place(self, blocks: Sequence[VisibleBlock]) -> list[PlacedSpan]:
        placed = []
        for number, block in enumerate(blocks):
            for start, end, key in block.spans:
                pieces = fragments(block, self._offsets, start, end)
                if pieces:
                    annotation = self._annotation(key)
                    style = self._style(annotation.tag)
                    placed.append(PlacedSpan(annotation, style, block.levels[key], pieces, number, start >= block.lo))
        return placed

    def paint_under_text(self, painter: QPainter, placed: Sequence[PlacedSpan]) -> None:
        """Opaque fills: where spans overlap, the outermost one not rejected is painted last and shows."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for span in sorted(placed, key=lambda span: (span.annotation.status != REJECTED, -span.level)):
            colour = span.style.fill(self._background, span.annotation.status == REJECTED)
            for piece in span.pieces:
                painter.fillRect(piece.rect, colour)

    def paint_over_text(
        self,
        painter: QPainter,
        placed: Sequence[PlacedSpan],
        blocks: Sequence[VisibleBlock],
        selected: Annotation | None,
    ) -> None:
        """Each span's bar in its lane and its label at its start, "+N" where lanes run out, the selected outline."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        lanes = LanePainter(painter, self._lanes, self._background)
        hidden: dict[tuple[int, int], int] = {}  # (block, line): spans below the lanes shown
        labels: list[tuple[int, int, int, PlacedSpan]] = []  # (block, line, left, span)
        for span in placed:
            if span.level >= LANES_SHOWN:
                for piece in span.pieces:
                    hidden[span.block, piece.line] = hidden.get((span.block, piece.line), 0) + 1
                continue
            for piece in span.pieces:
                top = self._lanes.lane_top(piece.rect.bottom() + 1, span.level)
                lanes.bar(span.style, span.annotation, piece.rect.left(), piece.rect.right() + 1, top)
            if span.starts_here:
                first = span.pieces[0]
                labels.append((span.block, first.line, first.rect.left(), span))
        self._paint_labels(lanes, labels, blocks)
        for (number, line), count in hidden.items():
            text_line, _, _, _, bottom, _ = _line_at(blocks[number], line)
            right = floor(blocks[number].origin.x() + text_line.x() + text_line.width())
            lanes.hidden(count, right, self._lanes.lane_top(bottom, 0))
        if selected is None:
            return
        painter.setPen(self._style(selected.tag).outline_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for block in blocks:
            for piece in fragments(block, self._offsets, selected.start, selected.end):
                painter.drawRect(piece.rect.adjusted(0, 0, -1, -1))

    def _paint_labels(
        self, lanes: LanePainter, labels: list[tuple[int, int, int, PlacedSpan]], blocks: Sequence[VisibleBlock]
    ) -> None:
        """Labels left to right on each line; one that would cover the one before moves right of it."""
        labels.sort(key=lambda label: (label[0], label[1], label[2], label[3].level))
        previous_line, right = None, 0
        for block, line, left, span in labels:
            if (block, line) != previous_line:
                previous_line, right = (block, line), -1
            bottom = _line_at(blocks[block], line)[4]
            right = lanes.label(span.style, span.annotation, max(left, right + 1), self._lanes.lane_top(bottom, 0))
