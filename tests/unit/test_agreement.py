"""reader.domain.agreement against small examples worked out by hand (in the comments)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from reader.domain.agreement import compare

# Two documents: d1 has 50 characters, d2 has 10 (60 in all).
LENGTHS = {"d1": 50, "d2": 10}
A = [("d1", 0, 5, "X"), ("d1", 10, 15, "X"), ("d1", 20, 25, "Y"), ("d2", 0, 4, "X")]
B = [("d1", 0, 5, "X"), ("d1", 12, 18, "X"), ("d1", 30, 35, "Y"), ("d1", 40, 42, "X"), ("d2", 0, 4, "X")]


def close_to(fraction: Fraction):
    return pytest.approx(float(fraction), abs=1e-12)


def test_exact_matching():
    report = compare(A, B, LENGTHS)
    x, y = report.by_tag
    # X: A has 3 spans, B has 4. Exactly alike: d1 0..5 and d2 0..4 -> 2.
    #    P = 2/4, R = 2/3, F1 = 2*2/(3+4) = 4/7.
    assert (x.tag, x.exact.matched, x.exact.first, x.exact.second) == ("X", 2, 3, 4)
    assert (x.exact.precision, x.exact.recall, x.exact.f1) == (
        close_to(Fraction(1, 2)),
        close_to(Fraction(2, 3)),
        close_to(Fraction(4, 7)),
    )
    # Y: 20..25 against 30..35 -> 0 of 1 and 1: P = R = F1 = 0.
    assert (y.tag, y.exact.matched, y.exact.precision, y.exact.recall, y.exact.f1) == ("Y", 0, 0, 0, 0)
    # Overall pools the counts: 2 matched, A 4 spans, B 5: P = 2/5, R = 2/4, F1 = 4/9.
    overall = report.overall
    assert (overall.tag, overall.exact.matched, overall.exact.first, overall.exact.second) == (None, 2, 4, 5)
    assert (overall.exact.precision, overall.exact.recall, overall.exact.f1) == (
        close_to(Fraction(2, 5)),
        close_to(Fraction(1, 2)),
        close_to(Fraction(4, 9)),
    )


def test_overlap_matching():
    report = compare(A, B, LENGTHS)
    x, y = report.by_tag
    # X: 0..5~0..5 (5 shared), 10..15~12..18 (3 shared: 12,13,14), d2 0..4~0..4; B's 40..42
    #    meets nothing. 3 pairs: P = 3/4, R = 3/3, F1 = 6/7.
    assert x.overlap.matched == 3
    assert (x.overlap.precision, x.overlap.recall, x.overlap.f1) == (
        close_to(Fraction(3, 4)),
        1,
        close_to(Fraction(6, 7)),
    )
    # Y: 20..25 and 30..35 share nothing.
    assert y.overlap.matched == 0
    # Overall: 3 pairs, A 4, B 5: P = 3/5, R = 3/4, F1 = 6/9.
    assert (report.overall.overlap.precision, report.overall.overlap.recall, report.overall.overlap.f1) == (
        close_to(Fraction(3, 5)),
        close_to(Fraction(3, 4)),
        close_to(Fraction(2, 3)),
    )


def test_kappa_per_tag_and_overall():
    report = compare(A, B, LENGTHS)
    x, y = report.by_tag
    # X, 60 characters. A covers 5+5+4 = 14, B covers 5+6+2+4 = 17.
    #   both: d1 0..5 (5), 12..15 (3), d2 0..4 (4) = 12; A only: 10..12 = 2;
    #   B only: 15..18 (3), 40..42 (2) = 5; neither: 60-12-2-5 = 41.
    #   po = (12+41)/60 = 53/60; pe = (14*17 + 46*43)/60² = (238+1978)/3600 = 2216/3600
    #   kappa = (po-pe)/(1-pe) = (53*60-2216)/(3600-2216) = 964/1384
    assert x.kappa == close_to(Fraction(964, 1384))
    # Y: A covers 20..25 (5), B 30..35 (5), none in common; neither: 50.
    #   po = 50/60; pe = (5*5 + 55*55)/3600 = 3050/3600
    #   kappa = (50*60-3050)/(3600-3050) = -50/550 = -1/11
    assert y.kappa == close_to(Fraction(-1, 11))
    # Overall, label = set of tags. Characters by (A's label, B's label):
    #   d1: 0..5 X/X 5, 5..10 -/- 5, 10..12 X/- 2, 12..15 X/X 3, 15..18 -/X 3, 18..20 -/- 2,
    #       20..25 Y/- 5, 25..30 -/- 5, 30..35 -/Y 5, 35..40 -/- 5, 40..42 -/X 2, 42..50 -/- 8
    #   d2: 0..4 X/X 4, 4..10 -/- 6
    #   alike: X/X 12 + -/- 31 = 43 -> po = 43/60
    #   A: X 14, Y 5, - 41; B: X 17, Y 5, - 38 -> pe = (14*17 + 5*5 + 41*38)/3600 = 1821/3600
    #   kappa = (43*60-1821)/(3600-1821) = 759/1779
    assert report.overall.kappa == close_to(Fraction(759, 1779))
    assert (report.documents, report.characters) == (2, 60)


def test_a_character_under_two_tags_is_labelled_with_both():
    # One document of 10. A: X 0..6, Y 4..10 (4 and 5 under both); B: X 0..6, Y 6..10.
    # A also has a second X over 2..5: two spans of one tag over a character count once.
    a = [("d", 0, 6, "X"), ("d", 2, 5, "X"), ("d", 4, 10, "Y")]
    b = [("d", 0, 6, "X"), ("d", 6, 10, "Y")]
    report = compare(a, b, {"d": 10})
    x, y = report.by_tag
    # Overall: 0..4 {X}/{X} 4, 4..6 {X,Y}/{X} 2, 6..10 {Y}/{Y} 4 -> po = 8/10
    #   A: {X} 4, {X,Y} 2, {Y} 4; B: {X} 6, {Y} 4 -> pe = (4*6 + 2*0 + 4*4)/100 = 40/100
    #   kappa = (8*10-40)/(100-40) = 2/3
    assert report.overall.kappa == close_to(Fraction(2, 3))
    # X: both cover 0..6 exactly: po = 1, pe = (6*6 + 4*4)/100 = 52/100, kappa = 1.
    assert x.kappa == 1
    # Y: A 4..10 (6), B 6..10 (4); both 4, A only 2, neither 4 -> po = 8/10
    #   pe = (6*4 + 4*6)/100 = 48/100; kappa = (80-48)/(100-48) = 32/52 = 8/13
    assert y.kappa == close_to(Fraction(8, 13))
    # The duplicate X counts as a span: X exact: 1 pair, A 2, B 1.
    assert (x.exact.matched, x.exact.first, x.exact.second) == (1, 2, 1)
    assert (x.exact.precision, x.exact.recall) == (1, close_to(Fraction(1, 2)))


def test_overlap_pairs_are_taken_greedily_by_the_most_shared_characters():
    # A: 0..10, 8..12; B: 0..3, 5..12. Shared: A0~B1 5, A1~B1 4, A0~B0 3.
    # Greedy takes A0~B1 first; then B1 and A0 are both taken: 1 pair, although
    # A0~B0 and A1~B1 would have made 2. Each span is paired at most once.
    report = compare([("d", 0, 10, "X"), ("d", 8, 12, "X")], [("d", 0, 3, "X"), ("d", 5, 12, "X")], {"d": 12})
    assert report.overall.overlap.matched == 1
    assert report.overall.exact.matched == 0
    # One long span of B over two of A pairs with one of them only: P = 1/1, R = 1/2.
    report = compare([("d", 0, 4, "X"), ("d", 6, 9, "X")], [("d", 0, 10, "X")], {"d": 12})
    assert (report.overall.overlap.precision, report.overall.overlap.recall) == (1, close_to(Fraction(1, 2)))


def test_undefined_figures_are_none_and_other_documents_are_left_out():
    # B marked nothing: precision has no denominator; F1 = 0/(1+0) = 0.
    # "elsewhere" is not among the compared documents, so its span is not counted.
    report = compare([("d", 0, 2, "X")], [("elsewhere", 0, 2, "X")], {"d": 5})
    x = report.overall
    assert (x.exact.first, x.exact.second) == (1, 0)
    assert (x.exact.precision, x.exact.recall, x.exact.f1) == (None, 0, 0)
    # X: A covers 2 of 5, B none: po = 3/5, pe = (2*0 + 3*5)/25 = 15/25, kappa = (15-15)/(25-15) = 0.
    assert x.kappa == 0
    # Nobody marked anything: every character is "none" for both, pe = 1: no kappa, no scores.
    empty = compare([], [], {"d": 5}).overall
    assert (empty.kappa, empty.exact.precision, empty.exact.recall, empty.exact.f1) == (None, None, None, None)


def test_one_tag_only():
    report = compare(A, B, LENGTHS, tag="Y")
    [y] = report.by_tag
    # Only Y's spans: the overall figures are Y's (kappa -1/11 as above).
    assert y.tag == "Y" and report.overall.exact == y.exact
    assert report.overall.kappa == y.kappa == close_to(Fraction(-1, 11))
