"""``python -m benchmarks --size small`` runs every scenario and prints a row for each.

A smoke test: the figures are printed, never judged (a shared CI machine is too noisy).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import SCENARIOS

REPO = Path(__file__).resolve().parent.parent
FIGURE = re.compile(r"^[\d,.]+ (ms|MB)")

pytestmark = pytest.mark.slow


def test_the_small_suite_prints_every_scenario(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--size", "small", "--cache-dir", str(tmp_path / "cache")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    assert "Machine: " in result.stdout
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in result.stdout.splitlines()
        if line.startswith("| ")
    ][1:]  # without the header
    printed = {re.match(r"\d+", row[0]).group() for row in rows}
    assert printed == set(SCENARIOS)
    for row in rows:
        _, _, _, reader, baseline, ratio, _, met = row
        assert FIGURE.match(reader) and FIGURE.match(baseline), row
        assert re.fullmatch(r"[\d,]+\.\d\d×", ratio) and met in ("yes", "**NO**"), row
