"""doccano's JSONL export of a sequence-labelling project: one document a line.

doccano's browser counts offsets as JavaScript does, in UTF-16 code units of the text as
imported (a CRLF counts two). The plain export has ``"label": [[start, end, label], ...]``;
with relations it has ``"entities"`` (``id``, ``start_offset``, ``end_offset``, ``label``) and
``"relations"`` (``id``, ``from_id``, ``to_id``, ``type``): both come in. Its ``"Comments"``
belong to a whole document, not a span: counted. The export is the plain one unless it holds a
relation: then every line is written as a relation-extraction project's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import count
from pathlib import Path
from typing import TextIO

from reader.domain.foreign.jsonio import lines, shown, text_of, whole_number
from reader.domain.foreign.model import ExportedDocument, ExportedSpan, PeerDocument, PeerFile, PeerRelation, PeerSpan
from reader.domain.offsets import OffsetMap, Unit

NAME = "doccano"
UNIT = Unit.UTF16
DOCUMENT_COMMENT, DOCUMENT_LABEL = "document comment", "document label"


def read(path: Path) -> PeerFile:
    peer = PeerFile(NAME, UNIT)
    for number, record, problem in lines(path):
        where = f"line {number}"
        if not isinstance(record, dict):
            peer.problems.append((where, problem or f"{shown(record)} is not a JSON object"))
            continue
        try:
            document = _document(record, f"{path.stem} {number}", peer)
        except ValueError as error:
            peer.problems.append((where, str(error)))
            continue
        peer.documents.append(document)
    return peer


def _document(record: dict, default_name: str, peer: PeerFile) -> PeerDocument:
    text = text_of(record.get("text", record.get("data")), "text")
    name = record.get("name") or record.get("filename") or default_name
    document = PeerDocument(name if isinstance(name, str) else default_name, text)
    labels = record.get("label", record.get("labels", []))
    entities = record.get("entities", [])
    if not isinstance(labels, list) or not isinstance(entities, list):
        raise ValueError("its labels are not a JSON array")
    for label in labels:
        if isinstance(label, str):  # a text-classification project's label of the whole document
            peer.skipped[DOCUMENT_LABEL] += 1
            continue
        if not (isinstance(label, list) and len(label) == 3):
            raise ValueError(f"label {shown(label)} is not [start, end, label]")
        document.spans.append(
            PeerSpan(whole_number(label[0], "start"), whole_number(label[1], "end"), text_of(label[2], "label"))
        )
    for entity in entities:
        if not isinstance(entity, dict):
            raise ValueError(f"entity {shown(entity)} is not a JSON object")
        document.spans.append(
            PeerSpan(
                whole_number(entity.get("start_offset"), "start_offset"),
                whole_number(entity.get("end_offset"), "end_offset"),
                text_of(entity.get("label"), "label"),
                id=str(entity.get("id", "")),
            )
        )
    relations = record.get("relations", [])
    if not isinstance(relations, list):
        raise ValueError("its relations are not a JSON array")
    document.relations.extend(_relation(relation) for relation in relations)
    comments = record.get("Comments", [])
    peer.skipped[DOCUMENT_COMMENT] += len(comments) if isinstance(comments, list) else 0
    return document


def _relation(relation: object) -> PeerRelation:
    if not isinstance(relation, dict):
        raise ValueError(f"relation {shown(relation)} is not a JSON object")
    ends = [relation.get(end) for end in ("from_id", "to_id")]
    if not all(type(end) in (int, str) for end in ends):
        raise ValueError(f"relation {shown(relation)} does not name its two entities by their ids")
    return PeerRelation(str(ends[0]), str(ends[1]), text_of(relation.get("type"), "relation type"))


def write(documents: Iterable[ExportedDocument], out: TextIO) -> int:
    """One document a line, offsets in UTF-16 units as doccano counts them: the plain export, or
    entities and relations (their ids counted through the file) when a document has a relation."""
    documents = list(documents)
    with_relations = any(document.relations for document in documents)
    entity_ids, relation_ids = count(1), count(1)
    for number, document in enumerate(documents, start=1):
        units = OffsetMap.for_text(document.text)
        record: dict = {"id": number, "name": document.name, "text": document.text}
        if with_relations:
            ids = {span.id: next(entity_ids) for span in document.spans}
            record["entities"] = [_entity(ids[span.id], span, units) for span in document.spans]
            record["relations"] = [
                {"id": next(relation_ids), "from_id": ids[r.source_id], "to_id": ids[r.target_id], "type": r.type}
                for r in document.relations
            ]
        else:
            record["label"] = [[units.to_utf16(s.start), units.to_utf16(s.end), s.tag] for s in document.spans]
        record["Comments"] = []
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return sum(len(document.spans) for document in documents)


def _entity(number: int, span: ExportedSpan, units: OffsetMap) -> dict:
    return {
        "id": number,
        "start_offset": units.to_utf16(span.start),
        "end_offset": units.to_utf16(span.end),
        "label": span.tag,
    }
