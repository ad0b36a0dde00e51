"""Merging relations: by id, the newest change wins, conflicts listed, a relation that does not
fit the merged annotations refused and reported; relation types brought as tags are."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from reader.domain.relations import DATED, SAID_BY, Relation, RelationType
from reader.store import Store

SEEDS = Path(__file__).parent.parent.parent / "seeds"
SCHEMA_1 = Path(__file__).parent.parent / "data" / "schemas" / "schema-1.db"
FIRST = "000_0d09ba8671f8300e.txt"
EARLIER, LATER = "2030-01-01T10:00:00.000Z", "2030-01-01T11:00:00.000Z"


@pytest.fixture
def base(tmp_path, cli, annotate):
    """The database both annotators began from: the seeds, with a claim, its actor and its date."""
    path = tmp_path / "base.sqlite"
    assert cli("import", SEEDS, "--db", path).code == 0
    with Store.open(path) as store:
        claim = annotate(store, FIRST, "Москва официально не обращалась за помощью", "claim")
        actor = annotate(store, FIRST, "Секретариата ОДКБ", "actor")
        date = annotate(store, FIRST, "Курской области", "date")
    return path, claim, actor, date


def copies(base_path: Path, *names: str) -> list[Path]:
    """Each annotator's file, a copy of the one they began from (so that ids are shared)."""
    paths = [base_path.with_name(name) for name in names]
    for path in paths:
        shutil.copyfile(base_path, path)
    return paths


def section(out: str, heading: str) -> list[str]:
    """The report's lines from the one starting with ``heading`` up to the next unindented one."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return lines[start:end]


def relation_rows(path: Path) -> list[Relation]:
    with Store.open(path, read_only=True) as store:
        return store.every_relation()


@pytest.fixture
def two_annotators(base):
    """A and B share relation ``shared``; A gave it a note, later B accepted it. A linked the claim
    to its date, and so did B, independently (another id for the same link)."""
    path, claim, actor, date = base
    with Store.open(path) as store:
        shared = store.add_relation(Relation(SAID_BY, claim.id, actor.id, annotator="base"))
    a, b = copies(path, "A.sqlite", "B.sqlite")
    with Store.open(a) as store:
        store.update_relation(replace(shared, note="checked by anna", updated_at=EARLIER))
        dated_by_a = store.add_relation(Relation(DATED, claim.id, date.id, annotator="anna"))
    with Store.open(b) as store:
        store.update_relation(replace(shared, status="accepted", reviewer="boris", updated_at=LATER))
        dated_by_b = store.add_relation(Relation(DATED, claim.id, date.id, annotator="boris"))
    return a, b, shared, dated_by_a, dated_by_b


@pytest.mark.parametrize("order", ["A first", "B first"])
def test_the_newest_change_wins_whatever_the_order_and_conflicts_are_listed(cli, two_annotators, order):
    a, b, shared, dated_by_a, dated_by_b = two_annotators
    merged = a.with_name("M.sqlite")
    sources = [a, b] if order == "A first" else [b, a]

    outcome = cli("merge", *sources, "-o", merged)

    assert outcome.code == 0, outcome.err
    kept = {r.id: r for r in relation_rows(merged)}
    assert (kept[shared.id].status, kept[shared.id].note, kept[shared.id].updated_at) == ("accepted", "", LATER)
    # The link claim -> date is held by whichever file came first; the other is set aside.
    first_dated, other_dated = (dated_by_a, dated_by_b) if order == "A first" else (dated_by_b, dated_by_a)
    assert set(kept) == {shared.id, first_dated.id}
    # A first: A's two are added, then B's newer shared one updates, B's link is the same.
    # B first: B's two are added, then A's older shared one and A's same link change nothing.
    expected = "1 updated, 1 unchanged" if order == "A first" else "0 updated, 2 unchanged"
    assert f"relations: 2 added, {expected}, 0 refused" in outcome.out
    conflicts = section(outcome.out, "relation conflicts: 2")
    changed, same_link = conflicts[1:4], conflicts[4:7]
    assert changed[0] == f"  in {FIRST!r}, changed in both"
    assert changed[1].startswith(f"    kept:      {shared.id} said_by: claim 'Москва официально н…' -> actor")
    assert "accepted" in changed[1] and f"({b})" in changed[1]
    assert "note 'checked by anna'" in changed[2] and f"({a})" in changed[2]
    assert same_link[0] == f"  in {FIRST!r}, the same link as another relation"
    assert same_link[1].startswith(f"    kept:      {first_dated.id} dated: claim")
    assert same_link[2].startswith(f"    set aside: {other_dated.id} dated: claim")


def test_merging_the_same_files_again_adds_nothing(cli, two_annotators):
    a, b, *_ = two_annotators
    merged = a.with_name("M.sqlite")
    assert cli("merge", a, b, "-o", merged).code == 0
    before = relation_rows(merged)

    again = cli("merge", a, b, "-o", merged)

    assert again.code == 0, again.err
    assert relation_rows(merged) == before
    assert "relation types: 0 added" in again.out
    # A's shared one (older than the merged one) and its link, B's shared one and its link
    # (held by A's): 4, as A's and B's 3 annotations are 6.
    assert "relations: 0 added, 0 updated, 4 unchanged, 0 refused" in again.out
    assert "annotations: 0 added, 0 updated, 6 unchanged" in again.out


def test_a_relation_whose_end_is_no_longer_the_right_tag_is_refused_and_reported(cli, base):
    path, claim, actor, _ = base
    with Store.open(path) as store:
        said = store.add_relation(Relation(SAID_BY, claim.id, actor.id, annotator="anna"))
    a, b = copies(path, "A.sqlite", "B.sqlite")
    with Store.open(b) as store:  # B unlinked the actor and made it a date, later
        store.delete_relation(said.id)
        store.update_annotation(replace(actor, tag="date", updated_at=LATER))
    merged = a.with_name("M.sqlite")

    outcome = cli("merge", a, b, "-o", merged)

    assert outcome.code == 0, outcome.err
    assert relation_rows(merged) == []
    assert "relations: 0 added, 0 updated, 0 unchanged, 1 refused" in outcome.out
    [refused] = section(outcome.out, "relations:")[1:]
    assert refused.startswith(
        f"  refused: {said.id} said_by: claim 'Москва официально н…' -> actor 'Секретариата ОДКБ'"
    )
    assert refused.endswith(f"({a}): said_by links a claim to a actor, not a claim to a date")


def test_a_relation_whose_end_is_missing_is_refused_and_reported(cli, base):
    path, claim, actor, _ = base
    with Store.open(path) as store:
        said = store.add_relation(Relation(SAID_BY, claim.id, actor.id))
    [written_elsewhere] = copies(path, "elsewhere.sqlite")
    # Another program deleted the actor with SQLite's foreign keys off, leaving the relation behind.
    with closing(sqlite3.connect(written_elsewhere)) as conn, conn:
        conn.execute("DELETE FROM annotations WHERE id = ?", [actor.id])
    merged = path.with_name("M.sqlite")

    outcome = cli("merge", written_elsewhere, "-o", merged)

    assert outcome.code == 0, outcome.err
    assert relation_rows(merged) == []
    [refused] = section(outcome.out, "relations: 0 added, 0 updated, 0 unchanged, 1 refused")[1:]
    assert refused.startswith(f"  refused: {said.id} said_by: claim 'Москва официально н…' -> no annotation {actor.id}")
    assert refused.endswith(f"no annotation with id {actor.id} (the target)")


def test_a_type_linking_other_tags_is_a_conflict_and_its_relations_are_not_brought(cli, base):
    path, claim, actor, date = base
    a, b = copies(path, "A.sqlite", "B.sqlite")
    with Store.open(a) as store:
        said = store.add_relation(Relation(SAID_BY, claim.id, actor.id))
        store.save_relation_type(RelationType("cited", "claim", "actor", "#654321", "q", position=2))
    with Store.open(b) as store:  # B made said_by link claims to dates, and used it so
        store.save_relation_type(RelationType(SAID_BY, "claim", "date", "#123456", "s"), old_name=SAID_BY)
        said_when = store.add_relation(Relation(SAID_BY, claim.id, date.id))
        store.save_relation_type(RelationType("quoted", "claim", "actor", "#abcdef", "q", position=2))
    merged = path.with_name("M.sqlite")

    outcome = cli("merge", b, a, "-o", merged)

    assert outcome.code == 0, outcome.err
    assert [r.id for r in relation_rows(merged)] == [said_when.id]
    with Store.open(merged, read_only=True) as store:
        kinds = {kind.name: (kind.source_tag, kind.target_tag, kind.key) for kind in store.relation_types()}
    assert kinds == {
        SAID_BY: ("claim", "date", "s"),
        DATED: ("claim", "date", "d"),
        "quoted": ("claim", "actor", "q"),
        "cited": ("claim", "actor", ""),
    }
    types = section(outcome.out, "relation types: 4 added")
    assert types == [
        f"relation types: 4 added ({SAID_BY}, {DATED}, quoted, cited)",
        f"  tags: relation type 'said_by' links claim -> date; {a} has it link claim -> actor, "
        "so its relations of that type were not brought",
        "  key: relation type 'cited' was added without its key 'q', which another type has",
    ]
    [refused] = section(outcome.out, "relations: 1 added, 0 updated, 0 unchanged, 1 refused")[1:]
    assert refused.startswith(f"  refused: {said.id} said_by: claim")
    assert refused.endswith(f"({a}): relation type 'said_by' links claim -> date here")


def test_an_older_files_default_type_linking_a_tag_it_lacks_is_left_out_and_said(tmp_path, cli):
    # A file of schema 1 (before relations) whose user deleted the tag date; read, it lends the
    # default relation types, and dated links date.
    older = tmp_path / "older.sqlite"
    shutil.copyfile(SCHEMA_1, older)
    with closing(sqlite3.connect(older)) as conn, conn:
        conn.execute("DELETE FROM tags WHERE name = 'date'")
    merged = tmp_path / "M.sqlite"

    outcome = cli("merge", older, "-o", merged)

    assert outcome.code == 0, outcome.err
    assert section(outcome.out, "relation types:") == [
        f"relation types: 1 added ({SAID_BY})",
        f"  left out: relation type 'dated' of {older} links tag 'date', which {older} lacks",
    ]
    with Store.open(merged, read_only=True) as store:
        assert [kind.name for kind in store.relation_types()] == [SAID_BY]


def test_a_key_another_type_has_in_the_other_case_is_dropped_too(cli, base):
    # Alt+key picks a type whatever the case, so the store takes q and Q for one key.
    path, *_ = base
    a, b = copies(path, "A.sqlite", "B.sqlite")
    with Store.open(a) as store:
        store.save_relation_type(RelationType("cited", "claim", "actor", "#654321", "q", position=2))
    with Store.open(b) as store:
        store.save_relation_type(RelationType("quoted", "claim", "actor", "#abcdef", "Q", position=2))
    merged = path.with_name("M.sqlite")

    outcome = cli("merge", a, b, "-o", merged)

    assert outcome.code == 0, outcome.err
    with Store.open(merged, read_only=True) as store:
        keys = {kind.name: kind.key for kind in store.relation_types()}
    assert keys["cited"] == "q" and keys["quoted"] == ""
    assert "  key: relation type 'quoted' was added without its key 'Q', which another type has" in outcome.out
