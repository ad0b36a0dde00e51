"""XLSX export: every text cell a string, offsets numbers, a frozen header with filters,
a sheet of annotations and one of documents; read back by import-annotations; streamed."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from reader.domain import xlsx
from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.domain.export import COLUMNS
from reader.store import Store

# Cells a spreadsheet would run, convert or cut, and OOXML's own escapes.
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
    "#N/A",
    "+7",
    "-3",
    "@home",
    " padded ",
    "_x0041_",
    "form\x0cfeed",
)
TEXT = " | ".join(HOSTILE) + " | Москва 😀\n"


def hostile_db(path: Path, note_suffix: str = " note") -> Path:
    with Store.open(path) as store:
        document_id = store.import_source(SourceText("cells/hostile.txt", "", TEXT, "utf-8")).document_id
        for cell in (*HOSTILE, "Москва 😀"):
            start = TEXT.index(cell)
            store.add_annotation(
                Annotation(
                    document_id=document_id,
                    start=start,
                    end=start + len(cell),
                    text=cell,
                    tag="claim",
                    note=cell + note_suffix,
                    annotator=cell,
                    reviewer=cell,
                    review_note=cell,
                )
            )
    return path


def export_rows(db: Path) -> list[dict]:
    with Store.open(db, read_only=True) as store:
        return [dict(row) for row in store.export_rows()]


@pytest.fixture
def workbook_path(cli, tmp_path) -> Path:
    db = hostile_db(tmp_path / "hostile.sqlite")
    out = tmp_path / "out.xlsx"
    result = cli("export", "--db", db, "--format", "xlsx", "-o", out)
    assert result.code == 0, result.err
    assert f"exported {len(HOSTILE) + 1} annotation(s)" in result.err
    return out


def test_every_text_cell_is_a_string_and_offsets_are_numbers(workbook_path, tmp_path):
    expected = export_rows(tmp_path / "hostile.sqlite")

    book = openpyxl.load_workbook(workbook_path)  # the normal mode: cells with their types

    assert book.sheetnames == ["annotations", "documents"]
    sheet = book["annotations"]
    header, *rows = list(sheet.iter_rows())
    assert [cell.value for cell in header] == list(COLUMNS)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(COLUMNS))}{len(expected) + 1}"
    assert len(rows) == len(expected)
    by_id = {row["annotation_id"]: row for row in expected}
    for cells in rows:
        values = dict(zip(COLUMNS, cells, strict=True))
        stored = by_id[values["annotation_id"].value]
        for column, cell in values.items():
            if column in ("start", "end", "source_page", "source_paragraph"):  # a .txt has no page: empty
                assert cell.data_type == "n" and cell.value == stored[column]
            elif stored[column] == "":  # a plain text's empty source date and address: an empty cell
                assert cell.value is None, (column, cell.value)
            else:
                assert cell.data_type == "s", (column, cell.value)
                assert xlsx.unescape(cell.value) == stored[column]
        assert TEXT[values["start"].value : values["end"].value] == xlsx.unescape(values["text"].value)


def test_the_documents_sheet_lists_name_hash_and_length(workbook_path):
    sheet = openpyxl.load_workbook(workbook_path)["documents"]

    header, row = list(sheet.iter_rows(values_only=True))

    assert header == xlsx.DOCUMENT_COLUMNS
    document = dict(zip(header, row, strict=True))
    assert document["name"] == "cells/hostile.txt"
    assert document["length"] == len(TEXT)
    assert document["annotations"] == len(HOSTILE) + 1
    assert len(document["sha256"]) == 64
    assert document["source_type"] == "txt"
    last_column = get_column_letter(len(xlsx.DOCUMENT_COLUMNS))
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{last_column}2"


def test_import_annotations_reads_the_workbook_back_exactly(cli, workbook_path, tmp_path):
    fresh = tmp_path / "fresh.sqlite"
    with Store.open(fresh) as store:
        store.import_source(SourceText("cells/hostile.txt", "", TEXT, "utf-8"))

    result = cli("import-annotations", workbook_path, "--db", fresh)

    assert result.code == 0, result.err
    assert result.out.strip() == f"imported {len(HOSTILE) + 1}, unchanged 0, refused 0"
    assert export_rows(fresh) == export_rows(tmp_path / "hostile.sqlite")


def test_a_workbook_is_told_by_its_content_or_forced(cli, workbook_path, tmp_path):
    renamed = tmp_path / "annotations.csv"
    renamed.write_bytes(workbook_path.read_bytes())

    told = cli("import-annotations", renamed, "--db", tmp_path / "hostile.sqlite")
    as_csv = cli("import-annotations", renamed, "--format", "csv", "--db", tmp_path / "hostile.sqlite")

    assert told.code == 0 and f"unchanged {len(HOSTILE) + 1}" in told.out
    assert as_csv.code == 1 and "zip archive" in as_csv.err


def test_a_workbook_needs_an_output_file(cli, tmp_path):
    result = cli("export", "--db", hostile_db(tmp_path / "h.sqlite"), "--format", "xlsx")

    assert result.code == 1
    assert "-o OUT" in result.err and "\n" not in result.err.strip()


def test_a_workbook_without_the_columns_is_refused_in_one_line(cli, tmp_path):
    other = openpyxl.Workbook()
    other.active.append(["something", "else"])
    path = tmp_path / "other.xlsx"
    other.save(path)

    result = cli("import-annotations", path, "--db", hostile_db(tmp_path / "h.sqlite"))

    assert result.code == 1
    assert "no sheet of other.xlsx has the columns" in result.err


@pytest.mark.parametrize(
    "text", ["plain", "_x0041_", "__x0041__", "a\x00b\x1fc", "cr\rlf\r\n", "_x005F_", "_x12", "=1+1", "#DIV/0!"]
)
def test_escaping_is_undone_exactly(text):
    escaped = xlsx.escape(text)

    assert xlsx.unescape(escaped) == text
    assert not any(ord(c) < 32 and c not in "\t\n" for c in escaped)


def test_a_cell_past_excels_limit_is_written_whole_and_reported(cli, tmp_path, monkeypatch):
    db = hostile_db(tmp_path / "long.sqlite", note_suffix=" " + "long note " * 4000)
    out = tmp_path / "long.xlsx"

    result = cli("export", "--db", db, "--format", "xlsx", "-o", out)

    assert result.code == 0
    assert f"{len(HOSTILE) + 1} cell(s) longer than 32,767 characters" in result.err
    notes = {row["note"] for _, row in xlsx.workbook_records(out)}
    assert notes == {row["note"] for row in export_rows(db)}


def test_rows_past_a_sheets_limit_go_on_to_the_next_sheet(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "ROWS_PER_SHEET", 7)  # 6 annotations a sheet
    db = hostile_db(tmp_path / "h.sqlite")
    out = tmp_path / "split.xlsx"
    assert cli("export", "--db", db, "--format", "xlsx", "-o", out).code == 0

    book = openpyxl.load_workbook(out, read_only=True)
    sheets = {name: len(list(book[name].iter_rows())) for name in book.sheetnames}
    book.close()

    assert sheets == {"annotations": 7, "annotations 2": 7, "annotations 3": 7, "documents": 2}
    records = [row for _, row in xlsx.workbook_records(out)]
    assert [r["annotation_id"] for r in records] == [r["annotation_id"] for r in export_rows(db)]


def _add_annotations(store: Store, count: int) -> None:
    document = store.document(store.documents()[0].id)
    width = 7
    store.add_annotations_bulk(
        Annotation(
            document_id=document.id,
            start=(start := i % (document.length - width)),
            end=start + width,
            text=document.text[start : start + width],
            tag="claim",
            note=f"=note number {i}",
        )
        for i in range(count)
    )


def _export_peak(cli, db: Path, out: Path) -> int:
    tracemalloc.start()
    try:
        result = cli("export", "--db", db, "--format", "xlsx", "-o", out)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.code == 0, result.err
    return peak


@pytest.mark.slow
def test_the_workbook_is_streamed_so_memory_does_not_grow_with_the_annotations(cli, seeded_store, tmp_path):
    _export_peak(cli, seeded_store.path, tmp_path / "warm-up.xlsx")  # first-use imports and caches
    _add_annotations(seeded_store, 1_000)
    small = _export_peak(cli, seeded_store.path, tmp_path / "small.xlsx")
    _add_annotations(seeded_store, 9_000)
    large = _export_peak(cli, seeded_store.path, tmp_path / "large.xlsx")

    assert sum(1 for _ in xlsx.workbook_records(tmp_path / "large.xlsx")) == 10_000
    assert large < small * 1.5 + 256 * 1024, (small, large)
