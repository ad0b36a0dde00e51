"""Importing files into the open database: by drag and drop onto the document
list, and as the File menu does it. A file that cannot be read is skipped with
a one-line reason; the others arrive."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel
from windowkit import open_window

from reader.store import Store


def drop(widget, paths) -> QDropEvent:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    position = QPointF(widget.rect().center())
    enter = QDragEnterEvent(
        position.toPoint(), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        position, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)
    return event


def test_dropped_files_are_imported_and_a_binary_one_is_skipped_with_a_reason(qtbot, tmp_path):
    db = tmp_path / "project.sqlite"
    window = open_window(qtbot, db, tmp_path / "settings.ini")
    good = tmp_path / "new note.txt"
    good.write_text("A dropped document\r\nwith CRLF lines 🎉\r\n", encoding="utf-8")
    binary = tmp_path / "picture.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    event = drop(window.documents.view.viewport(), [good, binary])
    assert event.isAccepted()

    assert window.documents.model.rowCount() == 3
    assert "Imported 1 document(s)" in window.status_message.text()
    assert "picture.txt: binary file" in window.status_message.text()
    message = window.findChild(QLabel, "messageText")
    assert message is not None and "1 skipped" in message.text()
    message.window().accept()
    with Store.open(db, create=False) as store:
        (added,) = [d for d in store.documents() if d.name == "new note.txt"]
        assert store.document(added.id).text == "A dropped document\nwith CRLF lines 🎉\n"
    assert window.documents.model.summary(added.id).title == "A dropped document"


def test_importing_a_folder_twice_adds_nothing_the_second_time(tmp_path, window, parts):
    folder = tmp_path / "more"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.md").write_text("# Alpha\n\ntext", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("Beta", encoding="utf-8")
    (folder / "ignored.csv").write_text("x,y", encoding="utf-8")
    report = parts.library.import_paths([folder])
    assert (report.added, report.skipped) == (2, [])
    report = parts.library.import_paths([folder])
    assert (report.added, report.unchanged) == (0, 2)
    assert window.documents.model.rowCount() == 4
    assert "4 document(s)" in window.status_summary.text()


def test_a_drop_offered_as_a_move_is_taken_as_a_copy(qtbot, tmp_path, window):
    dropped = tmp_path / "moved.txt"
    dropped.write_text("A file dragged with Move proposed", encoding="utf-8")
    target = window.documents.view.viewport()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(dropped))])
    both = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    position = QPointF(target.rect().center())
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier  # Shift asks for a move
    enter = QDragEnterEvent(position.toPoint(), both, data, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted() and enter.dropAction() == Qt.DropAction.CopyAction
    event = QDropEvent(position, both, data, buttons, keys)
    assert event.proposedAction() == Qt.DropAction.MoveAction
    QApplication.sendEvent(target, event)
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.CopyAction
    assert dropped.exists()
    assert window.documents.model.rowCount() == 3
