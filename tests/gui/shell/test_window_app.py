"""Starting the window: ``reader`` with no arguments opens the bundled seeds in
a per-user database; a bad database or folder stops with one line and exit 1."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reader.app import ReaderApp, StartupError, build
from reader.cli import parse
from reader.paths import corpus_database, default_database, seeds_dir
from reader.store import Store


def run_reader(*args: str, timeout: float = 60, **environment: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **environment)
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def test_without_arguments_the_seeds_open_in_a_per_user_database(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    window = build(parse([]), settings_path=tmp_path / "settings.ini")
    qtbot.addWidget(window)
    database = default_database()
    assert database.is_relative_to(tmp_path) and database.exists()
    seeds = sorted(p.name for p in seeds_dir().glob("*.txt"))
    assert sorted(d.name for d in ReaderApp.of(window).session.store.documents()) == seeds
    assert ReaderApp.of(window).session.document is not None  # the first document is open at once
    assert str(database) in window.status_summary.text()
    window.close()

    again = build(parse([]), settings_path=tmp_path / "settings.ini")
    qtbot.addWidget(again)
    assert again.documents.model.rowCount() == len(seeds)
    assert "Imported" not in again.status_message.text()  # the seeds came in on the first run only


def test_a_corpus_folder_without_db_gets_its_own_database(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    corpus = tmp_path / "letters"
    corpus.mkdir()
    (corpus / "one.txt").write_text("First letter", encoding="utf-8")
    window = build(parse([str(corpus)]), settings_path=tmp_path / "settings.ini")
    qtbot.addWidget(window)
    assert ReaderApp.of(window).session.store.path == corpus_database(corpus)
    assert [d.name for d in ReaderApp.of(window).session.store.documents()] == ["one.txt"]


def test_a_subcommand_is_not_a_window(qapp, tmp_path):
    with pytest.raises(StartupError):
        build(parse(["stats", "--db", str(tmp_path / "x.sqlite")]))


def test_a_file_that_is_not_a_database_stops_with_one_line(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_bytes(b"these are my notes, not a database\n" * 20)
    result = run_reader(str(seeds_dir()), "--db", str(bad))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: ") and "not a Reader database" in lines[0]
    assert "Traceback" not in result.stderr
    assert bad.read_bytes() == b"these are my notes, not a database\n" * 20

    missing = run_reader(str(tmp_path / "no-such-folder"), "--db", str(tmp_path / "new.sqlite"))
    assert missing.returncode == 1
    assert missing.stderr.strip() == f"reader: {tmp_path / 'no-such-folder'}: no such folder"
    assert not (tmp_path / "new.sqlite").exists()


def test_a_newer_schema_is_refused_by_the_window_too(qapp, tmp_path):
    db = tmp_path / "future.sqlite"
    with Store.open(db) as store:
        store.db.execute("PRAGMA user_version = 999")
    with pytest.raises(Exception, match="newer Reader"):
        build(parse([str(seeds_dir()), "--db", str(db)]), settings_path=tmp_path / "settings.ini")


def test_the_window_runs_as_a_process_and_keeps_the_import(tmp_path):
    db = tmp_path / "project.sqlite"
    result = run_reader(str(seeds_dir()), "--db", str(db), READER_EXIT_AFTER_MS="300")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    with Store.open(db, create=False) as store:
        assert len(store.documents()) == len(list(seeds_dir().glob("*.txt")))


@pytest.mark.parametrize("preset", [None, ""])
def test_the_window_asks_qt_to_fill_on_the_painting_thread_unless_told_otherwise(tmp_path, preset):
    """Qt's raster engine hands each tall fill to a thread pool and waits; Reader turns the pool
    off (QT_NO_GUI_THREADPOOL) before its first paint, and leaves a value the user set alone."""
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    if preset is not None:
        env["QT_NO_GUI_THREADPOOL"] = preset
    code = (
        "import os, sys\n"
        "from reader.app import build\n"
        "from reader.cli import parse\n"
        "window = build(parse(['--db', sys.argv[1]]), settings_path=sys.argv[2])\n"
        "print(repr(os.environ.get('QT_NO_GUI_THREADPOOL')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "db.sqlite"), str(tmp_path / "settings.ini")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == repr("1" if preset is None else preset)
