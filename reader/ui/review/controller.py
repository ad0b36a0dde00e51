"""Review mode: filters over the annotations, accept and reject, review notes, and the
way from one pending annotation to the next, across documents.

Every decision is an undoable command (reader.ui.annotating.commands.review) that records the
reviewer (the user's name) and the time (``updated_at``). Nothing is deleted here:
a rejected annotation stays, struck through, unless Show Rejected is off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from reader.domain.annotations import ACCEPTED, REJECTED, Annotation
from reader.domain.review import ReviewFilter, next_pending, text_order
from reader.store import StoreError
from reader.ui.annotating.commands import review, set_review_note
from reader.ui.annotating.controller import AnnotatingController
from reader.ui.reading.controller import ReadingController
from reader.ui.reading.document_list import pending
from reader.ui.shell.actions import Actions
from reader.ui.shell.session import Session
from reader.ui.shell.settings import REVIEW_MODE, SHOW_REJECTED
from reader.ui.shell.translation import translate

if TYPE_CHECKING:  # the window is only a type here: it is built of the features' widgets
    from reader.ui.annotating.note_editor import NoteEditor
    from reader.ui.main_window import MainWindow
    from reader.ui.review.pending_walk import PendingWalk


class ReviewController(QObject):
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
        self.actions = actions
        self.window = window
        self.reading = reading
        self.annotating = annotating
        self.view = window.reader
        self.panel = window.annotation_panel
        self.bar = window.annotation_panel.filter_bar
        self.documents = window.documents
        self.documents.set_pending_action(actions["PendingOnly"])
        self._walk: PendingWalk | None = None  # where N and P are in the open document
        self.bar.changed.connect(self.apply_filter)
        self.bar.set_annotator_source(self._annotators)
        actions.bind_toggle("PendingOnly", self.documents.model.set_pending_only)
        actions.bind_toggle("ReviewMode", self.set_review_mode)
        actions.bind_toggle("ShowRejected", self.set_show_rejected)
        actions.bind("Accept", self.accept)
        actions.bind("Reject", self.reject)
        actions.bind("ReviewNote", self.review_note)
        actions.bind("NextPending", lambda: self.next_pending(1))
        actions.bind("PreviousPending", lambda: self.next_pending(-1))
        session.databaseLoaded.connect(self._database_loaded)
        session.tagsLoaded.connect(lambda: self.bar.set_tags([tag.name for tag in session.tags]))
        session.annotationsChanged.connect(self._annotations_changed)

    # ----- mode and filters -----

    def restore(self) -> None:
        """The mode and Show Rejected as the user left them."""
        settings = self.session.settings
        self.actions["ShowRejected"].setChecked(settings.get(SHOW_REJECTED))
        self.actions["ReviewMode"].setChecked(settings.get(REVIEW_MODE))
        self._show_mode(self.actions["ReviewMode"].isChecked())
        self.apply_filter()

    def set_review_mode(self, on: bool) -> None:
        self.session.settings.set(REVIEW_MODE, on)
        self._show_mode(on)
        if not on:
            self.actions["PendingOnly"].setChecked(False)
        self.apply_filter()
        self.window.say(
            translate("Review", "Review mode: A accept, R reject, N / P next / previous pending, Shift+N review note")
            if on
            else translate("Review", "Review mode is off")
        )

    def _show_mode(self, on: bool) -> None:
        self.actions.set_review_mode(on)
        self.bar.setVisible(on)
        self.documents.show_review_progress(on)

    def set_show_rejected(self, shown: bool) -> None:
        self.session.settings.set(SHOW_REJECTED, shown)
        self.apply_filter()

    def current_filter(self) -> ReviewFilter:
        shown = self.actions["ShowRejected"].isChecked()
        if not self.actions["ReviewMode"].isChecked():
            return ReviewFilter(show_rejected=shown)
        tag, status, annotator = self.bar.choice()
        return ReviewFilter(tag, status, annotator, shown)

    def apply_filter(self) -> None:
        shown = self.current_filter()
        accepts = None if shown.shows_everything else shown.accepts
        self.view.set_visible_filter(accepts)
        self.panel.set_filter(accepts)

    def _annotators(self) -> list[str]:
        try:
            return self.session.store.annotators()
        except StoreError as error:
            self.window.say(str(error), problem=True)
            return []

    def _database_loaded(self) -> None:
        self.bar.annotators_changed()

    def _annotations_changed(self, document_id: int) -> None:
        # A first annotation under a new name makes the name a choice in the filter.
        if not self.bar.knows_annotator(self.session.annotator):
            self.bar.annotators_changed()

    # ----- decisions -----

    def accept(self) -> None:
        self._decide(ACCEPTED)

    def reject(self) -> None:
        self._decide(REJECTED)

    def _decide(self, status: str) -> None:
        selected = self._selected_or_say()
        if selected is None:
            return
        if selected.status == status and selected.reviewer == self.session.annotator:
            self.window.say(
                translate("Review", "Already accepted")
                if status == ACCEPTED
                else translate("Review", "Already rejected")
            )
        elif not self.session.push(
            review(self.session.store, self.annotating, selected, status, self.session.annotator)
        ):
            return
        self._select_next_here(selected)

    def review_note(self) -> NoteEditor | None:
        from reader.ui.annotating.note_editor import NoteEditor, quoted  # when first used, not at start-up

        selected = self._selected_or_say()
        if selected is None:
            return None
        dialog = NoteEditor(
            translate("Review", "Review Note"),
            translate("Review", "Your note on {annotation}, stored with your name ({name}):").format(
                annotation=quoted(selected), name=self.session.annotator
            ),
            selected.review_note,
            self.window,
            name="reviewNoteDialog",
        )
        dialog.noteChosen.connect(lambda note: self._set_note(selected.id, note))
        dialog.finished.connect(lambda result: self._back_to_reader())
        dialog.open()
        return dialog

    def _back_to_reader(self) -> None:
        # A closed dialog leaves the window inactive where no window manager reactivates it.
        self.window.activateWindow()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_note(self, annotation_id: str, note: str) -> None:
        annotation = self.panel.model.by_id(annotation_id)
        if annotation is None:
            self.window.say(
                translate("Review", "That annotation is no longer in the open document; the note was not stored"),
                problem=True,
            )
        elif note != annotation.review_note:
            self.session.push(
                set_review_note(self.session.store, self.annotating, annotation, note, self.session.annotator)
            )

    def _selected_or_say(self) -> Annotation | None:
        selected = self.annotating.selected_annotation()
        if selected is None:
            self.window.say(
                translate("Review", "Select a highlight first: click it, or press N for the next pending one")
            )
        return selected

    # ----- from one pending annotation to the next -----

    def next_pending(self, step: int = 1) -> Annotation | None:
        """Select the next (step 1) or previous (-1) pending annotation the filters show: every
        one of the open document, from its start or from the selection and round, before the
        next (previous) listed document that has one."""
        from reader.ui.review.pending_walk import PendingWalk, begin_walk  # the first N or P

        shown = self.current_filter()
        if not shown.can_show_pending:
            self.window.say(translate("Review", "The status filter hides pending annotations"))
            return None
        selected = self.annotating.selected_annotation()
        here = self.panel.model.annotations()
        found = None
        document = self.session.document
        if document is not None:
            if self._walk is None or not self._walk.continues(document.id, step, selected):
                self._walk = begin_walk(document.id, step, selected)
            found = self._walk.next(here, selected, shown)
        if found is None:
            document_id = self._next_document(step, shown)
            if document_id is not None:
                self.reading.open_document(document_id)
                here = self.panel.model.annotations()
            found = next_pending(here, None, step, shown)  # in the new document, or round again here
            if found is not None and self.session.document is not None:
                self._walk = PendingWalk(self.session.document.id, step, None, found.id)
        if found is None:
            self.window.say(
                translate("Review", "No pending annotations left")
                if shown.shows_everything
                else translate("Review", "No pending annotations left that the filters show")
            )
            return None
        if selected is not None and found.id == selected.id:
            self.window.say(
                translate("Review", "This is the only pending annotation left")
                if shown.shows_everything
                else translate("Review", "This is the only pending annotation left that the filters show")
            )
        self._select(found)
        return found

    def _next_document(self, step: int, shown: ReviewFilter) -> int | None:
        """The nearest listed document after (before) the open one with a pending annotation ``shown`` accepts."""
        order = self.documents.ids_in_order()
        current = self.session.document.id if self.session.document is not None else None
        if current in order:
            at = order.index(current)
            order = order[at + 1 :] + order[:at] if step > 0 else order[:at][::-1] + order[at + 1 :][::-1]
        elif step < 0:
            order.reverse()
        model = self.documents.model
        for document_id in order:
            summary = model.summary(document_id)
            if summary is None or pending(summary) <= 0:
                continue  # the counts say none: no need to ask the database
            try:
                if self.session.store.has_pending(document_id, shown.tag, shown.annotator):
                    return document_id
            except StoreError as error:
                self.window.say(str(error), problem=True)
                return None
        return None

    def _select_next_here(self, after: Annotation) -> None:
        here, shown = self.panel.model.annotations(), self.current_filter()
        found = next_pending(here, text_order(after), 1, shown) or next_pending(here, None, 1, shown)
        if found is not None:
            self._select(found)
        else:
            self.window.say(
                translate("Review", "Nothing pending is left here; N opens the next document that has some")
            )

    def _select(self, annotation: Annotation) -> None:
        self.view.select_annotation(annotation.id, scroll=True)
