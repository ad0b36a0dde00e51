"""Real databases for the document list's tests: documents with chosen titles and names, and
as many annotations (some reviewed) as each should count, written through the Store."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.domain.annotations import ACCEPTED, PENDING, Annotation
from reader.domain.corpus import SourceText
from reader.store import Store

_BODY = "Москва и Петербург. " * 8


@dataclass(frozen=True)
class Listed:
    name: str
    title: str
    annotations: int = 0
    reviewed: int = 0


def numbered(count: int) -> list[Listed]:
    """``count`` documents whose titles come in another order than their names, mentioning
    Moscow (Cyrillic for the filter), with 0 to 3 annotations each, none reviewed."""
    return [Listed(f"doc-{i:05d}.txt", f"Title {(i * 7919) % count:05d} о Москве", i % 4) for i in range(count)]


def listing_database(path: Path, documents: list[Listed]) -> Path:
    """A Reader database at ``path`` holding ``documents``; their ids are 1, 2, … in order."""
    with Store.open(path) as store:
        with store.transaction():
            ids = [
                store.import_source(
                    SourceText(d.name, f"/corpus/{d.name}", f"{d.title}\n{_BODY}{number}", "utf-8")
                ).document_id
                for number, d in enumerate(documents)
            ]
        store.add_annotations_bulk(
            Annotation(
                document_id=document_id,
                start=len(d.title) + 1 + 7 * k,
                end=len(d.title) + 7 + 7 * k,
                text=f"{d.title}\n{_BODY}"[len(d.title) + 1 + 7 * k : len(d.title) + 7 + 7 * k],
                tag="actor",
                status=ACCEPTED if k < d.reviewed else PENDING,
            )
            for document_id, d in zip(ids, documents, strict=True)
            for k in range(d.annotations)
        )
    return path
