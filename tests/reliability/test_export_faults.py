"""Faults while exporting: the reader of the output goes away (``reader export | head -1``)
and the disk fills up. The pipe ends the export quietly with 141 (128 + SIGPIPE, as a C
tool killed by it); a full disk fails with one line, and the file that was there stays
exactly as it was, from the command line and from the window alike.

The full disk is a file-size limit (RLIMIT_FSIZE, SIGXFSZ ignored): a write past it fails
with EFBIG part-way, as a write fails with ENOSPC on a full disk."""

from __future__ import annotations

import csv
import os
import random
import signal
import stat
import subprocess
import sys
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from reliability_support import MIXED_TEXT

from reader.app import ReaderApp, build
from reader.cli import parse
from reader.domain.annotations import Annotation
from reader.store import Store
from reader.store.backup import list_backups
from reader.ui.library.export_dialog import ExportDialog

resource = pytest.importorskip("resource", reason="file-size limits are POSIX")

ANNOTATIONS = 5000  # about 1 MB of CSV: far more than a pipe holds (64 KiB) or the limit lets through
FILE_SIZE_LIMIT = 64 * 1024
PREVIOUS_EXPORT = "annotation_id,document\r\nearlier-export,mixed.txt\r\n".encode("utf-8-sig")


@pytest.fixture
def busy_db(corpus_db):
    rng = random.Random(10)
    spans = [
        (start, start + rng.randrange(1, 30))
        for start in (rng.randrange(len(MIXED_TEXT) - 30) for _ in range(ANNOTATIONS))
    ]
    with Store.open(corpus_db) as store:
        store.add_annotations(
            Annotation(
                document_id=1,
                start=start,
                end=end,
                text=MIXED_TEXT[start:end],
                tag="claim",
                note="a note to make the row longer",
            )
            for start, end in spans
        )
    return corpus_db


def limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


@contextmanager
def disk_full_in_this_process():
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.getsignal(signal.SIGXFSZ)
    limit_file_size()
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def reader_process(*args, **popen) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "reader", *map(str, args)],
        env=dict(os.environ),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **popen,
    )


def test_export_into_a_pipe_closed_after_one_line_ends_quietly_with_141(busy_db):
    export = reader_process("export", "--db", busy_db)
    header = export.stdout.readline()
    export.stdout.close()  # as `head -1` does once it has its line
    _, stderr = export.communicate(timeout=60)
    assert header.decode("utf-8-sig").startswith('"annotation_id","document",')
    assert export.returncode == 141
    assert stderr == b""


def test_export_onto_a_full_disk_fails_in_one_line_and_keeps_the_previous_file(busy_db, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "annotations.csv"
    target.write_bytes(PREVIOUS_EXPORT)
    export = reader_process("export", "--db", busy_db, "-o", target, preexec_fn=limit_file_size)
    _, stderr = export.communicate(timeout=60)
    message = stderr.decode()
    assert export.returncode == 1
    assert message == f"reader: could not write {target}: File too large; nothing was written\n"
    assert target.read_bytes() == PREVIOUS_EXPORT
    assert sorted(p.name for p in folder.iterdir()) == ["annotations.csv"]  # no partial file left


def test_export_with_room_on_the_disk_replaces_the_previous_file_whole(busy_db, tmp_path):
    target = tmp_path / "annotations.csv"
    target.write_bytes(PREVIOUS_EXPORT)
    export = reader_process("export", "--db", busy_db, "-o", target)
    _, stderr = export.communicate(timeout=60)
    assert export.returncode == 0, stderr
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == ANNOTATIONS
    assert not list(tmp_path.glob(".*.part"))


def test_export_into_a_named_pipe_writes_through_it_and_leaves_it_a_pipe(busy_db, tmp_path):
    fifo = tmp_path / "annotations.csv"
    os.mkfifo(fifo)
    export = reader_process("export", "--db", busy_db, "-o", fifo)
    with fifo.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    _, stderr = export.communicate(timeout=60)
    assert export.returncode == 0, stderr
    assert len(rows) == ANNOTATIONS
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # written through, not replaced by a regular file
    assert not list(tmp_path.glob(".*.part"))


def test_a_window_export_onto_a_full_disk_keeps_the_previous_file(qtbot, busy_db, tmp_path):
    target = tmp_path / "annotations.csv"
    target.write_bytes(PREVIOUS_EXPORT)
    window = build(parse(["--db", str(busy_db)]), settings_path=tmp_path / "settings.ini")
    qtbot.addWidget(window)
    window.show()
    # The window copies its database to backups/ as it opens it: that copy must be done
    # before the disk "fills", or it is the one to fail.
    qtbot.waitUntil(lambda: bool(list_backups(busy_db)), timeout=20_000)
    ReaderApp.of(window).actions["Export"].trigger()
    (dialog,) = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    dialog.path_box.setText(str(target))
    with disk_full_in_this_process():
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        QApplication.processEvents()
    assert window.status_message.text() == f"Could not export to {target}: File too large"
    assert target.read_bytes() == PREVIOUS_EXPORT
    assert not list(tmp_path.glob(".*.part"))
