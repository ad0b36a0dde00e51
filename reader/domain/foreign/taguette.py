"""Taguette's project database: documents kept as HTML, highlights with one or more tags each.

A highlight's ``start_offset`` and ``end_offset`` count UTF-8 bytes of the document's text nodes,
tags not counted (taguette.js ``describePos``, extract.py). Reader shows that text as lines: a
paragraph, heading or list ends its line, ``<br>`` breaks one and table cells are set apart by a
tab, so the offsets are mapped from the text nodes to those lines. A highlight with several tags
becomes one span a tag; one with none is counted. The database itself is read by the store
(reader.store.taguette_database); this module knows only what its rows mean.
https://gitlab.com/remram44/taguette/-/blob/master/taguette/database/models.py
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from reader.domain.corpus import normalize_newlines
from reader.domain.foreign.jsonio import text_of, whole_number
from reader.domain.foreign.model import PeerDocument, PeerFile, PeerSpan
from reader.domain.offsets import PeerOffsets, Unit

NAME = "taguette"
UNIT = Unit.CODE_POINTS  # of the lines this module makes; the bytes are converted here
UNTAGGED = "highlight without a tag"

_SHOWN = 40


@dataclass(frozen=True)
class TaguetteDocument:
    id: int
    name: str
    contents: str  # HTML


@dataclass(frozen=True)
class TaguetteHighlight:
    id: int
    document_id: int
    start: int  # UTF-8 bytes of the document's text nodes
    end: int
    snippet: str  # HTML of what the highlight covers
    tags: tuple[str, ...]
    user: str = ""  # who added it, from the project's highlight_add commands


@dataclass
class TaguetteProject:
    documents: list[TaguetteDocument] = field(default_factory=list)
    highlights: list[TaguetteHighlight] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentLines:
    """A document's HTML as Reader's text, and where each run of its text nodes went."""

    text_content: str  # the text nodes joined, as Taguette counts them
    text: str
    content_starts: tuple[int, ...]  # code point in text_content where each kept run starts
    text_starts: tuple[int, ...]  # and where it went in text
    lengths: tuple[int, ...]

    def to_text(self, content_offset: int, *, is_end: bool) -> int:
        """The offset in ``text`` of a code-point offset in ``text_content``. A start in white space
        that was dropped (between paragraphs) or at a run's end moves to the next run's start; an
        end there stays at the end of the run before it."""
        if is_end:
            index = bisect_left(self.content_starts, content_offset) - 1  # the last run starting before it
            if index < 0:
                return 0
            return self.text_starts[index] + min(content_offset - self.content_starts[index], self.lengths[index])
        index = bisect_right(self.content_starts, content_offset) - 1
        if index >= 0 and content_offset < self.content_starts[index] + self.lengths[index]:
            return self.text_starts[index] + content_offset - self.content_starts[index]
        return self.text_starts[index + 1] if index + 1 < len(self.text_starts) else len(self.text)


def document_lines(html: str) -> DocumentLines:
    from reader.domain.extracting.html_layout import HtmlLayout  # with html.parser: not at every start-up

    layout = HtmlLayout()
    layout.feed(normalize_newlines(html))  # as a browser's DOM has it: no CR in a text node
    layout.close()
    return DocumentLines(
        "".join(layout.content),
        "".join(layout.text),
        tuple(layout.content_starts),
        tuple(layout.text_starts),
        tuple(layout.lengths),
    )


def text_content(html: str) -> str:
    return document_lines(html).text_content


def peer_file(project: TaguetteProject) -> PeerFile:
    peer = PeerFile(NAME, UNIT)
    documents: dict[int, tuple[PeerDocument, DocumentLines, PeerOffsets]] = {}
    for document in project.documents:
        try:
            lines = document_lines(text_of(document.contents, "its contents"))
        except ValueError as error:
            peer.problems.append((f"document {document.name!r}", str(error)))
            continue
        peer_document = PeerDocument(document.name, lines.text)
        peer.documents.append(peer_document)
        documents[document.id] = (peer_document, lines, PeerOffsets.for_text(lines.text_content, Unit.UTF8))
    for highlight in project.highlights:
        where = f"highlight {highlight.id}"
        if highlight.document_id not in documents:
            peer.problems.append((where, f"its document {highlight.document_id} is not in the project"))
            continue
        if not highlight.tags:
            peer.skipped[UNTAGGED] += 1
            continue
        peer_document, lines, offsets = documents[highlight.document_id]
        try:
            start, end = _span(highlight, lines, offsets)
        except ValueError as error:
            peer.problems.append((f"{peer_document.name}: {where}", str(error)))
            continue
        for tag in highlight.tags:
            span = PeerSpan(start, end, tag, lines.text[start:end], annotator=highlight.user, id=where)
            peer_document.spans.append(span)
    return peer


def _span(highlight: TaguetteHighlight, lines: DocumentLines, offsets: PeerOffsets) -> tuple[int, int]:
    start, end = whole_number(highlight.start, "start_offset"), whole_number(highlight.end, "end_offset")
    content_start, content_end = offsets.range_to_reader(start, end)
    quoted = text_content(text_of(highlight.snippet, "its snippet"))
    covered = lines.text_content[content_start:content_end]
    if quoted != covered:
        raise ValueError(f"its snippet says {quoted[:_SHOWN]!r}, but the text there is {covered[:_SHOWN]!r}")
    return lines.to_text(content_start, is_end=False), lines.to_text(content_end, is_end=True)
