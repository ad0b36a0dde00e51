"""Telling which tool wrote an annotation file, from its name and its first record."""

from __future__ import annotations

from pathlib import Path

from reader.domain.foreign import brat, doccano, formats, label_studio, prodigy, spacy_docbin, taguette, xmi
from reader.domain.foreign.formats import READER
from reader.domain.foreign.jsonio import parse, read_text
from reader.domain.foreign.model import BadPeerFile

# A row of Reader's own: the annotations, relations or claims table (reader.domain.relation_tables).
_READER_IDS = ("annotation_id", "relation_id", "claim_id")
_SQLITE_HEADER = b"SQLite format 3\x00"


def detect(path: Path) -> str:
    """The format's name (one of reader.domain.foreign.formats.NAMES, or READER), or BadPeerFile."""
    if path.suffix.lower() == ".spacy":
        return spacy_docbin.NAME
    if path.suffix.lower() in (".xmi", ".zip") or (path.is_dir() and _holds_xmi_only(path)):
        return xmi.NAME
    if path.is_dir() or path.suffix == ".ann":
        return brat.NAME
    if path.suffix == ".txt" and path.with_suffix(".ann").is_file():
        return brat.NAME
    if path.suffix.lower() in (".csv", ".xlsx", ".tsv"):
        return READER
    if not path.is_file():
        raise BadPeerFile(f"{path}: no such file or folder")
    if _is_sqlite(path):
        return taguette.NAME  # the only database format; the store says if it is not Taguette's
    text = read_text(path)
    start = text.lstrip()[:1]
    if start == "[":
        # Reader's own rows put in one array are Reader's: its reading says how to write them.
        first = _first_of_array(text)
        if isinstance(first, dict) and _is_reader_row(first):
            return READER
        return label_studio.NAME
    if start != "{":
        return READER  # CSV by another name; Reader's own reading says what is wrong with it
    first = text.lstrip().split("\n", 1)[0]
    try:
        record = parse(first)
    except ValueError:
        record = None
    if not isinstance(record, dict):  # one JSON object over many lines: a single Label Studio task
        return label_studio.NAME
    if _is_reader_row(record):
        return READER
    if "data" in record and "annotations" in record:
        return label_studio.NAME
    if "spans" in record or "answer" in record or "_input_hash" in record:
        return prodigy.NAME
    if "label" in record or "entities" in record:
        return doccano.NAME
    raise BadPeerFile(
        f"cannot tell which tool wrote {path.name}; give --format ({', '.join((READER, *formats.NAMES))})"
    )


def _is_reader_row(record: dict) -> bool:
    return "document_sha256" in record and any(column in record for column in _READER_IDS)


def _is_sqlite(path: Path) -> bool:
    """Whether the file starts as every SQLite database does. The command line has refused
    Reader's own database before this reads a byte, so no lock of this process is at stake."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError as error:
        raise BadPeerFile(f"cannot read {path}: {error.strerror or error}") from error


def _first_of_array(text: str) -> object:
    try:
        records = parse(text)
    except ValueError:
        return None
    return records[0] if isinstance(records, list) and records else None


def _holds_xmi_only(folder: Path) -> bool:
    """A folder of INCEpTION's ``.xmi`` files and no brat ``.ann`` ones."""
    return next(folder.rglob("*.xmi"), None) is not None and next(folder.rglob("*.ann"), None) is None
