"""Export: the CSV columns, both dialects, formula neutralization, JSONL, and streaming."""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
from pathlib import Path

import pytest

from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.domain.export import COLUMNS, neutralize, restore
from reader.store import Store

# The column order the issue fixes.
ISSUE_COLUMNS = [
    "annotation_id",
    "document",
    "document_sha256",
    "start",
    "end",
    "text",
    "tag",
    "note",
    "annotator",
    "status",
    "reviewer",
    "review_note",
    "created_at",
    "updated_at",
    # Where the document came from, added after the annotation's columns (issue 16).
    "source_type",
    "source_page",
    "source_paragraph",
    "source_date",
    "source_url",
]
BOM = b"\xef\xbb\xbf"
TEXT = 'Он сказал: "да, конечно", и ушёл.\n=SUM(A1:A2) и +7 или -3 @home\n\tотступ; \'кавычка\nконец 😀 𠀀\n'
DOCUMENT = 'корпус/новости, "цитата".txt'
# Quotes whose text in the document starts with a character a spreadsheet would run.
FORMULA_QUOTES = ("=SUM(A1:A2)", "+7", "-3", "@home", "\tотступ", "'кавычка")
PLAIN_QUOTES = ('"да, конечно"', "ушёл.\n=SUM", "конец 😀 𠀀")


@pytest.fixture
def exported_db(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        document_id = store.import_source(SourceText(DOCUMENT, "", TEXT, "utf-8")).document_id
        for quote in PLAIN_QUOTES + FORMULA_QUOTES:
            start = TEXT.index(quote)
            store.add_annotation(
                Annotation(
                    document_id=document_id,
                    start=start,
                    end=start + len(quote),
                    text=quote,
                    tag="claim",
                    note=f"note on {quote}",
                )
            )
        start = TEXT.index("Он")
        store.add_annotation(
            Annotation(
                document_id=document_id,
                start=start,
                end=start + 2,
                text="Он",
                tag="actor",
                note='\rcarriage, "quoted"\nand more',
                annotator="=cmd|' /C calc'!A0",
                status="accepted",
                reviewer="+reviewer",
                review_note="-1\ra lone CR",
            )
        )
    return db_path


def export(cli, db: Path, out: Path, *options) -> bytes:
    result = cli("export", "--db", db, "-o", out, *options)
    assert result.code == 0, result.err
    return out.read_bytes()


def csv_rows(data: bytes) -> list[dict]:
    text = data.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    assert header == ISSUE_COLUMNS == list(COLUMNS)
    return [dict(zip(header, cells, strict=False)) for cells in reader]


def test_plain_csv_gives_back_the_exact_text(cli, exported_db, tmp_path):
    data = export(cli, exported_db, tmp_path / "plain.csv", "--dialect", "plain")

    rows = csv_rows(data)

    assert not data.startswith(BOM)
    assert b"\r\n" not in data
    assert sorted(r["text"] for r in rows) == sorted(PLAIN_QUOTES + FORMULA_QUOTES + ("Он",))
    for row in rows:
        assert TEXT[int(row["start"]) : int(row["end"])] == row["text"]
        assert row["document"] == DOCUMENT
    special = next(r for r in rows if r["text"] == "Он")
    assert special["note"] == '\rcarriage, "quoted"\nand more'
    assert (special["annotator"], special["reviewer"], special["review_note"]) == (
        "=cmd|' /C calc'!A0",
        "+reviewer",
        "-1\ra lone CR",
    )


def test_excel_csv_has_a_bom_crlf_rows_and_no_runnable_cells(cli, exported_db, tmp_path):
    data = export(cli, exported_db, tmp_path / "excel.csv")  # excel is the default

    rows = csv_rows(data)

    assert data.startswith(BOM)
    assert data.endswith(b"\r\n")
    assert data.count(b"\r\n") >= len(rows) + 1
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)
    texts = {r["text"] for r in rows}
    assert {"'" + quote for quote in FORMULA_QUOTES} <= texts
    assert set(PLAIN_QUOTES) <= texts
    special = next(r for r in rows if r["text"] == "Он")
    assert special["note"] == '\'\rcarriage, "quoted"\nand more'
    assert (special["annotator"], special["reviewer"], special["review_note"]) == (
        "'=cmd|' /C calc'!A0",
        "'+reviewer",
        "'-1\ra lone CR",
    )
    assert all(restore(r["text"]) == TEXT[int(r["start"]) : int(r["end"])] for r in rows)


def test_jsonl_has_one_object_per_annotation_with_the_columns_in_order(cli, exported_db, tmp_path):
    data = export(cli, exported_db, tmp_path / "out.jsonl", "--format", "jsonl")

    records = [json.loads(line) for line in data.decode("utf-8").splitlines()]

    assert not data.startswith(BOM)
    assert len(records) == len(PLAIN_QUOTES + FORMULA_QUOTES) + 1
    for record in records:
        assert list(record) == ISSUE_COLUMNS
        assert TEXT[record["start"] : record["end"]] == record["text"]
        assert isinstance(record["start"], int)


@pytest.mark.parametrize("options", [(), ("--dialect", "plain"), ("--format", "jsonl")])
def test_standard_output_gets_the_same_bytes_as_a_file(cli, reader_process, exported_db, tmp_path, options):
    in_file = export(cli, exported_db, tmp_path / "out", *options)

    result = reader_process("export", "--db", exported_db, *options, text=False)

    assert result.returncode == 0, result.stderr
    assert result.stdout == in_file


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'already", "''", "'", "'=x"])
def test_neutralize_escapes_and_restore_undoes_it(cell):
    escaped = neutralize(cell)

    assert escaped == "'" + cell
    assert restore(escaped) == cell


@pytest.mark.parametrize("cell", ["", "plain", "Москва", "a=b", " =x", "1-2"])
def test_harmless_cells_are_left_alone(cell):
    assert neutralize(cell) == cell == restore(cell)


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
            note=f"note number {i}",
        )
        for i in range(count)
    )


def _export_peak(cli, db: Path, out: Path) -> int:
    tracemalloc.start()
    try:
        result = cli("export", "--db", db, "-o", out)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.code == 0, result.err
    return peak


@pytest.mark.slow
def test_export_streams_so_memory_does_not_grow_with_the_annotations(cli, seeded_store, tmp_path):
    _export_peak(cli, seeded_store.path, tmp_path / "warm-up.csv")  # first-use imports and caches
    _add_annotations(seeded_store, 5_000)
    small = _export_peak(cli, seeded_store.path, tmp_path / "small.csv")
    _add_annotations(seeded_store, 45_000)
    large = _export_peak(cli, seeded_store.path, tmp_path / "large.csv")

    assert (tmp_path / "large.csv").read_bytes().count(b"\r\n") == 50_001
    assert large < small * 1.5 + 64 * 1024, (small, large)
    assert large < (tmp_path / "large.csv").stat().st_size / 20
