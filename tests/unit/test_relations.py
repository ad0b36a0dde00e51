"""Relations in the store and on the command line: checked against their ends and type, gone with
an end, back with it, and refused in one line when they cannot be."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from reader.domain.relations import DATED, SAID_BY, Relation, RelationType
from reader.store import SCHEMA_VERSION, Store, StoreError

SCHEMA_1 = Path(__file__).parent.parent / "data" / "schemas" / "schema-1.db"
SEEDS = Path(__file__).parent.parent.parent / "seeds"
FIRST = "000_0d09ba8671f8300e.txt"
SECOND = "001_c14e630103cc6e18.txt"


@pytest.fixture
def db(tmp_path, cli) -> Path:
    path = tmp_path / "r.db"
    assert cli("import", SEEDS, "--db", path).code == 0
    return path


@pytest.fixture
def ends(db, annotate):
    """A claim, its actor and its date in the first seed, and an actor in the second."""
    with Store.open(db) as store:
        claim = annotate(store, FIRST, "Москва официально не обращалась за помощью", "claim")
        actor = annotate(store, FIRST, "Секретариата ОДКБ", "actor")
        date = annotate(store, FIRST, "Курской области", "date")
        elsewhere = annotate(store, SECOND, store.document(2).text[:5], "actor")
    return claim, actor, date, elsewhere


def test_a_new_database_has_said_by_and_dated(db):
    with Store.open(db, read_only=True) as store:
        kinds = {kind.name: (kind.source_tag, kind.target_tag) for kind in store.relation_types()}
    assert kinds == {SAID_BY: ("claim", "actor"), DATED: ("claim", "date")}


def test_link_prints_the_id_and_the_relation_is_stored_with_its_ends(cli, db, ends):
    claim, actor, _, _ = ends

    outcome = cli("link", "--db", db, "--from", claim.id, "--to", actor.id, "--type", SAID_BY, "--annotator", "anna")

    assert outcome.code == 0, outcome.err
    relation_id = outcome.out.strip()
    with Store.open(db, read_only=True) as store:
        stored = store.relation(relation_id)
        assert stored is not None
        assert (stored.type, stored.source_id, stored.target_id, stored.annotator, stored.status) == (
            SAID_BY,
            claim.id,
            actor.id,
            "anna",
            "pending",
        )
        assert store.relations_of(actor.id) == [stored]
        assert store.document_relations(claim.document_id) == [stored]


@pytest.mark.parametrize(
    ("source", "target", "kind", "reason"),
    [
        ("claim", "date", SAID_BY, "said_by links a claim to a actor, not a claim to a date"),
        ("claim", "elsewhere", SAID_BY, "in different documents"),
        ("claim", "unknown", SAID_BY, "no annotation with id"),
        ("claim", "actor", "quoted_by", "unknown relation type 'quoted_by'"),
        ("claim", "claim", SAID_BY, "not one to itself"),
    ],
)
def test_a_link_that_cannot_be_is_one_line_and_writes_nothing(cli, db, ends, source, target, kind, reason):
    named = dict(zip(("claim", "actor", "date", "elsewhere"), ends, strict=True))
    target_id = named[target].id if target in named else "00000000-0000-0000-0000-000000000000"
    before = hashlib.sha256(db.read_bytes()).hexdigest()

    outcome = cli("link", "--db", db, "--from", named[source].id, "--to", target_id, "--type", kind)

    assert outcome.code == 1
    assert reason in outcome.err
    assert len(outcome.err.strip().splitlines()) == 1
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_the_same_link_twice_is_refused(cli, db, ends):
    claim, actor, _, _ = ends
    cli("link", "--db", db, "--from", claim.id, "--to", actor.id, "--type", SAID_BY)

    again = cli("link", "--db", db, "--from", claim.id, "--to", actor.id, "--type", SAID_BY)

    assert again.code == 1
    assert "already linked as said_by" in again.err


def test_deleting_an_end_takes_its_relations_and_they_come_back_with_it(db, ends):
    claim, actor, date, _ = ends
    with Store.open(db) as store:
        said = store.add_relation(Relation(SAID_BY, claim.id, actor.id, note="в ответе"))
        dated = store.add_relation(Relation(DATED, claim.id, date.id))

        taken = store.remove_annotation(claim.id)

        assert sorted(r.id for r in taken) == sorted([said.id, dated.id])
        assert store.relation(said.id) is None and store.relation(dated.id) is None
        store.add_annotation(claim)
        store.add_relations(taken)
        assert store.relation(said.id) == said
        assert store.relation(dated.id) == dated


def test_a_deleted_tag_takes_its_unused_relation_types_and_gives_them_back(db, ends, annotate):
    claim, actor, date, _ = ends
    with Store.open(db) as store:
        store.add_relation(Relation(SAID_BY, claim.id, actor.id))
        store.remove_annotation(date.id)
        tag = store.tag("date")

        deletion = store.delete_tag("date")
        assert [kind.name for kind in store.relation_types()] == [SAID_BY]
        store.restore_tag(tag, deletion)
        assert [kind.name for kind in store.relation_types()] == [SAID_BY, DATED]

        with pytest.raises(StoreError, match="linked by relation type 'said_by', which 1 relation"):
            store.delete_tag("actor", retag_to="date")
        assert "actor" in store.tag_names()


def test_relation_types_follow_a_renamed_tag(db):
    with Store.open(db) as store:
        store.save_tag(dataclasses.replace(store.tag("actor"), name="speaker"), "actor")
        assert store.relation_type(SAID_BY).target_tag == "speaker"


def test_relation_types_are_listed_added_and_deleted_on_the_command_line(cli, db):
    added = cli("relation-types", "add", "cites", "--from-tag", "claim", "--to-tag", "claim", "--key", "c", "--db", db)
    listed = cli("relation-types", "--db", db)
    wrong = cli("relation-types", "add", "bad", "--from-tag", "claim", "--to-tag", "nope", "--db", db)
    deleted = cli("relation-types", "delete", "cites", "--db", db)

    assert added.code == 0 and "cites" in added.out
    assert [line.split()[:3] for line in listed.out.splitlines()[1:]] == [
        [SAID_BY, "claim", "actor"],
        [DATED, "claim", "date"],
        ["cites", "claim", "claim"],
    ]
    assert wrong.code == 1 and "unknown tag 'nope'" in wrong.err
    assert deleted.code == 0
    with Store.open(db, read_only=True) as store:
        assert [kind.name for kind in store.relation_types()] == [SAID_BY, DATED]


def test_a_relation_type_in_use_keeps_its_tags_and_is_not_deleted(cli, db, ends):
    claim, actor, _, _ = ends
    cli("link", "--db", db, "--from", claim.id, "--to", actor.id, "--type", SAID_BY)

    with Store.open(db) as store:
        with pytest.raises(StoreError, match="used by 1 relation"):
            store.delete_relation_type(SAID_BY)
        with pytest.raises(StoreError, match="its tags cannot change"):
            store.save_relation_type(RelationType(SAID_BY, "claim", "date", "#000000"), SAID_BY)
        store.save_relation_type(RelationType("said", "claim", "actor", "#000000"), SAID_BY)
        assert store.relations_of(claim.id)[0].type == "said"


def test_unlink_deletes_one_relation(cli, db, ends):
    claim, actor, _, _ = ends
    relation_id = cli("link", "--db", db, "--from", claim.id, "--to", actor.id, "--type", SAID_BY).out.strip()

    outcome = cli("unlink", relation_id, "--db", db)
    missing = cli("unlink", relation_id, "--db", db)

    assert outcome.code == 0
    assert missing.code == 1 and "no relation with id" in missing.err


def test_a_schema_1_database_is_upgraded_in_one_step_and_keeps_everything(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(SCHEMA_1, path)
    with closing(sqlite3.connect(SCHEMA_1)) as old:
        before = old.execute('SELECT id, start, "end", text, tag, note FROM annotations ORDER BY id').fetchall()

    with Store.open(path) as store:
        after = [
            (a.id, a.start, a.end, a.text, a.tag, a.note) for d in store.documents() for a in store.annotations(d.id)
        ]
        kinds = [kind.name for kind in store.relation_types()]
        version = store.db.conn.execute("PRAGMA user_version").fetchone()[0]

    assert sorted(after) == sorted(before) and len(before) == 2
    assert kinds == [SAID_BY, DATED]
    assert version == SCHEMA_VERSION == 5


def test_an_upgrade_cut_short_leaves_the_file_as_it_was(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(SCHEMA_1, path)
    with closing(sqlite3.connect(path)) as db, db:
        # Something in the way of the migration's last statement: it fails after the first ones ran.
        db.execute("CREATE VIEW relations_by_target AS SELECT 1")
    with closing(sqlite3.connect(path)) as db:
        tables_before = db.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall()

    with pytest.raises(StoreError):
        Store.open(path)

    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
        assert db.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall() == tables_before


def test_a_schema_1_database_is_read_without_being_changed(cli, tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(SCHEMA_1, path)
    path.chmod(0o444)
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    exported = cli("export", "--db", path, "--format", "jsonl")
    with Store.open(path, read_only=True) as store:
        kinds = [kind.name for kind in store.relation_types()]
        relations = store.document_relations(1)

    assert exported.code == 0, exported.err
    assert len(exported.out.splitlines()) == 2
    assert kinds == [SAID_BY, DATED] and relations == []
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_relation_type_needs_a_colour_and_a_key_of_its_own_whatever_its_case(cli, db):
    bad_colour = cli(
        "relation-types", "add", "x", "--from-tag", "claim", "--to-tag", "actor", "--colour", "red", "--db", db
    )
    same_key = cli("relation-types", "add", "y", "--from-tag", "claim", "--to-tag", "actor", "--key", "S", "--db", db)

    assert bad_colour.code == 1 and "must look like #rrggbb" in bad_colour.err
    assert same_key.code == 1 and "key 'S' already belongs to relation type 'said_by'" in same_key.err
    with Store.open(db, read_only=True) as store:
        assert [kind.name for kind in store.relation_types()] == [SAID_BY, DATED]
