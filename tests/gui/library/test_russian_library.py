"""On a Russian system the window's frame and the library speak Russian: the tabs, the heading,
the status bar's counts in their plural forms, the document list's headers and tooltips, the
find bar and the corpus search, importing (a skipped file), the export dialog and Preferences."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit, QPlainTextEdit
from reviewkit import TEXTS, open_as, reactivate, review_database
from windowkit import key, shortcut, type_text

from reader.ui.library.export_dialog import ExportDialog
from reader.ui.reading.document_list import DocumentListModel

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
HORIZONTAL = Qt.Orientation.Horizontal


def drop(widget, paths) -> None:
    """``paths`` dragged from a file manager and dropped on ``widget``, offered as a copy."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    position = QPointF(widget.rect().center())
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(
        widget, QDragEnterEvent(position.toPoint(), Qt.DropAction.CopyAction, data, buttons, modifiers)
    )
    QApplication.sendEvent(widget, QDropEvent(position, Qt.DropAction.CopyAction, data, buttons, modifiers))


def row_tooltip(window, name: str) -> str:
    proxy = window.documents.model
    (row,) = [r for r in range(proxy.rowCount()) if proxy.index(r, DocumentListModel.NAME).data() == name]
    return proxy.index(row, DocumentListModel.TITLE).data(Qt.ItemDataRole.ToolTipRole)


def test_the_window_the_document_list_and_finding_speak_russian(qtbot, tmp_path, russian):
    db, _ = review_database(tmp_path)  # 3 documents, 7 annotations; a-first.txt has 4, one accepted
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    assert window.windowTitle() == "Reader — team.sqlite"
    assert [window.left_tabs.tabText(i) for i in range(2)] == ["Документы", "Поиск"]
    assert window.status_summary.text() == f"{db} · 3 документа · 7 пометок"
    assert window.status_identity.text() == "Разметчик: editor"
    assert window.status_identity.toolTip().startswith("Ваше имя: сохраняется в каждой вашей пометке")
    length = len(TEXTS["a-first.txt"])  # 75 code points: "символов", as for 5 to 20 and 25 to 30
    assert window.document_details.text() == f"a-first.txt · {length} символов"

    model = window.documents.view.model()
    headers = [model.headerData(c, HORIZONTAL) for c in range(model.columnCount())]
    assert headers == ["", "Заголовок", "Имя", "Пометки", "Проверено"]
    assert model.headerData(DocumentListModel.MARK, HORIZONTAL, Qt.ItemDataRole.AccessibleTextRole) == "Не размечен"
    assert row_tooltip(window, "a-first.txt").endswith("4 пометки: проверено 1, не проверено 3")
    assert row_tooltip(window, "b-second.txt").endswith("1 пометка: проверено 1, не проверено 0")
    assert window.documents.filter_box.placeholderText() == "Фильтр документов"

    shortcut(qtbot, window, Qt.Key.Key_R, CTRL)  # review mode: the Reviewed column and the pending toggle
    assert window.documents.pending_button.text() == "Непроверенные"
    assert not window.documents.view.isColumnHidden(DocumentListModel.REVIEWED)
    first = window.documents.model.index(0, DocumentListModel.REVIEWED)
    assert first.data(Qt.ItemDataRole.AccessibleTextRole) == "проверено 1 из 4"
    tip = model.headerData(DocumentListModel.REVIEWED, HORIZONTAL, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Сколько его пометок принято или отклонено, из всех"

    view = window.reader
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_F, CTRL)
    box = window.find_bar.box
    assert box.placeholderText() == "Найти в документе" and QApplication.focusWidget() is box
    type_text(box, "Zulu")
    key(qtbot, box, Qt.Key.Key_Return)
    assert window.find_bar.status.text() == "Не найдено"
    assert window.status_message.text() == "«Zulu» в этом документе нет"
    assert window.status_message.toolTip().endswith("Щёлкните, чтобы увидеть последние сообщения")
    key(qtbot, box, Qt.Key.Key_Escape)

    key(qtbot, view, Qt.Key.Key_F, CTRL | SHIFT)
    search = window.corpus_search
    assert search.box.placeholderText() == "Искать во всех документах"
    type_text(search.box, "Delta")
    qtbot.waitUntil(lambda: search.status.text() == "1 документ", timeout=2000)
    search.box.selectAll()
    type_text(search.box, "Zulu")
    qtbot.waitUntil(lambda: search.status.text() == "Ни в одном документе нет «Zulu»", timeout=2000)

    qtbot.mouseClick(window.status_message, Qt.MouseButton.LeftButton)
    history = window.findChild(QPlainTextEdit, "messageDetails")
    assert history is not None and history.window().windowTitle() == "Последние сообщения"


def test_importing_exporting_and_preferences_speak_russian(qtbot, tmp_path, russian):
    db, _ = review_database(tmp_path)
    settings = tmp_path / "settings.ini"
    window = open_as(qtbot, db, settings)
    good = tmp_path / "новый.txt"
    good.write_text("Новый документ\n", encoding="utf-8")
    binary = tmp_path / "picture.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    drop(window.documents.view.viewport(), [good, binary])
    assert window.status_message.text().startswith("Импортирован 1 документ, 1 пропущен (picture.txt: ")
    message = window.findChild(QLabel, "messageText")
    assert message is not None and message.window().windowTitle() == "Импорт"
    message.window().accept()
    reactivate(qtbot, window)
    assert window.status_summary.text() == f"{db} · 4 документа · 7 пометок"

    shortcut(qtbot, window, Qt.Key.Key_E, CTRL | SHIFT)
    (dialog,) = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    assert dialog.windowTitle() == "Экспорт разметки"
    formats = [dialog.format_box.itemText(i) for i in range(dialog.format_box.count())]
    assert formats[0].startswith("Книга для электронных таблиц (XLSX")
    assert formats[1] == "CSV для электронных таблиц (Excel, LibreOffice)" and formats[3].startswith("JSON Lines (")
    export = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert export.text() == "Экспорт"
    dialog.path_box.setText(str(tmp_path))
    qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
    assert dialog.problem.text() == f"{tmp_path} — это папка; выберите имя файла."
    target = tmp_path / "разметка.csv"
    dialog.path_box.setText(str(target))
    qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists)
    assert window.status_message.text() == f"Экспортировано 7 пометок в {target}"
    reactivate(qtbot, window)

    key(qtbot, window.reader, Qt.Key.Key_Comma, CTRL)
    preferences = window.findChild(QDialog, "preferencesDialog")
    assert preferences is not None and preferences.windowTitle() == "Настройки"
    name = preferences.findChild(QLineEdit, "annotatorName")
    name.clear()
    key(qtbot, name, Qt.Key.Key_Return)
    problem = preferences.findChild(QLabel, "preferencesProblem").text()
    assert problem == "Введите имя: оно сохраняется в каждой вашей пометке и рецензии"
    type_text(name, "Зоя")
    key(qtbot, name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "preferencesDialog") is None)
    assert window.status_message.text() == "Теперь ваши пометки и рецензии сохраняются под именем Зоя"
    assert window.status_identity.text() == "Разметчик: Зоя"
