"""What the store tells about documents: one in full, one as the document list shows it,
what importing a source did, and a hit of the corpus search."""

from __future__ import annotations

from dataclasses import dataclass


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


@dataclass(frozen=True)
class ImportOutcome:
    """What happened to one source: ``added``, ``unchanged`` (same content already
    there), or ``updated`` (same name, new content; annotations re-anchored)."""

    document_id: int
    action: str
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
