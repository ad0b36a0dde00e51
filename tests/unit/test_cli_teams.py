"""``reader merge`` and ``reader agreement`` as a user runs them: real processes on real files."""

from __future__ import annotations

import sqlite3
from fractions import Fraction

from team_databases import changed_in_two_files, export_digest, file_digest, make_db

MEETING = "🙂 Alice met Bob in Paris on Monday; he said «no».\n"  # 50 code points
SHORT = "Bob left.\n"  # 10


def test_merge_lists_the_conflict_and_a_second_run_changes_nothing(tmp_path, reader_process):
    a, b = tmp_path / "A.sqlite", tmp_path / "B.sqlite"
    shared = changed_in_two_files(a, b, MEETING, 2, 7, "2031-05-01T08:00:00.000Z", "2031-05-01T09:00:00.000Z")
    make_db(b, {"notes.txt": SHORT})
    make_db(a, {"notes.txt": MEETING.upper()})
    sources = {path: file_digest(path) for path in (a, b)}

    first = reader_process("merge", "A.sqlite", "B.sqlite", "-o", "M.sqlite")

    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert "documents: 3 added, 1 already there" in out
    assert "renamed: 'notes.txt' of B.sqlite is 'notes (B).txt' here" in out
    assert "conflicts: 1 annotation(s) differ" in out
    assert f"{shared.id} in 'meeting.txt'" in out
    assert "kept:      claim 2..7 'Alice', accepted, by alice, updated 2031-05-01T09:00:00.000Z (B.sqlite)" in out
    assert (
        "set aside: actor 2..7 'Alice', pending, note 'checked by alice', by alice, "
        "updated 2031-05-01T08:00:00.000Z (A.sqlite)"
    ) in out
    digest = export_digest(tmp_path / "M.sqlite")

    again = reader_process("merge", "A.sqlite", "B.sqlite", "-o", "M.sqlite")

    assert again.returncode == 0, again.stderr
    assert "documents: 0 added, 4 already there" in again.stdout
    assert "annotations: 0 added, 0 updated, 2 unchanged" in again.stdout
    assert export_digest(tmp_path / "M.sqlite") == digest
    assert {path: file_digest(path) for path in (a, b)} == sources


def test_merge_refuses_a_database_of_another_program_in_one_line(tmp_path, reader_process):
    make_db(tmp_path / "A.sqlite", {"meeting.txt": MEETING})
    conn = sqlite3.connect(tmp_path / "songs.sqlite")
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.close()

    result = reader_process("merge", "A.sqlite", "songs.sqlite", "-o", "M.sqlite")

    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("reader: ")
    assert "another program" in result.stderr
    assert not (tmp_path / "M.sqlite").exists()


def _annotators(tmp_path):
    """The example of test_agreement.py (X = actor, Y = claim) on real documents of 50 and
    10 code points, named differently in each file, plus what must not be counted."""
    a, b = tmp_path / "A.sqlite", tmp_path / "B.sqlite"
    make_db(
        a,
        {"d1.txt": MEETING, "d2.txt": SHORT, "only-in-a.txt": "Nobody else read this.\n"},
        [
            ("d1.txt", 0, 5, "actor"),
            ("d1.txt", 10, 15, "actor"),
            ("d1.txt", 20, 25, "claim"),
            ("d2.txt", 0, 4, "actor"),
            ("only-in-a.txt", 0, 6, "actor"),
        ],
    )
    make_db(
        b,
        {"first.txt": MEETING, "second.txt": SHORT},
        [
            ("first.txt", 0, 5, "actor"),
            ("first.txt", 12, 18, "actor"),
            ("first.txt", 30, 35, "claim"),
            ("first.txt", 40, 42, "actor"),
            ("second.txt", 0, 4, "actor"),
        ],
    )
    # Rejected: would be an exact match of A's claim, and is not counted.
    make_db(b, {"first.txt": MEETING}, [("first.txt", 20, 25, "claim")], status="rejected")
    return a, b


def _rows(stdout: str) -> dict[str, list[str]]:
    table = stdout.split("\n\n", 1)[1]
    return {line.rsplit(None, 11)[0]: line.rsplit(None, 11)[1:] for line in table.splitlines()[1:]}


def _figures(*fractions) -> list[str]:
    return [f"{float(f):.3f}" for f in fractions]


def test_agreement_prints_the_hand_computed_figures(tmp_path, reader_process):
    _annotators(tmp_path)

    result = reader_process("agreement", "A.sqlite", "B.sqlite")

    assert result.returncode == 0, result.stderr
    assert "compared 2 document(s)" in result.stdout and "60 characters" in result.stdout
    assert "left out 1 only in A.sqlite and 0 only in B.sqlite" in result.stdout
    assert "not counted: rejected and orphaned annotations" in result.stdout
    rows = _rows(result.stdout)
    # Worked out by hand in tests/unit/test_agreement.py.
    assert rows["actor"] == [
        "3",
        "4",
        "2",
        *_figures(Fraction(1, 2), Fraction(2, 3), Fraction(4, 7)),
        "3",
        *_figures(Fraction(3, 4), 1, Fraction(6, 7), Fraction(964, 1384)),
    ]
    assert rows["claim"] == ["1", "1", "0", *_figures(0, 0, 0), "0", *_figures(0, 0, 0, Fraction(-1, 11))]
    assert rows["(all tags)"] == [
        "4",
        "5",
        "2",
        *_figures(Fraction(2, 5), Fraction(1, 2), Fraction(4, 9)),
        "3",
        *_figures(Fraction(3, 5), Fraction(3, 4), Fraction(2, 3), Fraction(759, 1779)),
    ]


def test_agreement_on_one_tag_and_on_a_tag_nobody_used(tmp_path, reader_process):
    _annotators(tmp_path)

    one = reader_process("agreement", "A.sqlite", "B.sqlite", "--tag", "claim")
    unused = reader_process("agreement", "A.sqlite", "B.sqlite", "--tag", "date")

    assert one.returncode == 0, one.stderr
    assert list(_rows(one.stdout)) == ["claim"]
    assert unused.returncode == 1 and unused.stdout == ""
    assert unused.stderr == "reader: no counted annotation in either file has the tag 'date'\n"
