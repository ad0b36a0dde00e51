"""The composition root (Mu's run()): opens the store, builds the window, the
undo stack, the actions and the controller, and wires them together.

``build(argv)`` does all of it without entering the event loop, for ``reader``
itself, the tests and the screenshot script alike.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.paths import APP_NAME, corpus_database, default_database, resource_path, seeds_dir
from reader.store import Store, StoreError
from reader.ui import crash_log
from reader.ui.actions import Actions
from reader.ui.comparison import ComparisonController
from reader.ui.controller import Controller
from reader.ui.main_window import MainWindow
from reader.ui.merging import choose_and_merge
from reader.ui.review import ReviewController
from reader.ui.settings import WindowSettings


EXIT_AFTER_VARIABLE = "READER_EXIT_AFTER_MS"


class StartupError(Exception):
    """The window cannot open as asked; ``str()`` is a one-line message for the user."""


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName("reader")
    icon = resource_path("icons", "reader-256.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def build(argv: Sequence[str], settings_path: Path | None = None) -> MainWindow:
    """The window for the command line ``reader [CORPUS_DIR] [--db FILE]``, not yet shown."""
    from reader.cli import parse

    args = parse(list(argv))
    if args.command != "open":
        raise StartupError(f"'reader {args.command}' is a command, not a window")
    return build_window(args.corpus, args.db, settings_path)


def build_window(corpus: Path | None, database: Path | None, settings_path: Path | None = None) -> MainWindow:
    from reader.cli import default_annotator

    application()
    if corpus is not None and not Path(corpus).is_dir():
        raise StartupError(f"{corpus}: no such folder")
    if database is None:
        database = corpus_database(corpus) if corpus is not None else default_database()
    store = Store.open(database)
    try:
        first_run = corpus is None and not store.has_documents()
        window = MainWindow()
        undo_stack = QUndoStack(window)
        actions = Actions(window, undo_stack)
        controller = Controller(window, actions, undo_stack, WindowSettings(settings_path), store, default_annotator())
        review = ReviewController(controller, actions)
        comparison = ComparisonController(controller, actions)
        _wire(window, actions, controller, review, comparison)
        controller.load(store)
        if corpus is not None:
            controller.import_paths([Path(corpus)])
        elif first_run:
            controller.import_paths([seeds_dir()])
        controller.restore_window()
        window.comparison_dock.hide()  # a comparison is not restored: its other database may be gone
        review.restore()
        controller.restore_last_document()
    except BaseException:
        store.close()
        raise
    window.controller = controller
    window.review = review
    window.comparison_controller = comparison
    return window


def _wire(
    window: MainWindow,
    actions: Actions,
    controller: Controller,
    review: ReviewController,
    comparison: ComparisonController,
) -> None:
    view = window.reader
    handlers = {
        "OpenFolder": controller.choose_corpus_folder,
        "OpenDatabase": controller.choose_database,
        "ImportFiles": controller.choose_files_to_import,
        "Export": controller.export,
        "Merge": lambda: choose_and_merge(controller),
        "Preferences": controller.edit_preferences,
        "Accept": review.accept,
        "Reject": review.reject,
        "ReviewNote": review.review_note,
        "NextPending": lambda: review.next_pending(1),
        "PreviousPending": lambda: review.next_pending(-1),
        "TakeTheirs": comparison.take_theirs,
        "KeepOurs": comparison.keep_ours,
        "Compare": comparison.choose,
        "Quit": window.close,
        "Find": controller.open_find_bar,
        "FindNext": lambda: controller.find_again(backward=False),
        "FindPrevious": lambda: controller.find_again(backward=True),
        "SearchCorpus": controller.search_corpus,
        "FilterDocuments": controller.filter_documents,
        "DeleteAnnotation": controller.delete_selected,
        "EditNote": controller.edit_note,
        "NextAnnotation": lambda: controller.select_neighbour(1),
        "PreviousAnnotation": lambda: controller.select_neighbour(-1),
        "EditTags": controller.edit_tags,
        "ZoomIn": view.zoom_in,
        "ZoomOut": view.zoom_out,
        "ZoomReset": controller.zoom_reset,
        "FocusDocuments": controller.focus_documents,
        "FocusReader": controller.focus_reader,
        "FocusAnnotations": controller.focus_annotations,
        "Shortcuts": lambda: actions.show_shortcuts(window),
    }
    for name, handler in handlers.items():
        actions[name].triggered.connect(lambda checked=False, run=handler: run())
    window.closing.connect(controller.close)
    window.documents.documentChosen.connect(controller.open_document)
    window.documents.view.filesDropped.connect(controller.import_paths)
    window.corpus_search.hitChosen.connect(controller.open_hit)
    window.find_bar.findRequested.connect(controller.find)
    window.find_bar.closed.connect(controller.focus_reader)
    view.annotationSelected.connect(controller.reader_selection_changed)
    view.edgeMoveRequested.connect(controller.move_edge)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.customContextMenuRequested.connect(controller.reader_menu)
    window.annotation_panel.annotationChosen.connect(controller.choose_annotation)
    window.annotation_panel.noteEdited.connect(controller.set_note)
    window.annotation_panel.noteEditFinished.connect(controller.note_edit_finished)


def _has_screen() -> bool:
    return QApplication.platformName() not in ("offscreen", "minimal")


def run(args) -> int:
    """``reader [CORPUS_DIR] [--db FILE]``: show the window until it is closed."""
    app = application()
    try:
        window = build_window(args.corpus, args.db)
    except (StoreError, StartupError) as error:
        print(f"reader: {error}", file=sys.stderr)
        if _has_screen():
            QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    crashes = crash_log.install(window)
    window.show()
    exit_after = os.environ.get(EXIT_AFTER_VARIABLE, "")
    if exit_after.isdigit():
        # For headless runs of the built app (CI): close as a user would, then exit 0.
        QTimer.singleShot(int(exit_after), window.close)
    try:
        return app.exec()
    finally:
        crashes.uninstall()
