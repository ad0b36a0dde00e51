"""The reader pane driven by real key and mouse events; offsets checked in code points."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QColor, QHelpEvent, QImage, QKeySequence, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QMainWindow, QToolTip
from windowkit import shown_reader_view

from reader.domain.annotations import REJECTED, Annotation
from reader.domain.offsets import OffsetMap
from reader.domain.tags import default_tags
from reader.ui.reading.highlight_style import FILL_ALPHA
from reader.ui.reading.reader_view import ReaderView

ASTRAL_TEXT = "😀𝒜𩸽 Москва — столица России.\nВторая строка о Москве и области."
PLAIN_TEXT = (
    "Москва официально не обращалась за помощью в Организацию Договора о коллективной безопасности.\n"
    "\n"
    "Отмечается, что секретариат и соответствующие структуры обмениваются информацией."
)


@pytest.fixture
def tags():
    return default_tags()


def colour_of(tags, name: str) -> QColor:
    return QColor(next(t.colour for t in tags if t.name == name))


@pytest.fixture
def view(qtbot):
    return shown_reader_view(qtbot, 700, 400)


def span(text: str, start: int, end: int, tag: str, **fields) -> Annotation:
    return Annotation(document_id=1, start=start, end=end, text=text[start:end], tag=tag, **fields)


def word(text: str, needle: str, tag: str, **fields) -> Annotation:
    start = text.index(needle)
    return span(text, start, start + len(needle), tag, **fields)


def caret_rect(view: ReaderView, cp: int):
    """Viewport rectangle of the caret standing before code point ``cp``."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(OffsetMap.for_text(view.document_text()).to_utf16(cp))
    return view.cursorRect(cursor)


def point_inside(view: ReaderView, annotation: Annotation) -> QPoint:
    """A point over the middle character of ``annotation`` (which must sit on one line)."""
    middle = (annotation.start + annotation.end) // 2
    left, right = caret_rect(view, middle), caret_rect(view, middle + 1)
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def same_colour(a: QColor, b: QColor, tolerance: int = 6) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def blended(base: QColor, colour: QColor, alpha: int) -> QColor:
    mix = alpha / 255
    return QColor(*(round(b + (c - b) * mix) for b, c in zip(base.getRgb()[:3], colour.getRgb()[:3], strict=True)))


def region_mode(image: QImage, left: int, right: int, top: int, bottom: int) -> QColor:
    counts = Counter(image.pixel(x, y) for x in range(left, right) for y in range(top, bottom))
    return QColor.fromRgb(counts.most_common(1)[0][0])


def underline_rows(image: QImage, left: int, right: int, top: int, bottom: int, colour: QColor) -> list[int]:
    """Rows in which at least a third of ``[left, right)`` has ``colour`` (a solid, dashed or dotted line)."""
    rows = []
    for y in range(top, min(bottom, image.height())):
        hits = sum(same_colour(QColor.fromRgb(image.pixel(x, y)), colour, 10) for x in range(left, right))
        if hits * 3 >= right - left:
            rows.append(y)
    return rows


# ----- selection in code points -----


def test_keyboard_selection_counts_code_points_after_astral_characters(qtbot, view, tags):
    view.set_document(ASTRAL_TEXT, [], tags)
    view.setFocus()
    assert view.caret_code_point() == 0
    for _ in range(4):  # one key press per character, whatever its UTF-16 length
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.caret_code_point() == ASTRAL_TEXT.index("Москва")

    for _ in range(len("Москва")):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    start, end = view.selection_code_points()
    assert view.document_text()[start:end] == "Москва"
    assert (start, end) == (4, 10)

    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    start, end = view.selection_code_points()
    assert start == 4 and end > 10
    assert view.document_text()[start:end] == ASTRAL_TEXT[start:end]
    assert ASTRAL_TEXT[10:end].strip() in ("", "—")  # the word selection stops before "столица"

    view.set_caret_code_point(3)  # just after the non-BMP CJK character
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_code_points() == (2, 3)
    assert view.document_text()[2:3] == "𩸽"


def test_selection_round_trips_through_code_points(view, tags):
    view.set_document(ASTRAL_TEXT, [], tags)
    start = ASTRAL_TEXT.index("Москве")
    view.set_selection_code_points(start, start + len("Москве"))
    assert view.textCursor().selectedText() == "Москве"
    assert view.selection_code_points() == (start, start + 6)
    assert view.caret_code_point() == start + 6
    view.set_caret_code_point(2)
    assert view.selection_code_points() is None
    assert view.caret_code_point() == 2


def test_mouse_drag_selects_code_points(qtbot, view, tags):
    view.set_document(ASTRAL_TEXT, [], tags)
    start = ASTRAL_TEXT.index("столица")
    end = start + len("столица")
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=caret_rect(view, start).center())
    qtbot.mouseMove(viewport, caret_rect(view, start + 3).center())
    qtbot.mouseMove(viewport, caret_rect(view, end).center())
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=caret_rect(view, end).center())
    assert view.selection_code_points() == (start, end)
    assert view.document_text()[start:end] == "столица"


# ----- clicking, keys on a selected annotation -----


def test_clicking_highlights_selects_innermost_then_cycles_and_plain_text_clears(qtbot, view, tags):
    outer = span(PLAIN_TEXT, 0, 40, "claim")
    inner = word(PLAIN_TEXT, "официально", "actor")
    view.set_document(PLAIN_TEXT, [outer, inner], tags)
    viewport = view.viewport()
    with qtbot.waitSignal(view.annotationSelected) as selected:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point_inside(view, inner))
    assert selected.args == [inner.id]
    assert view.selected_annotation_id() == inner.id

    with qtbot.waitSignal(view.annotationSelected) as selected:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point_inside(view, inner))
    assert selected.args == [outer.id]

    plain = word(PLAIN_TEXT, "секретариат", "claim")  # a place with no highlight
    with qtbot.waitSignal(view.annotationSelected) as selected:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point_inside(view, plain))
    assert selected.args == [None]
    assert view.selected_annotation_id() is None


def test_dragging_over_a_highlight_selects_text_not_the_highlight(qtbot, view, tags):
    highlight = word(PLAIN_TEXT, "официально", "claim")
    view.set_document(PLAIN_TEXT, [highlight], tags)
    viewport = view.viewport()
    with qtbot.assertNotEmitted(view.annotationSelected):
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=caret_rect(view, highlight.start).center())
        qtbot.mouseMove(viewport, caret_rect(view, highlight.end - 2).center())
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=caret_rect(view, highlight.end - 2).center())
    assert view.selection_code_points() == (highlight.start, highlight.end - 2)
    assert view.selected_annotation_id() is None


def test_shift_arrows_on_a_selected_annotation_request_edge_moves(qtbot, view, tags):
    text = ASTRAL_TEXT
    target = word(text, "столица", "claim")
    view.set_document(text, [target], tags)
    view.setFocus()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point_inside(view, target))
    assert view.selected_annotation_id() == target.id

    moves = []
    view.edgeMoveRequested.connect(lambda *args: moves.append(args))
    shift, alt = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(view, Qt.Key.Key_Right, shift)
    qtbot.keyClick(view, Qt.Key.Key_Left, shift)
    qtbot.keyClick(view, Qt.Key.Key_Left, shift | alt)
    qtbot.keyClick(view, Qt.Key.Key_Right, shift | alt)
    assert moves == [(target.id, "end", 1), (target.id, "end", -1), (target.id, "start", -1), (target.id, "start", 1)]
    assert view.selection_code_points() is None  # the keys did not also select text

    with qtbot.waitSignal(view.annotationSelected) as selected:
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert selected.args == [None]
    caret = view.caret_code_point()
    qtbot.keyClick(view, Qt.Key.Key_Right, shift)  # with nothing selected, Shift+Right selects text again
    assert view.selection_code_points() == (caret, caret + 1)
    assert len(moves) == 4


def test_selecting_text_drops_the_annotation_selection(qtbot, view, tags):
    target = word(PLAIN_TEXT, "помощью", "date")
    view.set_document(PLAIN_TEXT, [target], tags)
    view.select_annotation(target.id)
    assert view.selected_annotation_id() == target.id
    with qtbot.waitSignal(view.annotationSelected) as selected:
        view.set_selection_code_points(0, 6)
    assert selected.args == [None]


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note about QMainWindow
def test_digit_keys_reach_a_window_action_while_the_reader_has_focus(qtbot, tags):
    window = QMainWindow()
    qtbot.addWidget(window)
    reader = ReaderView()
    window.setCentralWidget(reader)
    fired = []
    for digit in "12":
        action = QAction(f"Tag {digit}", window)
        action.setShortcut(QKeySequence(digit))
        action.triggered.connect(lambda _checked=False, d=digit: fired.append(d))
        window.addAction(action)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    reader.set_document(PLAIN_TEXT, [], tags)
    reader.setFocus()
    qtbot.waitUntil(reader.hasFocus)

    reader.set_selection_code_points(0, 6)
    qtbot.keyClick(reader, Qt.Key.Key_1)
    qtbot.keyClicks(reader, "2")
    assert fired == ["1", "2"]
    assert reader.document_text() == PLAIN_TEXT  # read-only: nothing typed into the text
    assert reader.selection_code_points() == (0, 6)


# ----- drawing -----


def test_the_caret_is_visible_in_read_only_text(qtbot, view, tags):
    view.set_document(PLAIN_TEXT, [], tags)
    flash = QApplication.cursorFlashTime()
    view.clearFocus()
    QApplication.setCursorFlashTime(0)  # no blinking, from the next focus on: the caret is drawn or not
    try:
        view.activateWindow()
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        qtbot.keyClick(view, Qt.Key.Key_Right)
        assert view.caret_code_point() == 1
        rect = view.cursorRect()
        with_caret = view.viewport().grab().toImage()
        view.clearFocus()
        without_caret = view.viewport().grab().toImage()
    finally:
        QApplication.setCursorFlashTime(flash)
    # Qt draws the caret by inverting what is under it: most of its column changes.
    rows = range(rect.top(), rect.bottom() + 1)
    changed = [
        abs(
            QColor.fromRgb(with_caret.pixel(rect.left(), y)).lightness()
            - QColor.fromRgb(without_caret.pixel(rect.left(), y)).lightness()
        )
        > 100
        for y in rows
    ]
    assert sum(changed) >= 0.8 * len(changed)


class PaintRecordingView(ReaderView):
    def __init__(self):
        super().__init__()
        self.painted = []

    def paintEvent(self, event):
        self.painted.append(event.rect())
        super().paintEvent(event)


def test_an_edit_repaints_only_the_lines_it_touches(qtbot, tags):
    view = PaintRecordingView()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    text = long_text(40)
    view.set_document(text, [], tags)
    qtbot.waitUntil(lambda: bool(view.painted))
    view.painted.clear()
    target = word(text, "Абзац 2:", "actor")
    view.upsert_annotation(target)
    qtbot.waitUntil(lambda: bool(view.painted))
    line = caret_rect(view, target.start)
    repainted = view.painted[0]
    assert repainted.contains(line.topLeft()) and repainted.contains(line.bottomLeft())
    assert repainted.height() < view.viewport().height() / 3


def test_overlapping_spans_show_both_tags_fill_and_underline(qtbot, view, tags):
    outer = span(PLAIN_TEXT, 0, 42, "claim")
    inner = word(PLAIN_TEXT, "официально", "actor")
    view.set_document(PLAIN_TEXT, [outer, inner], tags)
    image = view.viewport().grab().toImage()
    base = view.palette().color(QPalette.ColorRole.Base)
    claim, actor = colour_of(tags, "claim"), colour_of(tags, "actor")

    line = caret_rect(view, 0)
    below = line.bottom() + 10
    inner_left, inner_right = caret_rect(view, inner.start).left() + 2, caret_rect(view, inner.end).left() - 2
    outer_left = caret_rect(view, outer.start).left() + 2
    only_outer_right = caret_rect(view, inner.start).left() - 2

    # The outer span gives the fill, also where the inner one lies on it.
    assert same_colour(
        region_mode(image, inner_left, inner_right, line.top(), line.bottom()), blended(base, claim, FILL_ALPHA)
    )
    assert same_colour(
        region_mode(image, outer_left, only_outer_right, line.top(), line.bottom()), blended(base, claim, FILL_ALPHA)
    )
    # Each tag draws its own underline; the inner one lower down, and only under its own text.
    claim_rows = underline_rows(image, inner_left, inner_right, line.center().y(), below, claim)
    actor_rows = underline_rows(image, inner_left, inner_right, line.center().y(), below, actor)
    assert claim_rows and actor_rows
    assert min(actor_rows) > max(claim_rows)
    assert underline_rows(image, outer_left, only_outer_right, line.center().y(), below, actor) == []
    assert underline_rows(image, outer_left, only_outer_right, line.center().y(), below, claim)


def test_tags_differ_by_underline_pattern_not_only_colour(qtbot, view, tags):
    claim = word(PLAIN_TEXT, "Организацию", "claim")
    actor = word(PLAIN_TEXT, "официально", "actor")
    view.set_document(PLAIN_TEXT, [claim, actor], tags)
    image = view.viewport().grab().toImage()

    def coverage(annotation):
        tag_colour = colour_of(tags, annotation.tag)
        left, right = caret_rect(view, annotation.start).left() + 1, caret_rect(view, annotation.end).left() - 1
        rect = caret_rect(view, annotation.start)
        row = underline_rows(image, left, right, rect.center().y(), rect.bottom() + 8, tag_colour)[0]
        hits = sum(same_colour(QColor.fromRgb(image.pixel(x, row)), tag_colour, 10) for x in range(left, right))
        return hits / (right - left)

    assert coverage(claim) > 0.95  # the first tag is solid
    assert coverage(actor) < 0.8  # the second is dashed


def test_rejected_annotation_is_struck_through_on_its_own_bar(qtbot, view, tags):
    rejected = word(PLAIN_TEXT, "Организацию", "claim", status=REJECTED)
    pending = word(PLAIN_TEXT, "коллективной", "claim")
    view.set_document(PLAIN_TEXT, [rejected, pending], tags)
    image = view.viewport().grab().toImage()

    def darkest_row_share(annotation, under_the_line: bool):
        rect = caret_rect(view, annotation.start)
        left, right = rect.left() + 1, caret_rect(view, annotation.end).left() - 1
        left = (left + right) // 2  # past the label at the span's start
        if under_the_line:
            rows = range(rect.bottom() + 1, rect.bottom() + 1 + view.room_under_lines())
        else:
            rows = range(rect.top(), rect.bottom())
        best = 0.0
        for y in rows:
            dark = sum(max(QColor.fromRgb(image.pixel(x, y)).getRgb()[:3]) < 110 for x in range(left, right))
            best = max(best, dark / (right - left))
        return best

    assert darkest_row_share(rejected, under_the_line=True) > 0.9  # its bar is struck through
    assert darkest_row_share(pending, under_the_line=True) < 0.6
    assert darkest_row_share(rejected, under_the_line=False) < 0.6  # the text itself is not


def test_selected_annotation_gets_an_outline(qtbot, view, tags):
    target = word(PLAIN_TEXT, "помощью", "date")
    view.set_document(PLAIN_TEXT, [target], tags)
    rect = caret_rect(view, target.start)
    left, right = rect.left(), caret_rect(view, target.end).left()
    outline = colour_of(tags, "date").darker(140)

    def outline_rows():
        image = view.viewport().grab().toImage()
        return underline_rows(image, left + 2, right - 2, rect.top() - 2, rect.bottom() + 2, outline)

    assert outline_rows() == []
    view.select_annotation(target.id)
    rows = outline_rows()
    assert rows and min(rows) <= rect.top() + 2  # the top edge of the box, above the text


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform, raising the tooltip
def test_tooltip_names_tags_notes_annotators_and_status(qtbot, view, tags):
    outer = span(PLAIN_TEXT, 0, 42, "claim", note="главный тезис <статьи>", annotator="anna")
    inner = word(PLAIN_TEXT, "официально", "actor", annotator="boris", status=REJECTED)
    view.set_document(PLAIN_TEXT, [outer, inner], tags)
    viewport = view.viewport()
    pos = point_inside(view, inner)
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    shown = QToolTip.text()
    for expected in ("claim", "actor", "anna", "boris", "rejected", "главный тезис &lt;статьи&gt;"):
        assert expected in shown
    assert shown.index("actor") < shown.index("claim")  # innermost first

    plain = word(PLAIN_TEXT, "секретариат", "claim")
    pos = point_inside(view, plain)
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


# ----- annotations in and out -----


def test_annotations_at_counts_code_points_and_follows_edits(qtbot, view, tags):
    text = ASTRAL_TEXT
    first = word(text, "Москва", "claim")
    view.set_document(text, [first], tags)
    assert [a.id for a in view.annotations_at(first.start)] == [first.id]
    assert view.annotations_at(first.end) == []

    second = word(text, "столица", "actor")
    view.upsert_annotation(second)
    assert [a.id for a in view.annotations_at(second.start)] == [second.id]
    moved = first.changed(end=first.end + 2, text=text[first.start : first.end + 2])
    view.upsert_annotation(moved)
    assert [a.id for a in view.annotations_at(first.end + 1)] == [moved.id]

    view.select_annotation(second.id, scroll=False)
    with qtbot.waitSignal(view.annotationSelected) as selected:
        view.remove_annotation(second.id)
    assert selected.args == [None]
    assert view.annotations_at(second.start) == []


def test_many_edits_after_opening_keep_the_index_right(view, tags):
    text = "слово " * 400
    view.set_document(text, [], tags)
    added = [span(text, 6 * i, 6 * i + 5, "claim") for i in range(150)]
    for annotation in added:
        view.upsert_annotation(annotation)
    for annotation in added[::3]:
        view.remove_annotation(annotation.id)
    kept = {a.id for a in added} - {a.id for a in added[::3]}
    found = {a.id for i in range(0, len(text), 6) for a in view.annotations_at(i)}
    assert found == kept


def test_upsert_paints_the_new_highlight(qtbot, view, tags):
    view.set_document(PLAIN_TEXT, [], tags)
    target = word(PLAIN_TEXT, "обращалась", "date")
    rect = caret_rect(view, target.start)
    left, right = rect.left() + 2, caret_rect(view, target.end).left() - 2
    base = view.palette().color(QPalette.ColorRole.Base)
    fill = blended(base, colour_of(tags, "date"), FILL_ALPHA)
    assert not same_colour(region_mode(view.viewport().grab().toImage(), left, right, rect.top(), rect.bottom()), fill)
    view.upsert_annotation(target)
    assert same_colour(region_mode(view.viewport().grab().toImage(), left, right, rect.top(), rect.bottom()), fill)


def test_visible_filter_hides_other_annotations(qtbot, view, tags):
    claim = word(PLAIN_TEXT, "Организацию", "claim")
    actor = word(PLAIN_TEXT, "официально", "actor")
    view.set_document(PLAIN_TEXT, [claim, actor], tags)
    view.set_visible_filter(lambda a: a.tag == "claim")
    assert view.annotations_at(actor.start) == []
    assert [a.id for a in view.annotations_at(claim.start)] == [claim.id]
    rect = caret_rect(view, actor.start)
    left, right = rect.left() + 2, caret_rect(view, actor.end).left() - 2
    base = view.palette().color(QPalette.ColorRole.Base)
    assert same_colour(region_mode(view.viewport().grab().toImage(), left, right, rect.top(), rect.bottom()), base)
    view.set_visible_filter(None)
    assert [a.id for a in view.annotations_at(actor.start)] == [actor.id]


def test_spans_outside_the_text_are_skipped_not_fatal(view, tags):
    good = word(PLAIN_TEXT, "Москва", "claim")
    beyond = Annotation(document_id=1, start=len(PLAIN_TEXT) - 3, end=len(PLAIN_TEXT) + 50, text="", tag="claim")
    unknown_tag = word(PLAIN_TEXT, "структуры", "no-such-tag")
    view.set_document(PLAIN_TEXT, [good, beyond, unknown_tag], tags)
    assert not view.viewport().grab().isNull()
    assert view.annotations_at(len(PLAIN_TEXT) - 1) == []
    assert [a.id for a in view.annotations_at(unknown_tag.start)] == [unknown_tag.id]


def test_set_document_rejects_crlf_and_resets_state(qtbot, view, tags):
    with pytest.raises(ValueError, match="LF-normalized"):
        view.set_document("one\r\ntwo", [], tags)
    target = word(PLAIN_TEXT, "Москва", "claim")
    view.set_document(PLAIN_TEXT, [target], tags)
    view.select_annotation(target.id)
    view.set_caret_code_point(30)
    with qtbot.waitSignal(view.annotationSelected) as selected:
        view.set_document(ASTRAL_TEXT, [], tags)
    assert selected.args == [None]
    assert view.caret_code_point() == 0
    assert view.document_text() == ASTRAL_TEXT
    view.clear_document()
    assert view.document_text() == "" and view.toPlainText() == ""


# ----- scrolling, find, zoom -----


def long_text(paragraphs: int = 400) -> str:
    return "\n\n".join(
        f"Абзац {n}: 😀 Москва не обращалась к ОДКБ за помощью, сообщает агентство." for n in range(paragraphs)
    )


def last_visible_code_point(view: ReaderView) -> int:
    bottom = view.viewport().rect().bottomRight()
    position = view.cursorForPosition(bottom).position()
    return OffsetMap.for_text(view.document_text()).to_code_point(position)


def test_selecting_an_annotation_off_screen_scrolls_to_it(qtbot, view, tags):
    text = long_text()
    target = word(text, "Абзац 250:", "claim")
    view.set_document(text, [target], tags)
    assert last_visible_code_point(view) < target.start
    with qtbot.waitSignal(view.annotationSelected) as selected:
        view.select_annotation(target.id)
    assert selected.args == [target.id]
    assert view.first_visible_code_point() <= target.start < last_visible_code_point(view)
    assert view.selection_code_points() is None


def test_scroll_to_code_point_makes_it_the_first_visible_line(view, tags):
    text = long_text()
    view.set_document(text, [], tags)
    target = text.index("Абзац 200:")
    view.scroll_to_code_point(target)
    assert view.first_visible_code_point() == target
    view.scroll_to_code_point(len(text))  # the end cannot be the top line: as close as possible
    assert view.verticalScrollBar().value() == view.verticalScrollBar().maximum()


def test_find_text_selects_next_match_wraps_and_scrolls(view, tags):
    text = long_text()
    view.set_document(text, [], tags)
    assert view.find_text("абзац 300")
    start = text.index("Абзац 300")
    assert view.selection_code_points() == (start, start + len("Абзац 300"))
    assert 0 < view.first_visible_code_point() <= start < last_visible_code_point(view)

    assert view.find_text("АБЗАЦ 3", backward=True)
    assert view.selection_code_points()[0] == text.index("Абзац 39:")
    view.set_caret_code_point(len(text))
    assert view.find_text("абзац 0")  # wraps to the start
    assert view.selection_code_points()[0] == 0
    assert view.find_text("москва")  # 400 matches; only those on screen are marked
    marked = len(view.extraSelections())
    assert 1 < marked < 40
    assert not view.find_text("нет такого слова")
    assert not view.find_text("")
    assert view.extraSelections() == []


def test_zoom_changes_font_size_and_keeps_the_place(qtbot, view, tags):
    text = long_text()
    view.set_document(text, [], tags)
    view.scroll_to_code_point(text.index("Абзац 100:"))
    before = view.font_point_size()
    with qtbot.waitSignal(view.fontPointSizeChanged) as changed:
        view.zoom_in()
    assert changed.args == [before + 1]
    assert view.font_point_size() == before + 1
    assert view.first_visible_code_point() == text.index("Абзац 100:")
    view.zoom_out()
    view.zoom_out()
    assert view.font_point_size() == before - 1
    view.set_font_point_size(1000)
    assert view.font_point_size() == 48
    assert view.document().defaultFont().pointSize() == 48


def test_the_blocks_down_the_screen_sit_where_qt_puts_them(qtbot):
    """The pane walks the blocks on screen summing their heights itself (Qt's own geometry of a
    block walks from the top block again each time): both must agree, lane room included."""
    view = shown_reader_view(qtbot, 500, 300)
    paragraphs = [f"Абзац {n} 😀 " + "слово " * (7 * (n % 5) + 1) for n in range(60)]
    text = "\n".join(paragraphs)
    spans = [Annotation(document_id=1, start=n * 40, end=n * 40 + 9, text="", tag="claim") for n in range(30)]
    view.set_document(text, [replace(span, text=text[span.start : span.end]) for span in spans], default_tags())
    qtbot.wait(20)
    bar = view.verticalScrollBar()
    for value in (0, 1, bar.maximum() // 3, bar.maximum() // 2, bar.maximum()):
        bar.setValue(value)
        walked = list(view._blocks_down_the_screen())
        assert walked and walked[0][0] == view.firstVisibleBlock()
        offset = view.contentOffset()
        for block, geometry in walked:
            assert geometry == view.blockBoundingGeometry(block).translated(offset), (value, block.blockNumber())
        assert walked[-1][1].bottom() >= view.viewport().height() or not walked[-1][0].next().isValid()
