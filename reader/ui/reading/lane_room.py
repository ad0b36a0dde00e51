"""Room under every line of text for the lanes of its spans.

QPlainTextEdit's layout ignores the line heights of block formats, so this
layout moves each laid-out line down by ``room`` pixels per line above it and
makes each block that much taller per line. Qt paints, hit-tests and scrolls
with the lines' own positions and the blocks' heights, so all of them follow.
The work is done once per block layout, for the blocks Qt lays out (those near
the screen): it follows the screen, not the document.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTextBlock, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout


class LaneRoomLayout(QPlainTextDocumentLayout):
    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self.room = 0  # pixels left free under each line

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        rect = super().blockBoundingRect(block)  # lays the block out if it is not yet
        if not self.room or not rect.isValid():
            return rect
        layout = block.layout()
        count = layout.lineCount()
        if count > 1:
            first, second = layout.lineAt(0), layout.lineAt(1)
            if abs(second.y() - (first.y() + first.height() + self.room)) > 0.01:  # laid out again since
                y = first.y()
                for number in range(count):
                    line = layout.lineAt(number)
                    line.setPosition(QPointF(line.x(), y))
                    y += line.height() + self.room
                rect = super().blockBoundingRect(block)
        return rect.adjusted(0, 0, 0, self.room) if count else rect
