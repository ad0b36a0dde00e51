"""Fixtures of the window tests (qutebrowser's tests/helpers/fixtures.py style).

The tests below this folder mirror reader/ui's feature packages; windowkit (driving
the real window with real keys and clicks) and reviewkit (small review databases)
are importable from each of them, as pytest puts this folder on sys.path.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from reviewkit import review_database
from windowkit import open_window

from reader.app import ReaderApp
from reader.domain.annotations import Annotation
from reader.ui.main_window import MainWindow
from reader.ui.shell import translation


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    """The real window on the bundled seeds, in a database and settings of the test's own."""
    return open_window(qtbot, tmp_path / "project.sqlite", tmp_path / "settings.ini")


@pytest.fixture
def parts(window: MainWindow) -> ReaderApp:
    """The session, actions and feature controllers that drive ``window``."""
    return ReaderApp.of(window)


@pytest.fixture
def russian(qapp, translations_built):
    """The window's texts in Russian (Reader's and Qt's) for one test; after it, none installed,
    as the other tests expect (English plurals would turn "1 annotation(s)" into "1 annotation")."""
    assert translation.install(qapp, QLocale("ru_RU")) == "ru"
    yield
    translation.uninstall(qapp)


@pytest.fixture
def review_db(tmp_path: Path) -> tuple[Path, dict[str, Annotation]]:
    """reviewkit.TEXTS with pending and reviewed annotations by alice and bob, by short names."""
    return review_database(tmp_path)
