"""What the window's tables share: their look, and the index types of their models."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

AnyIndex = QModelIndex | QPersistentModelIndex  # what Qt passes a model's methods
ROOT = QModelIndex()  # the invisible root: the parent of every row of a list or table


def list_like(view: QTableView) -> None:
    """Whole rows, chosen one at a time; no grid, no wrapping, no row numbers. Fixed row
    heights: the view never measures a row, whatever their number."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setShowGrid(False)
    view.setWordWrap(False)
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    fit_rows_to_font(view)
    view.installEventFilter(_RowsFollowFont(view))
    view.horizontalHeader().setHighlightSections(False)


def fit_rows_to_font(view: QTableView) -> None:
    """Rows as tall as a line of the view's font and some air (again after a zoom)."""
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)


class _RowsFollowFont(QObject):
    """Refits a table's rows whenever its font changes (a zoom)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange and isinstance(watched, QTableView):
            fit_rows_to_font(watched)
        return False
