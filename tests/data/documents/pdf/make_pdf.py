"""Regenerates this folder's PDFs (run from the repository's root with Reader's venv):

    .venv/bin/python tests/data/documents/pdf/make_pdf.py

- two_columns.pdf: LibreOffice Writer (headless) from two_columns.fodt: Russian, justified, two
  columns, automatic hyphenation (Debian's hyphen-ru), two pages, a title in its metadata.
- scanned.pdf: a page of text drawn as an image by Qt's QPdfWriter: a scan, no text layer.
- encrypted.pdf: two_columns.pdf encrypted by qpdf (AES-256, user password "secret").
- owner_password.pdf: two_columns.pdf encrypted by qpdf with only an owner password (AES-256,
  empty user password: it opens without asking), copying text forbidden.
- no_unicode_map.pdf: two_columns.pdf with its fonts' /ToUnicode maps renamed away (qpdf's QDF
  form, one name changed in place), as PDFs from some old tools come: glyphs with no characters.
- heading_without_unicode_map.pdf: the same for the heading's bold font only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def two_columns() -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(HERE),
                str(HERE / "two_columns.fodt"),
            ],
            check=True,
        )


def scanned() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    image = QImage(900, 600, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QFont("DejaVu Serif", 22))
    text = "Отсканированная страница.\nВодоканал Заречья сообщил о ремонте сетей."
    painter.drawText(QRect(40, 40, 820, 520), Qt.TextFlag.TextWordWrap, text)
    painter.end()
    writer = QPdfWriter(str(HERE / "scanned.pdf"))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setTitle("Скан")
    painter = QPainter(writer)
    painter.drawImage(QRect(0, 0, writer.width(), writer.width() * 2 // 3), image)
    painter.end()
    del app


def encrypted(name: str, user_password: str, *restrictions: str) -> None:
    subprocess.run(
        [
            "qpdf",
            "--encrypt",
            user_password,
            "owner-secret",
            "256",
            *restrictions,
            "--",
            str(HERE / "two_columns.pdf"),
            str(HERE / name),
        ],
        check=True,
    )


def without_unicode_maps(name: str, maps: int | None = None) -> None:
    """two_columns.pdf with its first ``maps`` fonts' /ToUnicode maps (all: None) renamed away."""
    with tempfile.TemporaryDirectory() as folder:
        qdf, changed = Path(folder) / "two_columns.qdf.pdf", Path(folder) / "changed.pdf"
        subprocess.run(
            ["qpdf", "--qdf", "--object-streams=disable", str(HERE / "two_columns.pdf"), str(qdf)], check=True
        )
        data = qdf.read_bytes()
        assert data.count(b"/ToUnicode") == 2  # the bold font (the heading's) first, then the regular
        # A name of the same length, so that the cross-reference table's offsets stay right.
        changed.write_bytes(data.replace(b"/ToUnicode", b"/ToUnicodX", -1 if maps is None else maps))
        subprocess.run(["qpdf", "--object-streams=generate", str(changed), str(HERE / name)], check=True)


if __name__ == "__main__":
    assert shutil.which("soffice") and shutil.which("qpdf"), "needs LibreOffice Writer and qpdf"
    two_columns()
    scanned()
    encrypted("encrypted.pdf", "secret")
    encrypted("owner_password.pdf", "", "--extract=n")
    without_unicode_maps("no_unicode_map.pdf")
    without_unicode_maps("heading_without_unicode_map.pdf", maps=1)
