"""The first run on real screen sizes: at 150 % scaling on a 1366×768 screen (910×512 logical
pixels) the window fits the screen, status bar and all; on a 1920×1080 screen the panes are
proportioned so the list shows enough of each title and the text about 70–90 characters a line.
Each in a process of its own: the screen and the scaling are fixed when Qt starts
(QT_SCALE_FACTOR, and the offscreen platform's screen from a config file)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def measure(folder: Path) -> dict:
    """In this process: the first-run window on the screen Qt was started with."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QApplication

    from reader.app import build
    from reader.cli import parse

    window = build(parse(["--db", str(folder / "project.sqlite")]), settings_path=folder / "settings.ini")
    window.show()
    for _ in range(20):
        QApplication.processEvents()
    bar = window.statusBar()
    status = QRect(bar.mapToGlobal(bar.rect().topLeft()), bar.size())
    available = window.screen().availableGeometry()
    view = window.documents.view
    title = view.model().index(0, 1).data()
    # The first long paragraph the reader has laid out (it lays out what is on screen).
    laid_out = [b for b in _blocks(window.reader.document()) if len(b.text()) > 250 and b.layout().lineCount() > 1]
    seen = {
        "title_shown": view.columnWidth(1) >= QFontMetrics(view.font()).horizontalAdvance(title[:30]),
        "characters_a_line": laid_out[0].layout().lineAt(0).textLength() if laid_out else None,
        "available": available.getRect(),
        "frame": window.frameGeometry().getRect(),
        "status_bar": status.getRect(),
        "fits": available.contains(window.frameGeometry()) and available.contains(status),
        "status_bar_visible": bar.isVisible(),
    }
    window.close()  # as a user closes it: the store closed, the background check stopped
    return seen


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def first_run_on(tmp_path: Path, width: int, height: int, scale: str) -> dict:
    config = tmp_path / "screen.json"
    screen = {"name": "test", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, __file__, str(tmp_path)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["available"][2:] == [round(width / float(scale)), round(height / float(scale))]  # as asked
    return seen


@pytest.mark.parametrize(("width", "height", "scale"), [(1366, 768, "1.5"), (1920, 1080, "1"), (1024, 700, "1")])
def test_the_first_run_window_fits_the_screen_and_its_text_keeps_its_lines(tmp_path, width, height, scale):
    seen = first_run_on(tmp_path, width, height, scale)
    assert seen["fits"] and seen["status_bar_visible"], seen
    if width == 1920:  # room enough for both: a good part of each title, and lines that read well
        assert seen["title_shown"], seen
        assert 65 <= seen["characters_a_line"] <= 95, seen


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
