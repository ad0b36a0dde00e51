"""The shape of one of the window's actions (a Spec) and the menus they go in, apart from the
lists of them (action_specs, suggestion_specs), so that each list can be a module of its own."""

from __future__ import annotations

from dataclasses import dataclass

from reader.ui.shell.translation import QT_TRANSLATE_NOOP

FILE, EDIT, ANNOTATE, REVIEW, VIEW, HELP = (
    QT_TRANSLATE_NOOP("Actions", "&File"),
    QT_TRANSLATE_NOOP("Actions", "&Edit"),
    QT_TRANSLATE_NOOP("Actions", "&Annotate"),
    QT_TRANSLATE_NOOP("Actions", "&Review"),
    QT_TRANSLATE_NOOP("Actions", "&View"),
    QT_TRANSLATE_NOOP("Actions", "&Help"),
)
MENUS = (FILE, EDIT, ANNOTATE, REVIEW, VIEW, HELP)


@dataclass(frozen=True)
class Spec:
    name: str  # the action is called "action" + name
    text: str  # menu text; also its accessible name
    menu: str
    keys: tuple[str, ...] = ()
    tip: str = ""
    checkable: bool = False
    separator_before: bool = False
