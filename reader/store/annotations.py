"""The Store's annotations: each checked against its document and the tags before it is
written, and read back as Annotation objects."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from itertools import islice

from reader.domain.annotations import PENDING, Annotation, BadAnnotation, check_against, checked_span
from reader.store.columns import (
    ANNOTATION_FIELDS,
    annotation_values,
    insert_statement,
    replace_statement,
    select_statement,
)
from reader.store.documents import DocumentQueries
from reader.store.errors import StoreError
from reader.store.tags import TagQueries

_SELECT = select_statement(ANNOTATION_FIELDS)
_INSERT = insert_statement(ANNOTATION_FIELDS)
_UPDATE = replace_statement(ANNOTATION_FIELDS)


class AnnotationQueries(DocumentQueries, TagQueries):
    def add_annotation(self, annotation: Annotation) -> Annotation:
        """Store ``annotation`` after checking its span against the document and its tag."""
        with self.transaction():
            self._check(annotation)
            self.conn.execute(_INSERT, annotation_values(annotation))
        return annotation

    def add_annotations(self, annotations: Iterable[Annotation]) -> int:
        """Store every annotation or none: ``add_annotations_bulk``."""
        return self.add_annotations_bulk(annotations)

    def add_annotations_bulk(self, annotations: Iterable[Annotation], batch_size: int = 10_000) -> int:
        """Store many annotations, all or none, each checked as ``add_annotation`` checks it.

        One executemany per batch; a document's text is read once per run of its
        annotations and the tag names once: about 3× faster than ``add_annotation``
        for each (a savepoint and two look-ups per row), 12 µs a row.
        """
        tags = self.tag_names()
        document: tuple[int, str] | None = None
        count = 0
        pending = iter(annotations)
        with self.transaction():
            while batch := list(islice(pending, batch_size)):
                for annotation in batch:
                    if document is None or document[0] != annotation.document_id:
                        document = (annotation.document_id, self._document_text(annotation.document_id))
                    self._check(annotation, document[1], tags)
                self.conn.executemany(_INSERT, map(annotation_values, batch))
                count += len(batch)
        return count

    def update_annotation(self, annotation: Annotation) -> Annotation:
        """Write every field of ``annotation`` over the stored one with the same id."""
        with self.transaction():
            self._check(annotation)
            cursor = self.conn.execute(_UPDATE, [*annotation_values(annotation), annotation.id])
            if cursor.rowcount != 1:
                raise StoreError(f"no annotation with id {annotation.id}")
        return annotation

    def delete_annotation(self, annotation_id: str) -> None:
        with self.transaction():
            self.conn.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])

    def annotation(self, annotation_id: str) -> Annotation | None:
        found = self._annotations("WHERE id = ?", [annotation_id])
        return found[0] if found else None

    def annotations(self, document_id: int) -> list[Annotation]:
        """The document's annotations in text order."""
        return self._annotations('WHERE document_id = ? ORDER BY start, "end", created_at', [document_id])

    def annotations_overlapping(self, document_id: int, lo: int, hi: int) -> list[Annotation]:
        """The document's annotations that overlap ``[lo, hi)``, in text order: what a screen of it shows."""
        return self._annotations(
            'WHERE document_id = ? AND start < ? AND "end" > ? ORDER BY start, "end", created_at',
            [document_id, hi, lo],
        )

    def orphaned_annotations(self) -> list[Annotation]:
        return self._annotations("WHERE orphaned = 1 ORDER BY document_id, start")

    def annotators(self) -> list[str]:
        """Every name that made an annotation here, sorted (an empty name included)."""
        return [
            row["annotator"] for row in self._query("SELECT DISTINCT annotator FROM annotations ORDER BY annotator")
        ]

    def has_pending(self, document_id: int, tag: str | None = None, annotator: str | None = None) -> bool:
        """Whether the document has a pending annotation (of ``tag``, by ``annotator``) that still fits its text."""
        # The unary + keeps SQLite off the tag index: without statistics it would scan every
        # annotation of the tag (a third of a million rows) rather than the document's few.
        sql = "SELECT 1 AS found FROM annotations WHERE document_id = ? AND +status = ? AND orphaned = 0"
        params: list = [document_id, PENDING]
        if tag is not None:
            sql += " AND +tag = ?"
            params.append(tag)
        if annotator is not None:
            sql += " AND +annotator = ?"
            params.append(annotator)
        return self._one(sql + " LIMIT 1", params) is not None

    def check_annotation(
        self, annotation: Annotation, document_text: str | None = None, tag_names: Collection[str] | None = None
    ) -> None:
        """BadAnnotation for a span outside its document, a text other than the document's there,
        an unknown tag or status; the text and tag names are looked up unless given."""
        if document_text is None:
            quoted = self._quoted_span(annotation.document_id, annotation.start, annotation.end)
        else:
            quoted = checked_span(document_text, annotation.start, annotation.end)
        check_against(annotation, quoted, self.tag_names() if tag_names is None else tag_names)

    def _check(
        self, annotation: Annotation, document_text: str | None = None, tag_names: Collection[str] | None = None
    ) -> None:
        """``check_annotation``, refusing with a StoreError."""
        try:
            self.check_annotation(annotation, document_text, tag_names)
        except BadAnnotation as error:
            raise StoreError(str(error)) from error

    def _annotations(self, where: str, params: list | None = None) -> list[Annotation]:
        # Plain sqlite3 rows passed by position: sqlite-utils' dicts and keyword
        # arguments took 60 ms for a document of 10,000 annotations, this 36.
        return [Annotation(*row) for row in self.conn.execute(f"{_SELECT} {where}", params or [])]
