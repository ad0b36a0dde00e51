"""Two annotators' spans on one document, paired row by row for an editor to compare, and
what the editor has settled of each row since.

Pairs are found in this order, each step among the spans the earlier ones left over:

1. same: same start, end and tag;
2. different tag: same start and end;
3. different extent: same tag, overlapping (the greedy overlap rule of
   reader.domain.agreement: most shared characters first);
4. different tag and extent: overlapping, any tag (the same rule);
5. what is left is a row of its own: only A, or only B.

The pairing is made once, when the comparison opens, and kept while it is open: settling
a row changes statuses in this database, and pairing again would pair the settled spans
anew (a rejected span left out, an accepted one paired with a neighbour). What a row
shows, and whether it is settled, is read from what this database holds now of its two
annotations (``RowNow``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from reader.domain.agreement import overlap_pairs
from reader.domain.annotations import ACCEPTED, REJECTED, Annotation

SAME = "same"
DIFFERENT_TAG = "different tag"
DIFFERENT_EXTENT = "different extent"
DIFFERENT = "different tag and extent"
ONLY_A = "only A"
ONLY_B = "only B"
STATES = (SAME, DIFFERENT_TAG, DIFFERENT_EXTENT, DIFFERENT, ONLY_A, ONLY_B)

# What an editor decided for a row.
TAKEN_THEIRS = "taken theirs"  # B's annotation accepted here, A's rejected (or none on a side)
KEPT_OURS = "kept ours"  # A's annotation accepted here, B's rejected here (or none on a side)

# What this database holds of one side's annotation, besides a status.
ABSENT = "absent"  # not in this database: B's of another database, or deleted since
REPLACED = "replaced"  # its id holds the other side's version now (both sides are versions of one annotation)


def difference(a: Annotation | None, b: Annotation | None) -> str:
    """How two paired spans differ (one of STATES); a row has at least one of them."""
    if a is None:
        return ONLY_B
    if b is None:
        return ONLY_A
    if (a.start, a.end) == (b.start, b.end):
        return SAME if a.tag == b.tag else DIFFERENT_TAG
    return DIFFERENT_EXTENT if a.tag == b.tag else DIFFERENT


@dataclass(frozen=True)
class ComparedRow:
    """A's and B's annotations paired in one row, as they were when the pairing was made."""

    a: Annotation | None
    b: Annotation | None

    @property
    def state(self) -> str:
        return difference(self.a, self.b)

    @property
    def start(self) -> int:
        return min(x.start for x in (self.a, self.b) if x is not None)

    @property
    def end(self) -> int:
        return max(x.end for x in (self.a, self.b) if x is not None)

    @property
    def either(self) -> Annotation:
        """A's annotation, or B's in a row of B's only."""
        return next(x for x in (self.a, self.b) if x is not None)

    @property
    def agrees(self) -> bool:
        return self.state == SAME

    @property
    def ids(self) -> set[str]:
        return {x.id for x in (self.a, self.b) if x is not None}


def compare_annotations(a: Sequence[Annotation], b: Sequence[Annotation]) -> list[ComparedRow]:
    """Rows pairing ``a``'s and ``b``'s annotations of one document, in text order."""
    left, right = list(a), list(b)
    rows: list[ComparedRow] = []

    def pair_by(key) -> None:
        waiting = defaultdict(list)
        for j, annotation in enumerate(right):
            waiting[key(annotation)].append(j)
        unpaired, taken = [], set()
        for annotation in left:
            partners = waiting.get(key(annotation))
            if partners:
                j = partners.pop(0)
                taken.add(j)
                rows.append(ComparedRow(annotation, right[j]))
            else:
                unpaired.append(annotation)
        left[:] = unpaired
        right[:] = [x for j, x in enumerate(right) if j not in taken]

    def pair_overlapping(same_tag: bool) -> None:
        groups: defaultdict[str | None, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        for side, annotated in enumerate((left, right)):
            for index, x in enumerate(annotated):
                groups[x.tag if same_tag else None][side].append(index)
        taken_a, taken_b = set(), set()
        for ours, theirs in groups.values():
            spans_a = [(left[i].start, left[i].end) for i in ours]
            spans_b = [(right[j].start, right[j].end) for j in theirs]
            for i, j in overlap_pairs(spans_a, spans_b):
                rows.append(ComparedRow(left[ours[i]], right[theirs[j]]))
                taken_a.add(ours[i])
                taken_b.add(theirs[j])
        left[:] = [x for i, x in enumerate(left) if i not in taken_a]
        right[:] = [x for j, x in enumerate(right) if j not in taken_b]

    pair_by(lambda x: (x.start, x.end, x.tag))  # same
    pair_by(lambda x: (x.start, x.end))  # different tag
    pair_overlapping(same_tag=True)  # different extent
    pair_overlapping(same_tag=False)  # different tag and extent
    rows += [ComparedRow(x, None) for x in left]
    rows += [ComparedRow(None, x) for x in right]
    rows.sort(key=lambda row: (row.start, row.end, STATES.index(row.state), row.either.tag, row.either.id))
    return rows


def _shape(annotation: Annotation) -> tuple[int, int, str]:
    return annotation.start, annotation.end, annotation.tag


def fate(annotation: Annotation, partner: Annotation | None, here: Mapping[str, Annotation]) -> str:
    """What this database (``here``: its annotations of the document by id) holds now of
    ``annotation``, one side of a row whose other side is ``partner``: its status, ABSENT,
    or REPLACED when the id it shares with its partner holds the partner's version."""
    now = here.get(annotation.id)
    if now is None:
        return ABSENT
    if partner is not None and partner.id == annotation.id and _shape(now) == _shape(partner) != _shape(annotation):
        return REPLACED
    return now.status


@dataclass(frozen=True)
class RowNow:
    """A row of the pairing as this database stands now: each side as it is here (or as it
    was paired, when it is not here as itself any more) and what became of it."""

    pair: ComparedRow
    a: Annotation | None
    b: Annotation | None
    a_fate: str | None  # None: the row has no A side
    b_fate: str | None

    @property
    def state(self) -> str:
        return difference(self.a, self.b)

    @property
    def agrees(self) -> bool:
        return self.state == SAME

    @property
    def decision(self) -> str | None:
        """TAKEN_THEIRS, KEPT_OURS, or None while the row is open."""
        a, b = self.a_fate, self.b_fate
        if a in (None, REJECTED, REPLACED, ABSENT) and b in (None, ACCEPTED):
            return TAKEN_THEIRS
        if a in (None, ACCEPTED) and b in (None, REJECTED, REPLACED):
            return KEPT_OURS
        return None

    @property
    def to_settle(self) -> bool:
        """A disagreement nobody has decided yet."""
        return not self.agrees and self.decision is None


def rows_now(pairs: Sequence[ComparedRow], here: Mapping[str, Annotation]) -> list[RowNow]:
    """Each row of ``pairs`` as ``here`` (this database's annotations of the document, by id) stands."""

    def shown(annotation: Annotation | None, what: str | None) -> Annotation | None:
        if annotation is None or what in (ABSENT, REPLACED):
            return annotation
        return here[annotation.id]

    rows = []
    for pair in pairs:
        a_fate = None if pair.a is None else fate(pair.a, pair.b, here)
        b_fate = None if pair.b is None else fate(pair.b, pair.a, here)
        rows.append(RowNow(pair, shown(pair.a, a_fate), shown(pair.b, b_fate), a_fate, b_fate))
    return rows


@dataclass(frozen=True)
class Tally:
    rows: int
    agree: int
    settled: int  # disagreements decided
    to_settle: int

    @property
    def disagree(self) -> int:
        return self.rows - self.agree


class Settleable(Protocol):
    """A row of a comparison, of spans (RowNow) or of links (relation_comparison.LinkNow)."""

    @property
    def agrees(self) -> bool: ...

    @property
    def to_settle(self) -> bool: ...


def tally(rows: Sequence[Settleable]) -> Tally:
    agree = sum(row.agrees for row in rows)
    to_settle = sum(row.to_settle for row in rows)
    return Tally(len(rows), agree, len(rows) - agree - to_settle, to_settle)


def next_to_settle(rows: Sequence[Settleable], after: int) -> int | None:
    """The first row after row ``after`` still to settle, going round past the end; None when none is."""
    count = len(rows)
    for step in range(1, count + 1):
        index = (after + step) % count
        if rows[index].to_settle:
            return index
    return None


def left_out(pairs: Sequence[ComparedRow], annotations: Sequence[Annotation]) -> list[Annotation]:
    """Those of ``annotations`` in no row of ``pairs``: made since the pairing."""
    paired = {id_ for pair in pairs for id_ in pair.ids}
    return [x for x in annotations if x.id not in paired]
