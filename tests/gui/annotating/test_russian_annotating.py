"""Annotating and review in Russian: the tag bar, the annotation list (headers, heading,
statuses, tooltips), the note editors, Edit Tags with its plural refusal, the review
messages and the undo steps' names, driven by real keys and clicks on a window built
with the Russian translation installed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from reviewkit import open_as, reactivate
from windowkit import choose, give_the_panel, key, shortcut

from reader.app import ReaderApp
from reader.ui.annotating.annotation_list import AnnotationListModel
from reader.ui.annotating.tag_editor import TagEditor

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def headers(window) -> list[str]:
    view = window.annotation_panel.view
    return [view.model().headerData(c, Qt.Orientation.Horizontal) for c in range(view.model().columnCount())]


def cell(window, annotation_id: str, column: int, role=Qt.ItemDataRole.DisplayRole):
    model = window.annotation_panel.model
    return model.index(model.row_of(annotation_id), column).data(role)


def message(window) -> str:
    return window.status_message.text()


def click_tag(qtbot, editor: TagEditor, name: str) -> None:
    (row,) = [r for r in range(editor.list.count()) if editor.list.item(r).data(Qt.ItemDataRole.UserRole) == name]
    rect = editor.list.visualItemRect(editor.list.item(row))
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_annotation_list_the_note_editor_and_edit_tags_speak_russian(qtbot, tmp_path, review_db, russian):
    db, spans = review_db
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    give_the_panel(qtbot, window, 620)  # room for the status words beside their marks
    (label,) = [w for w in window.tag_bar.findChildren(QLabel) if w.objectName() == "tagBarLabel"]
    assert label.text() == "Пометить выделение:"

    here = [a for a in spans.values() if a.document_id == spans["alpha"].document_id]
    assert headers(window) == ["Статус", "Метка", "Текст", "Разметчик", "Заметка"]
    assert window.annotation_panel.heading.text() == f"Пометки ({len(here)})"
    assert cell(window, spans["alpha"].id, AnnotationListModel.STATUS) == "· не проверена"
    assert cell(window, spans["claims"].id, AnnotationListModel.STATUS) == "✓ принята"
    tip = cell(window, spans["claims"].id, AnnotationListModel.TEXT, Qt.ItemDataRole.ToolTipRole)
    assert f"позиции {spans['claims'].start}–{spans['claims'].end}, разметчик: bob" in tip
    assert "рецензент: ed" in tip

    # Delete with nothing selected says so in Russian; then Ctrl+E on a highlight opens the note editor.
    view = window.reader
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_Delete)
    assert message(window) == "Сначала щёлкните пометку, затем нажмите Delete"
    view.select_annotation(spans["alpha"].id)
    key(qtbot, view, Qt.Key.Key_E, CTRL)
    editor = window.findChild(QDialog, "noteEditor")
    assert editor is not None and editor.windowTitle() == "Заметка"
    texts = [w.text() for w in editor.findChildren(QLabel)]
    assert "Ваша заметка к пометке actor «Alpha»:" in texts
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Escape)
    reactivate(qtbot, window)

    # Edit Tags: its title and buttons, and the refusal to delete a tag in use, with the count's plural form.
    ReaderApp.of(window).actions["EditTags"].trigger()
    tags = window.findChild(TagEditor)
    qtbot.waitExposed(tags)
    assert (tags.windowTitle(), tags.delete_button.text()) == ("Метки", "&Удалить метку")
    use = {name: sum(a.tag == name for a in spans.values()) for name in ("claim", "date")}
    assert use == {"claim": 1, "date": 2}
    click_tag(qtbot, tags, "claim")
    qtbot.mouseClick(tags.delete_button, Qt.MouseButton.LeftButton)
    assert tags.problem.text().startswith("Метка claim используется в 1 пометке: выберите")
    click_tag(qtbot, tags, "date")
    qtbot.mouseClick(tags.delete_button, Qt.MouseButton.LeftButton)
    assert tags.problem.text().startswith("Метка date используется в 2 пометках: выберите")
    qtbot.mouseClick(tags.new_button, Qt.MouseButton.LeftButton)
    assert tags.name_box.text() == "новая метка"
    key(qtbot, tags.list, Qt.Key.Key_Escape)
    reactivate(qtbot, window)


def test_review_mode_speaks_russian(qtbot, tmp_path, review_db, russian):
    db, spans = review_db
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    give_the_panel(qtbot, window, 620)  # room for the status words beside their marks
    session = ReaderApp.of(window).session
    shortcut(qtbot, window, Qt.Key.Key_R, CTRL)
    assert message(window).startswith("Режим рецензии: A — принять, R — отклонить")

    bar = window.annotation_panel.filter_bar
    statuses = [bar.status_box.itemText(i) for i in range(bar.status_box.count())]
    assert statuses == ["Все статусы", "не проверена", "принята", "отклонена"]
    choose(qtbot, bar.status_box, "не проверена")
    here = [a for a in spans.values() if a.document_id == spans["alpha"].document_id]
    waiting = [a for a in here if a.status == "pending"]
    assert window.annotation_panel.heading.text() == f"Пометки (показано {len(waiting)} из {len(here)})"

    # N, then A: the accepted step is named in Russian on the undo stack.
    view = window.reader
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_N)
    assert view.selected_annotation_id() == spans["alpha"].id
    key(qtbot, view, Qt.Key.Key_A)
    assert session.undo_stack.undoText() == "Принять actor «Alpha»"

    choose(qtbot, bar.status_box, "Все статусы")
    give_the_panel(qtbot, window, 620)
    view.setFocus()
    view.select_annotation(spans["alpha"].id)
    key(qtbot, view, Qt.Key.Key_A)
    assert message(window) == "Уже принята"
    assert cell(window, spans["alpha"].id, AnnotationListModel.STATUS) == "✓ принята"

    key(qtbot, view, Qt.Key.Key_N, SHIFT)
    dialog = window.findChild(QDialog, "reviewNoteDialog")
    assert dialog is not None and dialog.windowTitle() == "Замечание рецензента"
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Escape)
    reactivate(qtbot, window)

    choose(qtbot, bar.status_box, "отклонена")
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_N)
    assert message(window) == "Фильтр по статусу скрывает непроверенные пометки"
