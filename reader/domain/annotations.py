"""Annotations: a tagged span of a document, and who said what about it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
STATUSES = (PENDING, ACCEPTED, REJECTED)


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return str(uuid.uuid4())


class BadSpan(ValueError):
    """A span that does not fit its document; the message says why in one line."""


@dataclass(frozen=True)
class Annotation:
    document_id: int
    start: int
    end: int
    text: str
    tag: str
    note: str = ""
    annotator: str = ""
    status: str = PENDING
    reviewer: str = ""
    review_note: str = ""
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=utc_now)
    updated_at: str = ""

    def __post_init__(self) -> None:
        if not self.updated_at:
            object.__setattr__(self, "updated_at", self.created_at)

    def changed(self, **fields) -> "Annotation":
        """A copy with ``fields`` changed and ``updated_at`` moved to now."""
        return replace(self, updated_at=utc_now(), **fields)

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def check_bounds(length: int, start: int, end: int) -> None:
    """BadSpan unless ``[start, end)`` is a non-empty span of a text ``length`` long."""
    if not (0 <= start < end <= length):
        raise BadSpan(f"span {start}..{end} is outside the text (valid: 0 <= start < end <= {length})")


def checked_span(document_text: str, start: int, end: int) -> str:
    """The text of ``[start, end)``, or BadSpan when it is not a non-empty span inside the text."""
    check_bounds(len(document_text), start, end)
    return document_text[start:end]
