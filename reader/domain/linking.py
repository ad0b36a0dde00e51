"""Which annotations a selected one can be linked to, nearest first: what Tab walks through while
linking. A claim's candidates are the actors and dates its relation types link it to; an actor's
are the claims that could name it (the relation is still stored from the claim)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from reader.domain.annotations import REJECTED, Annotation
from reader.domain.relations import Relation, RelationType


@dataclass(frozen=True)
class Candidate:
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
    found = []
    for other in annotations:
        if other.id == selected.id or other.status == REJECTED:
            continue
        for order, kind in enumerate(kinds):
            if kind.fits(selected.tag, other.tag) and (selected.id, kind.name, other.id) not in linked:
                found.append((gap(selected, other), other.start, order, Candidate(other, kind, False)))
            elif kind.fits(other.tag, selected.tag) and (other.id, kind.name, selected.id) not in linked:
                found.append((gap(selected, other), other.start, order, Candidate(other, kind, True)))
    found.sort(key=lambda item: item[:3])
    return [candidate for *_, candidate in found]


def can_link(selected: Annotation, kinds: Iterable[RelationType]) -> bool:
    return any(selected.tag in (kind.source_tag, kind.target_tag) for kind in kinds)


def matching(candidates: Sequence[Candidate], typed: str) -> list[Candidate]:
    """The candidates whose text (or type name) holds what was typed, case aside."""
    wanted = typed.casefold()
    return [c for c in candidates if wanted in c.annotation.text.casefold() or wanted in c.kind.name.casefold()]
