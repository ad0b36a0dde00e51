"""``reader tags``: list a database's tags, or add, rename, recolour, rebind or delete one.

Each change is one transaction on a file checked whole first, as every command that writes;
a refusal is a StoreError, which the command line prints in one line with exit code 1."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from reader.domain.tags import BadTag, new_tag
from reader.store import Store, StoreError


def add_tags_parser(commands: argparse._SubParsersAction) -> None:
    """The ``tags`` command and its actions; --db may come before the action or after it."""
    tags = commands.add_parser(
        "tags",
        help="list the tags and how many annotations use each; add, rename, recolour, rebind or delete one",
        description="Without an action, list the tags. A change is refused, and nothing written, "
        "when a name is unknown or taken, a colour is not #RRGGBB, or a key belongs to another tag.",
    )
    tags.add_argument("--db", type=Path, metavar="FILE", help="the Reader database (SQLite)")
    tags.set_defaults(usage_error=tags.error)
    actions = tags.add_subparsers(dest="tags_action", metavar="ACTION")

    def action(name: str, help: str) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=help)
        # SUPPRESS: left out here, the --db given before the action stays.
        parser.add_argument("--db", type=Path, metavar="FILE", default=argparse.SUPPRESS, help="the Reader database")
        return parser

    add = action("add", "add a tag after the others")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--key", default="", metavar="K", help="the key that tags a selection with it (default: none)")
    add.add_argument(
        "--colour", default="", metavar="#RRGGBB", help="default: the next of the colour-blind-safe palette"
    )
    add.add_argument("--description", default="", metavar="D")

    rename = action("rename", "rename a tag; its annotations follow")
    rename.add_argument("name", metavar="OLD")
    rename.add_argument("new_name", metavar="NEW")

    recolour = action("recolour", "give a tag another colour")
    recolour.add_argument("name", metavar="NAME")
    recolour.add_argument("colour", metavar="#RRGGBB")

    key = action("key", 'give a tag another key ("" for none)')
    key.add_argument("name", metavar="NAME")
    key.add_argument("key", metavar="K")

    delete = action("delete", "delete a tag; one in use only with --move-to")
    delete.add_argument("name", metavar="NAME")
    delete.add_argument("--move-to", metavar="OTHER", help="the tag its annotations move to, in the same step")


def run_tags(args, out: TextIO, err: TextIO) -> int:
    if args.db is None:
        args.usage_error("the following arguments are required: --db")
    if args.tags_action is None:
        with Store.open(args.db, read_only=True) as store:
            tags, uses = store.tags(), store.counts()["by_tag"]
        for line in tag_table(tags, uses):
            print(line, file=out)
        return 0
    change = CHANGES[args.tags_action]
    # A delete that moves annotations changes many rows, and no undo brings their tag back:
    # the file is copied to backups/ first, as for the other commands that write many rows.
    backup = args.tags_action == "delete" and args.move_to is not None
    try:
        with Store.open(args.db, create=False, backup=backup, verify=True) as store:
            if store.backup_problem:
                print(f"reader: warning: {store.backup_problem}", file=err)
            with store.transaction():
                done = change(store, args)
    except BadTag as error:
        raise StoreError(str(error)) from error
    print(done, file=out)
    return 0


def tag_table(tags, uses: dict[str, int]) -> list[str]:
    """One line a tag, in the order of the tag bar, under a header; columns aligned."""
    rows = [["name", "key", "colour", "position", "annotations", "description"]]
    rows += [
        [tag.name, tag.key or "-", tag.colour, str(tag.position), str(uses.get(tag.name, 0)), tag.description]
        for tag in tags
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.rjust(width) if column in (3, 4) else cell.ljust(width)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def _add(store: Store, args) -> str:
    tag = new_tag(args.name, store.tags(), args.colour.lower(), args.key, args.description)
    store.save_tag(tag)
    return f"added tag {tag.name!r}: colour {tag.colour}, {_key_words(tag.key)}, position {tag.position}"


def _rename(store: Store, args) -> str:
    store.save_tag(dataclasses.replace(store.tag(args.name), name=args.new_name), old_name=args.name)
    return f"renamed tag {args.name!r} to {args.new_name!r}; its {store.tag_use(args.new_name)} annotation(s) followed"


def _recolour(store: Store, args) -> str:
    before = store.tag(args.name)
    store.save_tag(dataclasses.replace(before, colour=args.colour.lower()), old_name=args.name)
    return f"tag {args.name!r}: colour {args.colour.lower()} (was {before.colour})"


def _rebind(store: Store, args) -> str:
    before = store.tag(args.name)
    store.save_tag(dataclasses.replace(before, key=args.key), old_name=args.name)
    return f"tag {args.name!r}: {_key_words(args.key)} (was {_key_words(before.key)})"


def _delete(store: Store, args) -> str:
    store.tag(args.name)  # an unknown name is refused, not deleted quietly
    used = store.tag_use(args.name)
    if used and args.move_to is None:
        raise StoreError(
            f"tag {args.name!r} is used by {used} annotation(s); nothing was deleted "
            "(give --move-to OTHER to move them to another tag)"
        )
    deletion = store.delete_tag(args.name, args.move_to)
    done = f"deleted tag {args.name!r}"
    if args.move_to is not None:
        done += f"; moved its {len(deletion.moved)} annotation(s) to {args.move_to!r}"
    if deletion.relation_types:
        done += f"; and the relation type(s) that linked it: {', '.join(k.name for k in deletion.relation_types)}"
    return done


def _key_words(key: str) -> str:
    return f"key {key!r}" if key else "no key"


CHANGES: dict[str, Callable[[Store, argparse.Namespace], str]] = {
    "add": _add,
    "rename": _rename,
    "recolour": _recolour,
    "key": _rebind,
    "delete": _delete,
}
