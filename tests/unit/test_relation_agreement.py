"""Relation agreement: a relation of A pairs with one of B of the same type when both its ends
pair, exactly or by overlap; the figures worked out by hand in the comments."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from reader.domain.agreement import LinkedSpans, compare_relations
from reader.domain.relations import DATED, SAID_BY, Relation
from reader.store import Store

SEEDS = Path(__file__).parent.parent.parent / "seeds"
FIRST = "000_0d09ba8671f8300e.txt"
# The spans each annotator marked in the first seed: (name, tag, A's quote, B's quote).
# B's actor "Секретариата" lies inside A's "Секретариата ОДКБ", B's second claim inside A's.
SPANS = [
    ("claim1", "claim", "Москва официально не обращалась за помощью", "Москва официально не обращалась за помощью"),
    ("actor1", "actor", "Секретариата ОДКБ", "Секретариата"),
    ("date1", "date", "Курской области", "Курской области"),
    ("claim2", "claim", "Официальных переговоров и встреч", "Официальных переговоров"),
    ("actor2", "actor", "секретариат ОДКБ", "секретариат ОДКБ"),
]


def annotator(tmp_path: Path, cli, annotate, name: str, links, rejected_spans=()) -> Path:
    """A database of the seeds with ``SPANS`` as annotator ``name`` (A or B) quotes them, the
    ``rejected_spans`` (name, tag, quote) marked rejected, and ``links`` (type, source, target,
    status) between them."""
    path = tmp_path / f"{name}.sqlite"
    assert cli("import", SEEDS, "--db", path).code == 0
    quote = 2 if name == "A" else 3
    with Store.open(path) as store:
        made = {spans[0]: annotate(store, FIRST, spans[quote], spans[1]) for spans in SPANS}
        for label, tag, text in rejected_spans:
            made[label] = annotate(store, FIRST, text, tag, status="rejected")
        for kind, source, target, status in links:
            store.add_relation(Relation(kind, made[source].id, made[target].id, status=status))
    return path


@pytest.fixture
def files(tmp_path, cli, annotate) -> tuple[Path, Path]:
    a = annotator(
        tmp_path,
        cli,
        annotate,
        "A",
        [
            (SAID_BY, "claim1", "actor1", "pending"),
            (DATED, "claim1", "date1", "accepted"),
            (SAID_BY, "claim2", "actor2", "pending"),
            (DATED, "claim2", "date1", "pending"),
            (SAID_BY, "claim1", "radio", "pending"),  # its end is rejected: not counted
        ],
        rejected_spans=[("radio", "actor", "Радио Свобода")],
    )
    b = annotator(
        tmp_path,
        cli,
        annotate,
        "B",
        [
            (SAID_BY, "claim1", "actor1", "pending"),
            (DATED, "claim1", "date1", "pending"),
            (SAID_BY, "claim2", "actor2", "accepted"),
            (DATED, "claim2", "date1", "rejected"),  # rejected: not counted (it would pair with A's)
        ],
    )
    return a, b


def relation_rows(out: str) -> dict[str, list[str]]:
    """The relation table: {type: its cells after the name}."""
    table = out.split("\nrelations: ", 1)[1].split("\n\n", 1)[1]
    return {line.rsplit(None, 10)[0]: line.rsplit(None, 10)[1:] for line in table.splitlines()[1:]}


def figures(*values) -> list[str]:
    return [f"{float(value):.3f}" for value in values]


# dated: A 2, B 1; exact 1: P = 1/1, R = 1/2, F1 = 2*1/(2+1) = 2/3; overlap 1: the same.
DATED_ROW = [
    "2",
    "1",
    "1",
    *figures(1, Fraction(1, 2), Fraction(2, 3)),
    "1",
    *figures(1, Fraction(1, 2), Fraction(2, 3)),
]


def test_relations_pair_when_their_type_matches_and_both_ends_pair(cli, files):
    outcome = cli("agreement", *files)

    assert outcome.code == 0, outcome.err
    assert "not counted: rejected relations, and relations with a rejected or orphaned end" in outcome.out
    rows = relation_rows(outcome.out)
    assert list(rows) == [DATED, SAID_BY, "(all types)"]
    # Counted: A 4 (not the one to the rejected actor), B 3 (not the rejected one).
    # Exact: only dated claim1 -> date1 has both ends alike in A and B: B's actor1 and claim2
    #   are shorter than A's. By overlap every span pairs with its namesake, so said_by
    #   claim1 -> actor1 and claim2 -> actor2 pair too, and dated claim1 -> date1;
    #   A's dated claim2 -> date1 has no partner (B rejected its own).
    # dated: as DATED_ROW works out.
    assert rows[DATED] == DATED_ROW
    # said_by: A 2, B 2; exact 0: P = R = F1 = 0; overlap 2: P = 2/2, R = 2/2, F1 = 4/4.
    assert rows[SAID_BY] == ["2", "2", "0", *figures(0, 0, 0), "2", *figures(1, 1, 1)]
    # All types: A 4, B 3; exact 1: P = 1/3, R = 1/4, F1 = 2/7; overlap 3: P = 3/3, R = 3/4, F1 = 6/7.
    assert rows["(all types)"] == [
        "4",
        "3",
        "1",
        *figures(Fraction(1, 3), Fraction(1, 4), Fraction(2, 7)),
        "3",
        *figures(1, Fraction(3, 4), Fraction(6, 7)),
    ]


def test_one_tag_keeps_the_relations_with_an_end_of_that_tag(cli, files):
    outcome = cli("agreement", *files, "--tag", "date")

    assert outcome.code == 0, outcome.err
    assert "only relations with an end tagged date" in outcome.out
    # Only the dated relations have a date at an end: the figures of dated above.
    assert relation_rows(outcome.out) == {DATED: DATED_ROW, "(all types)": DATED_ROW}


def test_without_relations_there_is_no_relation_table(tmp_path, cli, annotate):
    a = annotator(tmp_path, cli, annotate, "A", [])
    b = annotator(tmp_path, cli, annotate, "B", [])

    outcome = cli("agreement", a, b)

    assert outcome.code == 0, outcome.err
    assert "\nrelations:" not in outcome.out and "(all types)" not in outcome.out
    assert "claim" in outcome.out  # the span table is there


def test_overlap_pairs_ends_as_span_agreement_pairs_them_one_to_one():
    # A [0,10) [8,12) and B [0,3) [5,12), all claims, as in reader.domain.agreement's docstring:
    # greedy overlap matching pairs [0,10) with [5,12) and leaves [8,12) and [0,3) unpaired,
    # although [8,12) overlaps [5,12). A date at [20,25) in both pairs exactly.
    first = LinkedSpans(
        {"a1": ("d", 0, 10, "claim"), "a2": ("d", 8, 12, "claim"), "ad": ("d", 20, 25, "date")},
        [(DATED, "a1", "ad"), (DATED, "a2", "ad"), (DATED, "a1", "gone")],  # "gone": no counted end
    )
    second = LinkedSpans(
        {"b1": ("d", 0, 3, "claim"), "b2": ("d", 5, 12, "claim"), "bd": ("d", 20, 25, "date")},
        [(DATED, "b2", "bd"), (DATED, "b1", "bd")],
    )

    report = compare_relations(first, second, {"d": 30})

    [dated] = report.by_type
    # A's a1 -> ad pairs with B's b2 -> bd (a1's partner is b2); a2 and b1 have no partner.
    # Exact: no two claims are alike. A 2 counted, B 2: overlap P = 1/2, R = 1/2.
    assert (dated.exact.matched, dated.exact.first, dated.exact.second) == (0, 2, 2)
    assert (dated.overlap.matched, dated.overlap.precision, dated.overlap.recall) == (1, 0.5, 0.5)
    # Another document, not compared, leaves every relation out.
    assert compare_relations(first, second, {"elsewhere": 30}).overall.exact.first == 0
