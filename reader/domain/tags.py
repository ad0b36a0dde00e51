"""Tags: the labels annotators put on spans."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from reader.paths import resource_path

# Default colours of tags, in the order tags are added: Paul Tol's "bright" scheme, then his
# "muted" one, both chosen to stay apart for colour-blind readers. Past these the colours
# repeat, and the reader pane still tells tags apart by their dash pattern and label.
PALETTE = (
    "#4477aa",
    "#ee6677",
    "#228833",
    "#ccbb44",
    "#66ccee",
    "#aa3377",
    "#bbbbbb",
    "#332288",
    "#117733",
    "#882255",
    "#44aa99",
    "#999933",
    "#cc6677",
    "#ddcc77",
)

_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_NAME = re.compile(r"^[^\s\x00-\x1f][^\x00-\x1f]{0,63}$")


class BadTag(ValueError):
    """A tag definition that cannot be used; the message says why in one line."""


@dataclass(frozen=True)
class Tag:
    name: str
    colour: str
    key: str = ""
    description: str = ""
    position: int = 0

    def __post_init__(self) -> None:
        check_name(self.name, "tag name")
        if not is_colour(self.colour):
            raise BadTag(f"tag colour {self.colour!r} must look like #rrggbb")
        if len(self.key) > 1 or (self.key and (self.key.isspace() or not self.key.isprintable())):
            raise BadTag(f"tag key {self.key!r} must be a single visible character")


def is_colour(colour: object) -> bool:
    return isinstance(colour, str) and bool(_HEX_COLOUR.match(colour))


def check_name(name: object, what: str) -> None:
    """BadTag unless ``name`` can name a tag (or a relation type): 1-64 printable characters
    without surrounding spaces."""
    if not isinstance(name, str) or not _NAME.match(name) or name != name.strip():
        raise BadTag(f"{what} {name!r} must be 1-64 printable characters without surrounding spaces")


def default_tags() -> list[Tag]:
    import tomllib  # for a new database only: not at every start-up

    with resource_path("tags.toml").open("rb") as handle:
        table = tomllib.load(handle)
    return [Tag(position=i, **entry) for i, entry in enumerate(table["tag"])]


class Coloured(Protocol):
    @property
    def colour(self) -> str: ...


def default_colour(tags: Sequence[Coloured]) -> str:
    """The colour for a new tag (or relation type) beside ``tags``: the first of PALETTE none
    of them has, else by count."""
    taken = {tag.colour.lower() for tag in tags}
    return next((colour for colour in PALETTE if colour not in taken), PALETTE[len(tags) % len(PALETTE)])


def new_tag(name: str, beside: list[Tag], colour: str = "", key: str = "", description: str = "") -> Tag:
    """A tag to add after the tags ``beside``: in the palette's next colour unless given one."""
    return Tag(
        name=name,
        colour=colour or default_colour(beside),
        key=key,
        description=description,
        position=max((tag.position for tag in beside), default=-1) + 1,
    )
