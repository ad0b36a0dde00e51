"""N and P in review mode visit every pending annotation of the open document, wherever
the caret is: from the document's start, or from the selected annotation and round to
the ones before it, and only then on to the next document that has some."""

from __future__ import annotations

from PySide6.QtCore import Qt
from reviewkit import annotate, open_as
from windowkit import click_text, key, shortcut

from reader.app import ReaderApp

CTRL = Qt.KeyboardModifier.ControlModifier


def document_name(window) -> str:
    return ReaderApp.of(window).session.document.name


def walk(qtbot, window, letter, times: int) -> list[tuple[str, str]]:
    """(document, selected text) after each press."""
    seen = []
    for _ in range(times):
        key(qtbot, window.reader, letter)
        annotation = ReaderApp.of(window).annotating.selected_annotation()
        seen.append((document_name(window), annotation.text if annotation else ""))
    return seen


def test_n_starts_at_the_documents_start_not_at_the_caret(qtbot, tmp_path, review_db):
    db = review_db[0]
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    shortcut(qtbot, window, Qt.Key.Key_R, CTRL)
    view = window.reader
    view.setFocus()
    view.set_caret_code_point(view.document_text().index("Delta denies"))  # past every pending span here

    assert walk(qtbot, window, Qt.Key.Key_N, 4) == [
        ("a-first.txt", "Alpha"),
        ("a-first.txt", "Charlie 😀"),
        ("a-first.txt", "Monday"),
        ("c-third.txt", "Foxtrot 🎉"),  # b-second has none pending
    ]


def test_n_from_a_selection_comes_round_to_the_spans_before_it(qtbot, tmp_path, review_db):
    db, spans = review_db
    annotate(db, "a-first.txt", "Delta denies", "claim", annotator="bob")
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    shortcut(qtbot, window, Qt.Key.Key_R, CTRL)
    click_text(qtbot, window, spans["charlie"].start + 2)  # the user picks Charlie in the text
    assert window.reader.selected_annotation_id() == spans["charlie"].id

    assert walk(qtbot, window, Qt.Key.Key_N, 5) == [
        ("a-first.txt", "Monday"),
        ("a-first.txt", "Delta denies"),
        ("a-first.txt", "Alpha"),  # round to the one before where the walk began
        ("c-third.txt", "Foxtrot 🎉"),  # and only then on
        ("c-third.txt", "Tuesday"),
    ]

    # P walks back the same way: from Foxtrot round to Tuesday, then into the previous document.
    click_text(qtbot, window, window.reader.document_text().index("Foxtrot") + 1)
    assert walk(qtbot, window, Qt.Key.Key_P, 2) == [
        ("c-third.txt", "Tuesday"),  # nothing before Foxtrot: round to the bottom
        ("a-first.txt", "Delta denies"),  # then the previous document, from its bottom
    ]

    # Deciding keeps the walk going: A accepts and moves on; N goes on from there.
    key(qtbot, window.reader, Qt.Key.Key_A)
    assert ReaderApp.of(window).annotating.selected_annotation().text == "Alpha"  # round to the top
    assert walk(qtbot, window, Qt.Key.Key_N, 2) == [("a-first.txt", "Charlie 😀"), ("a-first.txt", "Monday")]
