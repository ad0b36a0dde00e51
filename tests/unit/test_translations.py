"""The window's translations: sources in step with the code, every text translated, the
language chosen from the system's locale (or READER_LANGUAGE), in a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from reader.ui.shell.translation import language_of

REPO = Path(__file__).resolve().parents[2]


def test_the_ts_sources_hold_every_string_of_the_code_and_each_has_its_russian():
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "translations.py"), "check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("locale", "language"),
    [("ru_RU", "ru"), ("ru_UA", "ru"), ("en_GB", "en"), ("de_DE", "en"), ("C", "en")],
)
def test_language_follows_the_locale(locale: str, language: str):
    assert language_of(QLocale(locale)) == language


_SPEAK = """
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from reader.ui.shell import translation
app = QApplication([])
print(translation.install(app))
print(translation.translate("Actions", "&File"))
box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
print(box.button(QDialogButtonBox.StandardButton.Cancel).text())
"""


def _speak(**environment: str) -> list[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("READER_LANGUAGE", "LANGUAGE")}
    env.update(QT_QPA_PLATFORM="offscreen", **environment)
    done = subprocess.run([sys.executable, "-c", _SPEAK], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_a_russian_system_gets_a_russian_window_and_qt_dialogs(translations_built):
    assert _speak(LC_ALL="ru_RU.UTF-8", LANG="ru_RU.UTF-8") == ["ru", "&Файл", "Отмена"]


def test_any_other_system_gets_english(translations_built):
    assert _speak(LC_ALL="de_DE.UTF-8", LANG="de_DE.UTF-8") == ["en", "&File", "Cancel"]


def test_reader_language_overrides_the_system(translations_built):
    assert _speak(LC_ALL="ru_RU.UTF-8", LANG="ru_RU.UTF-8", READER_LANGUAGE="en")[:2] == ["en", "&File"]
    assert _speak(LC_ALL="C.UTF-8", READER_LANGUAGE="ru")[:2] == ["ru", "&Файл"]


def test_without_compiled_translations_the_window_speaks_english(tmp_path: Path):
    # An install without .qm files (a source checkout before `make translations`) still opens, in English.
    nowhere = f"translation.translations_dir = lambda: __import__('pathlib').Path({str(tmp_path)!r})"
    script = _SPEAK.replace(
        "from reader.ui.shell import translation", f"from reader.ui.shell import translation\n{nowhere}"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_LANGUAGE": "ru"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["en", "&File", "Cancel"]
