"""A link as the window shows it: the relation, its type's colour, and the annotation at its other end."""

from __future__ import annotations

from dataclasses import dataclass

from reader.domain.annotations import Annotation
from reader.domain.relations import Relation


@dataclass(frozen=True)
class ShownLink:
    relation: Relation
    other: Annotation  # the end that is not the selected annotation
    colour: str
    outgoing: bool  # the selected annotation is the relation's source
