"""View ▸ Compare With: another annotator's spans on the open document beside ours,
row by row with the disagreements marked; T takes theirs, O keeps ours, each one
undoable step written to the database at once."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QRadioButton
from reviewkit import TEXTS, annotate, make_documents, open_as, reactivate, stored
from windowkit import key, type_text

from reader.app import ReaderApp
from reader.domain.comparison import DIFFERENT_EXTENT, DIFFERENT_TAG, ONLY_A, ONLY_B, SAME
from reader.ui.compare.model import TO_SETTLE
from reader.ui.compare.model import ComparisonModel as M

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def two_annotators(tmp_path):
    mine, theirs = tmp_path / "alice.sqlite", tmp_path / "bob.sqlite"
    make_documents(mine)
    make_documents(theirs, {f"bob-{name}": text for name, text in TEXTS.items()})  # other names, same texts
    ours = {
        "alpha": annotate(mine, "a-first.txt", "Alpha", "actor", annotator="alice"),
        "charlie": annotate(mine, "a-first.txt", "Charlie 😀", "actor", annotator="alice"),
        "monday": annotate(mine, "a-first.txt", "Monday", "date", annotator="alice"),
        "delta": annotate(mine, "a-first.txt", "Delta denies", "claim", annotator="alice"),
    }
    their = {
        "alpha": annotate(theirs, "bob-a-first.txt", "Alpha", "actor", annotator="bob"),
        "bravo": annotate(theirs, "bob-a-first.txt", "Bravo", "actor", annotator="bob"),
        "charlie": annotate(theirs, "bob-a-first.txt", "Charlie 😀", "claim", annotator="bob"),
        "monday": annotate(theirs, "bob-a-first.txt", "on Monday", "date", annotator="bob"),
    }
    return mine, theirs, ours, their


def rows(window) -> list[tuple[str, ...]]:
    """Each row as (A text, A, B text, B, difference, decision)."""
    model = ReaderApp.of(window).comparison.panel.model
    columns = (M.A_TEXT, M.A, M.B_TEXT, M.B, M.DIFFERENCE, M.DECISION)
    return [tuple(model.index(r, c).data() for c in columns) for r in range(model.rowCount())]


def go_to_row(qtbot, window, row: int) -> None:
    table = ReaderApp.of(window).comparison.panel.view
    table.setFocus()
    key(qtbot, table, Qt.Key.Key_Home, CTRL)
    key(qtbot, table, Qt.Key.Key_Down, times=row)
    assert table.currentIndex().row() == row


def test_compare_with_another_database_and_take_either_version(qtbot, tmp_path, two_annotators, qtmodeltester):
    mine, theirs, ours, their = two_annotators
    window = open_as(qtbot, mine, tmp_path / "settings.ini")
    assert not ReaderApp.of(window).actions["TakeTheirs"].isEnabled()

    ReaderApp.of(window).actions["Compare"].trigger()
    dialog = window.findChild(QDialog, "compareDialog")
    path_box = dialog.findChild(QLineEdit, "comparePath")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is path_box)
    type_text(path_box, str(theirs))
    key(qtbot, path_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "compareDialog") is None)
    reactivate(qtbot, window)
    assert ReaderApp.of(window).comparison.dock.isVisible()
    assert ReaderApp.of(window).actions["TakeTheirs"].isEnabled()
    table = window.findChild(type(ReaderApp.of(window).comparison.panel.view), "comparisonView")
    assert table is ReaderApp.of(window).comparison.panel.view
    qtmodeltester.check(ReaderApp.of(window).comparison.panel.model)
    assert rows(window) == [
        ("Alpha", "· actor", "Alpha", "· actor", SAME, ""),
        ("", "—", "Bravo", "· actor", ONLY_B, TO_SETTLE),
        ("Charlie 😀", "· actor", "Charlie 😀", "· claim", DIFFERENT_TAG, TO_SETTLE),
        ("Monday", "· date", "on Monday", "· date", DIFFERENT_EXTENT, TO_SETTLE),
        ("Delta denies", "· claim", "", "—", ONLY_A, TO_SETTLE),
    ]
    model = ReaderApp.of(window).comparison.panel.model
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None  # agreement is not marked
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "4 disagree; 0 settled, 4 to settle" in ReaderApp.of(window).comparison.panel.heading.text()

    # Choosing a row selects ours in the text.
    go_to_row(qtbot, window, 2)
    assert window.reader.selected_annotation_id() == ours["charlie"].id

    # T: theirs comes in with its id, accepted by the editor; ours is rejected, not deleted.
    key(qtbot, table, Qt.Key.Key_T)
    after = stored(mine)
    taken = after[their["charlie"].id]
    assert (taken.tag, taken.annotator, taken.status, taken.reviewer) == ("claim", "bob", "accepted", "editor")
    assert taken.document_id == ReaderApp.of(window).session.document.id
    assert (after[ours["charlie"].id].status, after[ours["charlie"].id].reviewer) == ("rejected", "editor")
    assert rows(window)[2] == ("Charlie 😀", "✗ actor", "Charlie 😀", "✓ claim", DIFFERENT_TAG, "✓ taken theirs")
    assert table.currentIndex().row() == 3  # on to the next row to settle

    # One step to undo: both annotations as they were, and the row as it was.
    key(qtbot, table, Qt.Key.Key_Z, CTRL)
    after = stored(mine)
    assert their["charlie"].id not in after and asdict(after[ours["charlie"].id]) == asdict(ours["charlie"])
    assert rows(window)[2][3:] == ("· claim", DIFFERENT_TAG, TO_SETTLE)
    assert table.currentIndex().row() == 2

    # Only theirs: T adds it. Only ours: O accepts it; T would reject it.
    go_to_row(qtbot, window, 1)
    key(qtbot, table, Qt.Key.Key_T)
    assert stored(mine)[their["bravo"].id].status == "accepted"
    go_to_row(qtbot, window, 4)
    key(qtbot, table, Qt.Key.Key_O)
    assert (stored(mine)[ours["delta"].id].status, stored(mine)[ours["delta"].id].reviewer) == ("accepted", "editor")
    assert rows(window)[4] == ("Delta denies", "✓ claim", "", "—", ONLY_A, "✓ kept ours")
    assert table.currentIndex().row() == 2  # round to the first row still to settle
    go_to_row(qtbot, window, 4)
    key(qtbot, table, Qt.Key.Key_T)
    assert stored(mine)[ours["delta"].id].status == "rejected"
    assert rows(window)[4] == ("Delta denies", "✗ claim", "", "—", ONLY_A, "✓ taken theirs")  # rejected, still shown

    with_source_untouched = stored(theirs)
    assert with_source_untouched == {a.id: a for a in their.values()}


def test_compare_two_annotators_in_one_database(qtbot, tmp_path):
    db = tmp_path / "merged.sqlite"
    make_documents(db)
    alices = annotate(db, "a-first.txt", "Charlie 😀", "actor", annotator="alice")
    bobs = annotate(db, "a-first.txt", "Charlie 😀", "claim", annotator="bob")
    alice_monday = annotate(db, "a-first.txt", "Monday", "date", annotator="alice")
    bob_monday = annotate(db, "a-first.txt", "on Monday", "date", annotator="bob")
    window = open_as(qtbot, db, tmp_path / "settings.ini")

    ReaderApp.of(window).actions["Compare"].trigger()
    dialog = window.findChild(QDialog, "compareDialog")
    dialog.findChild(QRadioButton, "compareThisDatabase").setChecked(True)
    a_box, b_box = dialog.a_box, dialog.b_box
    a_box.setCurrentIndex(a_box.findData("bob"))
    b_box.setCurrentIndex(b_box.findData("bob"))
    key(qtbot, b_box, Qt.Key.Key_Return)
    assert "two different annotators" in dialog.findChild(QLabel, "compareProblem").text()
    a_box.setCurrentIndex(a_box.findData("alice"))
    key(qtbot, b_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "compareDialog") is None)
    reactivate(qtbot, window)
    assert [r[1::2] for r in rows(window)] == [
        ("· actor", "· claim", TO_SETTLE),
        ("· date", "· date", TO_SETTLE),
    ]
    assert [r[4] for r in rows(window)] == [DIFFERENT_TAG, DIFFERENT_EXTENT]

    table = ReaderApp.of(window).comparison.panel.view
    go_to_row(qtbot, window, 0)
    key(qtbot, table, Qt.Key.Key_T)  # bob's is here already: accepted; alice's rejected
    after = stored(db)
    assert (after[bobs.id].status, after[alices.id].status) == ("accepted", "rejected")
    assert len(after) == 4
    assert rows(window)[0] == ("Charlie 😀", "✗ actor", "Charlie 😀", "✓ claim", DIFFERENT_TAG, "✓ taken theirs")
    go_to_row(qtbot, window, 1)
    key(qtbot, table, Qt.Key.Key_O)  # alice's accepted, bob's rejected
    after = stored(db)
    assert (after[alice_monday.id].status, after[bob_monday.id].status) == ("accepted", "rejected")
    key(qtbot, table, Qt.Key.Key_Z, CTRL)
    key(qtbot, table, Qt.Key.Key_Z, CTRL)
    assert all(a.status == "pending" for a in stored(db).values())


def test_a_database_without_the_text_or_no_database_at_all(qtbot, tmp_path, two_annotators):
    mine, _theirs, _ours, _their = two_annotators
    other = tmp_path / "other.sqlite"
    make_documents(other, {"x.txt": "Some other text entirely.\n"})
    window = open_as(qtbot, mine, tmp_path / "settings.ini")
    ReaderApp.of(window).actions["Compare"].trigger()
    dialog = window.findChild(QDialog, "compareDialog")
    path_box = dialog.findChild(QLineEdit, "comparePath")
    notes = tmp_path / "notes.sqlite"
    notes.write_bytes(b"not a database at all\n" * 10)
    type_text(path_box, str(notes))
    key(qtbot, path_box, Qt.Key.Key_Return)
    assert "not a Reader database" in dialog.findChild(QLabel, "compareProblem").text()
    assert notes.read_bytes() == b"not a database at all\n" * 10
    path_box.clear()
    type_text(path_box, str(other))
    key(qtbot, path_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "compareDialog") is None)
    reactivate(qtbot, window)
    assert "has no document with this text" in ReaderApp.of(window).comparison.panel.heading.text()
    assert [r[4] for r in rows(window)] == [ONLY_A] * 4
