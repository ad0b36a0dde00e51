"""Reading back what export wrote: CSV in either dialect (also as a spreadsheet saved it
again), JSONL, or XLSX; any of its tables (reader.domain.relation_tables), each row told by
its id column, so that the relations' lines of an annotations JSONL come back too."""

from __future__ import annotations

import csv
import io
import json
import re
import struct
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from reader.domain import resaved_csv
from reader.domain.export import ANNOTATION_COLUMNS, restore
from reader.domain.relation_tables import (
    ANNOTATIONS,
    CLAIM_COLUMNS,
    CLAIMS,
    IDS,
    RELATION_COLUMNS,
    RELATION_OFFSETS,
    RELATIONS,
    claim_links,
)
from reader.domain.versions import parse_moment

_UTF8_BOM = b"\xef\xbb\xbf"
_ZIP_START = b"PK\x03\x04"  # an XLSX workbook is a zip archive
IMPORT_FORMATS = ("csv", "jsonl", "xlsx")
TABLE_COLUMNS = {ANNOTATIONS: ANNOTATION_COLUMNS, RELATIONS: RELATION_COLUMNS, CLAIMS: CLAIM_COLUMNS}
_ID_COLUMNS = {ANNOTATIONS: "annotation_id", RELATIONS: "relation_id", CLAIMS: "claim_id"}
_INTEGER_COLUMNS = ("start", "end", *RELATION_OFFSETS, "claim_start", "claim_end")
_TIME_COLUMNS = ("created_at", "updated_at")
_WHOLE_NUMBER_TEXT = re.compile(r"-?[0-9]+")  # not int()'s "+1", " 1", "1_0", "١"
_SURROGATE = re.compile("[\ud800-\udfff]")
# csv.field_size_limit takes a C long: 64 bits on Linux and macOS, but 32 on Windows,
# where sys.maxsize overflows it.
_LARGEST_C_LONG = 2 ** (8 * struct.calcsize("l") - 1) - 1
_SHOWN_CHARACTERS = 40


class BadAnnotationFile(ValueError):
    """A file that is not an annotation export at all; the message says why in one line."""


@dataclass(frozen=True)
class ImportedRow:
    line: int
    fields: dict | None  # of a claims row: its claim_id, claim_tag and links, (type, target id) each
    problem: str = ""
    normalised: frozenset[str] = frozenset()  # the kinds of resaved_csv.KINDS undone in it
    table: str = ANNOTATIONS  # which of relation_tables.TABLES the row is of


def read_annotation_rows(path: Path, fmt: str | None = None) -> Iterator[ImportedRow]:
    """Each row of an exported file as a dict of its table's columns, or with the problem that stops it.
    ``fmt`` (one of IMPORT_FORMATS) forces the format; without it, it is told by the content."""
    try:
        with path.open("rb") as handle:
            first_bytes = handle.read(len(_ZIP_START))
    except OSError as error:
        raise BadAnnotationFile(f"cannot read {path}: {error.strerror or error}") from error
    if fmt == "xlsx" or (fmt is None and first_bytes == _ZIP_START):
        yield from _xlsx_rows(path)
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BadAnnotationFile(f"cannot read {path}: {error.strerror or error}") from error
    if data.startswith(_ZIP_START):
        raise BadAnnotationFile(f"{path.name} is a zip archive (an XLSX workbook?), not {(fmt or '').upper()} text")
    bom = data.startswith(_UTF8_BOM)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadAnnotationFile(
            f'{path.name} is not UTF-8 text (a spreadsheet saves UTF-8 as "CSV UTF-8" or with the character set UTF-8)'
        ) from error
    if fmt == "jsonl":
        yield from _jsonl_rows(text)
        return
    if fmt == "csv":
        yield from _csv_rows(text, bom)
        return
    start = text.lstrip()[:1]
    if start == "[":
        raise BadAnnotationFile(
            f"{path.name} is one JSON array; annotations are read from JSONL (one JSON object a line) or CSV"
        )
    if start == "{":
        yield from _jsonl_rows(text)
    else:
        yield from _csv_rows(text, bom)


def _jsonl_rows(text: str) -> Iterator[ImportedRow]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ImportedRow(number, None, f"not JSON ({error.msg})")
            continue
        except ValueError:  # json's only other ValueError: an integer too long for int()
            yield ImportedRow(number, None, f"has a number of more than {sys.get_int_max_str_digits()} digits")
            continue
        except RecursionError:
            yield ImportedRow(number, None, "not JSON (nested too deeply)")
            continue
        if not isinstance(record, dict):
            yield ImportedRow(number, None, f"a JSON {_json_kind(record)}, not a JSON object")
            continue
        yield _checked(number, record)


def _json_kind(value: object) -> str:
    kinds = {list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    return kinds.get(type(value), "null")


def _csv_rows(text: str, bom: bool) -> Iterator[ImportedRow]:
    separator = resaved_csv.separator_of(text)
    table = _table_of(_csv_header(text, separator))
    if table != ANNOTATIONS:
        yield from _relation_csv_rows(text, separator, table, bom)
        return
    records = _csv_records(text, separator, ANNOTATION_COLUMNS)
    file = resaved_csv.evidence((r for _, r in records if isinstance(r, dict)), bom, separator)
    for number, record in _csv_records(text, separator, ANNOTATION_COLUMNS):
        if isinstance(record, str):
            yield ImportedRow(number, None, record)
            continue
        record, kinds = resaved_csv.undo(record, file)
        row = _checked(number, record)
        yield replace(row, normalised=kinds) if row.fields is not None else row


def _relation_csv_rows(text: str, separator: str, table: str, bom: bool) -> Iterator[ImportedRow]:
    """The rows of a relations or claims CSV. A BOM is export's excel dialect, which protects every
    cell that starts like a formula with one ' (export.neutralize): taken off again here."""
    for number, record in _csv_records(text, separator, TABLE_COLUMNS[table]):
        if isinstance(record, str):
            yield ImportedRow(number, None, record, table=table)
            continue
        yield _checked(number, {c: restore(v) for c, v in record.items()} if bom else record, table)


def _csv_header(text: str, separator: str) -> list[str]:
    return next(csv.reader(io.StringIO(text, newline=""), delimiter=separator), [])


def _csv_records(text: str, separator: str, columns: tuple[str, ...]) -> Iterator[tuple[int, dict | str]]:
    """(line, {column: cell}) of each row, or (line, why it is no row of the header's)."""
    # A note may be longer than csv's default limit of 131,072 characters a cell.
    csv.field_size_limit(_LARGEST_C_LONG)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    header = next(reader, None)
    if header is None:
        return
    missing = [c for c in columns if c not in header]
    if missing:
        raise BadAnnotationFile(f"the CSV header lacks the column(s) {', '.join(missing)}")
    first_line = reader.line_num + 1
    for cells in reader:
        # A quoted cell may span lines; a row is reported by the line it starts on.
        number, first_line = first_line, reader.line_num + 1
        if not any(cells):
            continue
        if len(cells) != len(header):
            yield number, f"has {len(cells)} cells, the header has {len(header)}"
            continue
        yield number, dict(zip(header, cells, strict=True))


def _xlsx_rows(path: Path) -> Iterator[ImportedRow]:
    from reader.domain.xlsx import BadWorkbook, workbook_table_records  # with zipfile: for a workbook only

    try:
        for table, number, record in workbook_table_records(path, TABLE_COLUMNS):
            row = _checked(number, record, table)
            decimal = table == ANNOTATIONS and any(type(record.get(c)) is float for c in _INTEGER_COLUMNS)
            yield replace(row, normalised=frozenset((resaved_csv.DECIMAL_OFFSETS,))) if decimal and row.fields else row
    except BadWorkbook as error:
        raise BadAnnotationFile(str(error)) from error


def _table_of(record: dict | list) -> str:
    """Which table a row (or a header) is of, told by its id column; an annotation's by default."""
    return next((table for table, column in _ID_COLUMNS.items() if column in record), ANNOTATIONS)


def _checked(number: int, record: dict, table: str | None = None) -> ImportedRow:
    table = table or _table_of(record)
    columns = TABLE_COLUMNS[table]
    missing = [c for c in columns if c not in record]
    if missing:
        return ImportedRow(number, None, f"lacks {', '.join(missing)}", table=table)
    if table == CLAIMS:  # a claim's own cells are not read back, only the ends it names
        columns = ("claim_id", "claim_tag", *(c for c in record if c.endswith(IDS)))
    fields = {}
    for column in columns:
        value, problem = _field(column, record[column])
        if problem:
            return ImportedRow(number, None, problem, table=table)
        fields[column] = value
    if table == CLAIMS:
        links = claim_links(record | fields)
        fields = {"claim_id": fields["claim_id"], "claim_tag": fields["claim_tag"], "links": links}
    return ImportedRow(number, fields, table=table)


def _field(column: str, value: object) -> tuple[object, str]:
    """The column's value as stored, and "" or why it cannot be."""
    if column in _INTEGER_COLUMNS:
        offset = _offset(value)
        problem = "" if offset is not None else f"{column} {_shown(value)} is not a whole number"
        return offset, problem
    text = "" if value is None else value
    return text, _text_problem(column, text)


def _text_problem(column: str, value: object) -> str:
    if not isinstance(value, str):
        return f"{column} {_shown(value)} is not text"
    surrogate = _SURROGATE.search(value)
    if surrogate:  # json reads "\ud800" as a lone surrogate, which SQLite cannot store
        return f"{column} holds a lone surrogate {surrogate.group()!r}, which is not text"
    if column in _ID_COLUMNS.values() and not value.strip():
        return f"{column} is empty"
    if column in _TIME_COLUMNS and parse_moment(value) is None:
        return f"{column} {_shown(value)} is not an ISO 8601 time"
    return ""


def _offset(value: object) -> int | None:
    """An integer (not a boolean, which Python counts as one), a whole float as a spreadsheet
    may store it, or a string of digits as CSV holds it."""
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    if isinstance(value, str) and _WHOLE_NUMBER_TEXT.fullmatch(value):
        try:
            return int(value)
        except ValueError:  # more digits than Python converts
            return None
    return None


def _shown(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= _SHOWN_CHARACTERS else shown[:_SHOWN_CHARACTERS] + "…"
