"""Relations in Reader's own export formats and back: ``export --table relations`` (one flat row a
relation), ``--table claims`` (one row a claim, its ends grouped by relation type), the relations'
own lines in the annotations' JSONL, and ``import-annotations`` reading each of them back."""

from __future__ import annotations

import csv
import json
import time
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.domain.export import COLUMNS, neutralize, restore
from reader.domain.relation_tables import join_values, split_values
from reader.domain.relations import DATED, SAID_BY, Relation
from reader.identity import default_annotator
from reader.store import Store

SEEDS = Path(__file__).parent.parent.parent / "seeds"
FIRST = "000_0d09ba8671f8300e.txt"
QUOTES = "quotes/emoji.txt"
# A document of our own beside the seeds: an actor whose text holds " | ", one with a backslash.
QUOTES_TEXT = "Пресс-служба «Радио | Свобода» 📻 и C:\\новости сообщили: «Помощь не нужна». 5 мая 2024 🙂\n"
RELATION_HEADER = [
    "relation_id",
    "type",
    "document",
    "document_sha256",
    "source_id",
    "source_tag",
    "source_start",
    "source_end",
    "source_text",
    "target_id",
    "target_tag",
    "target_start",
    "target_end",
    "target_text",
    "note",
    "annotator",
    "status",
    "reviewer",
    "review_note",
    "created_at",
    "updated_at",
]
CLAIM_HEADER = [
    "claim_id",
    "document",
    "document_sha256",
    "claim_start",
    "claim_end",
    "claim_text",
    "claim_tag",
    "claim_status",
    "annotator",
    "note",
    "said_by",
    "said_by_ids",
    "said_by_offsets",
    "dated",
    "dated_ids",
    "dated_offsets",
]
OFFSETS = {"source_start", "source_end", "target_start", "target_end", "claim_start", "claim_end"}
FORMATS = [("csv", "excel"), ("csv", "plain"), ("jsonl", "plain"), ("xlsx", "plain")]


@dataclass(frozen=True)
class Linked:
    db: Path
    corpus: Path
    claim: Annotation  # in the first seed: said by an actor, dated
    actor: Annotation
    quoted: Annotation  # in the quotes: said by two actors, dated
    quoted_actors: tuple[Annotation, Annotation]
    unlinked: Annotation  # a claim linked to nothing
    said: Relation  # claim → actor, its note a formula


@pytest.fixture
def linked(tmp_path, cli, annotate) -> Linked:
    corpus = tmp_path / "corpus"
    (corpus / "quotes").mkdir(parents=True)
    (corpus / QUOTES).write_text(QUOTES_TEXT, encoding="utf-8")
    db = tmp_path / "linked.db"
    assert cli("import", SEEDS, corpus, "--db", db).code == 0
    with Store.open(db) as store:
        claim = annotate(store, FIRST, "Москва официально не обращалась за помощью", "claim", note="a | b — Москва")
        actor = annotate(store, FIRST, "Секретариата ОДКБ", "actor")
        date = annotate(store, FIRST, "Курской области", "date")
        unlinked = annotate(store, FIRST, "Об этом говорится в ответе", "claim", note="=1+1")
        quoted = annotate(store, QUOTES, "«Помощь не нужна»", "claim", annotator="Анна 🙂")
        radio = annotate(store, QUOTES, "«Радио | Свобода» 📻", "actor")
        news = annotate(store, QUOTES, "C:\\новости", "actor")
        day = annotate(store, QUOTES, "5 мая 2024 🙂", "date")
        said = Relation(SAID_BY, claim.id, actor.id, note="=1+1", status="accepted", reviewer="рецензент")
        store.add_relations(
            [
                said,
                Relation(DATED, claim.id, date.id, note="-2 дня", annotator="Борис"),
                Relation(SAID_BY, quoted.id, news.id, note="🙂 | ok \\ x"),
                Relation(SAID_BY, quoted.id, radio.id, review_note="@проверить"),
                Relation(DATED, quoted.id, day.id),
            ]
        )
    return Linked(db, corpus, claim, actor, quoted, (radio, news), unlinked, said)


def export(cli, db: Path, out: Path, table: str, fmt: str, dialect: str = "plain") -> Path:
    result = cli("export", "--db", db, "--table", table, "--format", fmt, "--dialect", dialect, "-o", out)
    assert result.code == 0, result.err
    return out


def read_table(path: Path, fmt: str) -> tuple[list[str], list[dict]]:
    """The header and rows of an exported table as a spreadsheet or a script sees them."""
    if fmt == "csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    if fmt == "jsonl":
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        return list(records[0]), records
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    return rows[0], [{c: "" if v is None else v for c, v in zip(rows[0], row, strict=True)} for row in rows[1:]]


def as_written(value: object, fmt: str, dialect: str) -> object:
    """A stored value as the format writes it: CSV has text only, the excel dialect protected."""
    if fmt != "csv":
        return value
    return neutralize(str(value)) if dialect == "excel" else str(value)


def all_relations(store: Store) -> dict[str, Relation]:
    return {r.id: r for document in store.documents() for r in store.document_relations(document.id)}


def stored_relation_rows(db: Path) -> dict[str, dict]:
    with Store.open(db, read_only=True) as store:
        rows = {}
        for relation in all_relations(store).values():
            source, target = store.annotation(relation.source_id), store.annotation(relation.target_id)
            assert source is not None and target is not None
            document = store.document(source.document_id)
            rows[relation.id] = {
                "relation_id": relation.id,
                "type": relation.type,
                "document": document.name,
                "document_sha256": document.sha256,
                **{f"source_{name}": getattr(source, name) for name in ("id", "tag", "start", "end", "text")},
                **{f"target_{name}": getattr(target, name) for name in ("id", "tag", "start", "end", "text")},
                **{
                    name: getattr(relation, name)
                    for name in ("note", "annotator", "status", "reviewer", "review_note", "created_at", "updated_at")
                },
            }
    return rows


@pytest.mark.parametrize(("fmt", "dialect"), FORMATS)
def test_the_relations_table_is_one_row_per_relation_with_both_ends(cli, linked, tmp_path, fmt, dialect):
    out = export(cli, linked.db, tmp_path / f"relations.{fmt}", "relations", fmt, dialect)

    header, rows = read_table(out, fmt)

    assert header == RELATION_HEADER
    expected = stored_relation_rows(linked.db)
    assert len(rows) == len(expected) == 5
    for row in rows:
        wanted = expected[row["relation_id"]]
        assert row == {column: as_written(value, fmt, dialect) for column, value in wanted.items()}
    said = next(row for row in rows if row["relation_id"] == linked.said.id)
    assert said["note"] == ("'=1+1" if dialect == "excel" else "=1+1")
    assert [row["document"] for row in rows] == sorted(row["document"] for row in rows)


def test_the_relations_workbook_has_text_cells_offsets_as_numbers_and_a_frozen_filtered_header(cli, linked, tmp_path):
    out = export(cli, linked.db, tmp_path / "relations.xlsx", "relations", "xlsx")

    sheet = openpyxl.load_workbook(out).worksheets[0]

    assert sheet.title == "relations"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:U{sheet.max_row}"
    cells = {cell.value: cell.column for cell in sheet[1]}
    for row in sheet.iter_rows(min_row=2):
        assert all(type(row[cells[c] - 1].value) is int for c in OFFSETS & set(cells))
        if row[0].value == linked.said.id:
            note = row[cells["note"] - 1]
            assert (note.value, note.data_type) == ("=1+1", "s")


@pytest.mark.parametrize(("fmt", "dialect"), FORMATS)
def test_the_claims_table_groups_each_claims_ends_by_relation_type(cli, linked, tmp_path, fmt, dialect):
    out = export(cli, linked.db, tmp_path / f"claims.{fmt}", "claims", fmt, dialect)

    header, rows = read_table(out, fmt)

    assert header == CLAIM_HEADER
    with Store.open(linked.db, read_only=True) as store:
        claims = [a for d in store.documents() for a in store.annotations(d.id) if a.tag == "claim"]
        assert {row["claim_id"] for row in rows} == {claim.id for claim in claims}
        for row in rows:
            claim = store.annotation(row["claim_id"])
            assert claim is not None
            assert row["claim_text"] == as_written(claim.text, fmt, dialect)
            assert row["note"] == as_written(claim.note, fmt, dialect)
            assert row["claim_start"] == as_written(claim.start, fmt, dialect)
            for kind in (SAID_BY, DATED):
                ends = sorted(
                    (store.annotation(r.target_id) for r in store.relations_of(claim.id) if r.type == kind),
                    key=lambda end: (end.start, end.end),
                )
                texts = restore(row[kind]) if dialect == "excel" else row[kind]
                assert split_values(texts) == [end.text for end in ends]
                assert split_values(row[f"{kind}_ids"]) == [end.id for end in ends]
                assert split_values(row[f"{kind}_offsets"]) == [f"{end.start}..{end.end}" for end in ends]
    quoted = next(row for row in rows if row["claim_id"] == linked.quoted.id)
    assert quoted[SAID_BY] == "«Радио \\| Свобода» 📻 | C:\\\\новости"  # in text order
    unlinked = next(row for row in rows if row["claim_id"] == linked.unlinked.id)
    assert (unlinked[SAID_BY], unlinked["dated_ids"]) == ("", "")


@pytest.mark.parametrize(
    "values", [[], ["one"], ["a | b", "c"], ["back\\slash", "|", " | ", "\\|", "", "\\"], ["«Радио | Свобода» 📻", "x"]]
)
def test_joined_values_split_back_into_the_values(values):
    assert split_values(join_values(values)) == values


def test_a_bar_and_a_backslash_in_a_value_are_escaped_with_a_backslash():
    assert join_values(["a | b", "c\\d", "e"]) == "a \\| b | c\\\\d | e"


def fresh_database(cli, linked: Linked, tmp_path: Path, name: str) -> Path:
    """A database holding the same documents and annotations as ``linked``, and no relation."""
    db = tmp_path / f"{name}.db"
    assert cli("import", SEEDS, linked.corpus, "--db", db).code == 0
    annotations = export(cli, linked.db, tmp_path / f"{name}-annotations.csv", "annotations", "csv")
    assert cli("import-annotations", annotations, "--db", db).code == 0
    return db


@pytest.mark.parametrize(("fmt", "dialect"), FORMATS)
def test_the_relations_table_comes_back_field_by_field_and_a_second_time_adds_nothing(
    cli, linked, tmp_path, fmt, dialect
):
    out = export(cli, linked.db, tmp_path / f"relations.{fmt}", "relations", fmt, dialect)
    db = fresh_database(cli, linked, tmp_path, "fresh")
    # Told by the content: a relations JSONL by its first line's relation_id.
    first = cli("import-annotations", out, "--db", db)
    second = cli("import-annotations", out, "--db", db)

    assert first.code == 0, first.err
    assert first.out.splitlines() == ["relations: imported 5, unchanged 0, refused 0"]
    assert second.out.splitlines() == ["relations: imported 0, unchanged 5, refused 0"]
    with Store.open(linked.db, read_only=True) as source, Store.open(db, read_only=True) as copy:
        assert all_relations(copy) == all_relations(source)


@pytest.mark.parametrize(("fmt", "dialect"), FORMATS)
def test_the_claims_table_gives_its_links_back(cli, linked, tmp_path, fmt, dialect):
    out = export(cli, linked.db, tmp_path / f"claims.{fmt}", "claims", fmt, dialect)
    db = fresh_database(cli, linked, tmp_path, "fresh")
    first = cli("import-annotations", out, "--db", db)
    second = cli("import-annotations", out, "--db", db)

    assert first.code == 0, first.err
    assert first.out.splitlines() == ["relations: imported 5, unchanged 0, refused 0"]
    assert second.out.splitlines() == ["relations: imported 0, unchanged 5, refused 0"]
    with Store.open(linked.db, read_only=True) as source, Store.open(db, read_only=True) as copy:
        links = {(r.type, r.source_id, r.target_id) for r in all_relations(source).values()}
        made = all_relations(copy).values()
        assert {(r.type, r.source_id, r.target_id) for r in made} == links
        assert {(r.annotator, r.status) for r in made} == {(default_annotator(), "pending")}


def test_the_jsonl_of_annotations_carries_the_relations_as_lines_of_their_own(cli, linked, tmp_path):
    out = export(cli, linked.db, tmp_path / "all.jsonl", "annotations", "jsonl")

    lines = out.read_text(encoding="utf-8").splitlines()

    with Store.open(linked.db, read_only=True) as store:
        annotation_lines = [json.dumps({c: row[c] for c in COLUMNS}, ensure_ascii=False) for row in store.export_rows()]
    assert lines[: len(annotation_lines)] == annotation_lines  # as before relations, byte for byte
    relation_lines = [json.loads(line) for line in lines[len(annotation_lines) :]]
    assert [list(record) for record in relation_lines] == [["kind", *RELATION_HEADER]] * 5
    assert {record.pop("kind") for record in relation_lines} == {"relation"}
    assert {r["relation_id"]: r for r in relation_lines} == stored_relation_rows(linked.db)


def test_the_jsonl_of_annotations_brings_both_back_in_one_file_and_an_older_one_still_imports(cli, linked, tmp_path):
    out = export(cli, linked.db, tmp_path / "all.jsonl", "annotations", "jsonl")
    older = tmp_path / "older.jsonl"  # as Reader wrote it before relations: annotation lines only
    lines = out.read_text("utf-8").splitlines()
    older.write_text("".join(line + "\n" for line in lines if '"kind"' not in line), encoding="utf-8")
    both, annotations_only = tmp_path / "both.db", tmp_path / "annotations-only.db"
    for db in (both, annotations_only):
        assert cli("import", SEEDS, linked.corpus, "--db", db).code == 0

    first = cli("import-annotations", out, "--db", both)
    again = cli("import-annotations", out, "--db", both)
    old = cli("import-annotations", older, "--db", annotations_only)

    assert first.code == 0, first.err
    assert first.out.splitlines() == [
        "imported 8, unchanged 0, refused 0",
        "relations: imported 5, unchanged 0, refused 0",
    ]
    assert again.out.splitlines() == [
        "imported 0, unchanged 8, refused 0",
        "relations: imported 0, unchanged 5, refused 0",
    ]
    assert (old.code, old.out.splitlines()) == (0, ["imported 8, unchanged 0, refused 0"])
    with Store.open(linked.db, read_only=True) as source, Store.open(both, read_only=True) as copy:
        assert all_relations(copy) == all_relations(source)


def test_the_workbook_of_annotations_has_sheets_of_relations_and_claims_and_brings_them_back(cli, linked, tmp_path):
    out = export(cli, linked.db, tmp_path / "all.xlsx", "annotations", "xlsx")
    db = tmp_path / "back.db"
    assert cli("import", SEEDS, linked.corpus, "--db", db).code == 0

    workbook = openpyxl.load_workbook(out, read_only=True)
    sheets = workbook.sheetnames
    relation_rows = list(workbook["relations"].iter_rows(values_only=True))
    claim_header = next(workbook["claims"].iter_rows(values_only=True))
    workbook.close()
    first = cli("import-annotations", out, "--db", db)
    again = cli("import-annotations", out, "--db", db)

    assert sheets == ["annotations", "relations", "claims", "documents"]
    assert list(relation_rows[0]) == RELATION_HEADER and len(relation_rows) == 1 + 5
    assert claim_header[:3] == ("claim_id", "document", "document_sha256") and "said_by_ids" in claim_header
    assert first.code == 0, first.err
    # The claims sheet names the same links as the relations sheet: they are there already.
    assert first.out.splitlines() == [
        "imported 8, unchanged 0, refused 0",
        "relations: imported 5, unchanged 5, refused 0",
    ]
    assert again.out.splitlines()[-1] == "relations: imported 0, unchanged 10, refused 0"
    with Store.open(linked.db, read_only=True) as source, Store.open(db, read_only=True) as copy:
        assert all_relations(copy) == all_relations(source)


def test_a_relation_whose_end_is_missing_is_refused_in_one_line_and_the_rest_come_in(cli, linked, tmp_path):
    out = export(cli, linked.db, tmp_path / "relations.csv", "relations", "csv", "excel")
    claims = export(cli, linked.db, tmp_path / "claims.csv", "claims", "csv", "excel")
    db = fresh_database(cli, linked, tmp_path, "fresh")
    with Store.open(db) as store:
        store.remove_annotation(linked.actor.id)
    _, rows = read_table(out, "csv")
    line = 2 + [row["relation_id"] for row in rows].index(linked.said.id)

    result = cli("import-annotations", out, "--db", db)
    from_claims = cli("import-annotations", claims, "--db", db)

    assert result.code == from_claims.code == 3
    assert result.err.splitlines() == [
        f"refused line {line}: relation {linked.said.id}: no annotation with id {linked.actor.id} (the target)"
    ]
    assert result.out.splitlines() == ["relations: imported 4, unchanged 0, refused 1"]
    assert len(from_claims.err.splitlines()) == 1
    assert f"said_by to {linked.actor.id}: no annotation with id {linked.actor.id} (the target)" in from_claims.err
    with Store.open(db, read_only=True) as store:
        assert set(all_relations(store)) == set(stored_relation_rows(linked.db)) - {linked.said.id}


def test_a_relation_of_a_type_the_database_lacks_is_refused_naming_it(cli, linked, tmp_path):
    out = export(cli, linked.db, tmp_path / "relations.xlsx", "relations", "xlsx")
    db = fresh_database(cli, linked, tmp_path, "fresh")
    with Store.open(db) as store:
        store.delete_relation_type(DATED)

    result = cli("import-annotations", out, "--db", db)

    assert result.code == 3
    refusals = result.err.splitlines()
    assert len(refusals) == 2
    assert all(
        "unknown relation type 'dated'; add it first: reader relation-types add dated --from-tag claim --to-tag date"
        in line
        for line in refusals
    )
    assert result.out.splitlines() == ["relations: imported 3, unchanged 0, refused 2"]


def test_a_relation_changed_later_replaces_the_stored_one_and_an_older_one_does_not(cli, linked, tmp_path):
    before = export(cli, linked.db, tmp_path / "before.jsonl", "relations", "jsonl")
    db = fresh_database(cli, linked, tmp_path, "fresh")
    assert cli("import-annotations", before, "--format", "jsonl", "--db", db).code == 0
    with Store.open(linked.db) as store:
        changed = store.update_relation(linked.said.changed(note="проверено ✅", status="rejected"))
    after = export(cli, linked.db, tmp_path / "after.jsonl", "relations", "jsonl")

    newer = cli("import-annotations", after, "--format", "jsonl", "--db", db)
    older = cli("import-annotations", before, "--format", "jsonl", "--db", db)

    assert newer.out.splitlines() == ["relations: imported 1, unchanged 4, refused 0"]
    assert older.out.splitlines() == ["relations: imported 0, unchanged 5, refused 0"]
    with Store.open(db, read_only=True) as store:
        assert store.relation(linked.said.id) == changed


def test_another_tools_format_has_no_tables(cli, linked):
    result = cli("export", "--db", linked.db, "--table", "claims", "--format", "brat", "-o", "unused")

    assert result.code == 1
    assert "--table claims is written as csv, jsonl, xlsx, not as brat" in result.err


def many_links(store: Store, claims: int) -> None:
    """``claims`` claims, each said by its own actor: 2 × claims annotations, claims relations."""
    text = "".join(f"Утверждение {i:05d} сказал Источник {i:05d}.\n" for i in range(claims))
    document = store.document(store.import_source(SourceText("many/links.txt", "", text, "utf-8")).document_id)
    line = len(text) // claims
    spans = [(i * line, i * line + 17, "claim") for i in range(claims)]
    spans += [(i * line + 25, i * line + 39, "actor") for i in range(claims)]
    annotations = [Annotation(document_id=document.id, start=s, end=e, text=text[s:e], tag=tag) for s, e, tag in spans]
    store.add_annotations_bulk(annotations)
    store.add_relations(Relation(SAID_BY, annotations[i].id, annotations[claims + i].id) for i in range(claims))


def test_the_tables_are_written_by_one_query_each_however_many_relations(cli, tmp_path):
    db = tmp_path / "many.db"
    with Store.open(db) as store:
        many_links(store, 5_000)
    timings = {}
    for table in ("relations", "claims"):
        statements: list[str] = []
        with Store.open(db, read_only=True) as store:
            store.db.conn.set_trace_callback(statements.append)
            started = time.perf_counter()
            rows = sum(1 for _ in (store.relation_export_rows() if table == "relations" else store.claim_link_rows()))
            timings[table] = time.perf_counter() - started
            store.db.conn.set_trace_callback(None)
        assert rows == 5_000
        assert len(statements) == 1, statements
    started = time.perf_counter()
    for table in ("relations", "claims"):
        export(cli, db, tmp_path / f"{table}.csv", table, "csv", "excel")
    assert time.perf_counter() - started < 10, timings  # about 0.2 s on a laptop, each
