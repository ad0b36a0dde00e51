"""Annotations: a tagged span of a document, and who said what about it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
STATUSES = (PENDING, ACCEPTED, REJECTED)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    import uuid  # with platform: about 2 ms that a start-up without new annotations need not pay

    return str(uuid.uuid4())


class BadAnnotation(ValueError):
    """An annotation that does not fit its document, or names an unknown tag or status;
    the message says why in one line."""


class BadSpan(BadAnnotation):
    """A span that does not fit its document."""


class MisquotedText(BadAnnotation):
    """An annotation whose text is not what its document has at its offsets."""


class Versioned:
    """What an annotation and a relation share: ``updated_at`` starts as ``created_at``."""

    created_at: str
    updated_at: str

    def __post_init__(self) -> None:
        if not self.updated_at:
            object.__setattr__(self, "updated_at", self.created_at)


@dataclass(frozen=True)
class Annotation(Versioned):
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

    def changed(self, **fields) -> Annotation:
        """A copy with ``fields`` changed and ``updated_at`` moved to now."""
        return replace(self, updated_at=utc_now(), **fields)

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def span_fits(length: int, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is a non-empty span of a text ``length`` long."""
    return 0 <= start < end <= length


def check_bounds(length: int, start: int, end: int) -> None:
    """BadSpan unless ``[start, end)`` is a non-empty span of a text ``length`` long."""
    if not span_fits(length, start, end):
        raise BadSpan(f"span {start}..{end} is outside the text (valid: 0 <= start < end <= {length})")


def checked_span(document_text: str, start: int, end: int) -> str:
    """The text of ``[start, end)``, or BadSpan when it is not a non-empty span inside the text."""
    check_bounds(len(document_text), start, end)
    return document_text[start:end]


def quotes_its_text(annotation: Annotation, document_text: str) -> bool:
    """Whether the annotation's offsets are inside ``document_text`` and its text is what they cut there."""
    return (
        span_fits(len(document_text), annotation.start, annotation.end)
        and document_text[annotation.start : annotation.end] == annotation.text
    )


def check_against(annotation: Annotation, quoted: str, tag_names: Collection[str]) -> None:
    """BadAnnotation unless the annotation's text is ``quoted`` (what its document has at its
    offsets, from ``checked_span``), its tag one of ``tag_names`` and its status known."""
    if annotation.text != quoted:
        raise MisquotedText(
            f"text {annotation.text[:40]!r} is not what the document has at "
            f"{annotation.start}..{annotation.end} ({quoted[:40]!r})"
        )
    if annotation.tag not in tag_names:
        raise BadAnnotation(f"unknown tag {annotation.tag!r} (known: {', '.join(sorted(tag_names))})")
    if annotation.status not in STATUSES:
        raise BadAnnotation(f"unknown status {annotation.status!r} (known: {', '.join(STATUSES)})")
