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
