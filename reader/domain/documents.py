"""What the store tells about documents: one in full, one as the document list shows it,
what importing a source did, and a hit of the corpus search."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
