"""The review filter row above the annotation list: tag, status and annotator."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from reader.domain.annotations import STATUSES
from reader.ui.reading.status_words import NO_NAME, annotator_choice, status_word
from reader.ui.shell.translation import translate

__all__ = ["NO_NAME", "ReviewFilterBar"]


class ReviewFilterBar(QWidget):
    """Three combo boxes; ``changed`` says the choice changed, ``choice()`` reads it.

    The annotators' names are asked for when their box gets the focus (a click or a key
    gives it), and only after they may have changed: listing them reads every annotation."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewFilter")
        self.tag_box = self._combo(
            "tagFilter", translate("Annotating", "Show annotations of this tag"), translate("Annotating", "All tags")
        )
        self.status_box = self._combo(
            "statusFilter",
            translate("Annotating", "Show annotations with this status"),
            translate("Annotating", "All statuses"),
        )
        for status in STATUSES:
            self.status_box.addItem(status_word(status), status)
        self.annotator_box = self._combo(
            "annotatorFilter",
            translate("Annotating", "Show annotations by this annotator"),
            translate("Annotating", "Everyone"),
        )
        self._annotators: Callable[[], list[str]] = lambda: []
        self._annotators_stale = True
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for box in (self.tag_box, self.status_box, self.annotator_box):
            layout.addWidget(box, 1)

    def _combo(self, name: str, tip: str, everything: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.setAccessibleName(tip)
        box.setToolTip(tip)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(6)
        box.addItem(everything, None)
        box.currentIndexChanged.connect(lambda: self.changed.emit())
        box.installEventFilter(self)
        return box

    def choice(self) -> tuple[str | None, str | None, str | None]:
        """(tag, status, annotator); None where any will do."""
        return self.tag_box.currentData(), self.status_box.currentData(), self.annotator_box.currentData()

    def set_tags(self, names: list[str]) -> None:
        self._refill(self.tag_box, [(name, name) for name in names])

    def set_annotator_source(self, annotators: Callable[[], list[str]]) -> None:
        self._annotators = annotators
        self.annotators_changed()

    def annotators_changed(self) -> None:
        self._annotators_stale = True
        if self.annotator_box.currentData() is not None:
            self._fill_annotators()  # a chosen name that is no longer there must not hide everything

    def knows_annotator(self, name: str) -> bool:
        return self._annotators_stale or self.annotator_box.findData(name) >= 0

    def _fill_annotators(self) -> None:
        if self._annotators_stale:
            self._annotators_stale = False
            self._refill(self.annotator_box, [(annotator_choice(name), name) for name in self._annotators()])

    def select(self, tag: str | None = None, status: str | None = None, annotator: str | None = None) -> None:
        self._fill_annotators()
        for box, value in ((self.tag_box, tag), (self.status_box, status), (self.annotator_box, annotator)):
            index = box.findData(value) if value is not None else 0
            box.setCurrentIndex(max(index, 0))

    def _refill(self, box: QComboBox, items: list[tuple[str, str]]) -> None:
        """New items; the current choice stays when it is still there (else: all)."""
        current = box.currentData()
        box.blockSignals(True)
        try:
            while box.count() > 1:
                box.removeItem(1)
            for text, value in items:
                box.addItem(text, value)
            index = box.findData(current) if current is not None else 0
            box.setCurrentIndex(max(index, 0))
        finally:
            box.blockSignals(False)
        if box.currentData() != current:
            self.changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.annotator_box and event.type() == QEvent.Type.FocusIn:
            self._fill_annotators()
        # A letter typed into a focused box picks an item there, as in any combo box, rather
        # than firing the window's one-letter review keys.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            modifiers = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
            if modifiers == Qt.KeyboardModifier.NoModifier and event.text().isprintable() and event.text():
                event.accept()
                return True
        return super().eventFilter(watched, event)
