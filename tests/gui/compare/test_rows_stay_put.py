"""The comparison's rows are paired once, when it opens: taking theirs (T) or keeping ours
(O) marks a row settled and leaves it, and every other row, where it was; each row shows
both sides' spans and texts; Ctrl+Z puts a row back as it was."""

from __future__ import annotations

from comparekit import (
    CTRL,
    LAVROV,
    OTHER,
    at,
    compare_annotators,
    compare_with_database,
    go_to_row,
    heading,
    lavrov_in_one_database,
    lavrov_in_two_databases,
    open_document,
    open_lavrov,
    table,
    table_rows,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox
from reviewkit import annotate, stored
from windowkit import drag_select, key, shortcut

from reader.app import ReaderApp
from reader.domain.comparison import DIFFERENT_EXTENT, ONLY_B, SAME
from reader.ui.compare.model import DISAGREEMENT, SETTLED, TO_SETTLE

A, B = "A: alice", "B: bob"


def side(row: dict[str, str], who: str) -> tuple[str, str, str]:
    """One side of a row: its tag with its status mark, its span, its text."""
    return row[who], row[f"{who[0]} span"], row[f"{who[0]} text"]


def test_taking_theirs_keeps_the_row_and_its_neighbours_as_they_were_paired(qtbot, tmp_path):
    db = tmp_path / "merged.sqlite"
    spans = lavrov_in_one_database(db)
    window = open_lavrov(qtbot, db, tmp_path / "settings.ini")
    compare_annotators(qtbot, window, "alice", "bob")
    before = table_rows(window)
    assert [(side(r, A), side(r, B), r["Difference"]) for r in before] == [
        (("· actor", at("Лавров"), "Лавров"), ("· actor", at("Сергей Лавров"), "Сергей Лавров"), DIFFERENT_EXTENT),
        (
            ("· claim", at("Сергей Лавров заявил"), "Сергей Лавров заявил"),
            ("· claim", at("Лавров заявил"), "Лавров заявил"),
            DIFFERENT_EXTENT,
        ),
        (("—", "", ""), ("· actor", at("ОДКБ"), "ОДКБ"), ONLY_B),
    ]
    assert "3 to settle" in heading(window)

    go_to_row(qtbot, window, 1)
    key(qtbot, table(window), Qt.Key.Key_O)  # alice's claim accepted, bob's rejected
    go_to_row(qtbot, window, 0)
    key(qtbot, table(window), Qt.Key.Key_T)  # bob's actor accepted, alice's rejected

    after = stored(db)
    assert [after[spans[name].id].status for name in ("alice claim", "bob claim", "alice actor", "bob actor")] == [
        "accepted",
        "rejected",
        "rejected",
        "accepted",
    ]
    rows = table_rows(window)
    assert len(rows) == 3
    assert (side(rows[0], A), side(rows[0], B), rows[0]["Difference"], rows[0]["Decision"]) == (
        ("✗ actor", at("Лавров"), "Лавров"),
        ("✓ actor", at("Сергей Лавров"), "Сергей Лавров"),
        DIFFERENT_EXTENT,
        "✓ taken theirs",
    )
    assert (rows[1][A], rows[1][B], rows[1]["Difference"], rows[1]["Decision"]) == (
        "✓ claim",
        "✗ claim",
        DIFFERENT_EXTENT,
        "✓ kept ours",
    )
    assert rows[2] == before[2]
    assert "2 settled, 1 to settle" in heading(window)
    model = table(window).model()
    assert [model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) for r in range(3)] == [
        SETTLED,
        SETTLED,
        DISAGREEMENT,
    ]


def test_keeping_ours_on_a_row_of_theirs_only_keeps_the_row(qtbot, tmp_path):
    db = tmp_path / "merged.sqlite"
    spans = lavrov_in_one_database(db)
    window = open_lavrov(qtbot, db, tmp_path / "settings.ini")
    compare_annotators(qtbot, window, "alice", "bob")
    go_to_row(qtbot, window, 2)
    assert table_rows(window)[2]["Difference"] == ONLY_B

    key(qtbot, table(window), Qt.Key.Key_O)

    assert stored(db)[spans["bob odkb"].id].status == "rejected"
    rows = table_rows(window)
    assert len(rows) == 3
    assert (side(rows[2], A), side(rows[2], B), rows[2]["Difference"], rows[2]["Decision"]) == (
        ("—", "", ""),
        ("✗ actor", at("ОДКБ"), "ОДКБ"),
        ONLY_B,
        "✓ kept ours",
    )


def test_each_row_shows_both_sides_spans_in_code_points_and_their_texts(qtbot, tmp_path):
    mine, theirs = tmp_path / "alice.sqlite", tmp_path / "bob.sqlite"
    lavrov_in_two_databases(mine, theirs)
    window = open_lavrov(qtbot, mine, tmp_path / "settings.ini")
    compare_with_database(qtbot, window, theirs)
    rows = table_rows(window)
    a, b = "A: here", "B: bob.sqlite"
    assert [(side(r, a), side(r, b), r["Difference"]) for r in rows] == [
        (("· actor", at("Лавров"), "Лавров"), ("· actor", at("Сергей Лавров"), "Сергей Лавров"), DIFFERENT_EXTENT),
        (("· actor", at("Москва"), "Москва"), ("· actor", at("Москва"), "Москва"), SAME),
        (
            ("· claim", at("Москва не обращалась за помощью"), "Москва не обращалась за помощью"),
            ("· claim", at("не обращалась за помощью к ОДКБ"), "не обращалась за помощью к ОДКБ"),
            DIFFERENT_EXTENT,
        ),
        (("—", "", ""), ("· actor", at("ОДКБ"), "ОДКБ"), ONLY_B),
    ]
    assert at("Сергей Лавров") == "2–15"  # the emoji is one code point, two UTF-16 units


def test_undo_puts_a_settled_row_back_and_goes_to_it(qtbot, tmp_path):
    mine, theirs = tmp_path / "alice.sqlite", tmp_path / "bob.sqlite"
    ours, their = lavrov_in_two_databases(mine, theirs)
    window = open_lavrov(qtbot, mine, tmp_path / "settings.ini")
    compare_with_database(qtbot, window, theirs)
    before = table_rows(window)
    view = table(window)

    go_to_row(qtbot, window, 0)
    key(qtbot, view, Qt.Key.Key_T)  # theirs comes into this database, accepted; ours rejected
    assert view.currentIndex().row() == 2  # on to the next row to settle (row 1 agrees)
    key(qtbot, view, Qt.Key.Key_O)  # ours accepted; theirs recorded here as rejected
    assert view.currentIndex().row() == 3
    assert stored(mine)[their["claim"].id].status == "rejected"
    key(qtbot, view, Qt.Key.Key_O)  # only theirs: recorded here as rejected
    assert view.currentIndex().row() == 3  # nothing is left to settle: it stays
    assert [r["Decision"] for r in table_rows(window)] == ["✓ taken theirs", "", "✓ kept ours", "✓ kept ours"]
    assert "3 settled, 0 to settle" in heading(window)

    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert table_rows(window)[2:] == before[2:]
    assert view.currentIndex().row() == 2
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert table_rows(window) == before
    assert view.currentIndex().row() == 0
    assert stored(mine) == {x.id: x for x in ours.values()}


def test_the_pairing_lasts_while_the_comparison_is_open_and_is_renewed_when_the_other_file_changes(qtbot, tmp_path):
    mine, theirs = tmp_path / "alice.sqlite", tmp_path / "bob.sqlite"
    _ours, _their = lavrov_in_two_databases(mine, theirs)
    window = open_lavrov(qtbot, mine, tmp_path / "settings.ini")
    compare_with_database(qtbot, window, theirs)
    go_to_row(qtbot, window, 0)
    key(qtbot, table(window), Qt.Key.Key_T)
    settled = table_rows(window)

    open_document(qtbot, window, OTHER)
    assert table_rows(window) == []
    open_document(qtbot, window, LAVROV)
    assert table_rows(window) == settled  # back to the same rows, not paired anew

    # A span tagged meanwhile is not paired into the rows: the heading says so.
    drag_select(qtbot, window, LAVROV.index("заявил"), LAVROV.index("заявил") + len("заявил"))
    shortcut(qtbot, window, Qt.Key.Key_1)
    assert len(table_rows(window)) == 4
    assert "1 span(s) made since are not in it" in heading(window)

    # Bob tags it too, in another program: his file changed, so the comparison pairs anew.
    annotate(theirs, "bob-a-lavrov.txt", "заявил", "claim", annotator="bob")
    qtbot.waitUntil(lambda: "bob.sqlite changed" in window.status_message.text(), timeout=3000)
    assert [r["A text"] for r in table_rows(window) if r["Difference"] == SAME] == ["Сергей Лавров", "заявил", "Москва"]
    assert "made since" not in heading(window)


def test_hide_settled_rows(qtbot, tmp_path):
    db = tmp_path / "merged.sqlite"
    lavrov_in_one_database(db)
    window = open_lavrov(qtbot, db, tmp_path / "settings.ini")
    compare_annotators(qtbot, window, "alice", "bob")
    view = table(window)
    hide = ReaderApp.of(window).comparison.panel.findChild(QCheckBox, "comparisonHideSettled")
    go_to_row(qtbot, window, 0)
    key(qtbot, view, Qt.Key.Key_T)
    assert view.currentIndex().row() == 1
    go_to_row(qtbot, window, 0)
    qtbot.mouseClick(hide, Qt.MouseButton.LeftButton)
    assert hide.isChecked() and view.isRowHidden(0)
    assert view.currentIndex().row() == 1  # the current row was hidden: the nearest shown
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_Up)
    assert view.currentIndex().row() == 1  # the hidden row is skipped
    key(qtbot, view, Qt.Key.Key_T)
    assert view.isRowHidden(1) and view.currentIndex().row() == 2
    key(qtbot, view, Qt.Key.Key_O)  # the last one: every row is settled, and hidden
    assert all(view.isRowHidden(row) for row in range(3))
    assert "3 settled, 0 to settle" in heading(window)
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert not view.isRowHidden(2) and view.currentIndex().row() == 2
    qtbot.mouseClick(hide, Qt.MouseButton.LeftButton)
    assert not any(view.isRowHidden(row) for row in range(3))
    assert [r["Decision"] for r in table_rows(window)] == ["✓ taken theirs", "✓ taken theirs", TO_SETTLE]
