"""Drawing the open document's suggestions over the text, apart from its annotations: a dashed
outline in the tag's colour (no fill, no bar, no label in the lanes) with a small "?" at the
start; the one at the caret drawn thicker, its "?" filled. Only the suggestions on screen are
drawn, so the cost follows the viewport."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen

from reader.domain.suggestions import StoredSuggestion
from reader.ui.reading.reader_view import ReaderView
from reader.ui.suggesting.shown import ShownSuggestions

MARK = "?"
_PLAIN_WIDTH, _EMPHASIS_WIDTH = 1.4, 2.6
_UNKNOWN = QColor("#777777")


def paint_suggestions(
    painter: QPainter,
    view: ReaderView,
    shown: ShownSuggestions,
    colours: Mapping[str, QColor],
    emphasised: StoredSuggestion | None,
) -> None:
    if not shown.items:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    mark_font = QFont(painter.font())
    mark_font.setBold(True)
    mark_font.setPointSizeF(max(6.0, painter.font().pointSizeF() * 0.6))
    base = view.palette().color(QPalette.ColorRole.Base)
    first = view.first_visible_code_point()
    for suggestion, rects in _on_screen(view, shown, first):
        colour = colours.get(suggestion.tag, _UNKNOWN)
        emphasis = emphasised is not None and suggestion.id == emphasised.id
        pen = QPen(colour, _EMPHASIS_WIDTH if emphasis else _PLAIN_WIDTH, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in rects:
            painter.drawRoundedRect(QRectF(rect).adjusted(-1.5, -1, 1.5, 1), 3, 3)
        if suggestion.start >= first:
            _mark(painter, rects[0], colour, base, emphasis, mark_font)
    painter.restore()


def _on_screen(view: ReaderView, shown: ShownSuggestions, first: int) -> Iterator[tuple[StoredSuggestion, list[QRect]]]:
    """The suggestions with pixels on screen and those pixels, from the first visible code point
    on; in text order, so the first one that starts below the screen ends the walk."""
    for suggestion in shown.overlapping(first, len(view.document_text()) + 1):
        rects = view.span_rects(suggestion.start, suggestion.end)
        if rects:
            yield suggestion, rects
        elif suggestion.start >= first:
            return


def _mark(painter: QPainter, rect: QRect, colour: QColor, base: QColor, filled: bool, font: QFont) -> None:
    """The "?" on the top left corner of the suggestion's first piece."""
    painter.setFont(font)
    size = painter.fontMetrics().height()
    box = QRectF(rect.left() - size * 0.55, rect.top() - size * 0.55, size, size)
    painter.setPen(QPen(colour, 1.0))
    painter.setBrush(colour if filled else base)
    painter.drawEllipse(box)
    painter.setPen(base if filled else colour)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, MARK)
