"""The annotation list read as a reviewer reads it: who made each annotation and its
status (sortable by a click on the header), a note column wide enough to read, the whole
note and the review note in the tooltip, and notes of several lines written in the note
editor (Ctrl+Enter saves, Esc cancels, Ctrl+Z undoes)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelRoleData, QModelRoleDataSpan, QObject, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QWidget
from reviewkit import annotate, make_documents, open_as, stored
from windowkit import give_the_panel, key

from reader.ui.annotating.annotation_list import AnnotationListModel as Columns
from reader.ui.reading.status_words import STATUS_MARKS

CTRL = Qt.KeyboardModifier.ControlModifier
TEXT = {"lavrov.txt": "Сергей Лавров сказал, что Лавров не знает. Лавров ушёл.\n"}


def merged_database(folder):
    """The same "actor Лавров" by two annotators (as a merge leaves it), and two more spans."""
    db = folder / "merged.sqlite"
    make_documents(db, TEXT)
    return db, {
        "alice": annotate(db, "lavrov.txt", "Лавров", "actor", annotator="alice"),
        "bob": annotate(db, "lavrov.txt", "Лавров", "actor", annotator="bob", status="accepted", reviewer="ed"),
        "said": annotate(
            db, "lavrov.txt", "сказал", "claim", annotator="carol", status="rejected", review_note="not a claim"
        ),
        "person": annotate(db, "lavrov.txt", "Сергей", "actor", annotator="bob"),
    }


def column(table, number: int) -> list[str]:
    model = table.model()
    return [model.index(row, number).data() for row in range(model.rowCount())]


def click_header(qtbot, table, number: int) -> None:
    header = table.horizontalHeader()
    middle = header.sectionViewportPosition(number) + header.sectionSize(number) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(middle, header.height() // 2))


def open_note_editors(window) -> list[QDialog]:
    return [d for d in window.findChildren(QDialog, "noteEditor") if d.isVisible()]


def click_row(qtbot, table, row: int, double: bool = False) -> None:
    rect = table.visualRect(table.model().index(row, Columns.TEXT))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    if double:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_annotator_and_status_columns_tell_merged_rows_apart_and_sort(qtbot, tmp_path, qtmodeltester):
    db, spans = merged_database(tmp_path)
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    give_the_panel(qtbot, window, 620)
    table = window.annotation_panel.view
    assert not any(table.isColumnHidden(c) for c in range(table.model().columnCount()))
    headers = [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(table.model().columnCount())]
    assert "Annotator" in headers and "Status" in headers

    # Text order: Сергей, then the two Лавров (alice's older), then сказал.
    assert column(table, Columns.TEXT) == ["Сергей", "Лавров", "Лавров", "сказал"]
    assert column(table, Columns.ANNOTATOR) == ["bob", "alice", "bob", "carol"]
    assert column(table, Columns.STATUS) == ["· pending", "· pending", "✓ accepted", "✗ rejected"]
    for row in range(4):  # every status column cell is wide enough for its word
        cell = table.model().index(row, Columns.STATUS)
        assert table.fontMetrics().horizontalAdvance(cell.data()) < table.columnWidth(Columns.STATUS)

    click_header(qtbot, table, Columns.STATUS)  # pending first, then accepted, then rejected
    assert column(table, Columns.STATUS) == ["· pending", "· pending", "✓ accepted", "✗ rejected"]
    click_header(qtbot, table, Columns.STATUS)  # the other way round
    assert column(table, Columns.STATUS) == ["✗ rejected", "✓ accepted", "· pending", "· pending"]
    click_header(qtbot, table, Columns.ANNOTATOR)
    assert column(table, Columns.ANNOTATOR) == ["alice", "bob", "bob", "carol"]
    qtmodeltester.check(window.annotation_panel.model)
    click_header(qtbot, table, Columns.ANNOTATOR)
    click_header(qtbot, table, Columns.ANNOTATOR)  # a third click: back to text order
    assert column(table, Columns.TEXT) == ["Сергей", "Лавров", "Лавров", "сказал"]

    # Sorted or not, a click on a row selects that very annotation in the text; a change keeps the order.
    click_header(qtbot, table, Columns.STATUS)
    click_header(qtbot, table, Columns.STATUS)
    click_row(qtbot, table, 1)
    assert window.reader.selected_annotation_id() == spans["bob"].id
    window.reader.setFocus()
    key(qtbot, window.reader, Qt.Key.Key_1)  # retag bob's Лавров as claim, while sorted
    assert stored(db)[spans["bob"].id].tag == "claim"
    assert column(table, Columns.STATUS) == ["✗ rejected", "✓ accepted", "· pending", "· pending"]
    assert table.model().index(1, Columns.TAG).data() == "claim"
    assert table.currentIndex().row() == 1
    # F8 still goes in text order: after bob's Лавров comes сказал.
    window.reader.setFocus()
    key(qtbot, window.reader, Qt.Key.Key_F8)
    assert window.reader.selected_annotation_id() == spans["said"].id

    # The review note is in the row's tooltip.
    said = table.model().index(0, Columns.TEXT)
    assert "Review note: not a claim" in said.data(Qt.ItemDataRole.ToolTipRole)


def test_notes_of_several_lines_in_the_note_editor(qtbot, tmp_path):
    db, spans = merged_database(tmp_path)
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    table = window.annotation_panel.view
    # The note column is wide enough to read a few words (it was about 55 px: "мини…").
    give_the_panel(qtbot, window, 620)
    assert table.columnWidth(Columns.NOTE) > table.fontMetrics().horizontalAdvance("a short note")
    assert table.columnWidth(Columns.NOTE) >= table.viewport().width() // 4
    # In a narrow panel the text stays readable: the note gives way first, the status shows its mark
    # alone (never an elided "· p…"), and the annotator, who tells merged rows apart, stays longest.
    give_the_panel(qtbot, window, 360)
    assert not table.isColumnHidden(Columns.ANNOTATOR)
    assert set(column(table, Columns.STATUS)) <= set(STATUS_MARKS.values())
    assert table.columnWidth(Columns.TEXT) >= table.fontMetrics().horizontalAdvance("a few words")
    give_the_panel(qtbot, window, 620)
    assert all(len(label.split()) == 2 for label in column(table, Columns.STATUS))  # "✓ accepted"

    # Enter on a row of the list opens the editor; Enter there starts a new line, Esc stores nothing.
    click_row(qtbot, table, 0)
    table.setFocus()
    key(qtbot, table, Qt.Key.Key_Return)
    dialog = window.findChild(QDialog, "noteEditor")
    assert dialog is not None and dialog.isVisible()
    box = dialog.findChild(QPlainTextEdit, "noteText")
    assert QApplication.focusWidget() is box
    qtbot.keyClicks(box, "first line")
    key(qtbot, box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "second line")
    assert box.toPlainText() == "first line\nsecond line" and dialog.isVisible()
    key(qtbot, box, Qt.Key.Key_Escape)
    assert open_note_editors(window) == []
    assert stored(db)[spans["person"].id].note == ""

    # A double-click opens it again; Ctrl+Enter stores the note, line break and all.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    click_row(qtbot, table, 0, double=True)
    (dialog,) = open_note_editors(window)
    box = dialog.findChild(QPlainTextEdit, "noteText")
    qtbot.keyClicks(box, "a long note about who Sergei is")
    key(qtbot, box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "and where he said it")
    key(qtbot, box, Qt.Key.Key_Return, CTRL)
    note = "a long note about who Sergei is\nand where he said it"
    assert stored(db)[spans["person"].id].note == note
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)

    # The cell shows it on one line; its tooltip shows all of it.
    cell = table.model().index(0, Columns.NOTE)
    assert cell.data() == "a long note about who Sergei is and where he said it"
    assert cell.data(Qt.ItemDataRole.ToolTipRole).startswith(note + "\n")

    # Ctrl+E from the text opens it on the selected highlight, with the note to edit; undo takes the note back.
    window.reader.setFocus()
    window.reader.select_annotation(spans["person"].id)
    key(qtbot, window.reader, Qt.Key.Key_E, CTRL)
    box = QApplication.focusWidget()
    assert isinstance(box, QPlainTextEdit) and box.toPlainText() == note
    key(qtbot, box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.reader)
    key(qtbot, window.reader, Qt.Key.Key_Z, CTRL)
    assert stored(db)[spans["person"].id].note == ""
    assert table.model().index(0, Columns.NOTE).data() == ""


def test_the_list_paints_the_new_row_in_the_frame_after_the_text(qtbot, tmp_path):
    # The reader pane's frame does not wait for the list (every row below a new one moves):
    # the row is in the list's model at once, and painted in the frame after the pane's.
    db, _ = merged_database(tmp_path)
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    give_the_panel(qtbot, window, 620)
    table = window.annotation_panel.view
    view = window.reader
    text = view.document_text()
    start = text.index(" ") + 1
    end = text.index(" ", start)
    view.set_selection_code_points(start, end)
    view.setFocus()
    qtbot.wait(20)
    painted = _Paints({"text": view.viewport(), "list": table.viewport()})
    QTest.keyClick(view, Qt.Key.Key_1)  # no event processing after it, unlike windowkit.key
    added = view.selected_annotation_id()
    assert added is not None and window.annotation_panel.model.row_of(added) is not None
    assert not table.updatesEnabled()
    qtbot.waitUntil(lambda: "list" in painted.order)
    # The pane painted first, in a frame the list sat out; the list in one of its own.
    assert painted.order[0] == "text" and not painted.list_enabled_when_text_painted
    row = table.model().index(table.currentIndex().row(), Columns.TEXT)
    assert row.data() == text[start:end]
    assert table.visualRect(row).intersects(table.viewport().rect())


class _Paints(QObject):
    """The order in which the watched widgets paint."""

    def __init__(self, widgets: dict[str, QWidget]):
        super().__init__()
        self.order: list[str] = []
        self.list_enabled_when_text_painted: bool | None = None
        self._names = {id(widget): name for name, widget in widgets.items()}
        self._list = widgets["list"].parentWidget()
        for widget in widgets.values():
            widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            name = self._names[id(watched)]
            if name == "text" and not self.order:
                self.list_enabled_when_text_painted = self._list.updatesEnabled()
            self.order.append(name)
        return False


def test_a_cell_answers_every_role_in_one_call_as_it_does_one_at_a_time(qtbot, tmp_path):
    """The list's paint asks each cell for its roles in one ``multiData`` call: the answers
    are those of ``data``, icon, strike-out font and all, sorted or not."""
    db, _ = merged_database(tmp_path)
    window = open_as(qtbot, db, tmp_path / "settings.ini")
    model = window.annotation_panel.model
    roles = [role for role in Qt.ItemDataRole if role < Qt.ItemDataRole.UserRole]
    roles.append(Qt.ItemDataRole.UserRole + 10)  # the annotation's id

    def answers(index):
        one_at_a_time = [index.data(role) for role in roles]
        in_one_call = []
        for role in roles:
            role_data = QModelRoleData(int(role))
            model.multiData(index, QModelRoleDataSpan(role_data))
            in_one_call.append(role_data.data())
        return one_at_a_time, in_one_call

    for sorted_by in (-1, Columns.STATUS):
        model.sort(sorted_by, Qt.SortOrder.DescendingOrder)
        for row in range(model.rowCount()):
            for number in range(model.columnCount()):
                one_at_a_time, in_one_call = answers(model.index(row, number))
                for role, alone, together in zip(roles, one_at_a_time, in_one_call, strict=True):
                    if hasattr(alone, "cacheKey") or hasattr(alone, "strikeOut"):  # icons and fonts
                        assert type(alone) is type(together), role
                        assert getattr(alone, "strikeOut", bool)() == getattr(together, "strikeOut", bool)()
                    else:
                        assert alone == together, (row, number, role)
    rejected = model.index(
        model.row_of(next(a.id for a in model.annotations() if a.status == "rejected")), Columns.TEXT
    )
    assert answers(rejected)[1][roles.index(Qt.ItemDataRole.FontRole)].strikeOut()
