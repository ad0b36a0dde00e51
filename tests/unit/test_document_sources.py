"""Where a document came from (schema 4): its file's type and hash, its metadata, the page or
paragraph of each block, in the store, in exports, through merge and in older files."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.domain.export import ANNOTATION_COLUMNS, COLUMNS, SOURCE_COLUMNS
from reader.domain.extracting.model import TextBuilder
from reader.store import SCHEMA_VERSION, Store

SCHEMA_1 = Path(__file__).parent.parent / "data" / "schemas" / "schema-1.db"


def paged_source(name: str = "report.pdf") -> SourceText:
    """A document as the PDF extractor gives it: two pages, two paragraphs on the first."""
    builder = TextBuilder()
    builder.add("Первый абзац первой страницы 🙂.", page=1)
    builder.add("Второй абзац первой страницы.", page=1)
    builder.add("Абзац второй страницы.", page=2)
    extracted = builder.extracted("pdf", title="Отчёт", published="2026-03-01", url="")
    return SourceText(
        name,
        f"/tmp/{name}",
        extracted.text,
        "",
        "pdf",
        "ab" * 32,
        extracted.blocks,
        extracted.title,
        extracted.published,
        "https://example.org/report",
    )


def annotate(store: Store, document_id: int, text: str, quote: str, tag: str = "claim") -> Annotation:
    start = text.index(quote)
    return store.add_annotation(Annotation(document_id, start, start + len(quote), quote, tag))


def test_the_blocks_title_and_metadata_are_kept_and_each_span_exports_its_page(store, cli, db_path):
    source = paged_source()
    document_id = store.import_source(source).document_id
    second_page = annotate(store, document_id, source.text, "второй страницы")
    first_page = annotate(store, document_id, source.text, "первой страницы 🙂", "actor")

    origin = store.document_origin(document_id)
    exported = cli("export", "--db", db_path, "--format", "jsonl")

    assert store.document(document_id).title == "Отчёт"  # the metadata's title, not the first line
    assert origin.source_type == "pdf" and origin.source_sha256 == "ab" * 32
    assert origin.blocks == source.blocks and [b.page for b in origin.blocks] == [1, 1, 2]
    rows = {row["annotation_id"]: row for row in map(json.loads, exported.out.splitlines())}
    assert list(rows[second_page.id]) == list(COLUMNS)
    assert rows[second_page.id]["source_page"] == 2 and rows[first_page.id]["source_page"] == 1
    for row in rows.values():
        assert source.text[row["start"] : row["end"]] == row["text"]
        assert row["source_type"] == "pdf" and row["source_paragraph"] is None
        assert row["source_date"] == "2026-03-01" and row["source_url"] == "https://example.org/report"


def test_the_new_columns_come_after_the_old_ones_which_keep_their_places(store, cli, db_path):
    source = paged_source()
    document_id = store.import_source(source).document_id
    annotate(store, document_id, source.text, "Абзац")

    exported = cli("export", "--db", db_path, "--format", "csv", "--dialect", "plain")
    header, row = list(csv.reader(io.StringIO(exported.out)))

    assert header[: len(ANNOTATION_COLUMNS)] == list(ANNOTATION_COLUMNS)
    assert header[len(ANNOTATION_COLUMNS) :] == list(SOURCE_COLUMNS)
    assert dict(zip(header, row, strict=True))["source_page"] == "2"


def test_an_export_without_the_new_columns_still_imports(store, cli, db_path, tmp_path):
    """A file exported by an earlier Reader (or cut down in a spreadsheet) lacks them."""
    source = paged_source()
    document_id = store.import_source(source).document_id
    annotation = annotate(store, document_id, source.text, "Абзац")
    store.remove_annotation(annotation.id)
    old = tmp_path / "old.csv"
    with old.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(ANNOTATION_COLUMNS)
        row = {c: "" for c in ANNOTATION_COLUMNS} | {"annotation_id": annotation.id, "document": source.name}
        row |= {"start": annotation.start, "end": annotation.end, "text": annotation.text, "tag": "claim"}
        row |= {"status": "pending", "created_at": annotation.created_at, "updated_at": annotation.updated_at}
        writer.writerow([row[c] for c in ANNOTATION_COLUMNS])

    result = cli("import-annotations", old, "--db", db_path)

    assert result.code == 0, result.err
    assert [a.id for a in store.annotations(document_id)] == [annotation.id]


def test_a_plain_text_keeps_its_files_hash_which_differs_from_its_texts(cli, db_path, tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes("строка\r\nещё одна\r\n".encode())

    result = cli("import", path, "--db", db_path)

    assert result.code == 0, result.err
    with Store.open(db_path) as store:
        document = store.find_document("windows.txt")
        origin = store.document_origin(document.id)
    assert origin.source_type == "txt" and origin.blocks == ()
    assert origin.source_sha256 == hashlib.sha256(path.read_bytes()).hexdigest() != document.sha256


def test_a_changed_source_replaces_its_blocks_and_re_anchors_its_spans(store):
    source = paged_source()
    document_id = store.import_source(source).document_id
    claim = annotate(store, document_id, source.text, "Абзац второй страницы")
    builder = TextBuilder()
    builder.add("Новое начало.", page=1)
    builder.add("Первый абзац первой страницы 🙂.", page=2)
    builder.add("Абзац второй страницы.", page=3)
    changed = paged_source()
    changed = SourceText(**(vars(changed) | {"text": builder.text(), "blocks": builder.blocks}))

    outcome = store.import_source(changed)

    moved = store.annotation(claim.id)
    assert outcome.moved == 1 and moved is not None
    assert changed.text[moved.start : moved.end] == claim.text
    origin = store.document_origin(document_id)
    assert origin.blocks == builder.blocks and origin.block_at(moved.start).page == 3


def test_merge_brings_a_documents_origin_along(tmp_path, cli):
    first, target = tmp_path / "first.sqlite", tmp_path / "merged.sqlite"
    with Store.open(first) as store:
        document_id = store.import_source(paged_source()).document_id
        expected = store.document_origin(document_id)

    result = cli("merge", first, "-o", target)

    assert result.code == 0, result.err
    with Store.open(target, read_only=True) as merged:
        assert merged.document_origin(merged.find_document("report.pdf").id) == expected


def test_a_schema_1_file_is_upgraded_and_its_documents_are_plain_texts(tmp_path):
    path = Path(shutil.copy(SCHEMA_1, tmp_path / "old.db"))

    with Store.open(path) as store:
        origins = [store.document_origin(d.id) for d in store.documents()]
        version = store.db.conn.execute("PRAGMA user_version").fetchone()[0]

    assert version == SCHEMA_VERSION
    assert origins and {o.source_type for o in origins} <= {"txt", "md"} and all(o.blocks == () for o in origins)


def test_an_older_file_read_only_exports_empty_source_columns_and_stays_unchanged(tmp_path, cli):
    path = Path(shutil.copy(SCHEMA_1, tmp_path / "old.db"))
    path.chmod(0o444)
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    exported = cli("export", "--db", path, "--format", "jsonl")

    rows = [json.loads(line) for line in exported.out.splitlines()]
    assert exported.code == 0 and len(rows) == 2
    assert all(row["source_type"] == "" and row["source_page"] is None for row in rows)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
