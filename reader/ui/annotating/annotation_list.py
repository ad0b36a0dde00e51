"""The current document's annotations as a table model, in text order or sorted by a
column, and only those a filter accepts (review mode).

The model sorts and filters its rows itself, with no proxy model between it and the view:
Qt's proxy sort would call back into Python for each of about 14 comparisons per row
(0.8 s for 10,000 annotations, this about 20 ms), and a proxy's every cell costs a Python
``index`` and a Python ``data`` for each role (a third of the list's paint). A change while
sorted resets the rows; a change while filtered in text order inserts, removes or updates
the one row.

The model never writes: a note typed into it goes to the injected ``edit_note``,
which makes an undoable command of it."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtGui import QFont, QIcon

from reader.domain.annotations import REJECTED, Annotation
from reader.domain.review import text_order as _order
from reader.domain.tags import Tag
from reader.ui.annotating import annotation_cells as cells
from reader.ui.reading.status_words import STATUS_MARKS, status_label, status_word
from reader.ui.shell.tables import ROOT, AnyIndex
from reader.ui.shell.tag_bar import tag_icon
from reader.ui.shell.translation import translate

__all__ = ["ANNOTATION_ID_ROLE", "STATUS_MARKS", "AnnotationListModel", "status_label"]

ANNOTATION_ID_ROLE = Qt.ItemDataRole.UserRole + 10
_Role = Qt.ItemDataRole
_ROLES_SHOWN = frozenset(
    int(role)
    for role in (
        _Role.DisplayRole,
        _Role.AccessibleTextRole,
        _Role.FontRole,
        _Role.EditRole,
        _Role.DecorationRole,
        _Role.ToolTipRole,
        ANNOTATION_ID_ROLE,
    )
)
_DISPLAY, _DECORATION, _FONT = int(_Role.DisplayRole), int(_Role.DecorationRole), int(_Role.FontRole)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_CELL_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE_FLAGS = _CELL_FLAGS | Qt.ItemFlag.ItemIsEditable


class AnnotationListModel(QAbstractTableModel):
    STATUS, TAG, TEXT, ANNOTATOR, NOTE = cells.STATUS, cells.TAG, cells.TEXT, cells.ANNOTATOR, cells.NOTE
    HEADERS = cells.HEADERS

    def __init__(self, edit_note: Callable[[str, str], None] | None = None, parent=None):
        super().__init__(parent)
        self._edit_note = edit_note
        self._annotations: list[Annotation] = []
        self._keys: list[tuple] = []  # text_order of each row; unique, as it ends with the id
        self._key_of: dict[str, tuple] = {}
        self._icons: dict[str, QIcon] = {}  # each tag's swatch, drawn once: a paint shows it on every row
        self._struck_out = QFont()  # a rejected span's text
        self._struck_out.setStrikeOut(True)
        self._accepts: Callable[[Annotation], bool] | None = None  # None: every annotation is listed
        self._sorted_by: tuple[int, bool] | None = None  # (column, descending); None: text order
        # The text-order place of each row listed (None: all of them, in text order). Filtered in
        # text order it ascends, so a place's row is found by bisection; sorted, by _row_shown.
        self._shown: list[int] | None = None
        self._row_shown: list[int] | None = None  # when sorted: the row of each text-order place, -1 if not listed
        self._status_marks_only = False  # a narrow list shows "✓", not "✓ accepted"

    # Reading

    # The view asks for every visible cell on each paint, so these run hundreds of times a
    # frame: each is one Python call where Qt's own would be two or three (index() calls
    # rowCount and columnCount), and multiData answers all of a cell's roles in one call.

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else self._listed_count()

    def _listed_count(self) -> int:
        return len(self._annotations) if self._shown is None else len(self._shown)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        if 0 <= row < self._listed_count() and 0 <= column < len(self.HEADERS) and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def multiData(self, index: AnyIndex, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """All the roles a paint asks of a cell, in one call: Qt's own calls ``data`` once per role."""
        if not index.isValid():
            return
        annotation = self.annotation(index.row())
        column = index.column()
        # A span iterates as its QModelRoleData at run time; PySide's stubs do not say so.
        asked = [roleDataSpan] if isinstance(roleDataSpan, QModelRoleData) else cast(Iterable, roleDataSpan)
        for role_data in asked:
            role = role_data.role()
            if role in _ROLES_SHOWN:
                value = self._value(annotation, column, role)
                if value is not None:
                    role_data.setData(value)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES_SHOWN or not index.isValid():
            return None
        return self._value(self.annotation(index.row()), index.column(), role)

    def _value(self, annotation: Annotation, column: int, role: int):
        if role == _DISPLAY:
            return cells.cell_text(annotation, column, self._status_marks_only)
        if role == _DECORATION:
            return self._icons.get(annotation.tag) if column == self.TAG else None
        if role == _FONT:
            return self._struck_out if column == self.TEXT and annotation.status == REJECTED else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                status_word(annotation.status)
                if column == self.STATUS
                else cells.cell_text(annotation, column, self._status_marks_only)
            )
        if role == Qt.ItemDataRole.EditRole and column == self.NOTE:
            return annotation.note
        if role == Qt.ItemDataRole.ToolTipRole:
            return cells.tooltip(annotation, column)
        if role == ANNOTATION_ID_ROLE:
            return annotation.id
        return None

    def show_status_marks_only(self, marks_only: bool) -> None:
        if marks_only != self._status_marks_only:
            self._status_marks_only = marks_only
            self._column_changed(self.STATUS)

    def _column_changed(self, column: int) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        header = translate("Annotating", self.HEADERS[section])
        if role == Qt.ItemDataRole.DisplayRole:
            return header
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if section == self.STATUS:
                return translate("Annotating", "Status: · pending, ✓ accepted, ✗ rejected (click to sort)")
            return translate("Annotating", "{column} (click to sort; a third click goes back to text order)").format(
                column=header
            )
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        if index.column() == self.NOTE and self._edit_note is not None:
            return _EDITABLE_FLAGS
        return _CELL_FLAGS

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != self.NOTE
            or role != Qt.ItemDataRole.EditRole
            or self._edit_note is None
        ):
            return False
        annotation = self.annotation(index.row())
        if value == annotation.note:
            return False
        self._edit_note(annotation.id, str(value))
        return True

    def annotation(self, row: int) -> Annotation:
        """The annotation shown in ``row``."""
        return self._annotations[self._text_row(row)]

    def annotations(self) -> list[Annotation]:
        """Every annotation, in text order (however the rows are sorted or filtered)."""
        return list(self._annotations)

    def listed_annotations(self) -> list[Annotation]:
        """The annotations the filter lets the list show, in text order."""
        if self._accepts is None:
            return list(self._annotations)
        return [a for a in self._annotations if self._accepts(a)]

    def annotation_count(self) -> int:
        """How many annotations the document has, listed or not."""
        return len(self._annotations)

    def by_id(self, annotation_id: str) -> Annotation | None:
        at = self._text_row_of(annotation_id)
        return None if at is None else self._annotations[at]

    def row_of(self, annotation_id: str) -> int | None:
        """The row that shows the annotation (None when it has none, or the filter hides it)."""
        at = self._text_row_of(annotation_id)
        return None if at is None else self._row(at)

    def _text_row(self, row: int) -> int:
        """The text-order place of what ``row`` shows."""
        return row if self._shown is None else self._shown[row]

    def _row(self, text_row: int) -> int | None:
        """The row that shows the annotation at ``text_row`` in text order, if one does."""
        if self._shown is None:
            return text_row
        if self._row_shown is not None:
            row = self._row_shown[text_row]
            return None if row < 0 else row
        row = bisect_left(self._shown, text_row)
        return row if row < len(self._shown) and self._shown[row] == text_row else None

    def _text_row_of(self, annotation_id: str) -> int | None:
        key = self._key_of.get(annotation_id)
        return None if key is None else bisect_left(self._keys, key)

    # Sorting and filtering

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Rows sorted by ``column`` (ties in text order), or in text order for column -1."""
        wanted = None if not 0 <= column < len(self.HEADERS) else (column, order == Qt.SortOrder.DescendingOrder)
        if wanted != self._sorted_by:
            self._rearrange(lambda: setattr(self, "_sorted_by", wanted))

    def set_filter(self, accepts: Callable[[Annotation], bool] | None) -> None:
        """List only the annotations ``accepts`` takes (all of them when None)."""
        self._rearrange(lambda: setattr(self, "_accepts", accepts))

    def accepts(self, annotation: Annotation) -> bool:
        return self._accepts is None or self._accepts(annotation)

    def _rearrange(self, change: Callable[[], None]) -> None:
        """``change`` the order or the filter, keeping the selection on the annotations it was
        on (it leaves those the filter now hides)."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        text_rows = [self._text_row(index.row()) for index in persistent]
        change()
        self._arrange()
        moved = []
        for at, index in zip(text_rows, persistent, strict=True):
            row = self._row(at)
            moved.append(QModelIndex() if row is None else self.index(row, index.column()))
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        self._row_shown = None
        if self._accepts is None and self._sorted_by is None:
            self._shown = None
            return
        accepts = self._accepts
        listed = (
            list(range(len(self._annotations)))
            if accepts is None
            else [at for at, a in enumerate(self._annotations) if accepts(a)]
        )
        if self._sorted_by is None:
            self._shown = listed
            return
        column, descending = self._sorted_by
        keys = [cells.sort_key(self._annotations[at], column) for at in listed]
        # Python's sort is stable both ways round: equal keys keep their text order.
        self._shown = [listed[k] for k in sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)]
        self._row_shown = [-1] * len(self._annotations)
        for row, at in enumerate(self._shown):
            self._row_shown[at] = row

    # Changing

    def set_tags(self, tags: list[Tag]) -> None:
        self._icons = {t.name: tag_icon(t, 14) for t in tags}
        self._column_changed(self.TAG)

    def set_annotations(self, annotations: list[Annotation]) -> None:
        self.beginResetModel()
        self._annotations = sorted(annotations, key=_order)
        self._keys = [_order(a) for a in self._annotations]
        self._key_of = {a.id: key for a, key in zip(self._annotations, self._keys, strict=True)}
        self._arrange()
        self.endResetModel()

    def upsert(self, annotation: Annotation) -> None:
        if self._sorted_by is not None:
            self._while_sorted(lambda: self._put(annotation))
            return
        at = self._text_row_of(annotation.id)
        if at is not None and self._keys[at] == _order(annotation):
            self._replace(at, annotation)
            return
        if at is not None:
            self.remove(annotation.id)
        at = bisect_left(self._keys, _order(annotation))
        if self._shown is None:
            self.beginInsertRows(ROOT, at, at)
            self._put(annotation)
            self.endInsertRows()
            return
        row = self._shift_places(at, 1)  # no row changes what it shows
        self._put(annotation)
        if self.accepts(annotation):
            self.beginInsertRows(ROOT, row, row)
            self._shown.insert(row, at)
            self.endInsertRows()

    def _replace(self, at: int, annotation: Annotation) -> None:
        """Put ``annotation`` over the one at its own place in text order; filtered, its row
        comes or goes as the filter now takes it or not."""
        row = self._row(at)
        self._annotations[at] = annotation
        listed = self.accepts(annotation)
        if row is not None and listed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        elif row is not None and self._shown is not None:
            self.beginRemoveRows(ROOT, row, row)
            del self._shown[row]
            self.endRemoveRows()
        elif listed and self._shown is not None:
            row = bisect_left(self._shown, at)
            self.beginInsertRows(ROOT, row, row)
            self._shown.insert(row, at)
            self.endInsertRows()

    def remove(self, annotation_id: str) -> None:
        if self._sorted_by is not None:
            self._while_sorted(lambda: self._drop(annotation_id))
            return
        at = self._text_row_of(annotation_id)
        if at is None:
            return
        row = self._row(at)
        if self._shown is None:
            self.beginRemoveRows(ROOT, at, at)
            self._drop(annotation_id)
            self.endRemoveRows()
            return
        if row is not None:
            self.beginRemoveRows(ROOT, row, row)
            del self._shown[row]
            self.endRemoveRows()
        self._drop(annotation_id)
        self._shift_places(at, -1)

    def _shift_places(self, at: int, by: int) -> int:
        """Filtered in text order: move the listed places from ``at`` on by ``by``, for an
        annotation put in or taken out there; the first row at or after ``at``."""
        assert self._shown is not None and self._row_shown is None
        row = bisect_left(self._shown, at)
        self._shown[row:] = [place + by for place in self._shown[row:]]
        return row

    def _while_sorted(self, change: Callable[[], None]) -> None:
        self.beginResetModel()
        change()
        self._arrange()
        self.endResetModel()

    def _put(self, annotation: Annotation) -> None:
        """Add ``annotation`` at its place in text order, or put it over the stored one."""
        self._drop(annotation.id)
        key = _order(annotation)
        at = bisect_left(self._keys, key)
        self._annotations.insert(at, annotation)
        self._keys.insert(at, key)
        self._key_of[annotation.id] = key

    def _drop(self, annotation_id: str) -> None:
        at = self._text_row_of(annotation_id)
        if at is not None:
            del self._annotations[at]
            del self._keys[at]
            del self._key_of[annotation_id]
