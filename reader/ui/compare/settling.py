"""What taking theirs (T) and keeping ours (O) change in this database for one row of the
comparison: a list of (the stored annotation, or None to add; what it becomes), written as
one undoable step by the controller.

Both record the decision in this database, so that the row reads settled from what the
database holds (reader.domain.comparison.RowNow.decision), after a reopen too:

- T: theirs is here and accepted (brought in with its id when it is in another
  database, or made their version when the id is here already); ours is rejected.
- O: ours is here and accepted; theirs is rejected here (brought in as rejected when it is
  in another database, so that the refusal is on record and a later merge of their file
  does not bring it back as new).

Nothing is deleted: a rejected annotation stays, and is left out of the next pairing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from reader.domain.annotations import ACCEPTED, REJECTED, Annotation
from reader.domain.comparison import RowNow
from reader.ui.shell.translation import translate

Change = tuple[Annotation | None, Annotation]
Stored = Callable[[str], Annotation | None]  # this database's annotation of an id, if any

_CONTENT = ("start", "end", "text", "tag", "note", "annotator")


def taking_theirs(row: RowNow, stored: Stored, me: str, document_id: int) -> tuple[list[Change], str]:
    """The changes T makes, and what to say when there are none."""
    pair = row.pair
    changes: list[Change] = []
    if pair.a is not None and (pair.b is None or pair.a.id != pair.b.id):
        changes += _set_status(stored(pair.a.id), REJECTED, me)
    if pair.b is not None:
        changes += _bring(pair.b, ACCEPTED, stored, me, document_id)
    return changes, translate("Compare", "Their version is here and accepted already")


def keeping_ours(row: RowNow, stored: Stored, me: str, document_id: int) -> tuple[list[Change], str]:
    """The changes O makes, and what to say when there are none."""
    pair = row.pair
    changes: list[Change] = []
    shared_id = pair.a is not None and pair.b is not None and pair.a.id == pair.b.id
    if pair.b is not None and not shared_id:
        changes += _bring(pair.b, REJECTED, stored, me, document_id, keep_edits=True)
    if pair.a is not None:
        # One id on both sides: ours is a version to put back. Otherwise ours as it is
        # now, edits made during the comparison and all.
        changes += _bring(pair.a, ACCEPTED, stored, me, document_id, keep_edits=not shared_id)
    return changes, translate("Compare", "Ours is kept already")


def _set_status(now: Annotation | None, status: str, me: str) -> list[Change]:
    if now is None or now.status == status:
        return []
    return [(now, now.changed(status=status, reviewer=me))]


def _bring(
    version: Annotation, status: str, stored: Stored, me: str, document_id: int, keep_edits: bool = False
) -> list[Change]:
    """``version`` here with ``status``: added when its id is not here; else, unless
    ``keep_edits``, the stored annotation made that version."""
    now = stored(version.id)
    wanted = replace(version, document_id=document_id).changed(status=status, reviewer=me)
    if now is None:
        return [(None, wanted)]
    if keep_edits:
        return _set_status(now, status, me)
    if now.status != status or any(getattr(now, f) != getattr(wanted, f) for f in _CONTENT):
        return [(now, wanted)]
    return []
