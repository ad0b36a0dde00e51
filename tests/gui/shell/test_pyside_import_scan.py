"""PySide6's question of every module imported after it, "does its source mention PySide6?", is
answered from the file's bytes once the window's modules are imported, with PySide6's own answer
for every module."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import reader.app  # noqa: F401  (the window's modules, imported as the window imports them)


def _question():
    return sys.modules["shibokensupport.feature"]._mod_uses_pyside


def test_the_bytes_give_pyside6s_own_answer_for_every_module_imported():
    ours = _question()
    assert hasattr(ours, "pyside_own")
    modules = [module for name, module in sorted(sys.modules.items()) if module is not None]
    answers = {module.__name__: ours(module) for module in modules}
    assert answers == {module.__name__: ours.pyside_own(module) for module in modules}
    assert answers["reader.ui.main_window"] and not answers["reader.domain.annotations"]


def test_a_fresh_window_process_asks_the_bytes_of_its_modules():
    script = (
        "import json, sys\n"
        "import reader.cli\n"
        "import reader.app\n"
        "feature = sys.modules['shibokensupport.feature']\n"
        "print(json.dumps([hasattr(feature._mod_uses_pyside, 'pyside_own'),\n"
        "    feature.pyside_feature_dict.get('reader.ui.main_window'),\n"
        "    feature.pyside_feature_dict.get('reader.ui.reading.highlight_index')]))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    asks_bytes, main_window, index = json.loads(result.stdout.strip().splitlines()[-1])
    # 0: a module that uses PySide6 (no __feature__ chosen); -1: one that does not
    assert asks_bytes and main_window == 0 and index == -1
