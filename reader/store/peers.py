"""The Store's side of other tools' files: bringing in what a peer's file holds, in one
transaction, and handing out the documents, annotations and relations to write in a peer's format."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.domain.annotations import Annotation, BadAnnotation
from reader.domain.relations import BadRelation, Relation, RelationType
from reader.domain.tags import Tag, default_colour
from reader.store.annotation_rows import AnnotationRows
from reader.store.errors import StoreError
from reader.store.relations import RelationQueries

if TYPE_CHECKING:  # imported where a peer's file is read or written: not with every store
    from reader.domain.foreign.model import (
        ExportedDocument,
        ExportedRelation,
        ExportedSpan,
        PeerFile,
        PeerImportReport,
        PeerRelation,
    )
    from reader.domain.foreign.resolve import ReaderDocument

_Link = tuple[str, str, str]  # (source annotation id, relation type, target annotation id)


class PeerQueries(RelationQueries, AnnotationRows):
    def import_peer(self, peer: PeerFile, source_path: str = "") -> PeerImportReport:
        """Bring in the documents the database lacks (matched by the hash of their LF text), the
        tags it lacks (with the default colours), each span that quotes its document's text, and
        each relation between two spans that came in or were held, of the relation type with
        the peer's label as its name (created for the two ends' tags when there is none).

        A span already held (same document, offsets and tag) is left unchanged, and so is a
        relation already held (same ends and type), so that importing the same file twice adds
        nothing the second time."""
        from reader.domain.foreign.model import PeerImportReport
        from reader.domain.foreign.resolve import resolve

        report = PeerImportReport(peer.format, refused=list(peer.problems), skipped=peer.skipped.copy())
        with self.transaction():
            tags = self.tags()
            kinds = {kind.name: kind for kind in self.relation_types()}
            for document in peer.documents:
                resolved = resolve(document, peer.unit)
                document_id, annotation_of = self._import_peer_document(resolved, source_path, tags, report)
                self._import_peer_relations(resolved, document_id, annotation_of, kinds, report)
        return report

    def _import_peer_document(
        self, document: ReaderDocument, source_path: str, tags: list[Tag], report: PeerImportReport
    ) -> tuple[int, dict[str, Annotation]]:
        """The document's id and, by the peer's id of each span, the annotation it came in as
        or was matched with."""
        from reader.domain.corpus import SourceText

        report.refused.extend(document.refused)
        stored = self.document_by_sha256(document.sha256)
        if stored is None:
            name = self._free_name(document.name)
            outcome = self._import(SourceText(name, source_path, document.text, "utf-8"))
            document_id = outcome.document_id
            report.documents_added.append(name)
        else:
            document_id = stored.id
            report.documents_matched += 1
        held = {(a.start, a.end, a.tag): a for a in self.annotations(document_id)}
        annotation_of: dict[str, Annotation] = {}
        for span in document.spans:
            annotation = held.get((span.start, span.end, span.tag))
            if annotation is not None:
                report.unchanged += 1
            else:
                annotation = self._import_peer_span(span, document, document_id, tags, report)
                if annotation is None:
                    continue
                held[(span.start, span.end, span.tag)] = annotation
                report.imported += 1
            if span.id:
                annotation_of[span.id] = annotation
        return document_id, annotation_of

    def _import_peer_span(
        self, span: ExportedSpan, document: ReaderDocument, document_id: int, tags: list[Tag], report: PeerImportReport
    ) -> Annotation | None:
        """The span stored as an annotation (its tag first when the database lacks it), or None
        when it is refused."""
        if span.tag not in {tag.name for tag in tags}:
            tag = Tag(span.tag, default_colour(tags), position=len(tags))
            self.save_tag(tag)
            tags.append(tag)
            report.tags_created.append(tag.name)
        annotation = Annotation(
            document_id, span.start, span.end, span.text, span.tag, note=span.note, annotator=span.annotator
        )
        try:
            self.check_annotation(annotation, document.text, {tag.name for tag in tags})
        except BadAnnotation as error:
            report.refused.append((f"{document.name}: {span.start}..{span.end}", str(error)))
            return None
        return self.add_annotation(annotation)

    def _import_peer_relations(
        self,
        document: ReaderDocument,
        document_id: int,
        annotation_of: dict[str, Annotation],
        kinds: dict[str, RelationType],
        report: PeerImportReport,
    ) -> None:
        from reader.domain.foreign.model import RELATION_TO_OTHER

        linked: set[_Link] = {(r.source_id, r.type, r.target_id) for r in self.document_relations(document_id)}
        for relation in document.relations:
            source, target = annotation_of.get(relation.source_id), annotation_of.get(relation.target_id)
            if source is None or target is None:
                report.skipped[RELATION_TO_OTHER] += 1
                continue
            where = f"{document.name}: relation {relation.label!r} from {relation.source_id} to {relation.target_id}"
            try:
                self._import_peer_relation(relation, source, target, kinds, linked, report)
            except (BadRelation, StoreError) as error:
                report.refused.append((where, str(error)))

    def _import_peer_relation(
        self,
        peer_relation: PeerRelation,
        source: Annotation,
        target: Annotation,
        kinds: dict[str, RelationType],
        linked: set[_Link],
        report: PeerImportReport,
    ) -> None:
        """Store one relation, and its type first when the database has none of its name; a
        type of that name linking other tags refuses it (BadRelation or StoreError say why)."""
        kind = kinds.get(peer_relation.label) or self._new_relation_type(peer_relation.label, source, target, kinds)
        link = (source.id, kind.name, target.id)
        if link in linked:
            report.relations_unchanged += 1
            return
        relation = Relation(kind.name, source.id, target.id, peer_relation.note, peer_relation.annotator)
        with self.transaction():  # a savepoint: a refused relation leaves no new type behind
            if kind.name not in kinds:
                self.save_relation_type(kind)
            self.add_relation(relation)
        if kind.name not in kinds:
            kinds[kind.name] = kind
            report.relation_types_created.append(kind.name)
        linked.add(link)
        report.relations_imported += 1

    @staticmethod
    def _new_relation_type(
        name: str, source: Annotation, target: Annotation, kinds: dict[str, RelationType]
    ) -> RelationType:
        position = max((kind.position for kind in kinds.values()), default=-1) + 1
        return RelationType(name, source.tag, target.tag, default_colour(list(kinds.values())), position=position)

    def _free_name(self, name: str) -> str:
        """``name``, or with " (2)", " (3)"… when another document has it."""
        candidate, number = name, 1
        while self.name_taken(candidate):
            number += 1
            candidate = f"{name} ({number})"
        return candidate

    def peer_export_documents(self) -> Iterator[ExportedDocument]:
        """Every document with its annotations (orphans left out), in name and text order, and
        the relations between them."""
        from reader.domain.foreign.model import ExportedDocument, ExportedSpan

        spans: dict[str, list[ExportedSpan]] = defaultdict(list)
        for row in self.export_rows():
            fields = (row["start"], row["end"], row["tag"], row["text"], row["note"], row["annotator"])
            spans[row["document"]].append(ExportedSpan(*fields, id=row["annotation_id"]))
        for summary in self.documents():
            document = self.document(summary.id)
            held = tuple(spans.get(document.name, ()))
            yield ExportedDocument(document.name, document.text, held, self._exported_relations(document.id, held))

    def _exported_relations(self, document_id: int, spans: tuple[ExportedSpan, ...]) -> tuple[ExportedRelation, ...]:
        """The document's relations whose two ends are among ``spans`` (an orphan is not)."""
        from reader.domain.foreign.model import ExportedRelation

        ids = {span.id for span in spans}
        return tuple(
            ExportedRelation(r.type, r.source_id, r.target_id, r.note, r.annotator, r.id)
            for r in self.document_relations(document_id)
            if r.source_id in ids and r.target_id in ids
        )
