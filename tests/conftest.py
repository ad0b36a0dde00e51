"""Shared fixtures. Tests never touch the user's own data, settings or screen."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Before anything imports Qt: no screen, and no user dirs of the real account.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_SANDBOX = Path(tempfile.mkdtemp(prefix="reader-tests-"))
for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[variable] = str(_SANDBOX / variable.lower())
# The messages the tests read are English whatever this machine's locale; the Russian tests ask for Russian.
os.environ["READER_LANGUAGE"] = "en"

import pytest  # noqa: E402

from reader import gc_pause  # noqa: E402
from reader.qt_environment import configure_qt_environment  # noqa: E402
from reader.store import Store  # noqa: E402

configure_qt_environment()  # Qt as the window runs it, before pytest-qt makes the QApplication

gc_pause.resume()  # the tests are no window's start-up: they collect garbage as usual

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "project.sqlite"


@pytest.fixture
def store(db_path: Path):
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture
def seeded_store(store: Store) -> Store:
    from reader.domain.corpus import find_sources, read_source

    for path, name in find_sources([SEEDS]):
        store.import_source(read_source(path, name))
    return store


@pytest.fixture(scope="session")
def translations_built() -> Path:
    """resources/translations/*.qm compiled from their .ts sources (as `make translations` does)."""
    import subprocess
    import sys

    folder = REPO / "resources" / "translations"
    stale = [
        ts
        for ts in folder.glob("*.ts")
        if not ts.with_suffix(".qm").exists() or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    if stale:
        subprocess.run([sys.executable, str(REPO / "scripts" / "translations.py"), "compile"], check=True)
    return folder
