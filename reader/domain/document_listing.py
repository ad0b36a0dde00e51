"""What the document list asks of the store: which documents (a filter on title and name,
pending ones only), in which order, a page at a time; and the keys each document is
sorted and filtered by, worked out once when it is written rather than at every start."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from reader.domain.ordering import natural_key


class DocumentOrder(Enum):
    """The list's orders, one per column; ties go by title, then name."""

    UNTOUCHED_FIRST = "untouched"  # documents nobody has annotated, then the others
    TITLE = "title"
    NAME = "name"
    ANNOTATIONS = "annotations"
    PENDING = "pending"  # the most left to review last, when ascending


@dataclass(frozen=True)
class DocumentQuery:
    order: DocumentOrder = DocumentOrder.TITLE
    descending: bool = False
    needle: str = ""  # casefolded; a document matches when its title or name contains it
    pending_only: bool = False


@dataclass(frozen=True)
class DocumentKeys:
    title_key: str
    name_key: str
    filter_text: str


def document_keys(title: str, name: str) -> DocumentKeys:
    """Natural-order keys ("Документ 2" before "Документ 10", ignoring case) of a document's
    title (its name when it has none) and name, and the casefolded text the filter searches."""
    return DocumentKeys(natural_key(title or name), natural_key(name), f"{title}\n{name}".casefold())
