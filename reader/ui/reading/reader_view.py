"""The reader pane: the document's text (code_point_view) with its highlights, selected
by keyboard and mouse, their edges moved by keys, their tags and notes in tooltips,
and the legend that shows or hides each tag.

Highlights are painted for the lines on screen (see highlight_painter), never
stored in the QTextDocument, so opening and scrolling cost the same with or
without 10,000 of them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from reader.domain.annotations import Annotation, span_fits
from reader.domain.tags import Tag
from reader.ui.reading.code_point_view import CodePointView
from reader.ui.reading.edge_keys import edge_move, is_plain_escape
from reader.ui.reading.highlight_index import LiveSpanIndex, Span, span_order
from reader.ui.reading.highlight_painter import HighlightPainter, VisibleBlock, assign_levels, span_rects
from reader.ui.reading.highlight_style import UNKNOWN_TAG_STYLE, TagStyle, tag_styles
from reader.ui.reading.legend import TagLegend
from reader.ui.reading.span_lanes import LaneMetrics
from reader.ui.reading.span_tooltip import tooltip_html
from reader.ui.shell.translation import translate

# The span index (and the legend's counts) are made this long after the first paint
# of a document: its first frame is on screen before them, and they are ready before
# a reader acts.
INDEX_DELAY_MS = 40
# The index folds in the highlights added and removed since it was built this long after it asks,
# between key presses, not inside the press that makes it ask (5-10 ms at 10,000 spans).
INDEX_REFOLD_MS = 250


class ReaderView(CodePointView):
    annotationSelected = Signal(object)  # annotation id (str) or None, when the selection changes
    edgeMoveRequested = Signal(str, str, int)  # annotation id, "start" | "end", delta in code points

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("readerView")
        self.setAccessibleName(translate("Reading", "Document text"))
        self._annotations: dict[Hashable, Annotation] = {}  # by id (the spans' key)
        self._styles: dict[str, TagStyle] = {}
        self._filter: Callable[[Annotation], bool] | None = None
        self._hidden_tags: frozenset[str] = frozenset()
        self._tag_counts: Counter[str] | None = None  # counted once a document's first frame is up
        # The window lays the legend out above the text; it is the view's to fill.
        self.legend = TagLegend(parent)
        self.legend.hiddenTagsChanged.connect(self.set_hidden_tags)
        self._index: LiveSpanIndex | None = LiveSpanIndex()
        self._index_timer = QTimer(self)
        self._index_timer.setSingleShot(True)
        self._index_timer.setInterval(INDEX_DELAY_MS)
        self._index_timer.timeout.connect(self._after_open)
        self._refold_timer = QTimer(self)
        self._refold_timer.setSingleShot(True)
        self._refold_timer.setInterval(INDEX_REFOLD_MS)
        self._refold_timer.timeout.connect(self._refold_index)
        self._selected_id: str | None = None
        # Painters a feature adds over the text (the links of the selected span): each gets the
        # view's painter after the highlights, clipped to the area being painted.
        self.overlays: list[Callable[[QPainter], None]] = []
        self._press_pos: QPoint | None = None
        self._after_double_click = False
        self.selectionChanged.connect(self._on_text_selection_changed)

    # ----- document and annotations -----

    def set_document(self, text: str, annotations: list[Annotation], tags: list[Tag]) -> None:
        """Show ``text`` with its annotations, the caret at 0 and the top on screen."""
        if "\r\n" in text:
            # Qt would fold CR LF into one position and every offset after it would drift.
            raise ValueError("document text must be LF-normalized (it contains CR LF)")
        self.set_tags(tags, repaint=False)
        self._load(text, annotations)

    def clear_document(self) -> None:
        self._load("", [])

    def _load(self, text: str, annotations: list[Annotation]) -> None:
        self._select(None)
        self._take_text(text)
        self._annotations = {a.id: a for a in annotations}
        self._tag_counts = None
        self._rebuild_index()
        self.setPlainText(text)

    def set_tags(self, tags: list[Tag], repaint: bool = True) -> None:
        self._styles = tag_styles(tags)
        self.legend.set_tags(tags, self._styles)
        self.legend.set_counts(self._tag_counts or {})
        if repaint:
            self.viewport().update()

    def set_annotations(self, annotations: list[Annotation]) -> None:
        self._annotations = {a.id: a for a in annotations}
        self._tag_counts = None
        self._rebuild_index()
        if self._selected_id is not None and self._selected_id not in self._annotations:
            self._select(None)
        self.viewport().update()

    def upsert_annotation(self, annotation: Annotation) -> None:
        old = self._annotations.get(annotation.id)
        self._annotations[annotation.id] = annotation
        self._count(old, -1)
        self._count(annotation, 1)
        if self._shows(annotation):
            self._spans().put(annotation.id, annotation.start, annotation.end)
        else:
            self._spans().remove(annotation.id)
            if self._selected_id == annotation.id:
                self._select(None)
        self._refold_when_idle()
        lo, hi = annotation.start, annotation.end
        if old is not None:
            lo, hi = min(lo, old.start), max(hi, old.end)
        self._update_code_points(lo, hi)

    def remove_annotation(self, annotation_id: str) -> None:
        old = self._annotations.pop(annotation_id, None)
        if old is None:
            return
        self._count(old, -1)
        self._spans().remove(annotation_id)
        self._refold_when_idle()
        if self._selected_id == annotation_id:
            self._select(None)
        self._update_code_points(old.start, old.end)

    def set_visible_filter(self, predicate: Callable[[Annotation], bool] | None) -> None:
        """Show only the annotations ``predicate`` accepts (all when None); hidden ones ignore clicks and tooltips."""
        self._filter = predicate
        self._rebuild_index()
        selected = self._annotations.get(self._selected_id) if self._selected_id is not None else None
        if selected is not None and not self._shows(selected):
            self._select(None)
        self.viewport().update()

    def set_hidden_tags(self, names: frozenset[str]) -> None:
        """Hide the spans of the tags ``names`` (the legend's unchecked chips), with any visible filter."""
        names = frozenset(names)
        if names != self._hidden_tags:
            self._hidden_tags = names
            self.set_visible_filter(self._filter)

    def _shows(self, annotation: Annotation) -> bool:
        if not span_fits(self._offsets.length, annotation.start, annotation.end):
            return False  # a span that does not fit this text is never drawn (nor crashes the paint)
        if annotation.tag in self._hidden_tags:
            return False
        return self._filter is None or bool(self._filter(annotation))

    def _count(self, annotation: Annotation | None, step: int) -> None:
        """Keep the legend's counts as one annotation comes or goes (once they have been counted)."""
        if annotation is not None and self._tag_counts is not None:
            self._tag_counts[annotation.tag] += step
            self.legend.set_counts(self._tag_counts)

    def _after_open(self) -> None:
        """What opening a document leaves until its first frame is up: the index, the legend's counts."""
        self._spans()
        self._tag_counts = Counter(a.tag for a in self._annotations.values())
        self.legend.set_counts(self._tag_counts)

    def _rebuild_index(self) -> None:
        # Indexing 10,000 spans takes milliseconds that opening a document should not wait for:
        # the first paint scans for the spans on screen, and the index is built once the event
        # loop is free again (or on first need).
        self._index = None
        self._index_timer.stop()  # started by the next paint

    def _spans(self) -> LiveSpanIndex:
        if self._index is None:
            if self._filter is None and not self._hidden_tags:  # span_fits inlined: runs over every annotation
                length = self._offsets.length
                spans = [(a.start, a.end, a.id) for a in self._annotations.values() if 0 <= a.start < a.end <= length]
            else:
                spans = [(a.start, a.end, a.id) for a in self._annotations.values() if self._shows(a)]
            self._index = LiveSpanIndex(spans)
        return self._index

    def _refold_when_idle(self) -> None:
        if self._index is not None and self._index.wants_rebuild and not self._refold_timer.isActive():
            self._refold_timer.start()

    def _refold_index(self) -> None:
        if self._index is not None:
            self._index.rebuild()

    def _covering(self, lo: int, hi: int) -> list[Span]:
        """Shown spans overlapping ``[lo, hi)`` as (start, end, id), by start, longest first."""
        if self._index is not None:
            return self._index.covering(lo, hi)
        found: list[Span] = [
            (a.start, a.end, a.id) for a in self._annotations.values() if a.start < hi and a.end > lo and self._shows(a)
        ]
        found.sort(key=span_order)
        return found

    def annotations_at(self, code_point: int) -> list[Annotation]:
        """The shown annotations covering ``code_point``, innermost (shortest) first."""
        found = [self._annotations[key] for _, _, key in self._covering(code_point, code_point + 1)]
        found.sort(key=lambda a: (a.end - a.start, a.start, a.id))
        return found

    # ----- annotation selection -----

    def selected_annotation_id(self) -> str | None:
        return self._selected_id

    def select_annotation(self, annotation_id: str | None, scroll: bool = True) -> None:
        """Select an annotation (None clears); emits annotationSelected when the selection changes.
        One that is not here, or hidden by the filter, is not selected.

        Selecting one drops any text selection, so Shift+arrows then move its edges.
        """
        annotation = self._annotations.get(annotation_id) if annotation_id is not None else None
        if annotation_id is not None and (annotation is None or not self._shows(annotation)):
            return
        if annotation is not None:
            caret = self.caret_code_point()
            inside = annotation.start <= caret <= annotation.end
            self.set_caret_code_point(caret if inside else annotation.start, visible=False)
            if scroll and not self._is_code_point_visible(annotation.start):
                self.scroll_to_code_point(annotation.start)
                bar = self.verticalScrollBar()
                bar.setValue(bar.value() - bar.pageStep() // 3)
        self._select(annotation_id)

    def _select(self, annotation_id: str | None) -> None:
        if annotation_id == self._selected_id:
            return
        previous = self._annotations.get(self._selected_id) if self._selected_id is not None else None
        self._selected_id = annotation_id
        if previous is not None:
            self._update_code_points(previous.start, previous.end)
        if annotation_id is not None:
            current = self._annotations[annotation_id]
            self._update_code_points(current.start, current.end)
        self.annotationSelected.emit(annotation_id)

    def _on_text_selection_changed(self) -> None:
        # A text selection and an annotation selection are never both active: keys act on one of them.
        if self._selected_id is not None and self.textCursor().hasSelection():
            self._select(None)

    # ----- painting -----

    def _visible_blocks(self, area: QRect) -> list[VisibleBlock]:
        """The blocks with lines inside ``area`` (viewport pixels), with the spans over them."""
        found = self._visible_lines(area)
        spans = []
        if found and self._annotations:
            spans = self._covering(found[0][7][0], found[-1][7][1])  # one query for the whole screen
        blocks = []
        for layout, origin, base, lo, hi, first, last, (span_lo, span_hi) in found:
            here = [s for s in spans if s[0] < span_hi and s[1] > span_lo] if hi > lo else []
            blocks.append(VisibleBlock(layout, origin, base, lo, hi, first, last, here, assign_levels(here)))
        return blocks

    def _update_code_points(self, lo: int, hi: int) -> None:
        """Repaint the on-screen part of the blocks holding ``[lo, hi]``, with the lanes under their
        lines: a span added to a block may move the lanes of the others in it."""
        area = self._blocks_on_screen(lo, hi)
        if not area.isEmpty():
            self.viewport().update(QRect(0, area.top() - 2, self.viewport().width(), area.height() + 4))

    def _style(self, tag: str) -> TagStyle:
        return self._styles.get(tag, UNKNOWN_TAG_STYLE)

    def _room_under_lines(self) -> int:
        self._lanes = LaneMetrics(self.font())
        return self._lanes.room

    def paintEvent(self, event: QPaintEvent) -> None:
        selected = self._annotations.get(self._selected_id) if self._selected_id is not None else None
        blocks = self._visible_blocks(event.rect()) if self._annotations else []
        if not blocks:
            super().paintEvent(event)
            return self._paint_overlays(event.rect())
        highlights = HighlightPainter(
            self._offsets,
            self._annotations.__getitem__,
            self._style,
            self._lanes,
            self.palette().color(QPalette.ColorRole.Base),
        )
        placed = highlights.place(blocks)
        viewport = self.viewport()
        painter = QPainter(viewport)
        painter.setClipRect(event.rect())
        highlights.paint_under_text(painter, placed)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(viewport)
        painter.setClipRect(event.rect())
        highlights.paint_over_text(painter, placed, blocks, selected)
        painter.end()
        self._paint_overlays(event.rect())

    def _paint_overlays(self, area: QRect) -> None:
        if self.overlays:
            painter = QPainter(self.viewport())
            painter.setClipRect(area)
            for overlay in self.overlays:
                overlay(painter)
            painter.end()
        self._after_paint()

    def span_rects(self, start: int, end: int) -> list[QRect]:
        """The viewport pixels of ``[start, end)`` on the lines on screen ([] when it is off screen)."""
        return span_rects(self._visible_lines(self.viewport().rect()), self._offsets, start, end)

    def annotation(self, annotation_id: str) -> Annotation | None:
        """The shown document's annotation with that id, whether a filter hides it or not."""
        return self._annotations.get(annotation_id)

    def _after_paint(self) -> None:
        if (self._index is None or self._tag_counts is None) and not self._index_timer.isActive():
            self._index_timer.start()

    # ----- mouse, keys and tooltips -----

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cp = self.code_point_at(event.pos())
            found = self.annotations_at(cp) if cp is not None else []
            if found:
                QToolTip.showText(event.globalPos(), tooltip_html(found), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._after_double_click = False
        self._press_pos = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._after_double_click = True
        super().mouseDoubleClickEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._press_pos = self._press_pos, None
        if event.button() != Qt.MouseButton.LeftButton or pressed is None or self._after_double_click:
            return
        pos = event.position().toPoint()
        if (pos - pressed).manhattanLength() >= QApplication.startDragDistance() or self.textCursor().hasSelection():
            return
        self._click_at(pos)

    def _click_at(self, pos: QPoint) -> None:
        cp = self.code_point_at(pos)
        under = [a.id for a in self.annotations_at(cp)] if cp is not None else []
        if not under:
            self._select(None)
        elif self._selected_id in under:
            # Clicking the selected one again steps outwards through the spans stacked there.
            self._select(under[(under.index(self._selected_id) + 1) % len(under)])
        else:
            self._select(under[0])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._selected_id is not None and self._handle_annotation_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def _handle_annotation_key(self, event: QKeyEvent) -> bool:
        assert self._selected_id is not None
        if is_plain_escape(event):
            self._select(None)
            return True
        move = None if self.textCursor().hasSelection() else edge_move(event)
        if move is None:
            return False
        self.edgeMoveRequested.emit(self._selected_id, *move)
        return True
