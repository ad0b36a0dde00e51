"""Editing relation types in the real window, by keyboard: Ctrl+Shift+T opens the editor, a type
is added, renamed (its relations follow) or deleted, the store's refusals are shown in the editor
and write nothing, and Ctrl+Z in the window undoes each step. The database on disk is checked
after every step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from windowkit import choose, click_text, drag_select, key, pick_document, shortcut

from reader.domain.relations import DATED, SAID_BY, RelationType
from reader.store import Store
from reader.ui.linking.relation_type_editor import RelationTypeEditor

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)
CLAIM = "Москва официально не обращалась за помощью"  # in the first seed
ACTOR = "Секретариата ОДКБ"


def stored_types(db) -> dict[str, RelationType]:
    with Store.open(db, create=False, read_only=True) as store:
        return {kind.name: kind for kind in store.relation_types()}


def stored_relation_types(db) -> list[str]:
    """The type of every stored relation."""
    with Store.open(db, create=False, read_only=True) as store:
        return sorted(r.type for d in store.documents() for r in store.document_relations(d.id))


def tag(qtbot, window, quote: str, number_key) -> None:
    start = window.reader.document_text().index(quote)
    drag_select(qtbot, window, start, start + len(quote))
    key(qtbot, window.reader, number_key)


def open_editor(qtbot, window, parts) -> RelationTypeEditor:
    shortcut(qtbot, window, Qt.Key.Key_T, CTRL | SHIFT)
    editor = parts.relation_types.editor
    assert editor is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    return editor


def close_editor(qtbot, window, editor: RelationTypeEditor) -> None:
    shortcut(qtbot, window, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.reader.setFocus()


def go_to(qtbot, editor: RelationTypeEditor, name: str) -> None:
    """Walk the list with the arrow keys to the type called ``name``."""
    editor.list.setFocus()
    key(qtbot, editor.list, Qt.Key.Key_Home)
    while editor.list.currentItem().data(Qt.ItemDataRole.UserRole) != name:
        before = editor.list.currentRow()
        key(qtbot, editor.list, Qt.Key.Key_Down)
        assert editor.list.currentRow() != before, f"{name!r} is not in the list"


def retype(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)


def tab_to(qtbot, widget) -> None:
    key(qtbot, QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget


def shown_names(editor: RelationTypeEditor) -> list[str]:
    return [editor.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(editor.list.count())]


def press(qtbot, mnemonic, button) -> None:
    """Alt+letter on a button of the editor (a button so pressed clicks after a moment, as it shows)."""
    clicks = []
    button.clicked.connect(lambda: clicks.append(True))
    key(qtbot, QApplication.focusWidget(), mnemonic, ALT)
    qtbot.waitUntil(lambda: bool(clicks))


def undo(qtbot, window) -> None:
    key(qtbot, window.reader, Qt.Key.Key_Z, CTRL)


@pytest.fixture
def linked(qtbot, window):
    """The first seed open with a claim said by an actor (linked with Ctrl+K), the claim selected."""
    pick_document(qtbot, window, 0)
    tag(qtbot, window, CLAIM, Qt.Key.Key_1)
    tag(qtbot, window, ACTOR, Qt.Key.Key_2)
    click_text(qtbot, window, window.reader.document_text().index(CLAIM) + 2)
    key(qtbot, window.reader, Qt.Key.Key_K, CTRL)
    key(qtbot, window.reader, Qt.Key.Key_Return)
    return window


def test_a_type_added_by_keyboard_is_stored_linking_knows_it_and_undo_takes_it_away(qtbot, window, parts, tmp_path):
    db = tmp_path / "project.sqlite"
    pick_document(qtbot, window, 0)
    editor = open_editor(qtbot, window, parts)

    press(qtbot, Qt.Key.Key_W, editor.new_button)
    assert QApplication.focusWidget() is editor.name_box
    qtbot.keyClicks(editor.name_box, "quoted_in")  # the proposed name is selected: typing replaces it
    tab_to(qtbot, editor.source_box)
    choose(qtbot, editor.source_box, "claim")
    tab_to(qtbot, editor.target_box)
    choose(qtbot, editor.target_box, "claim")
    tab_to(qtbot, editor.key_box)
    qtbot.keyClicks(editor.key_box, "q")
    key(qtbot, editor.key_box, Qt.Key.Key_Return)

    assert editor.problem.text() == ""
    added = stored_types(db)["quoted_in"]
    assert (added.source_tag, added.target_tag, added.key) == ("claim", "claim", "q")
    assert added.position > max(stored_types(db)[name].position for name in (SAID_BY, DATED))
    assert editor.list.currentItem().text() == "quoted_in: claim → claim  [q]  · 0 relation(s)"
    assert "quoted_in" in [kind.name for kind in parts.linking.kinds]  # Alt+Q picks it while linking

    close_editor(qtbot, window, editor)
    undo(qtbot, window)
    assert "quoted_in" not in stored_types(db)
    assert "quoted_in" not in [kind.name for kind in parts.linking.kinds]


def test_a_renamed_type_keeps_its_relations_and_undo_renames_it_back(qtbot, linked, parts, tmp_path):
    db = tmp_path / "project.sqlite"
    assert stored_relation_types(db) == [SAID_BY]
    said_by = stored_types(db)[SAID_BY]
    editor = open_editor(qtbot, linked, parts)

    go_to(qtbot, editor, SAID_BY)
    assert editor.list.currentItem().text().endswith("· 1 relation(s)")
    tab_to(qtbot, editor.name_box)
    editor.name_box.selectAll()
    qtbot.keyClicks(editor.name_box, "attributed_to")
    key(qtbot, editor.name_box, Qt.Key.Key_Return)

    assert editor.problem.text() == ""
    renamed = stored_types(db)
    assert SAID_BY not in renamed
    assert renamed["attributed_to"] == RelationType(
        "attributed_to", "claim", "actor", said_by.colour, "s", said_by.description, said_by.position
    )
    assert stored_relation_types(db) == ["attributed_to"]
    assert "attributed_to" in linked.link_list.list.item(0).text()

    close_editor(qtbot, linked, editor)
    undo(qtbot, linked)
    assert stored_types(db)[SAID_BY] == said_by and "attributed_to" not in stored_types(db)
    assert stored_relation_types(db) == [SAID_BY]
    assert SAID_BY in linked.link_list.list.item(0).text()


def test_a_refused_change_shows_the_stores_reason_and_writes_nothing(qtbot, linked, parts, tmp_path):
    db = tmp_path / "project.sqlite"
    before, steps = stored_types(db), parts.session.undo_stack.count()
    editor = open_editor(qtbot, linked, parts)

    go_to(qtbot, editor, DATED)
    retype(qtbot, editor.key_box, "s")
    key(qtbot, editor.key_box, Qt.Key.Key_Return)
    assert editor.problem.text() == "key 's' already belongs to relation type 'said_by'"

    go_to(qtbot, editor, SAID_BY)
    choose(qtbot, editor.target_box, "date")
    key(qtbot, editor.target_box, Qt.Key.Key_Return)
    assert "its tags cannot change while it does" in editor.problem.text()

    go_to(qtbot, editor, SAID_BY)
    press(qtbot, Qt.Key.Key_D, editor.delete_button)
    assert editor.problem.text() == "relation type 'said_by' is used by 1 relation(s); delete them first"

    assert stored_types(db) == before
    assert stored_relation_types(db) == [SAID_BY]
    assert parts.session.undo_stack.count() == steps  # a refused step is no step to undo
    assert editor.isVisible()


def test_an_unused_type_deleted_comes_back_with_undo(qtbot, window, parts, tmp_path):
    db = tmp_path / "project.sqlite"
    pick_document(qtbot, window, 0)
    dated = stored_types(db)[DATED]
    editor = open_editor(qtbot, window, parts)

    go_to(qtbot, editor, DATED)
    press(qtbot, Qt.Key.Key_D, editor.delete_button)

    assert editor.problem.text() == ""
    assert DATED not in stored_types(db)
    assert DATED not in shown_names(editor)
    assert DATED not in [kind.name for kind in parts.linking.kinds]

    close_editor(qtbot, window, editor)
    undo(qtbot, window)
    assert stored_types(db)[DATED] == dated  # its key, colour and place as they were
    assert DATED in [kind.name for kind in parts.linking.kinds]
