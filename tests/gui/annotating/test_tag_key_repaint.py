"""What a tag key press repaints in the real window: the lines of the new highlight's paragraph,
not the whole reader pane, and the annotation panel keeps its layout as the selection comes and
goes (the link hint under it keeps its line)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from windowkit import click_text, drag_select, key, pick_document

from reader.store import Store

PHRASE = "Москва официально не обращалась за помощью"  # in the first seed


class _PaintedAreas(QObject):
    """Every area a widget is asked to paint while it is watched."""

    def __init__(self, widget):
        super().__init__()
        self.areas: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.areas.append(event.rect())
        return False


def _stored_texts(db) -> list[str]:
    with Store.open(db, create=False, read_only=True) as store:
        return [a.text for d in store.documents() for a in store.annotations(d.id)]


def test_a_tag_key_repaints_the_paragraph_of_its_span_and_not_the_whole_pane(qtbot, window, tmp_path):
    pick_document(qtbot, window, 0)
    view = window.reader
    start = view.document_text().index(PHRASE)
    drag_select(qtbot, window, start, start + len(PHRASE))
    qtbot.wait(50)  # the selection's own repaints are done
    watch = _PaintedAreas(view.viewport())

    key(qtbot, view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: bool(watch.areas))
    qtbot.wait(50)  # and whatever the turns after the press repaint

    assert PHRASE in _stored_texts(tmp_path / "project.sqlite")
    painted = QRect()
    for area in watch.areas:
        painted = painted.united(area)
    span = view.span_rects(start, start + len(PHRASE))
    assert span and all(painted.contains(rect) for rect in span)
    assert painted.height() < view.viewport().height() / 2, (painted, view.viewport().rect())


def test_the_annotation_panel_keeps_its_layout_as_a_highlight_is_selected_and_let_go(qtbot, window):
    pick_document(qtbot, window, 0)
    view, table = window.reader, window.annotation_panel.view
    start = view.document_text().index(PHRASE)
    drag_select(qtbot, window, start, start + len(PHRASE))
    key(qtbot, view, Qt.Key.Key_1)  # tagged and selected: the link hint shows
    hint = window.link_list.hint
    assert hint.isVisible() and hint.toolTip() == hint.text()  # cut with "…" if need be, whole in its tooltip
    assert hint.geometry().right() <= window.link_list.contentsRect().right()
    selected = table.geometry()

    click_text(qtbot, window, start + len(PHRASE) + 20)  # away from it: no hint
    qtbot.waitUntil(lambda: view.selected_annotation_id() is None)
    qtbot.wait(20)

    assert not hint.isVisible()
    assert table.geometry() == selected
