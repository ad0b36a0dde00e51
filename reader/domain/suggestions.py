"""Stored suggestions: a span a suggester proposed for a document, open until the annotator
accepts it (it becomes a pending annotation of theirs) or rejects it (remembered, so that span
is never suggested again with that tag). A suggestion is not an annotation: it lives apart and
is left out of exports, merges and agreement."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import accumulate

from reader.domain.annotations import ACCEPTED, REJECTED, Annotation
from reader.domain.relations import Relation

OPEN = "open"
SUGGESTION_STATUSES = (OPEN, ACCEPTED, REJECTED)

Span = tuple[int, int]


@dataclass(frozen=True)
class StoredSuggestion:
    """A suggestion as the store holds it. ``speaker`` and ``when``: the (start, end) of a claim's
    suggested speaker and date, None when it has none; ``annotation_id``: the annotation an
    accepted suggestion became (None otherwise)."""

    id: str
    document_id: int
    start: int
    end: int
    text: str
    tag: str
    suggester: str
    version: str
    kind: str
    status: str
    speaker: Span | None
    when: Span | None
    annotation_id: str | None
    created_at: str
    updated_at: str

    @property
    def source(self) -> str:
        """Who suggested it, as export's annotator column names it."""
        return suggester_label(self.suggester, self.version)


def suggester_label(suggester: str, version: str) -> str:
    """The suggester and its version in one name: the version alone when it names the suggester."""
    return version if version.startswith(suggester) else f"{suggester} {version}".strip()


@dataclass(frozen=True)
class SaveReport:
    """What saving a document's suggestions did: how many were added (and of which tags), and
    how many were not, because the same span and tag was already suggested (open or accepted),
    was rejected before, overlaps an annotation of that tag, or carries a tag the database lacks."""

    added: int = 0
    already_there: int = 0
    over_annotations: int = 0
    rejected_before: int = 0
    unknown_tag: int = 0
    added_by_tag: dict[str, int] = field(default_factory=dict)

    def __add__(self, other: SaveReport) -> SaveReport:
        """Both reports' counts together (a total over documents)."""
        counts = {
            name: getattr(self, name) + getattr(other, name)
            for name in ("added", "already_there", "over_annotations", "rejected_before", "unknown_tag")
        }
        by_tag = Counter(self.added_by_tag) + Counter(other.added_by_tag)
        return SaveReport(**counts, added_by_tag=dict(sorted(by_tag.items())))


@dataclass(frozen=True)
class Accepted:
    """One accepted suggestion, as it was before, with the annotation it became and the relations
    made from it (said_by, dated): what ``undo_accept`` takes back."""

    suggestion: StoredSuggestion
    annotation: Annotation
    relations: tuple[Relation, ...] = ()


def coverage(spans: Iterable[Span]) -> Callable[[int, int], bool]:
    """A test of whether [start, end) overlaps any of ``spans``, in O(log n) a call: the spans
    sorted by start, with the furthest end reached by each prefix of them."""
    ordered = sorted(spans)
    starts = [start for start, _ in ordered]
    furthest = list(accumulate((end for _, end in ordered), max))

    def overlaps_any(start: int, end: int) -> bool:
        before = bisect_left(starts, end)  # the spans that start before ``end``
        return before > 0 and furthest[before - 1] > start

    return overlaps_any


def coverage_by_tag(annotations: Iterable[tuple[int, int, str]]) -> Callable[[int, int, str], bool]:
    """``coverage`` for each tag: whether [start, end) overlaps an annotation of ``tag``."""
    spans: dict[str, list[Span]] = {}
    for start, end, tag in annotations:
        spans.setdefault(tag, []).append((start, end))
    tests = {tag: coverage(found) for tag, found in spans.items()}
    return lambda start, end, tag: tag in tests and tests[tag](start, end)
