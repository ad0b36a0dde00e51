"""Relation types and relations brought from one source into a merge's target (reader.store.merge),
once the annotations of every source are in, in the same transaction.

- Relation types: a type missing from the target is added (without its key when another type
  there already has that key). A type of the same name that links other tags is a conflict: it
  is reported, and none of the source's relations of that type is brought.
- Relations: matched by id. A new one is added. When the same id differs, the version changed
  later wins (by ``updated_at``, ties broken by content, as for annotations) and the conflict is
  listed with both versions. A relation that links the same two annotations by the same type
  as another relation already in the target is a conflict too: the one there is kept.
- A relation is written only when it fits the target as the annotations now stand there: both
  ends present, in one document, with the tags its type links (a later version of an end may
  have another tag). One that does not fit is refused, with the reason; nothing is dropped
  without a word.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reader.domain.relations import BadRelation, Relation, RelationType, check_relation
from reader.domain.text import shortened
from reader.domain.versions import relation_replaces
from reader.store.repo import Store


@dataclass(frozen=True)
class RelationTypeConflict:
    name: str
    kept: str  # "claim -> actor"
    other: str
    source: str


@dataclass(frozen=True)
class RelationConflict:
    """Two versions of one relation (same id), or two relations of one link (``same_link``)."""

    document: str
    kept: str
    kept_from: str
    other: str
    other_from: str
    same_link: bool = False


@dataclass(frozen=True)
class RefusedRelation:
    relation_id: str
    source: str
    relation: str
    reason: str


@dataclass
class RelationMergeReport:
    types_added: list[str] = field(default_factory=list)
    type_conflicts: list[RelationTypeConflict] = field(default_factory=list)
    keys_dropped: list[tuple[str, str]] = field(default_factory=list)
    types_left_out: list[tuple[str, str, str]] = field(default_factory=list)  # (name, source, tag it lacks)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: list[RefusedRelation] = field(default_factory=list)
    conflicts: list[RelationConflict] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.types_added or self.added or self.updated)


class RelationMerge:
    """One source's relation types and relations into the target, inside the target's transaction."""

    def __init__(self, into: Store, source: Store, label: str, report: RelationMergeReport, origins: dict[str, str]):
        self.into, self.source, self.label, self.report = into, source, label, report
        self.origins = origins  # relation id -> the source its stored version came from
        self.clashing: dict[str, RelationType] = {}  # the target's types that the source's of that name contradict

    def run(self) -> None:
        self._types()
        self._relations()

    def _types(self) -> None:
        have = {kind.name: kind for kind in self.into.relation_types()}
        keys = {kind.folded_key for kind in have.values() if kind.key}
        position = max((kind.position for kind in have.values()), default=-1)
        tags = self.into.tag_names()  # the source's are all there by now
        for kind in self.source.relation_types():
            missing = [tag for tag in (kind.source_tag, kind.target_tag) if tag not in tags]
            if missing:  # an older file's default types, lent in memory, may link tags it lacks
                self.report.types_left_out.append((kind.name, self.label, missing[0]))
                continue
            mine = have.get(kind.name)
            if mine is not None:
                if not mine.fits(kind.source_tag, kind.target_tag):
                    self.clashing[kind.name] = mine
                    self.report.type_conflicts.append(
                        RelationTypeConflict(kind.name, _linked_tags(mine), _linked_tags(kind), self.label)
                    )
                continue
            if kind.key and kind.folded_key in keys:
                self.report.keys_dropped.append((kind.name, kind.key))
                kind = replace(kind, key="")
            position += 1
            kind = replace(kind, position=position)
            self.into.save_relation_type(kind)
            have[kind.name] = kind
            keys.add(kind.folded_key)
            self.report.types_added.append(kind.name)

    def _relations(self) -> None:
        for relation in self.source.every_relation():
            stored = self.into.relation(relation.id)
            if stored == relation:
                self.report.unchanged += 1
            elif stored is not None and not relation_replaces(relation, stored):
                self._conflict(stored, self._stored_from(stored), relation, self.label)
                self.report.unchanged += 1
            else:
                self._bring(relation, stored)

    def _bring(self, relation: Relation, stored: Relation | None) -> None:
        """Write ``relation`` (new, or newer than ``stored``) when it fits the target."""
        reason = self._misfit(relation)
        if reason:
            self.report.refused.append(
                RefusedRelation(relation.id, self.label, self._said(self.source, relation), reason)
            )
            return
        held = self.into.relation_linking(relation.source_id, relation.type, relation.target_id)
        if held is not None and held.id != relation.id:
            self._conflict(held, self._stored_from(held), relation, self.label, same_link=True)
            self.report.unchanged += 1
            return
        if stored is None:
            self.into.add_relation(relation)
            self.report.added += 1
        else:
            self._conflict(relation, self.label, stored, self._stored_from(stored))
            self.into.update_relation(relation)
            self.report.updated += 1
        self.origins[relation.id] = self.label

    def _misfit(self, relation: Relation) -> str:
        """Why ``relation`` cannot be in the target ("" when it can)."""
        if relation.type in self.clashing:
            here = self.clashing[relation.type]
            return f"relation type {relation.type!r} links {_linked_tags(here)} here"
        try:
            check_relation(
                relation,
                self.into.relation_type(relation.type),
                self.into.annotation(relation.source_id),
                self.into.annotation(relation.target_id),
            )
        except BadRelation as error:
            return str(error)
        return ""

    def _conflict(
        self, kept: Relation, kept_from: str, other: Relation, other_from: str, same_link: bool = False
    ) -> None:
        stores = {self.label: self.source}
        kept_in, other_in = stores.get(kept_from, self.into), stores.get(other_from, self.into)
        self.report.conflicts.append(
            RelationConflict(
                self._document(kept_in, kept),
                self._said(kept_in, kept),
                kept_from,
                self._said(other_in, other),
                other_from,
                same_link,
            )
        )

    def _stored_from(self, stored: Relation) -> str:
        return self.origins.get(stored.id, str(self.into.path))

    @staticmethod
    def _document(store: Store, relation: Relation) -> str:
        end = store.annotation(relation.source_id)
        return store.document(end.document_id).name if end else "?"

    @staticmethod
    def _said(store: Store, relation: Relation) -> str:
        """The relation in one line, its ends quoted as ``store`` holds them."""

        def end(annotation_id: str) -> str:
            annotation = store.annotation(annotation_id)
            if annotation is None:
                return f"no annotation {annotation_id}"
            return f"{annotation.tag} {shortened(annotation.text, 20)!r}"

        link = f"{relation.type}: {end(relation.source_id)} -> {end(relation.target_id)}"
        parts = [f"{relation.id} {link}", relation.status]
        if relation.note:
            parts.append(f"note {relation.note[:30]!r}")
        parts.append(f"by {relation.annotator or '?'}, updated {relation.updated_at}")
        return ", ".join(parts)


def _linked_tags(kind: RelationType) -> str:
    return f"{kind.source_tag} -> {kind.target_tag}"


def relation_report_lines(report: RelationMergeReport) -> list[str]:
    added_types = f" ({', '.join(report.types_added)})" if report.types_added else ""
    lines = [f"relation types: {len(report.types_added)} added{added_types}"]
    for clash in report.type_conflicts:
        lines.append(
            f"  tags: relation type {clash.name!r} links {clash.kept}; {clash.source} has it link {clash.other}, "
            "so its relations of that type were not brought"
        )
    for name, key in report.keys_dropped:
        lines.append(f"  key: relation type {name!r} was added without its key {key!r}, which another type has")
    for name, source, tag in report.types_left_out:
        lines.append(f"  left out: relation type {name!r} of {source} links tag {tag!r}, which {source} lacks")
    lines.append(
        f"relations: {report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{len(report.refused)} refused"
    )
    for refused in report.refused:
        lines.append(f"  refused: {refused.relation} ({refused.source}): {refused.reason}")
    if report.conflicts:
        lines.append(
            f"relation conflicts: {len(report.conflicts)} relation(s) differ between files; the newest change "
            "was kept (of two relations of one link, the one already there)"
        )
    for conflict in report.conflicts:
        why = "the same link as another relation" if conflict.same_link else "changed in both"
        lines.append(f"  in {conflict.document!r}, {why}")
        lines.append(f"    kept:      {conflict.kept} ({conflict.kept_from})")
        lines.append(f"    set aside: {conflict.other} ({conflict.other_from})")
    return lines
