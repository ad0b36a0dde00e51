"""Finding: Ctrl+F in the document, Ctrl+Shift+F across the corpus (FTS), and
the document list's filter box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from windowkit import key, pick_document, type_text

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
    last_title = window.documents.proxy.index(1, 1).data()
    type_text(box, last_title.split()[0][:5].upper())
    assert window.documents.proxy.rowCount() == 1
    key(qtbot, box, Qt.Key.Key_Return)
    assert parts.session.document.title == last_title
    assert QApplication.focusWidget() is window.reader
