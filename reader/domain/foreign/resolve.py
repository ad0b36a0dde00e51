"""A peer's documents and spans in Reader's terms: the LF text, code-point offsets, each span
checked against the text it claims to cover. Each span keeps the peer's id of it, by which the
document's relations (passed on as they are) name their ends."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.domain.corpus import normalize_newlines, sha256_of
from reader.domain.foreign.model import ExportedSpan, PeerDocument, PeerRelation, PeerSpan
from reader.domain.offsets import PeerOffsets, Unit
from reader.domain.tags import BadTag, Tag

_SHOWN = 40


@dataclass
class ReaderDocument:
    name: str
    text: str  # LF-normalized
    spans: list[ExportedSpan] = field(default_factory=list)
    relations: list[PeerRelation] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (where, why)

    @property
    def sha256(self) -> str:
        return sha256_of(self.text)


def resolve(document: PeerDocument, unit: Unit) -> ReaderDocument:
    text = normalize_newlines(document.text)
    resolved = ReaderDocument(document.name, text, relations=list(document.relations))
    offsets = PeerOffsets.for_text(document.text, unit)
    for span in document.spans:
        where = f"{document.name}: {span.id or 'span'} {span.label!r} at {span.start}..{span.end}"
        try:
            resolved.spans.append(_span(span, offsets, text))
        except ValueError as error:
            resolved.refused.append((where, str(error)))
    return resolved


def _span(span: PeerSpan, offsets: PeerOffsets, text: str) -> ExportedSpan:
    start, end = offsets.range_to_reader(span.start, span.end)
    if not start < end:
        raise ValueError("the span is empty or ends before it starts")
    quoted = text[start:end]
    if span.text is not None and normalize_newlines(span.text) != quoted:
        raise ValueError(f"the file says it covers {span.text[:_SHOWN]!r}, but the text there is {quoted[:_SHOWN]!r}")
    try:
        Tag(span.label, "#000000")
    except BadTag as error:
        raise ValueError(str(error)) from error
    return ExportedSpan(start, end, span.label, quoted, span.note, span.annotator, span.id)
