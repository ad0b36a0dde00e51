"""The keys that move a selected highlight's edges: Shift+Left/Right its end, Shift+Alt+Left/Right
its start, one code point a press."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

_SHIFT = Qt.KeyboardModifier.ShiftModifier
_ALT = Qt.KeyboardModifier.AltModifier


def _modifiers(event: QKeyEvent) -> Qt.KeyboardModifier:
    return event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier


def is_plain_escape(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_Escape and _modifiers(event) == Qt.KeyboardModifier.NoModifier


def edge_move(event: QKeyEvent) -> tuple[str, int] | None:
    """("start" or "end", -1 or 1) for an edge key, None for any other."""
    if event.key() not in (Qt.Key.Key_Left, Qt.Key.Key_Right):
        return None
    delta = -1 if event.key() == Qt.Key.Key_Left else 1
    modifiers = _modifiers(event)
    if modifiers == _SHIFT:
        return "end", delta
    if modifiers == _SHIFT | _ALT:
        return "start", delta
    return None
