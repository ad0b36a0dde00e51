"""Fault: the database file is read-only (chmod a-w), also when the tests run as root,
who may write any file: Reader honours the file's mode bits, not just os.access."""

from __future__ import annotations

import hashlib
import sqlite3
import stat

import pytest
from reliability_support import run_cli

from reader.domain.annotations import Annotation
from reader.store import Store, StoreError


@pytest.fixture
def read_only_db(corpus_db):
    corpus_db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    yield corpus_db
    corpus_db.chmod(stat.S_IRUSR | stat.S_IWUSR)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_only_file_opens_read_only_reads_and_refuses_writes(read_only_db):
    before = digest(read_only_db)
    with Store.open(read_only_db, backup=True) as store:
        assert store.read_only
        text = store.document(1).text
        assert store.documents()[0].name == "mixed.txt"
        with pytest.raises(StoreError, match="read-only; nothing was changed"):
            store.add_annotation(Annotation(document_id=1, start=0, end=9, text=text[:9], tag="claim"))
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            # Even past Reader's own check, SQLite itself refuses: the connection is read-only.
            store.db.execute("DELETE FROM documents")
    assert digest(read_only_db) == before
    assert not (read_only_db.parent / "backups").exists()


def test_cli_reads_a_read_only_file_and_refuses_to_change_it(read_only_db):
    before = digest(read_only_db)
    exported = run_cli("export", "--db", read_only_db, "--format", "jsonl")
    assert exported.returncode == 0, exported.stderr
    refused = run_cli(
        "annotate", "--db", read_only_db, "--doc", "mixed.txt", "--start", "0", "--end", "4", "--tag", "claim"
    )
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr == f"reader: {read_only_db} is read-only; nothing was changed\n"
    assert digest(read_only_db) == before
