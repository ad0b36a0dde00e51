"""Close the window and build it again on the same database and settings:
annotations, the last document, the caret, the font size and the splitter are
all as they were."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from windowkit import key, open_window, pick_document

from reader.app import ReaderApp
from reader.store import Store


def test_everything_comes_back_after_closing(qtbot, tmp_path):
    db, settings = tmp_path / "project.sqlite", tmp_path / "settings.ini"
    window = open_window(qtbot, db, settings)
    pick_document(qtbot, window, 1)
    view = window.reader
    text = view.document_text()
    first_space = text.index(" ")
    view.set_selection_code_points(0, first_space)
    key(qtbot, view, Qt.Key.Key_1)
    view.set_selection_code_points(first_space + 1, text.index(" ", first_space + 1))
    key(qtbot, view, Qt.Key.Key_3)
    view.set_caret_code_point(200)
    key(qtbot, view, Qt.Key.Key_Right, times=5)
    default_size = view.font_point_size()
    key(qtbot, view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier, times=2)
    key(qtbot, view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    font_size = view.font_point_size()
    assert font_size == default_size + 1
    window.resize(780, 560)  # fits the offscreen screen, so the geometry comes back as it is
    qtbot.waitUntil(lambda: window.width() == 780)
    window.splitter.setSizes([250, 300, 200])
    sizes = window.splitter.sizes()
    view.scroll_to_code_point(len(text) // 2)
    top = view.first_visible_code_point()
    assert top > 0
    document_id = ReaderApp.of(window).session.document.id
    annotations = window.annotation_panel.model.annotations()
    window.close()

    again = open_window(qtbot, db, settings, corpus=None)
    assert ReaderApp.of(again).session.document.id == document_id
    assert again.reader.caret_code_point() == 205
    qtbot.waitUntil(lambda: again.reader.first_visible_code_point() == top)
    assert again.reader.font_point_size() == font_size
    assert again.splitter.sizes() == sizes
    assert again.annotation_panel.model.annotations() == annotations
    assert [a.id for a in again.reader.annotations_at(0)] == [annotations[0].id]
    assert again.documents.model.summary(document_id).annotation_count == 2
    qtbot.waitUntil(lambda: QApplication.focusWidget() is again.reader)
    with Store.open(db, create=False) as store:
        assert store.annotations(document_id) == annotations


def test_each_document_keeps_its_own_caret(qtbot, window):
    pick_document(qtbot, window, 0)
    window.reader.set_caret_code_point(40)
    pick_document(qtbot, window, 1)
    assert window.reader.caret_code_point() == 0
    window.reader.set_caret_code_point(7)
    pick_document(qtbot, window, 0)
    assert window.reader.caret_code_point() == 40
    pick_document(qtbot, window, 1)
    assert window.reader.caret_code_point() == 7


def test_a_window_opened_again_unchanged_leaves_its_settings_file_alone(qtbot, tmp_path):
    """Restoring the check boxes and the last document as they were writes nothing: each write
    made QSettings rewrite its file on the next turn of the event loop, inside the first frame."""
    db, settings = tmp_path / "project.sqlite", tmp_path / "settings.ini"
    first = open_window(qtbot, db, settings)
    first.close()
    written = settings.read_bytes()
    modified = settings.stat().st_mtime_ns

    again = open_window(qtbot, db, settings, corpus=None)
    qtbot.wait(50)  # QSettings writes its file on a turn of the event loop after a change
    assert ReaderApp.of(again).session.document is not None
    assert settings.stat().st_mtime_ns == modified and settings.read_bytes() == written
    again.close()
