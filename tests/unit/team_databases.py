"""Small annotators' databases on disk, for the merge and agreement tests."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path

from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.store import Store


def make_db(path: Path, documents: dict[str, str], spans=(), **fields) -> list[Annotation]:
    """A database holding ``documents`` (name: text) and one annotation per
    ``(document name, start, end, tag)`` in ``spans``, each with ``fields``."""
    added = []
    with Store.open(path) as store:
        ids = {
            name: store.import_source(SourceText(name, "", text, "utf-8")).document_id
            for name, text in documents.items()
        }
        for name, start, end, tag in spans:
            added.append(
                store.add_annotation(Annotation(ids[name], start, end, documents[name][start:end], tag, **fields))
            )
    return added


def changed_in_two_files(a: Path, b: Path, text: str, start: int, end: int, a_time: str, b_time: str) -> Annotation:
    """One annotation with the same id in A and B (B began as a copy of A): then A gave it a
    note at ``a_time``, and B made it an accepted claim at ``b_time``."""
    [original] = make_db(a, {"meeting.txt": text}, [("meeting.txt", start, end, "actor")], annotator="alice")
    shutil.copyfile(a, b)
    with Store.open(a) as store:
        store.update_annotation(replace(original, note="checked by alice", updated_at=a_time))
    with Store.open(b) as store:
        store.update_annotation(replace(original, tag="claim", status="accepted", reviewer="bob", updated_at=b_time))
    return original


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export_digest(path: Path) -> str:
    """The sha256 of every exported row, in export order."""
    with Store.open(path, read_only=True) as store:
        rows = [dict(row) for row in store.export_rows()]
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()


def counts(path: Path) -> dict:
    with Store.open(path, read_only=True) as store:
        return {**store.counts(), "tags": [(t.name, t.colour, t.key) for t in store.tags()]}
