"""The collector is paused while Reader starts and set back once the window has its first
frame (or once the command is known not to be the window): in real processes."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

from reader import gc_pause
from reader.app import run
from reader.cli import parse
from reader.paths import seeds_dir


def python(code: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_importing_reader_pauses_it_and_a_command_sets_it_back(tmp_path):
    normal = python("import gc; print(gc.get_threshold())")
    assert python("import gc, reader.cli; print(gc.get_threshold())") != normal
    stats = f"reader.cli.main(['stats', '--db', {str(tmp_path / 'x.db')!r}])"
    quietly = f"with contextlib.redirect_stdout(io.StringIO()): {stats}"
    assert python(f"import gc, reader.cli, contextlib, io\n{quietly}\nprint(gc.get_threshold())") == normal


def test_the_window_sets_it_back_after_its_first_frame_and_freezes_what_start_up_made(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("READER_EXIT_AFTER_MS", "200")
    gc_pause.pause()
    try:
        assert run(parse([str(seeds_dir()), "--db", str(tmp_path / "p.sqlite")])) == 0
        assert not gc_pause.paused() and gc.get_freeze_count() > 0
    finally:
        gc_pause.resume()
        gc.unfreeze()
