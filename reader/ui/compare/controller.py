"""View ▸ Compare With: this database's spans on the open document beside another
annotator's (from another database, matched by the text's sha256, or from this one),
and taking either version with one key.

Take theirs (T): their annotation goes into this database with its id (or, when that
id is here already, becomes their version), accepted by the user; ours in the row is
rejected. Keep ours (O): ours is accepted; theirs, when it is in this database, rejected.
Nothing is deleted, every step is one undoable command, and rejected annotations are
left out of the comparison, as ``reader agreement`` leaves them out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget

from reader.domain.annotations import ACCEPTED, REJECTED, Annotation
from reader.domain.comparison import ComparedRow, compare_annotations
from reader.domain.documents import Document
from reader.domain.text import single_spaced
from reader.store import Store, StoreError
from reader.ui.annotating.commands import ChangeAnnotations
from reader.ui.annotating.filter_bar import NO_NAME
from reader.ui.compare.view import CompareDialog, ComparisonChoice, ComparisonPanel
from reader.ui.reading.controller import fitting
from reader.ui.shell.actions import Actions
from reader.ui.shell.dialog_parts import documents_folder
from reader.ui.shell.session import Session, Sink

if TYPE_CHECKING:  # the window is only a type here: it is built of the features' widgets
    from reader.ui.main_window import MainWindow

_CONTENT = ("start", "end", "text", "tag", "note", "annotator")
Change = tuple[Annotation | None, Annotation]  # (the stored annotation, or None to add; what it becomes)


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
        self._theirs: tuple[str, list[Annotation] | None] | None = None  # (sha256, their annotations) of the open text
        actions.bind("TakeTheirs", self.take_theirs)
        actions.bind("KeepOurs", self.keep_ours)
        actions.bind("Compare", self.choose)
        self.panel.rowChosen.connect(self._row_chosen)
        self.dock.visibilityChanged.connect(lambda visible: actions.set_comparison_open(visible and self.active))
        session.documentOpened.connect(self._document_opened)
        session.annotationsChanged.connect(lambda document_id: self.refresh())
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
                return "That is this database: choose another, or an annotator of this one"
            try:
                other = Store.open(choice.path, create=False, read_only=True)
            except StoreError as error:
                return str(error)
        self.stop()
        self.choice, self.other = choice, other
        theirs = [choice.path.name] if choice.path else []
        if choice.b_annotator is not None:
            theirs.append(self._who(choice.b_annotator))
        self.panel.set_labels(
            "A: here" if choice.a_annotator is None else f"A: {self._who(choice.a_annotator)}",
            "B: " + ", ".join(theirs),
        )
        if not self.dock.isVisible():
            self.dock.show()
            self.window.resizeDocks([self.dock], [max(180, self.window.height() // 4)], Qt.Orientation.Vertical)
        self.dock.raise_()
        self.actions.set_comparison_open(True)
        self.refresh()
        self.panel.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.panel.model.rowCount():
            self.panel.view.setCurrentIndex(self.panel.model.index(0, 0))
        return ""

    def stop(self) -> None:
        if self.other is not None:
            self.other.close()
        self.other, self.choice, self._theirs = None, None, None
        self.actions.set_comparison_open(False)

    @staticmethod
    def _who(annotator: str | None) -> str:
        return "everyone" if annotator is None else annotator or NO_NAME

    # ----- following the window -----

    def _document_opened(self) -> None:
        self._theirs = None
        self.refresh(keep_row=False)

    def _database_loaded(self) -> None:
        # Another annotator "of this database" means nothing in a database just opened.
        if (
            self.choice is not None
            and self.choice.path is None
            and self.choice.b_annotator not in self.session.store.annotators()
        ):
            self.stop()
            self.dock.hide()
            return
        self._theirs = None
        self.refresh(keep_row=False)

    def refresh(self, keep_row: bool = True) -> None:
        choice = self.choice
        if choice is None or not self.dock.isVisible():
            return
        document = self.session.document
        if document is None:
            self.panel.heading.setText("No document open")
            self.panel.show_rows([], "", set(), None)
            return
        mine = self.annotations.annotations()
        ours = self._side(mine, choice.a_annotator)
        theirs, missing = self._their_annotations(mine, choice, document)
        rows = compare_annotations(ours, theirs)
        row = self.panel.current_row() if keep_row else None
        self.panel.show_rows(rows, document.text, {a.id for a in mine}, row)
        differing = sum(not r.agrees for r in rows)
        settled = sum(not r.agrees and self.panel.model.settled(r) for r in rows)
        where = f"{choice.path.name}" if choice.path else "this database"
        heading = (
            f"{document.title or document.name}: A {self._who(choice.a_annotator)} here, "
            f"B {self._who(choice.b_annotator)} in {where}. "
        )
        if missing:
            heading += f"{where} has no document with this text."
        else:
            heading += f"{len(rows)} row(s), {differing} disagree ({settled} settled)."
        self.panel.heading.setText(heading)

    def _side(self, annotations: list[Annotation], annotator: str | None) -> list[Annotation]:
        return [a for a in annotations if a.status != REJECTED and (annotator is None or a.annotator == annotator)]

    def _their_annotations(
        self, mine: list[Annotation], choice: ComparisonChoice, document: Document
    ) -> tuple[list[Annotation], bool]:
        """B's annotations of the open text, and whether B's database lacks the text."""
        if self.other is None:
            return self._side(mine, choice.b_annotator), False
        if self._theirs is None or self._theirs[0] != document.sha256:
            try:
                found = self.other.document_by_sha256(document.sha256)
                stored = fitting(found.text, self.other.annotations(found.id)) if found else None
            except StoreError as error:
                self.window.say(str(error), problem=True)
                stored = []
            self._theirs = (document.sha256, stored)
        stored = self._theirs[1]
        if stored is None:
            return [], True
        return self._side(stored, choice.b_annotator), False

    def _row_chosen(self, row: int) -> None:
        """Show the row in the text: ours (or theirs, when it is here) selected, else their span."""
        compared = self.panel.model.row(row)
        view = self.view
        for annotation in (compared.a, compared.b):
            if annotation is not None and self.annotations.by_id(annotation.id) is not None:
                view.select_annotation(annotation.id, scroll=True)
                if view.selected_annotation_id() == annotation.id:
                    return
        view.set_selection_code_points(compared.start, compared.end)

    # ----- taking a version -----

    def take_theirs(self) -> None:
        self._settle(self._taking_theirs, "Take theirs")

    def keep_ours(self) -> None:
        self._settle(self._keeping_ours, "Keep ours")

    def _taking_theirs(self, row: ComparedRow, me: str, document: Document) -> tuple[list[Change], str]:
        changes: list[Change] = []
        if row.a is not None and (row.b is None or row.a.id != row.b.id):
            changes.append((row.a, row.a.changed(status=REJECTED, reviewer=me)))
        if row.b is not None:
            stored = self.session.store.annotation(row.b.id)
            wanted = replace(row.b, document_id=document.id).changed(status=ACCEPTED, reviewer=me)
            if stored is None:
                changes.append((None, wanted))
            elif stored.status != ACCEPTED or any(getattr(stored, f) != getattr(wanted, f) for f in _CONTENT):
                changes.append((stored, wanted))
        return changes, "Their version is already here"

    def _keeping_ours(self, row: ComparedRow, me: str, document: Document) -> tuple[list[Change], str]:
        changes: list[Change] = []
        if row.b is not None and (row.a is None or row.a.id != row.b.id):
            stored = self.session.store.annotation(row.b.id)
            if stored is not None and stored.status != REJECTED:
                changes.append((stored, stored.changed(status=REJECTED, reviewer=me)))
        if row.a is not None and row.a.status != ACCEPTED:
            changes.append((row.a, row.a.changed(status=ACCEPTED, reviewer=me)))
        return changes, (
            "Ours is already accepted" if row.a is not None else "There is nothing of ours here to keep; T takes theirs"
        )

    def _settle(self, changes_for: Callable[[ComparedRow, str, Document], tuple[list[Change], str]], what: str) -> None:
        """One undoable step of the changes ``changes_for(row, me, document)`` gives for the current row."""
        row = self.panel.current_row() if self.active and self.dock.isVisible() else None
        document = self.session.document
        if row is None or document is None:
            self.window.say("Pick a row in the comparison first (View ▸ Compare With…)")
            return
        changes, nothing = changes_for(self.panel.model.row(row), self.session.annotator, document)
        if not changes:
            self.window.say(nothing)
            return
        text = f"{what} of “{single_spaced(changes[-1][1].text)[:30]}”"
        if self.session.push(ChangeAnnotations(self.session.store, self.sink, changes, text)):
            self.window.say(f"{what}: {len(changes)} annotation(s) changed (Ctrl+Z undoes)")
