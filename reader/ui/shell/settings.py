"""What the window remembers between runs, in an INI file (QSettings).

Per database: the last document, and where the reader was in each document
(caret and first visible character, in code points). The path is injectable,
so tests never write the user's settings."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from reader.paths import APP_NAME

MAX_PLACES = 500
T = TypeVar("T")


def default_settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "window.ini"


def _database_key(database: Path) -> str:
    return hashlib.sha1(str(Path(database).resolve()).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One value the window remembers: its key in the file, how a stored value is read
    back (None when it cannot be: a hand-edited file must not stop the window), and
    what it is until it has been stored."""

    key: str
    read: Callable[[object], T | None]
    default: T


def _as_bytes(value: object) -> QByteArray | None:
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def _as_int(value: object) -> int | None:
    try:
        return int(value) if isinstance(value, int | str) else None
    except ValueError:
        return None


def _as_bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    return {"true": True, "false": False}.get(value) if isinstance(value, str) else None


def _as_name(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


GEOMETRY = Setting[QByteArray | None]("window/geometry", _as_bytes, None)
WINDOW_STATE = Setting[QByteArray | None]("window/state", _as_bytes, None)
SPLITTER = Setting[QByteArray | None]("window/splitter", _as_bytes, None)
ZOOM = Setting[int]("window/zoom", _as_int, 100)  # percent, for the whole window
EXPORT_FOLDER = Setting[str | None]("export/folder", _as_name, None)  # where the last export was written
EXACT_CHARACTERS = Setting[bool]("reader/exact_characters", _as_bool, False)
ANNOTATOR = Setting[str | None]("identity/annotator", _as_name, None)  # the name on annotations and reviews
REVIEW_MODE = Setting[bool]("review/mode", _as_bool, False)
SHOW_REJECTED = Setting[bool]("review/show_rejected", _as_bool, True)


class WindowSettings:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else default_settings_path()
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        value = self._settings.value(setting.key)
        read = setting.read(value) if value is not None else None
        return setting.default if read is None else read

    def set(self, setting: Setting[T], value: T) -> None:
        # A value set again as it is (a check box restored at start-up) writes nothing: each
        # write makes QSettings rewrite its file on the next turn, inside the first frame.
        if not (self._settings.contains(setting.key) and self.get(setting) == value):
            self._settings.setValue(setting.key, value)

    # Per database

    def last_document(self, database: Path) -> int | None:
        return _as_int(self._settings.value(f"databases/{_database_key(database)}/last_document"))

    def set_last_document(self, database: Path, document_id: int | None) -> None:
        key = f"databases/{_database_key(database)}/last_document"
        if document_id is None:
            self._settings.remove(key)
        elif self.last_document(database) != document_id:
            self._settings.setValue(key, int(document_id))

    def place(self, database: Path, document_id: int) -> tuple[int, int] | None:
        """(caret, first visible code point) where the reader left ``document_id``."""
        entry = self._places(database).get(str(document_id))
        if not isinstance(entry, list) or len(entry) != 2 or not all(isinstance(n, int) for n in entry):
            return None
        return entry[0], entry[1]

    def set_place(self, database: Path, document_id: int, caret: int, top: int) -> None:
        places = self._places(database)
        places.pop(str(document_id), None)
        places[str(document_id)] = [int(caret), int(top)]
        while len(places) > MAX_PLACES:
            places.pop(next(iter(places)))
        self._settings.setValue(f"databases/{_database_key(database)}/places", json.dumps(places))

    def sync(self) -> None:
        self._settings.sync()

    # Reading values back safely: a hand-edited file must not stop the window.

    def _places(self, database: Path) -> dict:
        raw = self._settings.value(f"databases/{_database_key(database)}/places", "{}")
        try:
            places = json.loads(raw) if isinstance(raw, str) else {}
        except ValueError:
            return {}
        return places if isinstance(places, dict) else {}
