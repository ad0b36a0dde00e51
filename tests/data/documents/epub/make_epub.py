"""Regenerates the EPUB fixtures: book_ru.epub by LibreOffice Writer from book_ru.fodt, and
book_ru.drm.epub, the same book as a DRM-protected one looks (content documents replaced by
cipher bytes and listed in META-INF/encryption.xml, as Adobe ADEPT does).

Run: python tests/data/documents/epub/make_epub.py   (needs soffice on PATH)"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ENCRYPTION = """<?xml version="1.0" encoding="UTF-8"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
  xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
{entries}</encryption>
"""
ENTRY = """ <enc:EncryptedData>
  <enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
  <enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData>
 </enc:EncryptedData>
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "epub", "--outdir", out, str(HERE / "book_ru.fodt")],
            check=True,
        )
        shutil.copyfile(Path(out) / "book_ru.epub", HERE / "book_ru.epub")
    with zipfile.ZipFile(HERE / "book_ru.epub") as book, zipfile.ZipFile(HERE / "book_ru.drm.epub", "w") as drm:
        sections = [name for name in book.namelist() if name.endswith(".xhtml") and "/sections/" in name]
        for info in book.infolist():
            data = book.read(info)
            if info.filename in sections:  # stand-in cipher text: bytes that decode to nothing readable
                data = b"".join(hashlib.sha256(data + bytes([i])).digest() for i in range(len(data) // 32 + 1))
            kind = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            drm.writestr(info.filename, data, compress_type=kind)
        entries = "".join(ENTRY.format(uri=name) for name in sections)
        drm.writestr("META-INF/encryption.xml", ENCRYPTION.format(entries=entries), compress_type=zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main()
