"""Where the open document came from, in words for the line under its title: its source's
kind, date and address, and the page or paragraph that the caret is in."""

from __future__ import annotations

from reader.domain.documents import DocumentOrigin
from reader.ui.shell.translation import translate


def _kinds() -> dict[str, str]:
    return {
        "html": translate("Reading", "web page"),
        "docx": translate("Reading", "Word document"),
        "pdf": translate("Reading", "PDF"),
        "epub": translate("Reading", "e-book"),
        "odt": translate("Reading", "OpenDocument text"),
    }


def source_words(origin: DocumentOrigin) -> str:
    """ "PDF · 2026-03-01 · https://…", or "" for a plain text with no metadata."""
    kind = _kinds().get(origin.source_type)
    parts = [kind] if kind else []
    parts += [part for part in (origin.published, origin.url) if part]
    return " · ".join(parts)


def place_words(origin: DocumentOrigin, offset: int) -> str:
    """ "page 3 of 12" in a PDF, "paragraph 7" in the others, "" where the source has no blocks."""
    block = origin.block_at(offset)
    if block is None:
        return ""
    if block.page is not None:
        pages = origin.blocks[-1].page or block.page
        return translate("Reading", "page {page} of {pages}").format(page=block.page, pages=pages)
    if block.paragraph is not None:
        return translate("Reading", "paragraph {paragraph}").format(paragraph=block.paragraph)
    return ""
