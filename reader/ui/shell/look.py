"""The window's few looks of its own, set on the widgets that have them: a style sheet on the
window would put every widget under Qt's style-sheet style, which re-polishes the whole window
each time it is set (about 7 ms at the first show) and makes its first frame slower to paint
(about 14 ms)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget

PROBLEM_COLOUR = QColor("#b00020")


def emphasised(point_size: float | None = None) -> QFont:
    """A heading's font: semi-bold, and ``point_size`` points when given; everything else (the
    family, and the size when not given) follows the window's font, zoomed."""
    font = QFont()
    font.setWeight(QFont.Weight.DemiBold)
    if point_size is not None:
        font.setPointSizeF(round(point_size, 1))
    return font


def dimmed(widget: QWidget) -> None:
    """Text in the colour of placeholder text: details under a heading."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
    widget.setPalette(palette)


def marked_as_problem(widget: QWidget, problem: bool) -> None:
    """Red and semi-bold while ``problem``; the window's colours and font otherwise."""
    if not problem:
        widget.setPalette(QPalette())
        widget.setFont(QFont())
        return
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, PROBLEM_COLOUR)
    widget.setPalette(palette)
    widget.setFont(emphasised())
