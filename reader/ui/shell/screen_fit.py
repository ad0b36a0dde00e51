"""The window on the screen: how large the first run opens it, and bringing a window
(a restored geometry from a larger screen, or at a larger scaling) back onto the
screen's available area, so its title bar and status bar are never out of reach."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize

FIRST_RUN_SHARE = 0.9  # of the available width and height
FIRST_RUN_LARGEST = QSize(1800, 1100)  # wider than this, lines and lists only grow emptier
SMALLEST = QSize(760, 480)  # the window's minimum, where the screen has room for it


def first_run_frame(available: QRect) -> QRect:
    """The first run's window (frame included): most of the available area, centred on it."""
    size = QSize(
        min(int(available.width() * FIRST_RUN_SHARE), FIRST_RUN_LARGEST.width()),
        min(int(available.height() * FIRST_RUN_SHARE), FIRST_RUN_LARGEST.height()),
    )
    frame = QRect(QPoint(0, 0), size)
    frame.moveCenter(available.center())
    return frame


def smallest_size(available: QRect, frame_extra: QSize) -> QSize:
    """The window's minimum (without its frame, which takes ``frame_extra``): no more than the screen holds."""
    return SMALLEST.boundedTo(available.size() - frame_extra).expandedTo(QSize(1, 1))


def onto(frame: QRect, available: QRect) -> QRect:
    """``frame`` no larger than ``available`` and moved inside it (unchanged when it fits)."""
    fitted = QRect(frame.topLeft(), frame.size().boundedTo(available.size()))
    left = min(max(fitted.left(), available.left()), available.right() - fitted.width() + 1)
    top = min(max(fitted.top(), available.top()), available.bottom() - fitted.height() + 1)
    fitted.moveTopLeft(QPoint(left, top))
    return fitted
