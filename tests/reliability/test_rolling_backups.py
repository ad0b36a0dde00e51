"""A copy of the database is taken on open (SQLite's backup API), a few are kept, and any
can be restored; restoring first backs up what it replaces."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reliability_support import MIXED_TEXT, integrity, run_cli

from reader.domain.annotations import Annotation
from reader.store import Store
from reader.store.backup import KEEP, list_backups

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def add_one(path, start: int) -> Annotation:
    with Store.open(path) as store:
        return store.add_annotation(
            Annotation(document_id=1, start=start, end=start + 3, text=MIXED_TEXT[start : start + 3], tag="date")
        )


def ids_in(path) -> set[str]:
    with Store.open(path, read_only=True) as store:
        return {a.id for a in store.annotations(1)}


def test_opening_takes_a_sound_self_contained_copy_named_with_utc_time(corpus_db):
    added = add_one(corpus_db, 0)
    began = datetime.now(UTC)
    with Store.open(corpus_db, backup=True) as store:
        assert store.backup_problem == ""
    (copy,) = list_backups(corpus_db)
    assert copy.path.parent == corpus_db.parent / "backups"
    assert copy.path.name.startswith("corpus.sqlite.") and copy.path.suffix == ".bak"
    assert began - timedelta(seconds=1) <= copy.taken_at <= datetime.now(UTC)
    assert integrity(copy.path) == ["ok"]
    connection = sqlite3.connect(copy.path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()
    assert ids_in(copy.path) == {added.id}


def test_no_copy_when_unchanged_or_not_asked_for_or_new(corpus_db, tmp_path):
    with Store.open(tmp_path / "new.sqlite", backup=True):
        pass  # nothing to copy yet
    with Store.open(corpus_db):
        pass
    assert list_backups(corpus_db) == [] and list_backups(tmp_path / "new.sqlite") == []
    for _ in range(3):
        with Store.open(corpus_db, backup=True) as store:
            store.documents()  # reading changes nothing
    assert len(list_backups(corpus_db)) == 1


def test_only_the_newest_copies_are_kept(corpus_db):
    added = []
    for round_number in range(KEEP + 3):
        added.append(add_one(corpus_db, round_number * 4).id)
        with Store.open(corpus_db, backup=True):
            pass
    kept = list_backups(corpus_db)
    assert len(kept) == KEEP
    assert [b.taken_at for b in kept] == sorted((b.taken_at for b in kept), reverse=True)
    # Round n's copy holds the first n + 1 annotations; the oldest kept is round len - KEEP's.
    assert ids_in(kept[0].path) == set(added)
    assert ids_in(kept[-1].path) == set(added[: len(added) - KEEP + 1])


def test_restore_backs_up_first_and_reaches_a_window_that_has_the_file_open(corpus_db):
    first = add_one(corpus_db, 0)
    with Store.open(corpus_db, backup=True):
        pass
    (old,) = list_backups(corpus_db)
    later = add_one(corpus_db, 10)

    with Store.open(corpus_db) as window:  # another window, open throughout
        result = run_cli("restore", old.path, "--db", corpus_db)
        assert result.returncode == 0, result.stderr
        assert {a.id for a in window.annotations(1)} == {first.id}
        after = Annotation(document_id=1, start=20, end=22, text=MIXED_TEXT[20:22], tag="claim")
        window.add_annotation(after)  # and it keeps working on the restored file

    assert ids_in(corpus_db) == {first.id, after.id}
    replaced = list_backups(corpus_db)[0]
    assert replaced.path != old.path and ids_in(replaced.path) == {first.id, later.id}
    assert f"backed up the replaced database to {replaced.path}" in result.stdout
    assert integrity(corpus_db) == ["ok"]


def test_cli_lists_backups_newest_first(corpus_db):
    assert run_cli("backups", "--db", corpus_db).stderr.startswith("no backups of")
    for start in (0, 5):
        add_one(corpus_db, start)
        # the commands that write many rows at once back up on open
        assert run_cli("import", SEEDS, "--db", corpus_db).returncode == 0

    listed = run_cli("backups", "--db", corpus_db)

    assert listed.returncode == 0
    assert [line.split()[-1] for line in listed.stdout.splitlines()] == [str(b.path) for b in list_backups(corpus_db)]
    assert len(listed.stdout.splitlines()) == 2


def test_a_copy_that_cannot_be_written_does_not_stop_the_work_but_is_reported(corpus_db):
    (corpus_db.parent / "backups").write_text("a file where the folder should be")
    add_one(corpus_db, 0)
    with Store.open(corpus_db, backup=True) as store:
        assert store.backup_problem.startswith(f"could not back up {corpus_db}")
        add_one(corpus_db, 5)

    result = run_cli("import", SEEDS, "--db", corpus_db)

    assert result.returncode == 0
    assert result.stderr.startswith(f"reader: warning: could not back up {corpus_db}")
    assert result.stderr.count("\n") == 1
    assert result.stdout.count("added ") == 2
    assert len(ids_in(corpus_db)) == 2
