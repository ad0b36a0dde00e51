"""The document list's table: its columns' widths, which follow the font (zoom), and
files and folders dropped on it, offered for import as copies."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from reader.ui.shell.tables import list_like
from reader.ui.shell.translation import translate


def dropped_files(data: QMimeData) -> list[Path]:
    """The local files and folders in a drag's data (nothing else is imported)."""
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()] if data.hasUrls() else []


def take_as_copy(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
    """Accept a drag of files as a copy, never a move: importing leaves the files where they are."""
    if not dropped_files(event.mimeData()) or not event.possibleActions() & Qt.DropAction.CopyAction:
        return False
    event.setDropAction(Qt.DropAction.CopyAction)
    event.accept()
    return True


STRETCH_CHARACTERS = 24  # the least a title may have before optional columns give way


class DocumentListView(QTableView):
    """The table; files and folders dropped on it are offered for import (``filesDropped``)."""

    filesDropped = Signal(list)  # list[Path]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("documentList")
        self.setAccessibleName(translate("Reading", "Documents"))
        list_like(self)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        horizontal = self.horizontalHeader()
        horizontal.setStretchLastSection(False)
        horizontal.setSortIndicatorShown(True)
        self._widths: dict[int, tuple[str, int]] = {}
        self._optional: tuple[int, ...] = ()
        self._narrow: dict[int, str] = {}

    def set_columns(
        self,
        stretch: int,
        widths: dict[int, tuple[str, int]],
        interactive: tuple[int, ...] = (),
        optional: tuple[int, ...] = (),
        narrow: dict[int, str] | None = None,
    ) -> None:
        """Column ``stretch`` takes what the others leave; each of ``widths`` is as wide as its sample
        text in the list's font plus its padding, again whenever the font changes (zoom). The
        ``optional`` ones are left out when the stretching column would be narrower than
        STRETCH_CHARACTERS, and then the ``narrow`` ones shrink to their narrow sample (their
        values, their header cut short): in a narrow list the titles come first (the tooltip
        names the file, the header's tooltip the column)."""
        horizontal = self.horizontalHeader()
        for column in widths:
            mode = QHeaderView.ResizeMode.Interactive if column in interactive else QHeaderView.ResizeMode.Fixed
            horizontal.setSectionResizeMode(column, mode)
        horizontal.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self._widths = dict(widths)
        self._optional = optional
        self._narrow = dict(narrow or {})
        self._fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()

    def _fit_columns(self) -> None:
        metrics = self.fontMetrics()
        wanted = metrics.averageCharWidth() * STRETCH_CHARACTERS
        widths = {
            column: metrics.horizontalAdvance(sample) + padding for column, (sample, padding) in self._widths.items()
        }

        def room(shown: dict[int, int]) -> int:
            return self.viewport().width() - sum(shown.values())

        shown = {column: width for column, width in widths.items() if not self.isColumnHidden(column)}
        shown.update({column: widths[column] for column in self._optional})
        for column in self._optional:
            if room(shown) < wanted:
                del shown[column]
        for column, sample in self._narrow.items():
            if room(shown) < wanted and column in shown:
                shown[column] = min(shown[column], metrics.horizontalAdvance(sample) + self._widths[column][1])
        for column in self._optional:
            self.setColumnHidden(column, column not in shown)
        for column, width in shown.items():
            self.setColumnWidth(column, width)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not take_as_copy(event):
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not take_as_copy(event):
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if not take_as_copy(event):
            super().dropEvent(event)
            return
        self.filesDropped.emit(dropped_files(event.mimeData()))
