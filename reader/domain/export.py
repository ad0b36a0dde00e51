"""Writing annotations (or another of export's tables: reader.domain.relation_tables) out as CSV
(spreadsheet or plain) and JSONL, row by row (XLSX is written by reader.domain.xlsx)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import itemgetter
from typing import TextIO

ANNOTATION_COLUMNS = (  # what an annotation is; import reads these back
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
)
# Where the span's document came from: its file's type (txt, md, html, docx, pdf, epub, odt), the
# page (PDF) or paragraph (the others) that the span starts in, and the source's date and URL.
# Added after the annotation's own columns, so that those keep their positions.
SOURCE_COLUMNS = ("source_type", "source_page", "source_paragraph", "source_date", "source_url")
COLUMNS = (*ANNOTATION_COLUMNS, *SOURCE_COLUMNS)
FORMATS = ("csv", "jsonl", "xlsx")
TEXT_FORMATS = ("csv", "jsonl")  # written here, to a text file
DIALECTS = ("excel", "plain")

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP
# "CSV injection"). The apostrophe itself is escaped too, so that reading the
# file back can undo exactly what writing did.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE = "'"
_RISKY_FIRST_CHARACTERS = frozenset((*_FORMULA_STARTS, _ESCAPE))
PROGRESS_EVERY = 1000


def neutralize(cell: str) -> str:
    if cell.startswith(_FORMULA_STARTS) or cell.startswith(_ESCAPE):
        return _ESCAPE + cell
    return cell


def restore(cell: str) -> str:
    if cell.startswith(_ESCAPE) and cell[1:2] and cell[1:].startswith((*_FORMULA_STARTS, _ESCAPE)):
        return cell[1:]
    return cell


def encoding_for(fmt: str, dialect: str) -> str:
    """The encoding to open the output with: Excel needs a BOM to read Cyrillic as UTF-8."""
    return "utf-8-sig" if fmt == "csv" and dialect == "excel" else "utf-8"


def write_annotations(
    rows: Iterable[Mapping],
    out: TextIO,
    fmt: str = "csv",
    dialect: str = "excel",
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write ``rows`` (mappings with the COLUMNS keys) to ``out``; returns how many.

    ``out`` must be opened with ``newline=""`` and ``encoding_for(fmt, dialect)``.
    Rows are written as they come, so memory does not grow with their number.
    """
    return write_rows(rows, COLUMNS, out, fmt, dialect, progress)


def write_rows(
    rows: Iterable[Mapping],
    columns: Sequence[str],
    out: TextIO,
    fmt: str = "csv",
    dialect: str = "excel",
    progress: Callable[[int], None] | None = None,
    kind: str = "",
) -> int:
    """``write_annotations`` for rows of any table: mappings with the ``columns`` keys. In JSONL,
    ``kind`` starts each line as ``"kind": kind``, to tell them from the annotations' lines."""
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"unknown text format {fmt!r} (choose from {', '.join(TEXT_FORMATS)})")
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r} (choose from {', '.join(DIALECTS)})")
    write_row = _csv_writer(out, dialect, columns) if fmt == "csv" else _jsonl_writer(out, columns, kind)
    count = 0
    for row in rows:
        write_row(row)
        count += 1
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    if progress:
        progress(count)
    return count


def _csv_writer(out: TextIO, dialect: str, columns: Sequence[str]) -> Callable[[Mapping], None]:
    terminator = "\r\n" if dialect == "excel" else "\n"
    writerow = csv.writer(out, lineterminator=terminator).writerow
    # Every text cell quoted, the offsets not: a spreadsheet's import then never splits a
    # row at a tab or a semicolon, and can keep each quoted cell as text. Under "\n" a CR
    # inside a plain dialect's note would end the row early; such rows are written so too.
    quoting_writerow = csv.writer(out, lineterminator=terminator, quoting=csv.QUOTE_NONNUMERIC).writerow
    (quoting_writerow if dialect == "excel" else writerow)(columns)
    cells_of = itemgetter(*columns)
    escape, risky = _ESCAPE, _RISKY_FIRST_CHARACTERS
    # Written out inline rather than through neutralize(): this runs for every cell
    # of every row, and a call per cell doubled the time of an export.
    if dialect == "excel":

        def write(row: Mapping) -> None:
            quoting_writerow([escape + v if v.__class__ is str and v[:1] in risky else v for v in cells_of(row)])
    else:

        def write(row: Mapping) -> None:
            cells = cells_of(row)
            (quoting_writerow if "\r" in "".join(v for v in cells if v.__class__ is str) else writerow)(cells)

    return write


def _jsonl_writer(out: TextIO, columns: Sequence[str], kind: str) -> Callable[[Mapping], None]:
    marker = {"kind": kind} if kind else {}

    def write(row: Mapping) -> None:
        out.write(json.dumps({**marker, **{c: row[c] for c in columns}}, ensure_ascii=False))
        out.write("\n")

    return write
