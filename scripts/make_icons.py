"""Draw Reader's application icon into resources/icons/ (PNG, Windows .ico, macOS .icns).

Run offscreen with the project's Python: ``.venv/bin/python scripts/make_icons.py``.
Qt's own ico/icns plugins write one image per file, so the multi-size containers are
put together here; both formats allow PNG-compressed entries (Windows Vista+, macOS 10.7+).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
CANVAS = 1024  # the drawing is laid out on this grid and scaled to each size
PNG_SIZES = (256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# macOS icon types that hold PNG data, and the pixel size of each.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)
# The default tags' colours (resources/tags.toml): claim, actor, date.
TAG_COLOURS = ("#4477aa", "#ee6677", "#228833")
# Text lines on the page: (length as a share of the line, index of the highlighted tag or None).
LINES = ((0.92, None), (0.70, 0), (0.85, None), (0.95, 1), (0.60, None), (0.80, 2), (0.45, None))
SMALL_LINES = ((0.80, 0), (0.95, 1), (0.65, 2))  # at 32 px and below, fewer and thicker lines


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / CANVAS, size / CANVAS)
    painter.setPen(Qt.PenStyle.NoPen)

    gradient = QLinearGradient(0, 64, 0, 960)
    gradient.setColorAt(0, QColor("#3a4d6b"))
    gradient.setColorAt(1, QColor("#1d2838"))
    painter.setBrush(gradient)
    painter.drawRoundedRect(QRectF(64, 64, 896, 896), 200, 200)

    page = QRectF(224, 150, 576, 724)
    painter.setBrush(QColor(0, 0, 0, 70))
    painter.drawRoundedRect(page.translated(0, 18), 44, 44)
    painter.setBrush(QColor("#fbfaf6"))
    painter.drawRoundedRect(page, 44, 44)

    small = size <= 32
    lines = SMALL_LINES if small else LINES
    left, width = page.left() + 72, page.width() - 144
    pitch = (page.height() - 144) / len(lines)
    bar = pitch * (0.55 if small else 0.42)
    for row, (length, tag) in enumerate(lines):
        top = page.top() + 72 + row * pitch + (pitch - bar) / 2
        line = QRectF(left, top, width * length, bar)
        painter.setBrush(QColor("#b9c0ca"))
        painter.drawRoundedRect(line, bar / 2, bar / 2)
        if tag is not None:
            mark = QRectF(line.left() + line.width() * 0.2, top - bar * 0.3, line.width() * 0.6, bar * 1.6)
            painter.setBrush(QColor(TAG_COLOURS[tag]))
            painter.drawRoundedRect(mark, bar * 0.4, bar * 0.4)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    return bytes(data)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file: a 6-byte header, a 16-byte entry per image, then the PNG data."""
    offset = 6 + 16 * len(images)
    entries, blobs = [], []
    for size, data in images.items():
        # width and height are one byte each; 0 means 256
        entries.append(struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset))
        blobs.append(data)
        offset += len(data)
    return struct.pack("<HHH", 0, 1, len(images)) + b"".join(entries) + b"".join(blobs)


def icns_bytes(chunks: list[tuple[bytes, bytes]]) -> bytes:
    """An ICNS file: 'icns' and the total length, then (type, length, data) for each image."""
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in chunks)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(target: Path = ICONS) -> list[Path]:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (kept alive while drawing)
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: png_bytes(draw(size)) for size in sizes}
    target.mkdir(parents=True, exist_ok=True)
    written = {target / f"reader-{size}.png": pngs[size] for size in PNG_SIZES}
    written[target / "reader.ico"] = ico_bytes({size: pngs[size] for size in ICO_SIZES})
    written[target / "reader.icns"] = icns_bytes([(kind, pngs[size]) for kind, size in ICNS_TYPES])
    for path, data in written.items():
        path.write_bytes(data)
    return list(written)


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else ICONS):
        print(f"{path} ({path.stat().st_size:,} bytes)")
