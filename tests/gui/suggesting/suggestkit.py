"""Helpers of the suggestion tests: Suggest… run by its keys, and what the database holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from reader.app import ReaderApp
from reader.domain.suggestions import StoredSuggestion
from reader.store import Store

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
RUN_SECONDS = 60  # the suggester's load and a seed's suggestions take a few seconds on a loaded machine


def run_suggest(qtbot, window, every_document: bool = False) -> None:
    """Ctrl+Shift+S, the scope chosen with the keyboard, Enter; back when the run has ended."""
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_S, CTRL | SHIFT)
    dialog = window.findChild(QDialog, "suggestScopeDialog")
    assert dialog is not None and dialog.isVisible()
    choice = dialog.all_documents if every_document else dialog.this_document
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Space)
    assert choice.isChecked()
    qtbot.keyClick(choice, Qt.Key.Key_Return)
    runner = ReaderApp.of(window).suggesting.runner
    qtbot.waitUntil(lambda: not runner.running(), timeout=RUN_SECONDS * 1000)
    window.activateWindow()  # the dialog closed: shortcuts fire in the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def open_suggestions(db: Path, document_id: int | None = None) -> list[StoredSuggestion]:
    with Store.open(db, create=False, read_only=True) as store:
        ids = [document_id] if document_id is not None else [d.id for d in store.documents()]
        return [s for i in ids for s in store.suggestions(i)]


def stored_suggestion(db: Path, suggestion_id: str) -> StoredSuggestion | None:
    with Store.open(db, create=False, read_only=True) as store:
        return store.suggestion(suggestion_id)
