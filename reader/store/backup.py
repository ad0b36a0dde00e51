"""Rolling copies of a database, taken on open with SQLite's backup API, and restoring one.

Copies live in a ``backups/`` folder beside the database, named
``<database file name>.<UTC time>.bak``; the newest ``KEEP`` are kept. A copy is
taken only when the file changed since the last one (its size and modification
time, and those of its write-ahead log), and only after SQLite found the file
sound, so a damaged file never pushes the good copies out.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from reader.files import partial_path, remove_stale_partials
from reader.store.errors import BUSY_TIMEOUT_SECONDS, StoreError, explain, is_locked
from reader.store.schema import (
    COMPANIONS,
    DamagedDatabase,
    check_before_opening,
    check_sound,
    may_write,
    read_only_uri,
    reading_uri,
)

KEEP = 5
FOLDER = "backups"
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_STAMP_PATTERN = r"\d{8}T\d{6}\.\d{6}Z"


class BackupNotWritten(StoreError):
    """The copy could not be written (a full disk, a read-only folder); the database is fine."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    size: int


def backups_dir(db_path: Path) -> Path:
    return Path(db_path).parent / FOLDER


def list_backups(db_path: Path) -> list[Backup]:
    """The copies of ``db_path``, newest first."""
    db_path = Path(db_path)
    folder = backups_dir(db_path)
    pattern = re.compile(rf"{re.escape(db_path.name)}\.({_STAMP_PATTERN})\.bak")
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None:
            continue
        try:
            size = entry.stat().st_size
        except OSError:  # pruned by another process meanwhile
            continue
        taken_at = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
        found.append(Backup(entry, taken_at, size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def back_up(
    conn: sqlite3.Connection, db_path: Path, keep: int = KEEP, spare: Path | None = None, check: bool = True
) -> Path | None:
    """Copy the database open on ``conn`` (the file ``db_path``) unless it is unchanged
    since the newest copy; keep the newest ``keep`` copies (and ``spare``). ``check``:
    refuse to copy a damaged file; pass False when the caller has just checked it.

    Returns the new copy, or None when none was needed. Raises DamagedDatabase when
    the database is damaged, BackupNotWritten when the copy cannot be written.
    """
    db_path = Path(db_path)
    folder = backups_dir(db_path)
    remove_stale_partials(folder)
    fingerprint = _fingerprint(db_path)
    last = _read_last(db_path)
    if last and last.get("fingerprint") == fingerprint and (folder / last.get("backup", "")).is_file():
        return None
    if check:
        check_sound(conn, db_path)
    partial = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _new_name(db_path)
        partial = partial_path(target)
        _copy_into(conn, partial)
        os.replace(partial, target)
        _write_last(db_path, {"fingerprint": fingerprint, "backup": target.name})
    except (OSError, sqlite3.Error) as error:
        _remove_quietly(partial)
        raise BackupNotWritten(f"could not back up {db_path} into {folder}: {_reason(error)}") from error
    _prune(db_path, keep, spare)
    return target


def _copy_into(conn: sqlite3.Connection, path: Path) -> None:
    """The database on ``conn`` copied into a new file at ``path`` by SQLite's backup API, on disk."""
    with closing(sqlite3.connect(path)) as copy:
        conn.backup(copy)
        # A copy is one self-contained file, whatever the original's journal mode.
        copy.execute("PRAGMA journal_mode = DELETE")
    with path.open("rb+") as handle:  # no connection to this new file is open any more
        os.fsync(handle.fileno())


def restore(backup: Path, target: Path) -> Path | None:
    """Make ``target`` hold what ``backup`` holds, after backing up what ``target`` holds now.

    One exclusive step against every other connection: under ``target``'s write lock
    its current content is copied aside and then replaced, table by table, in the same
    transaction. No other program's change can fall between the two: each lands either
    in the copy (before) or in the restored database (after), and a window that has
    ``target`` open sees the restored content. A restore cut short changes nothing.
    A damaged ``target`` is copied aside byte for byte and replaced as a file.
    Returns the copy taken of ``target`` first (None when the newest copy already held it).
    """
    backup, target = Path(backup), Path(target)
    if not backup.is_file():
        raise StoreError(f"{backup}: no such backup")
    check_before_opening(backup)
    with closing(sqlite3.connect(read_only_uri(backup), uri=True)) as source:
        check_sound(source, backup)
    try:
        target_exists = check_before_opening(target)
    except StoreError as refusal:
        if not isinstance(refusal.__cause__, sqlite3.DatabaseError) or is_locked(refusal.__cause__):
            raise  # not a Reader database at all, a newer one, or in use: not ours to replace
        return _replace_damaged(backup, target)
    if target_exists and not may_write(target):
        raise StoreError(f"{target} is read-only; nothing was restored")
    if not target_exists:
        _replace_file(backup, target)
        return None
    try:
        return _restore_in_place(backup, target)
    except DamagedDatabase:
        return _replace_damaged(backup, target)
    except sqlite3.Error as error:
        raise StoreError(f"could not restore {target}: {explain(target, error)}") from error


def _restore_in_place(backup: Path, target: Path) -> Path | None:
    with closing(
        sqlite3.connect(target.resolve().as_uri(), uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    ) as current:
        check_sound(current, target)
        current.execute("PRAGMA foreign_keys = OFF")  # the tables are replaced whole, parents and children
        current.execute("ATTACH DATABASE ? AS restored", [read_only_uri(backup)])
        current.execute("BEGIN IMMEDIATE")
        try:
            # A connection of its own reads what the write lock now holds still: in WAL mode,
            # and in a rollback journal's RESERVED state, readers go on while one writer waits.
            with closing(sqlite3.connect(reading_uri(target), uri=True, timeout=BUSY_TIMEOUT_SECONDS)) as reader:
                before = back_up(reader, target, spare=backup, check=False)
            _replace_tables(current)
            current.execute("COMMIT")
        except BaseException:
            if current.in_transaction:
                current.execute("ROLLBACK")
            raise
    return before


def _replace_tables(conn: sqlite3.Connection) -> None:
    """Inside ``conn``'s transaction: every table, index and trigger of ``main`` replaced by
    those of the attached ``restored``, rows and schema version included."""
    for kind, drop in (("trigger", "DROP TRIGGER"), ("view", "DROP VIEW"), ("table", "DROP TABLE")):
        for (name,) in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' "
            "ORDER BY sql LIKE 'CREATE VIRTUAL%' DESC",
            [kind],
        ).fetchall():
            conn.execute(f"{drop} IF EXISTS main.{_identifier(name)}")
    schema = conn.execute(
        "SELECT type, name, sql FROM restored.sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
    ).fetchall()
    tables = [(name, sql) for kind, name, sql in schema if kind == "table"]
    for _, sql in tables:  # virtual tables first: they make their own shadow tables
        if sql.upper().startswith("CREATE VIRTUAL TABLE"):
            conn.execute(sql)
    existing = {row[0] for row in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")}
    for name, sql in tables:
        if name not in existing and not sql.upper().startswith("CREATE VIRTUAL TABLE"):
            conn.execute(sql)
    copied = [name for name, sql in tables if not sql.upper().startswith("CREATE VIRTUAL TABLE")]
    if conn.execute("SELECT 1 FROM restored.sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
        copied.append("sqlite_sequence")
    for name in copied:  # before the triggers exist, so that none of them fires
        conn.execute(f"DELETE FROM main.{_identifier(name)}")
        conn.execute(f"INSERT INTO main.{_identifier(name)} SELECT * FROM restored.{_identifier(name)}")
    for kind, _, sql in schema:
        if kind in ("index", "trigger", "view"):
            conn.execute(sql)
    application_id = int(conn.execute("PRAGMA restored.application_id").fetchone()[0])
    user_version = int(conn.execute("PRAGMA restored.user_version").fetchone()[0])
    conn.execute(f"PRAGMA main.application_id = {application_id}")
    conn.execute(f"PRAGMA main.user_version = {user_version}")


def _identifier(name: str) -> str:
    """A table or index name, quoted as SQL quotes identifiers."""
    return '"' + name.replace('"', '""') + '"'


def _replace_damaged(backup: Path, target: Path) -> Path:
    """The damaged ``target`` copied aside byte for byte, then replaced as a file. No
    connection to it is open here: SQLite could not read it."""
    before = _copy_damaged(target)
    _replace_file(backup, target)
    _prune(target, KEEP, spare=backup)
    return before


def _copy_damaged(target: Path) -> Path:
    """The damaged file copied aside byte for byte, with its log or journal."""
    copy = _new_name(target)
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, copy)
        for suffix in ("-wal", "-journal"):  # under the names SQLite looks for beside the copy
            companion = target.with_name(target.name + suffix)
            if companion.is_file():
                shutil.copyfile(companion, copy.with_name(copy.name + suffix))
    except OSError as error:
        raise BackupNotWritten(
            f"could not copy {target} aside before restoring: {_reason(error)}; it is as it was"
        ) from error
    return copy


def _replace_file(backup: Path, target: Path) -> None:
    """``target`` (missing, empty or damaged) replaced by a copy of ``backup`` built beside it."""
    remove_stale_partials(target.parent, of=target.name)
    partial = partial_path(target)
    try:
        with closing(sqlite3.connect(read_only_uri(backup), uri=True)) as source:
            _copy_into(source, partial)
        for leftover in COMPANIONS:  # they belong to the file being replaced
            _remove_quietly(target.with_name(target.name + leftover))
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        raise StoreError(f"could not restore {target}: {_reason(error)}; it is as it was") from error
    finally:
        _remove_quietly(partial)


def _fingerprint(db_path: Path) -> list:
    """Size and modification time of the file and of a non-empty write-ahead log:
    SQLite changes one of them with every commit, and none when only reading."""
    result = []
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        if stat.st_size:
            result.append([path.name, stat.st_size, stat.st_mtime_ns])
    return result


def _new_name(db_path: Path) -> Path:
    now = datetime.now(UTC)
    newest = list_backups(db_path)
    if newest and newest[0].taken_at >= now:  # a clock set back, or two copies in one microsecond
        now = newest[0].taken_at + timedelta(microseconds=1)
    return backups_dir(db_path) / f"{db_path.name}.{now.strftime(_STAMP)}.bak"


def _prune(db_path: Path, keep: int, spare: Path | None) -> None:
    for old in list_backups(db_path)[keep:]:
        if spare is None or old.path.resolve() != spare.resolve():
            _remove_quietly(old.path)
            _remove_quietly(old.path.with_name(old.path.name + "-wal"))


def _last_path(db_path: Path) -> Path:
    return backups_dir(db_path) / f".{db_path.name}.last.json"


def _read_last(db_path: Path) -> dict | None:
    try:
        return json.loads(_last_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_last(db_path: Path, record: dict) -> None:
    path = _last_path(db_path)
    partial = partial_path(path)
    partial.write_text(json.dumps(record), encoding="utf-8")
    os.replace(partial, path)


def _remove_quietly(path: Path | None) -> None:
    if path is not None:
        with suppress(OSError):
            path.unlink()


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)
