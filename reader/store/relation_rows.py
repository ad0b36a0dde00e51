"""The Store's relations as flat rows: written out by ``export --table relations|claims`` and read
back by ``import-annotations``."""

from __future__ import annotations

from reader.store.relations import RelationQueries


class RelationRows(RelationQueries):
    pass
