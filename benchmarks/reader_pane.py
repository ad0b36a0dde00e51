"""Scenarios 1-3: the reader pane with a long document and many highlights.

1. Open: ``set_document`` until the first frame is painted, against a plain
   QPlainTextEdit showing the same text, at two document sizes with the same
   density of highlights: near-equal ratios show that the cost follows the
   screen, not the document.
2. Add one highlight by key in Reader's window: select words, press the tag's
   key, repaint; the annotation is then in the database (checked after). 2m sets
   it beside the same press in the suite's minimal pane (benchmarks/minimal_pane.py);
   2p is the same press on other words with no forced repaint, each side painting only
   what it marked, as a window does.
3. Scroll one page (PageDown, repaint) against the same in the plain widget.
"""

from __future__ import annotations

import random
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from benchmarks.data import TextGenerator, spans
from benchmarks.measure import Row, median_ms, paired_ms
from benchmarks.minimal_pane import MinimalPane
from reader.domain.annotations import ACCEPTED, PENDING, REJECTED, Annotation
from reader.domain.corpus import SourceText
from reader.domain.tags import Tag, default_tags
from reader.store import Store

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

OPEN_RATIO, FRAME_MS, KEY_RATIO = 1.5, 16.0, 1.3
VIEW_WIDTH, VIEW_HEIGHT = 1000, 800
WINDOW_WIDTH, WINDOW_HEIGHT = 1400, 900
EDITS_PER_RUN, PAGES_PER_RUN = 4, 8
_WORD = re.compile(r"\w+")


class _PaintWatch(QObject):
    """Notes when a widget has been painted."""

    def __init__(self, widget: QWidget):
        super().__init__()
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def paint_after(widget: QWidget, action: Callable[[], object]) -> None:
    """Run ``action``, then let Qt run until ``widget`` has painted a frame."""
    watch = _PaintWatch(widget)
    action()
    deadline = time.monotonic() + 30
    while not watch.painted:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{type(widget).__name__} was not painted within 30 s")
        QApplication.processEvents()
    widget.removeEventFilter(watch)


def _show_until_painted(widget: QPlainTextEdit) -> None:
    """Show ``widget`` and let Qt run until its text area has painted its first frame."""
    paint_after(widget.viewport(), widget.show)


def dispose(widget: QWidget) -> None:
    widget.close()
    widget.deleteLater()
    QApplication.processEvents()
    # Outside an event loop processEvents leaves deferred deletes alone: a window kept alive
    # would run its timers (the reader pane's index) inside the next run's timing.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def highlighted_document(chars: int, density: float) -> tuple[str, list[Annotation]]:
    text = TextGenerator(seed=5).text(chars)
    rng = random.Random(9)
    tags = [tag.name for tag in default_tags()]
    annotations = [
        Annotation(
            document_id=1,
            start=s,
            end=e,
            text=text[s:e],
            tag=rng.choice(tags),
            status=rng.choices((PENDING, ACCEPTED, REJECTED), (6, 3, 1))[0],
        )
        for s, e in spans(text, round(chars * density), seed=3)
    ]
    return text, annotations


def plain_edit(font: QFont, margin: float, size: QSize) -> QPlainTextEdit:
    """A stock read-only QPlainTextEdit with the reader pane's font, margin and size."""
    edit = QPlainTextEdit()
    edit.setReadOnly(True)
    edit.setFont(font)
    edit.document().setDocumentMargin(margin)
    edit.resize(size)
    return edit


def long_document_database(db: Path, text: str, annotations: list[Annotation]) -> list[Tag]:
    """A database at ``db`` of the one document ``text`` with ``annotations``; its tags."""
    with Store.open(db) as store:
        document_id = store.import_source(SourceText("long.txt", "", text, "utf-8")).document_id
        store.add_annotations_bulk([replace(a, document_id=document_id) for a in annotations])
        return store.tags()


def _plain_edit(like: QPlainTextEdit) -> QPlainTextEdit:
    return plain_edit(like.font(), like.document().documentMargin(), QSize(VIEW_WIDTH, VIEW_HEIGHT))


def _reader_view():
    from reader.ui.reading.reader_view import ReaderView

    view = ReaderView()
    view.resize(VIEW_WIDTH, VIEW_HEIGHT)
    return view


def open_document(row_id: str, chars: int, density: float, runs: int) -> Row:
    text, annotations = highlighted_document(chars, density)
    tags = default_tags()
    template = _reader_view()

    def reader(view) -> None:
        view.set_document(text, annotations, tags)
        _show_until_painted(view)

    def plain(edit) -> None:
        edit.setPlainText(text)
        _show_until_painted(edit)

    def prepare(side: str) -> QPlainTextEdit:
        return _reader_view() if side == "reader" else _plain_edit(template)

    reader_ms, plain_ms = paired_ms(reader, plain, runs, prepare=prepare, cleanup=dispose)
    dispose(template)
    return Row(
        row_id,
        f"open a document with {len(annotations):,} highlights (¼ overlapping), until painted",
        f"{chars:,} chars",
        reader_ms,
        plain_ms,
        "same text, plain QPlainTextEdit",
        "ms",
        f"≤ {OPEN_RATIO:g}× baseline",
        reader_ms <= OPEN_RATIO * plain_ms,
    )


def _pages(widget: QPlainTextEdit, fraction: float) -> list[float]:
    """Seconds for each of PAGES_PER_RUN PageDown presses (each repainted), from ``fraction`` down the text."""
    bar = widget.verticalScrollBar()
    room = max(0, bar.maximum() - PAGES_PER_RUN * bar.pageStep())
    bar.setValue(int(room * fraction))
    widget.setTextCursor(widget.cursorForPosition(widget.viewport().rect().topLeft()))
    QApplication.processEvents()
    widget.viewport().repaint()
    return page_downs(widget)


def page_downs(widget: QPlainTextEdit) -> list[float]:
    """Seconds for each of PAGES_PER_RUN PageDown presses from where ``widget`` is, each repainted."""
    bar = widget.verticalScrollBar()
    samples = []
    for _ in range(PAGES_PER_RUN):
        before = bar.value()
        started = time.perf_counter()
        QTest.keyClick(widget, Qt.Key.Key_PageDown)
        widget.viewport().repaint()
        samples.append(time.perf_counter() - started)
        if bar.value() <= before:
            raise RuntimeError(f"PageDown did not scroll {type(widget).__name__} (at {before} of {bar.maximum()})")
    return samples


def scroll_page(chars: int, density: float, runs: int) -> Row:
    text, annotations = highlighted_document(chars, density)
    view = _reader_view()
    view.set_document(text, annotations, default_tags())
    _show_until_painted(view)
    plain = _plain_edit(view)
    plain.setPlainText(text)
    _show_until_painted(plain)
    reader, baseline = [], []
    for run in range(runs):
        fraction = (run + 0.5) / runs
        for widget, samples in ((view, reader), (plain, baseline))[:: 1 if run % 2 == 0 else -1]:
            samples.extend(_pages(widget, fraction))
    dispose(view)
    dispose(plain)
    reader_ms, plain_ms = statistics.median(reader) * 1000, statistics.median(baseline) * 1000
    return Row(
        "3",
        f"scroll one page (PageDown + repaint), {len(annotations):,} highlights",
        f"{chars:,} chars",
        reader_ms,
        plain_ms,
        "same in plain QPlainTextEdit",
        "ms",
        f"≤ {FRAME_MS:g} ms",
        reader_ms <= FRAME_MS,
    )


def _word_targets(text: str, count: int) -> list[tuple[int, int]]:
    """``count`` runs of two words spread evenly over ``text``."""
    targets = []
    for n in range(count):
        first = _WORD.search(text, int(len(text) * (n + 0.5) / count))
        second = _WORD.search(text, first.end())
        targets.append((first.start(), second.end()))
    return targets


def _annotation_count(db: Path) -> int:
    import sqlite3

    connection = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM annotations").fetchone()[0]
    finally:
        connection.close()


def reader_window(db: Path, settings: Path) -> MainWindow:
    """Reader's own window on ``db`` (settings kept in ``settings``), built, not yet shown."""
    from reader.app import build
    from reader.cli import parse

    window = build(parse(["--db", str(db)]), settings_path=settings)
    window.resize(WINDOW_WIDTH, WINDOW_HEIGHT)
    return window


def show_reader_window(db: Path, settings: Path) -> MainWindow:
    """Reader's own window on ``db`` (settings kept in ``settings``), shown, active and exposed."""
    window = reader_window(db, settings)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowExposed(window)
    return window


def _select_in_reader(view, start: int, end: int) -> None:
    view.scroll_to_code_point(max(0, start - 300))
    view.set_selection_code_points(start, end)


def _select_in_minimal(pane: MinimalPane, start: int, end: int) -> None:
    cursor = pane.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    pane.ensureCursorVisible()


def _presses(
    widget: QPlainTextEdit, select: Callable[[QPlainTextEdit, int, int], None], key: str, targets: list[tuple[int, int]]
) -> tuple[list[float], list[float]]:
    """Seconds for each tag-key press on each target until repainted, and for a repaint alone before it."""
    added, repainted = [], []
    widget.window().activateWindow()  # a tag key is a shortcut of the active window
    QTest.qWaitForWindowActive(widget.window())
    for start, end in targets:
        select(widget, start, end)
        widget.setFocus()
        QApplication.processEvents()
        widget.viewport().repaint()
        started = time.perf_counter()
        widget.viewport().repaint()
        repainted.append(time.perf_counter() - started)
        started = time.perf_counter()
        QTest.keyClick(widget, key)
        widget.viewport().repaint()
        added.append(time.perf_counter() - started)
    return added, repainted


def _presses_as_painted(
    widget: QPlainTextEdit, select: Callable[[QPlainTextEdit, int, int], None], key: str, targets: list[tuple[int, int]]
) -> list[float]:
    """Seconds for each tag-key press on each target until the widget has painted what the press
    marked for painting (no forced repaint of the whole pane: as the window paints it)."""
    pressed = []
    widget.window().activateWindow()
    QTest.qWaitForWindowActive(widget.window())
    for start, end in targets:
        select(widget, start, end)
        widget.setFocus()
        QApplication.processEvents()
        widget.viewport().repaint()
        started = time.perf_counter()
        paint_after(widget.viewport(), lambda: QTest.keyClick(widget, key))
        pressed.append(time.perf_counter() - started)
    return pressed


def add_by_key(chars: int, density: float, work: Path, runs: int) -> list[Row]:
    """Scenario 2 against a repaint with no change, and 2m against the same press in the minimal pane."""
    text, annotations = highlighted_document(chars, density)
    db = work / "pane.sqlite"
    tags = long_document_database(db, text, annotations)
    key = next(tag.key for tag in tags if tag.key)
    before = _annotation_count(db)
    window = show_reader_window(db, work / "pane-settings.ini")
    view = window.findChild(QPlainTextEdit, "readerView")
    if view is None or view.document_text() != text:
        raise RuntimeError("Reader's window did not open the long document in its reader pane")
    _show_until_painted(view)
    minimal = MinimalPane(text, annotations, tags, work / "minimal-pane.sqlite")
    minimal.setFont(view.font())
    minimal.resize(view.size())
    _show_until_painted(minimal)
    every = _word_targets(text, 2 * runs * EDITS_PER_RUN)
    targets, painted_targets = every[::2], every[1::2]
    added, repainted, minimal_added, as_painted, minimal_as_painted = [], [], [], [], []
    for run in range(runs):
        batch = targets[run * EDITS_PER_RUN : (run + 1) * EDITS_PER_RUN]
        painted_batch = painted_targets[run * EDITS_PER_RUN : (run + 1) * EDITS_PER_RUN]
        sides = [("reader", view, _select_in_reader), ("minimal", minimal, _select_in_minimal)]
        for side, widget, select in sides if run % 2 == 0 else sides[::-1]:
            pressed, idle = _presses(widget, select, key, batch)
            painted = _presses_as_painted(widget, select, key, painted_batch)
            if side == "reader":
                added.extend(pressed)
                repainted.extend(idle)
                as_painted.extend(painted)
            else:
                minimal_added.extend(pressed)
                minimal_as_painted.extend(painted)
    window.close()
    dispose(window)
    minimal_stored = minimal.stored() - len(annotations)
    minimal.close_database()
    dispose(minimal)
    stored = _annotation_count(db) - before
    if stored != len(every) or minimal_stored != len(every):
        raise RuntimeError(f"{len(every)} tag-key presses stored {stored} (the minimal pane {minimal_stored})")
    added_ms, repaint_ms = statistics.median(added) * 1000, statistics.median(repainted) * 1000
    minimal_ms = statistics.median(minimal_added) * 1000
    painted_ms, minimal_painted_ms = median_ms(as_painted), median_ms(minimal_as_painted)
    what = f"add one highlight by key, until painted and committed ({len(annotations):,} highlights)"
    return [
        Row(
            "2",
            what,
            f"{chars:,} chars",
            added_ms,
            repaint_ms,
            "repaint, no change",
            "ms",
            f"≤ {FRAME_MS:g} ms",
            added_ms <= FRAME_MS,
        ),
        Row(
            "2m",
            what,
            f"{chars:,} chars",
            added_ms,
            minimal_ms,
            "same press, the suite's minimal pane",
            "ms",
            f"≤ {KEY_RATIO:g}× baseline and ≤ {FRAME_MS:g} ms",
            added_ms <= KEY_RATIO * minimal_ms and added_ms <= FRAME_MS,
        ),
        Row(
            "2p",
            f"the same press, each side painting only what it changed ({len(annotations):,} highlights)",
            f"{chars:,} chars",
            painted_ms,
            minimal_painted_ms,
            "same press, the suite's minimal pane",
            "ms",
            f"≤ {KEY_RATIO:g}× baseline and ≤ {FRAME_MS:g} ms",
            painted_ms <= KEY_RATIO * minimal_painted_ms and painted_ms <= FRAME_MS,
        ),
    ]


def run(pane_chars: tuple[int, int], density: float, work: Path, runs: int) -> list[Row]:
    from benchmarks.window_open import window_open

    if QApplication.instance() is None:
        QApplication(["reader-bench"])
    rows = [open_document(f"1{letter}", chars, density, runs) for letter, chars in zip("ab", pane_chars, strict=True)]
    rows.append(window_open(pane_chars[-1], density, work, runs))
    rows.extend(add_by_key(pane_chars[-1], density, work, runs))
    rows.append(scroll_page(pane_chars[-1], density, runs))
    return rows
