"""The Store's suggestions (reader.domain.suggestions): saved once per span and tag, never over an
annotation of their tag; accepted as pending annotations (with the said_by and dated links a
claim's suggestion names), rejected for good, and each of these taken back for an undo.

Every suggestion listed is one the document still has at its offsets, of a tag the database
still has: a re-import that changed the text, or a tag deleted, leaves the stored rows alone
but out of sight (saving suggestions for that document again forgets the ones its text lost)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from reader.domain.annotations import ACCEPTED, PENDING, REJECTED, Annotation, BadSpan, check_bounds, new_id, utc_now
from reader.domain.relations import DATED, SAID_BY, Relation, RelationType
from reader.domain.suggestions import OPEN, Accepted, SaveReport, Span, StoredSuggestion, coverage_by_tag
from reader.store.columns import insert_statement, select_statement
from reader.store.errors import StoreError
from reader.store.relations import RelationQueries

if TYPE_CHECKING:  # the store needs only its fields, not the suggesting package
    from reader.suggesting.model import Suggestion

SUGGESTION_COLUMNS = (
    "id",
    "document_id",
    "start",
    "end",
    "text",
    "tag",
    "suggester",
    "version",
    "kind",
    "status",
    "speaker_start",
    "speaker_end",
    "when_start",
    "when_end",
    "annotation_id",
    "created_at",
    "updated_at",
)
_SELECT = select_statement(SUGGESTION_COLUMNS, "suggestions")
_INSERT = insert_statement(SUGGESTION_COLUMNS, "suggestions")
_TEXT_ORDER = 'ORDER BY start, "end", tag, id'
# A claim's suggested links: the relation type, and the columns of the span it points to.
_LINKS = ((SAID_BY, "speaker"), (DATED, "when"))


class _Linking(NamedTuple):
    """What linking the annotations of one acceptance needs: the relation types by name, each
    document's claims accepted before (SuggestionQueries._claims_accepted_before), who and when."""

    kinds: dict[str, RelationType]
    claims: dict[int, dict[tuple[str, Span], list[tuple[str, str]]]]
    annotator: str
    when: str


class SuggestionQueries(RelationQueries):
    # Saving

    def save_suggestions(self, document_id: int, suggestions: Iterable[Suggestion], when: str = "") -> SaveReport:
        """Store the document's new suggestions in one transaction, each checked against its text
        (a span the text does not have there refuses them all), each span and tag once (as the
        first of them suggests it, uncounted after it). Not stored: a span already held
        with that tag (open, accepted, or rejected: then never again), one that overlaps an
        annotation of its tag (rejected and reviewed ones too), one of a tag the database lacks."""
        made = when or utc_now()
        counts: Counter[str] = Counter()
        added: Counter[str] = Counter()
        with self.transaction():
            text = self._document_text(document_id)
            self._forget_stale_suggestions(document_id, text)
            held = {
                (start, end, tag): status
                for start, end, tag, status in self.conn.execute(
                    'SELECT start, "end", tag, status FROM suggestions WHERE document_id = ?', [document_id]
                )
            }
            covered = coverage_by_tag(self.annotated_spans(document_id))
            tags = self.tag_names()
            seen = set()  # two suggesters may suggest one span: it is stored once, as the first
            for suggestion in suggestions:
                _check_suggestion(suggestion, text)
                key = (suggestion.start, suggestion.end, suggestion.tag)
                if key in seen:
                    continue
                seen.add(key)
                if key in held:
                    counts["rejected_before" if held[key] == REJECTED else "already_there"] += 1
                elif suggestion.tag not in tags:
                    counts["unknown_tag"] += 1
                elif covered(*key):
                    counts["over_annotations"] += 1
                else:
                    held[key] = OPEN
                    added[suggestion.tag] += 1
                    self.conn.execute(_INSERT, _values(_stored(document_id, suggestion, made)))
        return SaveReport(added=added.total(), added_by_tag=dict(sorted(added.items())), **counts)

    def _forget_stale_suggestions(self, document_id: int, text: str) -> None:
        rows = self.conn.execute('SELECT id, start, "end", text FROM suggestions WHERE document_id = ?', [document_id])
        stale = [(row[0],) for row in rows if text[row[1] : row[2]] != row[3]]
        self.conn.executemany("DELETE FROM suggestions WHERE id = ?", stale)

    def annotated_spans(self, document_id: int, rejected: bool = True) -> list[tuple[int, int, str]]:
        """(start, end, tag) of the document's annotations that still fit its text, in text order;
        those rejected in review too unless ``rejected`` is False."""
        rows = self.conn.execute(
            """
            SELECT start, "end", tag FROM annotations
            WHERE document_id = ? AND orphaned = 0 AND (? OR status != ?)
            ORDER BY start, "end", tag
            """,
            [document_id, rejected, REJECTED],
        )
        return [tuple(row) for row in rows]

    # Reading

    def suggestions(self, document_id: int, status: str | None = OPEN) -> list[StoredSuggestion]:
        """The document's suggestions of ``status`` (None: every status) in text order. An open one
        is listed while no annotation of its tag overlaps it: once the annotator tags that span,
        or one overlapping it, the suggestion is out of sight."""
        where, params = "WHERE document_id = ?", [document_id, status]
        if status is None:
            params.pop()
        else:
            where += " AND status = ?"
        found = self._suggestions(f"{where} {_TEXT_ORDER}", params)
        if not found:  # most documents: no need to read the text and every annotation
            return []
        text, tags = self._document_text(document_id), self.tag_names()
        found = [s for s in found if s.tag in tags and text[s.start : s.end] == s.text]
        if status == OPEN:
            covered = coverage_by_tag(self.annotated_spans(document_id))
            found = [s for s in found if not covered(s.start, s.end, s.tag)]
        return found

    def suggestion(self, suggestion_id: str) -> StoredSuggestion | None:
        """The stored suggestion with that id, whatever its status."""
        found = self._suggestions("WHERE id = ?", [suggestion_id])
        return found[0] if found else None

    def suggestion_counts(self, document_id: int) -> dict[str, int]:
        """{tag: how many open suggestions ``suggestions`` lists}, by tag name."""
        return dict(sorted(Counter(s.tag for s in self.suggestions(document_id)).items()))

    def suggestion_export_rows(self) -> Iterator[dict]:
        """Every open suggestion ``suggestions`` lists, as a row of export's annotation columns,
        in document name and text order: annotation_id is the suggestion's id, annotator the
        suggester and its version, status pending, note and review columns empty."""
        documents = self.conn.execute(
            """
            SELECT d.id, d.name, d.sha256 FROM documents d
            WHERE EXISTS (SELECT 1 FROM suggestions s WHERE s.document_id = d.id AND s.status = ?)
            ORDER BY d.name
            """,
            [OPEN],
        ).fetchall()
        for document_id, name, sha256 in documents:
            origin = self.document_origin(document_id)
            for s in self.suggestions(document_id):
                block = origin.block_at(s.start)
                yield {
                    "annotation_id": s.id,
                    "document": name,
                    "document_sha256": sha256,
                    "start": s.start,
                    "end": s.end,
                    "text": s.text,
                    "tag": s.tag,
                    "note": "",
                    "annotator": s.source,
                    "status": PENDING,
                    "reviewer": "",
                    "review_note": "",
                    "created_at": s.created_at,
                    "updated_at": s.updated_at,
                    "source_type": origin.source_type,
                    "source_page": block.page if block else None,
                    "source_paragraph": block.paragraph if block else None,
                    "source_date": origin.published,
                    "source_url": origin.url,
                }

    # Accepting, rejecting, and taking either back

    def accept_suggestions(self, ids: Sequence[str], annotator: str, when: str = "") -> list[Accepted]:
        """Make each open suggestion a pending annotation by ``annotator`` (same span, text and
        tag), all in one transaction, and link it as its suggestion says: a claim to the
        annotation of its tag's said_by/dated target at exactly its speaker's/date's span, and
        an annotation to the accepted claims whose speaker or date it is, if those relation
        types exist and fit. In text order; one that overlaps an annotation of its tag (one
        accepted just before it too) stays open. Returns what was made, for ``undo_accept``."""
        made = when or utc_now()
        with self.transaction():
            chosen = sorted(map(self._open_suggestion, ids), key=lambda s: (s.document_id, s.start, s.end, s.tag))
            covered: dict[int, Callable[[int, int, str], bool]] = {}
            reach: dict[tuple[int, str], int] = {}  # the furthest end accepted so far, by document and tag
            accepted = []
            for s in chosen:
                if s.document_id not in covered:
                    covered[s.document_id] = coverage_by_tag(self.annotated_spans(s.document_id))
                if covered[s.document_id](s.start, s.end, s.tag) or s.start < reach.get((s.document_id, s.tag), -1):
                    continue
                reach[(s.document_id, s.tag)] = s.end
                annotation = self.add_annotation(
                    Annotation(s.document_id, s.start, s.end, s.text, s.tag, annotator=annotator, created_at=made)
                )
                self.conn.execute(
                    "UPDATE suggestions SET status = ?, annotation_id = ?, updated_at = ? WHERE id = ?",
                    [ACCEPTED, annotation.id, made, s.id],
                )
                accepted.append((s, annotation))
            new = {annotation.id for _, annotation in accepted}
            linking = _Linking(
                {kind.name: kind for kind in self.relation_types()},
                {s.document_id: self._claims_accepted_before(s.document_id, new) for s, _ in accepted},
                annotator,
                made,
            )
            return [Accepted(s, annotation, self._links_of(s, annotation, linking)) for s, annotation in accepted]

    def undo_accept(self, accepted: Iterable[Accepted]) -> None:
        """Take back ``accept_suggestions``: its annotations deleted (their relations with them),
        each suggestion open again as it was, in one transaction."""
        with self.transaction():
            for item in accepted:
                self.delete_annotation(item.annotation.id)
                before = item.suggestion
                self.conn.execute(
                    "UPDATE suggestions SET status = ?, annotation_id = ?, updated_at = ? WHERE id = ?",
                    [before.status, before.annotation_id, before.updated_at, before.id],
                )

    def redo_accept(self, accepted: Iterable[Accepted]) -> None:
        """Do ``accept_suggestions`` again after ``undo_accept``: the very same annotations and
        relations (same ids and times), each suggestion accepted again, in one transaction."""
        items = list(accepted)
        with self.transaction():
            self.add_annotations(item.annotation for item in items)
            self.add_relations(relation for item in items for relation in item.relations)
            for item in items:
                self.conn.execute(
                    "UPDATE suggestions SET status = ?, annotation_id = ?, updated_at = ? WHERE id = ?",
                    [ACCEPTED, item.annotation.id, item.annotation.created_at, item.suggestion.id],
                )

    def reject_suggestions(self, ids: Iterable[str], when: str = "") -> list[str]:
        """Mark the open ones among ``ids`` rejected, in one transaction; returns their ids."""
        return self._move_suggestions(ids, OPEN, REJECTED, when)

    def reopen_suggestions(self, ids: Iterable[str], when: str = "") -> list[str]:
        """Undo ``reject_suggestions``: the rejected ones among ``ids`` open again; their ids."""
        return self._move_suggestions(ids, REJECTED, OPEN, when)

    def _move_suggestions(self, ids: Iterable[str], status: str, to: str, when: str) -> list[str]:
        made = when or utc_now()
        moved = []
        with self.transaction():
            for suggestion_id in ids:
                cursor = self.conn.execute(
                    "UPDATE suggestions SET status = ?, updated_at = ? WHERE id = ? AND status = ?",
                    [to, made, suggestion_id, status],
                )
                if cursor.rowcount:
                    moved.append(suggestion_id)
        return moved

    def _open_suggestion(self, suggestion_id: str) -> StoredSuggestion:
        found = self.suggestion(suggestion_id)
        if found is None:
            raise StoreError(f"no suggestion with id {suggestion_id}")
        if found.status != OPEN:
            raise StoreError(f"suggestion {suggestion_id} is {found.status}, not open")
        return found

    def _links_of(
        self, suggestion: StoredSuggestion, annotation: Annotation, linking: _Linking
    ) -> tuple[Relation, ...]:
        """The relations an accepted suggestion's annotation gets: to its claim's speaker and date,
        and from the claims accepted before whose speaker or date it is."""
        pairs: list[tuple[str, str, str]] = []  # (type, claim annotation id, target annotation id)
        for name, end in _LINKS:
            kind = linking.kinds.get(name)
            if kind is None:
                continue
            span = getattr(suggestion, end)
            if span and kind.source_tag == annotation.tag:
                target = self._annotation_at(annotation.document_id, span, kind.target_tag, linking.annotator)
                pairs += [(name, annotation.id, target)] if target else []
            if kind.target_tag == annotation.tag:
                claims = linking.claims[annotation.document_id].get((end, (annotation.start, annotation.end)), [])
                pairs += [(name, claim, annotation.id) for claim, tag in claims if tag == kind.source_tag]
        relations = [Relation(kind, source, target, annotator=linking.annotator, created_at=linking.when)
                     for kind, source, target in pairs]  # fmt: skip
        return tuple(map(self.add_relation, relations))

    def _annotation_at(self, document_id: int, span: Span, tag: str, annotator: str) -> str | None:
        """The id of the annotation of ``tag`` at exactly ``span``, if there is one: this
        annotator's first, then one not rejected, then the oldest."""
        row = self.conn.execute(
            """
            SELECT id FROM annotations
            WHERE document_id = ? AND start = ? AND "end" = ? AND tag = ? AND orphaned = 0
            ORDER BY annotator != ?, status = ?, created_at, id LIMIT 1
            """,
            [document_id, *span, tag, annotator, REJECTED],
        ).fetchone()
        return None if row is None else row[0]

    def _claims_accepted_before(self, document_id: int, new: set[str]) -> dict[tuple[str, Span], list[tuple[str, str]]]:
        """{("speaker" or "when", span): [(annotation id, tag)]} of the annotations that the
        document's claim suggestions accepted before became (``new``: those of this acceptance)."""
        rows = self.conn.execute(
            """
            SELECT s.speaker_start, s.speaker_end, s.when_start, s.when_end, a.id, a.tag
            FROM suggestions s JOIN annotations a ON a.id = s.annotation_id
            WHERE s.document_id = ? AND s.status = ? AND a.orphaned = 0
              AND (s.speaker_start IS NOT NULL OR s.when_start IS NOT NULL)
            ORDER BY a.created_at, a.id
            """,
            [document_id, ACCEPTED],
        )
        claims: dict[tuple[str, Span], list[tuple[str, str]]] = {}
        for speaker_start, speaker_end, when_start, when_end, annotation_id, tag in rows:
            for end, span in (("speaker", (speaker_start, speaker_end)), ("when", (when_start, when_end))):
                if span[0] is not None and annotation_id not in new:
                    claims.setdefault((end, span), []).append((annotation_id, tag))
        return claims

    def _suggestions(self, where: str, params: list) -> list[StoredSuggestion]:
        return [_from_row(row) for row in self.conn.execute(f"{_SELECT} {where}", params)]


def _check_suggestion(suggestion: Suggestion, text: str) -> None:
    """StoreError unless the suggestion's span, and its speaker's and date's, fit the text and
    its text is what the document has there."""
    where = f"suggestion {suggestion.tag} {suggestion.start}..{suggestion.end}"
    try:
        for start, end in filter(None, (suggestion.speaker, suggestion.when)):
            check_bounds(len(text), start, end)
        check_bounds(len(text), suggestion.start, suggestion.end)
    except BadSpan as error:
        raise StoreError(f"{where}: {error}") from error
    quoted = text[suggestion.start : suggestion.end]
    if suggestion.text != quoted:
        raise StoreError(f"{where}: text {suggestion.text[:40]!r} is not what the document has there ({quoted[:40]!r})")


def _stored(document_id: int, s: Suggestion, when: str) -> StoredSuggestion:
    return StoredSuggestion(
        new_id(), document_id, s.start, s.end, s.text, s.tag, s.suggester, s.version, s.kind, OPEN,
        s.speaker, s.when, None, when, when,
    )  # fmt: skip


def _values(s: StoredSuggestion) -> tuple:
    speaker, when = s.speaker or (None, None), s.when or (None, None)
    return (
        s.id, s.document_id, s.start, s.end, s.text, s.tag, s.suggester, s.version, s.kind, s.status,
        *speaker, *when, s.annotation_id, s.created_at, s.updated_at,
    )  # fmt: skip


def _from_row(row: tuple) -> StoredSuggestion:
    values = dict(zip(SUGGESTION_COLUMNS, row, strict=True))
    for end in ("speaker", "when"):
        start_end = (values.pop(f"{end}_start"), values.pop(f"{end}_end"))
        values[end] = None if start_end[0] is None else start_end
    return StoredSuggestion(**values)
