"""``reader tags``: the list, and each change in its own process on a real database file,
refused in one line (exit code 1, nothing written) when it cannot be made."""

from __future__ import annotations

import hashlib
import random
import re
import sqlite3
from pathlib import Path

import pytest

from reader.domain.annotations import Annotation
from reader.domain.corpus import find_sources, read_source
from reader.domain.tags import PALETTE, Tag
from reader.paths import seeds_dir
from reader.store import Store

SEED = "000_0d09ba8671f8300e.txt"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The seeds, two annotations tagged date and one tagged claim; no connection left open."""
    path = tmp_path / "project.sqlite"
    with Store.open(path) as store:
        for source, name in find_sources([seeds_dir()]):
            store.import_source(read_source(source, name))
        document = store.find_document(SEED)
        for start, tag in ((0, "date"), (10, "date"), (20, "claim")):
            store.add_annotation(
                Annotation(
                    document_id=document.id,
                    start=start,
                    end=start + 5,
                    text=document.text[start : start + 5],
                    tag=tag,
                )
            )
    return path


def tags_of(path: Path) -> list[Tag]:
    with Store.open(path, read_only=True) as store:
        return store.tags()


def annotation_tags(path: Path) -> dict[str, str]:
    with Store.open(path, read_only=True) as store:
        return {a.id: a.tag for d in store.documents() for a in store.annotations(d.id)}


def tag_named(path: Path, name: str) -> Tag:
    return next(t for t in tags_of(path) if t.name == name)


def succeeded(result) -> str:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_the_list_shows_each_tag_with_its_key_colour_position_use_and_description(db, reader_process):
    out = succeeded(reader_process("tags", "--db", db))

    header, *rows = out.splitlines()
    assert re.split(r"\s{2,}", header) == ["name", "key", "colour", "position", "annotations", "description"]
    uses = {"claim": 1, "actor": 0, "date": 2}
    assert [re.split(r"\s{2,}", row.strip()) for row in rows] == [
        [t.name, t.key, t.colour, str(t.position), str(uses[t.name]), t.description] for t in tags_of(db)
    ]


def test_a_new_tag_gets_the_first_free_palette_colour_and_goes_after_the_others(db, reader_process):
    before = tags_of(db)

    out = succeeded(reader_process("tags", "add", "place", "--db", db))

    place = tag_named(db, "place")
    taken = {t.colour for t in before}
    assert place.colour == next(c for c in PALETTE if c not in taken)
    assert place.position == max(t.position for t in before) + 1
    assert (place.key, place.description) == ("", "")
    assert tags_of(db) == [*before, place]
    assert out == f"added tag 'place': colour {place.colour}, no key, position {place.position}\n"


def test_a_new_tag_takes_the_key_colour_and_description_given_with_db_before_the_action(db, reader_process):
    succeeded(
        reader_process(
            "tags", "--db", db, "add", "named entity", "--key", "7", "--colour", "#AA3377", "--description", "a thing"
        )
    )

    assert tag_named(db, "named entity") == Tag("named entity", "#aa3377", key="7", description="a thing", position=3)
    listed = succeeded(reader_process("tags", "--db", db)).splitlines()[-1]
    assert re.split(r"\s{2,}", listed) == ["named entity", "7", "#aa3377", "3", "0", "a thing"]


def test_a_renamed_tag_keeps_its_annotations_colour_and_key(db, reader_process):
    date, dated = tag_named(db, "date"), {i for i, tag in annotation_tags(db).items() if tag == "date"}

    out = succeeded(reader_process("tags", "rename", "date", "when", "--db", db))

    assert tag_named(db, "when") == Tag("when", date.colour, date.key, date.description, date.position)
    assert "date" not in {t.name for t in tags_of(db)}
    assert {i for i, tag in annotation_tags(db).items() if tag == "when"} == dated
    assert out == f"renamed tag 'date' to 'when'; its {len(dated)} annotation(s) followed\n"


def test_recolour_and_key_change_only_what_they_name(db, reader_process):
    actor = tag_named(db, "actor")

    succeeded(reader_process("tags", "recolour", "actor", "#117733", "--db", db))
    succeeded(reader_process("tags", "key", "actor", "9", "--db", db))
    assert tag_named(db, "actor") == Tag("actor", "#117733", "9", actor.description, actor.position)

    out = succeeded(reader_process("tags", "key", "actor", "", "--db", db))
    assert tag_named(db, "actor").key == ""
    assert out == "tag 'actor': no key (was key '9')\n"


def test_an_unused_tag_is_deleted(db, reader_process):
    before = annotation_tags(db)

    out = succeeded(reader_process("tags", "delete", "actor", "--db", db))

    assert [t.name for t in tags_of(db)] == ["claim", "date"]
    assert annotation_tags(db) == before
    assert out == "deleted tag 'actor'; and the relation type(s) that linked it: said_by\n"


def test_a_tag_in_use_is_deleted_with_its_annotations_moved_after_a_backup(db, reader_process):
    before = annotation_tags(db)

    out = succeeded(reader_process("tags", "delete", "date", "--move-to", "actor", "--db", db))

    assert [t.name for t in tags_of(db)] == ["claim", "actor"]
    assert annotation_tags(db) == {i: "actor" if tag == "date" else tag for i, tag in before.items()}
    assert out == (
        "deleted tag 'date'; moved its 2 annotation(s) to 'actor'; and the relation type(s) that linked it: dated\n"
    )
    backups = list((db.parent / "backups").glob("*"))
    assert backups, "no copy was taken before the annotations moved"
    assert "date" in {t.name for t in tags_of(max(backups))}


@pytest.mark.parametrize(
    "arguments, message",
    [
        (("add", "claim"), "a tag named 'claim' already exists"),
        (("add", "place", "--colour", "red"), "tag colour 'red' must look like #rrggbb"),
        (("add", "place", "--colour", "#12345"), "must look like #rrggbb"),
        (("add", "place", "--key", "1"), "key '1' already belongs to tag 'claim'"),
        (("add", "place", "--key", "12"), "must be a single visible character"),
        (("add", "place", "--key", " "), "must be a single visible character"),
        (("add", " place"), "without surrounding spaces"),
        (("rename", "nope", "place"), "unknown tag 'nope' (known: actor, claim, date)"),
        (("rename", "date", "actor"), "a tag named 'actor' already exists"),
        (("recolour", "date", "blue"), "tag colour 'blue' must look like #rrggbb"),
        (("recolour", "nope", "#112233"), "unknown tag 'nope'"),
        (("key", "actor", "1"), "key '1' already belongs to tag 'claim'"),
        (("key", "nope", "4"), "unknown tag 'nope'"),
        (("delete", "nope"), "unknown tag 'nope'"),
        (("delete", "date"), "tag 'date' is used by 2 annotation(s); nothing was deleted (give --move-to OTHER"),
        (("delete", "date", "--move-to", "nope"), "no other tag named 'nope'"),
        (("delete", "date", "--move-to", "date"), "no other tag named 'date'"),
    ],
)
def test_a_change_that_cannot_be_made_is_refused_in_one_line_and_writes_nothing(db, reader_process, arguments, message):
    before = tags_of(db), annotation_tags(db)

    result = reader_process("tags", *arguments, "--db", db)

    assert result.returncode == 1, result.stdout
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("reader: "), result.stderr
    assert message in result.stderr
    assert (tags_of(db), annotation_tags(db)) == before


def test_a_change_to_a_damaged_database_is_refused_and_writes_nothing(db, reader_process):
    garble_index(db, "annotations_by_tag")
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in db.parent.glob("project.sqlite*")}

    result = reader_process("tags", "add", "place", "--db", db)

    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "is damaged" in result.stderr, result.stderr
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in db.parent.glob("project.sqlite*")} == before


def test_without_a_database_it_stops_with_the_usage_or_one_line(tmp_path, reader_process):
    unnamed = reader_process("tags", "add", "place")
    missing = reader_process("tags", "add", "place", "--db", tmp_path / "missing.sqlite")
    listing = reader_process("tags", "--db", tmp_path / "missing.sqlite")

    assert unnamed.returncode == 2 and "the following arguments are required: --db" in unnamed.stderr
    for result in (missing, listing):
        assert result.returncode == 1 and result.stderr.count("\n") == 1 and "no such database" in result.stderr
    assert not (tmp_path / "missing.sqlite").exists()


def garble_index(path: Path, index: str) -> None:
    """Overwrite the pages of one index with noise: the file opens, but SQLite's check of the
    whole file (PRAGMA quick_check) finds the damage."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = [row[0] for row in connection.execute("SELECT pageno FROM dbstat WHERE name = ?", [index])]
    finally:
        connection.close()
    with path.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * page_size)
            handle.write(random.Random(page).randbytes(page_size))
