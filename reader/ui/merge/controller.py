"""File ▸ Merge: other annotators' databases merged into the one open in the window.

reader.store.merge opens the target with a connection of its own and writes it in
one transaction; the window's connection sits idle meanwhile (SQLite's WAL lets both
be open), then the window reloads what the database holds. The sources are only read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QFileDialog

from reader.store import StoreError
from reader.store.merge import MergeReport, merge, report_lines
from reader.ui.controller import Controller


def choose_and_merge(controller: Controller) -> None:
    if _refused(controller):
        return
    paths, _ = QFileDialog.getOpenFileNames(
        controller.window,
        "Merge Into This Database",
        str(controller.store.path.parent),
        "Reader databases (*.sqlite *.db *.sqlite3);;All files (*)",
    )
    if paths:
        merge_into_open(controller, [Path(p) for p in paths])


def merge_into_open(controller: Controller, sources: list[Path]) -> MergeReport | None:
    """Merge ``sources`` into the open database and show what changed; None when refused."""
    if _refused(controller):
        return None
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    try:
        report = merge(sources, controller.store.path)
    except StoreError as error:
        controller.window.say(f"Nothing was merged: {error}", problem=True)
        controller.window.show_message("Merge", f"Nothing was merged: {error}")
        return None
    finally:
        QApplication.restoreOverrideCursor()
    if report.changed:
        controller.reload()
    headline = (
        f"Merged {len(sources)} file(s): {report.documents_added} document(s) and "
        f"{report.annotations_added} annotation(s) added, {report.annotations_updated} updated, "
        f"{len(report.conflicts)} conflict(s)"
    )
    if not report.changed:
        headline += "; nothing new"
    controller.window.say(headline, problem=bool(report.backup_problem))
    lines = report_lines(report, len(sources))
    if report.backup_problem:
        lines.insert(0, f"warning: {report.backup_problem}")
    dialog = controller.window.show_message("Merge", headline, "\n".join(lines))
    dialog.setObjectName("mergeReport")
    return report


def _refused(controller: Controller) -> bool:
    if controller.store.read_only:
        controller.window.say(f"{controller.store.path} is read-only: nothing can be merged into it", problem=True)
        return True
    return False
