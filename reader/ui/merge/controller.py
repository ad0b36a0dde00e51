"""File ▸ Merge: other annotators' databases merged into the one open in the window.

reader.store.merge opens the target with a connection of its own and writes it in
one transaction; the window's connection sits idle meanwhile (SQLite's WAL lets both
be open), then the window reloads what the database holds. The sources are only read.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from reader.store import StoreError
from reader.ui.library.controller import DATABASE_FILES, LibraryController
from reader.ui.shell.actions import Actions
from reader.ui.shell.dialog_parts import file_dialog
from reader.ui.shell.session import Session
from reader.ui.shell.translation import translate

if TYPE_CHECKING:  # the window is only a type here: it is built of the features' widgets
    from reader.store.merge import MergeReport
    from reader.ui.main_window import MainWindow


class MergeController(QObject):
    def __init__(self, session: Session, actions: Actions, window: MainWindow, library: LibraryController):
        super().__init__(window)
        self.session = session
        self.window = window
        self.library = library
        actions.bind("Merge", self.choose_and_merge)

    def choose_and_merge(self) -> None:
        if self._refused():
            return
        paths, _ = file_dialog().getOpenFileNames(
            self.window,
            translate("Merge", "Merge Into This Database"),
            str(self.session.store.path.parent),
            translate("Library", DATABASE_FILES),  # marked where reader.ui.library defines it
        )
        if paths:
            self.merge_into_open([Path(p) for p in paths])

    def merge_into_open(self, sources: list[Path]) -> MergeReport | None:
        """Merge ``sources`` into the open database and show what changed; None when refused."""
        if self._refused():
            return None
        from reader.store.merge import merge, report_lines  # seldom used: not imported at start-up

        QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            report = merge(sources, self.session.store.path)
        except StoreError as error:
            message = translate("Merge", "Nothing was merged: {reason}").format(reason=error)
            self.window.say(message, problem=True)
            self.window.show_message(translate("Merge", "Merge"), message)
            return None
        finally:
            QApplication.restoreOverrideCursor()
        if report.changed:
            self.library.reload()
        headline = self._headline(report, len(sources))
        self.window.say(headline, problem=bool(report.backup_problem))
        lines = report_lines(report, len(sources))
        if report.backup_problem:
            lines.insert(0, translate("Merge", "warning: {problem}").format(problem=report.backup_problem))
        dialog = self.window.show_message(translate("Merge", "Merge"), headline, "\n".join(lines))
        dialog.setObjectName("mergeReport")
        return report

    @staticmethod
    def _headline(report: MergeReport, files: int) -> str:
        counts = {
            "files": translate("Merge", "Merged %n file(s)", None, files),
            "documents": translate("Merge", "%n document(s)", None, report.documents_added),
            "annotations": translate("Merge", "%n annotation(s)", None, report.annotations_added),
            "updated": report.annotations_updated,
            "conflicts": translate(
                "Merge", "%n conflict(s)", None, len(report.conflicts) + len(report.relations.conflicts)
            ),
        }
        headline = translate(
            "Merge", "{files}: {documents} and {annotations} added, {updated} updated, {conflicts}"
        ).format(**counts)
        links = report.relations
        if links.added or links.updated or links.refused:
            headline += translate("Merge", "; links: {added} added, {updated} updated, {refused} refused").format(
                added=links.added, updated=links.updated, refused=len(links.refused)
            )
        return headline if report.changed else headline + translate("Merge", "; nothing new")

    def _refused(self) -> bool:
        store = self.session.store
        if store.read_only:
            self.window.say(
                translate("Merge", "{path} is read-only: nothing can be merged into it").format(path=store.path),
                problem=True,
            )
            return True
        return False
