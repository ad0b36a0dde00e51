"""Tags beyond renaming: Edit Tags deletes a tag (one in use only by moving its annotations
to another tag), each an undoable step; the tag bar keeps its label through every rebuild;
the right-click Tag as menu marks the selected highlight's tag; F1 names Undo plainly."""

from __future__ import annotations

import shutil
from dataclasses import asdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QTextBrowser
from reviewkit import annotate, make_documents, open_as, reactivate, stored
from windowkit import key, middle_of, shortcut

from reader.app import ReaderApp
from reader.domain.tags import Tag
from reader.store import Store
from reader.ui.annotating.tag_editor import TagEditor

CTRL = Qt.KeyboardModifier.ControlModifier
LABEL = "Tag the selection:"


def label_shown(window) -> bool:
    """The tag bar's label is there and on screen, left of the first tag button."""
    labels = [label for label in window.tag_bar.findChildren(QLabel) if label.text() == LABEL]
    return len(labels) == 1 and labels[0].isVisible() and labels[0].geometry().intersects(window.tag_bar.rect())


def open_editor(qtbot, window) -> TagEditor:
    ReaderApp.of(window).actions["EditTags"].trigger()
    editor = window.findChild(TagEditor)
    qtbot.waitExposed(editor)
    return editor


def click_tag(qtbot, editor: TagEditor, name: str) -> None:
    (row,) = [r for r in range(editor.list.count()) if editor.list.item(r).data(Qt.ItemDataRole.UserRole) == name]
    rect = editor.list.visualItemRect(editor.list.item(row))
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def close_editor(qtbot, window, editor: TagEditor) -> None:
    key(qtbot, editor.list, Qt.Key.Key_Escape)
    reactivate(qtbot, window)


def tag_names(db) -> list[str]:
    with Store.open(db, create=False, read_only=True) as store:
        return [t.name for t in store.tags()]


def test_delete_a_tag_or_move_its_annotations_first_and_undo_both(qtbot, tmp_path):
    db = tmp_path / "team.sqlite"
    make_documents(db)
    dated = annotate(db, "a-first.txt", "Monday", "date", annotator="alice")
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    actions = ReaderApp.of(window).actions
    assert label_shown(window)

    # A tag nothing carries goes at once.
    editor = open_editor(qtbot, window)
    click_tag(qtbot, editor, "actor")
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert tag_names(db) == ["claim", "date"]
    assert "actionTag_actor" not in {a.objectName() for a in actions.tag_actions}
    assert label_shown(window)

    # One in use is refused with its reason, and the editor offers the tags to move its annotations to.
    click_tag(qtbot, editor, "date")
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert editor.problem.text().startswith("Tag date is used by 1 annotation(s)")
    assert tag_names(db) == ["claim", "date"] and stored(db)[dated.id] == dated
    assert editor.retag_box.isVisible()
    assert [editor.retag_box.itemText(i) for i in range(editor.retag_box.count())] == ["claim"]
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert tag_names(db) == ["claim"]
    assert stored(db)[dated.id].tag == "claim"
    assert window.annotation_panel.model.by_id(dated.id).tag == "claim"
    assert window.reader.annotations_at(dated.start)[0].tag == "claim"
    assert "moved to claim" in window.status_message.text()
    assert label_shown(window)

    # Undo brings the tag back and the annotation on it, exactly as it was; then the other tag.
    close_editor(qtbot, window, editor)
    shortcut(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert tag_names(db) == ["claim", "date"]
    assert asdict(stored(db)[dated.id]) == asdict(dated)
    assert window.annotation_panel.model.by_id(dated.id).tag == "date"
    shortcut(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert tag_names(db) == ["claim", "actor", "date"]
    assert actions["Tag_actor"].shortcut().toString() == "2"
    assert label_shown(window)
    shortcut(qtbot, window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # redo: actor gone again
    assert tag_names(db) == ["claim", "date"]


def test_the_tag_bar_keeps_its_label_through_edits_undo_and_a_merge(qtbot, tmp_path, monkeypatch):
    mine, theirs = tmp_path / "mine.sqlite", tmp_path / "theirs.sqlite"
    make_documents(mine)
    shutil.copyfile(mine, theirs)
    with Store.open(theirs) as store:
        store.save_tag(Tag("place", "#228833", key="4", position=5))
    window = open_as(qtbot, mine, tmp_path / "settings.ini")
    assert label_shown(window)

    editor = open_editor(qtbot, window)
    click_tag(qtbot, editor, "claim")
    editor.name_box.setFocus()
    editor.name_box.selectAll()
    qtbot.keyClicks(editor.name_box, "assertion")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert tag_names(mine)[0] == "assertion"
    assert label_shown(window)
    close_editor(qtbot, window, editor)
    shortcut(qtbot, window, Qt.Key.Key_Z, CTRL)  # the rename, undone
    assert tag_names(mine)[0] == "claim"
    assert label_shown(window)

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *args, **kwargs: ([str(theirs)], "")))
    ReaderApp.of(window).actions["Merge"].trigger()
    window.findChild(QDialog, "mergeReport").accept()
    reactivate(qtbot, window)
    assert "place" in tag_names(mine)
    assert label_shown(window)


# A popup menu asks the offscreen platform to raise it and grab the keyboard, which it cannot.
@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|grabbing the keyboard)")
def test_the_tag_as_menu_checks_the_selected_highlights_tag(qtbot, tmp_path, review_db):
    db, spans = review_db
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    view = window.reader
    view.setFocus()

    def tag_as_menu(code_point: int):
        position = middle_of(window, code_point)
        QApplication.sendEvent(
            view.viewport(),
            QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position, view.viewport().mapToGlobal(position)),
        )
        qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
        menu = QApplication.activePopupWidget()
        return menu, next(a.menu() for a in menu.actions() if a.menu() is not None)

    def checked(tag_menu) -> list[str]:
        return [a.text().split("\t")[0] for a in tag_menu.actions() if a.isChecked()]

    menu, tag_menu = tag_as_menu(spans["alpha"].start + 1)  # on "Alpha", an actor
    assert view.selected_annotation_id() == spans["alpha"].id
    assert all(a.isCheckable() for a in tag_menu.actions())
    assert [a.text() for a in tag_menu.actions()] == ["claim\t1", "actor\t2", "date\t3"]
    assert checked(tag_menu) == ["actor"]
    tag_menu.actions()[2].trigger()  # retag as date
    menu.close()
    assert stored(db)[spans["alpha"].id].tag == "date"

    menu, tag_menu = tag_as_menu(spans["alpha"].start + 1)
    assert checked(tag_menu) == ["date"]
    menu.close()
    key(qtbot, view, Qt.Key.Key_Escape)
    view.set_selection_code_points(20, 24)  # plain text: no highlight, no mark
    menu, tag_menu = tag_as_menu(21)
    assert checked(tag_menu) == []
    menu.close()
    # The tag bar's buttons (the shared tag actions) stay plain buttons.
    assert not any(a.isCheckable() for a in ReaderApp.of(window).actions.tag_actions)


def test_f1_names_undo_and_redo_plainly_whatever_the_stack_holds(qtbot, tmp_path, review_db):
    db, spans = review_db
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    view = window.reader
    view.setFocus()
    view.set_selection_code_points(spans["monday"].end + 4, spans["monday"].end + 9)  # "Delta"
    key(qtbot, view, Qt.Key.Key_1)
    key(qtbot, view, Qt.Key.Key_2)  # retag: something to undo
    key(qtbot, view, Qt.Key.Key_Z, CTRL)  # and something to redo
    actions = ReaderApp.of(window).actions
    assert actions["Undo"].text().startswith("&Undo Tag") and actions["Redo"].text().startswith("&Redo Retag")

    key(qtbot, view, Qt.Key.Key_F1)
    dialog = window.findChild(QDialog, "shortcutsDialog")
    listed = dialog.findChild(QTextBrowser).toPlainText()
    assert "Undo Tag" not in listed and "Redo Retag" not in listed
    rows = [(name, keys) for _, name, keys in actions.shortcut_rows()]
    assert ("Undo", "Ctrl+Z") in rows and ("Redo", "Ctrl+Shift+Z, Ctrl+Y") in rows
    dialog.reject()
