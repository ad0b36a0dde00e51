"""Fault: a Reader database in rollback-journal mode (journal_mode=DELETE, as another tool
or an old copy leaves it) locked by another process holding BEGIN EXCLUSIVE, or left with
a hot journal by a writer killed mid-transaction.

In that mode an exclusive lock keeps out readers too, not only writers. The command line
waits its busy timeout, then says "locked" (never "damaged") in one line, exits 1 and
leaves the file as it was; the other process's change is kept once it commits. A hot
journal is SQLite's to roll back: what was committed before the crash is all there.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import subprocess
import sys
import time
from contextlib import closing

import pytest
from reliability_support import MIXED_TEXT, integrity, run_cli

from reader.domain.annotations import Annotation
from reader.store import Store
from reader.store.backup import list_backups
from reader.store.errors import BUSY_TIMEOUT_SECONDS

# Holds the exclusive lock with a change of its own until told to let go, then commits it.
# "in memory": the change stays in the locker's page cache; "spilled": its cache is too
# small for it, so SQLite writes changed pages into the database file before the commit
# (the originals are in the hot -journal beside it), as a large change by another
# program does: the file is then half-way between two states until the commit.
LOCKER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
if sys.argv[2] == "spilled":
    connection.execute("PRAGMA cache_size = 5")
connection.execute("BEGIN EXCLUSIVE")
connection.execute("UPDATE documents SET title = 'written by the locker' WHERE id = 1")
if sys.argv[2] == "spilled":
    connection.execute("UPDATE annotations SET note = note || note")
    connection.execute("CREATE TABLE the_lockers_own (x)")
    connection.execute("DELETE FROM documents_fts")
print("locked", flush=True)
if sys.stdin.readline().strip() == "commit":
    connection.execute("COMMIT")
    print("released", flush=True)
"""
MARGIN_SECONDS = 5.0  # a process's start-up and Reader's imports on a busy machine
NOTES = 20_000  # enough rows that the spilling locker's change does not fit its cache


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count_annotations(db) -> int:
    done = run_cli("stats", "--db", db)
    assert done.returncode == 0, done.stderr
    return int(re.search(r"^annotations: (\d+)$", done.stdout, re.MULTILINE).group(1))


@pytest.fixture
def rollback_db(corpus_db):
    """corpus_db with 1 + NOTES annotations (and a backup taken when it held the first one only),
    then put in rollback-journal mode."""
    with Store.open(corpus_db) as store:
        store.add_annotation(Annotation(1, 0, 9, MIXED_TEXT[:9], "claim"))
    with Store.open(corpus_db, backup=True):
        pass
    with Store.open(corpus_db) as store:
        store.add_annotations(Annotation(1, 0, 9, MIXED_TEXT[:9], "claim", note="n" * 300) for _ in range(NOTES))
    with closing(sqlite3.connect(corpus_db)) as connection:
        assert connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    assert not corpus_db.with_name(corpus_db.name + "-wal").exists()
    return corpus_db


def start_locker(db, how: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(db), how],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline() == "locked\n", process.stderr.read()
    return process


def release(process: subprocess.Popen) -> None:
    process.stdin.write("commit\n")
    process.stdin.flush()
    assert process.stdout.readline() == "released\n", process.stderr.read()
    process.wait(timeout=10)


@pytest.fixture(params=["in_memory", "spilled_into_the_file"])
def locker(request, rollback_db):
    process = start_locker(rollback_db, request.param.split("_")[0])
    with process:
        yield process
        if process.poll() is None:
            release(process)


COMMANDS = {
    "annotate": ("annotate", "--doc", "mixed.txt", "--start", "10", "--end", "12", "--tag", "actor"),
    "stats": ("stats",),
}


def assert_refused_as_locked(result, took: float) -> None:
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "locked" in result.stderr and "damaged" not in result.stderr, result.stderr
    assert BUSY_TIMEOUT_SECONDS * 0.9 <= took <= BUSY_TIMEOUT_SECONDS + MARGIN_SECONDS


def assert_the_lockers_change_and_nothing_else(db) -> None:
    assert integrity(db) == ["ok"]
    with Store.open(db, read_only=True) as store:
        assert store.document(1).title == "written by the locker"  # the other program's change is kept
        assert {(a.start, a.tag) for a in store.annotations(1)} == {(0, "claim")}  # nothing of the refused one
    assert count_annotations(db) == 1 + NOTES


@pytest.mark.parametrize("command", COMMANDS)
def test_locked_rollback_database_is_refused_as_locked_not_damaged_in_one_line(rollback_db, locker, command):
    before = digest(rollback_db)
    began = time.monotonic()
    result = run_cli(*COMMANDS[command], "--db", rollback_db)
    took = time.monotonic() - began

    assert_refused_as_locked(result, took)
    assert digest(rollback_db) == before
    assert not rollback_db.with_name(rollback_db.name + "-wal").exists()

    release(locker)
    assert_the_lockers_change_and_nothing_else(rollback_db)
    again = run_cli(*COMMANDS[command], "--db", rollback_db)
    assert again.returncode == 0, again.stderr  # and it works once the lock is gone


def test_restore_into_a_locked_rollback_database_waits_then_replaces_nothing(rollback_db, locker):
    (backup,) = list_backups(rollback_db)
    before = digest(rollback_db)
    began = time.monotonic()
    result = run_cli("restore", backup.path, "--db", rollback_db)
    took = time.monotonic() - began

    assert_refused_as_locked(result, took)
    assert digest(rollback_db) == before
    assert list_backups(rollback_db) == [backup]
    release(locker)
    assert_the_lockers_change_and_nothing_else(rollback_db)


def killed_mid_transaction(db) -> None:
    """A rollback-journal writer SIGKILLed with its change half in the file: a hot journal is left."""
    process = start_locker(db, "spilled")
    with process:
        process.kill()
        process.wait(timeout=10)
    assert db.with_name(db.name + "-journal").exists()


def test_a_rollback_writer_killed_mid_transaction_is_rolled_back_not_called_damaged(rollback_db):
    killed_mid_transaction(rollback_db)

    result = run_cli(*COMMANDS["annotate"], "--db", rollback_db)

    assert result.returncode == 0, result.stderr  # SQLite rolls the hot journal back as it opens the file
    assert integrity(rollback_db) == ["ok"]
    assert count_annotations(rollback_db) == 1 + NOTES + 1  # everything committed before the crash, and the new one
    with Store.open(rollback_db, read_only=True) as store:
        assert store.document(1).title != "written by the locker"  # the killed writer's change is undone


def test_restore_over_a_hot_journal_leaves_a_sound_database_and_a_sound_copy_of_what_it_held(rollback_db):
    (backup,) = list_backups(rollback_db)  # it holds the first annotation only
    killed_mid_transaction(rollback_db)

    result = run_cli("restore", backup.path, "--db", rollback_db)

    assert result.returncode == 0, result.stderr
    assert integrity(rollback_db) == ["ok"]
    assert count_annotations(rollback_db) == 1
    (copied,) = [b for b in list_backups(rollback_db) if b.path != backup.path]  # what it held, copied first
    assert integrity(copied.path) == ["ok"]
    assert count_annotations(copied.path) == 1 + NOTES
