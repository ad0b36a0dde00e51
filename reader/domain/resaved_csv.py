"""What a spreadsheet changes in an exported CSV when it saves it again, and reading it back
as export wrote it: the protecting apostrophes kept or dropped, CR and CRLF inside cells,
offsets written as decimals, another character between the cells.

The annotated text decides what a row went through: the document's text never holds a
CR, and a text cell is the span (end - start characters) or, protected, one ' longer."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.domain.export import COLUMNS, restore

APOSTROPHES = "apostrophes"
LINE_ENDS = "line ends"
DECIMAL_OFFSETS = "decimal offsets"
SEPARATOR = "separator"
# What each kind of change was, as the import reports it: "normalised N row(s): …".
KINDS = {
    APOSTROPHES: "the protecting ' taken off cells that start with =, +, -, @, a tab, a CR or '",
    LINE_ENDS: "CR and CRLF inside cells turned into LF",
    DECIMAL_OFFSETS: "offsets written as decimals (12.0) read as whole numbers",
    SEPARATOR: "cells separated by a semicolon or a tab, not a comma",
}
_SEPARATORS = (",", ";", "\t")
_RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
_OFFSETS = ("start", "end")
_TEXT_COLUMNS = tuple(c for c in COLUMNS if c not in _OFFSETS)
_WHOLE_DECIMAL = re.compile(r"(-?[0-9]+)\.0*")


def separator_of(text: str) -> str:
    """The character between the header's cells: a spreadsheet set to a Russian or German
    locale saves with ';'. A comma unless another one splits the header into the columns."""
    header = text.split("\n", 1)[0]
    for separator in _SEPARATORS:
        if all(column in header.split(separator) or f'"{column}"' in header.split(separator) for column in COLUMNS):
            return separator
    return ","


@dataclass(frozen=True)
class FileEvidence:
    protected: bool  # its cells carry export's protecting apostrophes
    line_ends_rewritten: bool  # a spreadsheet turned LF inside cells into CRLF (or CR)
    separator: str = ","
    bom: bool = False  # as export's excel dialect writes it: its apostrophes are no change


def evidence(records: Iterable[dict], bom: bool, separator: str = ",") -> FileEvidence:
    """What the file as a whole went through. A BOM is export's excel dialect; without one,
    a text cell one protecting ' longer than its span shows the apostrophes were kept."""
    protected, line_ends = bom, False
    for record in records:
        text = record.get("text", "")
        line_ends = line_ends or "\r" in text
        protected = protected or _row_protected(record) is True
        if protected and line_ends:
            break
    return FileEvidence(protected, line_ends, separator, bom)


def undo(record: dict, file: FileEvidence) -> tuple[dict, frozenset[str]]:
    """``record`` as export wrote it, and the kinds of change undone in it."""
    kinds = set()
    if file.separator != ",":
        kinds.add(SEPARATOR)
    record = dict(record)
    for column in _OFFSETS:
        found = _WHOLE_DECIMAL.fullmatch(record.get(column, ""))
        if found:
            record[column] = found.group(1)
            kinds.add(DECIMAL_OFFSETS)
    own = _row_protected(record)
    if own is True or (own is None and file.protected):
        for column in _TEXT_COLUMNS:
            value = record.get(column, "")
            restored = restore(value)
            if restored != value:
                record[column] = restored
                if not file.bom:
                    kinds.add(APOSTROPHES)
    if file.line_ends_rewritten:
        for column in _TEXT_COLUMNS:
            value = record.get(column, "")
            if "\r" in value:
                record[column] = value.replace("\r\n", "\n").replace("\r", "\n")
                kinds.add(LINE_ENDS)
    return record, frozenset(kinds)


def _row_protected(record: dict) -> bool | None:
    """Whether the row's text cell shows its apostrophes kept (True) or absent (False);
    None when it cannot tell: its text starts harmlessly, or its offsets are no numbers."""
    text = record.get("text", "").replace("\r\n", "\n").replace("\r", "\n")
    if not text.startswith(_RISKY_STARTS):
        return None
    try:
        length = int(_whole(record.get("end", ""))) - int(_whole(record.get("start", "")))
    except ValueError:
        return None
    if len(text) == length + 1 and restore(text) != text:
        return True
    return False if len(text) == length else None


def _whole(offset: str) -> str:
    found = _WHOLE_DECIMAL.fullmatch(offset)
    return found.group(1) if found else offset
