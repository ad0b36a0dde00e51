"""A CSV that a spreadsheet saved again is read back as export wrote it: without its BOM,
with its protecting apostrophes kept or dropped, CR and CRLF inside cells, offsets as
"12.0", semicolons between the cells; and the import says what it undid, one line a kind."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.domain.export import restore
from reader.domain.resaved_csv import KINDS
from reader.store import Store

# Texts whose excel cells export protects, and ones it leaves alone.
PROTECTED = ("=1+1", "+7", "-3", "@home", "'quoted", "''=x")
LEFT_ALONE = ("007", "2024-05-05", "1/2", "1e5", "TRUE", "12345678901234567890", "a\tb;c", "line\nbreak")
TEXT = " | ".join(PROTECTED + LEFT_ALONE) + "\n"


def make_db(path: Path, annotated: bool = True) -> Path:
    with Store.open(path) as store:
        document_id = store.import_source(SourceText("cells.txt", "", TEXT, "utf-8")).document_id
        for cell in (PROTECTED + LEFT_ALONE) if annotated else ():
            start = TEXT.index(cell)
            store.add_annotation(
                Annotation(
                    document_id=document_id,
                    start=start,
                    end=start + len(cell),
                    text=cell,
                    tag="claim",
                    note=f"{cell}\nsecond line",
                    annotator=cell,
                )
            )
    return path


def rows_of(db: Path) -> list[dict]:
    with Store.open(db, read_only=True) as store:
        return [dict(row) for row in store.export_rows()]


def excel_cells(cli, db: Path, tmp_path: Path) -> list[list[str]]:
    out = tmp_path / "excel.csv"
    assert cli("export", "--db", db, "-o", out).code == 0
    return list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))


def resave(cells: list[list[str]], path: Path, change=lambda column, cell: cell, delimiter=",", line_end="\n") -> Path:
    """What a spreadsheet writes: no BOM, LF rows, quotes only where needed, each cell
    through ``change(column, cell)``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=line_end)
    writer.writerow(cells[0])
    for row in cells[1:]:
        writer.writerow([change(column, cell) for column, cell in zip(cells[0], row, strict=True)])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.fixture
def source(tmp_path) -> Path:
    return make_db(tmp_path / "source.sqlite")


@pytest.fixture
def fresh(tmp_path) -> Path:
    return make_db(tmp_path / "fresh.sqlite", annotated=False)


def imported(cli, path: Path, db: Path) -> list[str]:
    result = cli("import-annotations", path, "--db", db)
    assert result.code == 0, result.err
    lines = result.out.strip().splitlines()
    assert lines[-1] == f"imported {len(PROTECTED + LEFT_ALONE)}, unchanged 0, refused 0"
    return lines[:-1]


def test_apostrophes_kept_and_no_bom_come_back_exactly(cli, source, fresh, tmp_path):
    path = resave(excel_cells(cli, source, tmp_path), tmp_path / "kept.csv")

    said = imported(cli, path, fresh)

    assert rows_of(fresh) == rows_of(source)
    assert said == [f"normalised {len(PROTECTED)} row(s): {KINDS['apostrophes']}"]


def test_apostrophes_dropped_come_back_exactly(cli, source, fresh, tmp_path):
    path = resave(
        excel_cells(cli, source, tmp_path), tmp_path / "dropped.csv", change=lambda column, cell: restore(cell)
    )

    said = imported(cli, path, fresh)

    assert rows_of(fresh) == rows_of(source)
    assert said == []  # nothing to undo: the cells are the values


def test_crlf_inside_cells_and_decimal_offsets_are_undone_and_said(cli, source, fresh, tmp_path):
    def spreadsheet(column: str, cell: str) -> str:
        return f"{cell}.0" if column in ("start", "end") else cell.replace("\n", "\r\n")

    path = resave(excel_cells(cli, source, tmp_path), tmp_path / "crlf.csv", change=spreadsheet, line_end="\r\n")

    said = imported(cli, path, fresh)

    assert rows_of(fresh) == rows_of(source)
    count = len(PROTECTED + LEFT_ALONE)
    assert f"normalised {count} row(s): {KINDS['line ends']}" in said  # every note has a line break
    assert f"normalised {count} row(s): {KINDS['decimal offsets']}" in said
    assert len(said) == 3  # and the apostrophes


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_a_semicolon_or_tab_between_cells_is_read_as_the_locale_saved_it(cli, source, fresh, tmp_path, delimiter):
    path = resave(excel_cells(cli, source, tmp_path), tmp_path / "semicolons.csv", delimiter=delimiter)

    said = imported(cli, path, fresh)

    assert rows_of(fresh) == rows_of(source)
    assert f"normalised {len(PROTECTED + LEFT_ALONE)} row(s): {KINDS['separator']}" in said


def test_a_plain_csv_keeps_a_genuine_leading_apostrophe(cli, source, fresh, tmp_path):
    path = tmp_path / "plain.csv"
    assert cli("export", "--db", source, "--dialect", "plain", "-o", path).code == 0

    said = imported(cli, path, fresh)

    assert rows_of(fresh) == rows_of(source)
    assert said == []
    assert {"'quoted", "''=x"} <= {row["text"] for row in rows_of(fresh)}


def test_a_text_that_matches_neither_way_is_refused_by_line(cli, source, fresh, tmp_path):
    def damage(column: str, cell: str) -> str:
        return "'=2+2" if cell == "'=1+1" else cell

    path = resave(excel_cells(cli, source, tmp_path), tmp_path / "changed.csv", change=damage)

    result = cli("import-annotations", path, "--db", fresh)

    assert result.code == 3
    (refusal,) = result.err.strip().splitlines()
    assert refusal.startswith("refused line 2: text at 0..4 of 'cells.txt' is not '=2+2'")


def test_the_excel_csv_quotes_every_text_cell_and_no_offset(cli, source, tmp_path):
    out = tmp_path / "excel.csv"
    assert cli("export", "--db", source, "-o", out).code == 0
    lines = out.read_bytes().decode("utf-8-sig").split("\r\n")

    assert lines[0].startswith('"annotation_id","document"')
    first = next(csv.reader([lines[1]]))
    start, end = first[3], first[4]
    assert f'",{start},{end},"' in lines[1]  # the offsets bare, every text cell quoted
    assert lines[1].startswith('"') and lines[1].endswith('"')
