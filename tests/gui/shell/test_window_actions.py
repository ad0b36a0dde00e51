"""Every action: bound once, a stable object name, an accessible name, its shortcut shown in
its menu, no shortcut claimed twice; and the README's table says the same."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QTextBrowser
from windowkit import REPO, drag_select, pick_document, shortcut

from reader.app import ReaderApp
from reader.ui.shell.action_specs import SPECS, STATE_ACTIONS

REQUIRED = {
    "actionUndo",
    "actionRedo",
    "actionExport",
    "actionDeleteAnnotation",
    "actionTag_claim",
    "actionTag_actor",
    "actionTag_date",
}


def menu_actions(window):
    return [
        (menu, action)
        for menu in ReaderApp.of(window).actions.menus.values()
        for action in menu.actions()
        if not action.isSeparator()
    ]


def test_every_action_is_bound_to_one_handler_by_its_feature(window, parts):
    actions = parts.actions
    bindings = {spec.name: actions.bindings(spec.name) for spec in SPECS}
    assert bindings == {spec.name: 0 if spec.name in STATE_ACTIONS else 1 for spec in SPECS}


def test_actions_have_names_shortcuts_and_accessible_names(window, parts):
    registered = parts.actions.all()
    names = [a.objectName() for a in registered]
    assert set(names) >= REQUIRED
    assert len(names) == len(set(names))
    assert all(name.startswith("action") for name in names)
    in_menus = {id(action) for _, action in menu_actions(window)}
    assert all(id(action) in in_menus for action in registered)

    for menu, action in menu_actions(window):
        menu_interface = QAccessible.queryAccessibleInterface(menu)
        index = menu.actions().index(action)
        accessible = menu_interface.child(index).text(QAccessible.Text.Name)
        assert accessible and accessible == action.text().replace("&", ""), action.objectName()
        if action.objectName() in ("actionUndo", "actionRedo"):
            assert action.shortcuts()
        if action.shortcuts():
            assert action.isShortcutVisibleInContextMenu()
            assert menu_interface.child(index).text(QAccessible.Text.Accelerator) == action.shortcut().toString(
                QKeySequence.SequenceFormat.NativeText
            )

    claimed = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in claimed, f"{key} is claimed by {claimed.get(key)} and {action.objectName()}"
            claimed[key] = action.objectName()
    for wanted in (
        "Ctrl+Z",
        "Ctrl+Shift+Z",
        "Ctrl+Y",
        "Ctrl+=",
        "Ctrl+-",
        "Ctrl+F",
        "Ctrl+Shift+F",
        "Del",
        "1",
        "2",
        "3",
    ):
        assert wanted in claimed, wanted


def test_the_readme_lists_every_shortcut(window, parts):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Keyboard shortcuts", 1)[1].split("\n## ", 1)[0]
    table = {
        tuple(cell.replace("`", "").strip() for cell in row.strip("|").split("|"))
        for row in re.findall(r"^\|.*\|$", section, flags=re.MULTILINE)
    }
    for menu, name, keys in parts.actions.shortcut_rows():
        if menu == "Annotate" and name.startswith("Tag as "):
            continue  # one row in the README covers the tag keys
        assert (menu, name, keys) in table, (menu, name, keys)


def test_f1_lists_the_shortcuts_in_the_window(qtbot, window, parts):
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F1)
    dialog = window.findChild(QDialog, "shortcutsDialog")
    assert dialog is not None and dialog.isVisible()
    listed = dialog.findChild(QTextBrowser).toPlainText()
    for _, name, keys in parts.actions.shortcut_rows():
        assert name in listed and keys in listed
    dialog.reject()


def test_f1_names_undo_as_undo_after_a_change(qtbot, window, parts):
    # The undo action's text follows the stack ("Undo Tag “…” as place"); the shortcuts page names the action.
    pick_document(qtbot, window, 0)
    drag_select(qtbot, window, 0, 5)
    shortcut(qtbot, window, Qt.Key.Key_1)
    assert parts.actions["Undo"].text().startswith("&Undo ")
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_F1)
    dialog = window.findChild(QDialog, "shortcutsDialog")
    listed = dialog.findChild(QTextBrowser).toHtml()
    assert ">Undo<" in listed and "Undo Tag" not in listed
    assert ("Edit", "Undo", "Ctrl+Z") in parts.actions.shortcut_rows()
    dialog.reject()
