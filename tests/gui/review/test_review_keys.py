"""An editor's review driven by real key presses: review mode, A accept, R reject, N / P
from one pending annotation to the next across documents, Shift+N review note, undo
and redo. The database file itself is read back after each step."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit
from reviewkit import open_as, reactivate, stored
from windowkit import key, shortcut

from reader.app import ReaderApp

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def document_name(window) -> str:
    return ReaderApp.of(window).session.document.name


def selected(window) -> str | None:
    return window.reader.selected_annotation_id()


def moment(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def test_review_keys_accept_reject_and_walk_across_documents(qtbot, tmp_path, review_db):
    db, spans = review_db
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    assert document_name(window) == "a-first.txt"
    view = window.reader
    assert not ReaderApp.of(window).actions["Accept"].isEnabled()  # outside review mode

    shortcut(qtbot, window, Qt.Key.Key_R, CTRL)
    assert ReaderApp.of(window).actions["ReviewMode"].isChecked()
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_N)
    assert selected(window) == spans["alpha"].id

    key(qtbot, view, Qt.Key.Key_A)
    after = stored(db)
    assert (after[spans["alpha"].id].status, after[spans["alpha"].id].reviewer) == ("accepted", "editor")
    assert moment(after[spans["alpha"].id].updated_at) > moment(spans["alpha"].updated_at)
    assert selected(window) == spans["charlie"].id  # on to the next pending one

    key(qtbot, view, Qt.Key.Key_R)
    after = stored(db)
    assert (after[spans["charlie"].id].status, after[spans["charlie"].id].reviewer) == ("rejected", "editor")
    assert len(after) == len(spans)  # rejected, never deleted
    assert selected(window) == spans["monday"].id

    # N past the last pending one here: b-second has none pending, c-third opens at its first.
    key(qtbot, view, Qt.Key.Key_N)
    assert document_name(window) == "c-third.txt" and selected(window) == spans["foxtrot"].id
    assert view.selected_annotation_id() == spans["foxtrot"].id
    key(qtbot, view, Qt.Key.Key_N)
    assert selected(window) == spans["tuesday"].id
    key(qtbot, view, Qt.Key.Key_N)  # round to the top of the list
    assert document_name(window) == "a-first.txt" and selected(window) == spans["monday"].id
    key(qtbot, view, Qt.Key.Key_P)  # nothing pending before it here: back to c-third's last
    assert document_name(window) == "c-third.txt" and selected(window) == spans["tuesday"].id

    # Undo goes back into a-first and restores the rows exactly; redo decides again.
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert document_name(window) == "a-first.txt"
    assert asdict(stored(db)[spans["charlie"].id]) == asdict(spans["charlie"])
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert asdict(stored(db)[spans["alpha"].id]) == asdict(spans["alpha"])
    assert window.annotation_panel.model.by_id(spans["alpha"].id).status == "pending"
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored(db)[spans["alpha"].id].status == "accepted"


def test_review_keys_stay_quiet_while_typing_and_outside_review_mode(qtbot, tmp_path, review_db):
    db, spans = review_db
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    ReaderApp.of(window).actions["ReviewMode"].trigger()
    before = stored(db)
    window.reader.select_annotation(spans["alpha"].id)  # what A or R would decide on

    key(qtbot, window.reader, Qt.Key.Key_L, CTRL)  # the document filter box
    box = QApplication.focusWidget()
    assert box is window.documents.filter_box
    qtbot.keyClicks(box, "arnp")
    assert box.text() == "arnp" and stored(db) == before
    box.clear()

    key(qtbot, window.reader, Qt.Key.Key_F, CTRL | SHIFT)  # the corpus search box
    qtbot.keyClicks(QApplication.focusWidget(), "pan")
    assert window.corpus_search.box.text() == "pan" and stored(db) == before

    assert selected(window) == spans["alpha"].id
    for combo in (window.annotation_panel.filter_bar.tag_box, window.annotation_panel.filter_bar.status_box):
        combo.setFocus()
        key(qtbot, combo, Qt.Key.Key_A)  # picks "actor" / "accepted" in the box, as typing in any combo box does
        assert stored(db) == before
    assert window.annotation_panel.filter_bar.choice()[:2] == ("actor", "accepted")
    window.annotation_panel.filter_bar.select()  # every annotation shown again

    view = window.reader
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_N)
    assert selected(window) == spans["alpha"].id
    key(qtbot, view, Qt.Key.Key_E, CTRL)  # the annotation's note, in the note editor
    editor = QApplication.focusWidget()
    assert isinstance(editor, QPlainTextEdit)
    qtbot.keyClicks(editor, "A R N P")
    key(qtbot, editor, Qt.Key.Key_Return, CTRL)
    note = stored(db)[spans["alpha"].id]
    assert (note.note, note.status) == ("A R N P", "pending")

    # Shift+N: the reviewer's note, in a dialog; its typing fires nothing either.
    view.setFocus()
    view.select_annotation(spans["alpha"].id)
    key(qtbot, view, Qt.Key.Key_N, SHIFT)
    dialog = window.findChild(QDialog, "reviewNoteDialog")
    assert dialog is not None and dialog.isVisible()
    box = dialog.findChild(QPlainTextEdit, "noteText")
    qtbot.keyClicks(box, "Retag as date? ARNP")
    key(qtbot, box, Qt.Key.Key_Return, CTRL)
    reactivate(qtbot, window)
    noted = stored(db)[spans["alpha"].id]
    assert (noted.review_note, noted.reviewer, noted.status) == ("Retag as date? ARNP", "editor", "pending")
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert stored(db)[spans["alpha"].id].review_note == ""

    # Review mode off: the letters are inert.
    key(qtbot, view, Qt.Key.Key_R, CTRL)
    assert not ReaderApp.of(window).actions["ReviewMode"].isChecked()
    view.setFocus()
    view.select_annotation(spans["alpha"].id)
    for letter in (Qt.Key.Key_A, Qt.Key.Key_R):
        key(qtbot, view, letter)
    assert stored(db)[spans["alpha"].id].status == "pending"
    assert selected(window) == spans["alpha"].id
