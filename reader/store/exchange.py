"""Bringing exported annotation rows back into a database."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from reader.domain.annotations import Annotation, BadAnnotation, BadSpan, MisquotedText
from reader.domain.documents import Document
from reader.domain.importing import ImportedRow
from reader.domain.versions import replaces
from reader.store.repo import Store
from reader.store.schema import StoreError


@dataclass
class ExchangeReport:
    imported: int = 0
    unchanged: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)
    # Rows taken in after undoing what a spreadsheet changed, by kind (resaved_csv.KINDS).
    normalised: Counter[str] = field(default_factory=Counter)


def import_annotation_rows(store: Store, rows: Iterable[ImportedRow]) -> ExchangeReport:
    """Add each acceptable row, all in one transaction; report the others by line.

    A row is matched to its document by content hash, then by name, and must
    quote exactly the document's text at its offsets. A row whose id is already
    stored replaces it only when it wins by reader.domain.versions, as in a merge.
    """
    report = ExchangeReport()
    documents: dict[tuple[str, str], Document | None] = {}
    tags = store.tag_names()
    with store.transaction():
        for row in rows:
            if row.fields is None:
                report.refused.append((row.line, row.problem))
                continue
            problem = _import_one(store, row.fields, documents, tags, report)
            if problem:
                report.refused.append((row.line, problem))
            else:
                report.normalised.update(row.normalised)
    return report


def _import_one(
    store: Store,
    fields: dict,
    documents: dict[tuple[str, str], Document | None],
    tags: set[str],
    report: ExchangeReport,
) -> str:
    key = (fields["document_sha256"], fields["document"])
    if key not in documents:
        document = store.document_by_sha256(key[0])
        if document is None:
            try:
                document = store.find_document(key[1])
            except StoreError:  # no such name either
                document = None
        documents[key] = document
    document = documents[key]
    if document is None:
        return f"no document with hash {key[0][:12]}… or name {key[1]!r}"
    annotation = Annotation(
        id=fields["annotation_id"],
        document_id=document.id,
        start=fields["start"],
        end=fields["end"],
        text=fields["text"],
        tag=fields["tag"],
        note=fields["note"],
        annotator=fields["annotator"],
        status=fields["status"],
        reviewer=fields["reviewer"],
        review_note=fields["review_note"],
        created_at=fields["created_at"],
        updated_at=fields["updated_at"],
    )
    try:
        store.check_annotation(annotation, document.text, tags)
    except MisquotedText:
        return f"text at {annotation.start}..{annotation.end} of {document.name!r} is not {annotation.text[:40]!r}"
    except BadSpan as error:
        return f"{document.name!r}: {error}"
    except BadAnnotation as error:
        return str(error)
    stored = store.annotation(annotation.id)
    if stored is None:
        store.add_annotation(annotation)
        report.imported += 1
    elif replaces(asdict(annotation), asdict(stored)):
        store.update_annotation(annotation)
        report.imported += 1
    else:
        report.unchanged += 1
    return ""
