"""SQLite's errors classified by their code into one-line messages (as qutebrowser's misc/sql.py does).

The words of an error message change between SQLite versions; its code does not.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_SECONDS = 5.0

_LOCKED = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


class StoreError(Exception):
    """A database that cannot be used as asked; ``str()`` is a one-line message for the user."""


def primary_code(error: sqlite3.Error) -> int | None:
    """The primary result code (SQLITE_BUSY for SQLITE_BUSY_SNAPSHOT, say), or None when unknown."""
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_locked(error: sqlite3.Error) -> bool:
    return primary_code(error) in _LOCKED


def is_damage(error: sqlite3.Error) -> bool:
    return primary_code(error) in _DAMAGED


def explain(path: Path, error: sqlite3.Error) -> str:
    """What ``error``, met while using the database at ``path``, means for the user, in one line."""
    code = primary_code(error)
    if code in _LOCKED:
        return f"{path} is locked by another program; waited {BUSY_TIMEOUT_SECONDS:g} s, nothing was changed"
    if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_READONLY_ROLLBACK:
        return (
            f"{path} holds a change left unfinished by a program that stopped, which SQLite must roll "
            "back, and it may not be written here; copy it with its -journal file to a folder you can "
            "write to"
        )
    if code == sqlite3.SQLITE_READONLY:
        return f"{path} is read-only; nothing was changed"
    if code == sqlite3.SQLITE_FULL:
        return f"the disk holding {path} is full; the last change was not saved"
    if code in _DAMAGED:
        return f"{path} is damaged ({error}); nothing was changed. List its backups with: reader backups --db {path}"
    if code == sqlite3.SQLITE_CONSTRAINT:
        return (
            f"{path} no longer holds what this change expects (another program changed it: {error}); "
            "nothing was changed"
        )
    if code == sqlite3.SQLITE_CANTOPEN:
        return f"{path} cannot be opened ({error})"
    if code == sqlite3.SQLITE_IOERR:
        return f"{path} could not be read or written ({error}); nothing was changed"
    return f"{path}: {error}"
