"""Fewer garbage collections while the window starts.

Importing Reader and building its window make a hundred thousand objects that live as long as
the process. Each time enough of them pile up, Python's cyclic collector walks them all and
finds nothing to free: about 12 ms of a start-up. ``pause()`` raises its thresholds, and
``resume()`` puts them back; after the window's first frame it also freezes what start-up made
(``gc.freeze``), so that no later collection walks those objects again.

Importing this module pauses: reader.cli imports it before any other of Reader's modules."""

from __future__ import annotations

import gc

_NORMAL = gc.get_threshold()
_STARTING = (100_000, 50, 50)


def pause() -> None:
    gc.set_threshold(*_STARTING)


def resume(freeze: bool = False) -> None:
    gc.set_threshold(*_NORMAL)
    if freeze:
        gc.freeze()


def paused() -> bool:
    return gc.get_threshold() == _STARTING


pause()
