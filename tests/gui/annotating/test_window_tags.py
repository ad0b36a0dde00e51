"""The tag editor: rename, recolour and rebind a key; the annotations follow the
rename, the tag actions and the tag bar are rebuilt, and Ctrl+Z undoes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from windowkit import key, open_window, pick_document

from reader.app import ReaderApp
from reader.store import Store
from reader.ui.annotating.tag_editor import TagEditor

CTRL = Qt.KeyboardModifier.ControlModifier


def retype(qtbot, box, text):
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)


def test_rename_recolour_and_rebind_through_the_editor(qtbot, tmp_path):
    db = tmp_path / "project.sqlite"
    window = open_window(qtbot, db, tmp_path / "settings.ini")
    pick_document(qtbot, window, 0)
    view = window.reader
    view.set_selection_code_points(0, 5)
    key(qtbot, view, Qt.Key.Key_1)
    (annotation,) = window.annotation_panel.model.annotations()

    ReaderApp.of(window).actions["EditTags"].trigger()
    editor = window.findChild(TagEditor)
    qtbot.waitExposed(editor)
    item = editor.list.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == "claim"
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=editor.list.visualItemRect(item).center())
    retype(qtbot, editor.name_box, "assertion")
    retype(qtbot, editor.key_box, "7")
    retype(qtbot, editor.colour_box, "#123456")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.problem.text() == ""

    with Store.open(db, create=False) as store:
        tags = {t.name: t for t in store.tags()}
        assert store.annotation(annotation.id).tag == "assertion"
    assert "claim" not in tags and (tags["assertion"].key, tags["assertion"].colour) == ("7", "#123456")
    actions = ReaderApp.of(window).actions
    assert window.findChild(type(actions["Tag_assertion"]), "actionTag_assertion") is actions["Tag_assertion"]
    assert actions["Tag_assertion"].shortcut().toString() == "7"
    assert "actionTag_claim" not in {a.objectName() for a in window.actions()}
    on_bar = [a.text() for a in window.tag_bar.actions() if isinstance(window.tag_bar.widgetForAction(a), QToolButton)]
    assert on_bar == ["assertion", "actor", "date", "Edit &Tags…"]
    assert window.annotation_panel.model.annotation(0).tag == "assertion"
    assert view.annotations_at(0)[0].tag == "assertion"

    # A key that another tag has is refused with its reason, and nothing changes.
    qtbot.mouseClick(
        editor.list.viewport(), Qt.MouseButton.LeftButton, pos=editor.list.visualItemRect(editor.list.item(1)).center()
    )
    retype(qtbot, editor.key_box, "7")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "already belongs" in editor.problem.text()

    editor.reject()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view.setFocus()
    view.set_selection_code_points(10, 14)
    key(qtbot, view, Qt.Key.Key_7)
    assert {a.tag for a in window.annotation_panel.model.annotations()} == {"assertion"}
    key(qtbot, view, Qt.Key.Key_Z, CTRL)  # the second annotation
    key(qtbot, view, Qt.Key.Key_Z, CTRL)  # the rename
    with Store.open(db, create=False) as store:
        assert store.annotation(annotation.id).tag == "claim"
    assert "actionTag_claim" in {a.objectName() for a in window.actions()}


def test_a_new_tag_gets_an_action_and_a_free_key(qtbot, window, parts):
    parts.actions["EditTags"].trigger()
    editor = window.findChild(TagEditor)
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    assert editor.key_box.text() == "4"
    retype(qtbot, editor.name_box, "place")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert parts.actions["Tag_place"].shortcut().toString() == "4"
    assert [editor.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(editor.list.count())][-1] == "place"
    retype(qtbot, editor.name_box, "x" * 70)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "must be" in editor.problem.text()
