"""Drawing the selected annotation's links over the text: an arc from it to each other end on
screen, with an arrowhead at the relation's target and the type's name at the top, or an arrow to
the top or bottom edge, named, for an end that is off screen. The link being walked is drawn
thicker; the candidate of a link being made, dashed. Only the selected annotation's links are
drawn, so the cost follows its links, not the document's."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPalette, QPen, QPolygonF

from reader.domain.annotations import Annotation
from reader.domain.text import one_line
from reader.ui.reading.reader_view import ReaderView

_ARROW = 7.0
_EDGE_ARROW = 22.0
_SHORT = 24


@dataclass(frozen=True)
class DrawnLink:
    other: Annotation
    label: str
    colour: str
    into_selected: bool  # the arrowhead is at the selected annotation (it is the target)
    emphasis: bool = False  # being walked
    dashed: bool = False  # a candidate, not yet a link


def paint_links(painter: QPainter, view: ReaderView, selected: Annotation, links: list[DrawnLink]) -> None:
    if not links:
        return
    own = view.span_rects(selected.start, selected.end)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    metrics = QFontMetrics(painter.font())
    for link in links:
        pen = QPen(QColor(link.colour), 3.0 if link.emphasis else 1.6)
        if link.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        other = view.span_rects(link.other.start, link.other.end)
        if link.dashed:
            for rect in other:
                painter.drawRoundedRect(QRectF(rect).adjusted(-2, -2, 2, 2), 3, 3)
        if own and other:
            _arc(painter, view, _top_middle(own[0]), _top_middle(other[0]), link, metrics)
        elif own:
            upwards = link.other.start < selected.start
            _off_screen(painter, view, own[-1], upwards, link, metrics, with_text=True)
        elif other:
            upwards = selected.start < link.other.start
            _off_screen(painter, view, other[-1], upwards, link, metrics, with_text=False)


def _top_middle(rect: QRect) -> QPointF:
    return QPointF(rect.center().x(), rect.top())


def _arc(painter: QPainter, view: ReaderView, a: QPointF, b: QPointF, link: DrawnLink, metrics: QFontMetrics) -> None:
    lift = min(60.0, 14.0 + abs(b.x() - a.x()) / 6 + abs(b.y() - a.y()) / 4)
    apex_y = min(a.y(), b.y()) - lift
    c1, c2 = QPointF(a.x(), apex_y), QPointF(b.x(), apex_y)
    path = QPainterPath(a)
    path.cubicTo(c1, c2, b)
    painter.drawPath(path)
    head, tail = (a, c1) if link.into_selected else (b, c2)
    _arrowhead(painter, tail, head, link.colour)
    middle = path.pointAtPercent(0.5)
    _label(painter, view, QPointF(middle.x(), middle.y() - 2), link.label, link.colour, metrics)


def _off_screen(
    painter: QPainter,
    view: ReaderView,
    beside: QRect,
    upwards: bool,
    link: DrawnLink,
    metrics: QFontMetrics,
    with_text: bool,
) -> None:
    """A short arrow beside the end on screen, up or down towards the other end, and its name."""
    foot = QPointF(beside.right() + 8, beside.center().y())
    tip = QPointF(foot.x(), foot.y() + (-_EDGE_ARROW if upwards else _EDGE_ARROW))
    painter.drawLine(foot, tip)
    _arrowhead(painter, foot, tip, link.colour)
    words = f"{link.label} {'↑' if upwards else '↓'}"
    if with_text:
        words += f" “{one_line(link.other.text, _SHORT)}”"
    width = metrics.horizontalAdvance(words) + 8
    x = min(tip.x() + 6 + width / 2, view.viewport().width() - width / 2 - 2)
    _label(painter, view, QPointF(x, tip.y() + metrics.height() / 2), words, link.colour, metrics)


def _arrowhead(painter: QPainter, tail: QPointF, head: QPointF, colour: str) -> None:
    angle = math.atan2(head.y() - tail.y(), head.x() - tail.x())
    left = QPointF(head.x() - _ARROW * math.cos(angle - 0.45), head.y() - _ARROW * math.sin(angle - 0.45))
    right = QPointF(head.x() - _ARROW * math.cos(angle + 0.45), head.y() - _ARROW * math.sin(angle + 0.45))
    painter.save()
    painter.setBrush(QColor(colour))
    painter.drawPolygon(QPolygonF([head, left, right]))
    painter.restore()


def _label(painter: QPainter, view: ReaderView, centre: QPointF, text: str, colour: str, metrics: QFontMetrics) -> None:
    width, height = metrics.horizontalAdvance(text) + 8, metrics.height()
    box = QRectF(centre.x() - width / 2, centre.y() - height, width, height)
    painter.save()
    painter.setPen(QPen(QColor(colour), 1.0))
    painter.setBrush(view.palette().color(QPalette.ColorRole.Base))
    painter.drawRoundedRect(box, 3, 3)
    painter.setPen(view.palette().color(QPalette.ColorRole.Text))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
