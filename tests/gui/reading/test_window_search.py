"""Finding: Ctrl+F in the document, Ctrl+Shift+F across the corpus (FTS), and
the document list's filter box."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QApplication
from windowkit import key, pick_document, type_text

from reader.ui.reading.document_list import DOCUMENT_ID_ROLE, DocumentListModel
from reader.ui.reading.search_hit_view import CONTEXT_ROLE, PADDING, lay_out_context

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def test_ctrl_f_finds_in_the_document_and_escape_returns_to_the_text(qtbot, window):
    pick_document(qtbot, window, 0)
    view = window.reader
    text = view.document_text()
    key(qtbot, view, Qt.Key.Key_F, CTRL)
    box = window.find_bar.box
    assert window.find_bar.isVisible() and QApplication.focusWidget() is box
    type_text(box, "ОДКБ")
    key(qtbot, box, Qt.Key.Key_Return)
    first = text.index("ОДКБ")
    assert view.selection_code_points() == (first, first + 4)
    key(qtbot, box, Qt.Key.Key_Return)
    second = text.index("ОДКБ", first + 1)
    assert view.selection_code_points() == (second, second + 4)
    key(qtbot, box, Qt.Key.Key_Return, SHIFT)
    assert view.selection_code_points() == (first, first + 4)
    box.selectAll()
    qtbot.keyClicks(box, "no such words here")
    key(qtbot, box, Qt.Key.Key_Return)
    assert window.find_bar.status.text() == "Not found"
    key(qtbot, box, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert QApplication.focusWidget() is view


def test_corpus_search_lists_hits_that_open_their_document(qtbot, window, parts):
    pick_document(qtbot, window, 0)
    key(qtbot, window.reader, Qt.Key.Key_F, CTRL | SHIFT)
    search = window.corpus_search
    assert QApplication.focusWidget() is search.box
    assert search.box.objectName() == "searchBox"
    documents = parts.session.store.documents()
    other = next(d for d in documents if d.id != parts.session.document.id)
    word = next(
        w
        for w in parts.session.store.document(other.id).text.split()
        if len(w) > 6 and w.isalpha() and w not in window.reader.document_text()
    )
    type_text(search.box, word)
    qtbot.waitUntil(lambda: search.model.rowCount() == 1, timeout=2000)
    index = search.model.index(0)
    qtbot.mouseClick(
        search.results.viewport(), Qt.MouseButton.LeftButton, pos=search.results.visualRect(index).center()
    )
    assert parts.session.document.id == other.id
    selection = window.reader.selection_code_points()
    assert selection is not None
    assert window.reader.document_text()[selection[0] : selection[1]].casefold() == word.casefold()

    search.box.selectAll()
    qtbot.keyClicks(search.box, "zzzzqqq")
    key(qtbot, search.box, Qt.Key.Key_Return)
    assert search.model.rowCount() == 0 and "No document" in search.status.text()


def test_the_filter_box_narrows_the_list_and_enter_opens_the_first(qtbot, window, parts):
    key(qtbot, window.reader, Qt.Key.Key_L, CTRL)
    box = window.documents.filter_box
    assert QApplication.focusWidget() is box
    last_title = window.documents.model.index(1, 1).data()
    type_text(box, last_title.split()[0][:5].upper())
    assert window.documents.model.rowCount() == 1
    key(qtbot, box, Qt.Key.Key_Return)
    assert parts.session.document.title == last_title
    assert QApplication.focusWidget() is window.reader


def test_typing_in_the_filter_only_filters_and_clearing_it_selects_the_open_document(qtbot, window, parts):
    pick_document(qtbot, window, 0)
    opened = parts.session.document.id
    other_title = window.documents.model.index(1, DocumentListModel.TITLE).data()
    key(qtbot, window.reader, Qt.Key.Key_L, CTRL)
    box = window.documents.filter_box
    type_text(box, other_title.split()[0])
    assert window.documents.model.rowCount() == 1
    assert parts.session.document.id == opened  # filtered, nothing opened
    assert not window.documents.view.currentIndex().isValid()  # the open document is not listed
    box.selectAll()
    key(qtbot, box, Qt.Key.Key_Backspace)
    assert window.documents.model.rowCount() == 2
    current = window.documents.view.currentIndex()
    assert current.isValid() and current.data(DOCUMENT_ID_ROLE) == opened
    assert window.documents.view.viewport().rect().intersects(window.documents.view.visualRect(current))
    assert parts.session.document.id == opened
    type_text(box, other_title.split()[0])
    key(qtbot, box, Qt.Key.Key_Down)  # Down goes into the list and opens its first row
    assert parts.session.document.title == other_title
    assert QApplication.focusWidget() is window.documents.view


def test_a_search_hit_shows_its_match_in_bold_however_narrow_the_list(qtbot, window, parts):
    key(qtbot, window.reader, Qt.Key.Key_F, CTRL | SHIFT)
    search = window.corpus_search
    text = parts.session.store.document(parts.session.store.documents()[0].id).text
    word = next(w for w in text.split()[40:] if len(w) > 7 and w.isalpha())  # far enough in for context before it
    type_text(search.box, word)
    qtbot.waitUntil(lambda: search.model.rowCount() >= 1, timeout=2000)
    window.splitter.setSizes([200, 600, 300])  # a narrow list: the context must give way, not the match
    qtbot.wait(10)
    index = search.model.index(0)
    before, match, after = index.data(CONTEXT_ROLE)
    assert match.casefold().startswith(word.casefold()) and before and after  # the last word may be a prefix
    rect = search.results.visualRect(index)
    line = QRect(rect.left() + PADDING, rect.top() + PADDING + search.results.fontMetrics().lineSpacing(), 0, 0)
    line.setWidth(rect.width() - 2 * PADDING)
    line.setHeight(search.results.fontMetrics().lineSpacing())
    shown = lay_out_context((before, match, after), line, search.results.font())
    assert shown.match == match and shown.match_rect.right() <= rect.right()  # whole, and inside the row
    image = search.results.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    # The match is drawn where the layout put it: ink there, and bolder than the same word in plain type.
    box = shown.match_rect
    ink = sum(
        1
        for x in range(box.left(), box.right())
        for y in range(box.top(), box.bottom())
        if QColor(image.pixel(int(x * ratio), int(y * ratio))).lightness() < 110
    )
    plain_width = QFontMetrics(search.results.font()).horizontalAdvance(match)
    assert ink > 0 and box.width() > plain_width  # bold type is wider
