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
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from reader.store.schema import StoreError, check_before_opening

KEEP = 5
FOLDER = "backups"
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_STAMP_PATTERN = r"\d{8}T\d{6}\.\d{6}Z"
_BUSY_TIMEOUT_SECONDS = 5.0


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
        taken_at = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=timezone.utc)
        found.append(Backup(entry, taken_at, size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def back_up(conn: sqlite3.Connection, db_path: Path, keep: int = KEEP, spare: Path | None = None,
            check: bool = True) -> Path | None:
    """Copy the database open on ``conn`` (the file ``db_path``) unless it is unchanged
    since the newest copy; keep the newest ``keep`` copies (and ``spare``). ``check``:
    refuse to copy a damaged file (restore copies it anyway, before replacing it).

    Returns the new copy, or None when none was needed. Raises StoreError when the
    database is damaged, BackupNotWritten when the copy cannot be written.
    """
    db_path = Path(db_path)
    folder = backups_dir(db_path)
    fingerprint = _fingerprint(db_path)
    last = _read_last(db_path)
    if last and last.get("fingerprint") == fingerprint and (folder / last.get("backup", "")).is_file():
        return None
    if check:
        _check_sound(conn, db_path)
    partial = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _new_name(db_path)
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        copy = sqlite3.connect(partial)
        try:
            conn.backup(copy)
            # A copy is one self-contained file, whatever the original's journal mode.
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        _write_last(db_path, {"fingerprint": fingerprint, "backup": target.name})
    except (OSError, sqlite3.Error) as error:
        _remove_quietly(partial)
        raise BackupNotWritten(f"could not back up {db_path} into {folder}: {_reason(error)}") from error
    _prune(db_path, keep, spare)
    return target


def back_up_in_background(db_path: Path, done: Callable[[str], None]) -> threading.Thread:
    """Check and copy ``db_path`` on a thread of its own, through its own read-only
    connection, so a window opens at once however large the file. ``done`` gets
    the one-line problem, or "" when all went well (from that thread)."""
    db_path = Path(db_path)

    def work() -> None:
        problem = ""
        try:
            conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=_BUSY_TIMEOUT_SECONDS)
            try:
                back_up(conn, db_path)
            finally:
                conn.close()
        except StoreError as error:
            problem = str(error)
        except (OSError, sqlite3.Error) as error:
            problem = f"could not back up {db_path}: {_reason(error)}"
        done(problem)

    thread = threading.Thread(target=work, name=f"backup of {db_path.name}", daemon=True)
    thread.start()
    return thread


def restore(backup: Path, target: Path) -> Path | None:
    """Make ``target`` a copy of ``backup``, after backing up what ``target`` holds now.

    A sound ``target`` is overwritten through SQLite's backup API, which takes the
    write lock, so a window that has it open sees the restored content. A damaged
    one is copied aside byte for byte and replaced as a file. Returns the copy taken
    of ``target`` first (None when the newest copy already held it).
    """
    backup, target = Path(backup), Path(target)
    if not backup.is_file():
        raise StoreError(f"{backup}: no such backup")
    check_before_opening(backup)
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _check_sound(source, backup)
        if not (target.exists() and target.stat().st_size > 0):
            _restore_into(source, target)
            return None
        try:
            check_before_opening(target)
        except StoreError as refusal:
            if not isinstance(refusal.__cause__, sqlite3.DatabaseError):
                raise  # not a Reader database at all, or a newer one: not ours to replace
            before = _copy_damaged(target)
            _replace_file(source, target)
            _prune(target, KEEP, spare=backup)
            return before
        current = sqlite3.connect(target, timeout=_BUSY_TIMEOUT_SECONDS)
        try:
            before = back_up(current, target, spare=backup, check=False)
        finally:
            current.close()
        _restore_into(source, target)
        return before
    finally:
        source.close()


def _restore_into(source: sqlite3.Connection, target: Path) -> None:
    destination = sqlite3.connect(target, timeout=_BUSY_TIMEOUT_SECONDS)
    try:
        source.backup(destination)
    except sqlite3.Error as error:
        raise StoreError(f"could not restore {target}: {_reason(error)}; it is as it was") from error
    finally:
        destination.close()


def _copy_damaged(target: Path) -> Path:
    """The damaged file (and its write-ahead log, under the name SQLite looks for) copied aside."""
    copy = _new_name(target)
    try:
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, copy)
        wal = target.with_name(target.name + "-wal")
        if wal.is_file():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    except OSError as error:
        raise BackupNotWritten(f"could not copy {target} aside before restoring: {_reason(error)}; "
                               "it is as it was") from error
    return copy


def _replace_file(source: sqlite3.Connection, target: Path) -> None:
    partial = target.with_name(f".{target.name}.{os.getpid()}.restoring")
    try:
        _restore_into(source, partial)
        for leftover in ("-wal", "-shm"):  # they belong to the damaged file
            _remove_quietly(target.with_name(target.name + leftover))
        os.replace(partial, target)
    finally:
        _remove_quietly(partial)


def _check_sound(conn: sqlite3.Connection, db_path: Path) -> None:
    try:
        report = "\n".join(row[0] for row in conn.execute("PRAGMA quick_check(3)"))
    except sqlite3.DatabaseError as error:
        report = str(error)
    if report != "ok":
        first = next(line for line in report.splitlines() + [report] if line and not line.startswith("***"))
        raise StoreError(f"{db_path} is damaged ({first}); it was left untouched. "
                         f"List its backups with: reader backups --db {db_path}")


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
    now = datetime.now(timezone.utc)
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
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_text(json.dumps(record), encoding="utf-8")
    os.replace(partial, path)


def _remove_quietly(path: Path | None) -> None:
    if path is not None:
        try:
            path.unlink()
        except OSError:
            pass


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)

