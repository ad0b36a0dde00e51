"""The columns of the annotations, relations and relation types tables: the one list every
statement that reads or writes whole rows is made from."""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter

from reader.domain.annotations import Annotation
from reader.domain.relations import Relation, RelationType

ANNOTATION_FIELDS = tuple(f.name for f in fields(Annotation))
# The table holds one column more than an Annotation: whether a re-import orphaned it.
ROW_COLUMNS = (*ANNOTATION_FIELDS, "orphaned")

annotation_values = attrgetter(*ANNOTATION_FIELDS)  # an Annotation's values in ANNOTATION_FIELDS order
RELATION_FIELDS = tuple(f.name for f in fields(Relation))
RELATION_TYPE_FIELDS = tuple(f.name for f in fields(RelationType))
relation_values = attrgetter(*RELATION_FIELDS)


def _names(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{name}"' for name in columns)


def _placeholders(columns: tuple[str, ...]) -> str:
    return ", ".join("?" * len(columns))


def select_statement(columns: tuple[str, ...], table: str = "annotations") -> str:
    return f"SELECT {_names(columns)} FROM {table}"


def insert_statement(columns: tuple[str, ...], table: str = "annotations") -> str:
    return f"INSERT INTO {table} ({_names(columns)}) VALUES ({_placeholders(columns)})"


def replace_statement(columns: tuple[str, ...], table: str = "annotations", key: str = "id") -> str:
    """Every column set from values in ``columns`` order, then the key of the row they replace."""
    return f"UPDATE {table} SET ({_names(columns)}) = ({_placeholders(columns)}) WHERE {key} = ?"
