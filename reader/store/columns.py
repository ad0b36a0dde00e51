"""The annotations table's columns: the one list every statement that reads or writes
whole annotations is made from."""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter

from reader.domain.annotations import Annotation

ANNOTATION_FIELDS = tuple(f.name for f in fields(Annotation))
# The table holds one column more than an Annotation: whether a re-import orphaned it.
ROW_COLUMNS = (*ANNOTATION_FIELDS, "orphaned")

annotation_values = attrgetter(*ANNOTATION_FIELDS)  # an Annotation's values in ANNOTATION_FIELDS order


def _names(columns: tuple[str, ...]) -> str:
    return ", ".join(f'"{name}"' for name in columns)


def _placeholders(columns: tuple[str, ...]) -> str:
    return ", ".join("?" * len(columns))


def select_statement(columns: tuple[str, ...]) -> str:
    return f"SELECT {_names(columns)} FROM annotations"


def insert_statement(columns: tuple[str, ...]) -> str:
    return f"INSERT INTO annotations ({_names(columns)}) VALUES ({_placeholders(columns)})"


def replace_statement(columns: tuple[str, ...]) -> str:
    """Every column set from values in ``columns`` order, then the id of the row they replace."""
    return f"UPDATE annotations SET ({_names(columns)}) = ({_placeholders(columns)}) WHERE id = ?"
