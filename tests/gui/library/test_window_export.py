"""A span selected in the window, after emoji and other characters outside the
BMP, is exported with exactly the text at its offsets, in every format."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from windowkit import key, open_window, pick_document

from reader.app import ReaderApp
from reader.ui.library.export_dialog import CHOICES, ExportDialog

TEXT = (
    "Emoji first 😀👍🏽 then 𝔉𝔯𝔞𝔨𝔱𝔲𝔯 and 𠜎𠜱 CJK, a flag 🇺🇦.\n"
    "The target phrase follows 🎉 here, and more text after it.\n"
)


@pytest.fixture
def window(qtbot, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "astral.txt").write_text(TEXT, encoding="utf-8")
    return open_window(qtbot, tmp_path / "project.sqlite", tmp_path / "settings.ini", corpus=corpus)


def export_through_dialog(qtbot, window, path, choice: int) -> None:
    ReaderApp.of(window).actions["Export"].trigger()
    (dialog,) = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    dialog.format_box.setCurrentIndex(choice)
    dialog.path_box.setText(str(path))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: path.exists())


def test_a_span_after_astral_characters_exports_its_own_text(qtbot, window, tmp_path):
    pick_document(qtbot, window, 0)
    view = window.reader
    text = view.document_text()
    assert text == TEXT
    target = text.index("target")
    # Walk there with the arrow keys: one press per character, however many UTF-16 units it has.
    key(qtbot, view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, view, Qt.Key.Key_Down)
    key(qtbot, view, Qt.Key.Key_Right, times=target - text.index("\n") - 1)
    assert view.caret_code_point() == target
    key(qtbot, view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, times=2)
    key(qtbot, view, Qt.Key.Key_1)
    # A second span that starts right after the astral characters of the first line.
    frak = text.index("𝔉")
    view.set_selection_code_points(frak, frak + 3)
    key(qtbot, view, Qt.Key.Key_2)

    expected = {("target phrase", "claim"), ("𝔉𝔯𝔞𝔨𝔱𝔲𝔯", "actor")}
    for choice, (_, fmt, dialect, suffix) in enumerate(CHOICES):
        path = tmp_path / f"out-{choice}{suffix}"
        export_through_dialog(qtbot, window, path, choice)
        if fmt == "xlsx":
            book = openpyxl.load_workbook(path, read_only=True)
            header, *values = book["annotations"].iter_rows(values_only=True)
            book.close()
            rows = [dict(zip(header, row, strict=True)) for row in values]
        elif fmt == "csv":
            with path.open(encoding="utf-8-sig" if dialect == "excel" else "utf-8", newline="") as handle:
                rows = list(csv.DictReader(handle))
        else:
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert {(row["text"], row["tag"]) for row in rows} == expected
        for row in rows:
            assert row["text"] == text[int(row["start"]) : int(row["end"])]
        assert "Exported 2 annotation(s)" in window.status_message.text()
    assert not list(tmp_path.glob(".*.part"))


def test_a_folder_as_target_is_refused_in_the_dialog(qtbot, window, tmp_path, parts):
    parts.actions["Export"].trigger()
    (dialog,) = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    dialog.path_box.setText(str(tmp_path))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "is a folder" in dialog.problem.text()
    dialog.reject()
    QApplication.processEvents()


def test_an_unwritable_target_is_reported_and_leaves_nothing(qtbot, window, tmp_path, parts):
    target = tmp_path / "missing" / "out.csv"
    assert parts.library.export_to(target, "csv", "excel") is None
    assert "Could not export" in window.status_message.text()
    assert not target.exists()


def test_a_cancelled_export_leaves_no_file(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QProgressDialog

    from reader.domain.export import COLUMNS, PROGRESS_EVERY
    from reader.ui.library.export_dialog import ExportCancelled, export_annotations

    rows = ({column: str(i) for column in COLUMNS} for i in range(3 * PROGRESS_EVERY))
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    target = tmp_path / "out.csv"
    with pytest.raises(ExportCancelled):
        export_annotations(rows, target, "csv", "excel", 3 * PROGRESS_EVERY)
    assert list(tmp_path.iterdir()) == []


def open_export_dialog(window) -> ExportDialog:
    ReaderApp.of(window).actions["Export"].trigger()
    (dialog,) = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    return dialog


def test_the_dialog_proposes_the_last_folder_else_documents_if_there_else_home(qtbot, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "astral.txt").write_text(TEXT, encoding="utf-8")
    db, settings = tmp_path / "project.sqlite", tmp_path / "settings.ini"
    window = open_window(qtbot, db, settings, corpus=corpus)
    dialog = open_export_dialog(window)
    assert Path(dialog.path_box.text()).parent == home  # no ~/Documents: not proposed
    dialog.reject()
    (home / "Documents").mkdir()
    dialog = open_export_dialog(window)
    assert Path(dialog.path_box.text()).parent == home / "Documents"
    dialog.reject()
    chosen = tmp_path / "exports"
    chosen.mkdir()
    export_through_dialog(qtbot, window, chosen / "mine.csv", 0)
    dialog = open_export_dialog(window)
    assert Path(dialog.path_box.text()).parent == chosen
    dialog.reject()
    window.close()
    again = open_window(qtbot, db, settings, corpus=None)
    dialog = open_export_dialog(again)
    assert Path(dialog.path_box.text()).parent == chosen  # remembered across runs
    dialog.reject()


FORMULA_TEXT = "=SUM(A1:A3) looks like a formula, -5 degrees too.\n"


def spreadsheet_csv_choice() -> int:
    return next(i for i, (_, fmt, dialect, _) in enumerate(CHOICES) if (fmt, dialect) == ("csv", "excel"))


def test_the_workbook_is_the_default_and_keeps_formula_looking_text_as_text(qtbot, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cells.txt").write_text(FORMULA_TEXT, encoding="utf-8")
    window = open_window(qtbot, tmp_path / "project.sqlite", tmp_path / "settings.ini", corpus=corpus)
    pick_document(qtbot, window, 0)
    window.reader.set_selection_code_points(0, len("=SUM(A1:A3)"))
    key(qtbot, window.reader, Qt.Key.Key_1)
    dialog = open_export_dialog(window)
    assert dialog.path_box.text().endswith("project-annotations.xlsx")
    path = tmp_path / "project-annotations.xlsx"
    dialog.path_box.setText(str(path))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(path.exists)

    book = openpyxl.load_workbook(path)
    (header, row) = list(book["annotations"].iter_rows())
    cells = dict(zip((c.value for c in header), row, strict=True))
    assert (cells["text"].value, cells["text"].data_type) == ("=SUM(A1:A3)", "s")  # no apostrophe, no formula
    assert (cells["start"].value, cells["end"].value) == (0, len("=SUM(A1:A3)"))
    assert next(book["documents"].iter_rows(min_row=2, values_only=True))[0] == "cells.txt"
    assert "Exported 1 annotation(s)" in window.status_message.text()


def test_the_dialog_says_what_is_true_of_protected_cells(qtbot, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "cells.txt").write_text(FORMULA_TEXT, encoding="utf-8")
    window = open_window(qtbot, tmp_path / "project.sqlite", tmp_path / "settings.ini", corpus=corpus)
    pick_document(qtbot, window, 0)
    view = window.reader
    view.set_selection_code_points(0, len("=SUM(A1:A3)"))
    key(qtbot, view, Qt.Key.Key_1)
    dialog = open_export_dialog(window)
    note = dialog.findChild(QLabel, "exportOffsets").text()
    dialog.reject()
    assert "text == document[start:end]" in note and "=, +, -, @" in note and "'" in note
    path = tmp_path / "out.csv"
    export_through_dialog(qtbot, window, path, spreadsheet_csv_choice())
    with path.open(encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    span = FORMULA_TEXT[int(row["start"]) : int(row["end"])]
    assert row["text"] != span and row["text"] == "'" + span  # as the note says: one ' in front
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    assert "holds after removing" in readme
