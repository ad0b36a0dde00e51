"""Scenario 4: from starting Python to a painted window, in a fresh process each time.

Reader's window on the large database is compared with a bare PySide6
QMainWindow started the same way; both report when their first frame is painted
and their peak resident memory (VmHWM).

Measured as a user starts it: the paint is watched on the window alone (an event filter on the
whole application ran every event of every object through Python, about 50 ms of Reader's
start-up and nothing of the bare window's); the children may write their bytecode, and one
untimed start of each warms it first (an inherited PYTHONDONTWRITEBYTECODE=1 made every start
compile Reader from source); and the backup Reader takes of a changed database is left in place,
as a user would have it (deleting every backup made the next start by hand copy the database).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.datasets import mark_changed, take_opening_backup
from benchmarks.measure import Row
from reader.qt_environment import SERIAL_FILLS

STARTUP_RATIO, MEMORY_MB = 2.5, 100  # issue 17: the floor for Python and Qt is about 2x

_CHILD = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


class PaintWatch(QObject):
    painted = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def make_window():
{make_window}


app = QApplication.instance() or QApplication(sys.argv[:1])
watch = PaintWatch()
window = make_window()
window.installEventFilter(watch)  # the top-level window paints first in a frame: the frame has begun
window.show()
deadline = time.monotonic() + 60
# A frame is painted inside one processEvents call, so when the loop ends it is complete.
while not watch.painted and time.monotonic() < deadline:
    app.processEvents()
painted_at = time.monotonic()
status = open("/proc/self/status").read()
peak_kb = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
print("painted" if watch.painted else "timeout", painted_at, peak_kb, flush=True)
os._exit(0)
"""

_READER_WINDOW = """
    from reader.cli import parse  # first, as the reader command imports it (and the store) before Qt
    from reader.app import build
    return build(parse(["--db", sys.argv[1]]))
"""

_BARE_WINDOW = """
    from PySide6.QtWidgets import QMainWindow
    window = QMainWindow()
    window.resize(1200, 800)
    return window
"""


def _start(make_window: str, *argv: str) -> tuple[float, float]:
    """Seconds from launching Python to the first painted frame, and peak RSS in MB."""
    code = _CHILD.replace("{make_window}", make_window.strip("\n"))
    # As a user's shell starts them: without the in-process rows' Qt settings (serial fills),
    # which Reader's window sets for itself (reader.qt_environment) and a bare window does not.
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONDONTWRITEBYTECODE", SERIAL_FILLS)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    launched = time.monotonic()
    result = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env, timeout=300)
    lines = [line for line in result.stdout.splitlines() if line.startswith(("painted", "timeout"))]
    if result.returncode != 0 or not lines or not lines[-1].startswith("painted"):
        raise RuntimeError(
            f"start-up child failed ({result.returncode}): {(result.stderr or result.stdout).strip()[-400:]}"
        )
    _, painted_at, peak_kb = lines[-1].split()
    return float(painted_at) - launched, int(peak_kb) / 1024


def run(db: Path, documents: int, annotations: int, work: Path, runs: int) -> list[Row]:
    size = f"{documents:,} docs, {annotations:,} annotations"
    changed, reader, bare = [], [], []
    take_opening_backup(db)
    _start(_READER_WINDOW, str(db)), _start(_BARE_WINDOW)  # untimed: the bytecode written, the files cached
    # Reader copies a database that changed since its last copy when it opens it.
    for _ in range(min(runs, 3)):
        mark_changed(db)
        changed.append(_start(_READER_WINDOW, str(db))[0])
        bare.append(_start(_BARE_WINDOW))
    take_opening_backup(db)
    for round_ in range(runs):
        order = [(reader, _READER_WINDOW, str(db)), (bare, _BARE_WINDOW)]
        for samples, make_window, *argv in order if round_ % 2 == 0 else order[::-1]:
            samples.append(_start(make_window, *argv))
    reader_ms = statistics.median(s for s, _ in reader) * 1000
    changed_ms = statistics.median(changed) * 1000
    bare_ms = statistics.median(s for s, _ in bare) * 1000
    reader_mb, bare_mb = max(mb for _, mb in reader), max(mb for _, mb in bare)
    return [
        Row(
            "4",
            "start-up to a painted window",
            size,
            reader_ms,
            bare_ms,
            "bare PySide6 window",
            "ms",
            f"≤ {STARTUP_RATIO:g}× baseline",
            reader_ms <= STARTUP_RATIO * bare_ms,
        ),
        Row(
            "4b",
            "start-up when the database changed since its last backup (copied on open)",
            size,
            changed_ms,
            bare_ms,
            "bare PySide6 window",
            "ms",
            f"≤ {STARTUP_RATIO:g}× baseline",
            changed_ms <= STARTUP_RATIO * bare_ms,
        ),
        Row(
            "4m",
            "start-up peak resident memory",
            size,
            reader_mb,
            bare_mb,
            "bare PySide6 window",
            "MB",
            f"≤ {MEMORY_MB} MB",
            reader_mb <= MEMORY_MB,
        ),
    ]
