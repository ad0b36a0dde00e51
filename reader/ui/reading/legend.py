"""The legend above the text: one chip per tag with its colour, bar pattern, name
and count in the open document. A chip is a check button: unchecking it hides
the tag's spans (not drawn, no clicks, no tooltips) until it is checked again."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from reader.domain.tags import Tag
from reader.ui.reading.highlight_style import TagStyle
from reader.ui.shell.translation import translate

_SAMPLE_WIDTH, _SAMPLE_HEIGHT, _SAMPLE_BAR = 28, 14, 4


def pattern_sample(style: TagStyle) -> QIcon:
    """The tag's bar as the reader pane draws it, over a patch of its fill."""
    pixmap = QPixmap(_SAMPLE_WIDTH, _SAMPLE_HEIGHT)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.fillRect(0, 0, _SAMPLE_WIDTH, _SAMPLE_HEIGHT - _SAMPLE_BAR - 1, style.fill(QColor("white")))
    middle = _SAMPLE_HEIGHT - _SAMPLE_BAR / 2
    painter.setPen(style.lane_pen(style.colour, _SAMPLE_BAR))
    painter.drawLine(QPointF(0, middle), QPointF(_SAMPLE_WIDTH, middle))
    painter.end()
    return QIcon(pixmap)


class TagLegend(QWidget):
    hiddenTagsChanged = Signal(object)  # frozenset of the hidden tags' names

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tagLegend")
        self.setAccessibleName(translate("Reading", "Tags shown in the text"))
        # Many tags clip at the pane's edge rather than widen it.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(4)
        self._title = QLabel(translate("Reading", "Show:"), self)
        self._row.addWidget(self._title)
        self._row.addStretch(1)
        self._chips: dict[str, QToolButton] = {}
        self._tags: list[Tag] = []
        self._counts: Mapping[str, int] = {}

    def set_tags(self, tags: list[Tag], styles: Mapping[str, TagStyle]) -> None:
        """One chip per tag, in the tag bar's order; a tag hidden before stays hidden."""
        if tags == self._tags:
            return  # opening a document passes the same tags again: keep the chips
        self._tags = list(tags)
        hidden = self.hidden_tags()
        for chip in self._chips.values():
            self._row.removeWidget(chip)
            chip.deleteLater()
        self._chips = {}
        for tag in sorted(tags, key=lambda tag: (tag.position, tag.name)):
            chip = QToolButton(self)
            chip.setObjectName("legendChip")
            chip.setCheckable(True)
            chip.setChecked(tag.name not in hidden)
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.setIconSize(QSize(_SAMPLE_WIDTH, _SAMPLE_HEIGHT))
            chip.setIcon(pattern_sample(styles[tag.name]))
            chip.toggled.connect(self._on_toggled)
            self._row.insertWidget(self._row.count() - 1, chip)
            self._chips[tag.name] = chip
        self._show_counts()
        self._title.setVisible(bool(self._chips))
        if hidden - self._chips.keys():
            self.hiddenTagsChanged.emit(self.hidden_tags())

    def set_counts(self, counts: Mapping[str, int]) -> None:
        """How many spans of each tag the open document has."""
        self._counts = counts
        self._show_counts()

    def _show_counts(self) -> None:
        for name, chip in self._chips.items():
            count = self._counts.get(name, 0)
            chip.setText(f"{name} {count}")
            if chip.isChecked():
                tip = translate("Reading", "“{name}”: %n in this document. Click to hide them.", None, count)
            else:
                tip = translate("Reading", "“{name}”: %n in this document. Click to show them.", None, count)
            chip.setToolTip(tip.format(name=name))
            chip.setAccessibleName(translate("Reading", "Show “{name}”").format(name=name))

    def chip(self, name: str) -> QToolButton:
        return self._chips[name]

    def hidden_tags(self) -> frozenset[str]:
        return frozenset(name for name, chip in self._chips.items() if not chip.isChecked())

    def _on_toggled(self, _checked: bool) -> None:
        self._show_counts()
        self.hiddenTagsChanged.emit(self.hidden_tags())
