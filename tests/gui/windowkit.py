"""Helpers for the window tests: build the real window on a real database and
drive it with real key and mouse events."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from reader.app import ReaderApp, build
from reader.cli import parse
from reader.domain.offsets import OffsetMap
from reader.ui.main_window import MainWindow
from reader.ui.reading.document_list import DocumentListModel
from reader.ui.reading.reader_view import ReaderView

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


def open_window(qtbot, db_path: Path, settings_path: Path, corpus: Path | None = SEEDS) -> MainWindow:
    argv = ([str(corpus)] if corpus is not None else []) + ["--db", str(db_path)]
    window = build(parse(argv), settings_path=settings_path)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    # Shortcuts (the tag keys among them) only fire in the active window.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    # The document it opens at has all its annotations read on the turn after the first frame.
    qtbot.waitUntil(lambda: not ReaderApp.of(window).reading.partly_read)
    return window


def pick_document(qtbot, window: MainWindow, row: int) -> None:
    """Click the row's title, as a user does."""
    view = window.documents.view
    index = view.model().index(row, DocumentListModel.TITLE)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def point_of(window: MainWindow, code_point: int) -> QPoint:
    """Where code point ``code_point`` starts in the reader's viewport, mid-line."""
    view = window.reader
    offsets = OffsetMap.for_text(view.document_text())
    cursor = QTextCursor(view.document())
    cursor.setPosition(offsets.to_utf16(code_point))
    rect = view.cursorRect(cursor)
    return QPoint(rect.left(), rect.center().y())


def middle_of(window: MainWindow, code_point: int) -> QPoint:
    """The middle of the character at ``code_point``: a click there lands on it."""
    left, right = point_of(window, code_point), point_of(window, code_point + 1)
    return QPoint((left.x() + right.x()) // 2, left.y())


def drag_select(qtbot, window: MainWindow, start: int, end: int) -> None:
    viewport = window.reader.viewport()
    begin, finish = point_of(window, start), point_of(window, end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=begin)
    for step in range(1, 5):
        qtbot.mouseMove(viewport, begin + (finish - begin) * step / 4)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=finish)


def click_text(qtbot, window: MainWindow, code_point: int) -> None:
    qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=middle_of(window, code_point))


def key(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(widget, key, modifier)
    QApplication.processEvents()


def shortcut(qtbot, window: MainWindow, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed with the keyboard focus wherever it is, as shortcuts are."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)
    QApplication.processEvents()


def type_text(widget, text: str) -> None:
    """Type ``text`` key by key; QTest.keyClicks only knows ASCII, so other
    characters go as key events that carry their text, as a keyboard layout sends them."""
    for character in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character)
            )
    QApplication.processEvents()


def give_the_panel(qtbot, window, width: int) -> None:
    """Drag the splitter's right handle (as a user would) so that the annotation panel is
    ``width`` wide, in a window wider than the test screen. The window's first layout (which
    fits it to the screen) is let run first, and the drag makes the widths the user's choice,
    which later re-fits of the panes keep."""
    qtbot.wait(20)  # the first layout's zero timers
    window.resize(1800, 1000)
    qtbot.waitUntil(lambda: window.width() == 1800)
    splitter = window.splitter
    handle = splitter.handle(2)
    splitter.moveSplitter(splitter.width() - width - handle.width(), 2)  # emits splitterMoved, as a drag does
    qtbot.waitUntil(lambda: abs(window.annotation_panel.width() - width) < 40)


def choose(qtbot, combo, text: str) -> None:
    """Pick an item with the keyboard, as a user tabbing into the box does."""
    combo.setFocus()
    key(qtbot, combo, Qt.Key.Key_Home)
    while combo.currentText() != text:
        before = combo.currentIndex()
        key(qtbot, combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text!r} is not in {combo.objectName()}"


def shown_reader_view(qtbot, width: int, height: int):
    """A ReaderView of its own (no window), ``width`` × ``height``, shown and exposed."""
    widget = ReaderView()
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
