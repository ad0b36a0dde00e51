"""The composition root (Mu's run()): opens the store, builds the window, the
undo stack, the actions, the session and the feature controllers, each of which
binds its own actions and widgets.

``build(args)`` does all of it without entering the event loop, for ``reader``
itself, the tests and the screenshot script alike; reader.cli parses the command
line (it imports this module, never the reverse).
"""

from __future__ import annotations

import os
import sys
from argparse import Namespace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import gc_pause
from reader.identity import default_annotator
from reader.paths import APP_NAME, corpus_database, default_database, resource_path, seeds_dir
from reader.qt_environment import configure_qt_environment
from reader.store import Store, StoreError
from reader.ui.annotating.controller import AnnotatingController
from reader.ui.annotating.tags import TagsController
from reader.ui.library.controller import LibraryController
from reader.ui.linking.controller import LinkingController
from reader.ui.linking.relation_types import RelationTypesController
from reader.ui.main_window import MainWindow
from reader.ui.merge.controller import MergeController
from reader.ui.reading.controller import ReadingController
from reader.ui.review.controller import ReviewController
from reader.ui.shell import crash_log, translation
from reader.ui.shell.actions import Actions
from reader.ui.shell.session import Session
from reader.ui.shell.settings import WindowSettings
from reader.ui.shell.translation import translate
from reader.ui.suggesting.controller import SuggestingController

if TYPE_CHECKING:
    from reader.ui.compare.controller import ComparisonController

EXIT_AFTER_VARIABLE = "READER_EXIT_AFTER_MS"


class StartupError(Exception):
    """The window cannot open as asked; ``str()`` is a one-line message for the user."""


def application() -> QApplication:
    configure_qt_environment()  # before the first paint, whoever made the QApplication
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(sys.argv[:1])
        translation.install(app)
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName("reader")
    icon = resource_path("icons", "reader-256.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


class ReaderApp(QObject):
    """The parts that drive one window: the session and a controller per feature, each
    binding its own actions and widgets. Each is built after the ones it uses, so the
    order below is the order of the layers. A child of the window (it lives as long as
    the window does), found with ``ReaderApp.of(window)``."""

    def __init__(self, window: MainWindow, store: Store, settings: WindowSettings, annotator: str):
        super().__init__(window)
        self.setObjectName("readerApp")
        self.window = window
        undo_stack = QUndoStack(window)
        self.actions = actions = Actions(window, undo_stack)
        self.session = session = Session(store, settings, undo_stack, annotator, window)
        self.reading = reading = ReadingController(session, actions, window)
        self.annotating = annotating = AnnotatingController(session, actions, window, reading)
        self.tags = tags = TagsController(session, actions, window, annotating)
        self.review = ReviewController(session, actions, window, reading, annotating)
        self.linking = LinkingController(session, actions, window, annotating, window.link_list)
        self.relation_types = RelationTypesController(session, actions, window, annotating)
        self.suggesting = SuggestingController(session, actions, window, reading, annotating)
        self._annotating = annotating
        actions.bind("Compare", lambda: self.comparison.choose())
        actions.bind("TakeTheirs", lambda: self.comparison.take_theirs())
        actions.bind("KeepOurs", lambda: self.comparison.keep_ours())
        self.library = library = LibraryController(session, actions, window, reading, tags)
        self.merging = MergeController(session, actions, window, library)
        actions.bind("Quit", window.close)
        actions.bind("Shortcuts", lambda: actions.show_shortcuts(window))

    @cached_property
    def comparison(self) -> ComparisonController:
        """View ▸ Compare With…: its controller, panel and dock, made the first time it is used
        (their imports and widgets were about 12 ms of every start-up). Not restored with the
        window: the other database may be gone."""
        from reader.ui.compare.controller import ComparisonController
        from reader.ui.compare.view import ComparisonPanel

        panel = ComparisonPanel(self.window)
        dock = self.window.add_dock(translate("Window", "Comparison"), "comparisonDock", panel)
        return ComparisonController(self.session, self.actions, self.window, self._annotating, panel, dock)

    @staticmethod
    def of(window: MainWindow) -> ReaderApp:
        app = window.findChild(ReaderApp)
        assert app is not None, "a window that reader.app did not build"
        return app


def build(args: Namespace, settings_path: Path | None = None) -> MainWindow:
    """The window for the parsed command line ``reader [CORPUS_DIR] [--db FILE]``
    (``reader.cli.parse``), not yet shown."""
    if args.command != "open":
        raise StartupError(
            translate("Window", "'reader {command}' is a command, not a window").format(command=args.command)
        )
    return build_window(args.corpus, args.db, settings_path)


def build_window(corpus: Path | None, database: Path | None, settings_path: Path | None = None) -> MainWindow:
    application()
    if corpus is not None and not Path(corpus).is_dir():
        raise StartupError(translate("Window", "{folder}: no such folder").format(folder=corpus))
    if database is None:
        database = corpus_database(corpus) if corpus is not None else default_database()
    store = Store.open(database)
    try:
        first_run = corpus is None and not store.has_documents()
        window = MainWindow()
        app = ReaderApp(window, store, WindowSettings(settings_path), default_annotator())
        app.library.load(store)
        if corpus is not None:
            app.library.import_paths([Path(corpus)])
        elif first_run:
            app.library.import_paths([seeds_dir()])
        app.reading.restore_window()
        app.review.restore()
        app.reading.restore_last_document()
    except BaseException:
        store.close()
        raise
    return window


def _has_screen() -> bool:
    return QApplication.platformName() not in ("offscreen", "minimal")


def run(args: Namespace) -> int:
    """``reader [CORPUS_DIR] [--db FILE]``: show the window until it is closed."""
    app = application()
    try:
        window = build(args)
    except (StoreError, StartupError) as error:
        print(f"reader: {error}", file=sys.stderr)
        if _has_screen():
            QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    crashes = crash_log.install(window)
    window.show()
    QTimer.singleShot(0, lambda: gc_pause.resume(freeze=True))  # queued behind the first frame's paint
    exit_after = os.environ.get(EXIT_AFTER_VARIABLE, "")
    if exit_after.isdigit():
        # For headless runs of the built app (CI): close as a user would, then exit 0.
        QTimer.singleShot(int(exit_after), window.close)
    try:
        return app.exec()
    finally:
        crashes.uninstall()
