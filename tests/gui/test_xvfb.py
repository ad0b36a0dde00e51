"""The real thing: ``python -m reader`` under a real X server (Xvfb), driven by
xdotool's synthetic key presses, closed with Ctrl+Q; the annotation it made is
in the database afterwards."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.store import Store

pytestmark = [pytest.mark.xvfb, pytest.mark.slow]
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MISSING = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]


@pytest.fixture
def display():
    if MISSING:
        pytest.skip(f"{' and '.join(MISSING)} not installed (scripts/test-deps.sh installs them)")
    read_end, write_end = os.pipe()
    # -displayfd: Xvfb picks a free display number itself and writes it to us.
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=[write_end],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 20)
        assert ready, "Xvfb did not start within 20 s"
        number = os.read(read_end, 64).decode().strip()
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=10)


def xdotool(display: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["xdotool", *args], env=dict(os.environ, DISPLAY=display), capture_output=True, text=True, timeout=20
    )


def wait_for_window(display: str, app: subprocess.Popen, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert app.poll() is None, f"reader exited early: {app.communicate()[1]}"
        found = xdotool(display, "search", "--onlyvisible", "--name", "^Reader")
        if found.returncode == 0 and found.stdout.strip():
            return found.stdout.split()[0]
        time.sleep(0.2)
    raise AssertionError("the Reader window did not appear")


def test_the_window_shows_on_a_real_x_server_and_takes_key_presses(display, tmp_path):
    db = tmp_path / "project.sqlite"
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    app = subprocess.Popen(
        [sys.executable, "-m", "reader", str(SEEDS), "--db", str(db)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        window = wait_for_window(display, app)
        geometry = xdotool(display, "getwindowgeometry", window).stdout
        assert "Geometry:" in geometry
        assert xdotool(display, "windowfocus", "--sync", window).returncode == 0
        time.sleep(0.5)  # the first document opens with the focus in the text, caret at its start
        assert xdotool(display, "key", "--delay", "60", "ctrl+Home", "ctrl+shift+Right", "1").returncode == 0
        with Store.open(db, create=False) as store:
            deadline = time.monotonic() + 10
            while not store.counts()["annotations"] and time.monotonic() < deadline:
                time.sleep(0.1)
        assert xdotool(display, "key", "ctrl+q").returncode == 0
        _, errors = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, errors
    with Store.open(db, create=False) as store:
        rows = list(store.export_rows())
        assert len(rows) == 1, errors
        (row,) = rows
        document = store.find_document(row["document"])
    first_word = document.text.split()[0]
    assert (row["start"], row["end"], row["tag"]) == (0, len(first_word), "claim")
    assert row["text"] == document.text[row["start"] : row["end"]] == first_word
