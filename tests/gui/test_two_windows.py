"""Two windows on the same database, each tagging by key: both keep all their writes,
and neither's undo touches the other's annotations."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from windowkit import key, open_window, pick_document

from reader.store import Store

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def activate(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def tag_word(qtbot, window, row: int, words_in: int, tag_key) -> None:
    """In document ``row``, skip ``words_in`` words from the top, select the next one, press the tag key."""
    activate(qtbot, window)
    pick_document(qtbot, window, row)
    view = window.reader
    key(qtbot, view, Qt.Key.Key_Home, CTRL)
    key(qtbot, view, Qt.Key.Key_Right, CTRL, times=words_in)
    key(qtbot, view, Qt.Key.Key_Right, CTRL | SHIFT)
    key(qtbot, view, tag_key)


def stored(db_path) -> dict[str, tuple[int, int, str]]:
    with Store.open(db_path, create=False) as store:
        return {a.id: (a.document_id, a.start, a.tag) for d in store.documents() for a in store.annotations(d.id)}


def test_two_windows_on_one_database_both_keep_all_their_writes(qtbot, tmp_path):
    db = tmp_path / "shared.sqlite"
    first = open_window(qtbot, db, tmp_path / "first.ini")
    second = open_window(qtbot, db, tmp_path / "second.ini")

    tag_word(qtbot, first, 0, 0, Qt.Key.Key_1)
    tag_word(qtbot, second, 0, 2, Qt.Key.Key_2)
    tag_word(qtbot, first, 1, 1, Qt.Key.Key_3)
    before_last = stored(db)
    tag_word(qtbot, second, 1, 3, Qt.Key.Key_1)

    after_four = stored(db)
    assert sorted(tag for _, _, tag in after_four.values()) == ["actor", "claim", "claim", "date"]

    # Undo in the second window takes back only its own last annotation.
    activate(qtbot, second)
    key(qtbot, second.reader, Qt.Key.Key_Z, CTRL)
    after_undo = stored(db)
    assert after_undo == before_last

    first.close()
    second.close()
    assert stored(db) == after_undo
