"""Fault: the database lies in a folder its user cannot write to (a shared drive, a USB
stick mounted read-only, a colleague's folder). Reading must work where writing can't:
SQLite may create no -wal or -shm file there, and nothing may be written.

The tests run as root, whom a folder's mode bits do not stop, so the commands and the
window run as the unprivileged user nobody: a child Python imports Reader first (the
interpreter lives under /root, which nobody cannot read), then drops to nobody's uid and
runs ``reader.cli.main``. As another user than root, a chmod 0555 folder is enough.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from contextlib import closing
from pathlib import Path

import pytest
from reliability_support import integrity, run_cli

from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.store import Store

NOBODY = 65534
AS_ROOT = os.geteuid() == 0

# Everything the commands import lazily (the subcommands too) is imported before the switch to nobody: locale too,
# which argparse's gettext imports as it parses, sqlite-utils, which the store loads to write, and
# tomllib and charset_normalizer, which a new database and a file not in UTF-8 need.
SWITCH = f"""
import locale, os, sys, json, tomllib, charset_normalizer
from pathlib import Path
import reader.cli, reader.cli_commands, reader.store.merge, reader.store.backup, reader.store.exchange
import reader.domain.agreement
import reader.store.sqlite_utils_alone
if os.geteuid() == 0:
    os.setgroups([])
    os.setgid({NOBODY})
    os.setuid({NOBODY})
    assert os.geteuid() == {NOBODY}
"""
COMMAND = SWITCH + "sys.exit(reader.cli.main(sys.argv[1:]))\n"
WINDOW = (
    """
import reader.app
"""
    + SWITCH
    + """
window = reader.app.build(reader.cli.parse(["--db", sys.argv[1]]), settings_path=Path(sys.argv[2]))
session = reader.app.ReaderApp.of(window).session
model = window.documents.model
print(json.dumps({
    "summary": window.status_summary.text(),
    "message": window.status_message.text(),
    "read_only": session.store.read_only,
    "documents": [model.summary(model.document_id(row)).name for row in range(model.rowCount())],
    "open": session.document.name if session.document else None,
    "annotations_shown": window.annotation_panel.model.rowCount(),
}))
reader.app.ReaderApp.of(window).library.close()
"""
)

TEXTS = {
    "alpha.txt": "Alpha claims that Bravo met Charlie on Monday.\n",
    "echo.txt": "Echo said nothing new at all, said Foxtrot.\n",
}
QUOTES = [
    ("alpha.txt", "Alpha", "actor"),
    ("alpha.txt", "claims that", "claim"),
    ("alpha.txt", "Monday", "date"),
    ("echo.txt", "Echo", "actor"),
]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the sha256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def owned_by_the_user(path: Path) -> Path:
    path.mkdir(mode=0o700)
    if AS_ROOT:
        os.chown(path, NOBODY, NOBODY)
    return path


@pytest.fixture
def place():
    """A folder nobody can reach (pytest's tmp_path is root's alone): the database in
    ``shared/``, which the user may not write to; ``elsewhere/`` and ``home/`` are the user's."""
    base = Path(tempfile.mkdtemp(prefix="reader-read-only-folder-"))
    base.chmod(0o755)
    shared = base / "shared"
    shared.mkdir()
    db = shared / "team.sqlite"
    ids = {}
    with Store.open(db) as store:
        documents = {
            name: store.import_source(SourceText(name, "", text, "utf-8")).document_id for name, text in TEXTS.items()
        }
        for name, quote, tag in QUOTES:
            start = TEXTS[name].index(quote)
            ids[store.add_annotation(Annotation(documents[name], start, start + len(quote), quote, tag)).id] = quote
    assert sorted(p.name for p in shared.iterdir()) == ["team.sqlite"]  # closed cleanly: no -wal
    db.chmod(0o644)
    shared.chmod(0o555)
    home = owned_by_the_user(base / "home")
    for sub in ("config", "data", "cache", "state", "runtime"):
        owned_by_the_user(home / sub)
    try:
        yield {"db": db, "ids": ids, "elsewhere": owned_by_the_user(base / "elsewhere"), "home": home}
    finally:
        shared.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


def as_the_user(*args, script: str = COMMAND, env: dict | None = None) -> subprocess.CompletedProcess:
    """``reader ARGS`` run by a user who may not write to the folder."""
    if not AS_ROOT and script is COMMAND:
        return run_cli(*args)
    return subprocess.run(
        [sys.executable, "-c", script, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env or dict(os.environ),
        cwd="/",
    )


def test_reading_works_in_a_folder_the_user_cannot_write_to(place):
    db, ids, elsewhere = place["db"], place["ids"], place["elsewhere"]
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o555
    before = snapshot(db.parent)

    stats = as_the_user("stats", "--db", db)
    assert stats.returncode == 0, stats.stderr
    assert "documents: 2\n" in stats.stdout and f"annotations: {len(ids)}\n" in stats.stdout
    assert "  actor: 2\n" in stats.stdout and "  pending: 4\n" in stats.stdout

    exported = as_the_user("export", "--db", db, "--format", "jsonl")
    assert exported.returncode == 0, exported.stderr
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert {row["annotation_id"]: row["text"] for row in rows} == ids

    to_file = as_the_user("export", "--db", db, "--dialect", "plain", "-o", elsewhere / "annotations.csv")
    assert to_file.returncode == 0, to_file.stderr
    assert len((elsewhere / "annotations.csv").read_text(encoding="utf-8").splitlines()) == 1 + len(ids)

    merged = as_the_user("merge", db, "-o", elsewhere / "new.sqlite")
    assert merged.returncode == 0, merged.stderr
    assert f"annotations: {len(ids)} added" in merged.stdout
    with Store.open(elsewhere / "new.sqlite", read_only=True) as copy:
        assert {a.id: a.text for d in copy.documents() for a in copy.annotations(d.id)} == ids
    assert integrity(elsewhere / "new.sqlite") == ["ok"]

    assert snapshot(db.parent) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["team.sqlite"]  # no -wal, -shm, backups/


@pytest.mark.parametrize("command", ["annotate", "import"])
def test_writing_in_a_folder_the_user_cannot_write_to_is_refused_in_one_line(place, command):
    db, elsewhere = place["db"], place["elsewhere"]
    note = elsewhere / "note.txt"
    note.write_text("A note to import.\n", encoding="utf-8")
    note.chmod(0o644)
    before = snapshot(db.parent)
    args = {
        "annotate": ("annotate", "--db", db, "--doc", "echo.txt", "--start", "5", "--end", "9", "--tag", "claim"),
        "import": ("import", note, "--db", db),
    }[command]

    refused = as_the_user(*args)

    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert refused.stdout == ""
    assert len(refused.stderr.splitlines()) == 1 and "read-only" in refused.stderr
    assert snapshot(db.parent) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["team.sqlite"]


def test_the_window_opens_read_only_in_a_folder_the_user_cannot_write_to(place, translations_built):
    db, home = place["db"], place["home"]
    before = snapshot(db.parent)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
    )

    shown = as_the_user(db, home / "settings.ini", script=WINDOW, env=env)

    assert shown.returncode == 0, shown.stderr
    seen = json.loads(shown.stdout.splitlines()[-1])
    assert seen["read_only"] is True
    assert seen["summary"] == f"{db} · 2 documents · 4 annotations · read-only"  # reader_en.qm's plurals
    assert "read-only" in seen["message"]
    assert seen["documents"] == ["alpha.txt", "echo.txt"]
    assert seen["open"] == "alpha.txt" and seen["annotations_shown"] == 3
    assert snapshot(db.parent) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["team.sqlite"]
    with closing(sqlite3.connect(f"{db.resolve().as_uri()}?immutable=1", uri=True)) as connection:
        assert connection.execute("SELECT count(*) FROM annotations").fetchone()[0] == 4
