"""What every part of the Store stands on: its connection, its transactions, and whether
another program changed the file."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.store.errors import StoreError, explain
from reader.store.schema import database_files
from reader.store.transactions import immediate_transaction

if TYPE_CHECKING:
    from sqlite_utils import Database


class StoreCore:
    """The connection, the transactions and the change marks that the Store's parts share."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool):
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self.damage = ""  # why the file was found damaged after opening ("" while it is not)
        self.closed = False
        self._checking: threading.Thread | None = None
        # The last document read whole (id, sha256 of its text, text): a span of it is checked
        # against this copy while the stored hash is the same, not cut out of the file again.
        self._read_text: tuple[int, str, str] | None = None
        self._seen_changes = self._change_marks()

    @cached_property
    def db(self) -> Database:
        """sqlite-utils on the same connection, for the writes made with it: imported the
        first time one is made, so that opening a window and reading never loads it."""
        return sqlite_utils_database(self.conn)

    def _await_check(self) -> None:
        if self._checking is not None:
            self.start_check()  # a write never goes ahead of the check it would have waited for
            if self._checking.ident is not None:  # not started: the store is closed
                self._checking.join()
        if self.damage:
            self.read_only = True
            raise StoreError(f"{self.path} is damaged, so it is open read-only; nothing was changed")

    def start_check(self) -> None:
        """Start the check ``check_in_background(start=False)`` left waiting (nothing when
        there is none, it has started, or the store is closed)."""
        if self._checking is not None and self._checking.ident is None and not self.closed:
            self._checking.start()

    def own_files(self) -> tuple[Path, ...]:
        """The database's file and SQLite's files beside it: never to be opened as anything
        else while this store is open (closing such a handle would drop SQLite's locks)."""
        return database_files(self.path)

    def changed_elsewhere(self) -> str:
        """What another connection changed since the last call: "" (nothing), "data"
        (rows), or "schema" (tables replaced: a restore, an upgrade)."""
        marks = self._change_marks()
        data, schema = marks[0] != self._seen_changes[0], marks[1] != self._seen_changes[1]
        self._seen_changes = marks
        return "schema" if schema else "data" if data else ""

    def _change_marks(self) -> tuple[int, int]:
        # data_version moves with every commit of another connection, never with our own,
        # so a write here never hides one made elsewhere since the last look.
        try:
            return (
                self.conn.execute("PRAGMA data_version").fetchone()[0],
                self.conn.execute("PRAGMA schema_version").fetchone()[0],
            )
        except sqlite3.Error as error:
            raise StoreError(explain(self.path, error)) from error

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes into one; the store's own methods nest inside it."""
        self._await_check()
        if self.read_only:
            raise StoreError(f"{self.path} is read-only; nothing was changed")
        try:
            with immediate_transaction(self.conn):
                yield
        except sqlite3.Error as error:
            raise StoreError(explain(self.path, error)) from error

    def _query(self, sql: str, params: list | None = None) -> Iterator[dict]:
        """The rows as {column: value}, as sqlite-utils' ``query`` gives them: the statement
        runs now, its rows are read as they are iterated."""
        cursor = self.conn.execute(sql, params or [])
        columns = [column[0] for column in cursor.description]
        return (dict(zip(columns, row, strict=True)) for row in cursor)

    def _one(self, sql: str, params: list | None = None) -> dict | None:
        return next(self._query(sql, params), None)

    def _value(self, sql: str, params: list | None = None) -> Any:
        """The first column of the first row (a count, say)."""
        return self.conn.execute(sql, params or []).fetchone()[0]


def sqlite_utils_database(conn: sqlite3.Connection) -> Database:
    """sqlite-utils' Database on ``conn``, loaded (the first time) without numpy and pandas."""
    from reader.store.sqlite_utils_alone import Database

    # No sqlite-utils plugins: none may change Reader's connection, and
    # finding them scans every installed package (~40 ms at start-up).
    return Database(conn, execute_plugins=False)
