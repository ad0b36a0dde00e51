"""The lanes under a line of text: each span on the line draws its own bar, in
its tag's colour and dash pattern, one lane per overlap level, and a label at
its start (the tag's name and marks of its state).

Sizes follow the text's font, so that zoom scales them with the text.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF, QPainter, QPen

from reader.domain.annotations import ACCEPTED, REJECTED, Annotation
from reader.ui.reading.highlight_style import STRIKE_COLOUR, TagStyle, blend
from reader.ui.shell.translation import translate

LANES_SHOWN = 3  # lanes under a line; spans in deeper lanes are counted in a "+N" mark
LANE_GAP = 1
LABEL_CHARS = 12
ACCEPTED_MARK, NOTE_MARK = "✓", "✎"
REJECTED_BAR_ALPHA = 110  # a rejected span's bar, faded towards the background
_LABEL_PADDING = 2


def label_text(annotation: Annotation) -> str:
    """The tag's name (cut short), then ✓ when accepted and ✎ when it has a note or a review note."""
    name = annotation.tag if len(annotation.tag) <= LABEL_CHARS else annotation.tag[: LABEL_CHARS - 1] + "…"
    marks = (ACCEPTED_MARK if annotation.status == ACCEPTED else "") + (
        NOTE_MARK if annotation.note or annotation.review_note else ""
    )
    return f"{name} {marks}" if marks else name


def hidden_lanes_text(count: int) -> str:
    return translate("Reading", "+%n", "the mark of spans in lanes below the line", count)


class LaneMetrics:
    """The sizes of the lanes and labels for one text font, with the labels' widths remembered."""

    def __init__(self, font: QFont):
        self.bar = max(2, round(QFontMetricsF(font).xHeight() * 0.35))
        self.step = self.bar + LANE_GAP
        self.room = LANE_GAP + LANES_SHOWN * self.step  # the pixels under each line
        self.label_font = QFont(font)
        self.label_font.setPixelSize(max(6, self.room - 4))
        self.label_font.setBold(False)
        self._label_metrics = QFontMetrics(self.label_font)
        self._widths: dict[str, int] = {}

    def lane_top(self, line_bottom: int, lane: int) -> int:
        """The first pixel row of ``lane``'s bar under a line ending above row ``line_bottom``."""
        return line_bottom + LANE_GAP + lane * self.step

    def label_width(self, text: str) -> int:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = self._label_metrics.horizontalAdvance(text) + 2 * _LABEL_PADDING
        return width


class LanePainter:
    """Draws bars and labels in the room under lines; one per paint event."""

    def __init__(self, painter: QPainter, metrics: LaneMetrics, background: QColor):
        self._painter = painter
        self._metrics = metrics
        self._background = background

    def bar(self, style: TagStyle, annotation: Annotation, left: int, right: int, top: int) -> None:
        """The span's bar from ``left`` to ``right`` with its top row at ``top``; struck through when rejected."""
        painter, bar = self._painter, self._metrics.bar
        rejected = annotation.status == REJECTED
        colour = blend(self._background, style.colour, REJECTED_BAR_ALPHA) if rejected else style.colour
        middle = top + bar / 2
        painter.setPen(style.lane_pen(colour, bar))
        painter.drawLine(QPointF(left, middle), QPointF(right, middle))
        if rejected:
            painter.setPen(QPen(STRIKE_COLOUR, 1))
            y = top + bar // 2
            painter.drawLine(left, y, right - 1, y)

    def label(self, style: TagStyle, annotation: Annotation, left: int, top: int) -> int:
        """The span's label with its top-left corner at (``left``, ``top``); returns its right edge."""
        text = label_text(annotation)
        rejected = annotation.status == REJECTED
        fill = blend(self._background, style.colour, REJECTED_BAR_ALPHA) if rejected else style.colour
        rect = self._chip(text, fill, left, top)
        if rejected:
            self._painter.setPen(QPen(STRIKE_COLOUR, 1))
            y = rect.center().y()
            self._painter.drawLine(rect.left() + 1, y, rect.right() - 1, y)
        return rect.right()

    def hidden(self, count: int, right: int, top: int) -> None:
        """A "+N" mark ending at ``right``: N spans on this line lie in lanes below the room."""
        text = hidden_lanes_text(count)
        self._chip(text, QColor(90, 90, 90), right - self._metrics.label_width(text), top)

    def _chip(self, text: str, fill: QColor, left: int, top: int) -> QRect:
        painter, metrics = self._painter, self._metrics
        rect = QRect(left, top, metrics.label_width(text), metrics.room - LANE_GAP)
        painter.fillRect(rect, fill)
        painter.setPen(_ink_on(fill))
        painter.setFont(metrics.label_font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        return rect


def _ink_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on ``fill``."""
    luminance = 0.299 * fill.red() + 0.587 * fill.green() + 0.114 * fill.blue()
    return QColor(0, 0, 0) if luminance > 150 else QColor(255, 255, 255)
