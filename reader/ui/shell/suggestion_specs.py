"""The actions on suggestions (reader.ui.suggesting), at the end of the Annotate menu. None is a
single letter: a tag's key is one character, and a suggestion's keys must never take one."""

from __future__ import annotations

from reader.ui.shell.spec import ANNOTATE, Spec
from reader.ui.shell.translation import QT_TRANSLATE_NOOP

SUGGESTION_SPECS: tuple[Spec, ...] = (
    Spec(
        "Suggest",
        QT_TRANSLATE_NOOP("Actions", "S&uggest…"),
        ANNOTATE,
        ("Ctrl+Shift+S",),
        QT_TRANSLATE_NOOP(
            "Actions",
            "Suggest actors, dates and claims, and more of what is tagged, in this document or in all of them",
        ),
        separator_before=True,
    ),
    Spec(
        "AcceptSuggestion",
        QT_TRANSLATE_NOOP("Actions", "Accept Su&ggestion"),
        ANNOTATE,
        ("Ctrl+Return",),
        QT_TRANSLATE_NOOP("Actions", "The suggestion at the caret becomes your annotation, pending review"),
    ),
    Spec(
        "RejectSuggestion",
        QT_TRANSLATE_NOOP("Actions", "Reject Suggestion"),
        ANNOTATE,
        ("Ctrl+Backspace",),
        QT_TRANSLATE_NOOP("Actions", "Drop the suggestion at the caret: that span is never suggested again"),
    ),
    Spec(
        "AcceptTagSuggestions",
        QT_TRANSLATE_NOOP("Actions", "Accept All Suggestions of This Tag"),
        ANNOTATE,
        ("Ctrl+Shift+Return",),
        QT_TRANSLATE_NOOP(
            "Actions", "Every suggestion of the tag at the caret in this document becomes your annotation, in one step"
        ),
    ),
    Spec(
        "NextSuggestion",
        QT_TRANSLATE_NOOP("Actions", "Next Suggestion"),
        ANNOTATE,
        ("F9",),
        QT_TRANSLATE_NOOP("Actions", "Move the caret to the next suggestion in the text"),
    ),
    Spec(
        "PreviousSuggestion",
        QT_TRANSLATE_NOOP("Actions", "Previous Suggestion"),
        ANNOTATE,
        ("Shift+F9",),
        QT_TRANSLATE_NOOP("Actions", "Move the caret to the previous suggestion in the text"),
    ),
)
