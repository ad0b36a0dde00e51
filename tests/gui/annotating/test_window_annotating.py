"""An annotator's session driven by real key presses and mouse clicks: pick a
document, select by keyboard and by mouse, tag, retag, note, overlap, delete,
move an edge, undo and redo. After every step the database itself is checked."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from windowkit import click_text, drag_select, key, middle_of, pick_document, shortcut

from reader.store import Store

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)


def stored(db_path):
    with Store.open(db_path, create=False) as store:
        return {a.id: a for d in store.documents() for a in store.annotations(d.id)}


def test_picking_a_document_gives_the_reader_the_focus(qtbot, window, parts):
    window.documents.view.setFocus()
    pick_document(qtbot, window, 1)
    second = window.documents.model.index(1, 1).data()
    assert parts.session.document.title == second
    assert window.reader.document_text() == parts.session.document.text
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader)
    assert window.reader.caret_code_point() == 0


def test_a_whole_session_lands_in_the_database(qtbot, window, tmp_path):
    db = tmp_path / "project.sqlite"
    pick_document(qtbot, window, 0)
    view = window.reader
    text = view.document_text()
    first_word_end = text.index(" ")
    second_word_end = text.index(" ", first_word_end + 1)

    # Keyboard: two words with Ctrl+Shift+Right (the trailing space is trimmed), then "1".
    key(qtbot, view, Qt.Key.Key_Home, CTRL)
    key(qtbot, view, Qt.Key.Key_Right, CTRL | SHIFT, times=2)
    key(qtbot, view, Qt.Key.Key_1)
    (first,) = stored(db).values()
    assert (first.start, first.end, first.tag) == (0, second_word_end, "claim")
    assert first.text == text[first.start : first.end]
    assert view.selected_annotation_id() == first.id

    # Retag the selected highlight with another key.
    key(qtbot, view, Qt.Key.Key_2)
    assert stored(db)[first.id].tag == "actor"

    # A note, typed into the note editor after Ctrl+E and saved with Ctrl+Enter; the focus comes back to the text.
    key(qtbot, view, Qt.Key.Key_E, CTRL)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QPlainTextEdit)
    qtbot.keyClicks(editor, "check the source")
    key(qtbot, editor, Qt.Key.Key_Return, CTRL)
    assert stored(db)[first.id].note == "check the source"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)

    # Mouse: drag from inside the second word to the end of the third; it snaps to whole words and overlaps.
    third_word_end = text.index(" ", second_word_end + 1)
    drag_select(qtbot, window, first_word_end + 2, third_word_end)
    assert view.selection_code_points() == (first_word_end + 2, third_word_end)
    key(qtbot, view, Qt.Key.Key_3)
    annotations = stored(db)
    assert len(annotations) == 2
    (second,) = [a for a in annotations.values() if a.id != first.id]
    assert (second.start, second.end, second.tag) == (first_word_end + 1, third_word_end, "date")
    assert second.overlaps(first.start, first.end)
    assert window.annotation_panel.model.rowCount() == 2
    assert {a.id for a in view.annotations_at(first_word_end + 1)} == {first.id, second.id}

    # Click where only the second span is, delete it with the Delete key.
    click_text(qtbot, window, third_word_end - 1)
    assert view.selected_annotation_id() == second.id
    key(qtbot, view, Qt.Key.Key_Delete)
    assert set(stored(db)) == {first.id}
    assert window.annotation_panel.model.rowCount() == 1

    # Undo brings back the very same row; redo deletes it again; Ctrl+Y redoes too.
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert stored(db)[second.id] == second
    assert view.annotations_at(third_word_end - 1)[0].id == second.id
    key(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert set(stored(db)) == {first.id}
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert set(stored(db)) == {first.id, second.id}
    key(qtbot, view, Qt.Key.Key_Y, CTRL)
    assert set(stored(db)) == {first.id}
    assert window.documents.model.summary(first.document_id).annotation_count == 1

    # Undo all the way back: the note, the retag, the annotation itself.
    before_note = stored(db)[first.id]
    key(qtbot, view, Qt.Key.Key_Z, CTRL)  # the delete
    key(qtbot, view, Qt.Key.Key_Z, CTRL)  # the second annotation
    key(qtbot, view, Qt.Key.Key_Z, CTRL)  # the note
    assert stored(db)[first.id].note == "" and stored(db)[first.id].tag == "actor"
    assert stored(db)[first.id].updated_at != before_note.updated_at
    key(qtbot, view, Qt.Key.Key_Z, CTRL)  # the retag
    assert asdict(stored(db)[first.id]) == asdict(first)
    key(qtbot, view, Qt.Key.Key_Z, CTRL)  # the annotation
    assert stored(db) == {}
    assert window.documents.model.summary(first.document_id).annotation_count == 0


def test_edges_move_with_shift_arrows_and_undo_as_one_step(qtbot, window, tmp_path, parts):
    db = tmp_path / "project.sqlite"
    pick_document(qtbot, window, 0)
    view = window.reader
    text = view.document_text()
    view.set_selection_code_points(0, text.index(" "))
    shortcut(qtbot, window, Qt.Key.Key_1)
    (original,) = stored(db).values()

    key(qtbot, view, Qt.Key.Key_Right, SHIFT, times=3)  # the end moves right by three
    key(qtbot, view, Qt.Key.Key_Right, SHIFT | ALT)  # the start moves right by one
    (moved,) = stored(db).values()
    assert (moved.start, moved.end) == (original.start + 1, original.end + 3)
    assert moved.text == text[moved.start : moved.end]
    assert moved.id == original.id

    # Ten more presses at the edge of the text cannot push the start before 0.
    key(qtbot, view, Qt.Key.Key_Left, SHIFT | ALT, times=10)
    assert stored(db)[original.id].start == 0

    # The end moves were merged; undo walks back through the start moves and the end moves.
    while parts.session.undo_stack.canUndo() and parts.session.undo_stack.index() > 1:
        key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert stored(db)[original.id] == original


def test_tag_bar_and_right_click_menu_tag_the_selection(qtbot, window, tmp_path, parts):
    db = tmp_path / "project.sqlite"
    pick_document(qtbot, window, 0)
    view = window.reader
    view.set_selection_code_points(0, 3)  # inside the first word: snaps to all of it
    button = window.tag_bar.widgetForAction(parts.actions["Tag_date"])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    (annotation,) = stored(db).values()
    assert annotation.tag == "date" and annotation.end == view.document_text().index(" ")

    # "Exact characters" keeps the selection as it is.
    parts.actions["ExactCharacters"].setChecked(True)
    view.set_selection_code_points(1, 3)
    key(qtbot, view, Qt.Key.Key_2)
    assert sorted((a.start, a.end) for a in stored(db).values()) == [(0, annotation.end), (1, 3)]


def test_a_read_only_database_refuses_with_a_message_and_no_crash(qtbot, window, tmp_path, parts):
    db = tmp_path / "project.sqlite"
    writable = parts.session.store
    parts.library.load(Store.open(db, read_only=True))
    writable.close()
    assert "read-only" in window.status_summary.text()
    pick_document(qtbot, window, 0)
    view = window.reader
    view.set_selection_code_points(0, 5)
    key(qtbot, view, Qt.Key.Key_1)
    assert "read-only" in window.status_message.text()
    assert window.status_message.property("problem") is True
    assert stored(db) == {}
    assert not parts.session.undo_stack.canUndo()
    assert window.annotation_panel.model.rowCount() == 0


# A popup menu asks the offscreen platform to raise it and grab the keyboard, which it cannot.
@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|grabbing the keyboard)")
def test_the_panel_and_f8_select_highlights_and_right_click_offers_the_tags(qtbot, window, tmp_path):
    pick_document(qtbot, window, 0)
    view = window.reader
    text = view.document_text()
    late = text.rindex(" ", 0, len(text) - 5)
    for start, end in ((0, 3), (late - 20, late - 15), (late + 1, late + 4)):
        view.set_selection_code_points(start, end)
        key(qtbot, view, Qt.Key.Key_1)
    ids = [a.id for a in window.annotation_panel.model.annotations()]
    view.set_caret_code_point(0)
    view.scroll_to_code_point(0)

    # A click on the last row of the panel selects that highlight and scrolls the text to it.
    table = window.annotation_panel.view
    last = table.model().index(2, 1)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(last).center())
    assert view.selected_annotation_id() == ids[2]
    assert view.first_visible_code_point() > 0

    view.setFocus()
    key(qtbot, view, Qt.Key.Key_F8)
    assert view.selected_annotation_id() == ids[0]  # wraps around
    key(qtbot, view, Qt.Key.Key_F8)
    assert view.selected_annotation_id() == ids[1]
    assert table.currentIndex().row() == 1
    key(qtbot, view, Qt.Key.Key_F8, SHIFT)
    assert view.selected_annotation_id() == ids[0]

    # Right-click on a highlight: it becomes the selected one and the menu holds the tag actions.
    view.scroll_to_code_point(0)
    key(qtbot, view, Qt.Key.Key_Escape)
    assert view.selected_annotation_id() is None

    # What the platform sends on a right click (QTest's mouse events do not make one).
    position = middle_of(window, 1)
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position, view.viewport().mapToGlobal(position)),
    )
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    menu = QApplication.activePopupWidget()
    assert view.selected_annotation_id() == ids[0]
    entries = [a.objectName() for a in menu.actions()]
    assert "actionDeleteAnnotation" in entries and "actionEditNote" in entries
    tag_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert [a.objectName() for a in tag_menu.actions()] == ["tagAs_claim", "tagAs_actor", "tagAs_date"]
    tag_menu.actions()[2].trigger()
    menu.close()
    assert window.annotation_panel.model.by_id(ids[0]).tag == "date"
