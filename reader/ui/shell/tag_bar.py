"""The tag bar: one button per tag, showing its colour, name and key; and the
swatch icon every list of tags shares."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar, QToolButton, QWidget

from reader.domain.tags import Tag
from reader.ui.shell.translation import translate


@lru_cache(maxsize=256)
def swatch(colour: str, key: str = "", size: int = 18) -> QIcon:
    """A rounded square in ``colour`` with the tag's key on it: the key tells
    tags apart where colours do not."""
    ratio = 2
    pixmap = QPixmap(size * ratio, size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(colour)
    painter.setPen(fill.darker(130))
    painter.setBrush(fill)
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 4, 4)
    if key:
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.62))
        painter.setFont(font)
        painter.setPen(QColor("#000000") if fill.lightnessF() > 0.6 else QColor("#ffffff"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, key)
    painter.end()
    return QIcon(pixmap)


def tag_icon(tag: Tag, size: int = 18) -> QIcon:
    return swatch(tag.colour, tag.key, size)


# On the bar alone: a style sheet on the window would restyle every widget (reader.ui.shell.look).
_STYLE = """
QToolBar#tagBar { spacing: 6px; padding: 3px 6px; }
QToolBar#tagBar QToolButton { padding: 3px 8px; border: 1px solid palette(mid); border-radius: 4px; }
QToolBar#tagBar QToolButton:hover { background: palette(midlight); }
"""


class TagBar(QToolBar):
    """Buttons for the tag actions (the actions themselves live in actions.py)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(translate("Shell", "Tags"), parent)
        self.setObjectName("tagBar")
        self.restyle()
        self.setAccessibleName(translate("Shell", "Tags"))
        self.setMovable(False)
        self.setFloatable(False)
        self.setIconSize(QSize(18, 18))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        label = QLabel(translate("Shell", "Tag the selection:"), self)
        label.setObjectName("tagBarLabel")
        label.setContentsMargins(6, 0, 6, 0)
        # The label stays in the bar for good: a widget taken out of a tool bar is hidden,
        # and putting it back does not show it again.
        self._label = self.addWidget(label)
        self._spacer: QAction | None = None

    def restyle(self) -> None:
        """The bar's style sheet, again after the window's font changed (a zoom): a style sheet
        keeps the font its widgets had when it was set."""
        self.setStyleSheet("")
        self.setFont(QFont())
        self.setStyleSheet(_STYLE)

    def set_actions(self, tag_actions: list[QAction], trailing: list[QAction]) -> None:
        for action in self.actions():
            if action is not self._label:
                self.removeAction(action)
        if self._spacer is not None:
            self._spacer.deleteLater()  # and its widget with it
            self._spacer = None
        for action in tag_actions:
            self._add(action)
        if trailing:
            spacer = QWidget(self)
            spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self._spacer = self.addWidget(spacer)
            for action in trailing:
                self._add(action)

    def _add(self, action: QAction) -> None:
        self.addAction(action)
        button = self.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setAccessibleName(action.text().replace("&", ""))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a click must not take the reader's selection away
