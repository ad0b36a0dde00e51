"""Bringing several Reader databases together into one: documents by content, annotations by id.

The rules, in the order they are applied to each source:

- Tags: a tag missing from the target is added (without its key when another tag
  there already has that key). A tag of the same name but another colour keeps the
  colour it had first (the target's own, or the earliest source's); this is reported.
- Documents: matched by the sha256 of their text, whatever their names. A new
  document whose name is taken by a different text is added as ``name (SOURCE).ext``,
  and reported.
- Annotations: matched by id. A new one is added. When the same id differs, the
  version changed later wins (reader.domain.versions, the rule annotation import
  follows too) and the conflict is listed with both versions. Orphaned annotations are
  copied as they are, still marked orphaned.
- Relation types and relations: after every source's annotations, by the rules of
  reader.store.relation_merge (relations by id, the newest change wins; one that does
  not fit the merged annotations is refused and reported).

Sources are opened read-only and never written; merging the same sources into the
same target again changes nothing. An existing target is backed up first
(reader.store.backup). The whole merge is one transaction: a merge that
fails leaves the target as it was; a new target is built beside its name and
renamed into place only when it is complete.
"""

from __future__ import annotations

import os
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from reader.domain.text import shortened
from reader.domain.versions import replaces
from reader.files import partial_path, remove_stale_partials, same_file
from reader.store.relation_merge import RelationMerge, RelationMergeReport, relation_report_lines
from reader.store.repo import Store
from reader.store.schema import StoreError, database_files


@dataclass(frozen=True)
class RenamedDocument:
    source: str
    name: str
    new_name: str


@dataclass(frozen=True)
class MatchedByContent:
    """A source document found in the target under another name."""

    source: str
    name: str
    target_name: str


@dataclass(frozen=True)
class TagConflict:
    name: str
    kept_colour: str
    other_colour: str
    source: str


@dataclass(frozen=True)
class AnnotationConflict:
    annotation_id: str
    document: str
    kept: str
    kept_from: str
    other: str
    other_from: str


@dataclass
class MergeReport:
    target: str
    documents_added: int = 0
    documents_present: int = 0
    renamed: list[RenamedDocument] = field(default_factory=list)
    matched_by_content: list[MatchedByContent] = field(default_factory=list)
    tags_added: list[str] = field(default_factory=list)
    tag_conflicts: list[TagConflict] = field(default_factory=list)
    keys_dropped: list[tuple[str, str]] = field(default_factory=list)
    annotations_added: int = 0
    annotations_updated: int = 0
    annotations_unchanged: int = 0
    conflicts: list[AnnotationConflict] = field(default_factory=list)
    relations: RelationMergeReport = field(default_factory=RelationMergeReport)
    backup_problem: str = ""  # why an existing target could not be backed up first

    @property
    def changed(self) -> bool:
        return bool(
            self.documents_added
            or self.tags_added
            or self.annotations_added
            or self.annotations_updated
            or self.relations.changed
        )


def merge(sources: list[Path], target: Path) -> MergeReport:
    """Merge ``sources`` into ``target`` (a new file, or an existing Reader database)."""
    sources, target = [Path(s) for s in sources], Path(target)
    for source in sources:
        if same_file(source, target):
            raise StoreError(f"{target} is also a source; merge into a new file or a copy (sources are never changed)")
    if target.exists() and target.stat().st_size > 0:
        return _merge_into(sources, target, target, created=False)
    # A new target is built beside its final name and renamed into place when complete,
    # so that a merge cut short leaves no half-made file for a later merge to trust.
    remove_stale_partials(target.parent, of=target.name)
    partial = partial_path(target)
    try:
        report = _merge_into(sources, partial, target, created=True)
        os.replace(partial, target)
    finally:
        for leftover in database_files(partial):
            leftover.unlink(missing_ok=True)
    return report


def _merge_into(sources: list[Path], path: Path, target: Path, created: bool) -> MergeReport:
    with ExitStack() as stack:
        # Sources first: a refused source leaves no target behind.
        readers = [stack.enter_context(Store.open(s, read_only=True)) for s in sources]
        into = stack.enter_context(Store.open(path, backup=True))
        report = MergeReport(str(target), backup_problem=into.backup_problem)
        with into.transaction():
            if created:  # the tags and relation types are the sources' own, not a new file's defaults
                for kind in into.relation_types():
                    into.delete_relation_type(kind.name)
                for tag in into.tags():
                    into.delete_tag(tag.name)
            origins: dict[str, str] = {}
            for source, reader in zip(sources, readers, strict=True):
                _Merge(into, reader, str(source), report, origins).run()
            # Relations only once every source's annotations are in: a later version of an
            # end (another tag, say) decides whether a relation still fits.
            relation_origins: dict[str, str] = {}
            for source, reader in zip(sources, readers, strict=True):
                RelationMerge(into, reader, str(source), report.relations, relation_origins).run()
    return report


class _Merge:
    """One source into the target, inside the target's transaction."""

    def __init__(self, into: Store, source: Store, label: str, report: MergeReport, origins: dict[str, str]):
        self.into, self.source, self.label, self.report = into, source, label, report
        self.origins = origins  # annotation id -> the source its stored version came from

    def run(self) -> None:
        self._tags()
        document_ids = self._documents()
        self._annotations(document_ids)

    def _tags(self) -> None:
        have = {tag.name: tag for tag in self.into.tags()}
        keys = {tag.key for tag in have.values() if tag.key}
        position = max((tag.position for tag in have.values()), default=-1)
        for tag in self.source.tags():
            mine = have.get(tag.name)
            if mine is not None:
                if mine.colour.lower() != tag.colour.lower():
                    self.report.tag_conflicts.append(TagConflict(tag.name, mine.colour, tag.colour, self.label))
                continue
            if tag.key and tag.key in keys:
                self.report.keys_dropped.append((tag.name, tag.key))
                tag = replace(tag, key="")
            position += 1
            tag = replace(tag, position=position)
            self.into.save_tag(tag)
            have[tag.name] = tag
            keys.add(tag.key)
            self.report.tags_added.append(tag.name)

    def _documents(self) -> dict[int, int]:
        """Add the source's new documents; map each source document id to the target's."""
        ids = {}
        for summary in self.source.documents():
            document = self.source.document(summary.id)
            there = self.into.document_by_sha256(document.sha256)
            if there is not None:
                ids[document.id] = there.id
                self.report.documents_present += 1
                if there.name != document.name:
                    self.report.matched_by_content.append(MatchedByContent(self.label, document.name, there.name))
                continue
            name = self._free_name(document.name)
            if name != document.name:
                self.report.renamed.append(RenamedDocument(self.label, document.name, name))
            ids[document.id] = self.into.copy_document(document, name, self.source.document_origin(document.id))
            self.report.documents_added += 1
        return ids

    def _free_name(self, name: str) -> str:
        path = PurePosixPath(name)
        mark = Path(self.label).stem
        candidate, n = name, 1
        while self.into.name_taken(candidate):
            n += 1
            suffix = mark if n == 2 else f"{mark} {n - 1}"
            candidate = str(path.with_name(f"{path.stem} ({suffix}){path.suffix}"))
        return candidate

    def _annotations(self, document_ids: dict[int, int]) -> None:
        for row in self.source.annotation_rows():
            row["document_id"] = document_ids[row["document_id"]]
            stored = self.into.annotation_row(row["id"])
            if stored is None:
                self.into.insert_annotation_row(row)
                self.origins[row["id"]] = self.label
                self.report.annotations_added += 1
                continue
            if stored == row:
                self.report.annotations_unchanged += 1
                continue
            stored_from = self.origins.get(row["id"], str(self.into.path))
            newer = replaces(row, stored)
            kept, other = (row, stored) if newer else (stored, row)
            kept_from, other_from = (self.label, stored_from) if newer else (stored_from, self.label)
            self.report.conflicts.append(
                AnnotationConflict(
                    row["id"],
                    self._document_name(kept["document_id"]),
                    _summary(kept),
                    kept_from,
                    _summary(other),
                    other_from,
                )
            )
            if newer:
                self.into.replace_annotation_row(row)
                self.origins[row["id"]] = self.label
                self.report.annotations_updated += 1
            else:
                self.report.annotations_unchanged += 1

    def _document_name(self, document_id: int) -> str:
        return self.into.document(document_id).name


def _summary(row: dict) -> str:
    parts = [f"{row['tag']} {row['start']}..{row['end']} {shortened(row['text'], 30)!r}", row["status"]]
    if row["note"]:
        parts.append(f"note {row['note'][:30]!r}")
    parts.append(f"by {row['annotator'] or '?'}, updated {row['updated_at']}")
    return ", ".join(parts)


def report_lines(report: MergeReport, source_count: int) -> list[str]:
    """What a merge did, line by line, as the command line prints it and the window shows it."""
    lines = [
        f"merged {source_count} file(s) into {report.target}",
        f"documents: {report.documents_added} added, {report.documents_present} already there",
    ]
    for renamed in report.renamed:
        lines.append(
            f"  renamed: {renamed.name!r} of {renamed.source} is {renamed.new_name!r} here (another text has its name)"
        )
    for matched in report.matched_by_content:
        lines.append(f"  same text: {matched.name!r} of {matched.source} is {matched.target_name!r} here")
    added_tags = f" ({', '.join(report.tags_added)})" if report.tags_added else ""
    lines.append(f"tags: {len(report.tags_added)} added{added_tags}")
    for clash in report.tag_conflicts:
        lines.append(f"  colour: tag {clash.name!r} keeps {clash.kept_colour}; {clash.source} has {clash.other_colour}")
    for name, key in report.keys_dropped:
        lines.append(f"  key: tag {name!r} was added without its key {key!r}, which another tag has")
    lines.append(
        f"annotations: {report.annotations_added} added, {report.annotations_updated} updated, "
        f"{report.annotations_unchanged} unchanged"
    )
    if report.conflicts:
        lines.append(
            f"conflicts: {len(report.conflicts)} annotation(s) differ between files; the newest change was kept"
        )
    for conflict in report.conflicts:
        lines.append(f"  {conflict.annotation_id} in {conflict.document!r}")
        lines.append(f"    kept:      {conflict.kept} ({conflict.kept_from})")
        lines.append(f"    set aside: {conflict.other} ({conflict.other_from})")
    return lines + relation_report_lines(report.relations)
