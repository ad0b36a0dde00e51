"""The window's layout adapts to its size and the screen: the text column keeps its
characters a line while the side panes give way or grow, the document list shows whole
titles and names, the window fits the screen, zoom sizes the whole window, and a long
status message can be read whole."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit
from windowkit import open_window, pick_document, shortcut

from reader.app import ReaderApp
from reader.ui.main_window import LEFT_CHARACTERS, RIGHT_CHARACTERS
from reader.ui.reading.document_list import DocumentListModel

CTRL = Qt.KeyboardModifier.ControlModifier
PARAGRAPH = " ".join(["Москва официально не обращалась за помощью в Организацию Договора."] * 30)


def corpus_of(folder, count: int):
    folder.mkdir()
    for number in range(1, count + 1):
        title = f"Документ номер {number}: протокол заседания комиссии по делам архива"
        (folder / f"doc-{number:04d}.txt").write_text(f"{title}\n\n{PARAGRAPH}\n", encoding="utf-8")
    return folder


def resize(qtbot, window, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    QApplication.processEvents()


def characters_a_line(window) -> int:
    """How many characters the reader puts on the first line of the long paragraph."""
    block = window.reader.document().findBlockByNumber(2)
    assert block.layout().lineCount() > 1  # laid out: the reader lays out what is on screen
    return block.layout().lineAt(0).textLength()


def pane_widths(window) -> list[int]:
    return window.splitter.sizes()


def test_at_1920_the_list_shows_whole_titles_and_a_name_column(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "p.sqlite", tmp_path / "s.ini", corpus_of(tmp_path / "corpus", 30))
    resize(qtbot, window, 1920, 1080)
    view = window.documents.view
    title = view.model().index(0, DocumentListModel.TITLE).data()
    assert title.startswith("Документ номер 1:")
    # Enough of the title to tell 2,000 of them apart, not "Документ номер…"; the tooltip has all of it.
    assert view.columnWidth(DocumentListModel.TITLE) >= QFontMetrics(view.font()).horizontalAdvance(title[:30])
    name = view.model().index(0, DocumentListModel.NAME).data()
    assert name == "doc-0001.txt" and not view.isColumnHidden(DocumentListModel.NAME)
    assert view.columnWidth(DocumentListModel.NAME) >= QFontMetrics(view.font()).horizontalAdvance(name)
    tip = view.model().index(0, DocumentListModel.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert title in tip and name in tip
    pick_document(qtbot, window, 0)
    assert 60 <= characters_a_line(window) <= 110  # not the 170 of a text pane that took all the width


def test_at_1024_by_700_the_side_panes_give_way_to_the_text(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "p.sqlite", tmp_path / "s.ini", corpus_of(tmp_path / "corpus", 3))
    pick_document(qtbot, window, 0)
    resize(qtbot, window, 1920, 1080)
    wide_left, _, wide_right = pane_widths(window)
    resize(qtbot, window, 1024, 700)
    left, _, right = pane_widths(window)
    assert left < wide_left and right < wide_right
    panes_char = QFontMetrics(window.font()).averageCharWidth()
    assert left >= LEFT_CHARACTERS * panes_char - 2 and right >= RIGHT_CHARACTERS * panes_char - 2
    assert characters_a_line(window) >= 65
    resize(qtbot, window, 1920, 1080)  # and back: the side panes come back as they were
    assert pane_widths(window)[0] == wide_left and pane_widths(window)[2] == wide_right


def test_a_dragged_handle_is_kept_while_the_window_keeps_its_size(qtbot, window):
    window.splitter.setSizes([250, 300, 200])
    window.splitter.splitterMoved.emit(250, 1)  # as a drag of the handle reports it
    chosen = pane_widths(window)
    resize(qtbot, window, window.width(), window.height() + 40)
    assert pane_widths(window) == chosen


def test_the_first_run_window_fits_the_screen_with_its_status_bar(qtbot, window):
    available = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: available.contains(window.frameGeometry()))
    bar = window.statusBar()
    bar_on_screen = QRect(bar.mapToGlobal(bar.rect().topLeft()), bar.size())
    assert available.contains(bar_on_screen)


def test_a_restored_geometry_larger_than_the_screen_is_brought_onto_it(qtbot, tmp_path):
    db, settings = tmp_path / "p.sqlite", tmp_path / "s.ini"
    window = open_window(qtbot, db, settings)
    available = window.screen().availableGeometry()
    window.setGeometry(available.right() - 100, available.bottom() - 100, 2400, 1600)  # a larger screen's
    qtbot.waitUntil(lambda: window.width() == 2400)
    window.close()
    again = open_window(qtbot, db, settings, corpus=None)
    qtbot.waitUntil(lambda: available.contains(again.frameGeometry()))


def test_zoom_sizes_the_whole_window_is_remembered_and_ctrl_0_resets(qtbot, tmp_path):
    db, settings = tmp_path / "p.sqlite", tmp_path / "s.ini"
    window = open_window(qtbot, db, settings)
    pick_document(qtbot, window, 0)
    panes = [window.documents.view, window.annotation_panel.view, window.tag_bar, window.status_message]
    normal = [widget.font().pointSizeF() for widget in panes]
    reader_normal, row_normal = window.reader.font_point_size(), window.documents.view.rowHeight(0)
    heading_normal = window.document_heading.font().pointSizeF()
    window.documents.view.setFocus()
    for _ in range(2):
        shortcut(qtbot, window, Qt.Key.Key_Equal, CTRL)
    larger = [widget.font().pointSizeF() for widget in panes]
    assert all(big > small for big, small in zip(larger, normal, strict=True))
    assert window.reader.font_point_size() > reader_normal
    assert window.documents.view.rowHeight(0) > row_normal
    assert window.document_heading.font().pointSizeF() > heading_normal
    zoomed_reader = window.reader.font_point_size()
    window.close()

    again = open_window(qtbot, db, settings, corpus=None)
    assert again.reader.font_point_size() == zoomed_reader
    assert again.documents.view.font().pointSizeF() == larger[0]
    shortcut(qtbot, again, Qt.Key.Key_0, CTRL)
    assert again.reader.font_point_size() == reader_normal
    assert [w.font().pointSizeF() for w in (again.documents.view, again.annotation_panel.view)] == normal[:2]


def test_a_long_status_message_is_cut_with_its_whole_in_the_tooltip_and_the_history(qtbot, window):
    width = window.width()
    long = "Imported 3 document(s), 7 skipped: " + "; ".join(f"folder/file-{n}.bin: binary file" for n in range(40))
    window.say("An earlier message")
    window.say(long)
    label = window.status_message
    assert window.width() == width  # a long message does not widen the window
    assert label.text() == long and label.is_cut()
    assert long in label.toolTip()
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    history = window.findChild(QPlainTextEdit, "messageDetails")
    assert history is not None and history.isVisible()
    lines = history.toPlainText().splitlines()
    assert lines[0].endswith(long) and lines[1].endswith("An earlier message")
    assert "Recent" in history.window().windowTitle()
    assert window.findChild(QLabel, "messageText") is not None
    ReaderApp.of(window)  # the window is still whole


def test_a_narrow_document_list_gives_its_titles_the_room_of_the_name_column(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path / "p.sqlite", tmp_path / "s.ini", corpus_of(tmp_path / "corpus", 3))
    view = window.documents.view
    resize(qtbot, window, 1600, 900)
    sizes = window.splitter.sizes()
    window.splitter.setSizes([460, sum(sizes) - 460 - sizes[2], sizes[2]])  # a wide list, dragged
    qtbot.waitUntil(lambda: not view.isColumnHidden(DocumentListModel.NAME))
    window.splitter.setSizes([180, sum(sizes) - 180 - sizes[2], sizes[2]])  # a narrow one
    qtbot.waitUntil(lambda: view.isColumnHidden(DocumentListModel.NAME))
    chars = view.columnWidth(DocumentListModel.TITLE) / QFontMetrics(view.font()).averageCharWidth()
    assert chars >= 10
    name = view.model().index(0, DocumentListModel.NAME).data()
    assert name in view.model().index(0, DocumentListModel.TITLE).data(Qt.ItemDataRole.ToolTipRole)
