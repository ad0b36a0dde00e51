"""Where Reader finds its bundled files and keeps its per-user data.

The same lookup serves a source checkout, an installed wheel (the files are
packaged under ``reader/_bundled``) and a PyInstaller app (``sys._MEIPASS``).
"""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from pathlib import Path

APP_NAME = "Reader"


@cache
def bundle_root() -> Path:
    package = Path(__file__).resolve().parent
    candidates = [package / "_bundled", package.parent]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen))
    for root in candidates:
        if (root / "resources" / "tags.toml").is_file():
            return root
    raise FileNotFoundError("Reader's resources/ folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    return bundle_root().joinpath("resources", *parts)


def seeds_dir() -> Path:
    return bundle_root() / "seeds"


def user_data_dir() -> Path:
    import platformdirs  # imported when a per-user folder is needed, not by every command

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """Where the window logs what it could not handle (the built app has no console)."""
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "reader.log"


def default_database() -> Path:
    return user_data_dir() / "reader.sqlite"


def corpus_database(corpus_dir: Path) -> Path:
    """The per-user database for a corpus folder opened without ``--db``: one per
    folder, so two corpora with files of the same name never share documents."""
    folder = Path(corpus_dir).resolve()
    digest = hashlib.sha1(str(folder).encode("utf-8")).hexdigest()[:10]
    return user_data_dir() / "corpora" / f"{folder.name or 'corpus'}-{digest}.sqlite"
