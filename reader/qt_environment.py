"""How Reader asks Qt to run, set before its first paint (Qt reads these once).

Qt's raster engine hands every fill of 96 or more pixel rows (a scroll bar's groove, a tall
widget's background) to a pool of threads and waits for them. On this project's two-core
machine the hand-off costs more than the fill: a 650-pixel scroll bar took 1.56 ms a paint
with the pool, 0.15 ms without it, and a window paints several such fills every frame
(docs/performance.md, "Serial fills"). Variables the user set are left as they are."""

from __future__ import annotations

import os

SERIAL_FILLS = "QT_NO_GUI_THREADPOOL"  # set at all: Qt fills on the painting thread


def configure_qt_environment() -> None:
    os.environ.setdefault(SERIAL_FILLS, "1")
