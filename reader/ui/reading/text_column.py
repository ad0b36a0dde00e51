"""How wide the text column is: lines of about ``COLUMN_CHARS`` characters read best.

A wide pane gets equal margins beside a centred column; a pane narrower than the
column uses its whole width. Worked out again on every resize and zoom.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

COLUMN_CHARS = 90
# Measured on text like Reader's: Cyrillic and Latin words, spaces and punctuation.
_SAMPLE = "Москва официально не обращалась за помощью, сообщает агентство. The reader reads on."


def average_char_width(font: QFont) -> float:
    return QFontMetricsF(font).horizontalAdvance(_SAMPLE) / len(_SAMPLE)


def column_margin(pane_width: int, font: QFont, document_margin: float) -> int:
    """The margin on each side of the column in a pane ``pane_width`` pixels wide; 0 if it is narrow."""
    column = COLUMN_CHARS * average_char_width(font) + 2 * document_margin
    return max(0, int((pane_width - column) // 2))
