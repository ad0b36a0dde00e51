"""Every action of the window and its shortcuts, registered in one place.

Each feature controller binds the actions it serves (``actions.bind``); menus, the tag bar and the reader's
right-click menu all show these same actions, so a shortcut is defined once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QWidget

from reader.domain.tags import Tag
from reader.ui.shell.action_specs import (
    ANNOTATE,
    COMPARISON_ACTIONS,
    EDIT,
    MENUS,
    READER_KEYS,
    REVIEW_MODE_ACTIONS,
    SPECS,
    TAG_PREFIX,
)
from reader.ui.shell.tag_bar import tag_icon
from reader.ui.shell.translation import QT_TRANSLATE_NOOP, translate


def plain(text: str) -> str:
    """Menu text without its mnemonic ampersand and ellipsis: the accessible name."""
    return text.replace("&", "").removesuffix("…").strip()


def _words(text: str) -> str:
    """The window's language for an English text of SPECS."""
    return translate("Actions", text) if text else text


def _decorate(action: QAction, text: str, keys: list[QKeySequence], tip: str) -> None:
    action.setText(text)
    action.setIconText(plain(text))
    if keys:
        action.setShortcuts(keys)
    action.setShortcutVisibleInContextMenu(True)
    shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
    action.setToolTip(f"{plain(text)} ({shown})" if shown else plain(text))
    action.setStatusTip(tip or plain(text))
    action.setWhatsThis(tip or plain(text))


class Actions(QObject):
    """All of the window's QActions, by name (``actions["Export"]``)."""

    def __init__(self, window: QMainWindow, undo_stack: QUndoStack):
        super().__init__(window)
        self._window = window
        self._actions: dict[str, QAction] = {}
        self._tag_actions: list[QAction] = []
        self._bindings: Counter[str] = Counter()
        self.menus: dict[str, QMenu] = {title: window.menuBar().addMenu(_words(title)) for title in MENUS}
        for title, menu in self.menus.items():
            menu.setObjectName(f"menu{plain(title)}")
        undo = undo_stack.createUndoAction(self, translate("Actions", "&Undo"))
        redo = undo_stack.createRedoAction(self, translate("Actions", "&Redo"))
        self._register(
            "Undo", undo, [QKeySequence("Ctrl+Z")], QT_TRANSLATE_NOOP("Actions", "Undo the last change"), EDIT
        )
        self._register(
            "Redo",
            redo,
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
            QT_TRANSLATE_NOOP("Actions", "Redo what was undone"),
            EDIT,
        )
        # The tag actions go at the top of the Annotate menu, above this separator (set_tags).
        self._tag_anchor = self.menus[ANNOTATE].addSeparator()
        for spec in SPECS:
            menu = self.menus[spec.menu]
            if spec.separator_before:
                menu.addSeparator()
            action = QAction(self)
            action.setCheckable(spec.checkable)
            self._register(spec.name, action, [QKeySequence(k) for k in spec.keys], spec.tip, spec.menu, spec.text)
        self["Preferences"].setMenuRole(QAction.MenuRole.PreferencesRole)
        self.unbound_tag_keys: list[tuple[str, str]] = []  # (tag, the action whose key it would take)
        self.set_review_mode(False)
        self.set_comparison_open(False)

    def _register(
        self, name: str, action: QAction, keys: list[QKeySequence], tip: str, menu: str, text: str | None = None
    ) -> None:
        action.setObjectName(f"action{name}")
        _decorate(action, _words(text) if text else action.text(), keys, _words(tip))
        if text is None:
            # Undo and redo rename themselves after the command ("Undo Tag …"); a fixed tooltip would lie.
            action.setToolTip("")
        self.menus[menu].addAction(action)
        self._window.addAction(action)
        self._actions[name] = action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def bind(self, name: str, handler: Callable[[], object]) -> None:
        """Run ``handler`` when the action ``name`` is triggered (by menu, shortcut or button)."""
        self[name].triggered.connect(lambda checked=False: handler())
        self._bindings[name] += 1

    def bind_toggle(self, name: str, handler: Callable[[bool], object]) -> None:
        """Run ``handler(checked)`` whenever the checkable action ``name`` is switched on or off."""
        self[name].toggled.connect(handler)
        self._bindings[name] += 1

    def bindings(self, name: str) -> int:
        """How many handlers ``bind`` and ``bind_toggle`` gave the action ``name``."""
        return self._bindings[name]

    def set_review_mode(self, on: bool) -> None:
        for name in REVIEW_MODE_ACTIONS:
            self[name].setEnabled(on)

    def set_comparison_open(self, on: bool) -> None:
        for name in COMPARISON_ACTIONS:
            self[name].setEnabled(on)

    def owner_of_key(self, key: str) -> str | None:
        """The action (as "Menu ▸ Action") whose shortcut ``key`` is, tag actions aside."""
        wanted = QKeySequence(key)
        for spec in SPECS:
            if any(QKeySequence(k).matches(wanted) == QKeySequence.SequenceMatch.ExactMatch for k in spec.keys):
                return f"{plain(_words(spec.menu))} ▸ {plain(_words(spec.text))}"
        return None

    def all(self) -> list[QAction]:
        return list(self._actions.values())

    @property
    def tag_actions(self) -> list[QAction]:
        return list(self._tag_actions)

    def set_tags(self, tags: list[Tag], apply_tag: Callable[[str], None]) -> list[QAction]:
        """Replace the tag actions (``actionTag_<name>``, shortcut = the tag's key)."""
        menu = self.menus[ANNOTATE]
        for action in self._tag_actions:
            menu.removeAction(action)
            self._window.removeAction(action)
            del self._actions[action.objectName().removeprefix("action")]
            action.deleteLater()
        self._tag_actions = []
        self.unbound_tag_keys = []
        for tag in tags:
            action = QAction(tag_icon(tag), "", self)
            keys = [QKeySequence(tag.key)] if tag.key else []
            if tag.key and (owner := self.owner_of_key(tag.key)):
                # Two actions on one key would both stay silent (Qt calls it ambiguous).
                self.unbound_tag_keys.append((tag.name, owner))
                keys = []
            tip = translate("Actions", "Tag the selection (or retag the selected highlight) as {tag}").format(
                tag=tag.name
            )
            if tag.description:
                tip += f": {tag.description}"
            action.setObjectName(f"action{TAG_PREFIX}{tag.name}")
            _decorate(action, tag.name.replace("&", "&&"), keys, tip)
            action.triggered.connect(lambda checked=False, name=tag.name: apply_tag(name))
            self._window.addAction(action)
            self._actions[f"{TAG_PREFIX}{tag.name}"] = action
            self._tag_actions.append(action)
        menu.insertActions(self._tag_anchor, self._tag_actions)
        return list(self._tag_actions)

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(menu, action, shortcuts) for every action that has a shortcut, in menu order."""
        rows = []
        for title, menu in self.menus.items():
            for action in menu.actions():
                if action.isSeparator() or not action.shortcuts():
                    continue
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                # The icon text is the action's own name: Undo's text follows the stack ("Undo Tag … as place").
                name = action.iconText()
                if action in self._tag_actions:
                    name = translate("Actions", "Tag as {tag}").format(tag=name)
                rows.append((plain(_words(title)), name, keys))
        return rows

    def show_shortcuts(self, parent: QWidget) -> QDialog:
        rows = "".join(
            f"<tr><td>{escape(menu)}</td><td>{escape(name)}</td><td><b>{escape(keys)}</b></td></tr>"
            for menu, name, keys in self.shortcut_rows()
        )
        text = escape(translate("Actions", "Text"))
        extra = "".join(
            f"<tr><td>{text}</td><td>{escape(_words(name))}</td><td><b>{escape(_words(keys))}</b></td></tr>"
            for name, keys in READER_KEYS
        )
        from reader.ui.shell.shortcuts_dialog import shortcuts_dialog  # its widgets' imports: when first asked for

        return shortcuts_dialog(f"{rows}{extra}", parent)
