"""Zoom: one size for the whole window, in steps of percent as browsers have them. The
window's font and the reader's grow and shrink together; 100 % is the system's font in
the panes and DEFAULT_POINT_SIZE in the reader."""

from __future__ import annotations

from PySide6.QtGui import QFont

from reader.ui.reading.code_point_view import DEFAULT_POINT_SIZE

ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 120, 133, 150, 170, 200, 240, 300)
NORMAL_ZOOM = 100


def zoom_step(percent: int, steps: int) -> int:
    """The zoom ``steps`` steps up (or down, when negative) from ``percent``, within the steps."""
    nearest = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - percent))
    return ZOOM_STEPS[min(max(nearest + steps, 0), len(ZOOM_STEPS) - 1)]


def reader_point_size(percent: int) -> int:
    """The reader's font size at ``percent``."""
    return round(DEFAULT_POINT_SIZE * percent / 100)


def zoomed_font(normal: QFont, percent: int) -> QFont:
    """``normal`` (the system's font) at ``percent``."""
    font = QFont(normal)
    if normal.pointSizeF() > 0:
        font.setPointSizeF(normal.pointSizeF() * percent / 100)
    else:  # a font sized in pixels
        font.setPixelSize(max(1, round(normal.pixelSize() * percent / 100)))
    return font
