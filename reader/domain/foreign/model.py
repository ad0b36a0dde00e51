"""What a peer's file holds: documents with their text as the file has it, spans in the peer's
own offsets, and a count of what Reader cannot hold yet."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reader.domain.offsets import Unit

# Kinds of things a peer's file may hold that Reader does not (yet), as the report names them.
RELATION, EVENT, ATTRIBUTE, NORMALIZATION = "relation", "event", "attribute", "normalization"
DISCONTINUOUS = "discontinuous span"


class BadPeerFile(ValueError):
    """A file that is not in the format it was read as; the message says why in one line."""


@dataclass(frozen=True)
class PeerSpan:
    start: int  # in the file's unit, over the document's text as the file has it
    end: int
    label: str
    text: str | None = None  # what the file says the span covers, when it says it
    note: str = ""
    annotator: str = ""
    id: str = ""  # the peer's own id of the span, for messages


@dataclass
class PeerDocument:
    name: str
    text: str  # as the file has it: CRLF line ends stay, and the offsets count them
    spans: list[PeerSpan] = field(default_factory=list)


@dataclass
class PeerFile:
    format: str
    unit: Unit
    documents: list[PeerDocument] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # what Reader cannot hold yet, by kind
    problems: list[tuple[str, str]] = field(default_factory=list)  # (where, why) of what could not be read


@dataclass(frozen=True)
class ExportedSpan:
    """A span in Reader's terms, code points of the LF text: what a peer's span resolves to
    (resolve.py), and a Reader annotation as the peer formats write it."""

    start: int
    end: int
    tag: str
    text: str
    note: str = ""
    annotator: str = ""
    id: str = ""


@dataclass(frozen=True)
class ExportedDocument:
    name: str
    text: str
    spans: tuple[ExportedSpan, ...] = ()


@dataclass
class PeerImportReport:
    """What importing a peer's file did."""

    format: str
    documents_added: list[str] = field(default_factory=list)
    documents_matched: int = 0
    tags_created: list[str] = field(default_factory=list)
    imported: int = 0
    unchanged: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)  # (where, why)
    skipped: Counter[str] = field(default_factory=Counter)
