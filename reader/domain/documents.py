"""What the store tells about documents: one in full, one as the document list shows it,
what importing a source did, and a hit of the corpus search."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from reader.domain.blocks import Block


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    name: str
    title: str
    length: int
    annotation_count: int
    reviewed_count: int


@dataclass(frozen=True)
class Document:
    id: int
    name: str
    source_path: str
    sha256: str
    text: str
    title: str
    length: int
    imported_at: str


class ImportAction(StrEnum):
    """What importing one source did; equal to its name as a string ("added")."""

    ADDED = "added"
    UNCHANGED = "unchanged"  # the same content was already there
    UPDATED = "updated"  # same name, new content; its annotations re-anchored


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one source."""

    document_id: int
    action: ImportAction
    duplicate_of: str = ""
    moved: int = 0
    orphaned: int = 0
    orphaned_ids: tuple[str, ...] = ()  # the annotations this import orphaned


@dataclass(frozen=True)
class SearchHit:
    document_id: int
    name: str
    title: str
    snippet: str


@dataclass(frozen=True)
class DocumentOrigin:
    """Where a document's text came from: its file's type and sha256, the source's date and
    URL, and the page or paragraph of each block of the text, in text order."""

    source_type: str = ""
    source_sha256: str = ""
    published: str = ""
    url: str = ""
    blocks: tuple[Block, ...] = ()

    def block_at(self, offset: int) -> Block | None:
        """The block that holds ``offset``, or that ends last before it (the blank line after
        a paragraph belongs to that paragraph); None before the first block."""
        index = bisect_right(self._starts, offset) - 1
        return self.blocks[index] if index >= 0 else None

    @cached_property
    def _starts(self) -> list[int]:
        return [block.start for block in self.blocks]
