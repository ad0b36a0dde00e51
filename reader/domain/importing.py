"""Reading back what export wrote: CSV in either dialect, or JSONL."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from reader.domain.export import COLUMNS, restore

_UTF8_BOM = b"\xef\xbb\xbf"
_INTEGER_COLUMNS = ("start", "end")


class BadAnnotationFile(ValueError):
    """A file that is not an annotation export at all; the message says why in one line."""


@dataclass(frozen=True)
class ImportedRow:
    line: int
    fields: dict | None
    problem: str = ""


def read_annotation_rows(path: Path) -> Iterator[ImportedRow]:
    """Each row of an exported file as a dict of COLUMNS, or with the problem that stops it."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BadAnnotationFile(f"cannot read {path}: {error.strerror or error}") from error
    spreadsheet = data.startswith(_UTF8_BOM)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadAnnotationFile(f"{path.name} is not UTF-8 text") from error
    if text.lstrip().startswith("{"):
        yield from _jsonl_rows(text)
    else:
        yield from _csv_rows(text, spreadsheet)


def _jsonl_rows(text: str) -> Iterator[ImportedRow]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ImportedRow(number, None, f"not JSON ({error.msg})")
            continue
        if not isinstance(record, dict):
            yield ImportedRow(number, None, "not a JSON object")
            continue
        yield _checked(number, record)


def _csv_rows(text: str, spreadsheet: bool) -> Iterator[ImportedRow]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise BadAnnotationFile(f"the CSV header lacks the column(s) {', '.join(missing)}")
    first_line = reader.line_num + 1
    for cells in reader:
        # A quoted cell may span lines; a row is reported by the line it starts on.
        number, first_line = first_line, reader.line_num + 1
        if not any(cells):
            continue
        if len(cells) != len(header):
            yield ImportedRow(number, None, f"has {len(cells)} cells, the header has {len(header)}")
            continue
        record = dict(zip(header, cells))
        if spreadsheet:
            record = {k: restore(v) for k, v in record.items()}
        yield _checked(number, record)


def _checked(number: int, record: dict) -> ImportedRow:
    missing = [c for c in COLUMNS if c not in record]
    if missing:
        return ImportedRow(number, None, f"lacks {', '.join(missing)}")
    fields = {c: record[c] for c in COLUMNS}
    for column in _INTEGER_COLUMNS:
        try:
            fields[column] = int(fields[column])
        except (TypeError, ValueError):
            return ImportedRow(number, None, f"{column} {fields[column]!r} is not a whole number")
    for column in COLUMNS:
        if column not in _INTEGER_COLUMNS:
            value = fields[column]
            fields[column] = "" if value is None else str(value)
    return ImportedRow(number, fields)
