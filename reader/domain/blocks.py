"""Where a stretch of a document's text came from: a page or a paragraph of its source file.
Kept apart from the extractors so that opening a document never imports them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """A stretch ``text[start:end]`` of the extracted text and where it came from: the 1-based
    page of a PDF, the 1-based paragraph of a DOCX, ODT, web page or e-book."""

    start: int
    end: int
    page: int | None = None
    paragraph: int | None = None
