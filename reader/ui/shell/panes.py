"""The window's three panes side by side (documents, text, annotations), and how their
widths follow the window's: the text column keeps about 70 to 100 characters a line while
the side panes give way, down to their minimum, or take what the text does not need."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

# What the first run gives each side pane, of the window's width, before the text's claims.
FIRST_LEFT_SHARE, FIRST_RIGHT_SHARE = 0.27, 0.23


@dataclass(frozen=True)
class PaneLimits:
    """In pixels: the text column's width at its narrowest and widest number of
    characters a line, and the narrowest each side pane may become."""

    narrowest_text: int
    widest_text: int
    min_left: int
    min_right: int


@dataclass(frozen=True)
class PaneChoice:
    """The widths the user chose (or the first run proposed). A text column chosen
    narrower or wider than the limits is respected as chosen."""

    left: int
    centre: int
    right: int


def fitted_widths(width: int, choice: PaneChoice, limits: PaneLimits) -> list[int]:
    """[left, centre, right] for panes ``width`` pixels wide in all, as near ``choice`` as the text allows.

    While the text column is narrower than it should be, the side panes give way first, in
    proportion to what each can give, down to their minimum; while it is wider than it
    needs, the side panes take the rest, in proportion to their widths."""
    narrowest = min(limits.narrowest_text, choice.centre)
    widest = max(limits.widest_text, choice.centre)
    left, right = choice.left, choice.right
    centre = width - left - right
    if centre < narrowest:
        spare_left, spare_right = max(0, left - limits.min_left), max(0, right - limits.min_right)
        give = min(narrowest - centre, spare_left + spare_right)
        if give > 0:
            from_left = give * spare_left // (spare_left + spare_right)
            left, right = left - from_left, right - (give - from_left)
    elif centre > widest and left + right > 0:
        extra = centre - widest
        to_left = extra * left // (left + right)
        left, right = left + to_left, right + (extra - to_left)
    return [left, max(0, width - left - right), right]


def first_choice(width: int, limits: PaneLimits) -> PaneChoice:
    """What the first run proposes for panes ``width`` pixels wide in all."""
    left = max(limits.min_left, int(width * FIRST_LEFT_SHARE))
    right = max(limits.min_right, int(width * FIRST_RIGHT_SHARE))
    return PaneChoice(left, limits.narrowest_text, right)


class PaneSplitter(QSplitter):
    """A horizontal splitter of three panes that re-fits them (``fitted_widths``) whenever
    its width changes; dragging a handle is the user's new choice."""

    def __init__(self, limits: Callable[[], PaneLimits], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainSplitter")
        self.setChildrenCollapsible(False)
        self._limits = limits
        self._choice: PaneChoice | None = None  # None until the first layout: Qt's own sizes until then
        self._restored = False
        self.splitterMoved.connect(self._remember_choice)

    def restore(self, state) -> None:
        """The sizes saved by ``saveState``; they become the choice once the window is laid out."""
        self._restored = self.restoreState(state)

    def start_fitting(self) -> None:
        """After the window's first layout: keep the restored sizes, or propose the first run's."""
        if self._restored:
            self._remember_choice()
        else:
            self._choice = first_choice(self._width(), self._limits())
            self.refit()
        QTimer.singleShot(0, self.refit)  # once more after the sizes settled

    def refit(self) -> None:
        """Fit the panes to the splitter's width again (after a zoom, say)."""
        if self._choice is not None and self.count() == 3:
            self.setSizes(fitted_widths(self._width(), self._choice, self._limits()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    def _width(self) -> int:
        return max(0, self.width() - self.handleWidth() * (self.count() - 1))

    def _remember_choice(self, *_) -> None:
        left, centre, right = self.sizes()
        self._choice = PaneChoice(left, centre, right)
