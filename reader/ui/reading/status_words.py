"""How the window names what the database stores as plain English words: an annotation's
status (its mark and its word) and an annotation without an annotator's name.

The stored values stay English (they are data, in exports and filters); only what is shown
is in the window's language."""

from __future__ import annotations

from reader.domain.annotations import ACCEPTED, PENDING, REJECTED
from reader.ui.shell.translation import QT_TRANSLATE_NOOP, translate

STATUS_MARKS = {PENDING: "·", ACCEPTED: "✓", REJECTED: "✗"}
_STATUS_WORDS = {
    PENDING: QT_TRANSLATE_NOOP("Reading", "pending"),
    ACCEPTED: QT_TRANSLATE_NOOP("Reading", "accepted"),
    REJECTED: QT_TRANSLATE_NOOP("Reading", "rejected"),
}
NOBODY = QT_TRANSLATE_NOOP("Reading", "nobody")
NO_NAME = QT_TRANSLATE_NOOP("Reading", "(no name)")


def status_word(status: str) -> str:
    """The status in the window's language (an unknown one as it is stored)."""
    word = _STATUS_WORDS.get(status)
    return translate("Reading", word) if word else status


def status_label(status: str) -> str:
    """The status as the lists show it: its mark, then its word."""
    return f"{STATUS_MARKS.get(status, '?')} {status_word(status)}"


def nobody() -> str:
    """Who made or reviewed an annotation that names nobody, as a sentence says it."""
    return translate("Reading", NOBODY)


def annotator_choice(name: str) -> str:
    """An annotator's name as a list of names shows it: an empty one as "(no name)"."""
    return name or translate("Reading", NO_NAME)
