"""Hostile annotation import files: cells and numbers too big for the parsers, values of the
wrong kind, lone surrogates, deep nesting, missing ids and times that are not times. Each bad
row is refused with a one-line reason naming its line, the good rows beside it are imported,
and a file that is not an export at all is refused whole in one line; never a traceback.

Covered elsewhere and not repeated here: wrong offsets, unknown tags, missing columns, lines
that are not JSON or are an array, and too few cells, in test_annotation_import_faults.py."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from reliability_support import MIXED_TEXT, run_cli

from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.store import Store

PLACEHOLDER = "@@raw@@"


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[str, str]:
    """What ``reader export`` wrote for four annotations of MIXED_TEXT: JSONL and both CSV dialects."""
    source = tmp_path_factory.mktemp("source") / "source.sqlite"
    with Store.open(source) as store:
        store.import_source(SourceText("mixed.txt", "", MIXED_TEXT, "utf-8"))
        for number, (start, end) in enumerate([(0, 9), (12, 20), (40, 52), (70, 80)]):
            store.add_annotation(
                Annotation(
                    document_id=1,
                    start=start,
                    end=end,
                    text=MIXED_TEXT[start:end],
                    tag="claim",
                    note=f"note {number} 📢",
                )
            )
    written = {}
    for name, options in {
        "jsonl": ["--format", "jsonl"],
        "excel": ["--format", "csv"],
        "plain": ["--format", "csv", "--dialect", "plain"],
    }.items():
        result = run_cli("export", "--db", source, *options)
        assert result.returncode == 0, result.stderr
        written[name] = result.stdout
    return written


def jsonl_rows(exports) -> list[dict]:
    return [json.loads(line) for line in exports["jsonl"].splitlines()]


def with_raw(row: dict, column: str, raw_json: str) -> str:
    """The row as a JSON line whose ``column`` is written exactly as ``raw_json``."""
    return json.dumps(dict(row, **{column: PLACEHOLDER})).replace(f'"{PLACEHOLDER}"', raw_json)


def import_lines(tmp_path: Path, db: Path, lines: list[str], name: str = "rows.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return run_cli("import-annotations", path, "--db", db)


def csv_rows(exported: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(exported.removeprefix("\ufeff"), newline="")))


def import_csv(tmp_path: Path, db: Path, rows: list[list[str]], excel: bool):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n" if excel else "\n").writerows(rows)
    path = tmp_path / "rows.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8-sig" if excel else "utf-8", newline="")
    return run_cli("import-annotations", path, "--db", db)


def stored(db: Path) -> dict[str, Annotation]:
    with Store.open(db, read_only=True) as store:
        return {a.id: a for a in store.annotations(1)}


def ids_of(rows: list[dict]) -> set[str]:
    return {row["annotation_id"] for row in rows}


def assert_refused(result, refusals: list[str], imported: int) -> None:
    """Exit code 3, exactly one line on standard error per refused row, and the count imported."""
    assert "Traceback" not in result.stderr
    assert result.returncode == 3, result.stderr
    assert result.stderr.splitlines() == refusals
    assert result.stdout == f"imported {imported}, unchanged 0, refused {len(refusals)}\n"


def test_a_cell_longer_than_the_csv_field_limit_imports(exports, corpus_db, tmp_path):
    rows = csv_rows(exports["excel"])
    note = rows[0].index("note")
    long_note = "a long note 📢 " * 15_000  # 210,000 characters; csv's default limit is 131,072
    rows[1][note] = long_note

    result = import_csv(tmp_path, corpus_db, rows, excel=True)

    assert "Traceback" not in result.stderr
    assert (result.returncode, result.stdout, result.stderr) == (0, "imported 4, unchanged 0, refused 0\n", "")
    assert stored(corpus_db)[rows[1][0]].note == long_note


def test_an_offset_of_1e400_is_refused(exports, corpus_db, tmp_path):
    good = jsonl_rows(exports)
    lines = [json.dumps(good[0]), with_raw(good[1], "start", "1e400"), *map(json.dumps, good[2:])]

    result = import_lines(tmp_path, corpus_db, lines)

    assert_refused(result, ["refused line 2: start inf is not a whole number"], imported=3)
    assert set(stored(corpus_db)) == ids_of(good) - ids_of(good[1:2])


def test_an_offset_of_5000_digits_is_refused(exports, corpus_db, tmp_path):
    good = jsonl_rows(exports)
    lines = [json.dumps(good[0]), with_raw(good[1], "end", "7" * 5000), *map(json.dumps, good[2:])]

    result = import_lines(tmp_path, corpus_db, lines)

    assert_refused(result, ["refused line 2: has a number of more than 4300 digits"], imported=3)
    assert set(stored(corpus_db)) == ids_of(good) - ids_of(good[1:2])


def test_a_lone_surrogate_in_a_string_is_refused(exports, corpus_db, tmp_path):
    good = jsonl_rows(exports)
    lines = [json.dumps(good[0]), with_raw(good[1], "note", r'"half an emoji: \ud83d"'), *map(json.dumps, good[2:])]

    result = import_lines(tmp_path, corpus_db, lines)

    assert_refused(result, [r"refused line 2: note holds a lone surrogate '\ud83d', which is not text"], imported=3)
    assert set(stored(corpus_db)) == ids_of(good) - ids_of(good[1:2])


def test_nesting_100000_deep_is_refused(exports, corpus_db, tmp_path):
    good = jsonl_rows(exports)
    deep = "[" * 100_000 + "]" * 100_000
    lines = [json.dumps(good[0]), with_raw(good[1], "note", deep), *map(json.dumps, good[2:])]

    result = import_lines(tmp_path, corpus_db, lines)

    assert_refused(result, ["refused line 2: not JSON (nested too deeply)"], imported=3)
    assert set(stored(corpus_db)) == ids_of(good) - ids_of(good[1:2])


def test_a_fractional_or_boolean_json_offset_is_refused_not_rounded(exports, corpus_db, tmp_path):
    good = jsonl_rows(exports)
    lines = [
        json.dumps(good[0]),
        with_raw(good[1], "start", "4.9"),
        with_raw(good[2], "end", "true"),
        json.dumps(good[3]),
    ]

    result = import_lines(tmp_path, corpus_db, lines)

    assert_refused(
        result,
        ["refused line 2: start 4.9 is not a whole number", "refused line 3: end True is not a whole number"],
        imported=2,
    )
    assert set(stored(corpus_db)) == ids_of([good[0], good[3]])


def test_a_csv_offset_that_is_not_a_string_of_digits_is_refused(exports, corpus_db, tmp_path):
    rows = csv_rows(exports["plain"])
    start, end = rows[0].index("start"), rows[0].index("end")
    rows[1][start] = "4.9"
    rows[2][end] = "١٢"  # Arabic-Indic digits, which int() would take as 12

    result = import_csv(tmp_path, corpus_db, rows, excel=False)

    assert_refused(
        result,
        ["refused line 2: start '4.9' is not a whole number", "refused line 3: end '١٢' is not a whole number"],
        imported=2,
    )
    assert set(stored(corpus_db)) == {rows[3][0], rows[4][0]}


def test_an_empty_or_null_annotation_id_is_refused(exports, corpus_db, tmp_path):
    good = jsonl_rows(exports)
    lines = [
        json.dumps(good[0]),
        with_raw(good[1], "annotation_id", '""'),
        with_raw(good[2], "annotation_id", "null"),
        json.dumps(good[3]),
    ]

    result = import_lines(tmp_path, corpus_db, lines)

    assert_refused(
        result, ["refused line 2: annotation_id is empty", "refused line 3: annotation_id is empty"], imported=2
    )
    assert set(stored(corpus_db)) == ids_of([good[0], good[3]])


def test_a_time_that_is_not_iso_8601_is_refused(exports, corpus_db, tmp_path):
    good = jsonl_rows(exports)
    lines = [
        json.dumps(good[0]),
        with_raw(good[1], "created_at", '"yesterday"'),
        with_raw(good[2], "updated_at", '""'),
        json.dumps(good[3]),
    ]

    result = import_lines(tmp_path, corpus_db, lines)

    assert_refused(
        result,
        [
            "refused line 2: created_at 'yesterday' is not an ISO 8601 time",
            "refused line 3: updated_at '' is not an ISO 8601 time",
        ],
        imported=2,
    )
    assert set(stored(corpus_db)) == ids_of([good[0], good[3]])


def test_a_json_line_that_is_a_string_number_or_null_is_refused(exports, corpus_db, tmp_path):
    good = jsonl_rows(exports)
    lines = [json.dumps(good[0]), '"a string"', "42", "null", *map(json.dumps, good[1:])]

    result = import_lines(tmp_path, corpus_db, lines)

    assert_refused(
        result,
        [
            "refused line 2: a JSON string, not a JSON object",
            "refused line 3: a JSON number, not a JSON object",
            "refused line 4: a JSON null, not a JSON object",
        ],
        imported=4,
    )
    assert set(stored(corpus_db)) == ids_of(good)


def test_a_text_column_holding_a_list_or_a_number_is_refused(exports, corpus_db, tmp_path):
    good = jsonl_rows(exports)
    lines = [
        json.dumps(good[0]),
        with_raw(good[1], "tag", '["claim"]'),
        with_raw(good[2], "note", "5"),
        json.dumps(good[3]),
    ]

    result = import_lines(tmp_path, corpus_db, lines)

    assert_refused(
        result, ["refused line 2: tag ['claim'] is not text", "refused line 3: note 5 is not text"], imported=2
    )
    assert set(stored(corpus_db)) == ids_of([good[0], good[3]])


def test_a_file_that_is_one_json_array_is_refused_whole_in_one_line(exports, corpus_db, tmp_path):
    path = tmp_path / "annotations.json"
    path.write_text(json.dumps(jsonl_rows(exports), ensure_ascii=False, indent=2), encoding="utf-8")

    result = run_cli("import-annotations", path, "--db", corpus_db)

    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "reader: annotations.json is one JSON array; annotations are read from JSONL (one JSON object a line) or CSV\n"
    )
    assert stored(corpus_db) == {}


def test_a_csv_cell_with_a_nul_byte_imports_with_it(exports, corpus_db, tmp_path):
    rows = csv_rows(exports["plain"])
    note = rows[0].index("note")
    rows[1][note] = "before\x00after"

    result = import_csv(tmp_path, corpus_db, rows, excel=False)

    assert "Traceback" not in result.stderr
    assert (result.returncode, result.stdout, result.stderr) == (0, "imported 4, unchanged 0, refused 0\n", "")
    assert stored(corpus_db)[rows[1][0]].note == "before\x00after"
