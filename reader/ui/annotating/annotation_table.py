"""The annotation list's table: Enter or a double-click asks for the note editor, and the
columns share the width as the panel gives it.

Until the user drags a column's edge, each resize fits the columns again: status, tag and
annotator as wide as their usual words, the note a share of the width, the text the rest.
Where the panel is too narrow for all of that, the note narrows first, then the status
shows its mark alone, then the note and then the annotator are left out (every row's
tooltip still says all of them), so that the text itself stays readable."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView, QWidget

from reader.domain.annotations import REJECTED
from reader.ui.annotating.annotation_list import AnnotationListModel as Columns
from reader.ui.reading.status_words import status_label
from reader.ui.shell.translation import translate

NOTE_SHARE = 0.3  # of the table's width, for the note


class AnnotationTable(QTableView):
    editNoteRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._widths_chosen = False  # the user dragged a column's edge: the widths are theirs
        self._fitting = False
        self.doubleClicked.connect(lambda index: self.editNoteRequested.emit())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.editNoteRequested.emit()
            return
        super().keyPressEvent(event)

    def size_columns(self) -> None:
        """Call once the model is set: every column sized by hand, the text taking the rest."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Columns.TEXT, QHeaderView.ResizeMode.Stretch)
        self.fit_columns()
        header.sectionResized.connect(self._section_resized)

    def natural_widths(self) -> dict[int, int]:
        """The width each column but the text wants, at this width of the table."""
        metrics = self.fontMetrics()

        def header(column: int) -> int:
            return metrics.horizontalAdvance(translate("Annotating", Columns.HEADERS[column]))

        status = max(metrics.horizontalAdvance(status_label(REJECTED)), header(Columns.STATUS))
        note = max(metrics.horizontalAdvance("a short note") + 16, int(self.viewport().width() * NOTE_SHARE))
        return {
            Columns.STATUS: status + 24,  # room for the sort arrow
            Columns.TAG: metrics.horizontalAdvance("claim") + 52,
            Columns.ANNOTATOR: max(metrics.horizontalAdvance("annotator"), header(Columns.ANNOTATOR)) + 24,
            Columns.NOTE: note,
        }

    def fit_columns(self) -> None:
        if self._widths_chosen:
            return
        widths = self.natural_widths()
        metrics = self.fontMetrics()
        room = self.viewport().width() - metrics.horizontalAdvance("a few words of text")
        shown = dict(widths)
        if sum(shown.values()) > room:  # the note gives way first: its whole is in the tooltip
            shown[Columns.NOTE] = max(room - sum(shown.values()) + shown[Columns.NOTE], widths[Columns.NOTE] // 2)
        marks_only = sum(shown.values()) > room
        if marks_only:
            shown[Columns.STATUS] = max(metrics.horizontalAdvance("✓"), metrics.height()) + 24
        for column in (Columns.NOTE, Columns.ANNOTATOR):
            if sum(shown.values()) > room:
                del shown[column]
        model = self.model()
        if isinstance(model, QSortFilterProxyModel):
            model = model.sourceModel()
        if isinstance(model, Columns):
            model.show_status_marks_only(marks_only)
        self._fitting = True
        try:
            for column in widths:
                self.setColumnHidden(column, column not in shown)
                if column in shown:
                    self.setColumnWidth(column, shown[column])
        finally:
            self._fitting = False

    def _section_resized(self, column: int, old: int, new: int) -> None:
        # Only a drag is the user's choice: Qt also resizes sections itself (a new font, a zoom).
        dragged = QApplication.mouseButtons() & Qt.MouseButton.LeftButton
        if dragged and not self._fitting and column != Columns.TEXT and new > 0:
            self._widths_chosen = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()
