"""Documents from other formats than plain text: each suffix's extractor, imported only when a
file of its kind is read, so that start-up never pays for trafilatura, pdfminer and the rest."""

from __future__ import annotations

from importlib import import_module

from reader.domain.extracting.model import Extracted, ExtractOptions, UnreadableFile

# suffix: (the extractor's module, the name of its kind in messages)
EXTRACTORS = {
    ".html": ("html", "web page"),
    ".htm": ("html", "web page"),
    ".xhtml": ("html", "web page"),
    ".docx": ("docx", "Word document"),
    ".pdf": ("pdf", "PDF"),
    ".epub": ("epub", "e-book"),
    ".odt": ("odt", "OpenDocument text"),
}
SUFFIXES = tuple(EXTRACTORS)
# Larger files are skipped before they are read: parsing them would take minutes and
# gigabytes, and no real report, page or book comes near.
MAX_BYTES = 200 * 2**20

__all__ = ["MAX_BYTES", "SUFFIXES", "ExtractOptions", "Extracted", "UnreadableFile", "extract"]


def extract(suffix: str, data: bytes, options: ExtractOptions) -> Extracted:
    """The document in ``data``, a file whose name ends in ``suffix`` (one of SUFFIXES)."""
    module_name, _ = EXTRACTORS[suffix.lower()]
    module = import_module(f"reader.domain.extracting.{module_name}")
    extracted = module.extract(data, options)
    if not extracted.text.strip():
        raise UnreadableFile("no text in it; not imported")
    return extracted
