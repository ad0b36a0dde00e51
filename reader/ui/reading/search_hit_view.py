"""How a corpus search hit is drawn: its title, and under it the words around the match
with the match in bold, the context before it cut short so the match always shows."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.reading.search_hits import CONTEXT_ROLE, PADDING, TITLE_ROLE

BEFORE_SHARE = 1 / 3  # at most this much of a line goes to the words before the match


@dataclass(frozen=True)
class ContextLine:
    """The second line of a hit as drawn: each part as shown, and where."""

    before: str
    match: str
    after: str
    before_rect: QRect
    match_rect: QRect
    after_rect: QRect


def bold(font: QFont) -> QFont:
    emphasised = QFont(font)
    emphasised.setBold(True)
    return emphasised


def lay_out_context(context: tuple[str, str, str], rect: QRect, font: QFont) -> ContextLine:
    """``context`` fitted into ``rect``: the match whole where it fits, the words before it cut at
    their start, the words after it at their end."""
    before, match, after = context
    plain, strong = QFontMetrics(font), QFontMetrics(bold(font))
    match = strong.elidedText(match, Qt.TextElideMode.ElideRight, rect.width())
    match_width = strong.horizontalAdvance(match)
    room = rect.width() - match_width
    before_width = min(plain.horizontalAdvance(before), int(room * BEFORE_SHARE) if after else room)
    shown_before = plain.elidedText(before, Qt.TextElideMode.ElideLeft, before_width) if before_width > 0 else ""
    start = rect.left() + plain.horizontalAdvance(shown_before)
    end = start + match_width
    shown_after = plain.elidedText(after, Qt.TextElideMode.ElideRight, max(0, rect.right() + 1 - end))
    top, height = rect.top(), rect.height()
    return ContextLine(
        shown_before,
        match,
        shown_after,
        QRect(rect.left(), top, start - rect.left(), height),
        QRect(start, top, match_width, height),
        QRect(end, top, max(0, rect.right() + 1 - end), height),
    )


class SearchHitDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex):
        # Imported here: PySide makes all of QStyle's 900 enum members when a module first
        # imports it, about 5 ms of a start-up that paints no search hit.
        from PySide6.QtWidgets import QStyle

        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        colour = item.palette.highlightedText() if selected else item.palette.text()
        line_height = item.fontMetrics.lineSpacing()
        area = item.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        title_rect = QRect(area.left(), area.top(), area.width(), line_height)
        context_rect = QRect(area.left(), area.top() + line_height, area.width(), line_height)
        line = lay_out_context(index.data(CONTEXT_ROLE), context_rect, item.font)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.save()
        painter.setPen(colour.color())
        painter.setFont(item.font)
        title = item.fontMetrics.elidedText(index.data(TITLE_ROLE), Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(title_rect, align, title)
        painter.drawText(line.before_rect, align, line.before)
        painter.drawText(line.after_rect, align, line.after)
        painter.setFont(bold(item.font))
        painter.drawText(line.match_rect, align, line.match)
        painter.restore()
