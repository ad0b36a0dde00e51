"""What the peer-format tests read back: every stored annotation, checked against its document."""

from __future__ import annotations

from pathlib import Path

from reader.store import Store

PEERS = Path(__file__).parent.parent / "data" / "peers"


def held(db: Path) -> list[tuple[str, str, str, str]]:
    """(document name, tag, text, note) of every stored annotation, checked against its document."""
    with Store.open(db, read_only=True) as store:
        found = []
        for summary in store.documents():
            document = store.document(summary.id)
            for annotation in store.annotations(document.id):
                assert document.text[annotation.start : annotation.end] == annotation.text
                found.append((document.name, annotation.tag, annotation.text, annotation.note))
        return found


def held_without_notes(db: Path) -> list[tuple[str, str, str]]:
    """(document name, tag, text): for formats that have no place for a note."""
    return [(name, tag, text) for name, tag, text, _ in held(db)]


def held_relations(db: Path) -> list[tuple[str, str, str, str, str, str, str]]:
    """(document name, type, source tag, source text, target tag, target text, note) of every
    stored relation, each end checked to be an annotation of the relation's document."""
    with Store.open(db, read_only=True) as store:
        found = []
        for summary in store.documents():
            for relation in store.document_relations(summary.id):
                source, target = store.annotation(relation.source_id), store.annotation(relation.target_id)
                assert source is not None and target is not None
                assert source.document_id == target.document_id == summary.id
                ends = (source.tag, source.text, target.tag, target.text)
                found.append((summary.name, relation.type, *ends, relation.note))
        return found
