"""Two annotators' relations on one document, paired over the span rows of the comparison
(reader.domain.comparison), and what the editor has settled of each pair since.

A relation of A and one of B pair ("same") when their types are the same and their ends
sit in the same rows: A's source in the row of B's source, A's target in the row of B's
target, whether those span rows agree or differ. Every other relation is a row of its
own, only A or only B (a type that differs makes two such rows). A relation whose end is
in no span row (a rejected span, one made since) is left out, as agreement leaves it out.

As the spans are, the links are paired once, when the comparison opens, and what a link
row shows, and whether it is settled, is read from what this database holds now
(``LinkNow``). A side's version is here when this database holds a relation of its id
with the same type and ends in the same rows (a version brought in from another
database links this database's spans, its ends' counterparts); with another type or
other rows the id holds another version (REPLACED).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.domain.annotations import ACCEPTED, REJECTED, Annotation
from reader.domain.comparison import (
    ABSENT,
    KEPT_OURS,
    ONLY_A,
    ONLY_B,
    REPLACED,
    SAME,
    TAKEN_THEIRS,
    ComparedRow,
    RowNow,
)
from reader.domain.relations import Relation

A_SIDE, B_SIDE = 0, 1
LINK_STATES = (SAME, ONLY_A, ONLY_B)
RowKey = tuple[str, int | None, int | None]  # (relation type, the row of its source, the row of its target)


class SpanRows:
    """Where each annotation of the span rows sits: its row, and the annotation as paired."""

    def __init__(self, rows: Sequence[ComparedRow]):
        self.rows = list(rows)
        self._rows: tuple[dict[str, int], dict[str, int]] = ({}, {})
        self._annotations: tuple[dict[str, Annotation], dict[str, Annotation]] = ({}, {})
        for index, row in enumerate(rows):
            for side, annotation in ((A_SIDE, row.a), (B_SIDE, row.b)):
                if annotation is not None:
                    self._rows[side].setdefault(annotation.id, index)
                    self._annotations[side].setdefault(annotation.id, annotation)

    def row_of(self, annotation_id: str, side: int) -> int | None:
        """The row of the annotation on ``side``, else on the other side (a relation of one
        annotator may link the other's span); None when it is in no row."""
        found = self._rows[side].get(annotation_id)
        return self._rows[1 - side].get(annotation_id) if found is None else found

    def annotation(self, annotation_id: str, side: int) -> Annotation | None:
        found = self._annotations[side].get(annotation_id)
        return self._annotations[1 - side].get(annotation_id) if found is None else found

    def key(self, relation: Relation, side: int) -> RowKey:
        return relation.type, self.row_of(relation.source_id, side), self.row_of(relation.target_id, side)


@dataclass(frozen=True)
class ComparedLink:
    """A's and B's relations paired in one row, as they were when the pairing was made."""

    a: Relation | None
    b: Relation | None
    source_row: int  # the span rows its ends sit in
    target_row: int

    @property
    def type(self) -> str:
        return next(x.type for x in (self.a, self.b) if x is not None)

    @property
    def state(self) -> str:
        return ONLY_B if self.a is None else ONLY_A if self.b is None else SAME


def compare_links(rows: Sequence[ComparedRow], a: Sequence[Relation], b: Sequence[Relation]) -> list[ComparedLink]:
    """Rows pairing ``a``'s and ``b``'s relations over the span ``rows``, in the order of
    their sources' rows, then their targets'."""
    spans = SpanRows(rows)
    waiting: defaultdict[RowKey, list[Relation]] = defaultdict(list)
    for relation in b:
        key = spans.key(relation, B_SIDE)
        if None not in key:
            waiting[key].append(relation)
    links: list[ComparedLink] = []
    for relation in a:
        kind, source, target = spans.key(relation, A_SIDE)
        if source is None or target is None:
            continue
        partners = waiting.get((kind, source, target))
        links.append(ComparedLink(relation, partners.pop(0) if partners else None, source, target))
    for (_kind, source, target), left in waiting.items():
        assert source is not None and target is not None
        links += [ComparedLink(None, relation, source, target) for relation in left]
    links.sort(key=lambda link: (link.source_row, link.target_row, link.type, LINK_STATES.index(link.state)))
    return links


def decision(a_fate: str | None, b_fate: str | None) -> str | None:
    """TAKEN_THEIRS, KEPT_OURS, or None while the row is open: the rule of
    reader.domain.comparison.RowNow.decision, for the fates of two relations."""
    if a_fate in (None, REJECTED, REPLACED, ABSENT) and b_fate in (None, ACCEPTED):
        return TAKEN_THEIRS
    if a_fate in (None, ACCEPTED) and b_fate in (None, REJECTED, REPLACED):
        return KEPT_OURS
    return None


Ends = tuple[Annotation | None, Annotation | None]


@dataclass(frozen=True)
class LinkNow:
    """A link row as this database stands now: each side as it is here (or as it was paired,
    when it is not here as itself any more), its two ends, and what became of it."""

    pair: ComparedLink
    a: Relation | None
    b: Relation | None
    a_fate: str | None  # None: the row has no A side
    b_fate: str | None
    a_ends: Ends
    b_ends: Ends

    @property
    def state(self) -> str:
        return self.pair.state

    @property
    def agrees(self) -> bool:
        return self.state == SAME

    @property
    def decision(self) -> str | None:
        return decision(self.a_fate, self.b_fate)

    @property
    def to_settle(self) -> bool:
        return not self.agrees and self.decision is None


def links_now(
    links: Sequence[ComparedLink],
    rows: Sequence[ComparedRow],
    relations: Mapping[str, Relation],
    annotations: Mapping[str, Annotation],
) -> list[LinkNow]:
    """Each row of ``links`` as this database stands: its relations and annotations of the
    document, by id."""
    spans = SpanRows(rows)

    def fate(relation: Relation | None, side: int) -> str | None:
        if relation is None:
            return None
        now = relations.get(relation.id)
        if now is None:
            return ABSENT
        return now.status if spans.key(now, side) == spans.key(relation, side) else REPLACED

    def shown(relation: Relation | None, what: str | None) -> Relation | None:
        if relation is None or what in (ABSENT, REPLACED):
            return relation
        return relations[relation.id]

    def ends(relation: Relation | None, side: int) -> Ends:
        if relation is None:
            return None, None
        source, target = (
            annotations.get(end) or spans.annotation(end, side) for end in (relation.source_id, relation.target_id)
        )
        return source, target

    found = []
    for link in links:
        a_fate, b_fate = fate(link.a, A_SIDE), fate(link.b, B_SIDE)
        a, b = shown(link.a, a_fate), shown(link.b, b_fate)
        found.append(LinkNow(link, a, b, a_fate, b_fate, ends(a, A_SIDE), ends(b, B_SIDE)))
    return found


def counterpart(annotation_id: str, row: RowNow, here: Mapping[str, Annotation], live: bool) -> str | None:
    """The annotation of this database (``here``: its annotations of the document by id) that
    stands for another database's span ``annotation_id``, the B side of span ``row``: the
    span itself when it was brought here; else ours of the row, when the row agrees or was
    settled by keeping ours; None when the row is still open (or only theirs was refused
    here). ``live``: a rejected annotation stands for nothing."""

    def usable(annotation: Annotation | None) -> bool:
        return annotation is not None and not (live and annotation.status == REJECTED)

    if usable(here.get(annotation_id)):
        return annotation_id
    ours = row.pair.a
    if ours is not None and usable(here.get(ours.id)) and (row.agrees or row.decision == KEPT_OURS):
        return ours.id
    return None
