"""One export in any of its formats, written to an open file: what the command line and the
window both call."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TextIO

from reader.domain.export import write_annotations
from reader.domain.xlsx import LONGEST_EXCEL_CELL, write_workbook


def write_export(
    annotations: Iterable[Mapping],
    documents: Iterable[Mapping],
    out: TextIO,
    fmt: str,
    dialect: str,
    progress: Callable[[int], None] | None = None,
) -> tuple[int, str]:
    """Write the annotations (and, to a workbook, the documents) to ``out``, opened with
    ``newline=""`` and ``export.encoding_for(fmt, dialect)``; returns how many annotations,
    and "" or a one-line warning about what a spreadsheet will do with them."""
    if fmt != "xlsx":
        return write_annotations(annotations, out, fmt, dialect, progress), ""
    # A workbook is a zip archive: written to the bytes under the text file.
    count, too_long = write_workbook(annotations, documents, out.buffer, progress)
    warning = (
        f"{too_long} cell(s) longer than {LONGEST_EXCEL_CELL:,} characters, which Excel cuts; "
        "LibreOffice and import-annotations read them whole"
        if too_long
        else ""
    )
    return count, warning
