"""The application icon in every format the build uses, and the Linux desktop entry."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImageReader

REPO = Path(__file__).resolve().parents[2]
ICONS = REPO / "resources" / "icons"
DESKTOP_ENTRY = REPO / "resources" / "reader.desktop"


def image_sizes(path: Path) -> list[int]:
    """The side of every image in the file, read by Qt's own image plugins."""
    reader = QImageReader(str(path))
    assert reader.canRead(), f"{path.name}: {reader.errorString()}"
    sizes = []
    for index in range(max(reader.imageCount(), 1)):
        assert reader.jumpToImage(index) or index == 0
        image = reader.read()
        assert not image.isNull(), f"{path.name} image {index}: {reader.errorString()}"
        assert image.width() == image.height()
        sizes.append(image.width())
    return sizes


def test_committed_icons_hold_every_size_each_system_asks_for():
    assert image_sizes(ICONS / "reader-256.png") == [256]
    assert image_sizes(ICONS / "reader-512.png") == [512]
    assert {16, 32, 48, 256} <= set(image_sizes(ICONS / "reader.ico"))
    assert {16, 32, 128, 256, 512, 1024} <= set(image_sizes(ICONS / "reader.icns"))


def test_make_icons_script_redraws_the_same_set(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "make_icons.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(p.name for p in ICONS.iterdir())
    for name in written:
        assert image_sizes(tmp_path / name) == image_sizes(ICONS / name)


def test_desktop_entry_launches_reader_with_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(DESKTOP_ENTRY, encoding="utf-8")
    desktop = entry["Desktop Entry"]

    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] == "reader"  # the executable build.spec names
    assert desktop["Icon"] == "reader"
    assert desktop["Terminal"] == "false"
    assert desktop["Name"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_desktop_entry_passes_the_freedesktop_validator():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP_ENTRY)], capture_output=True, text=True)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout
