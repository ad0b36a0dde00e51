"""The document's text, read-only, addressed in code points: the caret, the selection,
scrolling, zoom and find.

All offsets in and out of this widget are code points of the document text;
Qt's UTF-16 positions are converted with the document's OffsetMap only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPalette,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from reader.domain.offsets import OffsetMap
from reader.ui.reading.lane_room import LaneRoomLayout
from reader.ui.reading.text_column import column_margin
from reader.ui.shell.tables import own_viewport

READING_FAMILY = "DejaVu Sans"
DEFAULT_POINT_SIZE = 11
MIN_POINT_SIZE, MAX_POINT_SIZE = 6, 48
DOCUMENT_MARGIN = 14
# Overlap levels are worked out per block; a paragraph longer than this uses its lines on screen only.
_WHOLE_BLOCK_LEVELS_UP_TO = 20_000
_FIND_MARK = QColor(255, 200, 0, 110)

# A text block with lines on screen: its layout, the viewport position of the layout's (0, 0),
# the Qt position of its first character, the code points its lines on screen cover (lo, hi),
# its first and last line on screen, and the code points whose spans decide its overlap levels.
VisibleLines = tuple[QTextLayout, QPointF, int, int, int, int, int, tuple[int, int]]


class CodePointView(QPlainTextEdit):
    fontPointSizeChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        own_viewport(self)
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)  # as QPlainTextEdit sets its own viewport's
        self._text = ""
        self._offsets = OffsetMap.for_text("")
        document = QTextDocument(self)
        self._layout = LaneRoomLayout(document)
        document.setDocumentLayout(self._layout)
        self.setDocument(document)
        # The margins beside a centred text column show the text's background, not the window's.
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setReadOnly(True)
        # setReadOnly resets the flags, so they come after it.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursorWidth(2)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        font = QFont(self.font())
        if QFontDatabase.hasFamily(READING_FAMILY):
            font.setFamily(READING_FAMILY)
        font.setPointSize(DEFAULT_POINT_SIZE)
        self.setFont(font)
        self._layout.room = self._room_under_lines()  # also when the font was already this one

        self._find_pattern: re.Pattern | None = None
        self._find_marks: tuple[tuple[int, int], ...] = ()
        self.verticalScrollBar().valueChanged.connect(self._refresh_find_marks)

    def _take_text(self, text: str) -> None:
        """Hold ``text`` and its offsets, with no find marks; ``setPlainText`` then shows it."""
        self._text = text
        self._offsets = OffsetMap.for_text(text)
        self._find_pattern = None
        self._find_marks = ()
        self.setExtraSelections([])

    def document_text(self) -> str:
        return self._text

    # ----- caret, selection and scrolling, in code points -----

    def _cp(self, position: int) -> int:
        return self._offsets.to_code_point(min(max(position, 0), self._offsets.utf16_length))

    def _utf16(self, code_point: int) -> int:
        return self._offsets.to_utf16(min(max(code_point, 0), self._offsets.length))

    def selection_code_points(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._cp(cursor.selectionStart()), self._cp(cursor.selectionEnd())

    def set_selection_code_points(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self._utf16(start))
        cursor.setPosition(self._utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def caret_code_point(self) -> int:
        return self._cp(self.textCursor().position())

    def set_caret_code_point(self, cp: int, visible: bool = True) -> None:
        cursor = self.textCursor()
        position = self._utf16(cp)
        if cursor.hasSelection() or cursor.position() != position:  # setTextCursor tells every listener
            cursor.setPosition(position)
            self.setTextCursor(cursor)
        if visible:
            self.ensureCursorVisible()

    def first_visible_code_point(self) -> int:
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0
        layout = block.layout()
        top = -self.contentOffset().y()  # how far the first visible block starts above the viewport
        first, _ = _lines_between(layout, top, top)
        start = layout.lineAt(first).textStart() if first < layout.lineCount() else 0
        return self._cp(block.position() + start)

    def scroll_to_code_point(self, cp: int) -> None:
        """Make the line holding ``cp`` the first on screen (or as near as the scroll range allows)."""
        position = self._utf16(cp)
        block = self.document().findBlock(position)
        if not block.isValid():
            return
        layout = block.layout()
        line_number = layout.lineForTextPosition(position - block.position()).lineNumber() if layout.lineCount() else 0
        self.verticalScrollBar().setValue(block.firstLineNumber() + max(line_number, 0))

    def _is_code_point_visible(self, cp: int) -> bool:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._utf16(cp))
        rect = self.cursorRect(cursor)
        return rect.top() >= 0 and rect.bottom() <= self.viewport().height()

    # ----- zoom -----

    def font_point_size(self) -> int:
        return self.font().pointSize()

    def set_font_point_size(self, pt: int) -> None:
        pt = min(max(int(pt), MIN_POINT_SIZE), MAX_POINT_SIZE)
        if pt == self.font_point_size():
            return
        first = self.first_visible_code_point()
        font = QFont(self.font())
        font.setPointSize(pt)
        self.setFont(font)
        self.scroll_to_code_point(first)
        self.fontPointSizeChanged.emit(pt)

    def zoom_in(self) -> None:
        self.set_font_point_size(self.font_point_size() + 1)

    def zoom_out(self) -> None:
        self.set_font_point_size(self.font_point_size() - 1)

    # ----- find -----

    def find_text(self, query: str, backward: bool = False) -> bool:
        """Select the next (or previous) match of ``query``, ignoring case and wrapping around."""
        if not query:
            self._find_pattern = None
            self._refresh_find_marks()
            return False
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        self._find_pattern = pattern
        selection = self.selection_code_points()
        caret = self.caret_code_point()
        if backward:
            before = selection[0] if selection else caret
            match = _last_match(pattern, self._text, 0, before) or _last_match(
                pattern, self._text, before, len(self._text)
            )
        else:
            after = selection[1] if selection else caret
            match = pattern.search(self._text, after) or pattern.search(self._text, 0)
        if match is None:
            self._refresh_find_marks()
            return False
        self.set_selection_code_points(match.start(), match.end())
        if not self._is_code_point_visible(match.start()):
            self.centerCursor()
        self._refresh_find_marks()
        return True

    def _refresh_find_marks(self) -> None:
        marks: tuple[tuple[int, int], ...] = ()
        if self._find_pattern is not None:
            lo, hi = self._visible_code_points()
            reach = len(self._find_pattern.pattern)
            marks = tuple(m.span() for m in self._find_pattern.finditer(self._text, max(0, lo - reach), hi + reach))
        if marks == self._find_marks:
            return
        self._find_marks = marks
        selections = []
        fmt = QTextCharFormat()
        fmt.setBackground(_FIND_MARK)
        for start, end in marks:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(self.document())
            selection.cursor.setPosition(self._utf16(start))
            selection.cursor.setPosition(self._utf16(end), QTextCursor.MoveMode.KeepAnchor)
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    # ----- the text column and the room under lines -----

    def resizeEvent(self, event) -> None:
        top = self.first_visible_code_point()
        # The viewport has its new size already; margins set now are in place when Qt wraps the text.
        self._fit_column()
        super().resizeEvent(event)
        self._keep_at_top(top)
        self._refresh_find_marks()

    def changeEvent(self, event: QEvent) -> None:
        top = self.first_visible_code_point()
        if event.type() == QEvent.Type.FontChange:
            # Before Qt lays the text out again in the new font, so that it is laid out once.
            self._layout.room = self._room_under_lines()
            self._fit_column()
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._keep_at_top(top)

    def _keep_at_top(self, top: int) -> None:
        """After the text is wrapped anew (a resize, a zoom), the line that was first on screen stays first."""
        if top and self.first_visible_code_point() != top:
            self.scroll_to_code_point(top)

    def _room_under_lines(self) -> int:
        """Pixels to leave free under each line (subclasses draw there); none here."""
        return 0

    def room_under_lines(self) -> int:
        return self._layout.room

    def _fit_column(self) -> None:
        """Centre a column of readable length in a wide pane; a narrow one uses its whole width."""
        margins = self.viewportMargins()
        width = self.viewport().width() + margins.left() + margins.right()
        margin = column_margin(width, self.font(), self.document().documentMargin())
        if margins.left() != margin:
            self.setViewportMargins(margin, 0, margin, 0)

    # ----- the lines on screen -----

    def _blocks_down_the_screen(self) -> Iterator[tuple[QTextBlock, QRectF]]:
        """Each block from the first on screen down, with its viewport geometry, until one starts
        below the viewport. QPlainTextEdit.blockBoundingGeometry sums the heights of every block
        from the top one down to the one asked for (through the lane room's Python override), so
        asking it block by block cost 55 of those calls for 10 blocks; the sum is kept here."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return
        offset, bottom = self.contentOffset(), self.viewport().height()
        geometry = self.blockBoundingGeometry(block).translated(offset)  # the top block: one call
        top = geometry.top() - self._layout.blockBoundingRect(block).top()
        while block.isValid():
            rect = self._layout.blockBoundingRect(block)
            geometry = rect.translated(offset.x(), top)
            if geometry.top() > bottom:
                return
            yield block, geometry
            top += rect.height()
            block = block.next()

    def _visible_lines(self, area: QRect) -> list[VisibleLines]:
        """The blocks with lines inside ``area`` (viewport pixels), in text order."""
        found: list[VisibleLines] = []
        top, bottom = area.top(), area.bottom()
        for block, geometry in self._blocks_down_the_screen():
            if geometry.top() > bottom:
                break
            if block.isVisible() and geometry.bottom() >= top:
                layout = block.layout()
                origin = geometry.topLeft() + layout.position()
                first, last = _lines_between(layout, top - origin.y(), bottom - origin.y(), self._layout.room)
                if first <= last:
                    base = block.position()
                    lo = self._cp(base + layout.lineAt(first).textStart())
                    end_line = layout.lineAt(last)
                    hi = self._cp(base + end_line.textStart() + end_line.textLength())
                    span_range = (self._cp(base), self._cp(base + block.length() - 1))
                    if span_range[1] - span_range[0] > _WHOLE_BLOCK_LEVELS_UP_TO:
                        span_range = (lo, hi)
                    found.append((layout, origin, base, lo, hi, first, last, span_range))
        return found

    def _blocks_on_screen(self, lo: int, hi: int) -> QRect:
        """The viewport pixels of the blocks that hold code points ``lo`` to ``hi``, as far as they are
        on screen (each block with the room under its lines); empty when none is."""
        document = self.document()
        first = document.findBlock(self._utf16(lo)).blockNumber()
        last = document.findBlock(self._utf16(hi))
        last_number = last.blockNumber() if last.isValid() else document.blockCount() - 1
        area = QRect()
        for block, geometry in self._blocks_down_the_screen():
            number = block.blockNumber()
            if number > last_number:
                break
            if number >= first and block.isVisible() and geometry.bottom() >= 0:
                area = area.united(geometry.toAlignedRect())
        return area.intersected(self.viewport().rect())

    def code_point_at(self, pos: QPoint) -> int | None:
        """The character under ``pos`` (viewport pixels), or None over empty space."""
        for layout, origin, base, _, _, first, _, _ in self._visible_lines(QRect(pos.x(), pos.y(), 1, 1)):
            line = layout.lineAt(first)
            x = pos.x() - origin.x()
            if not line.x() <= x < line.x() + line.naturalTextWidth():
                return None
            inside = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
            if inside >= line.textStart() + line.textLength():
                return None
            return self._cp(base + inside)
        return None

    def _visible_code_points(self) -> tuple[int, int]:
        lines = self._visible_lines(self.viewport().rect())
        if not lines:
            return 0, 0
        return lines[0][3], lines[-1][4]


def _lines_between(layout, top: float, bottom: float, below: int = 0) -> tuple[int, int]:
    """First and last line of ``layout`` that reach into ``[top, bottom]`` (layout pixels), each line
    with ``below`` pixels under it; first > last if none."""
    count = layout.lineCount()
    low, high = 0, count
    while low < high:  # first line whose bottom is below ``top``
        middle = (low + high) // 2
        line = layout.lineAt(middle)
        if line.y() + line.height() + below <= top:
            low = middle + 1
        else:
            high = middle
    first = low
    low, high = first, count
    while low < high:  # first line starting below ``bottom``
        middle = (low + high) // 2
        if layout.lineAt(middle).y() <= bottom:
            low = middle + 1
        else:
            high = middle
    return first, low - 1


def _last_match(pattern: re.Pattern, text: str, lo: int, hi: int) -> re.Match | None:
    last = None
    for match in pattern.finditer(text, lo, hi):
        last = match
    return last
