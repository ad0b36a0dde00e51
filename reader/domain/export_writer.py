"""One export in any of its formats, written to an open file: what the command line and the
window both call."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TextIO

from reader.domain.export import write_annotations, write_rows
from reader.domain.relation_tables import RELATION_KIND, RELATIONS, Table


def write_export(
    annotations: Iterable[Mapping],
    documents: Iterable[Mapping],
    out: TextIO,
    fmt: str,
    dialect: str,
    progress: Callable[[int], None] | None = None,
    tables: Sequence[Table] = (),
) -> tuple[int, str]:
    """Write the annotations to ``out``, opened with ``newline=""`` and
    ``export.encoding_for(fmt, dialect)``: to JSONL with the relations table's rows as lines of
    their own after them; to a workbook with a sheet for each of the ``tables`` and one of the
    documents. Returns how many annotations, and "" or a one-line warning about what a
    spreadsheet will do with them."""
    if fmt != "xlsx":
        count = write_annotations(annotations, out, fmt, dialect, progress)
        if fmt == "jsonl":
            for table in tables:
                if table.title == RELATIONS:
                    write_rows(table.rows, table.columns, out, fmt, kind=RELATION_KIND)
        return count, ""
    # A workbook is a zip archive: written to the bytes under the text file. zipfile and the
    # workbook's writer are imported for a workbook only, not with every command and window.
    from reader.domain.xlsx import write_workbook

    return _with_warning(write_workbook(annotations, documents, out.buffer, progress, tables))


def write_table(
    rows: Iterable[Mapping],
    columns: Sequence[str],
    title: str,
    out: TextIO,
    fmt: str,
    dialect: str,
    widths: Mapping[str, int] | None = None,
) -> tuple[int, str]:
    """``write_export`` for another table (reader.domain.relation_tables): its rows with the
    ``columns`` keys, a workbook's sheet called ``title`` with ``widths`` for its columns."""
    if fmt != "xlsx":
        return write_rows(rows, columns, out, fmt, dialect), ""
    from reader.domain.xlsx import write_table_workbook

    return _with_warning(write_table_workbook(rows, columns, title, out.buffer, widths=widths))


def _with_warning(written: tuple[int, int]) -> tuple[int, str]:
    from reader.domain.xlsx import LONGEST_EXCEL_CELL

    count, too_long = written
    warning = (
        f"{too_long} cell(s) longer than {LONGEST_EXCEL_CELL:,} characters, which Excel cuts; "
        "LibreOffice and import-annotations read them whole"
        if too_long
        else ""
    )
    return count, warning
