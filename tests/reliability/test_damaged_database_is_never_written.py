"""Fault: a database with garbled pages. Every command that writes checks the whole file
first and refuses it in one line, without writing a byte; the window opens it read-only,
says so, and writes nothing whatever key is pressed."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from reliability_support import fill_with_annotations, run_cli
from test_damaged_database import PAGE
from windowkit import key

from reader.app import ReaderApp, build
from reader.cli import parse
from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.store import Store, StoreError

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def folder_digest(folder: Path) -> dict[str, str]:
    """Every file of the database (its -wal and -shm too) and of its backups, by content."""
    files = [*folder.glob("corpus.sqlite*"), *folder.glob("backups/*")]
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(files)}


@pytest.fixture
def damaged_db(corpus_db: Path) -> Path:
    """Many pages of annotations, then three of them garbled: the kind of damage a disk does."""
    fill_with_annotations(corpus_db, note_size=300)
    garble_pages_of(corpus_db, "annotations_by_tag")
    return corpus_db


def garble_pages_of(path: Path, index: str) -> None:
    """Overwrite the leaf pages of one index with noise: the document list and the texts stay
    readable, so the window can open, but SQLite's check of the whole file finds the damage."""
    connection = sqlite3.connect(path)
    try:
        pages = [
            row[0]
            for row in connection.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", [index])
        ]
    finally:
        connection.close()
    rng = random.Random(7)
    with path.open("r+b") as handle:  # no connection to the file is open in this process now
        for page in pages[:3]:
            handle.seek((page - 1) * PAGE)
            handle.write(rng.randbytes(PAGE))


@pytest.mark.parametrize(
    "command",
    [
        ("annotate", "--doc", "mixed.txt", "--start", "0", "--end", "9", "--tag", "claim"),
        ("import", "FOLDER"),
        ("import-annotations", "EXPORT"),
    ],
)
def test_a_command_that_writes_refuses_a_damaged_database_and_writes_nothing(damaged_db, tmp_path, command):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "new.txt").write_text("A new document.\n", encoding="utf-8")
    export = tmp_path / "export.jsonl"
    export.write_text("", encoding="utf-8")
    arguments = [{"FOLDER": corpus, "EXPORT": export}.get(part, part) for part in command]
    before = folder_digest(damaged_db.parent)

    result = run_cli(*arguments, "--db", damaged_db)

    assert result.returncode == 1, result.stdout
    assert result.stderr.count("\n") == 1 and "is damaged" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert folder_digest(damaged_db.parent) == before


def test_a_merge_into_a_damaged_database_writes_nothing(damaged_db, tmp_path):
    (tmp_path / "theirs").mkdir()
    source = tmp_path / "theirs" / "source.sqlite"
    with Store.open(source) as store:
        store.import_source(SourceText("other.txt", "", "Another text.\n", "utf-8"))
    before = folder_digest(damaged_db.parent)

    result = run_cli("merge", source, "-o", damaged_db)

    assert result.returncode == 1 and "is damaged" in result.stderr and result.stderr.count("\n") == 1
    assert folder_digest(damaged_db.parent) == before


def test_the_check_waits_for_the_first_frame_and_a_write_before_it_waits_for_the_check(qtbot, damaged_db, tmp_path):
    """The whole-file check starts at the window's first frame, so its thread does not take
    that frame's time; a write asked for before then starts the check itself and is refused."""
    shutil.rmtree(damaged_db.parent / "backups", ignore_errors=True)
    before = folder_digest(damaged_db.parent)
    window = build(parse(["--db", str(damaged_db)]), settings_path=tmp_path / "settings.ini")
    qtbot.addWidget(window)
    assert not [t for t in threading.enumerate() if t.name.startswith("check of")]  # not before the frame
    store = ReaderApp.of(window).session.store
    document = store.find_document("mixed.txt")
    with pytest.raises(StoreError, match="is damaged"):
        store.add_annotation(Annotation(document.id, 0, 5, document.text[:5], "claim"))
    assert store.read_only
    window.close()
    assert folder_digest(damaged_db.parent) == before


def test_a_sound_database_is_checked_and_copied_once_the_window_has_painted(qtbot, corpus_db, tmp_path):
    shutil.rmtree(corpus_db.parent / "backups", ignore_errors=True)
    window = build(parse(["--db", str(corpus_db)]), settings_path=tmp_path / "settings.ini")
    qtbot.addWidget(window)
    qtbot.wait(50)
    assert not (corpus_db.parent / "backups").exists()  # nothing yet: the window has not painted
    with qtbot.waitSignal(ReaderApp.of(window).library.backupFinished, timeout=10_000) as finished:
        window.show()
    assert finished.args == [""] and list((corpus_db.parent / "backups").iterdir())


def test_the_window_opens_a_damaged_database_read_only_and_writes_nothing(qtbot, damaged_db, tmp_path):
    shutil.rmtree(damaged_db.parent / "backups", ignore_errors=True)
    before = folder_digest(damaged_db.parent)

    window = build(parse(["--db", str(damaged_db)]), settings_path=tmp_path / "settings.ini")
    qtbot.addWidget(window)
    window.show()
    store = ReaderApp.of(window).session.store
    # The check runs on a thread after the first paint, and reports back to the window.
    qtbot.waitUntil(lambda: "is damaged" in window.status_message.text(), timeout=10_000)

    assert store.read_only and "read-only" in window.status_message.text()
    assert "read-only" in window.status_summary.text()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "messageDialog") is not None)
    message = window.findChild(QDialog, "messageDialog")
    assert "is damaged" in message.findChild(QLabel, "messageText").text()
    message.close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.reader
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_Home, CTRL)
    key(qtbot, view, Qt.Key.Key_Right, CTRL | SHIFT)
    key(qtbot, view, Qt.Key.Key_1)
    assert "read-only" in window.status_message.text()
    window.close()
    assert folder_digest(damaged_db.parent) == before
