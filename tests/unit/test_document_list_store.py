"""The document list's queries (reader.store.document_list) on real files: the keys are written
with each document, filled in by the schema 5 migration, and worked out in memory for a file
opened read-only; every order and filter lists each document once, and finds its row."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from reader.domain.corpus import SourceText
from reader.domain.document_listing import DocumentOrder, DocumentQuery
from reader.store import SCHEMA_VERSION, Store

SCHEMAS = Path(__file__).parent.parent / "data" / "schemas"
SCHEMA_4 = SCHEMAS / "schema-4.db"  # written by Reader at schema 4 (make_schema_4.py beside it)


def titles(store: Store, query: DocumentQuery | None = None) -> list[str]:
    return [d.title for d in store.listed_page(query or DocumentQuery(), 0, 100)]


def test_a_schema_4_file_gets_its_keys_and_lists_in_natural_order_ignoring_case(tmp_path):
    path = Path(shutil.copy(SCHEMA_4, tmp_path / "old.db"))
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert titles(store) == ["# Ёлки и палки", "документ 1", "Документ 2", "Документ 10"]
        assert titles(store, DocumentQuery(needle="ёлки")) == ["# Ёлки и палки"]
        names = [d.name for d in store.listed_page(DocumentQuery(DocumentOrder.NAME), 0, 10)]
        assert names == ["Doc-1.txt", "doc-2.txt", "doc-10.txt", "notes.md"]


def test_an_older_file_read_only_is_listed_from_keys_in_memory_and_left_unchanged(tmp_path):
    for old in (SCHEMAS / "schema-1.db", SCHEMA_4):
        path = Path(shutil.copy(old, tmp_path / old.name))
        path.chmod(0o444)
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        with Store.open(path) as store:
            assert store.read_only
            listed = store.listed_page(DocumentQuery(), 0, 100)
            assert len(listed) == store.listed_count(DocumentQuery()) > 0
            assert [store.listed_row(DocumentQuery(), d.id) for d in listed] == list(range(len(listed)))
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "listed.sqlite") as store:
        store.import_sources(
            [
                SourceText(f"doc-{n}.txt", f"/corpus/doc-{n}.txt", f"Доклад {n % 7}\ntext {n}", "utf-8")
                for n in range(60)
            ]
        )
        yield store


@pytest.mark.parametrize("order", list(DocumentOrder))
@pytest.mark.parametrize("descending", [False, True])
def test_every_order_pages_through_each_document_once_and_finds_its_row(store, order, descending):
    for needle in ("", "доклад 3", "doc-1"):
        query = DocumentQuery(order, descending, needle)
        pages = [store.listed_page(query, offset, 7) for offset in range(0, 70, 7)]
        listed = [d.id for page in pages for d in page]
        assert len(listed) == len(set(listed)) == store.listed_count(query)
        assert listed == store.listed_ids(query)
        assert [store.listed_row(query, document_id) for document_id in listed] == list(range(len(listed)))
    ascending = store.listed_ids(DocumentQuery(order))
    assert store.listed_ids(DocumentQuery(order, descending=True)) == ascending[::-1]


def test_a_re_import_with_a_new_title_moves_the_document_and_its_filter_text(store):
    store.import_source(SourceText("doc-5.txt", "/corpus/doc-5.txt", "Аааа первый\nnew text", "utf-8"))
    assert titles(store)[0] == "Аааа первый"
    assert titles(store, DocumentQuery(needle="аааа")) == ["Аааа первый"]
    assert store.listed_count(DocumentQuery(needle="доклад 5")) == 7  # of 8: doc-5 is no longer among them


def test_the_keys_go_with_the_document_when_a_merge_copies_it(store, tmp_path):
    from reader.store.merge import merge

    merge([store.path], tmp_path / "target.sqlite")
    with Store.open(tmp_path / "target.sqlite") as target:
        assert target.listed_count(DocumentQuery()) == 60
        assert target.listed_count(DocumentQuery(needle="доклад 6")) == store.listed_count(
            DocumentQuery(needle="доклад 6")
        )
