"""brat standoff: a ``.txt`` and an ``.ann`` beside it for each document.

brat reads the ``.txt`` as UTF-8 without changing its line ends and counts code points, so
its offsets count a CRLF as two. Text-bound annotations (``T`` lines), relations (``R`` lines,
``Arg1`` the source, ``Arg2`` the target) and their ``#`` AnnotatorNotes come in; equivalences
(``*``), events, attributes and normalizations are counted, and so is a relation from or to an
event (the store counts it: its end is no span that came in).
https://brat.nlplab.org/standoff.html
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from itertools import count, pairwise
from pathlib import Path, PurePosixPath

from reader.domain.corpus import normalize_newlines
from reader.domain.foreign.jsonio import read_text
from reader.domain.foreign.model import (
    ATTRIBUTE,
    DISCONTINUOUS,
    EVENT,
    NORMALIZATION,
    BadPeerFile,
    ExportedDocument,
    PeerDocument,
    PeerFile,
    PeerRelation,
    PeerSpan,
)
from reader.domain.offsets import Unit

NAME = "brat"
_FRAGMENT = re.compile(r"(\d{1,18}) (\d{1,18})")
_LINE_BREAKS = re.compile(r"[\r\n]*")
_RELATION = re.compile(r"(\S+) Arg1:(\S+) Arg2:(\S+)")
NOTE_ON_OTHER = "note on an event or missing annotation"
EQUIVALENCE = "equivalence"
_NOT_HELD = {"*": EQUIVALENCE, "E": EVENT, "A": ATTRIBUTE, "M": ATTRIBUTE, "N": NORMALIZATION}


def read(path: Path) -> PeerFile:
    """A folder of ``.txt``/``.ann`` pairs (searched through its subfolders), or one of a pair."""
    peer = PeerFile(NAME, Unit.CODE_POINTS)
    for text_path, ann_path, name in _pairs(path):
        if not text_path.is_file():
            peer.problems.append((ann_path.name, f"there is no {text_path.name} beside it"))
            continue
        document = PeerDocument(name, read_text(text_path))
        _read_annotations(read_text(ann_path) if ann_path.is_file() else "", ann_path.name, document, peer)
        peer.documents.append(document)
    return peer


def _pairs(path: Path) -> list[tuple[Path, Path, str]]:
    if path.is_dir():
        found = sorted(path.rglob("*.ann"))
        if not found:
            raise BadPeerFile(f"{path} holds no brat .ann files")
        return [(a.with_suffix(".txt"), a, a.with_suffix(".txt").relative_to(path).as_posix()) for a in found]
    if path.suffix not in (".ann", ".txt"):
        raise BadPeerFile(f"{path.name} is neither a brat .ann nor .txt file, nor a folder of them")
    text_path = path.with_suffix(".txt")
    return [(text_path, path.with_suffix(".ann"), text_path.name)]


def _read_annotations(ann: str, where: str, document: PeerDocument, peer: PeerFile) -> None:
    spans: dict[str, PeerSpan] = {}
    relations: dict[str, PeerRelation] = {}
    notes: dict[str, list[str]] = {}
    for number, line in enumerate(ann.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            _read_line(line, document.text, spans, relations, notes, peer)
        except ValueError as error:
            peer.problems.append((f"{where} line {number}", str(error)))
    for target, texts in notes.items():
        if target in spans:
            spans[target] = replace(spans[target], note="\n".join(texts))
        elif target in relations:
            relations[target] = replace(relations[target], note="\n".join(texts))
        else:
            peer.skipped[NOTE_ON_OTHER] += len(texts)
    document.spans.extend(spans.values())
    document.relations.extend(relations.values())


def _read_line(
    line: str,
    text: str,
    spans: dict[str, PeerSpan],
    relations: dict[str, PeerRelation],
    notes: dict[str, list[str]],
    peer: PeerFile,
) -> None:
    """One line of an ``.ann`` into what it is; ValueError when it is none of brat's kinds."""
    kind, fields = line[:1], line.split("\t")
    if kind == "T":
        span = _text_bound(fields, text)
        if span is None:
            peer.skipped[DISCONTINUOUS] += 1
        else:
            spans[span.id] = span
    elif kind == "R":
        relations[fields[0]] = _relation(fields)
    elif kind == "#":
        kind_and_target = fields[1].split(" ") if len(fields) > 1 else []
        if len(kind_and_target) != 2 or kind_and_target[0] != "AnnotatorNotes":
            raise ValueError("a note that is not an AnnotatorNotes line")
        notes.setdefault(kind_and_target[1], []).append(fields[2] if len(fields) > 2 else "")
    elif kind in _NOT_HELD:
        peer.skipped[_NOT_HELD[kind]] += 1
    else:
        raise ValueError(f"an annotation of unknown kind {kind!r}")


def _relation(fields: list[str]) -> PeerRelation:
    """The relation of an ``R`` line: ``R1<TAB>Type Arg1:T1 Arg2:T2``."""
    match = _RELATION.fullmatch(fields[1].strip()) if len(fields) > 1 else None
    if match is None:
        raise ValueError("an R line needs an id, then a type with Arg1:<id> Arg2:<id>, apart by a tab")
    label, source, target = match.groups()
    return PeerRelation(source, target, label)


def _text_bound(fields: list[str], text: str) -> PeerSpan | None:
    """The span of a ``T`` line; None for a discontinuous one (fragments apart by more than line breaks)."""
    if len(fields) < 2 or " " not in fields[1]:
        raise ValueError("a T line needs an id, a type with offsets, and the text, apart by tabs")
    label, offsets = fields[1].split(" ", 1)
    fragments = []
    for piece in offsets.split(";"):
        match = _FRAGMENT.fullmatch(piece.strip())
        if match is None:
            raise ValueError(f"offsets {offsets!r} are not 'start end' pairs apart by ';'")
        fragments.append((int(match.group(1)), int(match.group(2))))
    # brat writes a span over a line break as fragments split at it: one span for Reader.
    for (_, end), (start, _) in pairwise(fragments):
        if end > start or not _LINE_BREAKS.fullmatch(text[end:start]):
            return None
    quoted = fields[2] if len(fields) > 2 and len(fragments) == 1 else None
    return PeerSpan(fragments[0][0], fragments[-1][1], label, quoted, id=fields[0])


def write(documents: Iterable[ExportedDocument], folder: Path) -> int:
    """Each document as ``<name>.txt`` and ``<name>.ann`` under ``folder``, its relations as
    ``R`` lines; the number of spans."""
    count = 0
    for document in documents:
        stem = folder / file_stem(document.name)
        stem.parent.mkdir(parents=True, exist_ok=True)
        stem.with_name(stem.name + ".txt").write_text(document.text, encoding="utf-8", newline="")
        stem.with_name(stem.name + ".ann").write_text(ann_text(document), encoding="utf-8", newline="")
        count += len(document.spans)
    return count


def ann_text(document: ExportedDocument) -> str:
    lines: list[str] = []
    note_numbers = count(1)
    brat_ids: dict[str, str] = {}
    for number, span in enumerate(document.spans, start=1):
        # brat keeps a span on one line: one over a line break is written as fragments around it.
        pieces = _around_line_breaks(document.text, span.start, span.end)
        fragments = ";".join(f"{start} {end}" for start, end in pieces)
        quoted = " ".join(document.text[span.start : span.end].split("\n"))
        brat_ids[span.id] = f"T{number}"
        lines.append(f"T{number}\t{_brat_label(span.tag)} {fragments}\t{quoted}")
        lines += _note(next(note_numbers) if span.note else 0, f"T{number}", span.note)
    for number, relation in enumerate(document.relations, start=1):
        ends = f"Arg1:{brat_ids[relation.source_id]} Arg2:{brat_ids[relation.target_id]}"
        lines.append(f"R{number}\t{_brat_label(relation.type)} {ends}\t")
        lines += _note(next(note_numbers) if relation.note else 0, f"R{number}", relation.note)
    return "".join(line + "\n" for line in lines)


def _note(number: int, target: str, note: str) -> list[str]:
    return [f"#{number}\tAnnotatorNotes {target}\t{_one_line(note)}"] if note else []


def _around_line_breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    fragments = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        fragments.append((start + match.start(), start + match.end()))
    return fragments or [(start, end)]


def _brat_label(tag: str) -> str:
    # A brat type is one token: the space that would end it becomes "_".
    return re.sub(r"\s", "_", tag)


def _one_line(note: str) -> str:
    return " ".join(normalize_newlines(note).split("\n"))


def file_stem(name: str) -> str:
    parts = [part for part in PurePosixPath(name).parts if part not in ("", ".", "..", "/")]
    stem = "/".join(parts) or "document"
    return stem[: -len(".txt")] if stem.endswith(".txt") else stem
