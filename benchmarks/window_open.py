"""Scenario 1w: Reader's whole window built and painted on a long, highlighted document.

In one process (Qt and Reader already imported), ``reader.app.build`` on a database
holding one document of 600,000 characters with 10,000 highlights, shown until its
reader pane has painted the text, against a stock QPlainTextEdit made, loaded with the
same text and painted at the pane's size. This is what opening a database costs once
the imports are paid: the store, the document list, the annotation list, the pane.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from benchmarks.measure import Row, paired_ms
from benchmarks.reader_pane import (
    dispose,
    highlighted_document,
    long_document_database,
    paint_after,
    plain_edit,
    reader_window,
)

WINDOW_OPEN_RATIO = 3.0  # issue 17


def _reader_window(db: Path, settings: Path) -> tuple[QWidget, QPlainTextEdit]:
    window = reader_window(db, settings)
    view = window.findChild(QPlainTextEdit, "readerView")
    if view is None:
        raise RuntimeError("Reader's window has no reader pane")
    paint_after(view.viewport(), window.show)
    return window, view


def window_open(chars: int, density: float, work: Path, runs: int) -> Row:
    text, annotations = highlighted_document(chars, density)
    db = work / "window-open.sqlite"
    long_document_database(db, text, annotations)
    settings = work / "window-open-settings.ini"
    window, view = _reader_window(db, settings)  # untimed: the settings written, the file cached
    if view.document_text() != text:
        raise RuntimeError("Reader's window did not open the long document")
    pane_size, font, margin = view.size(), view.font(), view.document().documentMargin()
    dispose(window)

    def reader(made: list[QWidget]) -> None:
        made.append(_reader_window(db, settings)[0])

    def plain(made: list[QWidget]) -> None:
        edit = plain_edit(font, margin, pane_size)
        made.append(edit)
        edit.setPlainText(text)
        paint_after(edit.viewport(), edit.show)

    def cleanup(made: list[QWidget]) -> None:
        for widget in made:
            dispose(widget)

    reader_ms, plain_ms = paired_ms(reader, plain, runs, prepare=lambda side: [], cleanup=cleanup)
    return Row(
        "1w",
        f"build Reader's window on a document with {len(annotations):,} highlights, until painted",
        f"{chars:,} chars",
        reader_ms,
        plain_ms,
        "same text, plain QPlainTextEdit made, loaded and painted",
        "ms",
        f"≤ {WINDOW_OPEN_RATIO:g}× baseline",
        reader_ms <= WINDOW_OPEN_RATIO * plain_ms,
    )
