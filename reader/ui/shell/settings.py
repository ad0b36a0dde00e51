"""What the window remembers between runs, in an INI file (QSettings).

Per database: the last document, and where the reader was in each document
(caret and first visible character, in code points). The path is injectable,
so tests never write the user's settings."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from reader.paths import APP_NAME

MAX_PLACES = 500


def default_settings_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "window.ini"


def _database_key(database: Path) -> str:
    return hashlib.sha1(str(Path(database).resolve()).encode("utf-8")).hexdigest()[:16]


class WindowSettings:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else default_settings_path()
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    # The window

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/state", value)

    def splitter(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    def set_splitter(self, value: QByteArray) -> None:
        self._settings.setValue("window/splitter", value)

    def font_size(self) -> int | None:
        return self._int("reader/font_size")

    def set_font_size(self, points: int) -> None:
        self._settings.setValue("reader/font_size", int(points))

    def exact_characters(self) -> bool:
        return self._bool("reader/exact_characters", False)

    def set_exact_characters(self, exact: bool) -> None:
        self._settings.setValue("reader/exact_characters", bool(exact))

    # Identity and review

    def annotator(self) -> str | None:
        """The name stored on the user's annotations and reviews; None until it is set."""
        value = self._settings.value("identity/annotator")
        return value.strip() if isinstance(value, str) and value.strip() else None

    def set_annotator(self, name: str) -> None:
        self._settings.setValue("identity/annotator", name)

    def review_mode(self) -> bool:
        return self._bool("review/mode", False)

    def set_review_mode(self, on: bool) -> None:
        self._settings.setValue("review/mode", bool(on))

    def show_rejected(self) -> bool:
        return self._bool("review/show_rejected", True)

    def set_show_rejected(self, shown: bool) -> None:
        self._settings.setValue("review/show_rejected", bool(shown))

    # Per database

    def last_document(self, database: Path) -> int | None:
        return self._int(f"databases/{_database_key(database)}/last_document")

    def set_last_document(self, database: Path, document_id: int | None) -> None:
        key = f"databases/{_database_key(database)}/last_document"
        if document_id is None:
            self._settings.remove(key)
        else:
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

    def _bool(self, key: str, default: bool) -> bool:
        return self._settings.value(key, "true" if default else "false") in (True, "true")

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _int(self, key: str) -> int | None:
        value = self._settings.value(key)
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None
