"""Reading a Taguette project database (the ``.sqlite3`` that Taguette exports, or its own
workspace file), through SQLite, read-only, never changing a byte of it."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from contextlib import closing
from pathlib import Path

from reader.domain.foreign.model import BadPeerFile
from reader.domain.foreign.taguette import TaguetteDocument, TaguetteHighlight, TaguetteProject
from reader.store.errors import BUSY_TIMEOUT_SECONDS, is_locked
from reader.store.schema import APPLICATION_ID, read_only_uri

_TABLES = frozenset({"projects", "documents", "highlights", "tags", "highlight_tags"})


def read_taguette_project(path: Path) -> TaguetteProject:
    """Every project's documents and highlights; BadPeerFile when ``path`` is not a Taguette database."""
    if not path.is_file():
        raise BadPeerFile(f"{path}: no such file")
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_SECONDS)) as db:
            db.execute("PRAGMA trusted_schema = OFF")  # a file from elsewhere runs none of its own SQL functions
            _check_is_taguette(db, path)
            return _project(db)
    except sqlite3.Error as error:
        if is_locked(error):
            raise BadPeerFile(
                f"{path} is locked by another program (is Taguette running?); nothing was read"
            ) from error
        raise BadPeerFile(f"{path} cannot be read as a Taguette database ({error})") from error


def _check_is_taguette(db: sqlite3.Connection, path: Path) -> None:
    if db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID:
        raise BadPeerFile(f"{path} is a Reader database: bring its annotations in with reader merge")
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = sorted(_TABLES - tables)
    if missing:
        raise BadPeerFile(f"{path} is an SQLite database but not Taguette's (it has no {', '.join(missing)} table)")


def _project(db: sqlite3.Connection) -> TaguetteProject:
    several = db.execute("SELECT count(*) FROM projects").fetchone()[0] > 1
    documents = [
        TaguetteDocument(id, f"{project} / {name}" if several else str(name), contents)
        for id, name, project, contents in db.execute(
            "SELECT d.id, d.name, p.name, d.contents FROM documents d JOIN projects p ON p.id = d.project_id "
            "ORDER BY p.id, d.id"
        )
    ]
    tags: dict[int, list[str]] = defaultdict(list)
    for highlight_id, path in db.execute(
        "SELECT ht.highlight_id, t.path FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id ORDER BY t.path"
    ):
        tags[highlight_id].append(str(path))
    users = _highlight_users(db)
    highlights = [
        TaguetteHighlight(id, document_id, start, end, snippet, tuple(tags[id]), users.get(id, ""))
        for id, document_id, start, end, snippet in db.execute(
            "SELECT id, document_id, start_offset, end_offset, snippet FROM highlights ORDER BY document_id, id"
        )
    ]
    return TaguetteProject(documents, highlights)


def _highlight_users(db: sqlite3.Connection) -> dict[int, str]:
    """Who added each highlight, from the log of commands (a file without it names no one)."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'commands'").fetchone() is None:
        return {}
    users: dict[int, str] = {}
    for user, payload in db.execute(
        "SELECT user_login, payload FROM commands WHERE payload LIKE '%highlight_add%' ORDER BY id"
    ):
        try:
            command = json.loads(payload)
        except (TypeError, ValueError):
            continue
        if isinstance(command, dict) and command.get("type") == "highlight_add":
            highlight_id = command.get("highlight_id")
            if type(highlight_id) is int:
                users[highlight_id] = str(user)
    return users
