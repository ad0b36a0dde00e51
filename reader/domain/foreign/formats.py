"""The peer formats by name: what ``import-annotations --format`` and ``export --format`` take.

A new format is one module with ``NAME``, ``read(path) -> PeerFile`` and ``write(documents, out)``,
added here (and to ``detect`` when its files can be told apart). A format kept in an SQLite
database (Taguette's) is read by the store and only imported."""

from __future__ import annotations

from types import ModuleType

from reader.domain.foreign import brat, doccano, label_studio, prodigy, spacy_docbin, taguette, xmi

MODULES: dict[str, ModuleType] = {
    module.NAME: module for module in (brat, doccano, label_studio, prodigy, spacy_docbin, xmi)
}
# Formats whose files are SQLite databases, read through the store, and only read.
DATABASE_FORMATS = (taguette.NAME,)
NAMES = (*MODULES, *DATABASE_FORMATS)  # what import-annotations reads
EXPORT_NAMES = tuple(MODULES)
# Formats written as a folder of files rather than one file (or standard output).
FOLDER_FORMATS = (brat.NAME, xmi.NAME)
# Formats written as one binary file: to -o OUT, never to standard output.
BINARY_FORMATS = (spacy_docbin.NAME,)
