"""The legend and its show/hide chips, the colours of new tags, and the text column."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QPalette
from PySide6.QtWidgets import QApplication, QToolTip
from test_rendering_spans import TEXT, caret_rect, colour_of, grab, rows_under_line, same_colour, word
from windowkit import drag_select, key, pick_document

from reader.domain.tags import PALETTE, Tag, default_colour
from reader.ui.reading.highlight_style import tag_styles


def test_legend_chips_hide_and_show_a_tag_with_the_visible_filter(qtbot, window):
    reader, legend = window.reader, window.reader.legend
    pick_document(qtbot, window, 0)
    text = reader.document_text()
    words = [m for m in text.split()[:6] if len(m) > 3][:2]
    spans = []
    for needle, digit in zip(words, (Qt.Key.Key_1, Qt.Key.Key_2), strict=True):
        start = text.index(needle)
        drag_select(qtbot, window, start, start + len(needle))
        key(qtbot, reader, digit)
        spans.append((start, needle))
    qtbot.waitUntil(lambda: "claim 1" in legend.chip("claim").text() and "actor 1" in legend.chip("actor").text())
    (claim_at, _), (actor_at, _) = spans
    assert [a.tag for a in reader.annotations_at(claim_at)] == ["claim"]

    qtbot.mouseClick(legend.chip("claim"), Qt.MouseButton.LeftButton)  # hide claims
    assert not legend.chip("claim").isChecked()
    assert reader.annotations_at(claim_at) == []
    bars = [
        y
        for y in rows_under_line(reader, claim_at)
        if same_colour(
            grab(reader).pixelColor(caret_rect(reader, claim_at).left() + 30, y),
            colour_of(window_tags(window), "claim"),
            6,
        )
    ]
    assert bars == []  # not drawn
    viewport = reader.viewport()
    pos = caret_rect(reader, claim_at + 1).center()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    assert not QToolTip.isVisible() or "claim" not in QToolTip.text()

    # The annotating filter and the legend both apply: the filter hides actors, the legend claims.
    reader.set_visible_filter(lambda a: a.tag != "actor")
    assert reader.annotations_at(actor_at) == [] and reader.annotations_at(claim_at) == []
    legend.chip("claim").setFocus()
    qtbot.keyClick(legend.chip("claim"), Qt.Key.Key_Space)  # show claims again, by key
    assert legend.chip("claim").isChecked()
    assert [a.tag for a in reader.annotations_at(claim_at)] == ["claim"]
    assert reader.annotations_at(actor_at) == []
    reader.set_visible_filter(None)
    assert [a.tag for a in reader.annotations_at(actor_at)] == ["actor"]


def window_tags(window):
    from reader.app import ReaderApp

    return ReaderApp.of(window).session.tags


def test_new_tags_get_colour_blind_safe_colours_and_differ_by_more_than_colour():
    tags: list[Tag] = []
    for number in range(20):
        tags.append(Tag(name=f"tag {number}", colour=default_colour(tags), position=number))
    colours = [tag.colour for tag in tags]
    assert colours[: len(PALETTE)] == list(PALETTE)  # each palette colour once before any repeats
    assert set(colours) <= set(PALETTE)
    styles = tag_styles(tags)
    looks = {(styles[t.name].colour.name(), styles[t.name].pattern_name) for t in tags}
    assert len(looks) == len(tags)  # colour and bar pattern together tell every tag apart
    kept = [*tags[:3], *tags[4:10]]  # a colour freed by a deleted tag is used again first
    assert default_colour(kept) == tags[3].colour


def test_the_text_column_is_about_ninety_characters_wide_on_a_wide_pane(qtbot, tags=None):
    from reader.domain.tags import default_tags
    from reader.ui.reading.reader_view import ReaderView

    view = ReaderView()
    qtbot.addWidget(view)
    long_text = " ".join(TEXT.split()) * 6
    view.resize(1800, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(long_text, [word("Москва", "claim")], default_tags())

    def characters_per_line() -> int:
        layout = view.document().firstBlock().layout()
        return max(layout.lineAt(n).textLength() for n in range(layout.lineCount() - 1))

    assert 70 <= characters_per_line() <= 100
    margin = view.viewportMargins().left()
    assert margin > 300 and view.viewportMargins().right() == margin  # centred
    assert view.palette().color(QPalette.ColorRole.Base) == grab(view).pixelColor(5, 5)

    for _ in range(3):
        view.zoom_in()
    assert 70 <= characters_per_line() <= 100  # recomputed for the larger font
    assert view.viewportMargins().left() < margin

    view.resize(520, 600)  # narrow: the whole width
    qtbot.waitUntil(lambda: view.viewportMargins().left() == 0)
    assert characters_per_line() < 70
