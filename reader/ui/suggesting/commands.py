"""Undoable steps on suggestions (reader.ui.shell.session.StoreCommand): accepting some (each
becomes a pending annotation of the annotator's, with the said_by and dated links it names) and
rejecting some, one step each however many. Each writes at once, in one transaction, then tells
the annotating sink (the annotations, their links, the counts) and the suggestions' own."""

from __future__ import annotations

from typing import Protocol

from reader.domain.suggestions import Accepted, StoredSuggestion
from reader.domain.text import one_line
from reader.store import Store
from reader.ui.shell.session import Sink, StoreCommand
from reader.ui.shell.translation import QT_TRANSLATE_NOOP, translate

SHORT = 30  # characters of the suggested text an undo step's name quotes
_ACCEPT_ONE = QT_TRANSLATE_NOOP("Suggesting", "Accept the suggestion {tag} “{text}”")
_ACCEPT_MANY = QT_TRANSLATE_NOOP("Suggesting", "Accept %n suggestion(s) of the tag {tag}")
_REJECT_ONE = QT_TRANSLATE_NOOP("Suggesting", "Reject the suggestion {tag} “{text}”")
_REJECT_MANY = QT_TRANSLATE_NOOP("Suggesting", "Reject %n suggestion(s) of the tag {tag}")


class SuggestionSink(Protocol):
    def suggestions_changed(self, document_id: int) -> None: ...


def step_name(suggestions: list[StoredSuggestion], one: str, many: str) -> str:
    """``one`` with the tag and text of a single suggestion, ``many`` with the tag and count."""
    first = suggestions[0]
    if len(suggestions) == 1:
        return translate("Suggesting", one).format(tag=first.tag, text=one_line(first.text, SHORT))
    return translate("Suggesting", many, None, len(suggestions)).format(tag=first.tag)


class AcceptSuggestions(StoreCommand):
    """The suggestions become annotations in one step; undo deletes them (their links go with them)
    and opens the suggestions again. A redo brings back the very same annotations and links (same
    ids), so the steps above it on the undo stack still find them."""

    def __init__(
        self, store: Store, sink: Sink, shown: SuggestionSink, suggestions: list[StoredSuggestion], annotator: str
    ):
        super().__init__(step_name(suggestions, _ACCEPT_ONE, _ACCEPT_MANY), store, sink)
        self.shown = shown
        self.ids = [s.id for s in suggestions]
        self.document_id = suggestions[0].document_id
        self.annotator = annotator
        self.accepted: list[Accepted] | None = None

    def apply(self) -> None:
        if self.accepted is None:
            self.accepted = self.store.accept_suggestions(self.ids, self.annotator)
            if not self.accepted:
                self.setObsolete(True)  # each overlapped one accepted before it: nothing to undo
        else:
            self.store.redo_accept(self.accepted)  # the same rows as the first time
        for item in self.accepted:
            self.sink.annotation_added(item.annotation)
        self._links_changed()
        self.shown.suggestions_changed(self.document_id)

    def revert(self) -> None:
        assert self.accepted is not None
        self.store.undo_accept(self.accepted)
        for item in self.accepted:
            self.sink.annotation_removed(item.annotation)
        self._links_changed()
        self.shown.suggestions_changed(self.document_id)

    def _links_changed(self) -> None:
        if self.accepted and any(item.relations for item in self.accepted):
            self.sink.relations_changed(self.document_id)


class RejectSuggestions(StoreCommand):
    """The suggestions rejected (never suggested again); undo opens them again."""

    def __init__(self, store: Store, sink: Sink, shown: SuggestionSink, suggestions: list[StoredSuggestion]):
        super().__init__(step_name(suggestions, _REJECT_ONE, _REJECT_MANY), store, sink)
        self.shown = shown
        self.ids = [s.id for s in suggestions]
        self.document_id = suggestions[0].document_id
        self.rejected: list[str] | None = None

    def apply(self) -> None:
        rejected = self.store.reject_suggestions(self.ids if self.rejected is None else self.rejected)
        if self.rejected is None:
            self.rejected = rejected
            if not rejected:
                self.setObsolete(True)
        self.shown.suggestions_changed(self.document_id)

    def revert(self) -> None:
        self.store.reopen_suggestions(self.rejected or [])
        self.shown.suggestions_changed(self.document_id)
