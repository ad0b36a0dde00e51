"""Fault: another process holds the database's write lock (BEGIN EXCLUSIVE)."""

from __future__ import annotations

import io
import subprocess
import sys
import threading
import time

import pytest

import reader.store.repo
from reader.cli import EXIT_ERROR, EXIT_OK, main
from reader.domain.annotations import Annotation
from reader.store import Store, StoreError

# Holds the write lock with a change of its own until told to let go, then commits it.
LOCKER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN EXCLUSIVE")
connection.execute("UPDATE documents SET title = 'written by the locker' WHERE id = 1")
print("locked", flush=True)
sys.stdin.readline()
connection.execute("COMMIT")
print("released", flush=True)
"""


@pytest.fixture
def locker(corpus_db):
    process = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(corpus_db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    with process:
        assert process.stdout.readline() == "locked\n", process.stderr.read()
        yield process
        if process.poll() is None:
            release(process)


def release(process: subprocess.Popen) -> None:
    process.stdin.write("\n")
    process.stdin.flush()
    assert process.stdout.readline() == "released\n"
    process.wait(timeout=10)


def claim(store: Store) -> Annotation:
    text = store.document(1).text
    return Annotation(document_id=1, start=0, end=9, text=text[:9], tag="claim")


@pytest.fixture
def short_busy_timeout(monkeypatch):
    monkeypatch.setattr(reader.store.repo, "BUSY_TIMEOUT_SECONDS", 0.5)
    return 0.5


def test_write_to_a_locked_database_waits_then_says_so_in_one_line(corpus_db, locker, short_busy_timeout):
    with Store.open(corpus_db) as store:
        annotation = claim(store)
        began = time.monotonic()
        with pytest.raises(StoreError) as refused:
            store.add_annotation(annotation)
        waited = time.monotonic() - began
        message = str(refused.value)
        assert "\n" not in message and "locked by another program" in message and "nothing was changed" in message
        assert waited >= short_busy_timeout * 0.9

        release(locker)
        assert store.annotation(annotation.id) is None  # the refused write left nothing behind
        store.add_annotation(annotation)  # and works once the lock is gone
    with Store.open(corpus_db) as store:
        assert store.annotation(annotation.id) == annotation
        assert store.document(1).title == "written by the locker"  # the other program's write is kept too


def test_write_waits_for_a_lock_released_within_the_busy_timeout(corpus_db, locker):
    with Store.open(corpus_db) as store:
        annotation = claim(store)
        began = time.monotonic()
        letting_go = threading.Timer(0.4, release, [locker])
        letting_go.start()
        store.add_annotation(annotation)
        letting_go.join()
        assert time.monotonic() - began >= 0.35
    with Store.open(corpus_db) as store:
        assert store.annotation(annotation.id) == annotation
        assert store.document(1).title == "written by the locker"


def test_cli_on_a_locked_database_prints_one_line_and_exits_1(corpus_db, locker, short_busy_timeout):
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["annotate", "--db", str(corpus_db), "--doc", "mixed.txt", "--start", "0", "--end", "9", "--tag", "claim"],
        out,
        err,
    )
    assert code == EXIT_ERROR and out.getvalue() == ""
    assert err.getvalue().count("\n") == 1 and "is locked by another program" in err.getvalue()

    release(locker)
    out, err = io.StringIO(), io.StringIO()
    assert (
        main(
            ["annotate", "--db", str(corpus_db), "--doc", "mixed.txt", "--start", "0", "--end", "9", "--tag", "claim"],
            out,
            err,
        )
        == EXIT_OK
    )
    with Store.open(corpus_db) as store:
        assert [a.id for a in store.annotations(1)] == [out.getvalue().strip()]
