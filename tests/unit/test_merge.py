"""reader.store.merge: documents by content, annotations by id, the newest change wins."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace

import pytest
from team_databases import changed_in_two_files, counts, export_digest, file_digest, make_db

from reader.domain.corpus import SourceText
from reader.domain.tags import Tag
from reader.store import Store, StoreError
from reader.store.merge import merge

TEXT = "Alice met Bob in Paris 🙂 on Monday.\nHe said: «no».\n"
OTHER = "Совсем другой текст о встрече 😀 в понедельник.\n"


def test_documents_are_matched_by_their_text_whatever_their_names(tmp_path):
    a, b, merged = tmp_path / "A.sqlite", tmp_path / "B.sqlite", tmp_path / "M.sqlite"
    make_db(a, {"meeting.txt": TEXT}, [("meeting.txt", 0, 5, "actor")], annotator="alice")
    make_db(b, {"renamed/meeting-copy.txt": TEXT}, [("renamed/meeting-copy.txt", 10, 13, "actor")], annotator="bob")

    report = merge([a, b], merged)

    with Store.open(merged, read_only=True) as store:
        [document] = store.documents()
        assert document.name == "meeting.txt"
        assert [(x.start, x.end, x.annotator) for x in store.annotations(document.id)] == [
            (0, 5, "alice"),
            (10, 13, "bob"),
        ]
    assert report.documents_added == 1 and report.documents_present == 1
    assert [(m.source, m.name, m.target_name) for m in report.matched_by_content] == [
        (str(b), "renamed/meeting-copy.txt", "meeting.txt")
    ]


def test_a_name_taken_by_another_text_gets_the_source_as_suffix(tmp_path):
    a, b, merged = tmp_path / "A.sqlite", tmp_path / "B.sqlite", tmp_path / "M.sqlite"
    make_db(a, {"notes/day.txt": TEXT})
    # 😀 is one code point at 30 (Qt would count two UTF-16 units).
    [annotation] = make_db(b, {"notes/day.txt": OTHER}, [("notes/day.txt", 30, 31, "claim")])

    report = merge([a, b], merged)

    assert [(r.source, r.name, r.new_name) for r in report.renamed] == [(str(b), "notes/day.txt", "notes/day (B).txt")]
    with Store.open(merged, read_only=True) as store:
        assert [d.name for d in store.documents()] == ["notes/day (B).txt", "notes/day.txt"]
        renamed = store.find_document("notes/day (B).txt")
        assert renamed.text == OTHER
        [copied] = store.annotations(renamed.id)
        assert copied == replace(annotation, document_id=renamed.id)
        assert copied.text == "😀"


def test_tags_are_united_and_the_first_colour_wins(tmp_path):
    a, b, merged = tmp_path / "A.sqlite", tmp_path / "B.sqlite", tmp_path / "M.sqlite"
    make_db(a, {"a.txt": TEXT})
    make_db(b, {"b.txt": OTHER})
    with Store.open(a) as store:
        store.save_tag(Tag("place", "#112233", key="p"))
    with Store.open(b) as store:
        store.save_tag(Tag("place", "#445566"))
        store.save_tag(Tag("event", "#778899", key="p"))  # A's place already has key p

    report = merge([a, b], merged)

    with Store.open(merged, read_only=True) as store:
        tags = {t.name: (t.colour, t.key) for t in store.tags()}
    assert tags == {
        "claim": ("#4477aa", "1"),
        "actor": ("#ee6677", "2"),
        "date": ("#228833", "3"),
        "place": ("#112233", "p"),
        "event": ("#778899", ""),
    }
    assert [(c.name, c.kept_colour, c.other_colour, c.source) for c in report.tag_conflicts] == [
        ("place", "#112233", "#445566", str(b))
    ]
    assert report.keys_dropped == [("event", "p")]


def _same_annotation_changed_in_two_files(tmp_path, a_time: str, b_time: str):
    a, b = tmp_path / "A.sqlite", tmp_path / "B.sqlite"
    return a, b, changed_in_two_files(a, b, TEXT, 0, 5, a_time, b_time)


@pytest.mark.parametrize("order", ["A first", "B first"])
def test_the_newest_change_wins_whatever_the_order_and_the_conflict_is_listed(tmp_path, order):
    a, b, original = _same_annotation_changed_in_two_files(
        tmp_path, "2030-01-01T10:00:00.000Z", "2030-01-01T11:00:00.000Z"
    )
    merged = tmp_path / "M.sqlite"

    report = merge([a, b] if order == "A first" else [b, a], merged)

    with Store.open(merged, read_only=True) as store:
        kept = store.annotation(original.id)
    assert (kept.tag, kept.status, kept.note, kept.updated_at) == ("claim", "accepted", "", "2030-01-01T11:00:00.000Z")
    [conflict] = report.conflicts
    assert (conflict.annotation_id, conflict.document) == (original.id, "meeting.txt")
    assert (conflict.kept_from, conflict.other_from) == (str(b), str(a))
    assert conflict.kept.startswith("claim 0..5 'Alice', accepted") and "11:00:00" in conflict.kept
    assert "note 'checked by alice'" in conflict.other and "10:00:00" in conflict.other
    assert report.annotations_added == 1
    assert (report.annotations_updated, report.annotations_unchanged) == ((1, 0) if order == "A first" else (0, 1))


def test_on_equal_times_the_version_already_merged_stays(tmp_path):
    a, b, original = _same_annotation_changed_in_two_files(
        tmp_path, "2030-01-01T10:00:00.000Z", "2030-01-01T10:00:00.000Z"
    )
    merged = tmp_path / "M.sqlite"

    report = merge([b, a], merged)

    with Store.open(merged, read_only=True) as store:
        assert store.annotation(original.id).tag == "claim"  # B's, merged first
    assert [(c.kept_from, c.other_from) for c in report.conflicts] == [(str(b), str(a))]


def test_merging_the_same_files_again_changes_nothing(tmp_path):
    a, b, _ = _same_annotation_changed_in_two_files(tmp_path, "2030-01-01T10:00:00.000Z", "2030-01-01T11:00:00.000Z")
    make_db(b, {"other.txt": OTHER}, [("other.txt", 0, 6, "claim"), ("other.txt", 30, 31, "date")])
    merged = tmp_path / "M.sqlite"

    first = merge([a, b], merged)
    digest, before = export_digest(merged), counts(merged)
    again = merge([a, b], merged)

    assert first.changed and not again.changed
    assert (again.documents_added, again.annotations_added, again.annotations_updated) == (0, 0, 0)
    assert again.annotations_unchanged == before["annotations"] + 1  # B's copy of the shared one, and A's
    assert export_digest(merged) == digest
    assert counts(merged) == before
    assert before["documents"] == 2 and before["annotations"] == 3


def test_sources_are_not_changed_by_a_single_byte(tmp_path):
    a, b, _ = _same_annotation_changed_in_two_files(tmp_path, "2030-01-01T10:00:00.000Z", "2030-01-01T11:00:00.000Z")
    before = {path: file_digest(path) for path in (a, b)}

    merge([a, b], tmp_path / "M.sqlite")
    merge([a, b], tmp_path / "M.sqlite")

    assert {path: file_digest(path) for path in (a, b)} == before


def test_an_existing_database_can_be_the_target(tmp_path):
    a, b, target = tmp_path / "A.sqlite", tmp_path / "B.sqlite", tmp_path / "team.sqlite"
    make_db(a, {"a.txt": TEXT}, [("a.txt", 0, 5, "actor")])
    make_db(b, {"b.txt": OTHER}, [("b.txt", 0, 6, "claim")])
    shutil.copyfile(a, target)

    report = merge([a, b], target)

    assert (report.documents_added, report.documents_present) == (1, 1)
    assert (report.annotations_added, report.annotations_unchanged) == (1, 1)
    assert counts(target)["by_tag"] == {"actor": 1, "claim": 1}


def test_orphaned_annotations_are_copied_still_orphaned(tmp_path):
    a, merged = tmp_path / "A.sqlite", tmp_path / "M.sqlite"
    make_db(a, {"day.txt": TEXT}, [("day.txt", 10, 13, "actor")])
    with Store.open(a) as store:  # Bob is gone from the new text: the annotation is orphaned
        assert store.import_source(SourceText("day.txt", "", "Alice met nobody.\n", "utf-8")).orphaned == 1

    merge([a], merged)

    with Store.open(merged, read_only=True) as store:
        assert [(x.start, x.end, x.text) for x in store.orphaned_annotations()] == [(10, 13, "Bob")]


def test_refused_sources_give_one_line_and_leave_no_target(tmp_path):
    good, merged = tmp_path / "A.sqlite", tmp_path / "M.sqlite"
    make_db(good, {"a.txt": TEXT})
    foreign = tmp_path / "foreign.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
    conn.close()
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(good, newer)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()

    for source, words in [
        (foreign, "another program"),
        (newer, "newer Reader"),
        (tmp_path / "missing.sqlite", "no such database"),
    ]:
        with pytest.raises(StoreError) as refused:
            merge([good, source], merged)
        assert words in str(refused.value) and "\n" not in str(refused.value)
        assert not merged.exists()


def test_the_target_cannot_be_one_of_the_sources(tmp_path):
    a = tmp_path / "A.sqlite"
    make_db(a, {"a.txt": TEXT})
    before = file_digest(a)
    with pytest.raises(StoreError, match="also a source"):
        merge([a], tmp_path / "." / "A.sqlite")
    assert file_digest(a) == before
