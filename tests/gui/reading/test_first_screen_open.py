"""The document the window starts on: its first screen's annotations before the first
frame, all of them on the turn after it, and nothing lost in between."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtTest import QTest
from windowkit import open_window

from reader.app import ReaderApp, build
from reader.cli import parse
from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.store import Store
from reader.ui.reading.controller import FIRST_SCREEN_AFTER, FIRST_SCREEN_BEFORE
from reader.ui.shell.settings import WindowSettings

PARAGRAPH = "Слово за словом 🙂 идёт текст, и в нём есть что отметить.\n"
TOP = 120_000  # where the reader left the document: deep in it


def long_document(tmp_path: Path) -> tuple[Path, Path, list[Annotation]]:
    """A database of one 240,000-character document with a highlight every 600 characters,
    and settings that reopen it at TOP."""
    text = PARAGRAPH * (240_000 // len(PARAGRAPH))
    db, settings_path = tmp_path / "long.sqlite", tmp_path / "settings.ini"
    with Store.open(db) as store:
        document_id = store.import_source(SourceText("long.txt", "", text, "utf-8")).document_id
        store.add_annotations_bulk(
            [
                Annotation(document_id, start, start + 5, text[start : start + 5], "claim")
                for start in range(0, len(text) - 5, 600)
            ]
        )
        annotations = store.annotations(document_id)
    settings = WindowSettings(settings_path)
    settings.set_last_document(db, document_id)
    settings.set_place(db, document_id, TOP, TOP)
    settings.sync()
    return db, settings_path, annotations


def _near_top(annotation: Annotation) -> bool:
    return annotation.start < TOP + FIRST_SCREEN_AFTER and annotation.end > TOP - FIRST_SCREEN_BEFORE


def test_the_first_frame_waits_only_for_the_annotations_around_the_place(qtbot, tmp_path: Path):
    db, settings, annotations = long_document(tmp_path)
    window = build(parse(["--db", str(db)]), settings_path=settings)
    qtbot.addWidget(window)
    reading, panel = ReaderApp.of(window).reading, window.annotation_panel

    near = [a for a in annotations if _near_top(a)]
    assert 0 < len(near) < len(annotations) // 2
    assert reading.partly_read
    assert panel.model.rowCount() == len(near)
    assert all(window.reader.annotation(a.id) is not None for a in near)
    assert window.reader.annotation(annotations[-1].id) is None  # far below the place: not read yet
    assert window.reader.first_visible_code_point() <= TOP

    window.show()
    qtbot.waitUntil(lambda: not reading.partly_read)
    assert panel.model.rowCount() == len(annotations)
    assert window.reader.annotation(annotations[-1].id) == annotations[-1]


def test_a_highlight_added_before_the_rest_is_read_is_kept(qtbot, tmp_path: Path):
    db, settings, annotations = long_document(tmp_path)
    window = build(parse(["--db", str(db)]), settings_path=settings)
    qtbot.addWidget(window)
    app, view = ReaderApp.of(window), window.reader
    assert app.reading.partly_read
    start = TOP + 40
    view.set_selection_code_points(start, start + 4)
    # The window is not shown yet, so no key reaches it: the tag's action is what its key triggers.
    next(action for action in app.actions.tag_actions if action.objectName().endswith("claim")).trigger()
    assert window.annotation_panel.model.rowCount() == len([a for a in annotations if _near_top(a)]) + 1

    window.show()
    qtbot.waitUntil(lambda: not app.reading.partly_read)
    with Store.open(db, read_only=True) as store:
        stored = store.annotations(store.documents()[0].id)
    assert len(stored) == len(annotations) + 1
    assert window.annotation_panel.model.rowCount() == len(stored)
    assert all(view.annotation(a.id) == a for a in stored)


def test_closing_the_window_before_the_rest_is_read_is_no_error(qtbot, tmp_path: Path):
    db, settings, _ = long_document(tmp_path)
    window = build(parse(["--db", str(db)]), settings_path=settings)
    qtbot.addWidget(window)
    reading = ReaderApp.of(window).reading
    window.show()
    window.close()  # closes the database before the rest is read: nothing may touch it after
    QTest.qWait(50)
    assert window.annotation_panel.model.rowCount() == 0
    reading.read_all_annotations()  # as if the deferred read came now
    assert window.annotation_panel.model.rowCount() == 0


def test_a_window_opened_normally_reads_everything(qtbot, tmp_path: Path):
    db, settings, annotations = long_document(tmp_path)
    window = open_window(qtbot, db, settings, corpus=None)
    assert window.annotation_panel.model.rowCount() == len(annotations)
