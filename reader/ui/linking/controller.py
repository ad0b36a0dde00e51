"""Linking by keyboard: Ctrl+K on a selected claim starts a link, Tab and Shift+Tab go through the
actors and dates it may link to (nearest first), typing narrows them, Alt+key picks a relation
type, Enter links and Esc cancels. Ctrl+J walks the selected annotation's links, Delete takes the
walked one away, Enter goes to its other end; in review mode A and R accept and reject it.

The selected annotation's links are drawn over the text and listed under the annotation panel.
Every change is a command on the undo stack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QPainter

from reader.domain.annotations import ACCEPTED, REJECTED, Annotation
from reader.domain.linking import Candidate, can_link, link_candidates
from reader.domain.relations import RelationType
from reader.domain.text import one_line
from reader.store import StoreError
from reader.ui.annotating.controller import AnnotatingController
from reader.ui.annotating.relation_commands import AddRelation, DeleteRelation, review_relation
from reader.ui.linking.link_list import LinkList, link_words
from reader.ui.linking.shown_links import ShownLink
from reader.ui.shell.actions import Actions
from reader.ui.shell.session import Session
from reader.ui.shell.translation import translate

if TYPE_CHECKING:
    from reader.ui.linking.link_mode import LinkMode
    from reader.ui.main_window import MainWindow

_SHORT = 40
PREPARE_AFTER_PAUSE_MS = 400
_MODE_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
_WALK_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
_REVIEW_KEYS = {Qt.Key.Key_A: ACCEPTED, Qt.Key.Key_R: REJECTED}
_TEXT_MODIFIERS = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)


class LinkingController(QObject):
    def __init__(
        self, session: Session, actions: Actions, window: MainWindow, annotating: AnnotatingController, links: LinkList
    ):
        super().__init__(window)
        self.session = session
        self.actions = actions
        self.window = window
        self.annotating = annotating
        self.view = window.reader
        self.list = links
        self.kinds: list[RelationType] = []
        self.links: list[ShownLink] = []
        self.mode: LinkMode | None = None
        self.walked: str | None = None  # the relation id Ctrl+J reached
        # The selected annotation's candidates, worked out once the user pauses, so that Ctrl+K
        # finds them ready: among 10,000 annotations they take 7-15 ms. Worked out at once after
        # every selection, they held up the next key press by that much, each press.
        self._prepared: tuple[str, list[Candidate]] | None = None
        self._preparing = QTimer(self)
        self._preparing.setSingleShot(True)
        self._preparing.setInterval(PREPARE_AFTER_PAUSE_MS)
        self._preparing.timeout.connect(self._prepare_candidates)
        actions.bind("Link", self.start_linking)
        actions.bind("NextLink", lambda: self.walk(1))
        actions.bind("PreviousLink", lambda: self.walk(-1))
        self.view.overlays.append(self._paint)
        self.view.installEventFilter(self)
        self.view.annotationSelected.connect(lambda annotation_id: self.refresh())
        session.documentOpened.connect(self.refresh)
        session.databaseLoaded.connect(self.refresh)
        session.tagsLoaded.connect(self.refresh)
        session.relationsChanged.connect(lambda document_id: self.refresh())
        session.annotationsChanged.connect(lambda document_id: self.refresh())
        links.linkChosen.connect(self._walk_to)
        links.goRequested.connect(self.go_to_other_end)
        links.deleteRequested.connect(self.delete_link)

    # ----- what is shown -----

    def selected(self) -> Annotation | None:
        annotation_id = self.view.selected_annotation_id()
        return None if annotation_id is None else self.view.annotation(annotation_id)

    def refresh(self) -> None:
        """The selected annotation's links, read from the database, in the list and over the text."""
        selected = self.selected()
        was_drawn = self._draws_links()
        if self.mode is not None and (selected is None or selected.id != self.mode.selected.id):
            self.mode = None
        try:
            self.kinds = self.session.store.relation_types()
            relations = self.session.store.relations_of(selected.id) if selected is not None else []
        except StoreError as error:
            self.window.problem(str(error))
            relations = []
        colours = {kind.name: kind.colour for kind in self.kinds}
        self.links = []
        for relation in relations:
            assert selected is not None
            other = self.view.annotation(relation.other_end(selected.id))
            if other is not None:
                outgoing = relation.source_id == selected.id
                self.links.append(ShownLink(relation, other, colours.get(relation.type, "#888888"), outgoing))
        if self.walked not in {link.relation.id for link in self.links}:
            self.walked = None
        self.list.show_links(self.links, self._hint(selected))
        self.list.set_current(self.walked)
        if was_drawn or self._draws_links():  # a press that selects an unlinked span repaints its lines only
            self.view.viewport().update()
        self._prepared = None
        if selected is not None and can_link(selected, self.kinds):
            self._preparing.start()  # each change meanwhile puts it off again

    def _draws_links(self) -> bool:
        return self.mode is not None or bool(self.links)

    def _prepare_candidates(self) -> None:
        selected = self.selected()
        if selected is not None and self._prepared is None:
            self._prepared = (selected.id, self._candidates(selected))

    def _candidates(self, selected: Annotation) -> list[Candidate]:
        held = {(link.relation.source_id, link.relation.type, link.relation.target_id) for link in self.links}
        return link_candidates(selected, self.annotating.panel.model.annotations(), self.kinds, held)

    def _hint(self, selected: Annotation | None) -> str:
        if selected is None or not can_link(selected, self.kinds):
            return ""
        if not self.links:
            return translate("Linking", "No links yet: Ctrl+K links it")
        return translate("Linking", "Ctrl+K links it again, Ctrl+J walks its links")

    def _paint(self, painter: QPainter) -> None:
        selected = self.selected()
        if selected is None or not self._draws_links():
            return
        from reader.ui.linking.link_overlay import DrawnLink, paint_links  # with the first links drawn

        drawn = [
            DrawnLink(link.other, link.relation.type, link.colour, not link.outgoing, link.relation.id == self.walked)
            for link in self.links
        ]
        candidate = self.mode.current() if self.mode is not None else None
        if candidate is not None:
            drawn.append(
                DrawnLink(
                    candidate.annotation, candidate.kind.name, candidate.kind.colour, candidate.reverse, True, True
                )
            )
        paint_links(painter, self.view, selected, drawn)

    # ----- making a link -----

    def start_linking(self) -> None:
        selected = self.selected()
        if selected is None:
            self.window.say(translate("Linking", "Select a claim (click it, or F8), then press Ctrl+K to link it"))
            return
        if not can_link(selected, self.kinds):
            self.window.say(
                translate("Linking", "No relation type links a {tag}; add one with: reader relation-types add").format(
                    tag=selected.tag
                )
            )
            return
        prepared, self._prepared = self._prepared, None  # linking may change what is held: made anew next time
        candidates = prepared[1] if prepared is not None and prepared[0] == selected.id else self._candidates(selected)
        if not candidates:
            self.window.say(translate("Linking", "Nothing in this document can be linked to it yet"))
            return
        from reader.ui.linking.link_mode import LinkMode  # the first Ctrl+K

        self.walked = None
        self.mode = LinkMode(selected, candidates)
        self._show_candidate()

    def _show_candidate(self) -> None:
        mode = self.mode
        assert mode is not None
        candidate = mode.current()
        if candidate is None:
            self.window.say(
                translate("Linking", "Linking: nothing matches “{typed}”; Backspace, or Esc to cancel").format(
                    typed=mode.typed
                )
            )
        else:
            self._bring_into_view(candidate.annotation)
            self.window.say(
                translate(
                    "Linking",
                    "Link {link} ({number} of {count}): Tab next, Shift+Tab previous, type to narrow, "
                    "Alt+key a type, Enter link, Esc cancel",
                ).format(link=_candidate_words(candidate), number=mode.position + 1, count=len(mode.shown))
            )
        self.view.viewport().update()

    def _bring_into_view(self, annotation: Annotation) -> None:
        if not self.view.span_rects(annotation.start, annotation.end):
            self.view.scroll_to_code_point(annotation.start)
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() - bar.pageStep() // 3)

    def link_current(self) -> None:
        mode, self.mode = self.mode, None
        candidate = mode.current() if mode is not None else None
        if mode is None or candidate is None:
            return
        relation = candidate.relation(mode.selected, self.session.annotator)
        if self.session.push(AddRelation(self.session.store, self.annotating, relation, mode.selected.document_id)):
            self.window.say(
                translate("Linking", "Linked: {link} (Ctrl+Z undoes it)").format(link=_candidate_words(candidate))
            )
        self.view.viewport().update()

    def cancel(self) -> None:
        self.mode = None
        self.window.say(translate("Linking", "Linking cancelled"))
        self.view.viewport().update()

    # ----- walking the links -----

    def walk(self, step: int) -> None:
        self.mode = None
        if not self.links:
            self.window.say(translate("Linking", "The selected annotation has no links"))
            return
        ids = [link.relation.id for link in self.links]
        position = ids.index(self.walked) + step if self.walked in ids else (0 if step > 0 else -1)
        self._walk_to(ids[position % len(ids)])

    def _walk_to(self, relation_id: str) -> None:
        link = next((link for link in self.links if link.relation.id == relation_id), None)
        if link is None:
            return
        self.walked = relation_id
        self.list.set_current(relation_id)
        self._bring_into_view(link.other)
        number = self.links.index(link) + 1
        self.window.say(
            translate(
                "Linking", "{link} ({number} of {count}): Ctrl+J next, Enter goes there, Delete removes it, Esc stops"
            ).format(link=link_words(link), number=number, count=len(self.links))
        )
        self.view.viewport().update()

    def go_to_other_end(self, relation_id: str) -> None:
        link = next((link for link in self.links if link.relation.id == relation_id), None)
        if link is not None:
            self.walked = None
            self.view.select_annotation(link.other.id, scroll=True)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def delete_link(self, relation_id: str) -> None:
        link = next((link for link in self.links if link.relation.id == relation_id), None)
        if link is None:
            return
        document_id = link.other.document_id
        if self.session.push(DeleteRelation(self.session.store, self.annotating, link.relation, document_id)):
            self.window.say(translate("Linking", "Link deleted (Ctrl+Z brings it back)"))

    def review_link(self, relation_id: str, status: str) -> None:
        link = next((link for link in self.links if link.relation.id == relation_id), None)
        if link is None:
            return
        status = status if link.relation.status != status else "pending"
        command = review_relation(
            self.session.store, self.annotating, link.relation, status, self.session.annotator, link.other.document_id
        )
        self.session.push(command)

    # ----- keys while linking or walking -----

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self.mode is None and self.walked is None) or not isinstance(event, QKeyEvent):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            if self._wants(event):
                event.accept()
                return True
            return False
        if event.type() == QEvent.Type.KeyPress and self._wants(event):
            if self.mode is not None:
                self._mode_key(event)
            else:
                self._walk_key(event)
            return True
        return False

    def _wants(self, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self.mode is not None:
            if event.key() in _MODE_KEYS or event.key() == Qt.Key.Key_Backspace:
                return True
            if modifiers == Qt.KeyboardModifier.AltModifier:
                return self._kind_of_key(event) is not None
            return modifiers in _TEXT_MODIFIERS and event.text().isprintable() and bool(event.text())
        if event.key() in _WALK_KEYS and modifiers == Qt.KeyboardModifier.NoModifier:
            return True
        return event.key() in _REVIEW_KEYS and modifiers == Qt.KeyboardModifier.NoModifier and self._reviewing()

    def _reviewing(self) -> bool:
        return self.actions["Accept"].isEnabled()

    def _kind_of_key(self, event: QKeyEvent) -> RelationType | None:
        key = event.key()
        letter = chr(key).casefold() if 0x20 <= key < 0x110000 else ""
        return next((kind for kind in self.kinds if kind.key and kind.folded_key == letter), None)

    def _mode_key(self, event: QKeyEvent) -> None:
        mode = self.mode
        assert mode is not None
        key = event.key()
        if key == Qt.Key.Key_Escape:
            return self.cancel()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self.link_current()
        if key == Qt.Key.Key_Tab:
            mode.step(1)
        elif key == Qt.Key.Key_Backtab:
            mode.step(-1)
        elif key == Qt.Key.Key_Backspace:
            mode.erase()
        elif event.modifiers() & Qt.KeyboardModifier.AltModifier:
            kind = self._kind_of_key(event)
            assert kind is not None
            mode.choose_kind(kind)
        else:
            mode.type(event.text())
        self._show_candidate()

    def _walk_key(self, event: QKeyEvent) -> None:
        walked = self.walked
        assert walked is not None
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.walked = None
            self.list.set_current(None)
            self.view.viewport().update()
        elif key == Qt.Key.Key_Delete:
            self.delete_link(walked)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.go_to_other_end(walked)
        else:
            self.review_link(walked, _REVIEW_KEYS[Qt.Key(key)])


def _candidate_words(candidate: Candidate) -> str:
    text = one_line(candidate.annotation.text, _SHORT)
    if candidate.reverse:
        return f"{candidate.annotation.tag} “{text}” {candidate.kind.name} →"
    return f"{candidate.kind.name} → {candidate.annotation.tag} “{text}”"
