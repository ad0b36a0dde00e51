"""Pairing two annotators' relations over the span rows of the comparison, and reading what
this database holds of each pair now, checked against examples worked out by hand."""

from __future__ import annotations

from dataclasses import replace

from reader.domain.annotations import ACCEPTED, REJECTED, Annotation
from reader.domain.comparison import (
    DIFFERENT_EXTENT,
    KEPT_OURS,
    ONLY_A,
    ONLY_B,
    REPLACED,
    SAME,
    TAKEN_THEIRS,
    compare_annotations,
    next_to_settle,
    rows_now,
    tally,
)
from reader.domain.relation_comparison import (
    compare_links,
    counterpart,
    links_now,
)
from reader.domain.relations import DATED, SAID_BY, Relation

TEXT = "Лавров заявил в понедельник, что Москва не просила ОДКБ о помощи."


def span(quote: str, tag: str, who: str) -> Annotation:
    start = TEXT.index(quote)
    return Annotation(1, start, start + len(quote), quote, tag, annotator=who)


def link(kind: str, source: Annotation, target: Annotation, who: str, **fields) -> Relation:
    return Relation(kind, source.id, target.id, annotator=who, **fields)


CLAIM = "Москва не просила ОДКБ о помощи"
A = {
    "claim": span(CLAIM, "claim", "alice"),
    "lavrov": span("Лавров", "actor", "alice"),
    "monday": span("в понедельник", "date", "alice"),
    "odkb": span("ОДКБ", "actor", "alice"),
    "moscow": span("Москва", "actor", "alice"),
}
B = {
    "claim": span(CLAIM, "claim", "bob"),
    "lavrov": span("Лавров", "actor", "bob"),
    "monday": span("понедельник", "date", "bob"),  # a shorter extent: the row differs
    "moscow": span("Москва", "actor", "bob"),
}
ROWS = compare_annotations(list(A.values()), list(B.values()))


def shown(links) -> list[tuple]:
    """Each link row as (type, A's source → target, B's source → target, state), by the ends' texts."""

    def ends(relation: Relation | None, spans: dict[str, Annotation]) -> str | None:
        if relation is None:
            return None
        texts = {x.id: x.text for x in spans.values()}
        return f"{texts[relation.source_id]} → {texts[relation.target_id]}"

    return [(x.type, ends(x.a, A), ends(x.b, B), x.state) for x in links]


def test_the_span_rows_are_as_worked_out():
    assert [(row.a and row.a.text, row.b and row.b.text, row.state) for row in ROWS] == [
        ("Лавров", "Лавров", SAME),
        ("в понедельник", "понедельник", DIFFERENT_EXTENT),
        ("Москва", "Москва", SAME),
        (CLAIM, CLAIM, SAME),
        ("ОДКБ", None, ONLY_A),
    ]


def test_links_pair_when_their_types_match_and_both_ends_sit_in_the_same_rows():
    ours = [
        link(SAID_BY, A["claim"], A["lavrov"], "alice"),
        link(DATED, A["claim"], A["monday"], "alice"),
        link(SAID_BY, A["claim"], A["odkb"], "alice"),  # ОДКБ is alice's only
    ]
    theirs = [
        link(DATED, B["claim"], B["monday"], "bob"),  # its target's row differs in extent: still the same rows
        link(SAID_BY, B["claim"], B["lavrov"], "bob"),
        link(SAID_BY, B["claim"], B["moscow"], "bob"),
    ]
    assert shown(compare_links(ROWS, ours, theirs)) == [
        (SAID_BY, "Москва не просила ОДКБ о помощи → Лавров", "Москва не просила ОДКБ о помощи → Лавров", SAME),
        (
            DATED,
            "Москва не просила ОДКБ о помощи → в понедельник",
            "Москва не просила ОДКБ о помощи → понедельник",
            SAME,
        ),
        (SAID_BY, None, "Москва не просила ОДКБ о помощи → Москва", ONLY_B),
        (SAID_BY, "Москва не просила ОДКБ о помощи → ОДКБ", None, ONLY_A),
    ]


def test_a_type_that_differs_makes_two_rows():
    ours = [link(SAID_BY, A["claim"], A["lavrov"], "alice")]
    theirs = [link("cited", B["claim"], B["lavrov"], "bob")]
    assert shown(compare_links(ROWS, ours, theirs)) == [
        ("cited", None, "Москва не просила ОДКБ о помощи → Лавров", ONLY_B),
        (SAID_BY, "Москва не просила ОДКБ о помощи → Лавров", None, ONLY_A),
    ]


def test_one_end_in_another_row_makes_two_rows():
    ours = [link(SAID_BY, A["claim"], A["lavrov"], "alice")]
    theirs = [link(SAID_BY, B["claim"], B["moscow"], "bob")]  # the same source, the target one row down
    assert shown(compare_links(ROWS, ours, theirs)) == [
        (SAID_BY, "Москва не просила ОДКБ о помощи → Лавров", None, ONLY_A),
        (SAID_BY, None, "Москва не просила ОДКБ о помощи → Москва", ONLY_B),
    ]


def test_a_link_to_the_other_sides_span_sits_in_that_spans_row_and_one_to_no_row_is_left_out():
    outside = span("о помощи", "claim", "alice")  # in no row: made since the pairing, say
    ours = [
        link(SAID_BY, A["claim"], B["lavrov"], "alice"),  # alice linked bob's actor
        link(SAID_BY, outside, A["lavrov"], "alice"),
    ]
    theirs = [link(SAID_BY, B["claim"], B["lavrov"], "bob")]
    links = compare_links(ROWS, ours, theirs)
    assert [(x.a, x.b, x.state, x.source_row, x.target_row) for x in links] == [(ours[0], theirs[0], SAME, 3, 0)]


def test_what_the_database_holds_now_settles_a_row_and_it_stays_put():
    ours = [link(SAID_BY, A["claim"], A["odkb"], "alice"), link(SAID_BY, A["claim"], A["lavrov"], "alice")]
    theirs = [link(SAID_BY, B["claim"], B["moscow"], "bob"), link(SAID_BY, B["claim"], B["lavrov"], "bob")]
    pairs = compare_links(ROWS, ours, theirs)
    annotations = {x.id: x for x in (*A.values(), *B.values())}
    here = {r.id: r for r in (*ours, *theirs)}
    before = links_now(pairs, ROWS, here, annotations)
    assert [(x.state, x.decision, x.to_settle) for x in before] == [
        (SAME, None, False),
        (ONLY_B, None, True),
        (ONLY_A, None, True),
    ]
    assert (tally(before).rows, tally(before).disagree, tally(before).to_settle) == (3, 2, 2)
    assert next_to_settle(before, 1) == 2 and next_to_settle(before, 2) == 1

    # O on bob's only link (rejected here), T on alice's only one (rejected: theirs is nothing).
    here[theirs[0].id] = theirs[0].changed(status=REJECTED)
    here[ours[0].id] = ours[0].changed(status=REJECTED)
    after = links_now(pairs, ROWS, here, annotations)
    assert [x.pair for x in after] == [x.pair for x in before]
    assert [(x.decision, x.to_settle) for x in after] == [(None, False), (KEPT_OURS, False), (TAKEN_THEIRS, False)]
    assert after[1].b_fate == REJECTED and after[1].b_ends == (B["claim"], B["moscow"])
    assert next_to_settle(after, 0) is None


def test_a_copy_from_another_database_links_the_counterparts_here_and_reads_as_theirs():
    """B's link brought in with its id, its ends mapped to A's spans of rows that agree:
    the same rows, so it is their version here; with another type, it is not."""
    theirs = link(SAID_BY, B["claim"], B["moscow"], "bob")
    pairs = compare_links(ROWS, [], [theirs])
    annotations = {x.id: x for x in A.values()}  # only ours are in this database
    assert links_now(pairs, ROWS, {}, annotations)[0].b_fate == "absent"

    copy = replace(theirs, source_id=A["claim"].id, target_id=A["moscow"].id, status=ACCEPTED)
    now = links_now(pairs, ROWS, {copy.id: copy}, annotations)[0]
    assert (now.b_fate, now.decision, now.b_ends) == (ACCEPTED, TAKEN_THEIRS, (A["claim"], A["moscow"]))

    retyped = replace(copy, type=DATED)
    assert links_now(pairs, ROWS, {copy.id: retyped}, annotations)[0].b_fate == REPLACED


def test_the_counterpart_here_of_their_span():
    here = {x.id: x for x in A.values()}
    rows = rows_now(ROWS, here)
    claim_row, monday_row = rows[3], rows[1]
    # A row that agrees: ours stands for theirs.
    assert counterpart(B["claim"].id, claim_row, here, live=True) == A["claim"].id
    # A row still open: nothing does.
    assert counterpart(B["monday"].id, monday_row, here, live=True) is None
    # Kept ours: ours does, while it is live; their span brought in as rejected does otherwise.
    kept = {
        **here,
        A["monday"].id: A["monday"].changed(status=ACCEPTED),
        B["monday"].id: replace(B["monday"], status=REJECTED),
    }
    kept_row = rows_now(ROWS, kept)[1]
    assert kept_row.decision == KEPT_OURS
    assert counterpart(B["monday"].id, kept_row, kept, live=True) == A["monday"].id
    assert counterpart(B["monday"].id, kept_row, kept, live=False) == B["monday"].id
    # Taken theirs: their span, brought in accepted.
    taken = {
        **here,
        A["monday"].id: A["monday"].changed(status=REJECTED),
        B["monday"].id: replace(B["monday"], status=ACCEPTED),
    }
    assert counterpart(B["monday"].id, rows_now(ROWS, taken)[1], taken, live=True) == B["monday"].id
