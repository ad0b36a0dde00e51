"""The user's name: the login name until changed in Edit ▸ Preferences (Ctrl+,), shown
in the status bar, stored on new annotations and on reviews, remembered between runs.
A tag key that a review key already has is never bound to the tag."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit
from reviewkit import make_documents, open_as, reactivate, stored
from windowkit import key, type_text

from reader.app import ReaderApp
from reader.domain.tags import Tag
from reader.identity import default_annotator
from reader.store import Store
from reader.ui.shell.settings import ANNOTATOR, WindowSettings

CTRL = Qt.KeyboardModifier.ControlModifier


def open_preferences(qtbot, window) -> QDialog:
    key(qtbot, window.reader, Qt.Key.Key_Comma, CTRL)
    dialog = window.findChild(QDialog, "preferencesDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_name_is_set_once_shown_and_stored(qtbot, tmp_path):
    db, settings = tmp_path / "mine.sqlite", tmp_path / "settings.ini"
    make_documents(db)
    window = open_as(qtbot, db, settings, annotator=None)
    assert window.status_identity.text() == f"Annotator: {default_annotator()}"

    dialog = open_preferences(qtbot, window)
    box = dialog.findChild(QLineEdit, "annotatorName")
    assert box.text() == default_annotator() and QApplication.focusWidget() is box
    box.clear()
    key(qtbot, box, Qt.Key.Key_Return)  # an empty name is refused, the dialog stays
    assert dialog.isVisible() and dialog.findChild(QLabel, "preferencesProblem").text()
    type_text(box, "Zoë Редактор")
    key(qtbot, box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "preferencesDialog") is None)
    reactivate(qtbot, window)
    assert window.status_identity.text() == "Annotator: Zoë Редактор"
    assert WindowSettings(settings).get(ANNOTATOR) == "Zoë Редактор"

    view = window.reader
    view.setFocus()
    view.set_selection_code_points(0, 5)
    key(qtbot, view, Qt.Key.Key_1)
    (tagged,) = stored(db).values()
    assert (tagged.text, tagged.annotator) == ("Alpha", "Zoë Редактор")
    key(qtbot, view, Qt.Key.Key_R, CTRL)
    key(qtbot, view, Qt.Key.Key_A)
    assert (stored(db)[tagged.id].status, stored(db)[tagged.id].reviewer) == ("accepted", "Zoë Редактор")

    # Cancel leaves the name as it was.
    dialog = open_preferences(qtbot, window)
    type_text(dialog.findChild(QLineEdit, "annotatorName"), "someone else")
    key(qtbot, dialog.findChild(QLineEdit, "annotatorName"), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "preferencesDialog") is None)
    reactivate(qtbot, window)
    assert window.status_identity.text() == "Annotator: Zoë Редактор"
    window.close()

    again = open_as(qtbot, db, settings, annotator=None)
    assert again.status_identity.text() == "Annotator: Zoë Редактор"


def test_a_tag_key_that_a_review_key_has_stays_unbound(qtbot, tmp_path):
    db = tmp_path / "theirs.sqlite"
    make_documents(db)
    with Store.open(db) as store:  # as a merge from an older database could bring in
        store.save_tag(Tag("aside", "#336699", key="a", position=9))
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    actions = ReaderApp.of(window).actions
    assert actions["Tag_aside"].shortcuts() == []
    assert "aside" in window.status_message.text() and "Accept" in window.status_message.text()

    ReaderApp.of(window).tags.edit_tags()
    editor = ReaderApp.of(window).tags.tag_editor
    editor.list.setCurrentRow(0)
    editor.key_box.setText("r")
    editor.save()
    assert "Reject" in editor.problem.text()
    assert next(t for t in ReaderApp.of(window).session.store.tags() if t.name == "claim").key == "1"
    editor.reject()
