"""``reader link`` and ``reader unlink``: a relation between two annotations made or taken away from
the command line; ``reader relation-types``: list, add or delete what may link to what.

Each change is one transaction on a file checked whole first; a refusal (an unknown id, ends in
two documents, a type that does not fit the ends' tags) is one line with exit code 1."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from reader.domain.relations import BadRelation, Relation, RelationType
from reader.domain.tags import default_colour
from reader.identity import default_annotator
from reader.store import Store, StoreError


def add_relation_parsers(commands: argparse._SubParsersAction) -> None:
    link = commands.add_parser("link", help="link two annotations of one document; prints the relation's id")
    link.add_argument("--db", required=True, type=Path, metavar="FILE", help="the Reader database (SQLite)")
    link.add_argument("--from", dest="source", required=True, metavar="ANNOTATION_ID", help="the source (a claim)")
    link.add_argument("--to", dest="target", required=True, metavar="ANNOTATION_ID", help="the target")
    link.add_argument("--type", required=True, metavar="TYPE", help="a relation type: reader relation-types")
    link.add_argument("--note", default="")
    link.add_argument("--annotator", default=None, help="default: the operating-system user name")

    unlink = commands.add_parser("unlink", help="delete a relation by its id")
    unlink.add_argument("relation_id", metavar="RELATION_ID")
    unlink.add_argument("--db", required=True, type=Path, metavar="FILE", help="the Reader database (SQLite)")

    kinds = commands.add_parser(
        "relation-types", help="list the relation types (what may link to what); add or delete one"
    )
    kinds.add_argument("--db", type=Path, metavar="FILE", help="the Reader database (SQLite)")
    kinds.set_defaults(usage_error=kinds.error)
    actions = kinds.add_subparsers(dest="types_action", metavar="ACTION")
    add = actions.add_parser("add", help="add a relation type")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--from-tag", required=True, metavar="TAG", help="the tag of its source annotations")
    add.add_argument("--to-tag", required=True, metavar="TAG", help="the tag of its target annotations")
    add.add_argument("--key", default="", metavar="K", help="picks this type while linking, with Alt")
    add.add_argument("--colour", default="", metavar="#RRGGBB")
    add.add_argument("--description", default="", metavar="D")
    delete = actions.add_parser("delete", help="delete a relation type no relation uses")
    delete.add_argument("name", metavar="NAME")
    for action in (add, delete):
        action.add_argument("--db", type=Path, metavar="FILE", default=argparse.SUPPRESS, help="the Reader database")


def run_link(args, out: TextIO, err: TextIO) -> int:
    relation = Relation(
        args.type,
        args.source,
        args.target,
        note=args.note,
        annotator=args.annotator if args.annotator is not None else default_annotator(),
    )
    with Store.open(args.db, create=False, verify=True) as store:
        store.add_relation(relation)
    print(relation.id, file=out)
    return 0


def run_unlink(args, out: TextIO, err: TextIO) -> int:
    with Store.open(args.db, create=False, verify=True) as store, store.transaction():
        relation = store.relation(args.relation_id)
        if relation is None:
            raise StoreError(f"no relation with id {args.relation_id}")
        store.delete_relation(relation.id)
    print(f"deleted relation {relation.id} ({relation.type})", file=out)
    return 0


def run_relation_types(args, out: TextIO, err: TextIO) -> int:
    if args.db is None:
        args.usage_error("the following arguments are required: --db")
    if args.types_action is None:
        with Store.open(args.db, read_only=True) as store:
            rows = [(kind, store.relation_use(kind.name)) for kind in store.relation_types()]
        for line in _type_table(rows):
            print(line, file=out)
        return 0
    try:
        with Store.open(args.db, create=False, verify=True) as store:
            done = _add(store, args) if args.types_action == "add" else _delete(store, args)
    except BadRelation as error:
        raise StoreError(str(error)) from error
    print(done, file=out)
    return 0


def _add(store: Store, args) -> str:
    kinds = store.relation_types()
    colour = args.colour.lower() or default_colour(kinds)
    position = max((kind.position for kind in kinds), default=-1) + 1
    kind = RelationType(args.name, args.from_tag, args.to_tag, colour, args.key, args.description, position)
    store.save_relation_type(kind)
    return f"added relation type {kind.name!r}: {kind.source_tag} → {kind.target_tag}"


def _delete(store: Store, args) -> str:
    store.delete_relation_type(args.name)
    return f"deleted relation type {args.name!r}"


def _type_table(rows: list[tuple[RelationType, int]]) -> list[str]:
    table = [["name", "from", "to", "key", "colour", "relations", "description"]]
    table += [
        [k.name, k.source_tag, k.target_tag, k.key or "-", k.colour, str(used), k.description] for k, used in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in table]
