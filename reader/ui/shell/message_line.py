"""The status bar's message: one line, cut with "…" where the bar ends, the whole of it in
the tooltip, and a click lists the recent messages in full."""

from __future__ import annotations

from collections import deque
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from reader.ui.shell.one_line_label import OneLineLabel
from reader.ui.shell.translation import QT_TRANSLATE_NOOP, translate

RECENT_MESSAGES = 50
CLICK_HINT = QT_TRANSLATE_NOOP("Shell", "Click to see the recent messages")


class MessageLine(OneLineLabel):
    """``text()`` is the whole message; only the painting is cut to the label's width."""

    historyRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("statusMessage")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._recent: deque[str] = deque(maxlen=RECENT_MESSAGES)

    def show_message(self, message: str) -> None:
        """Show ``message`` and keep it among the recent ones."""
        self.setText(message)
        hint = translate("Shell", CLICK_HINT)
        self.setToolTip(f"{message}\n\n{hint}")
        self._recent.appendleft(f"{datetime.now():%H:%M:%S}  {message}")

    def recent(self) -> list[str]:
        """The recent messages, newest first, each with the time it was shown."""
        return list(self._recent)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._recent:
            self.historyRequested.emit()
        super().mouseReleaseEvent(event)
