"""The current document's annotations as a table model, in text order or sorted by a
column, and a filter over it (review mode).

The model sorts its rows itself, with Python's sort over keys worked out once per row:
Qt's proxy sort would call back into Python for each of about 14 comparisons per row
(0.8 s for 10,000 annotations, this about 20 ms). A change while sorted resets the rows.

The model never writes: a note typed into it goes to the injected ``edit_note``,
which makes an undoable command of it."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont

from reader.domain.annotations import ACCEPTED, PENDING, REJECTED, STATUSES, Annotation
from reader.domain.review import text_order as _order
from reader.domain.tags import Tag
from reader.domain.text import one_line
from reader.ui.reading.status_words import STATUS_MARKS, nobody, status_label, status_word
from reader.ui.shell.tables import ROOT, AnyIndex
from reader.ui.shell.tag_bar import tag_icon
from reader.ui.shell.translation import QT_TRANSLATE_NOOP, translate

__all__ = ["ANNOTATION_ID_ROLE", "STATUS_MARKS", "AnnotationFilterModel", "AnnotationListModel", "status_label"]

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
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_CELL_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE_FLAGS = _CELL_FLAGS | Qt.ItemFlag.ItemIsEditable
_REVIEWED_BY = {
    ACCEPTED: QT_TRANSLATE_NOOP("Annotating", "Accepted by {reviewer}, {time}"),
    REJECTED: QT_TRANSLATE_NOOP("Annotating", "Rejected by {reviewer}, {time}"),
}


class AnnotationListModel(QAbstractTableModel):
    STATUS, TAG, TEXT, ANNOTATOR, NOTE = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("Annotating", "Status"),
        QT_TRANSLATE_NOOP("Annotating", "Tag"),
        QT_TRANSLATE_NOOP("Annotating", "Text"),
        QT_TRANSLATE_NOOP("Annotating", "Annotator"),
        QT_TRANSLATE_NOOP("Annotating", "Note"),
    )

    def __init__(self, edit_note: Callable[[str, str], None] | None = None, parent=None):
        super().__init__(parent)
        self._edit_note = edit_note
        self._annotations: list[Annotation] = []
        self._keys: list[tuple] = []  # text_order of each row; unique, as it ends with the id
        self._key_of: dict[str, tuple] = {}
        self._tags: dict[str, Tag] = {}
        self._sorted_by: tuple[int, bool] | None = None  # (column, descending); None: text order
        self._shown: list[int] | None = None  # the text-order row of each row shown, when sorted
        self._row_shown: list[int] | None = None  # and the other way round
        self._status_marks_only = False  # a narrow list shows "✓", not "✓ accepted"

    # Reading

    # The view asks for every visible cell's roles on each paint, through the filter proxy, so
    # these run thousands of times a frame: each is one Python call where Qt's own would be two
    # or three (index() calls rowCount and columnCount), and roles the list does not use return
    # before any work.

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._annotations)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        if 0 <= row < len(self._annotations) and 0 <= column < len(self.HEADERS) and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES_SHOWN or not index.isValid():
            return None
        annotation = self.annotation(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell_text(annotation, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return status_word(annotation.status) if column == self.STATUS else self._cell_text(annotation, column)
        if role == Qt.ItemDataRole.FontRole and column == self.TEXT and annotation.status == REJECTED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.EditRole and column == self.NOTE:
            return annotation.note
        if role == Qt.ItemDataRole.DecorationRole and column == self.TAG:
            tag = self._tags.get(annotation.tag)
            return tag_icon(tag, 14) if tag else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(annotation, column)
        if role == ANNOTATION_ID_ROLE:
            return annotation.id
        return None

    def show_status_marks_only(self, marks_only: bool) -> None:
        if marks_only != self._status_marks_only:
            self._status_marks_only = marks_only
            if self._annotations:
                last = len(self._annotations) - 1
                self.dataChanged.emit(self.index(0, self.STATUS), self.index(last, self.STATUS))

    def _cell_text(self, annotation: Annotation, column: int) -> str:
        if column == self.STATUS:
            if self._status_marks_only:
                return STATUS_MARKS.get(annotation.status, "?")
            return status_label(annotation.status)
        if column == self.TAG:
            return annotation.tag
        if column == self.TEXT:
            return one_line(annotation.text, 120)
        if column == self.ANNOTATOR:
            return annotation.annotator or nobody()
        return one_line(annotation.note, 120)

    def _tooltip(self, annotation: Annotation, column: int) -> str:
        lines = [
            f"{annotation.tag}: {one_line(annotation.text, 300)}",
            translate("Annotating", "code points {start}–{end}, by {annotator}").format(
                start=annotation.start, end=annotation.end, annotator=annotation.annotator or nobody()
            ),
        ]
        if annotation.note:
            lines.append(translate("Annotating", "Note: {note}").format(note=annotation.note))
        if annotation.status in _REVIEWED_BY:
            reviewed = translate("Annotating", _REVIEWED_BY[annotation.status])
            lines.append(reviewed.format(reviewer=annotation.reviewer or nobody(), time=annotation.updated_at))
        elif annotation.status == PENDING and annotation.reviewer:
            lines.append(
                translate("Annotating", "Pending; reviewed by {reviewer}").format(reviewer=annotation.reviewer)
            )
        if annotation.review_note:
            lines.append(translate("Annotating", "Review note: {note}").format(note=annotation.review_note))
        if column == self.NOTE:
            # The whole note first, as typed (line breaks and all): the cell shows only its start.
            lines = [
                annotation.note or translate("Annotating", "No note"),
                "",
                *lines[:2],
                translate("Annotating", "Press Enter or double-click to edit the note"),
            ]
        return "\n".join(lines)

    def _sort_key(self, annotation: Annotation, column: int) -> tuple[int, str]:
        """What sorting by ``column`` compares: statuses in their order, words as words."""
        if column == self.STATUS:
            rank = STATUSES.index(annotation.status) if annotation.status in STATUSES else len(STATUSES)
            return rank, annotation.status
        words = {
            self.TAG: annotation.tag,
            self.TEXT: annotation.text,
            self.ANNOTATOR: annotation.annotator,
        }.get(column, annotation.note)
        return 0, words.casefold()

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
        """Every annotation, in text order (however the rows are sorted)."""
        return list(self._annotations)

    def by_id(self, annotation_id: str) -> Annotation | None:
        at = self._text_row_of(annotation_id)
        return None if at is None else self._annotations[at]

    def row_of(self, annotation_id: str) -> int | None:
        """The row that shows the annotation."""
        at = self._text_row_of(annotation_id)
        return None if at is None else self._row(at)

    def _text_row(self, row: int) -> int:
        """The text-order place of what ``row`` shows."""
        return row if self._shown is None else self._shown[row]

    def _row(self, text_row: int) -> int:
        """The row that shows the annotation at ``text_row`` in text order."""
        return text_row if self._row_shown is None else self._row_shown[text_row]

    def _text_row_of(self, annotation_id: str) -> int | None:
        key = self._key_of.get(annotation_id)
        return None if key is None else bisect_left(self._keys, key)

    # Sorting

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Rows sorted by ``column`` (ties in text order), or in text order for column -1."""
        wanted = None if not 0 <= column < len(self.HEADERS) else (column, order == Qt.SortOrder.DescendingOrder)
        if wanted == self._sorted_by:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        text_rows = [self._text_row(index.row()) for index in persistent]
        self._sorted_by = wanted
        self._arrange()
        moved = [self.index(self._row(at), index.column()) for at, index in zip(text_rows, persistent, strict=True)]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        if self._sorted_by is None:
            self._shown = self._row_shown = None
            return
        column, descending = self._sorted_by
        keys = [self._sort_key(a, column) for a in self._annotations]
        # Python's sort is stable both ways round: equal keys keep their text order.
        self._shown = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
        self._row_shown = [0] * len(keys)
        for row, at in enumerate(self._shown):
            self._row_shown[at] = row

    # Changing

    def set_tags(self, tags: list[Tag]) -> None:
        self._tags = {t.name: t for t in tags}
        if self._annotations:
            self.dataChanged.emit(self.index(0, self.TAG), self.index(len(self._annotations) - 1, self.TAG))

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
            self._annotations[at] = annotation
            self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))
            return
        if at is not None:
            self.remove(annotation.id)
        at = bisect_left(self._keys, _order(annotation))
        self.beginInsertRows(QModelIndex(), at, at)
        self._put(annotation)
        self.endInsertRows()

    def remove(self, annotation_id: str) -> None:
        if self._sorted_by is not None:
            self._while_sorted(lambda: self._drop(annotation_id))
            return
        at = self._text_row_of(annotation_id)
        if at is None:
            return
        self.beginRemoveRows(QModelIndex(), at, at)
        self._drop(annotation_id)
        self.endRemoveRows()

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


class AnnotationFilterModel(QSortFilterProxyModel):
    """The annotations a predicate accepts (all without one), in the model's own order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._accepts: Callable[[Annotation], bool] | None = None

    def set_predicate(self, accepts: Callable[[Annotation], bool] | None) -> None:
        self.beginFilterChange()
        self._accepts = accepts
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, annotation: Annotation) -> bool:
        return self._accepts is None or self._accepts(annotation)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        # Asked once per row of every document opened: as few Python calls as can be.
        return self._accepts is None or self._accepts(self._source().annotation(source_row))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._source().sort(column, order)  # the rows come sorted: see the module's docstring

    def _source(self) -> AnnotationListModel:
        return cast(AnnotationListModel, self.sourceModel())
