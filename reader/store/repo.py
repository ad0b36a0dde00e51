"""The Store: one open Reader database, opened (checked, backed up, brought up to date)
and closed here; what it holds is read and written by the parts it is made of."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from reader.store.annotation_rows import AnnotationRows
from reader.store.annotations import AnnotationQueries
from reader.store.core import sqlite_utils_database
from reader.store.errors import BUSY_TIMEOUT_SECONDS, StoreError, explain
from reader.store.peers import PeerQueries
from reader.store.relation_pairs import RelationPairs
from reader.store.relation_rows import RelationRows
from reader.store.relations import RelationQueries
from reader.store.schema import (
    READ_ONLY_SHIMS,
    SCHEMA_VERSION,
    DamagedDatabase,
    check_before_opening,
    check_sound,
    may_write,
    migrate,
    reading_uri,
)
from reader.store.search import SearchQueries
from reader.store.suggestions import SuggestionQueries

# Closing waits this long at most for a check or copy still running (a copy is atomic if cut short).
CHECK_WAIT_SECONDS = 60


class Store(
    SuggestionQueries,
    RelationRows,
    RelationPairs,
    PeerQueries,
    RelationQueries,
    AnnotationQueries,
    AnnotationRows,
    SearchQueries,
):
    """One open Reader database. Every public method that writes is one transaction."""

    backup_problem = ""  # why the copy taken on open failed, when it did

    @classmethod
    def open(
        cls,
        path: str | os.PathLike,
        create: bool = True,
        read_only: bool = False,
        backup: bool = False,
        verify: bool = False,
    ) -> Store:
        """``read_only``: never write to the file, even when it may be written.
        ``verify``: first check the whole file (PRAGMA quick_check) and refuse a damaged one.
        ``backup``: verify, then copy the file to backups/ when it changed (reader.store.backup)."""
        path = Path(path)
        exists = check_before_opening(path)
        if not exists and (read_only or not create):
            raise StoreError(f"{path}: no such database")
        read_only = exists and (read_only or not may_write(path))
        try:
            if not exists:
                path.parent.mkdir(parents=True, exist_ok=True)
            conn = _connect(path, read_only)
            try:
                backup_problem = _prepare(
                    conn,
                    path,
                    read_only,
                    verify=exists and (verify or backup),
                    backup=backup and exists and not read_only,
                )
            except BaseException:
                conn.close()
                raise
        except sqlite3.Error as error:
            raise StoreError(explain(path, error)) from error
        except OSError as error:
            raise StoreError(f"{path}: {error.strerror or error}") from error
        store = cls(conn, path, read_only)
        store.backup_problem = backup_problem
        return store

    def close(self) -> None:
        self.closed = True
        self.conn.close()
        if self._checking is not None and self._checking.ident is not None:
            self._checking.join(CHECK_WAIT_SECONDS)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def check_in_background(self, back_up: bool, done: Callable[[str], None], start: bool = True) -> None:
        """Check the whole file on a thread with a connection of its own, then copy it to
        backups/ when it changed (``back_up``), so that a large file does not hold up a
        window. A write waits for the verdict; a damaged file makes this store read-only.
        ``done`` gets the one-line problem, or "" (called from that thread). ``start``
        False: the thread waits for ``start_check`` (or the first write, which starts it)."""

        def work() -> None:
            from reader.store.backup import BackupNotWritten  # on the thread: not the first frame's time
            from reader.store.backup import back_up as copy_to_backups

            problem = ""
            try:
                with closing(sqlite3.connect(reading_uri(self.path), uri=True, timeout=BUSY_TIMEOUT_SECONDS)) as conn:
                    check_sound(conn, self.path)
                    if back_up:
                        copy_to_backups(conn, self.path, check=False)
            except DamagedDatabase as damage:
                self.damage = problem = str(damage)
                self.read_only = True
            except BackupNotWritten as error:
                problem = str(error)
            except (StoreError, OSError, sqlite3.Error) as error:
                problem = f"could not check {self.path}: {_reason(self.path, error)}"
            done(problem)

        self._checking = threading.Thread(target=work, name=f"check of {self.path.name}", daemon=True)
        if start:
            self.start_check()


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        return sqlite3.connect(
            reading_uri(path), uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False)


def _prepare(conn: sqlite3.Connection, path: Path, read_only: bool, verify: bool, backup: bool) -> str:
    """The connection set up and its schema brought up to date (the caller closes it
    when this raises); returns why the backup on open failed ("" when it did not).
    Nothing is written before the file has passed every check. sqlite-utils is loaded
    only for a migration or a read-only shim, never to open a current file."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    upgrading = not read_only and 0 < version < SCHEMA_VERSION
    if verify or upgrading:
        check_sound(conn, path)
    backup_problem = _back_up_on_open(conn, path) if backup else ""
    # Set as sqlite-utils' Database sets it (a REPLACE then fires the delete triggers),
    # whether or not one is ever made on this connection.
    conn.execute("PRAGMA recursive_triggers = ON")
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        if version != SCHEMA_VERSION:
            migrate(sqlite_utils_database(conn))
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    elif version in READ_ONLY_SHIMS:
        conn.execute("PRAGMA foreign_keys = OFF")  # nothing is written, and temp tables cannot refer to main ones
        db = sqlite_utils_database(conn)
        for shim in READ_ONLY_SHIMS[version]:
            shim(db)
    elif version < SCHEMA_VERSION:
        raise StoreError(
            f"{path} has schema {version}, older than this Reader's {SCHEMA_VERSION}; "
            "open it once in the window to upgrade it (it was left untouched)"
        )
    return backup_problem


def _back_up_on_open(conn: sqlite3.Connection, path: Path) -> str:
    """Copy the (checked) file before this session changes it; a copy that cannot be
    written is only reported back."""
    from reader.store.backup import BackupNotWritten, back_up

    try:
        back_up(conn, path, check=False)
    except BackupNotWritten as error:
        return str(error)
    return ""


def _reason(path: Path, error: Exception) -> str:
    if isinstance(error, sqlite3.Error):
        return explain(path, error)
    return getattr(error, "strerror", None) or str(error)
