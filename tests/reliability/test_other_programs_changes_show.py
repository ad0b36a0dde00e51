"""Fault: another program writes to the database just before the window does. The window
shows that write all the same: its own commit never makes it forget that the database
changed elsewhere since it last looked (SQLite's data_version, polled once a second)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from reliability_support import run_cli
from windowkit import key, open_window

from reader.app import ReaderApp

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_a_command_line_annotation_made_just_before_a_tag_in_the_window_shows_in_it(qtbot, tmp_path):
    db = tmp_path / "project.sqlite"
    window = open_window(qtbot, db, tmp_path / "settings.ini")
    parts = ReaderApp.of(window)
    document = parts.session.document
    panel = window.annotation_panel.model
    parts.library.look_for_changes()  # the window has seen the database as it is now
    parts.library._change_watch.start()  # and will not look again for a second

    added = run_cli(
        "annotate",
        "--db",
        db,
        "--doc",
        document.name,
        "--start",
        len(document.text) - 6,
        "--end",
        len(document.text) - 1,
        "--tag",
        "date",
    )
    assert added.returncode == 0, added.stderr
    view = window.reader
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_Home, CTRL)
    key(qtbot, view, Qt.Key.Key_Right, CTRL | SHIFT)
    key(qtbot, view, Qt.Key.Key_1)  # the window's own commit, before it looked again

    qtbot.waitUntil(lambda: panel.by_id(added.stdout.strip()) is not None, timeout=4000)
    assert panel.rowCount() == 2
