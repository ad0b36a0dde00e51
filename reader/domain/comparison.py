"""Two annotators' spans on one document, paired row by row for an editor to compare.

Pairs are found in this order, each step among the spans the earlier ones left over:

1. same: same start, end and tag;
2. different tag: same start and end;
3. different extent: same tag, overlapping (the greedy overlap rule of
   reader.domain.agreement: most shared characters first);
4. different tag and extent: overlapping, any tag (the same rule);
5. what is left is a row of its own: only A, or only B.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reader.domain.agreement import overlap_pairs
from reader.domain.annotations import Annotation

SAME = "same"
DIFFERENT_TAG = "different tag"
DIFFERENT_EXTENT = "different extent"
DIFFERENT = "different tag and extent"
ONLY_A = "only A"
ONLY_B = "only B"
STATES = (SAME, DIFFERENT_TAG, DIFFERENT_EXTENT, DIFFERENT, ONLY_A, ONLY_B)


@dataclass(frozen=True)
class ComparedRow:
    a: Annotation | None
    b: Annotation | None
    state: str

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


def compare_annotations(a: Sequence[Annotation], b: Sequence[Annotation]) -> list[ComparedRow]:
    """Rows pairing ``a``'s and ``b``'s annotations of one document, in text order."""
    left, right = list(a), list(b)
    rows: list[ComparedRow] = []

    def pair_by(key, state: str) -> None:
        waiting = defaultdict(list)
        for j, annotation in enumerate(right):
            waiting[key(annotation)].append(j)
        unpaired, taken = [], set()
        for annotation in left:
            partners = waiting.get(key(annotation))
            if partners:
                j = partners.pop(0)
                taken.add(j)
                rows.append(ComparedRow(annotation, right[j], state))
            else:
                unpaired.append(annotation)
        left[:] = unpaired
        right[:] = [x for j, x in enumerate(right) if j not in taken]

    def pair_overlapping(state: str, same_tag: bool) -> None:
        groups: defaultdict[str | None, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        for side, annotated in enumerate((left, right)):
            for index, x in enumerate(annotated):
                groups[x.tag if same_tag else None][side].append(index)
        taken_a, taken_b = set(), set()
        for ours, theirs in groups.values():
            spans_a = [(left[i].start, left[i].end) for i in ours]
            spans_b = [(right[j].start, right[j].end) for j in theirs]
            for i, j in overlap_pairs(spans_a, spans_b):
                rows.append(ComparedRow(left[ours[i]], right[theirs[j]], state))
                taken_a.add(ours[i])
                taken_b.add(theirs[j])
        left[:] = [x for i, x in enumerate(left) if i not in taken_a]
        right[:] = [x for j, x in enumerate(right) if j not in taken_b]

    pair_by(lambda x: (x.start, x.end, x.tag), SAME)
    pair_by(lambda x: (x.start, x.end), DIFFERENT_TAG)
    pair_overlapping(DIFFERENT_EXTENT, same_tag=True)
    pair_overlapping(DIFFERENT, same_tag=False)
    rows += [ComparedRow(x, None, ONLY_A) for x in left]
    rows += [ComparedRow(None, x, ONLY_B) for x in right]
    rows.sort(key=lambda row: (row.start, row.end, STATES.index(row.state), row.either.tag, row.either.id))
    return rows
