"""Fault: Ctrl+Z in the window after another program changed the same annotation (imported
it again, deleted it). The database refuses the step: the window says why in one line, the
step leaves the undo stack, nothing is written, and the window shows what the database holds."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt
from reliability_support import run_cli
from windowkit import key, open_window

from reader.app import ReaderApp
from reader.store import Store

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def tag_first_word(qtbot, window, tag_key) -> str:
    view = window.reader
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_Home, CTRL)
    key(qtbot, view, Qt.Key.Key_Right, CTRL | SHIFT)
    key(qtbot, view, tag_key)
    return view.selected_annotation_id()


def stored(db, document_id: int) -> dict[str, str]:
    with Store.open(db, read_only=True) as store:
        return {a.id: a.tag for a in store.annotations(document_id)}


def test_undoing_a_delete_after_the_annotation_was_imported_again_elsewhere(qtbot, tmp_path):
    db = tmp_path / "project.sqlite"
    window = open_window(qtbot, db, tmp_path / "settings.ini")
    session = ReaderApp.of(window).session
    document = session.document.id
    tagged = tag_first_word(qtbot, window, Qt.Key.Key_1)
    export = tmp_path / "export.jsonl"
    assert run_cli("export", "--db", db, "--format", "jsonl", "-o", export).returncode == 0
    key(qtbot, window.reader, Qt.Key.Key_Delete)
    assert stored(db, document) == {}
    assert run_cli("import-annotations", export, "--db", db).returncode == 0  # another program brings it back

    key(qtbot, window.reader, Qt.Key.Key_Z, CTRL)  # would add it a second time

    message = window.status_message.text()
    assert "another program changed it" in message and "\n" not in message
    assert "Traceback" not in message
    assert session.undo_stack.count() == 1 and session.undo_stack.index() == 1  # only the tagging is left
    assert stored(db, document) == {tagged: "claim"}
    assert window.annotation_panel.model.by_id(tagged) is not None  # shown as the database holds it


def test_undoing_a_retag_after_another_program_deleted_the_annotation(qtbot, tmp_path):
    db = tmp_path / "project.sqlite"
    window = open_window(qtbot, db, tmp_path / "settings.ini")
    session = ReaderApp.of(window).session
    document = session.document.id
    tagged = tag_first_word(qtbot, window, Qt.Key.Key_1)
    key(qtbot, window.reader, Qt.Key.Key_2)  # retag the selected highlight: actor
    deleting = (
        "import sys; from reader.store import Store\n"
        "with Store.open(sys.argv[1]) as store: store.delete_annotation(sys.argv[2])"
    )
    subprocess.run([sys.executable, "-c", deleting, str(db), tagged], check=True, timeout=60)

    key(qtbot, window.reader, Qt.Key.Key_Z, CTRL)  # would turn it back into a claim

    assert f"no annotation with id {tagged}" in window.status_message.text()
    assert stored(db, document) == {}
    assert window.annotation_panel.model.by_id(tagged) is None
    assert window.reader.selected_annotation_id() is None
    assert session.undo_stack.index() == session.undo_stack.count() == 1
