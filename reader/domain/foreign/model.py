"""What a peer's file holds: documents with their text as the file has it, spans in the peer's
own offsets, relations between them by the peer's ids of the spans, and a count of what Reader
cannot hold yet."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reader.domain.offsets import Unit

# Kinds of things a peer's file may hold that Reader does not (yet), as the report names them.
EVENT, ATTRIBUTE, NORMALIZATION = "event", "attribute", "normalization"
DISCONTINUOUS = "discontinuous span"
# A relation from or to something that did not come in as a span (an event, a token, a span refused).
RELATION_TO_OTHER = "relation to something not imported"


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
    id: str = ""  # the peer's own id of the span: what its relations name it by, and for messages


@dataclass(frozen=True)
class PeerRelation:
    """A typed link from one span of a document to another, each named by the peer's id of it."""

    source_id: str
    target_id: str
    label: str
    note: str = ""
    annotator: str = ""


@dataclass
class PeerDocument:
    name: str
    text: str  # as the file has it: CRLF line ends stay, and the offsets count them
    spans: list[PeerSpan] = field(default_factory=list)
    relations: list[PeerRelation] = field(default_factory=list)


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
    id: str = ""  # Reader's annotation id as written; the peer's id of the span as resolved


@dataclass(frozen=True)
class ExportedRelation:
    """A Reader relation as the peer formats write it: its ends are ids of the document's spans."""

    type: str
    source_id: str
    target_id: str
    note: str = ""
    annotator: str = ""
    id: str = ""


@dataclass(frozen=True)
class ExportedDocument:
    name: str
    text: str
    spans: tuple[ExportedSpan, ...] = ()
    relations: tuple[ExportedRelation, ...] = ()


@dataclass
class PeerImportReport:
    """What importing a peer's file did."""

    format: str
    documents_added: list[str] = field(default_factory=list)
    documents_matched: int = 0
    tags_created: list[str] = field(default_factory=list)
    relation_types_created: list[str] = field(default_factory=list)
    imported: int = 0
    unchanged: int = 0
    relations_imported: int = 0
    relations_unchanged: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)  # (where, why)
    skipped: Counter[str] = field(default_factory=Counter)
