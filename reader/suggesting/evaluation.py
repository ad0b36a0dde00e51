"""How a suggester's spans compare with a hand-labelled development set (tests/data/suggest/):
per tag, precision, recall and F1, exact and by overlap, as agreement scores annotators."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reader.domain.agreement import AgreementReport, Span, compare
from reader.suggesting.model import Suggestion

CORE_DATES = {"absolute", "relative", "time"}
CORE = "date (core)"


@dataclass(frozen=True)
class LabelledDocument:
    name: str
    text: str
    gold: list[dict]  # rows of seeds_gold.jsonl: tag, start, end, text, kind (+ source)


def development_set(gold_file: Path, texts: Path) -> list[LabelledDocument]:
    """The labelled documents of ``gold_file`` (JSONL), their texts read from ``texts``."""
    rows: dict[str, list[dict]] = {}
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows.setdefault(row["document"], []).append(row)
    return [LabelledDocument(name, (texts / name).read_text(encoding="utf-8"), gold) for name, gold in rows.items()]


def evaluate(documents: Iterable[LabelledDocument], suggested: Mapping[str, list[Suggestion]]) -> AgreementReport:
    """The gold (A) against the suggestions (B), per tag and for core dates apart."""
    documents = list(documents)
    gold = [
        span
        for d in documents
        for span in _spans(d.name, ((r["tag"], r["start"], r["end"], r["kind"]) for r in d.gold))
    ]
    found = [
        span for d in documents for span in _spans(d.name, ((s.tag, s.start, s.end, s.kind) for s in suggested[d.name]))
    ]
    return compare(gold, found, {d.name: len(d.text) for d in documents})


def _spans(document: str, rows: Iterable[tuple[str, int, int, str]]) -> list[Span]:
    spans = []
    for tag, start, end, kind in rows:
        spans.append((document, start, end, tag))
        if tag == "date" and kind in CORE_DATES:
            spans.append((document, start, end, CORE))
    return spans


def speakers_named(documents: Iterable[LabelledDocument], suggested: Mapping[str, list[Suggestion]]) -> tuple[int, int]:
    """(claims whose suggested speaker is the gold source's mention, gold claims with a source
    that a suggested claim overlaps). A source that is a pronoun or a role noun ("Он",
    "министр") is resolved to an earlier mention by the suggester, and so counts as missed."""
    named, paired = 0, 0
    for document in documents:
        claims = [s for s in suggested[document.name] if s.tag == "claim"]
        for row in document.gold:
            if row["tag"] != "claim" or "source" not in row:
                continue
            partner = next((c for c in claims if c.start < row["end"] and row["start"] < c.end), None)
            if partner is not None:
                paired += 1
                named += partner.speaker == (row["source"]["start"], row["source"]["end"])
    return named, paired
