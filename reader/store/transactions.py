"""Transactions on the store's plain sqlite3 connection (sqlite-utils is not needed for them)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def immediate_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One transaction (a savepoint when nested). IMMEDIATE takes the write lock
    up front, so two writers wait for each other instead of deadlocking."""
    if conn.in_transaction:
        with _savepoint(conn):
            yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    # One name serves every depth: SQLite rolls back to and releases the innermost of that name.
    conn.execute("SAVEPOINT reader_nested")
    try:
        yield
    except BaseException:
        # An error that ended the whole transaction (a RAISE(ROLLBACK) trigger, say)
        # took the savepoint with it: there is nothing left to undo.
        if conn.in_transaction:
            conn.execute("ROLLBACK TO reader_nested")
            conn.execute("RELEASE reader_nested")
        raise
    conn.execute("RELEASE reader_nested")
