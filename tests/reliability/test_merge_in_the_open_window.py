"""Fault: File ▸ Merge into the database open in the window, while other programs write to it.

The merge opens the window's own file once more in this process. Before the fix, the
probe made before opening (``check_before_opening``) read the file's header with a plain
file handle; closing it dropped every POSIX lock this process held on the file, the
window's among them. The next command line to close its connection then believed it was
the last one, checkpointed and deleted the write-ahead log under the open window, and
what the window wrote next was lost. Here the window, a merge and two command-line
processes all write to one file, and every write is there at the end.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from reliability_support import integrity, run_cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gui"))
from reviewkit import TEXTS, annotate, make_documents, open_as, stored
from windowkit import key

from reader.app import ReaderApp

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
FIRST = "a-first.txt"


def activate(qtbot, window) -> None:
    """The offscreen platform gives no activation back after a dialog; shortcuts need it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def tag_word_by_keys(qtbot, window, words_in: int, tag_key) -> None:
    """In the open document: from the top, skip ``words_in`` words, select the next, press the tag key."""
    activate(qtbot, window)
    view = window.reader
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_Home, CTRL)
    key(qtbot, view, Qt.Key.Key_Right, CTRL, times=words_in)
    key(qtbot, view, Qt.Key.Key_Right, CTRL | SHIFT)
    key(qtbot, view, tag_key)


def annotate_from_the_command_line(db: Path, quote: str, tag: str) -> str:
    start = TEXTS[FIRST].index(quote)
    done = run_cli(
        "annotate",
        "--db",
        db,
        "--doc",
        FIRST,
        "--start",
        start,
        "--end",
        start + len(quote),
        "--tag",
        tag,
        "--annotator",
        "cli",
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def stats_annotations(db: Path) -> int:
    done = run_cli("stats", "--db", db)
    assert done.returncode == 0, done.stderr
    return int(re.search(r"^annotations: (\d+)$", done.stdout, re.MULTILINE).group(1))


def test_merge_into_the_open_window_keeps_every_writers_annotations(qtbot, tmp_path):
    db, other = tmp_path / "m.sqlite", tmp_path / "bob.sqlite"
    make_documents(db)
    make_documents(other)  # the same texts: matched by content
    merged = {
        annotate(other, FIRST, "Delta denies", "claim", annotator="bob").id,
        annotate(other, "b-second.txt", "Echo", "actor", annotator="bob").id,
    }
    wal = db.with_name(db.name + "-wal")

    window = open_as(qtbot, db, tmp_path / "settings.ini")
    app, panel = ReaderApp.of(window), window.annotation_panel.model
    assert app.session.document.name == FIRST

    tag_word_by_keys(qtbot, window, 0, Qt.Key.Key_1)  # "Alpha"
    (by_window_first,) = [a.id for a in panel.annotations()]
    assert set(stored(db)) == {by_window_first}

    report = app.merging.merge_into_open([other])
    assert report is not None and report.annotations_added == 2
    dialog = window.findChild(QDialog, "mergeReport")
    assert dialog is not None
    dialog.accept()
    assert set(stored(db)) == {by_window_first} | merged

    by_cli_first = annotate_from_the_command_line(db, "Bravo", "actor")
    assert wal.exists(), "the write-ahead log was removed while the window has the database open"
    # The window shows the other program's annotation by itself (it polls data_version).
    qtbot.waitUntil(lambda: panel.by_id(by_cli_first) is not None, timeout=5000)
    bravo = TEXTS[FIRST].index("Bravo")
    assert by_cli_first in {a.id for a in window.reader.annotations_at(bravo)}

    tag_word_by_keys(qtbot, window, 1, Qt.Key.Key_2)  # "claims"
    (by_window_second,) = {a.id for a in panel.annotations()} - {by_window_first, by_cli_first} - merged
    assert stats_annotations(db) == 5  # the window's tag is committed, seen by another process
    assert wal.exists()

    by_cli_second = annotate_from_the_command_line(db, "Monday", "date")
    qtbot.waitUntil(lambda: panel.by_id(by_cli_second) is not None, timeout=5000)
    assert wal.exists()

    window.close()
    everything = {by_window_first, by_window_second, by_cli_first, by_cli_second} | merged
    on_disk = stored(db)
    assert set(on_disk) == everything
    assert on_disk[by_window_second].tag == "actor" and on_disk[by_window_second].text == "claims"
    assert on_disk[by_window_first].text == "Alpha" and on_disk[by_cli_second].annotator == "cli"
    assert integrity(db) == ["ok"]
    assert stats_annotations(db) == 6
