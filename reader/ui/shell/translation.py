"""The window's language: Russian when the system locale is Russian, English otherwise.

Qt's translation system does the work. The sources are ``resources/translations/reader_*.ts``
(``scripts/translations.py update`` refreshes them from the code with pyside6-lupdate); the
``.qm`` files are compiled from them at build time (``make translations``, build.spec), and
Qt's own ``qtbase_*.qm`` translates its dialogs (Open, Cancel, the colour picker).

English is the language of the code, so it needs no file, except for plurals: ``%n`` strings
("%n annotation(s)") get their English forms from ``reader_en.qm``.

Every user-visible string of the window goes through ``translate(context, text)``, a name
pyside6-lupdate finds, with the feature package as its context.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.paths import resource_path

LANGUAGES = ("en", "ru")
LANGUAGE_VARIABLE = "READER_LANGUAGE"
_QT_CATALOGUE = "qtbase"  # Qt's own words: its dialogs and standard buttons


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language; ``%n`` in it is replaced by ``n`` with the right plural."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for pyside6-lupdate where it is defined (a table of actions) and returns it
    as it is; ``translate(context, text)`` shows it later. Qt's own is typed as returning object."""
    return text


def language_of(locale: QLocale) -> str:
    """The first of ``locale``'s interface languages that Reader speaks (LANGUAGE, LC_MESSAGES and
    LANG on Linux), else English."""
    for tag in locale.uiLanguages():
        name = tag.replace("-", "_").split("_")[0].lower()
        if name in LANGUAGES:
            return name
    return "en"


def chosen_language() -> str:
    """READER_LANGUAGE (en, ru) when set, for a user who wants another language than the system's."""
    wanted = os.environ.get(LANGUAGE_VARIABLE, "").strip().lower()
    return wanted if wanted in LANGUAGES else language_of(QLocale.system())


def translations_dir() -> Path:
    return resource_path("translations")


def _qt_catalogue_dirs() -> list[Path]:
    """Where Qt's catalogue is looked for, first found wins: the bundle's copy, then Qt's."""
    dirs = [translations_dir(), Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        dirs.append(Path(frozen) / "PySide6" / "Qt" / "translations")
    return dirs


def install(app: QCoreApplication, locale: QLocale | None = None) -> str:
    """Install the translators for ``locale`` (by default chosen_language()); returns the language
    now spoken. A missing .qm file leaves the window in English: it never stops it opening."""
    uninstall(app)
    language = language_of(locale) if locale is not None else chosen_language()
    loaded = _load(app, f"reader_{language}", [translations_dir()])
    if language != "en":
        if not loaded:
            return "en"
        _load(app, f"{_QT_CATALOGUE}_{language}", _qt_catalogue_dirs())
    return language


def uninstall(app: QCoreApplication) -> None:
    """Remove the translators ``install`` put in: the texts of the code again."""
    for old in app.findChildren(QTranslator, "readerTranslator"):
        app.removeTranslator(old)
        old.deleteLater()


def _load(app: QCoreApplication, name: str, dirs: list[Path]) -> bool:
    for folder in dirs:
        translator = QTranslator(app)
        translator.setObjectName("readerTranslator")
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            return True
        translator.deleteLater()
    return False
