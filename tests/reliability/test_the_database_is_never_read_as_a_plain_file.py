"""Fault: the open database named as the file to import, to read annotations from or to
export into. It is refused in one line before it is opened as a plain file: closing such a
handle would drop the locks SQLite holds on it (SQLite's "How To Corrupt", section 2.2), and
exporting into it would replace the database with a CSV file."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reliability_support import integrity, run_cli


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_importing_the_database_itself_skips_it_unopened(corpus_db):
    result = run_cli("import", corpus_db, "--db", corpus_db)

    assert result.returncode == 3
    assert f"skipped {corpus_db}: the database itself" in result.stderr and "Traceback" not in result.stderr
    assert integrity(corpus_db) == ["ok"]


def test_reading_annotations_from_the_database_itself_is_refused(corpus_db):
    before = digest(corpus_db)

    result = run_cli("import-annotations", corpus_db, "--db", corpus_db)

    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "is the database itself" in result.stderr
    assert digest(corpus_db) == before


def test_exporting_into_the_database_itself_is_refused_and_it_stays_a_database(corpus_db):
    before = digest(corpus_db)

    result = run_cli("export", "--db", corpus_db, "-o", corpus_db)

    assert result.returncode == 1 and "is the database itself" in result.stderr
    assert digest(corpus_db) == before and integrity(corpus_db) == ["ok"]
