"""The peer formats by name: what ``import-annotations --format`` and ``export --format`` take.

A new format is one module with ``NAME``, ``read(path) -> PeerFile`` and ``write(documents, out)``,
added here (and to ``detect`` when its files can be told apart). A format kept in an SQLite
database (Taguette's) is read by the store and only imported."""

from __future__ import annotations

import importlib
from types import ModuleType

READER = "reader"  # Reader's own CSV, JSONL or XLSX export
# Each format's name, and its module here: imported when a file of it is read or written, since
# importing them all (zipfile, html.parser and more) took about 10 ms of every start-up.
_MODULES = {
    "brat": "brat",
    "doccano": "doccano",
    "label-studio": "label_studio",
    "prodigy": "prodigy",
    "spacy": "spacy_docbin",
    "xmi": "xmi",
}
# Formats whose files are SQLite databases, read through the store, and only read.
DATABASE_FORMATS = ("taguette",)
NAMES = (*_MODULES, *DATABASE_FORMATS)  # what import-annotations reads
EXPORT_NAMES = tuple(_MODULES)
# Formats written as a folder of files rather than one file (or standard output).
FOLDER_FORMATS = ("brat", "xmi")
# Formats written as one binary file: to -o OUT, never to standard output.
BINARY_FORMATS = ("spacy",)


def module(name: str) -> ModuleType:
    """The module that reads and writes the format ``name`` (one of EXPORT_NAMES), imported now."""
    return importlib.import_module(f"reader.domain.foreign.{_MODULES[name]}")
