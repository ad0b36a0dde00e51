"""What a row of the comparison reads once the editor has taken theirs (T) or kept ours (O):
the pairing stays, and the decision is read back from what the database holds."""

from __future__ import annotations

from dataclasses import replace

from reader.domain.annotations import ACCEPTED, PENDING, REJECTED, Annotation
from reader.domain.comparison import (
    ABSENT,
    DIFFERENT,
    DIFFERENT_EXTENT,
    DIFFERENT_TAG,
    KEPT_OURS,
    ONLY_A,
    ONLY_B,
    REPLACED,
    SAME,
    TAKEN_THEIRS,
    ComparedRow,
    compare_annotations,
    difference,
    left_out,
    next_to_settle,
    rows_now,
    tally,
)
from reader.ui.compare.settling import keeping_ours, taking_theirs

TEXT = "😀 Сергей Лавров заявил, что Москва не обращалась за помощью к ОДКБ."
DOCUMENT = 1


def span(quote: str, tag: str, who: str, **fields) -> Annotation:
    start = TEXT.index(quote)
    return Annotation(DOCUMENT, start, start + len(quote), quote, tag, annotator=who, **fields)


class Database:
    """This database's annotations of the document, by id, changed as a command changes them."""

    def __init__(self, *annotations: Annotation):
        self.here = {a.id: a for a in annotations}
        self.steps: list[list] = []

    def apply(self, changes) -> None:
        for before, after in changes:
            assert before is None or self.here[before.id] == before  # a change starts from what is stored
            self.here[after.id] = after
        self.steps.append(changes)

    def undo(self) -> None:
        for before, after in reversed(self.steps.pop()):
            if before is None:
                del self.here[after.id]
            else:
                self.here[before.id] = before

    def settle(self, settle, pairs: list[ComparedRow], row: int) -> None:
        changes, _nothing = settle(rows_now(pairs, self.here)[row], self.here.get, "editor", DOCUMENT)
        assert changes
        self.apply(changes)


def test_each_difference_is_named_by_one_rule():
    actor, wider = span("Лавров", "actor", "a"), span("Сергей Лавров", "actor", "b")
    assert difference(actor, replace(actor, id="x")) == SAME
    assert difference(actor, replace(actor, tag="claim")) == DIFFERENT_TAG
    assert difference(actor, wider) == DIFFERENT_EXTENT
    assert difference(actor, replace(wider, tag="claim")) == DIFFERENT
    assert (difference(actor, None), difference(None, wider)) == (ONLY_A, ONLY_B)


ALICE = {
    "claim": span("Сергей Лавров заявил", "claim", "alice"),
    "actor": span("Лавров", "actor", "alice"),
}
BOB = {
    "claim": span("Лавров заявил", "claim", "bob"),
    "actor": span("Сергей Лавров", "actor", "bob"),
    "odkb": span("ОДКБ", "actor", "bob"),
}


def test_settled_rows_keep_their_pairs_and_read_what_was_decided_in_one_database():
    database = Database(*ALICE.values(), *BOB.values())
    pairs = compare_annotations(list(ALICE.values()), list(BOB.values()))
    assert [(p.a and p.a.id, p.b.id) for p in pairs] == [
        (ALICE["actor"].id, BOB["actor"].id),
        (ALICE["claim"].id, BOB["claim"].id),
        (None, BOB["odkb"].id),
    ]
    database.settle(keeping_ours, pairs, 1)
    database.settle(taking_theirs, pairs, 0)
    database.settle(keeping_ours, pairs, 2)
    rows = rows_now(pairs, database.here)
    assert [row.pair for row in rows] == pairs
    assert [(row.a_fate, row.b_fate, row.state, row.decision) for row in rows] == [
        (REJECTED, ACCEPTED, DIFFERENT_EXTENT, TAKEN_THEIRS),
        (ACCEPTED, REJECTED, DIFFERENT_EXTENT, KEPT_OURS),
        (None, REJECTED, ONLY_B, KEPT_OURS),
    ]
    assert (tally(rows).settled, tally(rows).to_settle) == (3, 0)

    database.undo()
    database.undo()
    rows = rows_now(pairs, database.here)
    assert [row.decision for row in rows] == [None, KEPT_OURS, None]
    assert [row.to_settle for row in rows] == [True, False, True]


def test_from_another_database_theirs_comes_in_with_t_and_is_recorded_as_rejected_with_o():
    ours = span("Лавров", "actor", "alice")
    theirs, only_theirs = span("Сергей Лавров", "actor", "bob"), span("ОДКБ", "actor", "bob")
    pairs = compare_annotations([ours], [theirs, only_theirs])
    database = Database(ours)
    rows = rows_now(pairs, database.here)
    assert [(row.a_fate, row.b_fate, row.decision) for row in rows] == [(PENDING, ABSENT, None), (None, ABSENT, None)]
    assert rows[0].b == theirs  # shown as it is in its own database

    database.settle(taking_theirs, pairs, 0)
    assert database.here[theirs.id].status == ACCEPTED and database.here[ours.id].status == REJECTED
    database.settle(keeping_ours, pairs, 1)
    assert database.here[only_theirs.id].status == REJECTED
    assert [row.decision for row in rows_now(pairs, database.here)] == [TAKEN_THEIRS, KEPT_OURS]


def test_ours_accepted_before_the_comparison_is_not_a_decision_about_theirs():
    ours = span("Москва", "actor", "alice", status=ACCEPTED)
    theirs = span("Москва не обращалась", "claim", "bob")
    pairs = compare_annotations([ours], [theirs])
    assert rows_now(pairs, {ours.id: ours})[0].decision is None


def test_both_accepted_is_still_to_settle():
    ours, theirs = span("Лавров", "actor", "alice", status=ACCEPTED), span("Сергей Лавров", "actor", "bob")
    theirs = replace(theirs, status=ACCEPTED)
    row = rows_now(compare_annotations([ours], [theirs]), {ours.id: ours, theirs.id: theirs})[0]
    assert (row.decision, row.to_settle) == (None, True)


def test_two_versions_of_one_annotation():
    """Both files started from one database: the same id holds another version in each."""
    ours = span("Лавров", "actor", "alice")
    theirs = replace(ours, start=ours.start - 7, text="Сергей Лавров", annotator="bob")
    pairs = compare_annotations([ours], [theirs])
    database = Database(ours)
    database.settle(taking_theirs, pairs, 0)
    row = rows_now(pairs, database.here)[0]
    assert (row.a_fate, row.b_fate, row.decision, row.state) == (REPLACED, ACCEPTED, TAKEN_THEIRS, DIFFERENT_EXTENT)
    assert row.a == ours  # our version as it was paired, though its id holds theirs now

    database.settle(keeping_ours, pairs, 0)  # and back: our version, accepted
    row = rows_now(pairs, database.here)[0]
    assert (database.here[ours.id].start, row.a_fate, row.b_fate, row.decision) == (
        ours.start,
        ACCEPTED,
        REPLACED,
        KEPT_OURS,
    )


def test_a_side_edited_during_the_comparison_shows_as_it_is_and_keeps_its_edits_with_o():
    ours, theirs = span("Лавров", "actor", "alice"), span("Сергей Лавров", "actor", "bob")
    pairs = compare_annotations([ours], [theirs])
    moved = replace(ours, start=theirs.start, text=theirs.text)
    database = Database(moved, theirs)
    assert rows_now(pairs, database.here)[0].state == SAME  # same pair, now alike
    database.settle(keeping_ours, pairs, 0)
    assert database.here[ours.id].start == theirs.start


def test_nothing_to_do_says_so():
    ours = span("Лавров", "actor", "alice", status=ACCEPTED)
    row = rows_now(compare_annotations([ours], []), {ours.id: ours})[0]
    assert keeping_ours(row, {ours.id: ours}.get, "editor", DOCUMENT) == ([], "Ours is kept already")


def test_the_next_row_to_settle_goes_round_and_skips_agreements_and_decisions():
    a = [span("Сергей", "actor", "a"), span("Лавров", "actor", "a"), span("Москва", "actor", "a")]
    b = [replace(a[0], id="b0"), span("Сергей Лавров", "actor", "b")]
    pairs = compare_annotations(a, b)
    assert [p.state for p in pairs] == [SAME, DIFFERENT_EXTENT, ONLY_A]
    here = {x.id: x for x in a}
    rows = rows_now(pairs, here)
    assert [next_to_settle(rows, i) for i in range(3)] == [1, 2, 1]
    here[a[2].id] = a[2].changed(status=ACCEPTED)
    rows = rows_now(pairs, here)
    assert [next_to_settle(rows, i) for i in range(3)] == [1, 1, 1]
    assert next_to_settle(rows_now(pairs[:1], here), 0) is None
    assert tally(rows) == type(tally(rows))(rows=3, agree=1, settled=1, to_settle=1)


def test_spans_made_since_the_pairing_are_left_out_of_it():
    first, later = span("Лавров", "actor", "a"), span("ОДКБ", "actor", "a")
    pairs = compare_annotations([first], [])
    assert left_out(pairs, [first, later]) == [later]
