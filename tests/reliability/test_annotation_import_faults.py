"""Faults in annotation import files (wrong columns, bad offsets, unknown tags, duplicates,
garbage lines), and an import that fails or is killed half-way: what is refused is reported
by line, the rest is imported, and a file goes in whole or not at all."""

from __future__ import annotations

import csv
import io
import json
import random
import signal

import pytest
from reliability_support import MIXED_TEXT, cli, start_helper

from reader.domain.annotations import Annotation
from reader.domain.export import COLUMNS
from reader.store import Store


def annotations_for(count: int, seed: int = 0) -> list[Annotation]:
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        start = rng.randrange(len(MIXED_TEXT) - 20)
        end = start + rng.randrange(1, 20)
        result.append(
            Annotation(
                document_id=1,
                start=start,
                end=end,
                text=MIXED_TEXT[start:end],
                tag=rng.choice(["claim", "actor", "date"]),
                note="=1+1 📢",
            )
        )
    return result


@pytest.fixture
def exported(corpus_db, tmp_path):
    """(the JSONL export of 5 annotations of corpus_db, an empty copy of corpus_db)."""
    with Store.open(corpus_db) as store:
        store.add_annotations(annotations_for(5))
    code, out, err = cli("export", "--db", corpus_db, "--format", "jsonl")
    assert code == 0, err
    target = tmp_path / "target.sqlite"
    with Store.open(corpus_db) as source, Store.open(target) as store:
        from reader.domain.corpus import SourceText

        document = source.document(1)
        store.import_source(SourceText(document.name, "", document.text, "utf-8"))
    return out, target


def stored_ids(db) -> set[str]:
    with Store.open(db) as store:
        return {a.id for a in store.annotations(1)}


def test_bad_rows_are_refused_by_line_and_the_rest_imported(exported, tmp_path):
    jsonl, target = exported
    rows = [json.loads(line) for line in jsonl.splitlines()]
    good = [rows[0], rows[1]]
    bad_offsets = dict(rows[2], start=len(MIXED_TEXT) + 5, end=len(MIXED_TEXT) + 9)
    unknown_tag = dict(rows[3], tag="conspiracy")
    no_tag = {k: v for k, v in rows[4].items() if k != "tag"}
    wrong_text = dict(rows[4], annotation_id="x-1", text="not what is there")
    not_a_number = dict(rows[4], annotation_id="x-2", start="five")
    lines = [
        json.dumps(r, ensure_ascii=False)
        for r in (good[0], bad_offsets, unknown_tag, no_tag, wrong_text, not_a_number, good[0], good[1])
    ]
    lines.insert(3, "{not json")
    lines.insert(4, "[1, 2, 3]")
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    code, out, err = cli("import-annotations", path, "--db", target)

    assert code == 3
    assert out == "imported 2, unchanged 1, refused 7\n"  # the repeated row is a duplicate: unchanged
    refused = {int(line.split()[2].rstrip(":")): line for line in err.splitlines()}
    assert sorted(refused) == [2, 3, 4, 5, 6, 7, 8]
    assert "outside" in refused[2] and "unknown tag 'conspiracy'" in refused[3]
    assert "not JSON" in refused[4] and "not a JSON object" in refused[5] and "lacks tag" in refused[6]
    assert "is not 'not what is there'" in refused[7] and "start 'five' is not a whole number" in refused[8]
    assert stored_ids(target) == {good[0]["annotation_id"], good[1]["annotation_id"]}


def test_importing_the_same_file_twice_adds_nothing(exported, tmp_path):
    jsonl, target = exported
    path = tmp_path / "all.jsonl"
    path.write_text(jsonl, encoding="utf-8")
    assert cli("import-annotations", path, "--db", target)[1] == "imported 5, unchanged 0, refused 0\n"
    assert cli("import-annotations", path, "--db", target)[1] == "imported 0, unchanged 5, refused 0\n"
    with Store.open(target) as store:
        assert store.counts()["annotations"] == 5 == store.documents()[0].annotation_count


def test_a_csv_with_wrong_columns_is_refused_whole_in_one_line(exported, tmp_path):
    _, target = exported
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "doc", "from", "to", "label"])
    writer.writerow(["1", "mixed.txt", "0", "5", "claim"])
    path = tmp_path / "other-tool.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")

    code, out, err = cli("import-annotations", path, "--db", target)

    assert (code, out) == (1, "")
    assert err.startswith("reader: the CSV header lacks the column(s) annotation_id, document, document_sha256")
    assert err.count("\n") == 1 and stored_ids(target) == set()


def test_a_csv_row_with_too_few_cells_is_refused_and_the_rest_imported(exported, tmp_path, corpus_db):
    _, target = exported
    code, plain, err = cli("export", "--db", corpus_db, "--dialect", "plain")
    rows = list(csv.reader(io.StringIO(plain)))
    rows[1] = rows[1][:5]  # the first row after the header, which starts on line 2
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path = tmp_path / "cut.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")

    code, out, err = cli("import-annotations", path, "--db", target)

    assert code == 3 and out == "imported 4, unchanged 0, refused 1\n"
    assert err == f"refused line 2: has 5 cells, the header has {len(COLUMNS)}\n"


def test_a_failure_half_way_through_a_file_imports_none_of_it(exported, tmp_path):
    from reader.domain.importing import read_annotation_rows
    from reader.store import StoreError
    from reader.store.exchange import import_annotation_rows

    _, target = exported
    many = tmp_path / "many.jsonl"
    with Store.open(target) as store:
        kept = store.add_annotation(annotations_for(1, seed=99)[0])
    with many.open("w", encoding="utf-8") as handle:
        for a in annotations_for(400, seed=1):
            handle.write(
                json.dumps(
                    {
                        "annotation_id": a.id,
                        "document": "mixed.txt",
                        "document_sha256": "",
                        "start": a.start,
                        "end": a.end,
                        "text": a.text,
                        "tag": a.tag,
                        "note": "n" * 500,
                        "annotator": "",
                        "status": "pending",
                        "reviewer": "",
                        "review_note": "",
                        "created_at": a.created_at,
                        "updated_at": a.updated_at,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    with Store.open(target) as store:
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages + 20}")  # the disk fills up part-way
        read = []

        def counted(rows):
            for row in rows:
                read.append(row.line)
                yield row

        with pytest.raises(StoreError, match="is full"):
            import_annotation_rows(store, counted(read_annotation_rows(many)))
        assert 10 < len(read) < 400
        assert [a.id for a in store.annotations(1)] == [kept.id]


@pytest.mark.parametrize("kill_after", [1, 150, 399])
def test_an_import_killed_half_way_imports_none_of_the_file(exported, tmp_path, kill_after):
    jsonl, target = exported
    many = tmp_path / "many.jsonl"
    template = json.loads(jsonl.splitlines()[0])
    with many.open("w", encoding="utf-8") as handle:
        for a in annotations_for(400, seed=2):
            handle.write(
                json.dumps(
                    dict(template, annotation_id=a.id, start=a.start, end=a.end, text=a.text), ensure_ascii=False
                )
                + "\n"
            )

    with start_helper(target, "import", many) as process:
        for _ in range(kill_after):
            assert process.stdout.readline().startswith("row "), process.stderr.read()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    assert stored_ids(target) == set()

    with start_helper(target, "import", many) as process:  # and left alone, all of it goes in
        out, err = process.communicate(timeout=60)
    assert out.splitlines()[-1] == "done 400 0", err
    assert len(stored_ids(target)) == 400
