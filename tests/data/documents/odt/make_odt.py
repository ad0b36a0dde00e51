"""Regenerates the ODT fixtures from report.fodt (hand-written) with LibreOffice headless.

    .venv/bin/python tests/data/documents/odt/make_odt.py

Needs soffice (LibreOffice Writer) and, for encrypted.odt, /usr/bin/python3 with python3-uno."""

from __future__ import annotations

import subprocess
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "report.fodt"


def convert(source: Path, target_format: str, out_dir: Path) -> None:
    """``soffice --convert-to``, in a profile of its own so that it runs beside any other."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target_format,
                "--outdir",
                str(out_dir),
                str(source),
            ],
            check=True,
        )


def save_encrypted(source: Path, target: Path, filter_name: str) -> None:
    subprocess.run(
        ["/usr/bin/python3", str(HERE / "lo_save_encrypted.py"), str(source), str(target), filter_name, "secret"],
        check=True,
    )


def write_hand_made(target: Path) -> None:
    """An ODT zipped here from hand-written XML with what LibreOffice never writes itself:
    white space to collapse, a comment, a tracked deletion, a merged cell, a huge text:s."""
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("META-INF/manifest.xml", (HERE / "hand_made_manifest.xml").read_bytes(), zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", (HERE / "hand_made_content.xml").read_bytes(), zipfile.ZIP_DEFLATED)


def main() -> None:
    convert(SOURCE, "odt", HERE)  # report.odt
    save_encrypted(SOURCE, HERE / "encrypted.odt", "writer8")
    write_hand_made(HERE / "hand_made.odt")


if __name__ == "__main__":
    main()
