"""LibreOffice opens Reader's workbook and excel CSV with every cell as Reader wrote it, and
what it saves again comes back into Reader unchanged. A real ``soffice --headless`` converts
the files; without LibreOffice (Debian's libreoffice-calc) the tests are skipped."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.domain.export import COLUMNS
from reader.store import Store

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"
)

HOSTILE = (
    "=1+1",
    "007",
    "2024-05-05",
    "1/2",
    "1e5",
    "TRUE",
    "12345678901234567890",
    "a\tb;c",
    "line\nbreak",
    "'quoted",
    "-3",
    "@home",
    "#N/A",
    "Москва 😀",
)
TEXT = " | ".join(HOSTILE) + "\n"
# LibreOffice's CSV import as its dialog offers it: comma, double quote, UTF-8, from line 1,
# no column formats, language default, "Format quoted field as text" on, special numbers off.
CSV_IMPORT = "CSV:44,34,76,1,,0,true,false"
CSV_EXPORT = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true"


def make_db(path: Path, annotated: bool = True) -> Path:
    with Store.open(path) as store:
        document_id = store.import_source(SourceText("hostile.txt", "", TEXT, "utf-8")).document_id
        for cell in HOSTILE if annotated else ():
            start = TEXT.index(cell)
            store.add_annotation(
                Annotation(
                    document_id=document_id,
                    start=start,
                    end=start + len(cell),
                    text=cell,
                    tag="claim",
                    note=cell,
                    annotator=cell,
                    reviewer=cell,
                    review_note=cell,
                )
            )
    return path


def reader(*args) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def soffice(source: Path, target: str, folder: Path, *options: str) -> Path:
    """``source`` opened and saved again by LibreOffice; its own profile, so nothing the
    user set is used or changed."""
    profile = folder / "profile"
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            *options,
            "--convert-to",
            target,
            "--outdir",
            str(folder),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    saved = folder / f"{source.stem}.{target.split(':')[0]}"
    assert result.returncode == 0 and saved.exists(), result.stderr
    return saved


def sheet_cells(path: Path) -> list[tuple]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return list(book["annotations"].iter_rows(values_only=True))
    finally:
        book.close()


def as_text(cell: object) -> str:
    """A cell as a CSV writes it: an empty cell (a plain text's source page, say) as nothing."""
    return "" if cell is None else str(cell)


def csv_cells(data: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data, newline="")))


def export_rows(db: Path) -> list[dict]:
    with Store.open(db, read_only=True) as store:
        return [dict(row) for row in store.export_rows()]


@pytest.fixture
def source(tmp_path) -> Path:
    return make_db(tmp_path / "source.sqlite")


def test_the_workbook_opens_in_libreoffice_with_every_cell_as_reader_wrote_it(source, tmp_path):
    workbook = tmp_path / "annotations.xlsx"
    reader("export", "--db", source, "--format", "xlsx", "-o", workbook)
    written = sheet_cells(workbook)

    resaved = soffice(workbook, "xlsx", tmp_path / "xlsx")
    as_csv = soffice(workbook, CSV_EXPORT, tmp_path / "csv")

    assert sheet_cells(resaved) == written  # texts stay strings, offsets numbers
    expected = [[as_text(cell) for cell in row] for row in written]
    assert csv_cells(as_csv.read_text(encoding="utf-8")) == expected
    fresh = make_db(tmp_path / "fresh.sqlite", annotated=False)
    reader("import-annotations", resaved, "--db", fresh)
    assert export_rows(fresh) == export_rows(source)


def test_the_excel_csv_opens_in_libreoffice_with_every_cell_as_reader_wrote_it(source, tmp_path):
    exported = tmp_path / "annotations.csv"
    reader("export", "--db", source, "-o", exported)
    written = csv_cells(exported.read_bytes().decode("utf-8-sig"))
    assert all(len(row) == len(COLUMNS) for row in written)

    resaved_csv = soffice(exported, CSV_EXPORT, tmp_path / "csv", f"--infilter={CSV_IMPORT}")
    resaved_xlsx = soffice(exported, "xlsx", tmp_path / "xlsx", f"--infilter={CSV_IMPORT}")

    assert csv_cells(resaved_csv.read_text(encoding="utf-8")) == written
    cells = sheet_cells(resaved_xlsx)
    assert [[as_text(cell) for cell in row] for row in cells] == written
    assert all(isinstance(row[3], int) and isinstance(row[5], str) for row in cells[1:])
    # Saved again without a BOM, apostrophes and all: it still comes back exactly.
    assert not resaved_csv.read_bytes().startswith(b"\xef\xbb\xbf")
    fresh = make_db(tmp_path / "fresh.sqlite", annotated=False)
    reader("import-annotations", resaved_csv, "--db", fresh)
    assert export_rows(fresh) == export_rows(source)


def test_a_tab_or_semicolon_never_splits_a_row_when_they_separate_cells_too(source, tmp_path):
    exported = tmp_path / "annotations.csv"
    reader("export", "--db", source, "-o", exported)
    written = csv_cells(exported.read_bytes().decode("utf-8-sig"))

    # Tab, comma and semicolon all ticked as separators, as LibreOffice's dialog often has them.
    resaved = soffice(exported, CSV_EXPORT, tmp_path / "csv", "--infilter=CSV:9/44/59,34,76,1,,0,true,false")

    assert csv_cells(resaved.read_text(encoding="utf-8")) == written
