"""Every action of the window and its shortcuts, registered in one place.

Each feature controller binds the actions it serves (``actions.bind``); menus, the tag bar and the reader's
right-click menu all show these same actions, so a shortcut is defined once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QMenu, QTextBrowser, QVBoxLayout, QWidget

from reader.domain.tags import Tag
from reader.ui.shell.tag_bar import tag_icon

FILE, EDIT, ANNOTATE, REVIEW, VIEW, HELP = "&File", "&Edit", "&Annotate", "&Review", "&View", "&Help"
MENUS = (FILE, EDIT, ANNOTATE, REVIEW, VIEW, HELP)
# Enabled in review mode only, so a stray letter never accepts or rejects while annotating.
REVIEW_MODE_ACTIONS = ("Accept", "Reject", "ReviewNote", "NextPending", "PreviousPending", "PendingOnly")
COMPARISON_ACTIONS = ("TakeTheirs", "KeepOurs")
# Checkable actions nothing is bound to: whoever needs one reads it (isChecked) when it acts.
STATE_ACTIONS = ("ExactCharacters",)
TAG_PREFIX = "Tag_"


@dataclass(frozen=True)
class Spec:
    name: str  # the action is called "action" + name
    text: str  # menu text; also its accessible name
    menu: str
    keys: tuple[str, ...] = ()
    tip: str = ""
    checkable: bool = False
    separator_before: bool = False


SPECS: tuple[Spec, ...] = (
    Spec(
        "OpenFolder",
        "Open Corpus &Folder…",
        FILE,
        ("Ctrl+O",),
        "Import a folder of .txt and .md files into its own database and open it",
    ),
    Spec("OpenDatabase", "Open &Database…", FILE, ("Ctrl+Shift+O",), "Open another Reader database"),
    Spec(
        "ImportFiles",
        "&Import Files…",
        FILE,
        ("Ctrl+I",),
        "Add .txt and .md files to this database (or drop them on the document list)",
        separator_before=True,
    ),
    Spec(
        "Export",
        "&Export Annotations…",
        FILE,
        ("Ctrl+Shift+E",),
        "Write every annotation to CSV (for spreadsheets or scripts) or JSONL",
    ),
    Spec(
        "Merge",
        "&Merge…",
        FILE,
        (),
        "Bring other annotators' databases into this one: documents by their text, annotations by id, "
        "the newest change wins",
    ),
    Spec("Quit", "&Quit", FILE, ("Ctrl+Q",), "Close Reader (everything is already saved)", separator_before=True),
    Spec("Find", "&Find in Document…", EDIT, ("Ctrl+F",), "Find text in the open document", separator_before=True),
    Spec("FindNext", "Find &Next", EDIT, ("F3",), "Find the next match in the document"),
    Spec("FindPrevious", "Find &Previous", EDIT, ("Shift+F3",), "Find the previous match in the document"),
    Spec("SearchCorpus", "&Search All Documents…", EDIT, ("Ctrl+Shift+F",), "Full-text search across every document"),
    Spec("FilterDocuments", "Filter &Documents…", EDIT, ("Ctrl+L",), "Type to narrow the document list"),
    Spec(
        "Preferences",
        "Pr&eferences…",
        EDIT,
        ("Ctrl+,",),
        "Your name, stored on every annotation you make and every review",
        separator_before=True,
    ),
    Spec(
        "DeleteAnnotation",
        "&Delete Annotation",
        ANNOTATE,
        ("Del",),
        "Delete the selected highlight",
    ),
    Spec("EditNote", "Edit &Note…", ANNOTATE, ("Ctrl+E",), "Write a note on the selected highlight"),
    Spec("NextAnnotation", "Ne&xt Annotation", ANNOTATE, ("F8",), "Select the next highlight in the text"),
    Spec(
        "PreviousAnnotation",
        "Pre&vious Annotation",
        ANNOTATE,
        ("Shift+F8",),
        "Select the previous highlight in the text",
    ),
    Spec(
        "ExactCharacters",
        "E&xact Characters",
        ANNOTATE,
        ("Ctrl+Shift+X",),
        "Tag exactly the selected characters instead of whole words",
        checkable=True,
        separator_before=True,
    ),
    Spec("EditTags", "Edit &Tags…", ANNOTATE, ("Ctrl+T",), "Add, rename, recolour tags or change their keys"),
    Spec("Accept", "&Accept", REVIEW, ("A",), "Accept the selected highlight, then go to the next pending one"),
    Spec(
        "Reject",
        "&Reject",
        REVIEW,
        ("R",),
        "Reject the selected highlight (it is kept, struck through), then go to the next pending one",
    ),
    Spec("ReviewNote", "Review N&ote…", REVIEW, ("Shift+N",), "Write a reviewer's note on the selected highlight"),
    Spec(
        "NextPending",
        "&Next Pending",
        REVIEW,
        ("N",),
        "Select the next pending highlight, opening the next document that has one",
        separator_before=True,
    ),
    Spec(
        "PreviousPending",
        "&Previous Pending",
        REVIEW,
        ("P",),
        "Select the previous pending highlight, opening the previous document that has one",
    ),
    Spec(
        "TakeTheirs",
        "&Take Theirs",
        REVIEW,
        ("T",),
        "Comparison: their version of the selected row goes into this database, accepted; ours is rejected",
        separator_before=True,
    ),
    Spec(
        "KeepOurs",
        "&Keep Ours",
        REVIEW,
        ("O",),
        "Comparison: our version of the selected row is accepted; theirs, when it is in this database, rejected",
    ),
    Spec("ZoomIn", "Zoom &In", VIEW, ("Ctrl+=", "Ctrl++"), "Larger text"),
    Spec("ZoomOut", "Zoom &Out", VIEW, ("Ctrl+-",), "Smaller text"),
    Spec("ZoomReset", "&Actual Size", VIEW, ("Ctrl+0",), "Text at its normal size"),
    Spec(
        "FocusDocuments",
        "Go to &Document List",
        VIEW,
        ("Ctrl+Shift+L",),
        "Move the keyboard focus to the list",
        separator_before=True,
    ),
    Spec("FocusReader", "Go to &Reader", VIEW, ("Ctrl+Shift+R",), "Move the keyboard focus to the text"),
    Spec(
        "FocusAnnotations",
        "Go to &Annotations",
        VIEW,
        ("Ctrl+Shift+A",),
        "Move the keyboard focus to the annotation list",
    ),
    Spec(
        "ReviewMode",
        "Re&view Mode",
        VIEW,
        ("Ctrl+R",),
        "Review keys (A, R, N, P), filters over the annotations and review progress in the document list",
        checkable=True,
        separator_before=True,
    ),
    Spec(
        "ShowRejected", "Show Re&jected", VIEW, ("Ctrl+H",), "Show rejected highlights, struck through", checkable=True
    ),
    Spec(
        "PendingOnly",
        "Only Documents with &Pending",
        VIEW,
        (),
        "List only the documents that still have pending annotations",
        checkable=True,
    ),
    Spec(
        "Compare", "&Compare With…", VIEW, (), "Another annotator's spans beside this database's, for the open document"
    ),
    Spec("Shortcuts", "&Keyboard Shortcuts", HELP, ("F1",), "Every shortcut on one page"),
)


# Keys the reader pane handles itself (no action of their own).
READER_KEYS = (
    ("Move the caret", "Arrows, Home, End, Page Up, Page Down"),
    ("Select text", "Shift+Arrows, Ctrl+Shift+Left/Right (by word)"),
    ("Move the selected highlight's end", "Shift+Left, Shift+Right"),
    ("Move the selected highlight's start", "Shift+Alt+Left, Shift+Alt+Right"),
    ("Deselect the highlight", "Esc"),
)


def plain(text: str) -> str:
    """Menu text without its mnemonic ampersand and ellipsis: the accessible name."""
    return text.replace("&", "").removesuffix("…").strip()


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
        self.menus: dict[str, QMenu] = {title: window.menuBar().addMenu(title) for title in MENUS}
        for title, menu in self.menus.items():
            menu.setObjectName(f"menu{plain(title)}")
        undo = undo_stack.createUndoAction(self, "&Undo")
        redo = undo_stack.createRedoAction(self, "&Redo")
        self._register("Undo", undo, [QKeySequence("Ctrl+Z")], "Undo the last change", EDIT)
        self._register(
            "Redo", redo, [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")], "Redo what was undone", EDIT
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
        _decorate(action, text or action.text(), keys, tip)
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
                return f"{plain(spec.menu)} ▸ {plain(spec.text)}"
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
            tip = f"Tag the selection (or retag the selected highlight) as {tag.name}"
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
                name = plain(action.text()) if action not in self._tag_actions else f"Tag as {plain(action.text())}"
                rows.append((plain(title), name, keys))
        return rows

    def show_shortcuts(self, parent: QWidget) -> QDialog:
        rows = "".join(
            f"<tr><td>{escape(menu)}</td><td>{escape(name)}</td><td><b>{escape(keys)}</b></td></tr>"
            for menu, name, keys in self.shortcut_rows()
        )
        extra = "".join(
            f"<tr><td>Text</td><td>{escape(name)}</td><td><b>{escape(keys)}</b></td></tr>" for name, keys in READER_KEYS
        )
        dialog = QDialog(parent)
        dialog.setObjectName("shortcutsDialog")
        dialog.setWindowTitle("Keyboard Shortcuts")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        browser = QTextBrowser(dialog)
        browser.setHtml(
            f"<table cellpadding='4'><tr><th align='left'>Menu</th><th align='left'>Action</th>"
            f"<th align='left'>Keys</th></tr>{rows}{extra}</table>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        dialog.setMinimumSize(420, 360)
        dialog.resize(560, 640)
        dialog.open()
        return dialog
