"""The Store's side of other tools' files: bringing in what a peer's file holds, in one
transaction, and handing out the documents and annotations to write in a peer's format."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from reader.domain.annotations import Annotation, BadAnnotation
from reader.domain.corpus import SourceText
from reader.domain.foreign.model import ExportedDocument, ExportedSpan, PeerFile, PeerImportReport
from reader.domain.foreign.resolve import ReaderDocument, resolve
from reader.domain.tags import Tag, default_colour
from reader.store.annotation_rows import AnnotationRows
from reader.store.annotations import AnnotationQueries


class PeerQueries(AnnotationQueries, AnnotationRows):
    def import_peer(self, peer: PeerFile, source_path: str = "") -> PeerImportReport:
        """Bring in the documents the database lacks (matched by the hash of their LF text), the
        tags it lacks (with the default colours) and each span that quotes its document's text.

        A span already held (same document, offsets and tag) is left unchanged, so that importing
        the same file twice adds nothing the second time."""
        report = PeerImportReport(peer.format, refused=list(peer.problems), skipped=peer.skipped.copy())
        with self.transaction():
            tags = self.tags()
            for document in peer.documents:
                self._import_peer_document(resolve(document, peer.unit), source_path, tags, report)
        return report

    def _import_peer_document(
        self, document: ReaderDocument, source_path: str, tags: list[Tag], report: PeerImportReport
    ) -> None:
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
        held = {(a.start, a.end, a.tag) for a in self.annotations(document_id)}
        for span in document.spans:
            if (span.start, span.end, span.tag) in held:
                report.unchanged += 1
                continue
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
                continue
            self.add_annotation(annotation)
            held.add((span.start, span.end, span.tag))
            report.imported += 1

    def _free_name(self, name: str) -> str:
        """``name``, or with " (2)", " (3)"… when another document has it."""
        candidate, number = name, 1
        while self.name_taken(candidate):
            number += 1
            candidate = f"{name} ({number})"
        return candidate

    def peer_export_documents(self) -> Iterator[ExportedDocument]:
        """Every document with its annotations (orphans left out), in name and text order."""
        spans: dict[str, list[ExportedSpan]] = defaultdict(list)
        for row in self.export_rows():
            fields = (row["start"], row["end"], row["tag"], row["text"], row["note"], row["annotator"])
            spans[row["document"]].append(ExportedSpan(*fields, id=row["annotation_id"]))
        for summary in self.documents():
            document = self.document(summary.id)
            yield ExportedDocument(document.name, document.text, tuple(spans.get(document.name, ())))
