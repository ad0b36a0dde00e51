"""The store: one SQLite file per project, WAL, foreign keys, schema version, FTS, one transaction per action."""

from __future__ import annotations

import sqlite3

import pytest

from reader.domain.annotations import ACCEPTED, Annotation
from reader.domain.corpus import SourceText
from reader.store import SCHEMA_VERSION, Store, StoreError
from reader.store.schema import APPLICATION_ID

SEED = "000_0d09ba8671f8300e.txt"


def pragma(store: Store, name: str):
    return store.db.execute(f"PRAGMA {name}").fetchone()[0]


def test_a_new_database_is_marked_versioned_and_in_wal_mode(store, db_path):
    assert pragma(store, "journal_mode") == "wal"
    assert pragma(store, "foreign_keys") == 1
    assert pragma(store, "user_version") == SCHEMA_VERSION
    with sqlite3.connect(db_path) as other:
        assert other.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_reopening_keeps_everything(db_path, seeded_store, annotate):
    added = annotate(seeded_store, SEED, "Москва", "actor", note="n", annotator="a")
    seeded_store.close()

    with Store.open(db_path) as again:
        assert again.annotation(added.id) == added
        assert pragma(again, "user_version") == SCHEMA_VERSION
        assert len(again.documents()) == 2


def test_annotation_fields_and_times_survive_storage(seeded_store, annotate):
    added = annotate(seeded_store, SEED, "ОДКБ", "actor", note="заметка", annotator="Анна")
    reviewed = added.changed(status=ACCEPTED, reviewer="ed", review_note="верно")

    seeded_store.update_annotation(reviewed)

    stored = seeded_store.annotation(added.id)
    assert stored == reviewed
    assert stored.created_at == added.created_at
    assert stored.updated_at >= stored.created_at
    assert stored.created_at.endswith("Z") and "T" in stored.created_at


def test_a_failed_action_writes_nothing(seeded_store, annotate):
    document = seeded_store.find_document(SEED)
    good = Annotation(document_id=document.id, start=0, end=6, text=document.text[:6], tag="claim")
    bad = Annotation(document_id=document.id, start=0, end=6, text="wrong!", tag="claim")

    with pytest.raises(StoreError, match="is not what the document has"):
        seeded_store.add_annotations([good, bad])
    with pytest.raises(RuntimeError), seeded_store.transaction():
        seeded_store.add_annotation(good)
        raise RuntimeError("the user's action failed half way")

    assert seeded_store.counts()["annotations"] == 0
    assert seeded_store.annotation(good.id) is None


def test_a_failed_part_of_an_action_is_undone_alone(seeded_store):
    document = seeded_store.find_document(SEED)
    kept = Annotation(document_id=document.id, start=0, end=6, text=document.text[:6], tag="claim")
    undone = Annotation(document_id=document.id, start=7, end=13, text=document.text[7:13], tag="claim")

    with seeded_store.transaction():
        seeded_store.add_annotation(kept)
        with pytest.raises(RuntimeError), seeded_store.transaction():
            seeded_store.add_annotation(undone)
            raise RuntimeError("this part failed; the action goes on without it")

    assert seeded_store.annotation(kept.id) == kept
    assert seeded_store.annotation(undone.id) is None
    assert seeded_store.counts()["annotations"] == 1


@pytest.mark.parametrize("start, end, tag", [(5, 5, "claim"), (-1, 2, "claim"), (0, 1, "no-such-tag")])
def test_the_database_itself_refuses_rows_that_cannot_be(seeded_store, start, end, tag):
    """Even a write that skips the store's checks (another tool, a bug) is refused."""
    document = seeded_store.find_document(SEED)

    with pytest.raises(sqlite3.IntegrityError):
        seeded_store.db.execute(
            'INSERT INTO annotations (id, document_id, start, "end", text, tag, created_at, updated_at) '
            "VALUES ('x', ?, ?, ?, 'М', ?, 't', 't')",
            [document.id, start, end, tag],
        )


def test_document_counts_follow_annotations(seeded_store, annotate):
    first = annotate(seeded_store, SEED, "Москва", "actor")
    annotate(seeded_store, SEED, "ОДКБ", "actor")
    seeded_store.update_annotation(first.changed(status=ACCEPTED))

    def counts():
        summary = next(d for d in seeded_store.documents() if d.name == SEED)
        return summary.annotation_count, summary.reviewed_count

    assert counts() == (2, 1)
    seeded_store.delete_annotation(first.id)
    assert counts() == (1, 0)


def test_full_text_search_finds_words_and_prefixes_in_russian(seeded_store):
    document = seeded_store.find_document(SEED)

    assert [hit.document_id for hit in seeded_store.search("обращалась")] != []
    assert document.id in [hit.document_id for hit in seeded_store.search("Курской обла")]
    hit = next(hit for hit in seeded_store.search("Курской") if hit.document_id == document.id)
    assert "[Курской]" in hit.snippet
    assert seeded_store.search("") == []


@pytest.mark.parametrize("query", ['"', "AND", "a OR (b", "*", "NEAR(x y)", "col:word", 'Москва"*'])
def test_search_text_is_never_parsed_as_a_query(seeded_store, query):
    assert isinstance(seeded_store.search(query), list)


def test_a_replaced_text_is_searched_as_it_is_now(store):
    store.import_source(SourceText("a.txt", "", "первый вариант\n", "utf-8"))
    store.import_source(SourceText("a.txt", "", "второй вариант\n", "utf-8"))

    assert [hit.name for hit in store.search("второй")] == ["a.txt"]
    assert store.search("первый") == []


def test_adding_annotations_does_not_reindex_the_document(seeded_store, annotate):
    def index_pages():
        return seeded_store.db.execute("SELECT count(*), max(rowid) FROM documents_fts_data").fetchone()

    before = index_pages()
    for quote in ("Москва", "ОДКБ", "помощью"):
        annotate(seeded_store, SEED, quote, "claim")

    assert index_pages() == before


def test_a_span_is_checked_against_the_text_stored_now_not_the_one_read_before(db_path):
    """A tag key press checks its span against the document read at its open (no second
    read of a long text); once another connection has replaced that text, against the new one."""
    with Store.open(db_path) as store:
        document_id = store.import_source(SourceText("a.txt", "", "Лавров 🙂 сказал\n", "utf-8")).document_id
        document = store.document(document_id)
        said = Annotation(document_id, 9, 15, document.text[9:15], "claim")
        store.add_annotation(said)  # the copy read with the document: code points, past the emoji

        with Store.open(db_path) as elsewhere:
            elsewhere.import_source(SourceText("a.txt", "", "Лавров 🙂 молчал\n", "utf-8"))
        with pytest.raises(StoreError, match="сказал"):
            store.add_annotation(Annotation(document_id, 9, 15, "сказал", "claim"))
        kept = Annotation(document_id, 9, 15, "молчал", "claim")
        store.add_annotation(kept)
        assert kept.id in {a.id for a in store.annotations(document_id)}
        with pytest.raises(StoreError):
            store.add_annotation(Annotation(document_id, 9, 40, "молчал", "claim"))  # past the end
