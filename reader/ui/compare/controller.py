"""View ▸ Compare With: this database's spans on the open document beside another
annotator's (from another database, matched by the text's sha256, or from this one),
and taking either version with one key (reader.ui.compare.settling says what T and O write).

Each document's spans are paired once while the comparison is open (the first time it is
shown), and the pairing is kept: settling a row changes statuses, and the row stays where
it is, marked with what was decided. It is paired anew when the comparison is opened
again, when the window opens another database, or when another program changes the other
database. Rejected annotations are left out of the pairing, as ``reader agreement`` leaves
them out. Every step is one undoable command. The links (relations) are paired with the
spans and settled in a table of their own (reader.ui.compare.link_rows); T and O work on
the table that has the focus, or had it last.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from reader.domain.annotations import REJECTED, Annotation
from reader.domain.comparison import ComparedRow, RowNow, compare_annotations, left_out, next_to_settle, rows_now, tally
from reader.domain.documents import Document
from reader.domain.relation_comparison import ComparedLink, LinkNow
from reader.domain.relations import Relation
from reader.domain.text import single_spaced
from reader.store import Store, StoreError
from reader.ui.annotating.commands import ChangeAnnotations
from reader.ui.compare.dialog import CompareDialog, ComparisonChoice
from reader.ui.compare.link_rows import LinkRows
from reader.ui.compare.settling import Change, Stored, keeping_ours, taking_theirs
from reader.ui.compare.view import ComparisonPanel
from reader.ui.reading.controller import fitting
from reader.ui.reading.status_words import annotator_choice
from reader.ui.shell.actions import Actions
from reader.ui.shell.dialog_parts import documents_folder
from reader.ui.shell.session import Session, Sink
from reader.ui.shell.translation import translate

if TYPE_CHECKING:  # the window is only a type here: it is built of the features' widgets
    from reader.ui.main_window import MainWindow

LOOK_AT_THE_OTHER_FILE_MS = 1000
Settle = Callable[[RowNow, Stored, str, int], tuple[list[Change], str]]
Said = Callable[[int], str]  # what to say when a number of annotations changed


class Pairing(NamedTuple):
    rows: list[ComparedRow]
    missing: bool  # the other database has no document with this text
    links: list[ComparedLink]


class ComparisonController(QObject):
    def __init__(
        self,
        session: Session,
        actions: Actions,
        window: MainWindow,
        sink: Sink,
        panel: ComparisonPanel,
        dock: QDockWidget,
    ):
        super().__init__(window)
        self.session = session
        self.actions = actions
        self.window = window
        self.sink = sink
        self.view = window.reader
        self.annotations = window.annotation_panel.model
        self.panel = panel
        self.dock = dock
        self.choice: ComparisonChoice | None = None
        self.other: Store | None = None
        self._pairings: dict[int, Pairing] = {}  # by document id, while the comparison is open
        self._store: Store | None = None  # the database the pairings were made in
        self._settling = False
        self.links = LinkRows(session, sink, panel, window.say)
        self._other_watch = QTimer(self)
        self._other_watch.setInterval(LOOK_AT_THE_OTHER_FILE_MS)
        self._other_watch.timeout.connect(self._look_at_the_other_file)
        self.panel.rowChosen.connect(self._row_chosen)
        self.panel.linkChosen.connect(lambda row: self._row_chosen(self.panel.links_model.row(row).pair.source_row))
        self.dock.visibilityChanged.connect(self._visibility_changed)
        session.documentOpened.connect(self.refresh)
        session.annotationsChanged.connect(lambda document_id: self.refresh())
        session.relationsChanged.connect(lambda document_id: self.refresh())
        session.databaseLoaded.connect(self._database_loaded)
        window.closing.connect(self.stop)

    @property
    def active(self) -> bool:
        return self.choice is not None

    # ----- choosing -----

    def choose(self) -> CompareDialog:
        try:
            names = self.session.store.annotators()
        except StoreError as error:
            names = []
            self.window.say(str(error), problem=True)
        dialog = CompareDialog(names, documents_folder(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def chosen(choice: ComparisonChoice) -> None:
            problem = self.compare_with(choice)
            if problem:
                dialog.show_problem(problem)
            else:
                dialog.close_chosen()

        dialog.chosen.connect(chosen)
        dialog.open()
        return dialog

    def compare_with(self, choice: ComparisonChoice) -> str:
        """Start comparing; "" when it started, else why not (nothing changes then)."""
        other = None
        if choice.path is not None:
            if (
                choice.path.exists()
                and self.session.store.path.exists()
                and choice.path.resolve() == self.session.store.path.resolve()
            ):
                return translate("Compare", "That is this database: choose another, or an annotator of this one")
            try:
                other = Store.open(choice.path, create=False, read_only=True)
            except StoreError as error:
                return str(error)
        self.stop()
        self.choice, self.other, self._store = choice, other, self.session.store
        if other is not None:
            self._other_watch.start()
        self.panel.set_labels(*self._labels(choice))
        if not self.dock.isVisible():
            self.dock.show()
            # A third of the window: room for its heading and about six rows even at 700 px.
            self.window.resizeDocks([self.dock], [max(240, self.window.height() // 3)], Qt.Orientation.Vertical)
        self.dock.raise_()
        self.actions.set_comparison_open(True)
        self.refresh()
        self.panel.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.panel.model.rowCount():
            self.panel.go_to(0)
        return ""

    def stop(self) -> None:
        self._other_watch.stop()
        if self.other is not None:
            self.other.close()
        self.other, self.choice, self._store = None, None, None
        self._pairings.clear()
        self.actions.set_comparison_open(False)

    def _labels(self, choice: ComparisonChoice) -> tuple[str, str]:
        """The headings of the A and B columns."""
        if choice.a_annotator is None:
            a = translate("Compare", "A: here")
        else:
            a = translate("Compare", "A: {annotator}").format(annotator=self._who(choice.a_annotator))
        if choice.path is None:
            b = translate("Compare", "B: {annotator}").format(annotator=self._who(choice.b_annotator))
        elif choice.b_annotator is None:
            b = translate("Compare", "B: {file}").format(file=choice.path.name)
        else:
            b = translate("Compare", "B: {file}, {annotator}").format(
                file=choice.path.name, annotator=self._who(choice.b_annotator)
            )
        return a, b

    @staticmethod
    def _who(annotator: str | None) -> str:
        return translate("Compare", "everyone") if annotator is None else annotator_choice(annotator)

    # ----- following the window -----

    def _visibility_changed(self, visible: bool) -> None:
        self.actions.set_comparison_open(visible and self.active)
        if visible:
            self.refresh()

    def _database_loaded(self) -> None:
        choice = self.choice
        if choice is None:
            return
        # Another annotator "of this database" means nothing in a database just opened.
        if choice.path is None and choice.b_annotator not in self.session.store.annotators():
            self.stop()
            self.dock.hide()
            return
        if self.session.store is not self._store:  # another database: pair anew
            self._store = self.session.store
            self._pairings.clear()
        self.refresh()

    def _look_at_the_other_file(self) -> None:
        if self.other is None or self.choice is None or self.choice.path is None:
            return
        try:
            changed = self.other.changed_elsewhere()
        except StoreError as error:
            self._other_watch.stop()  # said once, not every second
            self.window.say(str(error), problem=True)
            return
        if changed:
            self._pairings.clear()
            self.refresh()
            self.window.say(
                translate("Compare", "{file} changed: the comparison is paired anew").format(file=self.choice.path.name)
            )

    def refresh(self) -> None:
        choice = self.choice
        if choice is None or not self.dock.isVisible():
            return
        document = self.session.document
        if document is None:
            self.panel.heading.setText(translate("Compare", "No document open"))
            self.panel.show_rows([])
            self.panel.show_links([])
            return
        mine = self.annotations.annotations()
        pairing = self._pairings.get(document.id)
        if pairing is None:
            pairing = self._pairings[document.id] = self._pair(mine, choice, document)
        before = self.panel.model.rows()
        rows = rows_now(pairing.rows, {a.id: a for a in mine})
        if self.panel.show_rows(rows) and not self._settling:
            # Ctrl+Z, Ctrl+Y or another program settled or reopened a row: go to it.
            changed = [i for i, (old, new) in enumerate(zip(before, rows, strict=True)) if old.decision != new.decision]
            if changed and self.panel.current_row() not in changed:
                self.panel.go_to(changed[0])
        links = self.links.show(pairing.links, pairing.rows, mine, document.id)
        self.panel.heading.setText(self._heading(document, rows, pairing, mine, links))

    def _heading(
        self, document: Document, rows: list[RowNow], pairing: Pairing, mine: list[Annotation], links: list[LinkNow]
    ) -> str:
        choice = self.choice
        assert choice is not None
        names = {
            "title": document.title or document.name,
            "a": self._who(choice.a_annotator),
            "b": self._who(choice.b_annotator),
        }
        if choice.path is None:
            sides = translate("Compare", "{title}: A {a} here, B {b} in this database.").format(**names)
        else:
            sides = translate("Compare", "{title}: A {a} here, B {b} in {file}.").format(file=choice.path.name, **names)
        if pairing.missing:
            assert choice.path is not None  # only another database can lack the text
            missing = translate("Compare", "{file} has no document with this text.").format(file=choice.path.name)
            return f"{sides} {missing}"
        counts = tally(rows)
        heading = translate("Compare", "{rows}: {agree}, {disagree}; {settled}, {to_settle}.").format(
            rows=translate("Compare", "%n row(s)", None, counts.rows),
            agree=translate("Compare", "%n agree", None, counts.agree),
            disagree=translate("Compare", "%n disagree", None, counts.disagree),
            settled=translate("Compare", "%n settled", None, counts.settled),
            to_settle=translate("Compare", "%n to settle", None, counts.to_settle),
        )
        heading = f"{heading} {self.links.heading(links)}"
        new = len(left_out(pairing.rows, self._side(mine, choice.a_annotator)))
        if not new:
            return f"{sides} {heading}"
        made_since = translate(
            "Compare", "%n span(s) made since are not in it: View ▸ Compare With pairs anew.", None, new
        )
        return f"{sides} {heading} {made_since}"

    def _side(self, annotations: list[Annotation], annotator: str | None) -> list[Annotation]:
        return [a for a in annotations if a.status != REJECTED and (annotator is None or a.annotator == annotator)]

    def _pair(self, mine: list[Annotation], choice: ComparisonChoice, document: Document) -> Pairing:
        ours = self._side(mine, choice.a_annotator)
        our_links = self.links.relations_here(document.id)
        if self.other is None:
            theirs, their_links, missing = self._side(mine, choice.b_annotator), our_links, False
        else:
            theirs, their_links, missing = self._theirs(document)
        rows = compare_annotations(ours, theirs)
        return Pairing(
            rows, missing, self.links.pair(rows, our_links, their_links, choice.a_annotator, choice.b_annotator)
        )

    def _theirs(self, document: Document) -> tuple[list[Annotation], list[Relation], bool]:
        """B's spans and links of the document in the other database, and whether it lacks the text."""
        assert self.other is not None and self.choice is not None
        try:
            found = self.other.document_by_sha256(document.sha256)
            if found is None:
                return [], [], True
            stored = fitting(found.text, self.other.annotations(found.id))
            return self._side(stored, self.choice.b_annotator), self.other.document_relations(found.id), False
        except StoreError as error:
            self.window.say(str(error), problem=True)
            return [], [], False

    def _row_chosen(self, row: int) -> None:
        """Show the row in the text: ours (or theirs, when it is here) selected, else their span."""
        compared = self.panel.model.row(row)
        view = self.view
        for annotation in (compared.a, compared.b):
            if annotation is not None and self.annotations.by_id(annotation.id) is not None:
                view.select_annotation(annotation.id, scroll=True)
                if view.selected_annotation_id() == annotation.id:
                    return
        view.set_selection_code_points(compared.pair.start, compared.pair.end)

    # ----- taking a version -----

    def take_theirs(self) -> None:
        if self._on_links():
            self.links.take_theirs(other_database=self.other is not None)
            return
        self._settle(
            taking_theirs,
            translate("Compare", "Take theirs of “{text}”"),
            lambda count: translate("Compare", "Take theirs: %n annotation(s) changed (Ctrl+Z undoes)", None, count),
        )

    def keep_ours(self) -> None:
        if self._on_links():
            self.links.keep_ours(other_database=self.other is not None)
            return
        self._settle(
            keeping_ours,
            translate("Compare", "Keep ours of “{text}”"),
            lambda count: translate("Compare", "Keep ours: %n annotation(s) changed (Ctrl+Z undoes)", None, count),
        )

    def _on_links(self) -> bool:
        return self.active and self.dock.isVisible() and self.panel.links_in_use()

    def _settle(self, changes_for: Settle, undo_text: str, said: Said) -> None:
        """One undoable step of the changes ``changes_for`` gives for the current row (named
        ``undo_text`` with the span's text in it); then on to the next row still to settle."""
        row = self.panel.current_row() if self.active and self.dock.isVisible() else None
        document = self.session.document
        if row is None or document is None:
            self.window.say(translate("Compare", "Pick a row in the comparison first (View ▸ Compare With…)"))
            return
        try:
            changes, nothing = changes_for(
                self.panel.model.row(row), self.session.store.annotation, self.session.annotator, document.id
            )
        except StoreError as error:
            self.window.say(str(error), problem=True)
            return
        if not changes:
            self.window.say(nothing)
            return
        text = undo_text.format(text=single_spaced(changes[-1][1].text)[:30])
        self._settling = True
        try:
            done = self.session.push(ChangeAnnotations(self.session.store, self.sink, changes, text))
        finally:
            self._settling = False
        if not done:
            return
        self.window.say(said(len(changes)))
        rows = self.panel.model.rows()
        following = next_to_settle(rows, row)
        if rows[row].decision is not None and following is not None:
            self.panel.go_to(following)
