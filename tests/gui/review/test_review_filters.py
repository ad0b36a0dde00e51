"""The review filters (tag, status, annotator) act on the reader pane and the
annotation list alike, and on N; rejected annotations can be hidden (remembered
between runs) but stay in the database and in the export."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt
from reviewkit import open_as, stored
from windowkit import choose, key, shortcut

from reader.app import ReaderApp

CTRL = Qt.KeyboardModifier.ControlModifier


def shown_in_reader(window, spans) -> set[str]:
    return {
        name for name, a in spans.items() if any(found.id == a.id for found in window.reader.annotations_at(a.start))
    }


def listed(window) -> list[str]:
    return [a.id for a in window.annotation_panel.visible_annotations()]


def test_filters_narrow_the_text_the_list_and_next_pending(qtbot, tmp_path, review_db):
    db, spans = review_db
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    bar = window.annotation_panel.filter_bar
    assert not bar.isVisible()
    ReaderApp.of(window).actions["ReviewMode"].trigger()
    assert bar.isVisible() and bar.objectName() == "reviewFilter"
    here = {"alpha", "charlie", "monday", "claims"}
    assert shown_in_reader(window, spans) == here

    choose(qtbot, bar.status_box, "pending")
    assert shown_in_reader(window, spans) == {"alpha", "charlie", "monday"}
    assert listed(window) == [spans[n].id for n in ("alpha", "charlie", "monday")]
    assert window.annotation_panel.heading.text() == "Annotations (3 of 4 shown)"

    choose(qtbot, bar.tag_box, "actor")
    assert shown_in_reader(window, spans) == {"alpha", "charlie"}
    choose(qtbot, bar.tag_box, "All tags")
    choose(qtbot, bar.annotator_box, "bob")
    assert shown_in_reader(window, spans) == {"monday"}
    assert listed(window) == [spans["monday"].id]

    # N goes only to what the filters show: bob's pending ones, here and in c-third.
    window.reader.setFocus()
    key(qtbot, window.reader, Qt.Key.Key_N)
    assert window.reader.selected_annotation_id() == spans["monday"].id
    key(qtbot, window.reader, Qt.Key.Key_N)
    assert ReaderApp.of(window).session.document.name == "c-third.txt"
    assert window.reader.selected_annotation_id() == spans["foxtrot"].id
    assert shown_in_reader(window, spans) == {"foxtrot"}

    # A status filter that hides pending ones leaves N nothing to find.
    choose(qtbot, bar.status_box, "accepted")
    window.reader.setFocus()
    key(qtbot, window.reader, Qt.Key.Key_N)
    assert "hides pending" in window.status_message.text()

    # Leaving review mode shows everything again.
    shortcut(qtbot, window, Qt.Key.Key_R, CTRL)
    assert shown_in_reader(window, spans) == {"foxtrot", "tuesday"}


def test_rejected_stay_stored_can_be_hidden_and_are_exported(qtbot, tmp_path, review_db):
    db, spans = review_db
    settings = tmp_path / "settings.ini"
    window = open_as(qtbot, db, settings)
    actions = ReaderApp.of(window).actions
    actions["ReviewMode"].trigger()
    window.reader.setFocus()
    window.reader.select_annotation(spans["charlie"].id)
    key(qtbot, window.reader, Qt.Key.Key_R)
    assert stored(db)[spans["charlie"].id].status == "rejected"
    assert "charlie" in shown_in_reader(window, spans)  # struck through, still there

    assert actions["ShowRejected"].isChecked()
    shortcut(qtbot, window, Qt.Key.Key_H, CTRL)
    assert not actions["ShowRejected"].isChecked()
    assert shown_in_reader(window, spans) == {"alpha", "monday", "claims"}
    assert spans["charlie"].id not in listed(window)
    choose(qtbot, window.annotation_panel.filter_bar.status_box, "rejected")  # asked for: shown
    assert shown_in_reader(window, spans) == {"charlie"}

    out = tmp_path / "out.csv"
    assert ReaderApp.of(window).library.export_to(out, "csv", "plain") == len(spans)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = {row["annotation_id"]: row for row in csv.DictReader(handle)}
    assert (rows[spans["charlie"].id]["status"], rows[spans["charlie"].id]["reviewer"]) == ("rejected", "editor")
    window.close()

    # Remembered: the next window hides rejected ones from the start, in review mode or not.
    again = open_as(qtbot, db, settings)
    assert not ReaderApp.of(again).actions["ShowRejected"].isChecked()
    assert ReaderApp.of(again).actions["ReviewMode"].isChecked()
    assert shown_in_reader(again, spans) == {"alpha", "monday", "claims"}
    ReaderApp.of(again).actions["ReviewMode"].trigger()
    assert shown_in_reader(again, spans) == {"alpha", "monday", "claims"}
    assert len(stored(db)) == len(spans)
