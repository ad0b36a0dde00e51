"""Fault: a real Reader database is damaged (truncated, pages garbled, header garbled). It
gets a one-line message, the file is left byte for byte as it was, and a backup brings it back.

A file that is not SQLite, another program's database and one written by a newer Reader
are refused the same way before they are touched: tests/unit/test_store_refusal.py.
"""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import pytest
from reliability_support import fill_with_annotations, integrity, run_cli

from reader.store import Store, StoreError
from reader.store.backup import list_backups

PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def backed_up_db(corpus_db: Path) -> Path:
    """A database of many pages with one sound backup, closed."""
    fill_with_annotations(corpus_db, note_size=200)
    with Store.open(corpus_db, backup=True):
        pass
    assert len(list_backups(corpus_db)) == 1
    return corpus_db


def truncate_to_half(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2 // PAGE * PAGE)


def garble_pages(path: Path) -> None:
    pages = path.stat().st_size // PAGE
    rng = random.Random(4)
    with path.open("r+b") as handle:
        for page in rng.sample(range(2, pages), 3):
            handle.seek(page * PAGE)
            handle.write(rng.randbytes(PAGE))


def garble_header(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.seek(16)  # past "SQLite format 3\0": page size, counters, schema cookie ...
        handle.write(bytes(range(84)))


@pytest.mark.parametrize("damage", [truncate_to_half, garble_pages, garble_header])
def test_damaged_database_is_refused_in_one_line_and_left_untouched(backed_up_db, damage):
    damage(backed_up_db)
    before = digest(backed_up_db)

    with pytest.raises(StoreError) as refused:
        Store.open(backed_up_db, backup=True)
    assert "\n" not in str(refused.value) and "left untouched" in str(refused.value)

    result = run_cli("stats", "--db", backed_up_db)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(f"reader: {backed_up_db} ") and result.stderr.count("\n") == 1

    assert digest(backed_up_db) == before
    assert len(list_backups(backed_up_db)) == 1  # a damaged file never pushes a sound copy out


@pytest.mark.parametrize("damage", [truncate_to_half, garble_pages, garble_header])
def test_damaged_database_comes_back_from_its_backup(backed_up_db, damage):
    with Store.open(backed_up_db) as store:
        expected = store.annotations(1)
    damage(backed_up_db)
    damaged = digest(backed_up_db)
    (sound,) = list_backups(backed_up_db)

    result = run_cli("restore", sound.path, "--db", backed_up_db)

    assert result.returncode == 0, result.stderr
    assert integrity(backed_up_db) == ["ok"]
    with Store.open(backed_up_db, backup=True) as store:
        assert store.annotations(1) == expected
    # What was replaced is kept too: the damaged file is among the backups, byte for byte.
    assert damaged in {digest(b.path) for b in list_backups(backed_up_db)}


def test_a_copy_of_a_damaged_database_as_the_restore_source_is_refused(backed_up_db, tmp_path):
    broken_copy = tmp_path / "broken-copy.sqlite"
    shutil.copy(backed_up_db, broken_copy)
    garble_pages(broken_copy)
    before = digest(backed_up_db)

    result = run_cli("restore", broken_copy, "--db", backed_up_db)

    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"reader: {broken_copy} ") and (
        "is damaged" in result.stderr or "cannot be read as a database" in result.stderr
    )
    assert digest(backed_up_db) == before
