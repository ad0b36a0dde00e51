"""On a Russian system the comparison, the merge and the window's own messages speak
Russian: the dialog, the table's headings and cells, the heading's counts in their plural
forms, what T says, the merge report and a startup error."""

from __future__ import annotations

import shutil

import pytest
from comparekit import compare_with_database, heading, lavrov_in_two_databases, open_lavrov, table, table_rows
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QLineEdit, QRadioButton
from reviewkit import annotate, make_documents, open_as, reactivate
from windowkit import key

from reader.app import ReaderApp, StartupError, build
from reader.cli import parse


def test_the_comparison_speaks_russian(qtbot, tmp_path, russian):
    mine, theirs = tmp_path / "alice.sqlite", tmp_path / "bob.sqlite"
    lavrov_in_two_databases(mine, theirs)
    window = open_lavrov(qtbot, mine, tmp_path / "settings.ini")
    app = ReaderApp.of(window)

    app.actions["Compare"].trigger()
    dialog = window.findChild(QDialog, "compareDialog")
    assert dialog.windowTitle() == "Сравнить с"
    assert dialog.findChild(QRadioButton, "compareOtherDatabase").text() == "&Другая база:"
    path_box = dialog.findChild(QLineEdit, "comparePath")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is path_box)
    key(qtbot, path_box, Qt.Key.Key_Return)  # no database chosen yet
    assert dialog.findChild(QLabel, "compareProblem").text() == "Выберите другую базу (Обзор…) или разметчика этой"
    dialog.reject()
    reactivate(qtbot, window)

    compare_with_database(qtbot, window, theirs)
    assert app.comparison.dock.windowTitle() == "Сравнение"
    rows = table_rows(window)
    assert list(rows[0]) == [
        "A: здесь",
        "Позиции A",
        "Текст A",
        "B: bob.sqlite",
        "Позиции B",
        "Текст B",
        "Различие",
        "Решение",
    ]
    assert [row["Различие"] for row in rows] == ["разные границы", "совпадают", "разные границы", "только B"]
    assert [row["Решение"] for row in rows] == ["ждёт решения", "", "ждёт решения", "ждёт решения"]
    assert (
        "A — все (здесь), B — все (в bob.sqlite). 4 строки: 1 совпадает, 3 расходятся; 0 решены, 3 ждут решения."
        in (heading(window))
    )

    # T on the first row: bob's actor comes in accepted, alice's is rejected.
    view = table(window)
    assert view.currentIndex().row() == 0
    key(qtbot, view, Qt.Key.Key_T)
    assert window.status_message.text() == "Взять их версию: изменены 2 пометки (Ctrl+Z отменяет)"
    assert table_rows(window)[0]["Решение"] == "✓ взята их"
    assert "1 решена, 2 ждут решения." in heading(window)
    assert app.session.undo_stack.undoText() == "Взять их версию «Сергей Лавров»"
    tip = view.model().index(0, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "принята, разметчик bob" in tip

    # The row is settled: T again has nothing to change, and says so.
    view.setCurrentIndex(view.model().index(0, 2))
    key(qtbot, view, Qt.Key.Key_T)
    assert window.status_message.text() == "Их версия уже есть здесь и принята"

    panel = app.comparison.panel
    assert panel.hide_settled.text() == "&Скрыть решённые строки"
    qtbot.mouseClick(panel.hide_settled, Qt.MouseButton.LeftButton, pos=panel.hide_settled.rect().center())
    assert panel.hide_settled.isChecked() and view.isRowHidden(0)


def test_merging_speaks_russian(qtbot, tmp_path, monkeypatch, russian):
    mine, theirs = tmp_path / "alice.sqlite", tmp_path / "bob.sqlite"
    make_documents(mine)
    shutil.copyfile(mine, theirs)
    annotate(theirs, "a-first.txt", "Alpha", "actor", annotator="bob")
    window = open_as(qtbot, mine, tmp_path / "settings.ini")
    asked = []

    def chosen(parent, title, *rest, **options):
        asked.append(title)
        return [str(theirs)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(chosen))
    ReaderApp.of(window).actions["Merge"].trigger()
    report = window.findChild(QDialog, "mergeReport")
    assert asked == ["Влить в эту базу"]
    assert report.windowTitle() == "Объединение"
    headline = "Объединён 1 файл: добавлено 0 документов и 1 пометка, обновлено 0, 0 конфликтов"
    assert report.findChild(QLabel, "messageText").text() == headline
    assert window.status_message.text() == headline
    key(qtbot, report, Qt.Key.Key_Return)
    reactivate(qtbot, window)

    ReaderApp.of(window).actions["Merge"].trigger()
    again = window.findChild(QDialog, "mergeReport")
    assert again.findChild(QLabel, "messageText").text() == (
        "Объединён 1 файл: добавлено 0 документов и 0 пометок, обновлено 0, 0 конфликтов; ничего нового"
    )


def test_a_window_that_cannot_open_says_why_in_russian(tmp_path, russian):
    missing = tmp_path / "no-such-corpus"
    with pytest.raises(StartupError) as raised:
        build(parse([str(missing), "--db", str(tmp_path / "corpus.sqlite")]))
    assert str(raised.value) == f"{missing}: нет такой папки"
