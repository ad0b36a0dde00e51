"""The Store's relations with the spans of their two ends: what agreement pairs and merge matches."""

from __future__ import annotations

from reader.store.relations import RelationQueries


class RelationPairs(RelationQueries):
    pass
