"""Which annotations a selected one can be linked to, nearest first: what Tab walks through while
linking. A claim's candidates are the actors and dates its relation types link it to; an actor's
are the claims that could name it (the relation is still stored from the claim)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from operator import itemgetter
from typing import NamedTuple

from reader.domain.annotations import REJECTED, Annotation
from reader.domain.relations import Relation, RelationType


class Candidate(NamedTuple):  # a tuple: Ctrl+K makes thousands of them in a large document
    annotation: Annotation
    kind: RelationType
    reverse: bool  # the selected annotation is the relation's target, the candidate its source

    def relation(self, selected: Annotation, annotator: str) -> Relation:
        source, target = (self.annotation, selected) if self.reverse else (selected, self.annotation)
        return Relation(self.kind.name, source.id, target.id, annotator=annotator)


def gap(a: Annotation, b: Annotation) -> int:
    """Code points between two spans; 0 when they touch or overlap."""
    return max(0, b.start - a.end, a.start - b.end)


def link_candidates(
    selected: Annotation,
    annotations: Iterable[Annotation],
    kinds: Sequence[RelationType],
    linked: Collection[tuple[str, str, str]] = (),
) -> list[Candidate]:
    """Every (annotation, relation type) the selected annotation may be linked with, nearest
    first (then earlier in the text, then by type order). ``linked``: the (source id, type,
    target id) already held, which are left out; rejected annotations are left out too."""
    # The types by the tag the other end must carry, worked out once: each annotation is then
    # one look-up (10,000 annotations take a few milliseconds, within a key press).
    ahead: dict[str, list[tuple[int, RelationType]]] = defaultdict(list)  # selected is the source
    behind: dict[str, list[tuple[int, RelationType]]] = defaultdict(list)  # selected is the target
    for order, kind in enumerate(kinds):
        if kind.source_tag == selected.tag:
            ahead[kind.target_tag].append((order, kind))
        elif kind.target_tag == selected.tag:
            behind[kind.source_tag].append((order, kind))
    found = []
    start, end, own = selected.start, selected.end, selected.id
    for other in annotations:
        forward, backward = ahead.get(other.tag), behind.get(other.tag)
        if (forward is None and backward is None) or other.id == own or other.status == REJECTED:
            continue
        distance = max(0, other.start - end, start - other.end)  # gap(), without a call per annotation
        for order, kind in forward or ():
            if (own, kind.name, other.id) not in linked:
                found.append((distance, other.start, order, Candidate(other, kind, False)))
        for order, kind in backward or ():
            if (other.id, kind.name, own) not in linked:
                found.append((distance, other.start, order, Candidate(other, kind, True)))
    found.sort(key=itemgetter(0, 1, 2))
    return [item[3] for item in found]


def can_link(selected: Annotation, kinds: Iterable[RelationType]) -> bool:
    return any(selected.tag in (kind.source_tag, kind.target_tag) for kind in kinds)


def matching(candidates: Sequence[Candidate], typed: str) -> list[Candidate]:
    """The candidates whose text (or type name) holds what was typed, case aside."""
    wanted = typed.casefold()
    return [c for c in candidates if wanted in c.annotation.text.casefold() or wanted in c.kind.name.casefold()]
