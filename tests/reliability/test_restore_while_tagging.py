"""Fault: `reader restore` runs while another process (the command line, or the real window)
tags the same database. Restore copies what the database holds aside and replaces it in one
exclusive step, so every acknowledged annotation is in the restored database (committed
after) or in the copy restore took (committed before); the open window shows the restored
database by itself, and undo starts afresh."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt
from reliability_support import annotation_ids, integrity, run_cli, start_helper
from windowkit import key, open_window

from reader.app import ReaderApp
from reader.store import Store
from reader.store.backup import list_backups

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def one_backup(db: Path) -> Path:
    """A sound copy of ``db`` as it is now (taken as every writing command takes it)."""
    with Store.open(db, backup=True):
        pass
    return list_backups(db)[0].path


def restore_while(db: Path, backup: Path, *helper_args) -> tuple[set[str], Path | None]:
    """Run a tagging helper process, restore ``backup`` into ``db`` once it is writing,
    let it write on for a moment, stop it: (ids it acknowledged, the copy restore took)."""
    with start_helper(db, *helper_args) as process:
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
        reader.start()
        deadline = time.monotonic() + 30
        while len(lines) < 5 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert lines, process.stderr.read()
        restored = run_cli("restore", backup, "--db", db)
        time.sleep(0.3)
        process.kill()
        process.wait(timeout=10)
        reader.join(timeout=10)
    assert restored.returncode == 0, restored.stderr
    copy = re.search(r"backed up the replaced database to (\S+)", restored.stdout)
    return {line.strip() for line in lines if line.endswith("\n")}, Path(copy.group(1)) if copy else None


def check_nothing_lost(db: Path, backup: Path, acknowledged: set[str], copy: Path | None) -> None:
    assert integrity(db) == ["ok"]
    after = annotation_ids(db)
    before = annotation_ids(copy) if copy is not None else annotation_ids(backup)
    lost = acknowledged - after - before
    assert not lost, f"{len(lost)} of {len(acknowledged)} acknowledged annotations are in neither"
    # Written after the restore, into the restored database: the process went on working.
    assert after - annotation_ids(backup)


def test_restore_while_the_command_line_tags_loses_no_acknowledged_annotation(corpus_db):
    backup = one_backup(corpus_db)
    for seed in range(3):
        acknowledged, copy = restore_while(corpus_db, backup, "annotate", "--seed", seed, "--note-size", 2000)
        assert copy is not None  # the database had changed since the backup
        check_nothing_lost(corpus_db, backup, acknowledged, copy)


def test_restore_while_the_window_tags_loses_no_acknowledged_annotation(corpus_db, tmp_path):
    backup = one_backup(corpus_db)
    acknowledged, copy = restore_while(corpus_db, backup, "window", tmp_path / "settings.ini")
    check_nothing_lost(corpus_db, backup, acknowledged, copy)


def test_the_open_window_shows_the_restored_database_and_undo_starts_afresh(qtbot, tmp_path):
    db = tmp_path / "project.sqlite"
    window = open_window(qtbot, db, tmp_path / "settings.ini")
    session, view = ReaderApp.of(window).session, window.reader
    backup = one_backup(db)  # the seeds, not one annotation yet
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_Right, CTRL | SHIFT)
    key(qtbot, view, Qt.Key.Key_1)
    assert window.annotation_panel.model.rowCount() == 1 and session.undo_stack.count() == 1

    result = run_cli("restore", backup, "--db", db)

    assert result.returncode == 0, result.stderr
    qtbot.waitUntil(lambda: window.annotation_panel.model.rowCount() == 0, timeout=5000)
    assert "replaced" in window.status_message.text()
    assert session.undo_stack.count() == 0  # its steps were about the replaced database
    key(qtbot, view, Qt.Key.Key_Home, CTRL)
    key(qtbot, view, Qt.Key.Key_Right, CTRL | SHIFT)
    key(qtbot, view, Qt.Key.Key_2)
    with Store.open(db, read_only=True) as store:
        assert [a.tag for a in store.annotations(session.document.id)] == ["actor"]
