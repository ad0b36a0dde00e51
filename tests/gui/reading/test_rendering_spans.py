"""How the reader pane draws many overlapping spans: each its own bar in a lane under
the line, a label at its start, its state on its own bar and label. Checked in pixels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip
from windowkit import shown_reader_view

from reader.domain.annotations import ACCEPTED, REJECTED, Annotation
from reader.domain.offsets import OffsetMap
from reader.domain.tags import default_tags
from reader.ui.reading.highlight_style import FILL_ALPHA, blend
from reader.ui.reading.reader_view import ReaderView
from reader.ui.reading.span_lanes import LANES_SHOWN, REJECTED_BAR_ALPHA

TEXT = (
    "Москва официально не обращалась за помощью в Организацию Договора о коллективной безопасности, "
    "заявил Сергей Лавров журналистам в пятницу.\n\nОтмечается, что секретариат обменивается информацией."
)


@pytest.fixture
def tags():
    return default_tags()


@pytest.fixture
def view(qtbot):
    return shown_reader_view(qtbot, 760, 420)


def colour_of(tags, name: str) -> QColor:
    return QColor(next(t.colour for t in tags if t.name == name))


def word(needle: str, tag: str, **fields) -> Annotation:
    start = TEXT.index(needle)
    return Annotation(document_id=1, start=start, end=start + len(needle), text=needle, tag=tag, **fields)


def caret_rect(view: ReaderView, cp: int):
    cursor = QTextCursor(view.document())
    cursor.setPosition(OffsetMap.for_text(view.document_text()).to_utf16(cp))
    return view.cursorRect(cursor)


def columns(view: ReaderView, annotation: Annotation, skip_label: bool = True) -> tuple[int, int]:
    """Pixel columns inside the span's text; with ``skip_label``, only its second half (past its label)."""
    left, right = caret_rect(view, annotation.start).left() + 1, caret_rect(view, annotation.end).left() - 1
    return ((left + right) // 2 if skip_label else left), right


def same_colour(a: QColor, b: QColor, tolerance: int = 10) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def share(image: QImage, left: int, right: int, y: int, test) -> float:
    return sum(bool(test(QColor.fromRgb(image.pixel(x, y)))) for x in range(left, right)) / max(1, right - left)


def rows_under_line(view: ReaderView, cp: int) -> range:
    """The pixel rows of the room under the line holding ``cp``: where its spans' bars go."""
    bottom = caret_rect(view, cp).bottom() + 1
    return range(bottom, bottom + view.room_under_lines())


def bar_rows(view, image, annotation, colour: QColor, skip_label: bool = True) -> list[int]:
    """Rows under the span's line that its columns fill, for a third or more, with ``colour``."""
    left, right = columns(view, annotation, skip_label)
    return [
        y
        for y in rows_under_line(view, annotation.start)
        if share(image, left, right, y, lambda c: same_colour(c, colour)) >= 1 / 3
    ]


def is_dark(colour: QColor) -> bool:
    return max(colour.getRgb()[:3]) < 110


def grab(view: ReaderView) -> QImage:
    return view.viewport().grab().toImage()


def test_an_accepted_span_under_a_rejected_duplicate_does_not_look_rejected(qtbot, view, tags):
    accepted = word("заявил Сергей Лавров журналистам", "actor", status=ACCEPTED)
    rejected = word("заявил Сергей Лавров журналистам", "actor", status=REJECTED)
    pending = word("в пятницу", "actor")
    view.set_document(TEXT, [rejected, accepted, pending], tags)
    # A click on the words selects one of the two, whichever is drawn where: both are there.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=caret_rect(view, accepted.start + 3).center())
    assert view.selected_annotation_id() in (accepted.id, rejected.id)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    image = grab(view)
    actor, base = colour_of(tags, "actor"), view.palette().color(QPalette.ColorRole.Base)
    left, right = columns(view, accepted)
    line = caret_rect(view, accepted.start)

    # No strike across the text, and the fill is the accepted span's, not the fainter rejected one.
    assert max(share(image, left, right, y, is_dark) for y in range(line.top(), line.bottom())) < 0.6
    fills = [
        share(image, left, right, y, lambda c: same_colour(c, blend(base, actor, FILL_ALPHA), 6))
        for y in range(line.top(), line.bottom())
    ]
    assert max(fills) > 0.5
    # Under the line: the accepted span's bar in full colour, the rejected one's faded and struck through.
    assert bar_rows(view, image, accepted, actor)
    faded = bar_rows(view, image, rejected, blend(base, actor, REJECTED_BAR_ALPHA))
    assert faded
    struck = [y for y in rows_under_line(view, accepted.start) if share(image, left, right, y, is_dark) > 0.9]
    assert len(struck) == 1 and min(faded) < struck[0] <= max(faded) + 1
    assert not bar_rows(view, image, pending, QColor(40, 40, 40), skip_label=True)  # a pending bar is not struck


def test_every_span_shows_its_tag_label_at_its_start(qtbot, view, tags):
    claim = word("не обращалась за помощью", "claim")
    date = word("в пятницу", "date", note="уточнить")
    view.set_document(TEXT, [claim, date], tags)
    image = grab(view)
    for annotation in (claim, date):
        colour = colour_of(tags, annotation.tag)
        start = caret_rect(view, annotation.start).left()
        rows = rows_under_line(view, annotation.start)
        label = [(x, y) for x in range(start, start + 24) for y in rows]
        chip = sum(same_colour(QColor.fromRgb(image.pixel(x, y)), colour, 6) for x, y in label)
        ink = sum(QColor.fromRgb(image.pixel(x, y)).lightness() > 200 for x, y in label)  # white letters
        assert chip > len(label) / 3 and ink > 8
        # Only at the start: further along, the room holds the bar alone, no letters.
        if annotation.end - annotation.start > 12:
            left, right = columns(view, annotation)
            assert (
                sum(
                    QColor.fromRgb(image.pixel(x, y)).lightness() > 200
                    and not same_colour(
                        QColor.fromRgb(image.pixel(x, y)), view.palette().color(QPalette.ColorRole.Base)
                    )
                    for x in range(left, right)
                    for y in rows
                )
                == 0
            )


def _label_ink(view: ReaderView, annotation: Annotation, tags) -> int:
    """The light (letter) pixels of the span's label, drawn alone: its tag, ✓ and ✎ are letters."""
    view.set_document(TEXT, [annotation], tags)
    image = grab(view)
    base = view.palette().color(QPalette.ColorRole.Base)
    start = caret_rect(view, annotation.start).left()
    return sum(
        QColor.fromRgb(image.pixel(x, y)).lightness() > 200 and not same_colour(QColor.fromRgb(image.pixel(x, y)), base)
        for x in range(start, start + 120)
        for y in rows_under_line(view, annotation.start)
    )


def test_a_label_marks_an_accepted_span_and_a_note(qtbot, view, tags):
    span = word("Организацию Договора о коллективной", "actor")
    plain = _label_ink(view, span, tags)
    accepted = _label_ink(view, Annotation(**{**span.__dict__, "status": ACCEPTED}), tags)
    noted = _label_ink(view, Annotation(**{**span.__dict__, "review_note": "уточнить"}), tags)
    both = _label_ink(view, Annotation(**{**span.__dict__, "status": ACCEPTED, "note": "кто?"}), tags)
    assert 0 < plain < accepted < both and plain < noted < both  # ✓ and ✎ are drawn in the label


def test_crossing_and_nested_spans_each_get_a_lane_of_their_own(qtbot, view, tags):
    first = word("Москва официально не обращалась", "claim")
    second = word("не обращалась за помощью", "claim")
    nested = word("официально", "actor")
    view.set_document(TEXT, [first, second, nested], tags)
    image = grab(view)
    claim, actor = colour_of(tags, "claim"), colour_of(tags, "actor")
    overlap = word("не обращалась", "claim")  # where the two claims cross
    only_second = word("за помощью", "claim")

    crossing = bar_rows(view, image, overlap, claim, skip_label=False)
    alone = bar_rows(view, image, only_second, claim)
    bar = len(alone)
    assert bar >= 2 and len(crossing) == 2 * bar  # two bars of the same tag, one above the other
    assert crossing[bar] > crossing[bar - 1] + 1  # with a gap between them
    assert set(alone) <= set(crossing)
    nested_rows = bar_rows(view, image, nested, actor)
    assert len(nested_rows) == bar  # as thick as the others, in its own lane
    assert not set(nested_rows) & set(bar_rows(view, image, nested, claim))
    # The lanes stay in the room under the line: the next line's text starts below them.
    assert (
        max(crossing) < caret_rect(view, TEXT.index("журналистам")).top()
        or caret_rect(view, TEXT.index("журналистам")).top() == caret_rect(view, first.start).top()
    )


def test_more_spans_than_lanes_say_how_many_are_not_drawn(qtbot, view, tags):
    stack = [word("Организацию Договора", "claim") for _ in range(LANES_SHOWN + 2)]
    view.set_document(TEXT, stack, tags)
    image = grab(view)
    line = caret_rect(view, stack[0].start)
    rows = rows_under_line(view, stack[0].start)
    right = view.viewport().width() - 1
    grey = QColor(90, 90, 90)
    mark = [
        x
        for x in range(right - 60, right)
        if any(same_colour(QColor.fromRgb(image.pixel(x, y)), grey, 8) for y in rows)
    ]
    assert mark, "a +N mark at the end of the line"
    assert line.top() < rows.start
    # Every span is still there to click and hover.
    assert len(view.annotations_at(stack[0].start)) == LANES_SHOWN + 2


@pytest.mark.qt_log_ignore("does not support raise")
def test_tooltip_shows_the_review_note_and_reviewer(qtbot, view, tags):
    reviewed = word(
        "Сергей Лавров", "actor", note="кто это", status=REJECTED, reviewer="vera", review_note="не актор <тут>"
    )
    view.set_document(TEXT, [reviewed], tags)
    viewport = view.viewport()
    pos = caret_rect(view, reviewed.start + 3).center()
    qtbot.mouseMove(viewport, pos)
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    shown = QToolTip.text()
    for expected in ("actor", "rejected", "кто это", "vera", "не актор &lt;тут&gt;"):
        assert expected in shown
    assert shown.index("кто это") < shown.index("vera")


def test_zoom_scales_the_lanes_and_keeps_them_apart(qtbot, view, tags):
    first = word("Москва официально не обращалась", "claim")
    second = word("не обращалась за помощью", "claim")
    view.set_document(TEXT, [first, second], tags)
    view.setFocus()
    room = view.room_under_lines()
    for _ in range(3):
        view.zoom_in()  # 11 pt to 14 pt, about 126 %
    assert view.room_under_lines() > room
    image = grab(view)
    overlap = word("не обращалась", "claim")
    rows = bar_rows(view, image, overlap, colour_of(tags, "claim"), skip_label=False)
    bar = len(bar_rows(view, image, word("за помощью", "claim"), colour_of(tags, "claim")))
    assert len(rows) == 2 * bar and rows[bar] > rows[bar - 1] + 1
    next_line = (
        caret_rect(view, TEXT.index("заявил")) if caret_rect(view, TEXT.index("заявил")).top() > rows[0] else None
    )
    assert next_line is None or max(rows) < next_line.top()


def test_clicks_reach_the_text_below_the_lanes(qtbot, view, tags):
    target = word("секретариат", "date")
    view.set_document(TEXT, [target], tags)
    pos = caret_rect(view, target.start + 2).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert view.selected_annotation_id() == target.id
    assert view.code_point_at(QPoint(pos.x(), pos.y())) == target.start + 2
