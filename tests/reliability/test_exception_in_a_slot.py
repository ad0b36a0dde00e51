"""Fault: code raises where nothing catches it, in a slot or in a thread. The traceback
goes to reader.log in the per-user log folder, one line in the status bar names it,
and the window keeps working; when the log cannot be written, the status bar still
says what happened. Once in this process, once in the real app in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.app import ReaderApp, build
from reader.cli import parse
from reader.store import Store
from reader.ui.shell import crash_log

# pytest-qt would catch these exceptions itself (and fail the test): here the hook under test must.
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def log_home(tmp_path, monkeypatch):
    """Where the per-user log folder is (XDG_STATE_HOME), in this test's folder."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state"


@pytest.fixture
def window(qtbot, corpus_db, tmp_path, log_home):
    window = build(parse(["--db", str(corpus_db)]), settings_path=tmp_path / "settings.ini")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts fire only in the active window
    reporter = crash_log.install(window)
    yield window
    reporter.uninstall()


def press(qtbot, key) -> None:
    qtbot.keyClick(QApplication.focusWidget() or QApplication.activeWindow(), key)
    QApplication.processEvents()


def tag_the_first_word(qtbot, window) -> list[str]:
    """Select the first word and press 1 (claim); returns the tags the database then holds."""
    assert ReaderApp.of(window).session.document.id == 1  # the only document, open from the start
    window.reader.set_selection_code_points(0, len("Заявление"))
    window.reader.setFocus()
    press(qtbot, Qt.Key.Key_1)
    with Store.open(ReaderApp.of(window).session.store.path, create=False, read_only=True) as store:
        return [a.tag for a in store.annotations(1)]


def test_an_exception_in_a_slot_is_logged_shown_in_one_line_and_the_window_keeps_working(
    qtbot, window, monkeypatch, capfd, tmp_path
):
    def broken_select_neighbour(step):
        raise ValueError("no neighbour at offset 42")

    monkeypatch.setattr(ReaderApp.of(window).annotating, "select_neighbour", broken_select_neighbour)
    press(qtbot, Qt.Key.Key_F8)  # Annotate ▸ Next Annotation

    log = crash_log.log_file()
    assert log.is_relative_to(tmp_path)
    logged = log.read_text(encoding="utf-8")
    assert "Unhandled exception in thread MainThread" in logged
    assert "Traceback (most recent call last)" in logged
    assert "in broken_select_neighbour" in logged and "ValueError: no neighbour at offset 42" in logged
    assert window.status_message.text() == (
        f"Something went wrong: ValueError: no neighbour at offset 42; details in {log}"
    )
    assert capfd.readouterr().err == ""  # the traceback is in the log, not on a console

    assert tag_the_first_word(qtbot, window) == ["claim"]
    assert window.isVisible()


def test_an_exception_in_a_thread_reaches_the_status_bar_through_the_gui_thread(qtbot, window):
    def export_in_the_background():
        raise OSError("the share went away")

    before = window.status_message.text()
    worker = threading.Thread(target=export_in_the_background, name="exporter")
    worker.start()
    worker.join()
    # Not yet: the line is queued for the GUI thread, which has not run its events since.
    assert window.status_message.text() == before
    qtbot.waitUntil(lambda: window.status_message.text().startswith("Something went wrong: "))
    log = crash_log.log_file()
    assert window.status_message.text() == f"Something went wrong: OSError: the share went away; details in {log}"
    logged = log.read_text(encoding="utf-8")
    assert "Unhandled exception in thread exporter" in logged and "in export_in_the_background" in logged


def test_when_the_log_cannot_be_written_the_status_bar_still_says_what_happened(
    qtbot, window, monkeypatch, capfd, log_home
):
    (log_home / "Reader").parent.mkdir(parents=True, exist_ok=True)
    (log_home / "Reader").write_text("a file where the log folder should be", encoding="utf-8")

    def broken_select_neighbour(step):
        raise KeyError("annotation")

    monkeypatch.setattr(ReaderApp.of(window).annotating, "select_neighbour", broken_select_neighbour)
    press(qtbot, Qt.Key.Key_F8)

    log = crash_log.log_file()
    assert window.status_message.text() == (
        f"Something went wrong: KeyError: 'annotation'; it could not be logged in {log}: Not a directory"
    )
    assert capfd.readouterr().err == ""
    assert tag_the_first_word(qtbot, window) == ["claim"]


def test_a_full_log_is_rolled_over_instead_of_growing(qtbot, window, monkeypatch):
    log = crash_log.log_file()
    log.parent.mkdir(parents=True)
    log.write_text("an earlier crash\n" * (crash_log.LOG_BYTES // 17 + 1), encoding="utf-8")
    full = log.read_bytes()

    def broken_select_neighbour(step):
        raise ValueError("once more")

    monkeypatch.setattr(ReaderApp.of(window).annotating, "select_neighbour", broken_select_neighbour)
    press(qtbot, Qt.Key.Key_F8)
    assert log.with_name("reader.log.1").read_bytes() == full
    assert "ValueError: once more" in log.read_text(encoding="utf-8")
    assert log.stat().st_size < 10_000


def test_a_long_message_is_cut_to_one_short_line():
    error = RuntimeError("first line " + "x" * 500 + "\nsecond line")
    line = crash_log.summary(RuntimeError, error)
    assert "\n" not in line and len(line) == crash_log.LONGEST_SUMMARY and line.endswith("…")
    assert crash_log.summary(ValueError, ValueError()) == "ValueError"


# The real app (`python -m reader`, whose run() installs the hook), with a slot that
# raises and a thread that raises; the status bar's last line is printed as it quits.
APP_WITH_A_FAULTY_SLOT = """
import sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from reader.app import application
from reader.cli import main
from reader.ui.main_window import MainWindow

def divide_in_a_thread():
    1 / 0

def faulty_slot():
    threading.Thread(target=divide_in_a_thread, name="worker").start()
    raise ValueError("a slot went wrong")

def print_the_status_bar():
    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    print(window.status_message.text(), flush=True)

app = application()
QTimer.singleShot(0, faulty_slot)
app.aboutToQuit.connect(print_the_status_bar)
sys.exit(main(sys.argv[1:]))
"""


def test_the_app_in_its_own_process_logs_what_its_slots_and_threads_raise_and_goes_on(corpus_db, tmp_path, log_home):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READER_EXIT_AFTER_MS="1000")
    result = subprocess.run(
        [sys.executable, "-c", APP_WITH_A_FAULTY_SLOT, "--db", str(corpus_db)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    log = crash_log.log_file()
    logged = log.read_text(encoding="utf-8")
    assert "in faulty_slot" in logged and "ValueError: a slot went wrong" in logged
    assert "Unhandled exception in thread worker" in logged and "ZeroDivisionError: division by zero" in logged
    status = result.stdout.strip()
    assert status.startswith("Something went wrong: ") and status.endswith(f"; details in {log}")
