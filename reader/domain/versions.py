"""Which of two versions of one annotation, or of one relation, wins: the rule that merge and
import share.

The version changed later wins, by the instant its ``updated_at`` names (so
``12:00+02:00`` is earlier than ``11:00Z``, and ``00.500Z`` later than ``00Z``).
Two versions changed at the same instant are ordered by their content, so that
bringing A into B and B into A keep the same version whichever way round.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, fields
from datetime import UTC, datetime

from reader.domain.annotations import Annotation
from reader.domain.relations import Relation

OLDEST = datetime.min.replace(tzinfo=UTC)
# The fields that make a version, in the order that breaks a tie. The annotation's id
# is the same in both, and the document's is local to each database (documents match
# by their text).
_CONTENT = tuple(f.name for f in fields(Annotation) if f.name not in ("id", "document_id"))
_RELATION_CONTENT = tuple(f.name for f in fields(Relation) if f.name != "id")


def parse_moment(stamp: str) -> datetime | None:
    """An ISO 8601 time as an aware datetime (a time without a zone is UTC), or None."""
    try:
        moment = datetime.fromisoformat(stamp)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def version_key(version: Mapping[str, object], content: tuple[str, ...] = _CONTENT) -> tuple:
    """Orders versions of one annotation (or, with ``content``, of another record): the
    greatest key wins. An unreadable time counts as the oldest."""
    moment = parse_moment(str(version["updated_at"])) or OLDEST
    return moment, tuple(str(version[name]) for name in content)


def replaces(incoming: Mapping[str, object], stored: Mapping[str, object]) -> bool:
    """Whether ``incoming`` should replace ``stored`` (False for the same content)."""
    return version_key(incoming) > version_key(stored)


def relation_replaces(incoming: Relation, stored: Relation) -> bool:
    """``replaces`` for two versions of one relation."""
    return version_key(asdict(incoming), _RELATION_CONTENT) > version_key(asdict(stored), _RELATION_CONTENT)
