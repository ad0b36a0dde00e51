"""What taking theirs (T) and keeping ours (O) change in this database for one link row of
the comparison: a list of (the stored relation, or None to add; what it becomes), written as
one undoable step (reader.ui.annotating.relation_commands.ChangeRelations).

As for spans (reader.ui.compare.settling), both record the decision in this database, so
that the row reads settled from what it holds (reader.domain.relation_comparison.LinkNow):

- T: theirs is here and accepted, ours rejected. Their relation in another database is
  copied in with its id, its ends the counterparts here of their spans
  (reader.domain.relation_comparison.counterpart): their span brought in by T on its row,
  or ours of a row that agrees or was kept. An end with none is refused: its span first.
- O: ours is here and accepted; theirs rejected here (from another database it comes in
  as rejected, its ends their spans here even when rejected, so that the refusal is on
  record and a later merge of their file does not bring it back as new; refused as T is
  while a span row of its ends is open).

When their link, its ends so mapped, is our very link (the two agree), there is one link
here: T and O both accept it. Nothing is deleted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from reader.domain.annotations import ACCEPTED, REJECTED, Annotation
from reader.domain.comparison import RowNow
from reader.domain.relation_comparison import LinkNow, counterpart
from reader.domain.relations import Relation
from reader.domain.text import one_line
from reader.ui.shell.translation import translate

RelationChange = tuple[Relation | None, Relation]

_CONTENT = ("type", "source_id", "target_id", "note", "annotator")


class LinkRefused(Exception):
    """T or O cannot settle the link yet; the message says why in one line."""


@dataclass(frozen=True)
class Here:
    """What this database holds of the document, and how the comparison stands."""

    relations: Mapping[str, Relation]  # by id
    annotations: Mapping[str, Annotation]  # by id
    rows: Sequence[RowNow]  # the span rows
    other_database: bool  # B is in another database, not this one
    me: str


def taking_their_link(link: LinkNow, here: Here) -> tuple[list[RelationChange], str]:
    """The changes T makes, and what to say when there are none."""
    pair = link.pair
    ours = None if pair.a is None else here.relations.get(pair.a.id)
    changes: list[RelationChange] = []
    if pair.b is not None:
        theirs = _their_version(link, ACCEPTED, here, keep_edits=not here.other_database)
        if ours is not None and _same_link(ours, theirs):
            return _set_status(ours, ACCEPTED, here.me), translate(
                "Compare", "Their link is ours here, and accepted already"
            )
        changes += _bring(theirs, here)
    if pair.a is not None and not _shared(link):
        changes = _set_status(ours, REJECTED, here.me) + changes
    return changes, translate("Compare", "Their link is here and accepted already")


def keeping_our_link(link: LinkNow, here: Here) -> tuple[list[RelationChange], str]:
    """The changes O makes, and what to say when there are none."""
    pair = link.pair
    changes: list[RelationChange] = []
    ours = None if pair.a is None else here.relations.get(pair.a.id)
    if pair.b is not None and not _shared(link):
        theirs = _their_version(link, REJECTED, here, keep_edits=True)
        if ours is None or not _same_link(ours, theirs):
            changes += _bring(theirs, here)
    if pair.a is not None:
        # One id on both sides: ours is a version to put back; else ours as it is now.
        mine = pair.a if _shared(link) or ours is None else ours
        changes += _bring(mine.changed(status=ACCEPTED, reviewer=here.me), here)
    return changes, translate("Compare", "Our link is kept already")


def _shared(link: LinkNow) -> bool:
    a, b = link.pair.a, link.pair.b
    return a is not None and b is not None and a.id == b.id


def _same_link(one: Relation, other: Relation) -> bool:
    return (one.type, one.source_id, one.target_id) == (other.type, other.source_id, other.target_id)


def _their_version(link: LinkNow, status: str, here: Here, keep_edits: bool) -> Relation:
    """Their relation as it is to stand here with ``status``: the one stored here (its edits
    kept) when ``keep_edits`` and it is here; else their version, its ends mapped to their
    counterparts here when it is from another database."""
    pair = link.pair
    assert pair.b is not None
    stored = here.relations.get(pair.b.id)
    if keep_edits and stored is not None:
        return stored.changed(status=status, reviewer=here.me)
    theirs = pair.b
    if here.other_database:
        live = status == ACCEPTED
        source, target = link.b_ends
        theirs = replace(
            theirs,
            source_id=_counterpart(theirs.source_id, source, here.rows[pair.source_row], here, live),
            target_id=_counterpart(theirs.target_id, target, here.rows[pair.target_row], here, live),
        )
    return theirs.changed(status=status, reviewer=here.me)


def _counterpart(end_id: str, end: Annotation | None, row: RowNow, here: Here, live: bool) -> str:
    found = counterpart(end_id, row, here.annotations, live)
    if found is not None:
        return found
    text = one_line(end.text, 40) if end is not None else end_id
    if live:
        refusal = translate("Compare", "Take the span “{text}” first (T on its row): their link's end is not here yet")
    else:
        refusal = translate(
            "Compare", "Settle the span “{text}” first (T or O on its row): their link's end is not here"
        )
    raise LinkRefused(refusal.format(text=text))


def _bring(wanted: Relation, here: Here) -> list[RelationChange]:
    """``wanted`` here: added when its id is not here, written over the stored one when they
    differ (in status or content), nothing when they do not; refused when another relation
    here links the same two spans by the same type already."""
    stored = here.relations.get(wanted.id)
    twin = next((r for r in here.relations.values() if r.id != wanted.id and _same_link(r, wanted)), None)
    if twin is not None:
        raise LinkRefused(
            translate("Compare", "These two spans are linked as {type} here already").format(type=twin.type)
        )
    if stored is None:
        return [(None, wanted)]
    if stored.status != wanted.status or any(getattr(stored, f) != getattr(wanted, f) for f in _CONTENT):
        return [(stored, wanted)]
    return []


def _set_status(stored: Relation | None, status: str, me: str) -> list[RelationChange]:
    if stored is None or stored.status == status:
        return []
    return [(stored, stored.changed(status=status, reviewer=me))]
