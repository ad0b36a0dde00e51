"""How each tag looks in the reader pane: a light fill under the text, and a bar
under the line whose dash pattern differs from tag to tag, so tags never differ
by colour alone (their labels tell them apart too)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from reader.domain.tags import Tag

FILL_ALPHA = 72  # the tag colour's weight in the fill: the text stays readable on top
REJECTED_FILL_ALPHA = 30
OUTLINE_WIDTH = 2

# Dash patterns in units of the pen width, one per tag in tag-bar order; an empty one is solid.
PATTERNS: tuple[tuple[str, tuple[float, ...]], ...] = (
    ("solid", ()),
    ("dashed", (4, 2)),
    ("dotted", (1, 1.5)),
    ("dash-dot", (4, 1.5, 1, 1.5)),
    ("long dash", (8, 2)),
    ("dash-dot-dot", (4, 1.5, 1, 1.5, 1, 1.5)),
    ("short dash", (2, 2)),
    ("double dot", (1, 1, 1, 4)),
)

_UNKNOWN_COLOUR = "#777777"
STRIKE_COLOUR = QColor(40, 40, 40, 210)


def blend(base: QColor, colour: QColor, alpha: int) -> QColor:
    """``colour`` laid at ``alpha``/255 over ``base``, as one opaque colour."""
    weight = alpha / 255
    pairs = zip((base.red(), base.green(), base.blue()), (colour.red(), colour.green(), colour.blue()), strict=True)
    return QColor(*(round(b + (c - b) * weight) for b, c in pairs))


class TagStyle:
    """Pens and fills of one tag, made once rather than on every paint."""

    def __init__(self, colour: QColor, pattern_name: str, dashes: tuple[float, ...]):
        self.colour = colour
        self.pattern_name = pattern_name
        self.dashes = dashes
        self.outline_pen = QPen(colour.darker(140), OUTLINE_WIDTH)
        self._fills: dict[tuple[int, bool], QColor] = {}
        self._lane_pens: dict[tuple[int, float], QPen] = {}

    def lane_pen(self, colour: QColor, width: float) -> QPen:
        """The pen of this tag's bar: ``width`` thick, in its dash pattern."""
        key = (colour.rgb(), width)
        pen = self._lane_pens.get(key)
        if pen is None:
            pen = self._lane_pens[key] = QPen(colour, width)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            if self.dashes:
                pen.setDashPattern(list(self.dashes))
        return pen

    def fill(self, base: QColor, rejected: bool = False) -> QColor:
        """Opaque, so that where spans overlap the one painted last (the outermost) decides."""
        key = (base.rgb(), rejected)
        if key not in self._fills:
            self._fills[key] = blend(base, self.colour, REJECTED_FILL_ALPHA if rejected else FILL_ALPHA)
        return self._fills[key]


def tag_styles(tags: Iterable[Tag]) -> dict[str, TagStyle]:
    """Styles by tag name; patterns follow the tags' positions, so they stay put between sessions."""
    ordered = sorted(tags, key=lambda tag: (tag.position, tag.name))
    styles = {}
    for rank, tag in enumerate(ordered):
        name, dashes = PATTERNS[rank % len(PATTERNS)]
        styles[tag.name] = TagStyle(QColor(tag.colour), name, dashes)
    return styles


UNKNOWN_TAG_STYLE = TagStyle(QColor(_UNKNOWN_COLOUR), *PATTERNS[0])
