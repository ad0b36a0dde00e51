"""brat standoff: a ``.txt`` and an ``.ann`` beside it for each document.

brat reads the ``.txt`` as UTF-8 without changing its line ends and counts code points, so
its offsets count a CRLF as two. Text-bound annotations (``T`` lines) and their
``#`` AnnotatorNotes come in; relations, events, attributes and normalizations are counted.
https://brat.nlplab.org/standoff.html
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path, PurePosixPath

from reader.domain.corpus import normalize_newlines
from reader.domain.foreign.jsonio import read_text
from reader.domain.foreign.model import (
    ATTRIBUTE,
    DISCONTINUOUS,
    EVENT,
    NORMALIZATION,
    RELATION,
    BadPeerFile,
    ExportedDocument,
    PeerDocument,
    PeerFile,
    PeerSpan,
)
from reader.domain.offsets import Unit

NAME = "brat"
_FRAGMENT = re.compile(r"(\d{1,18}) (\d{1,18})")
_LINE_BREAKS = re.compile(r"[\r\n]*")
NOTE_ON_OTHER = "note on a relation, event or missing annotation"
_NOT_HELD = {"R": RELATION, "*": RELATION, "E": EVENT, "A": ATTRIBUTE, "M": ATTRIBUTE, "N": NORMALIZATION}


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
    notes: dict[str, list[str]] = {}
    for number, line in enumerate(ann.splitlines(), start=1):
        if not line.strip():
            continue
        kind = line[:1]
        if kind == "T":
            try:
                span = _text_bound(line, document.text)
            except ValueError as error:
                peer.problems.append((f"{where} line {number}", str(error)))
                continue
            if span is None:
                peer.skipped[DISCONTINUOUS] += 1
            else:
                spans[span.id] = span
        elif kind == "#":
            fields = line.split("\t")
            kind_and_target = fields[1].split(" ") if len(fields) > 1 else []
            if len(kind_and_target) == 2 and kind_and_target[0] == "AnnotatorNotes":
                notes.setdefault(kind_and_target[1], []).append(fields[2] if len(fields) > 2 else "")
            else:
                peer.problems.append((f"{where} line {number}", "a note that is not an AnnotatorNotes line"))
        elif kind in _NOT_HELD:
            peer.skipped[_NOT_HELD[kind]] += 1
        else:
            peer.problems.append((f"{where} line {number}", f"an annotation of unknown kind {kind!r}"))
    for target, texts in notes.items():
        if target in spans:
            span = spans[target]
            spans[target] = PeerSpan(span.start, span.end, span.label, span.text, "\n".join(texts), id=span.id)
        else:
            peer.skipped[NOTE_ON_OTHER] += len(texts)
    document.spans.extend(spans.values())


def _text_bound(line: str, text: str) -> PeerSpan | None:
    """The span of a ``T`` line; None for a discontinuous one (fragments apart by more than line breaks)."""
    fields = line.split("\t")
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
    """Each document as ``<name>.txt`` and ``<name>.ann`` under ``folder``; the number of spans."""
    count = 0
    for document in documents:
        stem = folder / _file_stem(document.name)
        stem.parent.mkdir(parents=True, exist_ok=True)
        stem.with_name(stem.name + ".txt").write_text(document.text, encoding="utf-8", newline="")
        stem.with_name(stem.name + ".ann").write_text(ann_text(document), encoding="utf-8", newline="")
        count += len(document.spans)
    return count


def ann_text(document: ExportedDocument) -> str:
    lines = []
    for number, span in enumerate(document.spans, start=1):
        # brat keeps a span on one line: one over a line break is written as fragments around it.
        pieces = _around_line_breaks(document.text, span.start, span.end)
        fragments = ";".join(f"{start} {end}" for start, end in pieces)
        quoted = " ".join(document.text[span.start : span.end].split("\n"))
        lines.append(f"T{number}\t{_brat_label(span.tag)} {fragments}\t{quoted}")
        if span.note:
            lines.append(f"#{number}\tAnnotatorNotes T{number}\t{_one_line(span.note)}")
    return "".join(line + "\n" for line in lines)


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


def _file_stem(name: str) -> str:
    parts = [part for part in PurePosixPath(name).parts if part not in ("", ".", "..", "/")]
    stem = "/".join(parts) or "document"
    return stem[: -len(".txt")] if stem.endswith(".txt") else stem
