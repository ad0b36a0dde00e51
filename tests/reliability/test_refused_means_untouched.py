"""Fault: a file Reader must not write to (another program's database, a Reader file that
is not whole, one its owner made read-only), and a merge or a backup killed half-way.

A refused file is left byte for byte as it was, with nothing created beside it; a file
being built (a new merge target, a backup) appears whole under its name or not at all,
and what a killed process left half-made is cleaned up by the next one.
"""

from __future__ import annotations

import hashlib
import os
import re
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_support import MIXED_TEXT, annotation_ids, integrity, run_cli

from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.store import Store, StoreError
from reader.store.backup import list_backups
from reader.store.schema import APPLICATION_ID


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the sha256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def sqlite_file(path: Path, *statements: str) -> None:
    """A rollback-journal SQLite file made by plain sqlite3 (as another program makes one)."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def other_programs_database(path: Path) -> None:
    sqlite_file(
        path,
        "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)",
        "INSERT INTO invoices (amount) VALUES (12.5)",
    )


def reader_id_but_schema_0(path: Path) -> None:
    sqlite_file(path, f"PRAGMA application_id = {APPLICATION_ID}")


def reader_id_but_schema_0_with_tables(path: Path) -> None:
    sqlite_file(
        path, f"PRAGMA application_id = {APPLICATION_ID}", "CREATE TABLE documents (id INTEGER PRIMARY KEY, name TEXT)"
    )


def no_tables_but_schema_1(path: Path) -> None:
    sqlite_file(path, "PRAGMA user_version = 1")


def reader_database_missing_a_table(path: Path) -> None:
    with Store.open(path) as store:
        store.import_source(SourceText("mixed.txt", "", MIXED_TEXT, "utf-8"))
    sqlite_file(path, "DROP TABLE document_counts")
    assert not path.with_name(path.name + "-wal").exists()


KINDS = {
    "other_programs_rollback_database": (other_programs_database, "an SQLite database of another program"),
    "reader_application_id_schema_0": (reader_id_but_schema_0, "incomplete Reader database"),
    "reader_application_id_schema_0_with_tables": (reader_id_but_schema_0_with_tables, "incomplete Reader database"),
    "empty_sqlite_file_schema_1": (no_tables_but_schema_1, "an SQLite database of another program"),
    "reader_database_missing_document_counts": (
        reader_database_missing_a_table,
        "incomplete Reader database (missing document_counts)",
    ),
}


@pytest.fixture(params=KINDS)
def refused(request, tmp_path) -> tuple[Path, str]:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "project.sqlite"
    make, message = KINDS[request.param]
    make(path)
    return path, message


def assert_untouched(path: Path, before: dict[str, str]) -> None:
    assert snapshot(path.parent) == before
    for beside in ("-wal", "-shm", "-journal"):
        assert not path.with_name(path.name + beside).exists()
    assert not (path.parent / "backups").exists()


def test_refused_by_store_open_and_left_byte_for_byte(refused):
    path, message = refused
    before = snapshot(path.parent)
    for how in ({}, {"read_only": True}, {"backup": True}, {"create": False, "verify": True}):
        with pytest.raises(StoreError) as refusal:
            Store.open(path, **how)
        assert message in str(refusal.value) and "left untouched" in str(refusal.value)
        assert "\n" not in str(refusal.value)
        assert_untouched(path, before)


COMMANDS = {
    "stats": lambda db, tmp: ("stats", "--db", db),
    "annotate": lambda db, tmp: ("annotate", "--db", db, "--doc", "1", "--start", "0", "--end", "4", "--tag", "claim"),
    "import": lambda db, tmp: ("import", tmp / "new.txt", "--db", db),
    "merge_as_a_source": lambda db, tmp: ("merge", db, "-o", tmp / "merged.sqlite"),
}


@pytest.mark.parametrize("command", COMMANDS)
def test_refused_by_the_command_line_in_one_line_and_left_byte_for_byte(refused, command, tmp_path):
    path, message = refused
    (tmp_path / "new.txt").write_text("A text to import.\n", encoding="utf-8")
    before = snapshot(path.parent)

    result = run_cli(*COMMANDS[command](path, tmp_path))

    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr
    assert_untouched(path, before)
    assert not (tmp_path / "merged.sqlite").exists()
    assert not list(tmp_path.glob(".merged.sqlite.*"))


def test_restore_into_a_file_its_owner_made_read_only_is_refused_and_leaves_it(corpus_db):
    with Store.open(corpus_db) as store:
        store.add_annotation(Annotation(1, 0, 9, MIXED_TEXT[:9], "claim"))
    with Store.open(corpus_db, backup=True):
        pass
    (backup,) = list_backups(corpus_db)
    with Store.open(corpus_db) as store:  # the file now differs from its backup
        store.add_annotation(Annotation(1, 10, 12, MIXED_TEXT[10:12], "actor"))
    corpus_db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # 0444; the tests run as root
    try:
        before = snapshot(corpus_db.parent)
        result = run_cli("restore", backup.path, "--db", corpus_db)
        assert result.returncode == 1, result.stdout + result.stderr
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1 and "read-only" in result.stderr
        assert snapshot(corpus_db.parent) == before
    finally:
        corpus_db.chmod(stat.S_IRUSR | stat.S_IWUSR)
    with Store.open(corpus_db, read_only=True) as store:
        assert len(store.annotations(1)) == 2


# ----- a merge killed half-way -----

SOURCE_ANNOTATIONS = 25_000
WORD_TEXT = "Word " * 20_000


def big_source(path: Path, note: str) -> set[str]:
    """A database holding WORD_TEXT and SOURCE_ANNOTATIONS annotations; their ids."""
    with Store.open(path) as store:
        document_id = store.import_source(SourceText("words.txt", "", WORD_TEXT, "utf-8")).document_id
        annotations = [
            Annotation(document_id, 5 * (i % 20_000), 5 * (i % 20_000) + 4, "Word", "claim", note=note)
            for i in range(SOURCE_ANNOTATIONS)
        ]
        assert store.add_annotations(annotations) == SOURCE_ANNOTATIONS
    return {a.id for a in annotations}


def wait_for(condition, process: subprocess.Popen, timeout: float = 30) -> bool:
    """Poll ``condition`` every millisecond while ``process`` runs; whether it came true."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return condition()
        time.sleep(0.001)
    return False


def test_a_merge_killed_mid_way_leaves_no_target_and_the_next_merge_completes(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    a, b = sources / "a.sqlite", sources / "b.sqlite"
    expected = big_source(a, "alice") | big_source(b, "bob")
    assert len(expected) == 2 * SOURCE_ANNOTATIONS
    out = tmp_path / "out"
    out.mkdir()
    new = out / "NEW.sqlite"
    leftovers = lambda: sorted(p.name for p in out.glob(".NEW.sqlite.*.part*"))  # noqa: E731

    killed_mid_way = None
    for delay in (0.3, 0.2, 0.5, 0.1, 0.4, 0.05):
        process = subprocess.Popen(
            [sys.executable, "-m", "reader", "merge", str(a), str(b), "-o", str(new)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=dict(os.environ),
        )
        partial = out / f".NEW.sqlite.{process.pid}.part"
        with process:
            assert wait_for(lambda partial=partial: partial.exists() or new.exists(), process), process.stderr.read()
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        if process.returncode == -signal.SIGKILL and partial.exists():
            killed_mid_way = partial
            break
        # The merge was done before the kill: start over on a fresh target.
        for path in [new, *out.iterdir()]:
            path.unlink(missing_ok=True)
    assert killed_mid_way is not None, "no merge could be killed mid-way"

    assert not new.exists()  # a half-made target never appears under its name
    assert killed_mid_way.name in leftovers()  # (only the hidden partial of the killed process)

    result = run_cli("merge", a, b, "-o", new)
    assert result.returncode == 0, result.stderr
    assert f"annotations: {len(expected)} added" in result.stdout
    assert annotation_ids(new) == expected
    assert integrity(new) == ["ok"]
    assert leftovers() == []
    stats = run_cli("stats", "--db", new)
    assert stats.returncode == 0 and f"annotations: {len(expected)}\n" in stats.stdout


# ----- a backup killed half-way -----


def big_reader_database(path: Path) -> None:
    """About 80 MB: copying it takes long enough to kill the copy half-way."""
    with Store.open(path) as store:
        store.import_source(SourceText("mixed.txt", "", MIXED_TEXT, "utf-8"))
        store.add_annotations(Annotation(1, 0, 9, MIXED_TEXT[:9], "claim", note="n" * 1900) for _ in range(40_000))


def partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".*.part*")) if folder.exists() else []


def test_a_backup_killed_while_copying_leaves_a_partial_that_the_next_backup_removes(tmp_path):
    db = tmp_path / "big.sqlite"
    big_reader_database(db)
    backups = tmp_path / "backups"
    killed = None
    for attempt in range(6):
        copies_before = list_backups(db)
        note = tmp_path / f"note-{attempt}.txt"
        note.write_text(f"Note {attempt}: the import backs the database up first.\n", encoding="utf-8")
        digest_before = hashlib.sha256(db.read_bytes()).hexdigest()
        process = subprocess.Popen(
            [sys.executable, "-m", "reader", "import", str(note), "--db", str(db)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=dict(os.environ),
        )
        pattern = re.compile(rf"\.big\.sqlite\.[0-9TZ.]+\.bak\.{process.pid}\.part")
        copying = lambda pattern=pattern: any(pattern.fullmatch(name) for name in partials(backups))  # noqa: E731
        with process:
            seen = wait_for(copying, process)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        if seen and process.returncode == -signal.SIGKILL and copying():
            killed = [name for name in partials(backups) if pattern.match(name)]
            break
    assert killed, "no backup could be killed while copying"

    # Killed before the import wrote anything: the database is as it was, and no copy was added.
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest_before
    assert list_backups(db) == copies_before
    assert integrity(db) == ["ok"]

    (tmp_path / "last.txt").write_text("The last note.\n", encoding="utf-8")
    result = run_cli("import", tmp_path / "last.txt", "--db", db)
    assert result.returncode == 0, result.stderr
    assert partials(backups) == []
    newest = list_backups(db)
    assert len(newest) == len(copies_before) + 1 and integrity(newest[0].path) == ["ok"]


def test_the_next_backup_removes_a_dead_processs_partial_and_keeps_a_live_ones(corpus_db):
    backups = corpus_db.parent / "backups"
    backups.mkdir()
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    dead_pid = int(finished.stdout)
    stamp = "20240102T030405.000006Z"
    dead = backups / f".corpus.sqlite.{stamp}.bak.{dead_pid}.part"
    dead.write_bytes(b"SQLite format 3\x00half a copy")
    dead.with_name(dead.name + "-journal").write_bytes(b"its journal")
    with subprocess.Popen(["sleep", "60"]) as sleeper:
        try:
            live = backups / f".corpus.sqlite.{stamp}.bak.{sleeper.pid}.part"
            live.write_bytes(b"SQLite format 3\x00being copied right now")
            (corpus_db.parent / "note.txt").write_text("A note.\n", encoding="utf-8")

            result = run_cli("import", corpus_db.parent / "note.txt", "--db", corpus_db)

            assert result.returncode == 0, result.stderr
            assert not dead.exists() and not dead.with_name(dead.name + "-journal").exists()
            assert live.read_bytes() == b"SQLite format 3\x00being copied right now"
            assert partials(backups) == [live.name]
            (copy,) = list_backups(corpus_db)
            assert integrity(copy.path) == ["ok"]
        finally:
            sleeper.kill()
