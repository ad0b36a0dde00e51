"""Relations: a typed link from one annotation to another in the same document (this claim was
said by this actor, on this date), and the relation types a database allows."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reader.domain.annotations import PENDING, STATUSES, Annotation, Versioned, new_id, utc_now
from reader.domain.tags import PALETTE, check_name, is_colour

SAID_BY, DATED = "said_by", "dated"


class BadRelation(ValueError):
    """A relation or relation type that cannot be stored; the message says why in one line."""


@dataclass(frozen=True)
class RelationType:
    """What may link to what: a relation of this type goes from a ``source_tag`` annotation
    to a ``target_tag`` one. ``key`` picks the type while linking (with Alt)."""

    name: str
    source_tag: str
    target_tag: str
    colour: str
    key: str = ""
    description: str = ""
    position: int = 0

    def __post_init__(self) -> None:
        try:
            check_name(self.name, "relation type name")
            check_name(self.source_tag, "source tag")
            check_name(self.target_tag, "target tag")
        except ValueError as error:
            raise BadRelation(str(error)) from error
        if len(self.key) > 1 or (self.key and (self.key.isspace() or not self.key.isprintable())):
            raise BadRelation(f"relation key {self.key!r} must be a single visible character")
        if not is_colour(self.colour):
            raise BadRelation(f"relation colour {self.colour!r} must look like #rrggbb")

    @property
    def folded_key(self) -> str:
        """The key as Alt+key matches it while linking: q and Q are one key."""
        return self.key.casefold()

    def fits(self, source_tag: str, target_tag: str) -> bool:
        return self.source_tag == source_tag and self.target_tag == target_tag


def default_relation_types() -> list[RelationType]:
    """The relation types a new database starts with (each database can change them)."""
    return [
        RelationType(SAID_BY, "claim", "actor", PALETTE[1], "s", "Who made the claim", 0),
        RelationType(DATED, "claim", "date", PALETTE[2], "d", "When the claim was made", 1),
    ]


@dataclass(frozen=True)
class Relation(Versioned):
    type: str
    source_id: str
    target_id: str
    note: str = ""
    annotator: str = ""
    status: str = PENDING
    reviewer: str = ""
    review_note: str = ""
    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=utc_now)
    updated_at: str = ""

    def changed(self, **fields) -> Relation:
        """A copy with ``fields`` changed and ``updated_at`` moved to now."""
        return replace(self, updated_at=utc_now(), **fields)

    def other_end(self, annotation_id: str) -> str:
        return self.target_id if annotation_id == self.source_id else self.source_id


def check_relation(
    relation: Relation, kind: RelationType | None, source: Annotation | None, target: Annotation | None
) -> None:
    """BadRelation unless the relation's type is known, both ends exist, are two annotations of
    one document and carry the tags the type links, and its status is known."""
    if kind is None:
        raise BadRelation(f"unknown relation type {relation.type!r}")
    for end, found, wanted in (("source", source, relation.source_id), ("target", target, relation.target_id)):
        if found is None:
            raise BadRelation(f"no annotation with id {wanted} (the {end})")
    assert source is not None and target is not None
    if source.id == target.id:
        raise BadRelation("a relation links two different annotations, not one to itself")
    if source.document_id != target.document_id:
        raise BadRelation("the two annotations are in different documents; a relation links spans of one document")
    if not kind.fits(source.tag, target.tag):
        raise BadRelation(
            f"{kind.name} links a {kind.source_tag} to a {kind.target_tag}, not a {source.tag} to a {target.tag}"
        )
    if relation.status not in STATUSES:
        raise BadRelation(f"unknown status {relation.status!r} (known: {', '.join(STATUSES)})")


def fitting_types(source_tag: str, target_tag: str, kinds: list[RelationType]) -> list[RelationType]:
    return [kind for kind in kinds if kind.fits(source_tag, target_tag)]
