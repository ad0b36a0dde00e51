"""Relations as flat tables for a spreadsheet, which then needs no join: ``relations``, one row per
relation with both its ends spelled out, and ``claims``, the analyst's table, one row per claim
with its linked ends grouped by relation type; and those rows read back into relations.

In a claims row, a group holds every end of one relation type, in text order, in three cells:
their texts, their ids and their offsets (``start..end``), each joined by `` | ``. Inside a
value a backslash is written ``\\\\`` and a bar ``\\|``, so that a text holding `` | `` still
splits back into the values it was made of."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from reader.domain.relations import Relation

ANNOTATIONS, RELATIONS, CLAIMS = "annotations", "relations", "claims"
TABLES = (ANNOTATIONS, RELATIONS, CLAIMS)
RELATION_KIND = "relation"  # the "kind" of a relation's line in the annotations' JSONL


@dataclass(frozen=True)
class Table:
    """One of export's tables beside the annotations: its rows (mappings with the ``columns``
    keys), as a workbook's sheet ``title`` with ``widths`` for some of its columns."""

    title: str
    columns: tuple[str, ...]
    rows: Iterable[Mapping]
    widths: Mapping[str, int] | None = None


RELATION_COLUMNS = (
    "relation_id",
    "type",
    "document",
    "document_sha256",
    "source_id",
    "source_tag",
    "source_start",
    "source_end",
    "source_text",
    "target_id",
    "target_tag",
    "target_start",
    "target_end",
    "target_text",
    "note",
    "annotator",
    "status",
    "reviewer",
    "review_note",
    "created_at",
    "updated_at",
)
RELATION_OFFSETS = ("source_start", "source_end", "target_start", "target_end")
CLAIM_COLUMNS = (
    "claim_id",
    "document",
    "document_sha256",
    "claim_start",
    "claim_end",
    "claim_text",
    "claim_tag",
    "claim_status",
    "annotator",
    "note",
)
IDS, OFFSETS = "_ids", "_offsets"
JOINER = " | "
_ESCAPES = {"\\": "\\\\", "|": "\\|"}
_LINK = itemgetter("link_type", "link_id", "link_start", "link_end", "link_text")


def claim_columns(type_names: Sequence[str]) -> tuple[str, ...]:
    """The claims table's columns: CLAIM_COLUMNS, then each relation type's group. ValueError
    when a type's name would give a column twice (a type called ``note``, say)."""
    columns = (*CLAIM_COLUMNS, *(column for name in type_names for column in (name, name + IDS, name + OFFSETS)))
    doubled = sorted({column for column in columns if columns.count(column) > 1})
    if doubled:
        raise ValueError(
            f"the claims table would have the column(s) {', '.join(doubled)} twice; rename the relation type"
        )
    return columns


def claim_widths(type_names: Sequence[str]) -> dict[str, int]:
    """Column widths for a workbook: a group's texts and ids are as wide as a claim's."""
    return {column: width for name in type_names for column, width in ((name, 40), (name + IDS, 34))}


def claim_rows(links: Iterable[Mapping], type_names: Sequence[str]) -> Iterator[dict]:
    """One row per claim from ``links``: rows of the CLAIM_COLUMNS and one linked end each
    (``link_type``, ``link_id``, ``link_start``, ``link_end``, ``link_text``; all None for a
    claim linked to nothing), sorted so that a claim's rows come together, its ends in text order."""
    for _, rows in groupby(links, key=itemgetter("claim_id")):
        first = next(rows)
        ends: dict[str, list[tuple]] = {name: [] for name in type_names}
        for row in (first, *rows):
            kind, *end = _LINK(row)
            if kind is not None:
                ends.setdefault(kind, []).append(tuple(end))
        claim = {column: first[column] for column in CLAIM_COLUMNS}
        for name in type_names:
            claim[name] = join_values(text for _, _, _, text in ends[name])
            claim[name + IDS] = join_values(end_id for end_id, _, _, _ in ends[name])
            claim[name + OFFSETS] = join_values(f"{start}..{end}" for _, start, end, _ in ends[name])
        yield claim


def claim_links(record: Mapping[str, object]) -> list[tuple[str, str]]:
    """(relation type, target id) of each end a claims row names in its groups' ids cells; a group
    is told by its three columns. Cells that are no text give nothing (the caller checks them)."""
    links = []
    for column, cell in record.items():
        name = column[: -len(IDS)]
        if column.endswith(IDS) and name in record and name + OFFSETS in record and isinstance(cell, str):
            links += [(name, target_id) for target_id in split_values(cell)]
    return links


def join_values(values: Iterable[str]) -> str:
    return JOINER.join("".join(_ESCAPES.get(c, c) for c in value) for value in values)


def split_values(cell: str) -> list[str]:
    """The values ``join_values`` joined into ``cell``; an empty cell holds none."""
    if not cell:
        return []
    values, current, index = [], [], 0
    while index < len(cell):
        if cell[index] == "\\" and index + 1 < len(cell):
            current.append(cell[index + 1])
            index += 2
        elif cell.startswith(JOINER, index):
            values.append("".join(current))
            current, index = [], index + len(JOINER)
        else:
            current.append(cell[index])
            index += 1
    values.append("".join(current))
    return values


def relation_of(row: Mapping) -> Relation:
    """The relation a relations row describes."""
    return Relation(
        type=row["type"],
        source_id=row["source_id"],
        target_id=row["target_id"],
        note=row["note"],
        annotator=row["annotator"],
        status=row["status"],
        reviewer=row["reviewer"],
        review_note=row["review_note"],
        id=row["relation_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
