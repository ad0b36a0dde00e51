"""import-annotations reads back what export wrote, into a fresh database, losing nothing."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from reader.domain.annotations import ACCEPTED, REJECTED
from reader.domain.corpus import find_sources, read_source
from reader.domain.export import COLUMNS, write_annotations
from reader.paths import seeds_dir
from reader.store import Store

SEEDS = seeds_dir()
FIRST, SECOND = sorted(p.name for p in SEEDS.glob("*.txt"))
LINE_BREAK = re.compile(r"\r\n|\r|\n")
FORMATS = {
    "excel": ("--format", "csv", "--dialect", "excel"),
    "plain": ("--format", "csv", "--dialect", "plain"),
    "jsonl": ("--format", "jsonl"),
}


def fresh_db_with_the_seeds(path: Path, reverse: bool = False) -> Path:
    """A database holding the seed documents; ``reverse`` gives them other ids than usual."""
    with Store.open(path) as store:
        for source, name in sorted(find_sources([SEEDS]), reverse=reverse):
            store.import_source(read_source(source, name))
    return path


def all_annotations(db: Path) -> dict:
    """Every annotation by id, its document given by content hash rather than by id."""
    with Store.open(db) as store:
        return {
            a.id: (store.document(a.document_id).sha256, dataclasses.replace(a, document_id=0))
            for d in store.documents()
            for a in store.annotations(d.id)
        }


@pytest.fixture
def annotated_db(seeded_store, annotate) -> Path:
    store = seeded_store
    annotate(store, FIRST, "Москва", "actor", note='He said "no, never", then left', annotator="Анна")
    annotate(store, FIRST, "ОДКБ", "actor", note='=HYPERLINK("x")', annotator="+bob")
    first_text = store.find_document(FIRST).text
    line_break = first_text.index("\n")
    across = first_text[line_break - 5 : line_break + 8]
    annotate(store, FIRST, across, "claim", note="across\na line break\r\nwith CR too")
    accepted = annotate(store, SECOND, "Лавров", "actor", annotator="-dash")
    store.update_annotation(accepted.changed(status=ACCEPTED, reviewer="@rev", review_note="'quoted' ok"))
    rejected = annotate(store, SECOND, "Россия", "claim", note="\tindented\ra lone CR")
    store.update_annotation(rejected.changed(status=REJECTED, reviewer="editor", review_note="no, wrong"))
    return store.path


@pytest.mark.parametrize("kind", FORMATS)
def test_round_trip_into_a_fresh_database_loses_nothing(cli, annotated_db, tmp_path, kind):
    exported = tmp_path / f"export.{kind}"
    assert cli("export", "--db", annotated_db, *FORMATS[kind], "-o", exported).code == 0
    fresh = fresh_db_with_the_seeds(tmp_path / "fresh.sqlite", reverse=True)

    result = cli("import-annotations", exported, "--db", fresh)

    assert result.code == 0, result.err
    assert result.err == ""
    original = all_annotations(annotated_db)
    assert len(original) == 5
    assert result.out.strip() == "imported 5, unchanged 0, refused 0"
    assert all_annotations(fresh) == original
    with Store.open(annotated_db) as before, Store.open(fresh) as after:
        assert list(after.export_rows()) == list(before.export_rows())
        assert after.counts() == before.counts()


@pytest.mark.parametrize("kind", FORMATS)
def test_importing_the_same_file_again_changes_nothing(cli, annotated_db, tmp_path, kind):
    exported = tmp_path / f"export.{kind}"
    cli("export", "--db", annotated_db, *FORMATS[kind], "-o", exported)

    result = cli("import-annotations", exported, "--db", annotated_db)

    assert result.code == 0, result.err
    assert result.out.strip() == "imported 0, unchanged 5, refused 0"
    assert len(all_annotations(annotated_db)) == 5


def exported_rows(cli, db: Path, tmp_path: Path) -> list[dict]:
    path = tmp_path / "rows.jsonl"
    cli("export", "--db", db, "--format", "jsonl", "-o", path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_plain_csv(path: Path, rows: list[dict]) -> list[int]:
    """Write ``rows`` as plain CSV; returns the line each row starts on (CR, LF and CRLF end a line)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_annotations(rows, handle, "csv", "plain")
    starts, line = [], 2
    for row in rows:
        starts.append(line)
        line += 1 + sum(len(LINE_BREAK.findall(str(row[c]))) for c in COLUMNS)
    return starts


def test_rows_that_do_not_fit_their_document_are_reported_and_the_rest_imported(cli, annotated_db, tmp_path):
    good = exported_rows(cli, annotated_db, tmp_path)
    shifted = dict(good[0], start=good[0]["start"] + 1, end=good[0]["end"] + 1)
    beyond = dict(good[1], start=10**6, end=10**6 + 3)
    retexted = dict(good[3], text="not what the document says")
    unknown_tag = dict(good[4], tag="no-such-tag")
    backwards = dict(good[2], start=good[2]["end"], end=good[2]["start"])
    bad = [shifted, beyond, retexted, unknown_tag, backwards]
    rows = [good[2], *bad[:2], good[0], *bad[2:], good[1]]
    starts = write_plain_csv(tmp_path / "mixed.csv", rows)
    fresh = fresh_db_with_the_seeds(tmp_path / "fresh.sqlite")

    result = cli("import-annotations", tmp_path / "mixed.csv", "--db", fresh)

    assert result.code == 3
    reported = result.err.splitlines()
    assert [int(line.split()[2].rstrip(":")) for line in reported] == [
        starts[i] for i, row in enumerate(rows) if any(row is b for b in bad)
    ]
    assert "unknown tag 'no-such-tag'" in reported[3]
    assert result.out.strip() == "imported 3, unchanged 0, refused 5"
    assert sorted(all_annotations(fresh)) == sorted(r["annotation_id"] for r in (good[0], good[1], good[2]))


def test_a_row_for_a_document_that_is_not_there_is_refused(cli, annotated_db, tmp_path):
    rows = exported_rows(cli, annotated_db, tmp_path)
    elsewhere = dict(rows[0], document="other.txt", document_sha256="0" * 64)
    write_plain_csv(tmp_path / "elsewhere.csv", [elsewhere])

    result = cli("import-annotations", tmp_path / "elsewhere.csv", "--db", annotated_db)

    assert result.code == 3
    assert "refused line 2: no document" in result.err
    assert len(all_annotations(annotated_db)) == 5


def test_jsonl_lines_that_are_not_objects_are_reported(cli, annotated_db, tmp_path):
    rows = exported_rows(cli, annotated_db, tmp_path)
    path = tmp_path / "broken.jsonl"
    path.write_text(
        "\n".join([json.dumps(rows[0]), "{not json", "[1, 2]", json.dumps(rows[1])]) + "\n", encoding="utf-8"
    )
    fresh = fresh_db_with_the_seeds(tmp_path / "fresh.sqlite")

    result = cli("import-annotations", path, "--db", fresh)

    assert result.code == 3
    assert [line.split(":")[0] for line in result.err.splitlines()] == ["refused line 2", "refused line 3"]
    assert sorted(all_annotations(fresh)) == sorted([rows[0]["annotation_id"], rows[1]["annotation_id"]])


def test_a_later_change_in_the_file_updates_and_an_earlier_one_does_not(cli, annotated_db, tmp_path):
    rows = exported_rows(cli, annotated_db, tmp_path)
    later = dict(rows[0], note="changed later", updated_at="2999-01-01T00:00:00.000Z")
    earlier = dict(rows[1], note="an old version", updated_at="2000-01-01T00:00:00.000Z")
    write_plain_csv(tmp_path / "changes.csv", [later, earlier])

    result = cli("import-annotations", tmp_path / "changes.csv", "--db", annotated_db)

    assert result.out.strip() == "imported 1, unchanged 1, refused 0"
    stored = dict(all_annotations(annotated_db))
    assert stored[later["annotation_id"]][1].note == "changed later"
    assert stored[earlier["annotation_id"]][1].note == rows[1]["note"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"name,colour\nclaim,#fff\n", "lacks the column"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
    ],
)
def test_a_file_that_is_not_an_export_is_refused_in_one_line(cli, annotated_db, tmp_path, content, message):
    path = tmp_path / "not-an-export.csv"
    path.write_bytes(content)

    result = cli("import-annotations", path, "--db", annotated_db)

    assert result.code == 1
    assert message in result.err and len(result.err.splitlines()) == 1
    assert len(all_annotations(annotated_db)) == 5
