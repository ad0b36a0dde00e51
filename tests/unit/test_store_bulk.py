"""Writing in bulk: Store.import_sources, batched `reader import`, Store.add_annotations_bulk;
and annotations never re-indexing their document's text."""

from __future__ import annotations

import io
import sqlite3

import pytest

from reader import cli, cli_commands
from reader.domain.annotations import Annotation
from reader.domain.corpus import SkippedFile, SourceText
from reader.store import Store, StoreError

TEXT = "Первый абзац 🙂 про договор.\n\nВторой абзац: сроки и стороны."


def _document(store: Store, name: str = "a.txt", text: str = TEXT) -> int:
    return store.import_source(SourceText(name, "", text, "utf-8")).document_id


def _span(document_id: int, text: str, word: str, tag: str = "claim") -> Annotation:
    start = text.index(word)
    return Annotation(document_id=document_id, start=start, end=start + len(word), text=word, tag=tag)


def test_bulk_adds_every_annotation_across_documents(store: Store):
    first, second = _document(store), _document(store, "b.txt", TEXT + " Ещё")
    batch = [_span(first, TEXT, "договор"), _span(first, TEXT, "сроки", "date"), _span(second, TEXT, "стороны")]

    assert store.add_annotations_bulk(batch, batch_size=2) == 3

    assert store.annotations(first) == sorted(batch[:2], key=lambda a: a.start)
    assert store.annotations(second) == [batch[2]]
    counts = {d.name: d.annotation_count for d in store.documents()}
    assert counts == {"a.txt": 2, "b.txt": 1}


@pytest.mark.parametrize(
    "bad",
    [
        dict(start=3, end=2, text=""),
        dict(text="не то"),
        dict(tag="nonesuch"),
        dict(status="maybe"),
        dict(document_id=999),
    ],
)
def test_bulk_refuses_a_bad_row_and_stores_none(store: Store, bad: dict):
    document = _document(store)
    good = _span(document, TEXT, "договор")
    wrong = Annotation(**{**_span(document, TEXT, "сроки").__dict__, **bad})

    with pytest.raises(StoreError):
        store.add_annotations_bulk([good, wrong])

    assert store.counts()["annotations"] == 0


def _text_index(path) -> list:
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        return raw.execute("SELECT id, block FROM documents_fts_data ORDER BY id").fetchall()


def test_annotating_leaves_the_text_index_alone_and_editing_text_updates_it(store: Store, db_path):
    document = _document(store)
    indexed = _text_index(db_path)

    store.add_annotations_bulk([_span(document, TEXT, "договор")])
    store.add_annotation(_span(document, TEXT, "сроки"))

    assert _text_index(db_path) == indexed
    store.import_source(SourceText("a.txt", "", TEXT.replace("договор", "контракт"), "utf-8"))
    assert _text_index(db_path) != indexed
    assert [hit.name for hit in store.search("контракт")] == ["a.txt"]
    assert store.search("договор") == []


def test_import_sources_adds_finds_duplicates_and_updates_in_one_go(store: Store):
    first = _document(store)
    store.add_annotations_bulk([_span(first, TEXT, "сроки")])
    changed = "Вступление.\n\n" + TEXT

    outcomes = store.import_sources(
        [
            SourceText("b.txt", "", "Новый текст", "utf-8"),
            SourceText("copy.txt", "", "Новый текст", "utf-8"),
            SourceText("a.txt", "", changed, "utf-8"),
        ]
    )

    assert [o.action for o in outcomes] == ["added", "unchanged", "updated"]
    assert outcomes[1].duplicate_of == "b.txt" and outcomes[2].moved == 1
    moved = store.annotations(first)[0]
    assert changed[moved.start : moved.end] == "сроки"


def test_reader_import_writes_every_batch(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    folder.mkdir()
    texts = {f"{n}.txt": f"Документ номер {n} 🙂 и его текст." for n in range(7)}
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    monkeypatch.setattr(cli_commands, "IMPORT_BATCH_CHARACTERS", 60)  # about two documents a batch
    out, err = io.StringIO(), io.StringIO()

    code = cli.main(["import", str(folder), "--db", str(tmp_path / "db.sqlite")], out=out, err=err)

    assert code == cli.EXIT_PARTIAL and "skipped" in err.getvalue() and "broken.txt" in err.getvalue()
    assert out.getvalue().count("added ") == 7
    with Store.open(tmp_path / "db.sqlite") as store:
        assert {d.name: store.document(d.id).text for d in store.documents()} == texts


def test_import_files_yields_each_outcome_in_order_and_each_skipped_file_at_once(store, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    (folder / "c.md").write_text(TEXT, encoding="utf-8")

    items = list(store.import_files([folder, tmp_path / "missing.txt"]))

    assert [
        (type(i).__name__, i.path.name) if isinstance(i, SkippedFile) else (i[0].name, i[1].action) for i in items
    ] == [("a.txt", "added"), ("SkippedFile", "b.txt"), ("c.md", "unchanged"), ("SkippedFile", "missing.txt")]
    assert items[3].reason == "no such file or folder" and "binary" in items[1].reason
    assert store.document(items[0][1].document_id).text == TEXT
