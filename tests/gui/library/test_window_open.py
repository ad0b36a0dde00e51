"""File ▸ Open Database and Open Corpus Folder switch the window to another
project; a file that is not a Reader database is refused and the open one stays."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from windowkit import key, open_window, pick_document

from reader.app import ReaderApp
from reader.paths import corpus_database
from reader.store import Store


def test_switching_databases_shows_the_other_project_and_clears_undo(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    first = tmp_path / "first.sqlite"
    window = open_window(qtbot, first, tmp_path / "settings.ini")
    pick_document(qtbot, window, 0)
    window.reader.set_selection_code_points(0, 4)
    key(qtbot, window.reader, Qt.Key.Key_1)
    assert ReaderApp.of(window).session.undo_stack.canUndo()

    corpus = tmp_path / "letters"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Dear friend,\nthe first letter.", encoding="utf-8")
    assert ReaderApp.of(window).library.open_database(corpus_database(corpus), corpus=corpus)
    assert ReaderApp.of(window).session.store.path == corpus_database(corpus)
    assert window.documents.model.rowCount() == 1
    assert ReaderApp.of(window).session.document.name == "one.txt"
    assert not ReaderApp.of(window).session.undo_stack.canUndo()
    assert str(corpus_database(corpus)) in window.status_summary.text()
    assert window.annotation_panel.model.rowCount() == 0

    # Back to the first: its annotation and its last document are there.
    assert ReaderApp.of(window).library.open_database(first)
    assert window.documents.model.total_annotations() == 1
    assert window.annotation_panel.model.rowCount() == 1


def test_a_file_that_is_not_a_database_is_refused_and_the_open_one_stays(qtbot, tmp_path):
    db = tmp_path / "project.sqlite"
    window = open_window(qtbot, db, tmp_path / "settings.ini")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database", encoding="utf-8")
    assert not ReaderApp.of(window).library.open_database(notes)
    assert notes.read_text(encoding="utf-8") == "not a database"
    assert "not a Reader database" in window.status_message.text()
    message = window.findChild(QLabel, "messageText")
    assert message is not None and "not a Reader database" in message.text()
    message.window().accept()
    assert ReaderApp.of(window).session.store.path == db
    pick_document(qtbot, window, 0)
    window.reader.set_selection_code_points(0, 4)
    key(qtbot, window.reader, Qt.Key.Key_2)
    with Store.open(db, create=False) as store:
        assert store.counts()["annotations"] == 1
