"""spaCy's DocBin (``.spacy``): the binary file ``spacy train`` reads, one ``Doc`` for each document.

A span's offsets are ``start_char``/``end_char``: Python's code points of the Doc's text (a CRLF
counts two). Its named entities (``doc.ents``) and every span group (``doc.spans``) come in, the
label as the tag; a span held twice (an entity that is also in a group) comes in once. Written
back, a document's spans all go into the ``"sc"`` group (spancat's default, overlaps allowed) and
those that do not overlap into ``doc.ents``; its name goes into ``user_data``. Reading and writing
need spaCy itself, a blank pipeline only: nothing is downloaded.
https://spacy.io/api/docbin
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.domain.foreign.model import BadPeerFile, ExportedDocument, ExportedSpan, PeerDocument, PeerFile, PeerSpan
from reader.domain.offsets import Unit

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

NAME = "spacy"
UNIT = Unit.CODE_POINTS
SPAN_GROUP = "sc"  # the group spaCy's spancat reads by default
LANGUAGE = "xx"  # spaCy's multi-language tokenizer: any text, no model
MISSING = "spaCy DocBin needs spacy: pip install 'reader[peers]'"
CATEGORY = "document category"
# A DocBin is one zlib stream; what it inflates to is read whole, so a small file that would
# inflate past this is refused before spaCy reads it.
_LARGEST_INFLATED = 2**30
_CHUNK = 2**24


def read(path: Path) -> PeerFile:
    nlp = _blank_pipeline()
    from spacy.tokens import DocBin

    try:
        data = path.read_bytes()
    except OSError as error:
        raise BadPeerFile(f"cannot read {path}: {error.strerror or error}") from error
    not_docbin = BadPeerFile(f"{path.name} is not a spaCy DocBin (.spacy) file")
    if not _inflates_within_limit(data):
        raise not_docbin
    try:
        docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    except Exception as error:  # a foreign binary file can break spaCy's reading in any way
        raise not_docbin from error
    peer = PeerFile(NAME, UNIT)
    for number, doc in enumerate(docs, start=1):
        peer.documents.append(_document(doc, f"doc-{number}"))
        peer.skipped[CATEGORY] += len(doc.cats)
    return peer


def _inflates_within_limit(data: bytes) -> bool:
    inflater = zlib.decompressobj()
    inflated, rest = 0, data
    try:
        while rest and inflated <= _LARGEST_INFLATED:
            inflated += len(inflater.decompress(rest, _CHUNK))
            rest = inflater.unconsumed_tail
    except zlib.error:
        return False
    return inflated <= _LARGEST_INFLATED


def _document(doc: Doc, default_name: str) -> PeerDocument:
    name = doc.user_data.get("name")
    document = PeerDocument(name if isinstance(name, str) and name else default_name, doc.text)
    seen = set()
    for span in _all_spans(doc):
        key = (span.start_char, span.end_char, span.label_)
        if key not in seen:
            seen.add(key)
            document.spans.append(PeerSpan(span.start_char, span.end_char, span.label_, span.text))
    return document


def _all_spans(doc: Doc) -> Iterator[Span]:
    yield from doc.ents
    for group in doc.spans.values():
        yield from group


def write(documents: Iterable[ExportedDocument], out: TextIO) -> int:
    """Every document as one Doc, to the bytes under ``out``; the number of spans."""
    nlp = _blank_pipeline()
    from spacy.tokens import DocBin

    docbin = DocBin(store_user_data=True)
    count = 0
    for document in documents:
        docbin.add(_doc(nlp, document))
        count += len(document.spans)
    out.flush()
    out.buffer.write(docbin.to_bytes())
    return count


def _doc(nlp: Language, document: ExportedDocument) -> Doc:
    from spacy.tokens import Doc

    words, spaces = _words(nlp, document)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    spans = [_span(doc, span) for span in document.spans]
    doc.spans[SPAN_GROUP] = spans
    doc.ents = _not_overlapping(spans)
    doc.user_data["name"] = document.name
    return doc


def _words(nlp: Language, document: ExportedDocument) -> tuple[list[str], list[bool]]:
    """spaCy's tokens of the text, cut where a span starts or ends inside one, so that every span
    is whole tokens. A space after a token is its own token only where a span starts or ends at it."""
    starts = {span.start for span in document.spans}
    ends = {span.end for span in document.spans}
    cuts = starts | ends
    words: list[str] = []
    spaces: list[bool] = []
    for token in nlp.tokenizer(document.text):
        start, end = token.idx, token.idx + len(token.text)
        inner = sorted(cut for cut in cuts if start < cut < end)
        for piece_start, piece_end in zip([start, *inner], [*inner, end], strict=True):
            words.append(document.text[piece_start:piece_end])
            spaces.append(False)
        if token.whitespace_:
            if end in starts or end + len(token.whitespace_) in ends:
                words.append(token.whitespace_)
                spaces.append(False)
            else:
                spaces[-1] = True
    return words, spaces


def _span(doc: Doc, span: ExportedSpan) -> Span:
    made = doc.char_span(span.start, span.end, label=span.tag)
    if made is None:  # _words cuts the tokens at every span's ends, so this is a bug
        raise AssertionError(f"{span.start}..{span.end} is not on token boundaries")
    return made


def _not_overlapping(spans: list[Span]) -> list[Span]:
    """The spans that can be ``doc.ents``: from the start, the longer first, none overlapping one taken."""
    taken: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if not taken or span.start >= taken[-1].end:
            taken.append(span)
    return taken


def _blank_pipeline() -> Language:
    try:
        import spacy
    except ImportError as error:
        raise BadPeerFile(MISSING) from error
    return spacy.blank(LANGUAGE)
