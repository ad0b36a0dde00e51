"""Reading: which document is open and where in it, the documents list and the status
line's counts, finding in the document and searching them all, focus, the zoom of
the whole window, and the window's size and panes as the user left them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from reader.domain.annotations import Annotation, quotes_its_text
from reader.domain.documents import DocumentOrigin, SearchHit
from reader.store import StoreError
from reader.ui.reading.document_list import name_and_length
from reader.ui.reading.source_place import place_words, source_words
from reader.ui.reading.zoom import NORMAL_ZOOM, zoom_step
from reader.ui.shell.actions import Actions
from reader.ui.shell.first_paint import after_first_paint
from reader.ui.shell.session import Session
from reader.ui.shell.settings import EXACT_CHARACTERS, GEOMETRY, SPLITTER, WINDOW_STATE, ZOOM
from reader.ui.shell.translation import translate

if TYPE_CHECKING:  # the window is only a type here: it is built of the features' widgets
    from reader.ui.main_window import MainWindow


# Before the window's first frame, only the annotations around the place it opens at are read:
# a screen holds a few thousand characters; these leave room for a tall window and long spans.
FIRST_SCREEN_BEFORE, FIRST_SCREEN_AFTER = 2_000, 30_000


def fitting(text: str, annotations: list[Annotation]) -> list[Annotation]:
    """The annotations whose offsets still quote their text (a re-import can orphan some)."""
    return [a for a in annotations if quotes_its_text(a, text)]


class ReadingController(QObject):
    def __init__(self, session: Session, actions: Actions, window: MainWindow):
        super().__init__(window)
        self.session = session
        self.actions = actions
        self.window = window
        self.view = window.reader
        self.panel = window.annotation_panel
        self.documents = window.documents
        self.origin = DocumentOrigin()  # where the open document came from
        self._place = ""
        self._partly_read: int | None = None  # the open document, while only its first screen is read
        self.view.cursorPositionChanged.connect(self._show_place)
        actions.bind("Find", self.open_find_bar)
        actions.bind("FindNext", lambda: self.find_again(backward=False))
        actions.bind("FindPrevious", lambda: self.find_again(backward=True))
        actions.bind("SearchCorpus", self.search_corpus)
        actions.bind("FilterDocuments", self.filter_documents)
        actions.bind("ZoomIn", lambda: self.zoom(zoom_step(self.zoom_percent, +1)))
        actions.bind("ZoomOut", lambda: self.zoom(zoom_step(self.zoom_percent, -1)))
        actions.bind("ZoomReset", lambda: self.zoom(NORMAL_ZOOM))
        self.zoom_percent = NORMAL_ZOOM
        actions.bind("FocusDocuments", self.focus_documents)
        actions.bind("FocusReader", self.focus_reader)
        actions.bind("FocusAnnotations", self.focus_annotations)
        window.documents.documentChosen.connect(self.open_document)
        # Queued: a page is read while the view paints, and a message must not interrupt a paint.
        window.documents.model.failed.connect(
            lambda problem: self.window.say(problem, problem=True), Qt.ConnectionType.QueuedConnection
        )
        window.corpus_search.hitChosen.connect(self.open_hit)
        window.find_bar.findRequested.connect(self.find)
        window.find_bar.closed.connect(self.focus_reader)

    # ----- the window as the user left it -----

    def restore_window(self) -> None:
        settings = self.session.settings
        if (geometry := settings.get(GEOMETRY)) is not None:
            self.window.restoreGeometry(geometry)
            self.window.fit_to_screen()  # saved on a larger screen, or at a smaller scaling
        if (state := settings.get(WINDOW_STATE)) is not None:
            self.window.restoreState(state)
        if (splitter := settings.get(SPLITTER)) is not None:
            self.window.restore_splitter(splitter)
        self.zoom(zoom_step(settings.get(ZOOM), 0))
        self.actions["ExactCharacters"].setChecked(settings.get(EXACT_CHARACTERS))

    def remember_window(self) -> None:
        """Where the reader was, the window's size and panes, the text size; synced to disk."""
        settings = self.session.settings
        self.remember_place()
        settings.set(GEOMETRY, self.window.saveGeometry())
        settings.set(WINDOW_STATE, self.window.saveState())
        settings.set(SPLITTER, self.window.splitter.saveState())
        settings.set(ZOOM, self.zoom_percent)
        settings.set(EXACT_CHARACTERS, self.actions["ExactCharacters"].isChecked())
        settings.sync()

    # ----- documents -----

    def show_documents(self) -> None:
        """The documents list as the database holds it now."""
        self.documents.set_listing(self.session.store)

    def restore_last_document(self) -> None:
        """Open the document the user last read here, or the first in the list, as the window
        starts: the highlights of its first screen before the window's first frame, all of
        them on the turn of the event loop after it."""
        last = self.session.settings.last_document(self.session.store.path)
        if last is not None and self.documents.model.has_document(last):
            self.open_document(last, first_screen_only=True)
        elif (first := self.documents.model.document_id(0)) is not None:
            self.open_document(first, first_screen_only=True)

    def open_document(self, document_id: int, focus: bool = True, first_screen_only: bool = False) -> None:
        session = self.session
        if session.document is not None and session.document.id == document_id:
            self.read_all_annotations()
            if focus:
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        place = session.settings.place(session.store.path, document_id)
        caret, top = place if place else (0, 0)
        try:
            document = session.store.document(document_id)
            if first_screen_only:
                lo, hi = max(0, top - FIRST_SCREEN_BEFORE), top + FIRST_SCREEN_AFTER
                stored = session.store.annotations_overlapping(document_id, lo, hi)
            else:
                stored = session.store.annotations(document_id)
            origin = session.store.document_origin(document_id)
        except StoreError as error:
            self.window.problem(str(error))
            return
        self.remember_place()
        self.origin = origin
        annotations = fitting(document.text, stored)
        session.document = document
        self._partly_read = document_id if first_screen_only else None
        self.view.set_document(document.text, annotations, session.tags)
        self.panel.model.set_annotations(annotations)
        self.documents.show_document(document_id)
        self._show_heading()
        length = len(document.text)
        self.view.set_caret_code_point(min(max(caret, 0), length))
        self.view.scroll_to_code_point(min(max(top, 0), length))
        session.settings.set_last_document(session.store.path, document_id)
        if focus:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if first_screen_only:
            after_first_paint(self.view.viewport(), self.read_all_annotations)
            return
        self._say_orphaned(len(stored) - len(annotations))
        session.documentOpened.emit()

    @property
    def partly_read(self) -> bool:
        """Whether the open document has only its first screen's annotations read, so far."""
        return self._partly_read is not None

    def read_all_annotations(self) -> None:
        """Finish an open that read only the first screen's annotations (nothing if there is none)."""
        document, partly_read = self.session.document, self._partly_read
        self._partly_read = None
        if document is None or partly_read != document.id or self.session.store.closed:
            return  # another document or database was opened meanwhile, or the window closed
        try:
            stored = self.session.store.annotations(document.id)
        except StoreError as error:
            self.window.problem(str(error))
            return
        annotations = fitting(document.text, stored)
        self.view.set_annotations(annotations)
        self.panel.model.set_annotations(annotations)
        self._say_orphaned(len(stored) - len(annotations))
        self.session.documentOpened.emit()

    def _say_orphaned(self, orphaned: int) -> None:
        if orphaned:
            self.window.say(
                translate(
                    "Reading",
                    "%n annotation(s) of this document no longer fit its text (orphaned by a re-import); "
                    "they are kept in the database",
                    None,
                    orphaned,
                ),
                problem=True,
            )

    def reopen_document(self, document_id: int) -> None:
        """Open ``document_id`` afresh, even when it is open: its text may have changed."""
        self.session.document = None
        self.open_document(document_id, focus=False)

    def remember_place(self) -> None:
        document = self.session.document
        if document is not None:
            self.session.settings.set_place(
                self.session.store.path, document.id, self.view.caret_code_point(), self.view.first_visible_code_point()
            )

    def show_nothing_open(self) -> None:
        self.session.document = None
        self.origin = DocumentOrigin()
        self.view.clear_document()
        self.panel.model.set_annotations([])
        self._show_heading()

    def _show_heading(self) -> None:
        document = self.session.document
        if document is None:
            self.window.show_no_document()
            return
        self.window.document_heading.setText(document.title or document.name)
        self._place = place_words(self.origin, self.view.caret_code_point()) if self.origin.blocks else ""
        parts = [name_and_length(document.name, document.length), source_words(self.origin), self._place]
        self.window.document_details.setText(" · ".join(part for part in parts if part))

    def _show_place(self) -> None:
        """The page or paragraph the caret is in, when it changes; nothing for a plain text."""
        if self.session.document is None or not self.origin.blocks:
            return
        if place_words(self.origin, self.view.caret_code_point()) != self._place:
            self._show_heading()

    def show_stored_annotations(self) -> None:
        """The open document's annotations as the database holds them, the selection kept."""
        if self.session.document is None:
            return
        try:
            document = self.session.store.document(self.session.document.id)
            annotations = fitting(document.text, self.session.store.annotations(document.id))
        except StoreError as error:
            self.window.problem(str(error))
            return
        if document.sha256 != self.session.document.sha256:  # re-imported elsewhere with a new text
            self.reopen_document(document.id)
            return
        selected = self.view.selected_annotation_id()
        self.view.set_annotations(annotations)
        self.panel.model.set_annotations(annotations)
        if selected is not None:
            self.view.select_annotation(selected, scroll=False)
            self.panel.show_annotation(selected)

    # ----- finding -----

    def open_find_bar(self) -> None:
        selection = self.view.selection_code_points()
        initial = self.view.document_text()[selection[0] : selection[1]] if selection else ""
        self.window.find_bar.open_bar(initial)

    def find(self, query: str, backward: bool = False) -> None:
        found = self.view.find_text(query, backward)
        self.window.find_bar.show_result(found)
        if not found:
            self.window.say(translate("Reading", "“{query}” is not in this document").format(query=query))

    def find_again(self, backward: bool) -> None:
        if not self.window.find_bar.box.text():
            self.open_find_bar()
        else:
            self.find(self.window.find_bar.box.text(), backward)

    def search_corpus(self) -> None:
        self.window.left_tabs.setCurrentIndex(1)
        self.window.corpus_search.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.window.corpus_search.box.selectAll()

    def open_hit(self, document_id: int, query: str) -> None:
        self.open_document(document_id)
        words = query.split()
        if words:
            self.view.set_caret_code_point(0)
            self.view.find_text(words[0])

    def search(self, query: str) -> list[SearchHit]:
        try:
            return self.session.store.search(query)
        except StoreError as error:
            self.window.problem(str(error))
            return []

    # ----- focus and zoom -----

    def filter_documents(self) -> None:
        self.window.left_tabs.setCurrentIndex(0)
        self.documents.filter_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.documents.filter_box.selectAll()

    def focus_documents(self) -> None:
        self.window.left_tabs.setCurrentIndex(0)
        self.documents.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_reader(self) -> None:
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_annotations(self) -> None:
        self.panel.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def zoom(self, percent: int) -> None:
        """The whole window at ``percent`` (Ctrl+=, Ctrl+-, Ctrl+0), remembered with the window."""
        self.zoom_percent = percent
        self.window.apply_zoom(percent)

    # ----- status -----

    def show_summary(self) -> None:
        model = self.documents.model
        store = self.session.store
        counts = {
            "path": store.path,
            "documents": translate("Reading", "%Ln document(s)", None, model.total_documents()),
            "annotations": translate("Reading", "%Ln annotation(s)", None, model.total_annotations()),
        }
        if store.read_only:
            text = translate("Reading", "{path} · {documents} · {annotations} · read-only")
        else:
            text = "{path} · {documents} · {annotations}"
        self.window.status_summary.setText(text.format(**counts))
