"""What the window's tables share: their look, and the index types of their models."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QHeaderView, QTableView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex  # what Qt passes a model's methods
ROOT = QModelIndex()  # the invisible root: the parent of every row of a list or table


def own_viewport(area: QAbstractScrollArea) -> None:
    """Give ``area`` a viewport made here. The one Qt makes is a C++ widget that Python has not
    seen: the first time any code asks for such a widget, PySide6 works out its class by trying
    every class of widget it knows, which made about 13 ms of the window's first show."""
    viewport = QWidget(area)
    viewport.setObjectName("qt_scrollarea_viewport")  # as Qt's own is set up
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    area.setViewport(viewport)


def list_like(view: QTableView) -> None:
    """Whole rows, chosen one at a time; no grid, no wrapping, no row numbers. Fixed row
    heights: the view never measures a row, whatever their number."""
    own_viewport(view)
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
