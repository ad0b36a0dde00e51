"""Suggest… in the real window, the suggester in its own process: over 100 documents the main
thread keeps ticking and painting while the real suggester runs; Cancel stops it after the document it is on
and keeps what was saved; without the extra, one line says how to install it and the annotator's
own spans are still found again. The database is checked on disk after each run."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QPushButton
from suggestkit import CTRL, RUN_SECONDS, SHIFT, open_suggestions, run_suggest
from windowkit import SEEDS, drag_select, key, open_window, pick_document

from reader.app import ReaderApp
from reader.store import Store
from reader.suggesting import child

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, sizing the progress dialog
DOCUMENTS = 100
TICK_MS = 10
SENTENCE_END = re.compile(r"(?<=[.!?»])\s+")


def seed_sentences() -> list[str]:
    sentences = []
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        sentences += [s.strip() for s in SENTENCE_END.split(text) if len(s.strip()) > 40]
    return sentences


@pytest.fixture
def hundred(qtbot, tmp_path):
    """A window on 100 short Russian texts, three of the seeds' sentences each."""
    sentences = seed_sentences()
    folder = tmp_path / "corpus"
    folder.mkdir()
    for number in range(DOCUMENTS):
        chosen = [sentences[(number * 3 + k) % len(sentences)] for k in range(3)]
        (folder / f"news_{number:03}.txt").write_text(f"Заметка {number}\n\n" + " ".join(chosen), encoding="utf-8")
    window = open_window(qtbot, tmp_path / "project.sqlite", tmp_path / "settings.ini", corpus=folder)
    assert window.documents.model.rowCount() == DOCUMENTS
    return window


def start_suggesting_everywhere(qtbot, window) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_S, CTRL | SHIFT)
    dialog = window.findChild(QDialog, "suggestScopeDialog")
    dialog.all_documents.setFocus()
    qtbot.keyClick(dialog.all_documents, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.all_documents, Qt.Key.Key_Return)
    assert ReaderApp.of(window).suggesting.runner.running()


def documents_with_suggestions(db: Path) -> set[int]:
    with Store.open(db, create=False, read_only=True) as store:
        return {d.id for d in store.documents() if store.suggestions(d.id)}


@pytest.mark.slow
def test_the_window_stays_responsive_while_the_suggester_runs_on_100_documents(qtbot, hundred, tmp_path):
    pytest.importorskip("natasha", reason='the suggester needs pip install "reader[suggest]"')
    runner = ReaderApp.of(hundred).suggesting.runner
    pick_document(qtbot, hundred, 0)
    view, bar = hundred.reader, hundred.reader.verticalScrollBar()
    gaps: dict[str, list[float]] = {"loading": [], "suggesting": []}  # by what the worker did meanwhile
    paints: list[float] = []
    last = [time.perf_counter(), "loading"]

    def tick() -> None:
        now = time.perf_counter()
        gaps[last[1]].append(now - last[0])
        if sum(map(len, gaps.values())) % 5 == 0:  # every 50 ms the reader scrolls a line, painted at once
            bar.setValue((bar.value() + 1) % (bar.maximum() + 1))
            started = time.perf_counter()
            view.viewport().repaint()
            paints.append(time.perf_counter() - started)
            now = time.perf_counter()  # the paint is measured on its own, not as a tick's gap
        last[:] = [now, "suggesting" if runner.engine is not None else "loading"]

    ticker = QTimer()
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(tick)
    started = time.perf_counter()
    start_suggesting_everywhere(qtbot, hundred)
    last[0] = time.perf_counter()
    ticker.start()
    qtbot.waitUntil(lambda: not runner.running(), timeout=RUN_SECONDS * 3000)
    ticker.stop()
    took = time.perf_counter() - started

    assert len(documents_with_suggestions(tmp_path / "project.sqlite")) >= DOCUMENTS * 0.9
    longest = {phase: max(found, default=0) * 1000 for phase, found in gaps.items()}
    print(
        f"\n{DOCUMENTS} documents in {took:.1f} s; longest gap between {TICK_MS} ms ticks: "
        f"{longest['loading']:.0f} ms while the suggester loaded ({len(gaps['loading'])} ticks), "
        f"{longest['suggesting']:.0f} ms while it suggested ({len(gaps['suggesting'])} ticks); "
        f"{len(paints)} paints of the reader, the slowest {max(paints) * 1000:.1f} ms"
    )
    # The aim is no frame over 50 ms. With the suggester in a thread of the window's process, its
    # load and rules held the interpreter's lock: 31-91 ms gaps while natasha loaded and 19-87 ms
    # while it suggested, on this 2-core machine. In a process of its own (reader.suggesting.child),
    # measured with another test suite running on the machine: 26 ms loading, 30 ms suggesting,
    # the slowest paint 29 ms.
    assert longest["loading"] < 50
    assert longest["suggesting"] < 50
    assert max(paints) * 1000 < 50


def test_cancel_stops_after_the_document_it_is_on_and_keeps_what_was_saved(qtbot, hundred, tmp_path, monkeypatch):
    monkeypatch.setattr(child, "LOADER", "standins:first_word")
    runner = ReaderApp.of(hundred).suggesting.runner
    start_suggesting_everywhere(qtbot, hundred)
    progress = hundred.findChild(QProgressDialog, "suggestProgress")
    assert progress is not None and progress.isVisible() and progress.maximum() == DOCUMENTS
    qtbot.waitUntil(lambda: progress.value() >= 5, timeout=RUN_SECONDS * 1000)

    cancel = progress.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not runner.running(), timeout=RUN_SECONDS * 1000)

    saved = documents_with_suggestions(tmp_path / "project.sqlite")
    assert 5 <= len(saved) < DOCUMENTS
    assert f"in {len(saved)} of {DOCUMENTS} document(s)" in hundred.status_message.text()
    assert hundred.findChild(QProgressDialog, "suggestProgress") is None or not progress.isVisible()
    qtbot.wait(200)  # nothing more arrives after it stopped
    assert documents_with_suggestions(tmp_path / "project.sqlite") == saved


def test_without_the_extra_one_line_says_how_to_install_it(qtbot, window, parts, tmp_path, monkeypatch):
    monkeypatch.setattr(child, "LOADER", "standins:missing")
    pick_document(qtbot, window, 0)
    text = window.reader.document_text()
    drag_select(qtbot, window, 0, len("Москва"))
    key(qtbot, window.reader, Qt.Key.Key_2)  # "Москва" tagged actor by hand

    run_suggest(qtbot, window)

    assert 'pip install "reader[suggest]"' in window.status_message.text()
    found = open_suggestions(tmp_path / "project.sqlite")
    assert found and {s.suggester for s in found} == {"reader-match"}
    assert {text[s.start : s.end] for s in found} >= {"Москва"}  # its other occurrences, found again
