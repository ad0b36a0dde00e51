"""The review's queries under their old names: each forwards to the Store method of the same name."""

from __future__ import annotations

from reader.store.repo import Store


def annotators(store: Store) -> list[str]:
    return store.annotators()


def document_counts(store: Store, document_id: int) -> tuple[int, int]:
    return store.document_counts(document_id)


def has_pending(store: Store, document_id: int, tag: str | None = None, annotator: str | None = None) -> bool:
    return store.has_pending(document_id, tag, annotator)
