"""Suggestions in the window: the open document's open suggestions drawn over its text (overlay),
named in a tooltip; Ctrl+Return accepts the one at the caret (it becomes the annotator's pending
annotation), Ctrl+Backspace rejects it (never suggested again), Ctrl+Shift+Return accepts every
one of its tag in the document as one step, F9 and Shift+F9 move the caret from one to the next.
Suggest… runs the suggester on a worker thread (runner). Every change is a command on the undo stack.

The suggestions are read from the store when a document opens and after each change, never
while painting."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QHelpEvent, QPainter
from PySide6.QtWidgets import QInputDialog, QToolTip

from reader.domain.suggestions import StoredSuggestion
from reader.store import StoreError
from reader.ui.annotating.controller import AnnotatingController
from reader.ui.reading.controller import ReadingController
from reader.ui.reading.span_tooltip import tooltip_html
from reader.ui.shell.actions import Actions
from reader.ui.shell.session import Session
from reader.ui.shell.translation import translate
from reader.ui.suggesting.commands import AcceptSuggestions, RejectSuggestions
from reader.ui.suggesting.overlay import paint_suggestions
from reader.ui.suggesting.shown import ShownSuggestions
from reader.ui.suggesting.words import suggestion_words, tooltip_rows

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow
    from reader.ui.suggesting.runner import SuggestionRunner
    from reader.ui.suggesting.scope_dialog import ScopeDialog

_MARK_ROOM = 12  # pixels around a suggestion's outline its "?" mark reaches


class SuggestingController(QObject):
    def __init__(
        self,
        session: Session,
        actions: Actions,
        window: MainWindow,
        reading: ReadingController,
        annotating: AnnotatingController,
    ):
        super().__init__(window)
        self.session = session
        self.window = window
        self.reading = reading
        self.annotating = annotating
        self.view = window.reader
        self.shown = ShownSuggestions()
        self.current: StoredSuggestion | None = None  # the one Next or Previous reached
        self.emphasised: StoredSuggestion | None = None
        self.colours: dict[str, QColor] = {}
        # Changes to annotations come in bursts (accepting every suggestion of a tag): read once after.
        self._reload_soon = QTimer(self)
        self._reload_soon.setSingleShot(True)
        self._reload_soon.timeout.connect(self.reload)
        window.closing.connect(self._reload_soon.stop)  # its store closes with the window
        actions.bind("Suggest", self.ask_scope)
        actions.bind("AcceptSuggestion", self.accept)
        actions.bind("RejectSuggestion", self.reject)
        actions.bind("AcceptTagSuggestions", self.accept_tag)
        actions.bind("NextSuggestion", lambda: self.walk(1))
        actions.bind("PreviousSuggestion", lambda: self.walk(-1))
        self.view.overlays.append(self._paint)
        self.view.viewport().installEventFilter(self)
        self.view.cursorPositionChanged.connect(self._follow_caret)
        session.documentOpened.connect(self.reload)
        session.databaseLoaded.connect(self.reload)
        session.tagsLoaded.connect(self._tags_loaded)
        session.annotationsChanged.connect(self._annotations_changed)

    # ----- what is shown -----

    @cached_property
    def runner(self) -> SuggestionRunner:
        """Runs Suggest… (made at the first run: its thread and progress dialog are not needed to start)."""
        from reader.ui.suggesting.runner import SuggestionRunner

        return SuggestionRunner(self.session, self.window, self._saved)

    def reload(self) -> None:
        """The open document's open suggestions, as the store lists them now."""
        self._reload_soon.stop()
        document = self.session.document
        try:
            found = self.session.store.suggestions(document.id) if document is not None else []
        except StoreError as error:
            self.window.problem(str(error))
            found = []
        document_id = document.id if document is not None else None
        if (document_id, found) == (self.shown.document_id, self.shown.items):
            return  # an annotation changed, and with it none of the suggestions: nothing to repaint
        self.shown.show(document_id, found)
        if self.current is not None:
            self.current = self.shown.by_id(self.current.id)
        self.emphasised = self._at_caret()
        self.view.viewport().update()

    def suggestions_changed(self, document_id: int) -> None:
        """A command changed this document's suggestions (commands.SuggestionSink): show it, read them."""
        document = self.session.document
        if document is None or document.id != document_id:
            self.reading.open_document(document_id, focus=False)  # opening it reads them
        self.reload()

    def _saved(self, document_id: int) -> None:
        document = self.session.document
        if document is not None and document.id == document_id:
            self.reload()

    def _annotations_changed(self, document_id: int) -> None:
        if self.shown.document_id == document_id:
            self._reload_soon.start(0)

    def _tags_loaded(self) -> None:
        self.colours = {tag.name: QColor(tag.colour) for tag in self.session.tags}
        self.reload()

    def _paint(self, painter: QPainter) -> None:
        paint_suggestions(painter, self.view, self.shown, self.colours, self.emphasised)

    def _at_caret(self) -> StoredSuggestion | None:
        """The one Next reached while the caret is in it, else the innermost at the caret."""
        caret = self.view.caret_code_point()
        if self.current is not None and self.current.start <= caret <= self.current.end:
            return self.current
        found = self.shown.at(caret)
        return found[0] if found else None

    def _follow_caret(self) -> None:
        before, self.emphasised = self.emphasised, self._at_caret()
        if before != self.emphasised:
            for suggestion in (before, self.emphasised):
                if suggestion is not None:
                    self._repaint(suggestion)

    def _repaint(self, suggestion: StoredSuggestion) -> None:
        area = QRect()
        for rect in self.view.span_rects(suggestion.start, suggestion.end):
            area = area.united(rect)
        if not area.isEmpty():
            self.view.viewport().update(area.adjusted(-_MARK_ROOM, -_MARK_ROOM, _MARK_ROOM, _MARK_ROOM))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent) or not self.shown.items:
            return False
        code_point = self.view.code_point_at(event.pos())
        here = [s for s in self.shown.at(code_point) if s.end > code_point] if code_point is not None else []
        if not here:
            return False  # the reader's own tooltip: the annotations there
        rows = tooltip_rows(here, self.view.document_text())
        annotations = self.view.annotations_at(code_point) if code_point is not None else []
        html = "<qt>" + "<hr>".join(rows) + "</qt>"
        if annotations:
            html = tooltip_html(annotations).removesuffix("</qt>") + "<hr>" + html.removeprefix("<qt>")
        QToolTip.showText(event.globalPos(), html, self.view.viewport())
        return True

    # ----- accepting, rejecting, walking -----

    def target(self) -> StoredSuggestion | None:
        found = self._at_caret()
        if found is None:
            self.window.say(translate("Suggesting", "No suggestion at the caret: F9 goes to the next one"))
        return found

    def accept(self) -> None:
        suggestion = self.target()
        if suggestion is not None:
            self._accept([suggestion])

    def reject(self) -> None:
        suggestion = self.target()
        if suggestion is None:
            return
        self.current = None
        command = RejectSuggestions(self.session.store, self.annotating, self, [suggestion])
        if self.session.push(command):
            self.window.say(
                translate("Suggesting", "Rejected {suggestion}: never suggested again (Ctrl+Z undoes it)").format(
                    suggestion=suggestion_words(suggestion)
                )
            )

    def accept_tag(self) -> None:
        """Every suggestion of the tag at the caret, or of a tag asked for, accepted as one step."""
        at_caret = self._at_caret()
        tags = self.shown.tags()
        if at_caret is not None:
            self.accept_all_of(at_caret.tag)
        elif len(tags) == 1:
            self.accept_all_of(tags[0])
        elif not tags:
            self.window.say(translate("Suggesting", "This document has no suggestions; Suggest… makes some"))
        else:
            self._ask_tag(tags)

    def _ask_tag(self, tags: list[str]) -> QInputDialog:
        dialog = QInputDialog(self.window)
        dialog.setObjectName("suggestTagDialog")
        dialog.setWindowTitle(translate("Suggesting", "Accept All Suggestions of a Tag"))
        dialog.setLabelText(translate("Suggesting", "Accept every suggestion in this document of the tag:"))
        dialog.setComboBoxItems(tags)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self.accept_all_of)
        dialog.open()
        return dialog

    def accept_all_of(self, tag: str) -> None:
        found = self.shown.of_tag(tag)
        if found:
            self._accept(found)

    def _accept(self, suggestions: list[StoredSuggestion]) -> None:
        self.current = None
        command = AcceptSuggestions(self.session.store, self.annotating, self, suggestions, self.session.annotator)
        if self.session.push(command) and command.accepted:
            accepted = command.accepted
            links = sum(len(item.relations) for item in accepted)
            if len(accepted) == 1:
                said = translate("Suggesting", "Accepted {suggestion}, pending review (Ctrl+Z undoes it)").format(
                    suggestion=suggestion_words(accepted[0].suggestion)
                )
            else:
                said = translate(
                    "Suggesting", "Accepted %n suggestion(s) of the tag {tag}, pending review (Ctrl+Z undoes it)",
                    None, len(accepted),
                ).format(tag=suggestions[0].tag)  # fmt: skip
            if links:
                said += " · " + translate("Suggesting", "%n link(s) made", None, links)
            self.window.say(said)
        elif command.failure is None:
            self.window.say(translate("Suggesting", "An annotation of that tag already covers it"))

    def walk(self, step: int) -> None:
        """The caret to the next (or previous) suggestion, emphasised, brought into view."""
        caret = self.view.caret_code_point()
        current = self.current if self.current is not None and self._at_caret() == self.current else None
        found = self.shown.following(caret, current, step)
        if found is None:
            self.window.say(translate("Suggesting", "This document has no suggestions; Suggest… makes some"))
            return
        self.current = found
        self.view.select_annotation(None)  # Delete and the tag keys must not act on a highlight meanwhile
        self.view.set_caret_code_point(found.start, visible=False)
        if not self.view.span_rects(found.start, found.end):
            self.view.scroll_to_code_point(found.start)
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() - bar.pageStep() // 3)
        self._follow_caret()
        self.view.viewport().update()
        number = self.shown.items.index(found) + 1
        self.window.say(
            translate(
                "Suggesting", "{suggestion} ({number} of {count}): Ctrl+Return accepts, Ctrl+Backspace rejects"
            ).format(suggestion=suggestion_words(found), number=number, count=len(self.shown.items))
        )

    # ----- Suggest… -----

    def ask_scope(self) -> ScopeDialog | None:
        from reader.ui.suggesting.scope_dialog import ScopeDialog  # when first used, not at start-up

        if self.runner.running():
            self.window.say(translate("Suggesting", "Suggesting is under way; its progress shows how far"))
            return None
        document = self.session.document
        count = self.window.documents.model.total_documents()
        if count == 0:
            self.window.say(translate("Suggesting", "No documents yet: import some first"))
            return None
        dialog = ScopeDialog(document.name if document is not None else None, count, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.suggest(every_document=dialog.every_document()))
        dialog.open()
        return dialog

    def suggest(self, every_document: bool) -> bool:
        document = self.session.document
        if every_document:
            try:
                ids = [summary.id for summary in self.session.store.documents()]
            except StoreError as error:
                self.window.problem(str(error))
                return False
        else:
            ids = [document.id] if document is not None else []
        return self.runner.start(ids)
