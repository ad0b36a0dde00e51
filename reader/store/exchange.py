"""Bringing exported annotation rows back into a database, and the relations rows and claims
rows of export's other tables (reader.domain.relation_tables) after them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from reader.domain.annotations import Annotation, BadAnnotation, BadSpan, MisquotedText
from reader.domain.documents import Document
from reader.domain.importing import ImportedRow
from reader.domain.relation_tables import ANNOTATIONS, CLAIMS, relation_of
from reader.domain.relations import Relation
from reader.domain.versions import relation_replaces, replaces
from reader.store.repo import Store
from reader.store.schema import StoreError


@dataclass
class RelationCounts:
    imported: int = 0
    unchanged: int = 0
    refused: int = 0  # refusals, each also a line of the ExchangeReport's

    def __bool__(self) -> bool:
        return bool(self.imported or self.unchanged or self.refused)


@dataclass
class ExchangeReport:
    imported: int = 0
    unchanged: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)
    # Rows taken in after undoing what a spreadsheet changed, by kind (resaved_csv.KINDS).
    normalised: Counter[str] = field(default_factory=Counter)
    relations: RelationCounts = field(default_factory=RelationCounts)


def import_annotation_rows(store: Store, rows: Iterable[ImportedRow], annotator: str = "") -> ExchangeReport:
    """Add each acceptable row, all in one transaction; report the others by line.

    A row is matched to its document by content hash, then by name, and must
    quote exactly the document's text at its offsets. A row whose id is already
    stored replaces it only when it wins by reader.domain.versions, as in a merge.

    The rows of relations and claims come in after every annotation, whichever line they
    are on; ``annotator`` makes the relations a claims row names (they come without one).
    """
    report = ExchangeReport()
    documents: dict[tuple[str, str], Document | None] = {}
    tags = store.tag_names()
    links: list[ImportedRow] = []
    with store.transaction():
        for row in rows:
            if row.table != ANNOTATIONS:
                links.append(row)
                continue
            if row.fields is None:
                report.refused.append((row.line, row.problem))
                continue
            problem = _import_one(store, row.fields, documents, tags, report)
            if problem:
                report.refused.append((row.line, problem))
            else:
                report.normalised.update(row.normalised)
        for row in links:
            problems = [row.problem] if row.fields is None else _import_links(store, row, annotator, report)
            report.refused += [(row.line, problem) for problem in problems]
            report.relations.refused += len(problems)
    report.refused.sort(key=lambda refusal: refusal[0])
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


def _import_links(store: Store, row: ImportedRow, annotator: str, report: ExchangeReport) -> list[str]:
    """Why each relation of the row could not come in (none, when all did)."""
    assert row.fields is not None
    if row.table != CLAIMS:
        problem = _import_relation(store, relation_of(row.fields), row.fields, report)
        return [problem] if problem else []
    problems = []
    for kind, target_id in row.fields["links"]:
        if store.relation_between(row.fields["claim_id"], kind, target_id) is not None:
            report.relations.unchanged += 1
            continue
        relation = Relation(kind, row.fields["claim_id"], target_id, annotator=annotator)
        problem = _stored(store, relation, None, row.fields["claim_tag"], "")
        if problem:
            problems.append(f"{kind} to {target_id}: {problem}")
        else:
            report.relations.imported += 1
    return problems


def _import_relation(store: Store, relation: Relation, fields: dict, report: ExchangeReport) -> str:
    """A relation by its id, as an annotation comes in: added, or over the stored one when it wins."""
    stored = store.relation(relation.id)
    if stored is not None and not relation_replaces(relation, stored):
        report.relations.unchanged += 1
        return ""
    problem = _stored(store, relation, stored, fields["source_tag"], fields["target_tag"])
    if problem:
        return f"relation {relation.id}: {problem}"
    report.relations.imported += 1
    return ""


def _stored(store: Store, relation: Relation, stored: Relation | None, source_tag: str, target_tag: str) -> str:
    """Why the relation cannot be written (the store checks it), or "" once it is. A missing type
    is not made here: what it looks like and which key picks it is the database's to decide."""
    if store.relation_type(relation.type) is None:
        return (
            f"unknown relation type {relation.type!r}; add it first: reader relation-types add {relation.type} "
            f"--from-tag {source_tag} --to-tag {target_tag or 'TAG'} --db FILE"
        )
    try:
        if stored is None:
            store.add_relation(relation)
        else:
            store.update_relation(relation)
    except StoreError as error:
        return str(error)
    return ""
