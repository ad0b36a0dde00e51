"""A file that is not a Reader database, or is a newer one, is refused and left byte-for-byte alone."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from reader.paths import seeds_dir
from reader.store import SCHEMA_VERSION, Store, StoreError

SEEDS = seeds_dir()


def foreign_database(path: Path, journal_mode: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA journal_mode = {journal_mode}")
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.commit()
    conn.close()
    assert sqlite3.connect(path).execute("PRAGMA application_id").fetchone()[0] == 0


def newer_reader_database(path: Path) -> None:
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


MAKERS = {
    "foreign": lambda path: foreign_database(path, "DELETE"),
    "foreign-wal": lambda path: foreign_database(path, "WAL"),
    "text": lambda path: path.write_text("Dear diary,\nthis is not a database.\n", encoding="utf-8"),
    "tiny": lambda path: path.write_bytes(b"SQLite"),
    "damaged": lambda path: path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 16),
    "newer": newer_reader_database,
}
MESSAGES = {
    "foreign": "another program",
    "foreign-wal": "another program",
    "text": "not an SQLite file",
    "tiny": "not an SQLite file",
    "damaged": "cannot be read",
    "newer": "newer Reader",
}


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the sha256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(params=MAKERS)
def refused_file(request, tmp_path) -> tuple[Path, str]:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "project.sqlite"
    MAKERS[request.param](path)
    return path, MESSAGES[request.param]


def test_opening_is_refused_and_the_file_untouched(refused_file):
    path, message = refused_file
    before = snapshot(path.parent)

    with pytest.raises(StoreError) as refusal:
        Store.open(path)

    assert message in str(refusal.value)
    assert "\n" not in str(refusal.value)
    assert snapshot(path.parent) == before


@pytest.mark.parametrize(
    "command",
    [
        ("stats",),
        ("import", SEEDS),
        ("annotate", "--doc", "1", "--start", "0", "--end", "1", "--tag", "claim"),
        ("export", "--format", "jsonl"),
    ],
)
def test_every_command_refuses_in_one_line_and_leaves_the_file(reader_process, refused_file, command):
    path, message = refused_file
    before = snapshot(path.parent)

    result = reader_process(*command, "--db", path)

    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert message in result.stderr
    assert snapshot(path.parent) == before


def test_a_reader_database_in_use_is_not_mistaken_for_a_foreign_one(tmp_path):
    path = tmp_path / "project.sqlite"
    with Store.open(path) as writer:
        writer.db.conn.execute("PRAGMA wal_autocheckpoint = 0")
        with Store.open(path) as reader:
            assert len(reader.tags()) == 3


def test_an_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.touch()

    with Store.open(path) as store:
        assert [t.name for t in store.tags()] == ["claim", "actor", "date"]


@pytest.mark.parametrize("failure", [sqlite3.OperationalError("database is locked"), StoreError("refused")])
def test_a_failed_migration_closes_the_connection_it_opened(tmp_path, monkeypatch, failure):
    opened = []
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: opened.append(connect(*a, **k)) or opened[-1])

    def migrate(db):
        raise failure

    monkeypatch.setattr("reader.store.repo.migrate", migrate)
    with pytest.raises(StoreError):
        Store.open(tmp_path / "new.sqlite")

    assert opened
    for conn in opened:
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            conn.execute("SELECT 1")
