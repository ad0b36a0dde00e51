"""Prodigy's JSONL: one example a line, ``{"text", "spans": [{"start", "end", "label"}], "answer"}``.

Prodigy's spans are spaCy's character offsets: Python's code points of the text as given
(a CRLF counts two). Only accepted examples (or ones with no answer) come in; rejected and
ignored ones are counted. A relation (``{"head", "child", "head_span", "child_span", "label"}``)
comes in between the spans its ``head_span`` and ``child_span`` are (same offsets and label); one
from or to a token that is no span is counted. Relations are not written: Prodigy's name their
ends by token, and Reader's export has no tokens. https://prodi.gy/docs/api-interfaces
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from reader.domain.foreign.jsonio import lines, shown, text_of, whole_number
from reader.domain.foreign.model import ExportedDocument, PeerDocument, PeerFile, PeerRelation, PeerSpan
from reader.domain.offsets import Unit

NAME = "prodigy"
UNIT = Unit.CODE_POINTS


def read(path: Path) -> PeerFile:
    peer = PeerFile(NAME, UNIT)
    for number, record, problem in lines(path):
        where = f"line {number}"
        if not isinstance(record, dict):
            peer.problems.append((where, problem or f"{shown(record)} is not a JSON object"))
            continue
        answer = record.get("answer", "accept")
        if answer != "accept":
            kind = answer if isinstance(answer, str) and len(answer) <= 20 else "unanswered"
            peer.skipped[f"{kind} example"] += 1
            continue
        try:
            peer.documents.append(_document(record, f"{path.stem} {number}", peer))
        except ValueError as error:
            peer.problems.append((where, str(error)))
    return peer


def _document(record: dict, default_name: str, peer: PeerFile) -> PeerDocument:
    meta = record.get("meta")
    name = meta.get("document") if isinstance(meta, dict) else None
    document = PeerDocument(name if isinstance(name, str) else default_name, text_of(record.get("text"), "text"))
    spans = record.get("spans", [])
    if not isinstance(spans, list):
        raise ValueError("its spans are not a JSON array")
    for number, span in enumerate(spans, start=1):
        if not isinstance(span, dict):
            raise ValueError(f"span {shown(span)} is not a JSON object")
        document.spans.append(
            PeerSpan(
                whole_number(span.get("start"), "start"),
                whole_number(span.get("end"), "end"),
                text_of(span.get("label"), "label"),
                text_of(span["text"], "text") if "text" in span else None,
                id=str(span.get("id") or f"span {number}"),
            )
        )
    relations = record.get("relations", [])
    if not isinstance(relations, list):
        raise ValueError("its relations are not a JSON array")
    document.relations.extend(_relation(relation, document.spans) for relation in relations)
    return document


def _relation(relation: object, spans: list[PeerSpan]) -> PeerRelation:
    if not isinstance(relation, dict):
        raise ValueError(f"relation {shown(relation)} is not a JSON object")
    head, child = (_span_id(relation.get(end), spans) for end in ("head_span", "child_span"))
    return PeerRelation(head, child, text_of(relation.get("label"), "relation label"))


def _span_id(end: object, spans: list[PeerSpan]) -> str:
    """The id of the span a relation's end is, or "" when it is a token that is no span."""
    if not isinstance(end, dict):
        return ""
    label = end.get("label")
    for span in spans:
        if (span.start, span.end) == (end.get("start"), end.get("end")) and label in (None, span.label):
            return span.id
    return ""


def write(documents: Iterable[ExportedDocument], out: TextIO) -> int:
    """One accepted example a line, the document's name in its ``meta``."""
    count = 0
    for document in documents:
        spans = [{"start": s.start, "end": s.end, "label": s.tag, "text": s.text} for s in document.spans]
        record = {"text": document.text, "spans": spans, "meta": {"document": document.name}, "answer": "accept"}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += len(spans)
    return count
