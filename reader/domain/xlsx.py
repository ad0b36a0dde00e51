"""Annotations and their documents (or another of export's tables) as an XLSX workbook, for
spreadsheets: written and read back row by row (openpyxl's write-only and read-only modes),
so memory stays flat.

Every text cell is stored as a string, so a spreadsheet neither runs it as a formula nor
turns it into a number, a date or a boolean, and no protecting apostrophe is needed;
offsets are numbers."""

from __future__ import annotations

import errno
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:  # openpyxl (and the numpy it loads when installed) is imported when a workbook is
    # written or read, not when the window starts.
    from openpyxl import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from reader.domain.export import COLUMNS, PROGRESS_EVERY
from reader.domain.relation_tables import Table

ANNOTATIONS_SHEET = "annotations"
DOCUMENTS_SHEET = "documents"
DOCUMENT_COLUMNS = (
    *("name", "sha256", "length", "title", "annotations", "source_path", "imported_at"),
    *("source_type", "source_sha256", "source_date", "source_url"),  # where each came from (schema 4)
)
# The most rows a sheet holds in Excel and LibreOffice; the header takes one.
ROWS_PER_SHEET = 1_048_576
# Excel's longest cell; a longer one is written whole (nothing is lost: LibreOffice and
# import-annotations read it whole), and the writer says how many there were.
LONGEST_EXCEL_CELL = 32_767
_WIDTHS = {"annotation_id": 34, "document": 28, "document_sha256": 18, "text": 40, "note": 30, "review_note": 24}
_WIDTHS |= {"name": 28, "sha256": 18, "title": 32, "source_path": 32}
_WIDTHS |= {f"{end}_id": 34 for end in ("relation", "source", "target", "claim")}
_WIDTHS |= {f"{end}_text": 40 for end in ("source", "target", "claim")}

# XML cannot carry most control characters, and reading XML turns a CR into LF: OOXML
# writes such a character as _xHHHH_ (ECMA-376 §22.9.2.19), and a literal "_xHHHH_" in
# the text gets its "_" written as _x005F_, so that reading undoes exactly what writing did.
_NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b-\x1f]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
# Strings openpyxl would store as something else: a formula, or one of Excel's error values.
_ERROR_VALUES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))


class BadWorkbook(ValueError):
    """An XLSX file that cannot be read; the message says why in one line."""


def escape(text: str) -> str:
    return _NEEDS_ESCAPE.sub(lambda m: "_x005F_" if m.group() == "_" else f"_x{ord(m.group()):04X}_", text)


def unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def write_workbook(
    annotations: Iterable[Mapping],
    documents: Iterable[Mapping],
    out: BinaryIO | Path,
    progress: Callable[[int], None] | None = None,
    tables: Sequence[Table] = (),
) -> tuple[int, int]:
    """Write the annotation rows (mappings with the COLUMNS keys), each of the ``tables`` on its
    sheet and the document rows (DOCUMENT_COLUMNS), in that order, to ``out``; returns
    (annotations written, cells over Excel's limit)."""

    def fill(workbook: Workbook, too_long: list[int]) -> int:
        _append_documents(workbook, documents, too_long)
        for table in reversed(tables):  # each table's sheets go in front of those already made
            _append_table(workbook, table.rows, table.columns, table.title, too_long, None, table.widths)
        return _append_table(workbook, annotations, COLUMNS, ANNOTATIONS_SHEET, too_long, progress)

    return _saved(fill, out, progress)


def write_table_workbook(
    rows: Iterable[Mapping],
    columns: Sequence[str],
    title: str,
    out: BinaryIO | Path,
    progress: Callable[[int], None] | None = None,
    widths: Mapping[str, int] | None = None,
) -> tuple[int, int]:
    """``write_workbook`` for another of export's tables: its rows (mappings with the ``columns``
    keys) on a sheet called ``title``, and no documents sheet; ``widths`` adds column widths."""

    def fill(workbook: Workbook, too_long: list[int]) -> int:
        return _append_table(workbook, rows, columns, title, too_long, progress, widths)

    return _saved(fill, out, progress)


def _saved(
    fill: Callable[[Workbook, list[int]], int],
    out: BinaryIO | Path,
    progress: Callable[[int], None] | None,
) -> tuple[int, int]:
    """A new workbook filled by ``fill`` (which returns how many rows) and saved to ``out``."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    too_long = [0]
    try:
        count = fill(workbook, too_long)
        workbook.save(out)
    except BaseException as error:
        _discard(workbook)
        if _is_lxml_write_error(error):
            # With lxml installed, openpyxl writes its sheets through it, and a full disk comes
            # up as lxml's SerialisationError ("IO_ENOSPC"): the OSError it stands for.
            code = _LXML_IO_ERRORS.get(str(error), errno.EIO)
            raise OSError(code, os.strerror(code)) from error
        raise
    if progress:
        progress(count)
    return count, too_long[0]


_LXML_IO_ERRORS = {"IO_ENOSPC": errno.ENOSPC, "IO_EFBIG": errno.EFBIG, "IO_EDQUOT": errno.EDQUOT, "IO_EIO": errno.EIO}


def _is_lxml_write_error(error: BaseException) -> bool:
    return type(error).__module__.startswith("lxml") and str(error).startswith("IO_")


def _append_documents(workbook: Workbook, documents: Iterable[Mapping], too_long: list[int]) -> None:
    document_sheet = _sheet(workbook, DOCUMENTS_SHEET, DOCUMENT_COLUMNS)
    document_cells = itemgetter(*DOCUMENT_COLUMNS)
    document_count = 0
    for document in documents:
        document_sheet.append(_cells(document_sheet, document_cells(document), too_long))
        document_count += 1
    _filter(document_sheet, len(DOCUMENT_COLUMNS), document_count)


def _append_table(
    workbook: Workbook,
    rows: Iterable[Mapping],
    columns: Sequence[str],
    title: str,
    too_long: list[int],
    progress: Callable[[int], None] | None,
    more_widths: Mapping[str, int] | None = None,
) -> int:
    """The rows on sheets placed first, ``title``, ``title 2``, … as each fills up; returns how many."""
    widths = {**_WIDTHS, **(more_widths or {})}
    cells_of = itemgetter(*columns)
    sheets = [_sheet(workbook, title, columns, index=0, widths=widths)]
    in_sheet = count = 0
    for row in rows:
        if in_sheet == ROWS_PER_SHEET - 1:
            _filter(sheets[-1], len(columns), in_sheet)
            sheets.append(_sheet(workbook, f"{title} {len(sheets) + 1}", columns, index=len(sheets), widths=widths))
            in_sheet = 0
        sheets[-1].append(_cells(sheets[-1], cells_of(row), too_long))
        in_sheet += 1
        count += 1
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    _filter(sheets[-1], len(columns), in_sheet)
    return count


def _discard(workbook: Workbook) -> None:
    """A workbook given up half-way (a cancel, a full disk): close its sheets' streams now,
    while their files are open, and remove the temporary files openpyxl wrote them to."""
    for sheet in workbook.worksheets:
        # openpyxl has no public way to abandon a write-only sheet.
        rows, writer = getattr(sheet, "_rows", None), getattr(sheet, "_writer", None)
        if rows is not None:
            with suppress(Exception):
                rows.close()
        if writer is not None:
            with suppress(Exception):
                writer.xf.close()
            with suppress(Exception):
                writer.cleanup()


def _sheet(
    workbook: Workbook,
    title: str,
    columns: Sequence[str],
    index: int | None = None,
    widths: Mapping[str, int] = _WIDTHS,
) -> WriteOnlyWorksheet:
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title, index)
    sheet.freeze_panes = "A2"
    for number, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = widths.get(column, 12)
    sheet.append(columns)
    return sheet


def _filter(sheet: WriteOnlyWorksheet, columns: int, rows: int) -> None:
    from openpyxl.utils import get_column_letter

    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows + 1}"


def _cells(sheet: WriteOnlyWorksheet, values: tuple, too_long: list[int]) -> list:
    """The row's values, each text that openpyxl would not store as it is given as a
    string cell made here; the rest as they are (the common case, and the fast one)."""
    cells: list = []
    for value in values:
        if value.__class__ is str and (
            value[:1] == "=" or value in _ERROR_VALUES or len(value) > LONGEST_EXCEL_CELL or _NEEDS_ESCAPE.search(value)
        ):
            from openpyxl.cell import WriteOnlyCell  # here, not per row: few cells need one

            too_long[0] += len(value) > LONGEST_EXCEL_CELL
            cell = WriteOnlyCell(sheet)
            # Set directly: the value setter would cut the text at Excel's limit, refuse
            # control characters and store "=…" as a formula.
            cell._value = escape(value)
            cell.data_type = "s"
            cells.append(cell)
        else:
            cells.append(value)
    return cells


def workbook_records(path: Path) -> Iterator[tuple[int, dict]]:
    """(row number, {column: value}) of each annotation row of every sheet whose header
    holds the COLUMNS; a row of empty cells is left out. Text comes back unescaped."""
    for _, number, record in workbook_table_records(path, {ANNOTATIONS_SHEET: COLUMNS}):
        yield number, record


def workbook_table_records(path: Path, tables: Mapping[str, Sequence[str]]) -> Iterator[tuple[str, int, dict]]:
    """(table, row number, {column: value}) of each row of every sheet whose header holds the
    columns of one of the ``tables`` (the first that fits, in their order); as workbook_records."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        handle = path.open("rb")  # not the path: openpyxl would refuse a name not ending in .xlsx
    except OSError as error:
        raise BadWorkbook(f"cannot read {path}: {error.strerror or error}") from error
    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        handle.close()
        raise BadWorkbook(f"{path.name} is not a readable XLSX workbook ({error})") from error
    try:
        found = False
        for sheet in workbook.worksheets:
            rows = sheet.iter_rows(values_only=True)
            header = [unescape(c) if isinstance(c, str) else c for c in next(rows, ())]
            table = next((name for name, columns in tables.items() if all(c in header for c in columns)), None)
            if table is None:
                continue
            found = True
            for number, values in enumerate(rows, start=2):
                if all(v is None or v == "" for v in values):
                    continue
                cells = [unescape(v) if isinstance(v, str) else v for v in values]
                cells += [None] * (len(header) - len(cells))
                yield table, number, dict(zip(header, cells, strict=False))
        if not found:
            raise BadWorkbook(f"no sheet of {path.name} has the columns {_wanted(tables)} in its first row")
    finally:
        workbook.close()
        handle.close()


def _wanted(tables: Mapping[str, Sequence[str]]) -> str:
    if len(tables) == 1:
        return ", ".join(*tables.values())
    return f"of {', '.join(tables)} as export writes them"
