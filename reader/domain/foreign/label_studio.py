"""Label Studio's JSON export: an array of tasks (or one task), each with its ``data`` and
``annotations`` (``completions`` before Label Studio 1.0).

Label Studio counts a Text region's ``start`` and ``end`` in code points of the task's text
as it was imported: a CRLF counts two (its Text tag's documentation says so). A region's
``meta.text`` is its note; ``completed_by`` names the annotator when the export gives an
e-mail. A relation result links two regions of its annotation, ``from_id`` to ``to_id`` (the
other way for ``direction: left``; ``bi`` comes in as from to to), once for each of its
``labels``, and as ``related`` when it has none. Predictions, cancelled annotations and other
kinds of result are counted. A relation is written in the annotation that holds both its ends:
one between two annotators' spans has no place in Label Studio and is left out.
https://labelstud.io/guide/task_format
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from itertools import groupby
from pathlib import Path
from typing import TextIO

from reader.domain.foreign.jsonio import load, shown, text_of, whole_number
from reader.domain.foreign.model import (
    BadPeerFile,
    ExportedDocument,
    ExportedRelation,
    ExportedSpan,
    PeerDocument,
    PeerFile,
    PeerRelation,
    PeerSpan,
)
from reader.domain.offsets import Unit

NAME = "label-studio"
UNIT = Unit.CODE_POINTS
SPAN_RESULTS = ("labels", "hypertextlabels")
FROM_NAME, TO_NAME = "label", "text"
UNLABELLED = "related"  # the relation type of a relation result without labels


def read(path: Path) -> PeerFile:
    tasks = load(path)
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise BadPeerFile(f"{path.name} is not a Label Studio export (a JSON array of tasks)")
    peer = PeerFile(NAME, UNIT)
    for number, task in enumerate(tasks, start=1):
        where = f"task {task.get('id', number) if isinstance(task, dict) else number}"
        try:
            peer.documents.append(_document(task, path.stem, number, peer))
        except ValueError as error:
            peer.problems.append((where, str(error)))
    return peer


def _document(task: object, stem: str, number: int, peer: PeerFile) -> PeerDocument:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise ValueError(f"{shown(task)} is not a task with its data")
    data = task["data"]
    text = data.get("text")
    if text is None:
        texts = [value for value in data.values() if isinstance(value, str)]
        if len(texts) != 1:
            raise ValueError("its data has no 'text', and not exactly one other text to read")
        text = texts[0]
    meta = task.get("meta")
    name = (meta.get("document") if isinstance(meta, dict) else None) or f"{stem} {task.get('id', number)}"
    document = PeerDocument(name if isinstance(name, str) else f"{stem} {number}", text_of(text, "text"))
    # Label Studio before 1.0 called them completions; its converter still reads both.
    annotations = task.get("annotations", task.get("completions", []))
    if not isinstance(annotations, list):
        raise ValueError("its annotations are not a JSON array")
    for annotation in annotations:
        if not isinstance(annotation, dict):
            raise ValueError(f"annotation {shown(annotation)} is not a JSON object")
        if annotation.get("was_cancelled"):
            peer.skipped["cancelled annotation"] += 1
            continue
        annotator = _annotator(annotation.get("completed_by"))
        spans, relations = [], []
        for result in annotation.get("result") or []:
            if isinstance(result, dict) and result.get("type") == "relation":
                relations += _relations(result, annotator)
                continue
            span = _span(result, annotator, peer)
            if span is not None:
                spans.append(span)
        _add_annotation(document, spans, relations, annotation.get("id"))
    predictions = task.get("predictions", [])
    peer.skipped["prediction"] += len(predictions) if isinstance(predictions, list) else 0
    return document


def _span(result: object, annotator: str, peer: PeerFile) -> PeerSpan | None:
    if not isinstance(result, dict):
        raise ValueError(f"result {shown(result)} is not a JSON object")
    kind = result.get("type")
    value = result.get("value")
    if kind not in SPAN_RESULTS or not isinstance(value, dict):
        peer.skipped[f"{kind} result"] += 1
        return None
    labels = value.get(kind)
    if not isinstance(labels, list) or len(labels) != 1:
        raise ValueError(f"region {result.get('id', '')} has labels {shown(labels)}, not one label")
    note = result.get("meta", value.get("meta", {}))
    notes = note.get("text", []) if isinstance(note, dict) else []
    return PeerSpan(
        whole_number(value.get("start"), "start"),
        whole_number(value.get("end"), "end"),
        text_of(labels[0], "label"),
        text_of(value["text"], "text") if "text" in value else None,
        "\n".join(n for n in notes if isinstance(n, str)) if isinstance(notes, list) else "",
        annotator,
        str(result.get("id", "")),
    )


def _relations(result: dict, annotator: str) -> list[PeerRelation]:
    ends = text_of(result.get("from_id"), "from_id"), text_of(result.get("to_id"), "to_id")
    source, target = reversed(ends) if result.get("direction") == "left" else ends
    labels = result.get("labels") or [UNLABELLED]
    if not isinstance(labels, list):
        raise ValueError(f"relation from {source} to {target} has labels {shown(labels)}, not a list")
    return [PeerRelation(source, target, text_of(label, "relation label"), annotator=annotator) for label in labels]


def _add_annotation(
    document: PeerDocument, spans: list[PeerSpan], relations: list[PeerRelation], annotation_id: object
) -> None:
    """Region ids are unique within an annotation, not within a task (two annotations made from
    one prediction share them): an annotation whose ids are taken has them prefixed by its own."""
    if {span.id for span in document.spans} & {span.id for span in spans if span.id}:
        prefix = f"annotation {annotation_id}: "
        spans = [replace(span, id=prefix + span.id) for span in spans]
        relations = [replace(r, source_id=prefix + r.source_id, target_id=prefix + r.target_id) for r in relations]
    document.spans += spans
    document.relations += relations


def _annotator(completed_by: object) -> str:
    if isinstance(completed_by, dict) and isinstance(completed_by.get("email"), str):
        return completed_by["email"]
    return ""


def write(documents: Iterable[ExportedDocument], out: TextIO) -> int:
    """An array of tasks, one per document, with one annotation per annotator; its labelling
    configuration is ``LABEL_CONFIG`` with the tags as Labels."""
    tasks, count = [], 0
    for number, document in enumerate(documents, start=1):
        annotations: list[dict] = []
        by_annotator = groupby(sorted(document.spans, key=lambda s: s.annotator), key=lambda s: s.annotator)
        for annotator, group in by_annotator:
            spans = list(group)
            results = [_result(span) for span in spans] + _relation_results(spans, document.relations)
            annotation: dict = {"id": len(annotations) + 1, "result": results}
            if annotator:
                annotation["completed_by"] = {"email": annotator}
            count += len(spans)
            annotations.append(annotation)
        data = {"text": document.text}
        tasks.append({"id": number, "data": data, "meta": {"document": document.name}, "annotations": annotations})
    json.dump(tasks, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return count


def _result(span: ExportedSpan) -> dict:
    value = {"start": span.start, "end": span.end, "text": span.text, "labels": [span.tag]}
    result = {"id": span.id, "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels", "value": value}
    if span.note:
        result["meta"] = {"text": [span.note]}  # a region's meta text: Label Studio's note on it
    return result


def _relation_results(spans: list[ExportedSpan], relations: Iterable[ExportedRelation]) -> list[dict]:
    """The relations between two of ``spans`` (one annotation's), from ``from_id`` to ``to_id``."""
    ids = {span.id for span in spans}
    return [
        {"from_id": r.source_id, "to_id": r.target_id, "type": "relation", "direction": "right", "labels": [r.type]}
        for r in relations
        if r.source_id in ids and r.target_id in ids
    ]


def label_config(tags: Iterable[str], relation_types: Iterable[str] = ()) -> str:
    """The labelling configuration that shows the export: a Text, its Labels and the Relations."""
    labels = "".join(f'<Label value="{_xml(tag)}"/>' for tag in tags)
    text = f'<Text name="{TO_NAME}" value="$text"/>'
    kinds = "".join(f'<Relation value="{_xml(kind)}"/>' for kind in relation_types)
    relations = f"<Relations>{kinds}</Relations>" if kinds else ""
    return f'<View><Labels name="{FROM_NAME}" toName="{TO_NAME}">{labels}</Labels>{relations}{text}</View>'


def _xml(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
