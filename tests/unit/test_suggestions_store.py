"""Suggestions in the store: saved once per span and tag, never over an annotation, a rejected one
never again; accepted as pending annotations with their said_by and dated links, and taken back;
schema 3 reached from the older files, which are still read without being changed."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlite_utils import Database

from reader.domain.relations import DATED, SAID_BY
from reader.domain.suggestions import OPEN, SaveReport, StoredSuggestion, coverage
from reader.store import SCHEMA_VERSION, Store, StoreError
from reader.store.schema import MIGRATIONS
from reader.store.transactions import immediate_transaction
from reader.suggesting.matching import from_annotations
from reader.suggesting.model import Suggestion

SCHEMA_1 = Path(__file__).parent.parent / "data" / "schemas" / "schema-1.db"
SEEDS = Path(__file__).parent.parent.parent / "seeds"
FIRST = "000_0d09ba8671f8300e.txt"


@pytest.fixture(scope="module")
def engine():
    from reader.suggesting import engine

    return engine.load()


@pytest.fixture
def db(tmp_path, cli) -> Path:
    path = tmp_path / "r.db"
    assert cli("import", SEEDS, "--db", path).code == 0
    return path


def suggested(store: Store, engine, name: str = FIRST) -> tuple[int, list[Suggestion]]:
    document = store.find_document(name)
    return document.id, engine.suggest(document.text)


def linked_claims(store: Store, document_id: int) -> list[StoredSuggestion]:
    """Open suggestions of the first seed: a claim with a speaker and the actor at exactly its
    span, then a claim with a date and the date at exactly its span."""
    listed = store.suggestions(document_id)
    at = {(s.start, s.end, s.tag): s for s in listed}
    claims = [s for s in listed if s.tag == "claim"]
    said = next(c for c in claims if c.speaker and (*c.speaker, "actor") in at)
    dated = next(c for c in claims if c.when and (*c.when, "date") in at)
    return [said, at[(*said.speaker, "actor")], dated, at[(*dated.when, "date")]]


def test_saving_twice_adds_nothing_the_second_time(db, engine):
    with Store.open(db) as store:
        document_id, found = suggested(store, engine)
        first = store.save_suggestions(document_id, found)
        second = store.save_suggestions(document_id, found + found)
        listed = store.suggestions(document_id)

    assert first.added == len({(s.start, s.end, s.tag) for s in found}) > 0
    assert first.added_by_tag == {tag: sum(s.tag == tag for s in found) for tag in ("actor", "claim", "date")}
    assert second == SaveReport(already_there=len(found))
    assert [(s.start, s.end, s.tag, s.text) for s in listed] == [(s.start, s.end, s.tag, s.text) for s in found]


def test_a_suggestion_that_misquotes_the_text_refuses_them_all(db, engine):
    with Store.open(db) as store:
        document_id, found = suggested(store, engine)
        wrong = dataclasses.replace(found[-1], text=found[-1].text + "x")

        with pytest.raises(StoreError, match="is not what the document has there"):
            store.save_suggestions(document_id, [*found[:-1], wrong])
        with pytest.raises(StoreError, match="outside the text"):
            store.save_suggestions(document_id, [dataclasses.replace(found[0], speaker=(0, 10**6))])

        assert store.suggestions(document_id, status=None) == []


def test_nothing_is_suggested_over_an_annotation_of_its_tag(db, engine, annotate):
    with Store.open(db) as store:
        document_id, found = suggested(store, engine)
        claims = [s for s in found if s.tag == "claim"]
        actor = next(s for s in found if s.tag == "actor" and any(c.start <= s.start < c.end for c in claims))
        # A wider span than the suggestion's: an overlap is enough to keep it out.
        annotate(
            store, FIRST, store.document(document_id).text[actor.start : actor.end + 3], "actor", status="rejected"
        )
        report = store.save_suggestions(document_id, found)
        stored = store.suggestions(document_id, status=None)

    assert report.over_annotations == 1 and report.added == len(found) - 1
    assert not any(s.tag == "actor" and s.start < actor.end + 3 and actor.start < s.end for s in stored)
    assert any(s.tag != "actor" and s.start <= actor.start < s.end for s in stored), "other tags over it stay"


def test_a_suggestion_overlapped_by_a_later_annotation_is_out_of_sight(db, engine, annotate):
    with Store.open(db) as store:
        document_id, found = suggested(store, engine)
        store.save_suggestions(document_id, found)
        date = next(s for s in store.suggestions(document_id) if s.tag == "date")
        before = store.suggestion_counts(document_id)

        annotate(
            store, FIRST, date.text, "date", occurrence=store.document(document_id).text[: date.start].count(date.text)
        )

        assert date.id not in {s.id for s in store.suggestions(document_id)}
        assert store.suggestion_counts(document_id) == {**before, "date": before["date"] - 1}
        assert store.suggestion(date.id).status == OPEN


def test_a_rejected_suggestion_is_never_suggested_again_and_reopens_for_an_undo(db, engine):
    with Store.open(db) as store:
        document_id, found = suggested(store, engine)
        store.save_suggestions(document_id, found)
        rejected = store.suggestions(document_id)[:2]
        ids = [s.id for s in rejected]

        assert store.reject_suggestions([*ids, ids[0]]) == ids
        again = store.save_suggestions(document_id, found)
        hidden = {s.id for s in store.suggestions(document_id)}
        assert store.reopen_suggestions(ids) == ids
        back = {s.id for s in store.suggestions(document_id)}

    assert again.rejected_before == 2 and again.already_there == len(found) - 2 and again.added == 0
    assert not hidden & set(ids) and set(ids) <= back


def test_accepting_makes_pending_annotations_linked_as_the_claim_says(db, engine):
    with Store.open(db) as store:
        document_id, found = suggested(store, engine)
        store.save_suggestions(document_id, found)
        chosen = linked_claims(store, document_id)
        said, actor, dated, date = chosen

        accepted = store.accept_suggestions([s.id for s in chosen], "anna", when="2026-01-02T03:04:05.000Z")

        made = {item.suggestion.id: item.annotation for item in accepted}
        annotations = {a.id: a for a in store.annotations(document_id)}
        relations = store.document_relations(document_id)
        stored = [store.suggestion(s.id) for s in chosen]

    assert sorted(item.suggestion.id for item in accepted) == sorted(s.id for s in chosen)
    assert all(item.suggestion == next(s for s in chosen if s.id == item.suggestion.id) for item in accepted)
    assert set(annotations) == {a.id for a in made.values()}
    for suggestion in chosen:
        annotation = annotations[made[suggestion.id].id]
        assert (annotation.start, annotation.end, annotation.text, annotation.tag) == (
            suggestion.start,
            suggestion.end,
            suggestion.text,
            suggestion.tag,
        )
        assert (annotation.annotator, annotation.status) == ("anna", "pending")
        assert annotation.created_at == "2026-01-02T03:04:05.000Z"
    assert {(r.type, r.source_id, r.target_id) for r in relations} == {
        (SAID_BY, made[said.id].id, made[actor.id].id),
        (DATED, made[dated.id].id, made[date.id].id),
    }
    assert {r.id for item in accepted for r in item.relations} == {r.id for r in relations}
    assert [(s.status, s.annotation_id) for s in stored] == [("accepted", made[s.id].id) for s in chosen]


def test_undoing_an_acceptance_takes_the_annotations_and_links_back(db, engine):
    with Store.open(db) as store:
        document_id, found = suggested(store, engine)
        store.save_suggestions(document_id, found)
        listed_before = store.suggestions(document_id)

        accepted = store.accept_suggestions([s.id for s in linked_claims(store, document_id)], "anna")
        assert store.document_relations(document_id)
        store.undo_accept(accepted)

        assert store.annotations(document_id) == [] and store.document_relations(document_id) == []
        assert store.suggestions(document_id) == listed_before


def test_a_claim_accepted_first_is_linked_when_its_speaker_is_accepted_later(db, engine):
    with Store.open(db) as store:
        document_id, found = suggested(store, engine)
        store.save_suggestions(document_id, found)
        said, actor, _, _ = linked_claims(store, document_id)

        [as_claim] = store.accept_suggestions([said.id], "anna")
        [as_actor] = store.accept_suggestions([actor.id], "anna")

    assert as_claim.relations == ()
    assert [(r.type, r.source_id, r.target_id) for r in as_actor.relations] == [
        (SAID_BY, as_claim.annotation.id, as_actor.annotation.id)
    ]


def test_a_claim_is_linked_to_an_annotation_already_there(db, engine, annotate):
    with Store.open(db) as store:
        document_id, found = suggested(store, engine)
        store.save_suggestions(document_id, found)
        _, _, dated, date = linked_claims(store, document_id)
        text = store.document(document_id).text
        mine = annotate(store, FIRST, date.text, "date", occurrence=text[: date.start].count(date.text))

        [item] = store.accept_suggestions([dated.id], "anna")

    assert [(r.type, r.target_id) for r in item.relations] == [(DATED, mine.id)]


def test_a_link_needs_its_relation_type(db, engine):
    with Store.open(db) as store:
        document_id, found = suggested(store, engine)
        store.save_suggestions(document_id, found)
        chosen = linked_claims(store, document_id)
        store.delete_relation_type(DATED)

        accepted = store.accept_suggestions([s.id for s in chosen], "anna")

    assert len(accepted) == 4 and [r.type for item in accepted for r in item.relations] == [SAID_BY]


def test_of_two_overlapping_suggestions_of_one_tag_only_the_first_is_accepted(db):
    with Store.open(db) as store:
        document = store.find_document(FIRST)
        text = document.text
        made = [Suggestion("actor", 0, 6, text[0:6], "test", "1"), Suggestion("actor", 3, 10, text[3:10], "test", "1")]
        store.save_suggestions(document.id, made)
        first, second = store.suggestions(document.id)

        accepted = store.accept_suggestions([second.id, first.id], "anna")

        assert [item.suggestion.id for item in accepted] == [first.id]
        assert store.suggestion(second.id).status == OPEN and store.suggestions(document.id) == []
        with pytest.raises(StoreError, match="is accepted, not open"):
            store.accept_suggestions([first.id], "anna")
        assert len(store.annotations(document.id)) == 1


def test_suggestions_follow_a_renamed_tag_and_hide_with_a_deleted_one(db, engine):
    with Store.open(db) as store:
        document_id, found = suggested(store, engine)
        store.save_suggestions(document_id, found)
        counts = store.suggestion_counts(document_id)
        store.save_tag(dataclasses.replace(store.tag("date"), name="when"), old_name="date")
        renamed = store.suggestion_counts(document_id)
        tag = store.tag("when")
        deletion = store.delete_tag("when")
        deleted = store.suggestion_counts(document_id)
        store.restore_tag(tag, deletion)

        assert renamed == {**{k: v for k, v in counts.items() if k != "date"}, "when": counts["date"]}
        assert "when" not in deleted and "date" not in deleted
        assert store.suggestion_counts(document_id) == renamed


def test_a_changed_text_leaves_its_old_suggestions_out(db, engine, tmp_path, cli):
    with Store.open(db) as store:
        document_id, found = suggested(store, engine)
        store.save_suggestions(document_id, found)
        text = store.document(document_id).text
    changed = tmp_path / "changed" / FIRST
    changed.parent.mkdir()
    changed.write_text("Вступление. " + text, encoding="utf-8")
    assert cli("import", changed, "--db", db).code == 0

    with Store.open(db) as store:
        hidden = store.suggestions(document_id)
        again = store.save_suggestions(document_id, engine.suggest(store.document(document_id).text))
        shifted = store.suggestions(document_id)

    assert hidden == [] and again.added > 0 and again.already_there == 0
    assert all(s.text == ("Вступление. " + text)[s.start : s.end] for s in shifted)


def test_from_annotations_suggests_the_inflected_forms_of_a_tagged_word(db, annotate):
    with Store.open(db) as store:
        annotate(store, FIRST, "Москва", "actor")
        document = store.find_document(FIRST)
        report = store.save_suggestions(
            document.id, from_annotations(document.text, store.annotated_spans(document.id))
        )
        texts = [s.text for s in store.suggestions(document.id)]

    assert report.added == len(texts) and {"Москве", "Москвы"} <= set(texts)


def test_coverage_finds_an_overlap_with_any_span_even_a_nested_one():
    covered = coverage([(10, 50), (12, 14), (60, 70)])

    assert [covered(*span) for span in [(0, 10), (49, 51), (50, 60), (55, 61), (70, 80), (30, 31)]] == [
        False,
        True,
        False,
        True,
        False,
        True,
    ]


# The schema


def schema_2_copy(path: Path) -> Path:
    """schema-1.db brought to schema 2 by the relations migration alone, as a Reader of schema 2 left it."""
    shutil.copy(SCHEMA_1, path)
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        db = Database(conn)
        with immediate_transaction(conn):
            MIGRATIONS[1](db)
            conn.execute("PRAGMA user_version = 2")
    return path


def annotation_rows(path: Path) -> list[tuple]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT * FROM annotations ORDER BY id").fetchall()


@pytest.mark.parametrize(
    "make", [lambda p: Path(shutil.copy(SCHEMA_1, p)), schema_2_copy], ids=["schema-1", "schema-2"]
)
def test_an_older_database_is_upgraded_to_schema_3_and_keeps_everything(tmp_path, make):
    path = make(tmp_path / "old.db")
    before = annotation_rows(path)

    with Store.open(path) as store:
        version = store.db.conn.execute("PRAGMA user_version").fetchone()[0]
        kinds = [kind.name for kind in store.relation_types()]
        empty = [store.suggestions(d.id, status=None) == [] for d in store.documents()]

    assert version == SCHEMA_VERSION == 5
    assert annotation_rows(path) == before and len(before) == 2
    assert kinds == [SAID_BY, DATED] and empty == [True, True]


@pytest.mark.parametrize(
    "make", [lambda p: Path(shutil.copy(SCHEMA_1, p)), schema_2_copy], ids=["schema-1", "schema-2"]
)
def test_an_older_database_is_read_without_being_changed(tmp_path, cli, make):
    path = make(tmp_path / "old.db")
    path.chmod(0o444)
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    exported = cli("export", "--db", path, "--format", "jsonl")
    suggestions = cli("export", "--suggestions", "--db", path, "--format", "jsonl")
    with Store.open(path, read_only=True) as store:
        listed = [store.suggestions(d.id) == [] for d in store.documents()]
        kinds = [kind.name for kind in store.relation_types()]

    assert exported.code == 0 and len(exported.out.splitlines()) == 2
    assert suggestions.code == 0 and suggestions.out == ""
    assert listed == [True, True] and kinds == [SAID_BY, DATED]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_redone_acceptance_brings_back_the_same_rows_and_marks_the_suggestions_accepted(db, engine):
    with Store.open(db) as store:
        document_id, found = suggested(store, engine)
        store.save_suggestions(document_id, found)
        accepted = store.accept_suggestions([s.id for s in linked_claims(store, document_id)], "anna")
        made = (store.annotations(document_id), store.document_relations(document_id))
        store.undo_accept(accepted)

        store.redo_accept(accepted)

        assert (store.annotations(document_id), store.document_relations(document_id)) == made
        for item in accepted:
            again = store.suggestion(item.suggestion.id)
            assert again is not None and (again.status, again.annotation_id) == ("accepted", item.annotation.id)
