"""The soak (tests/soak.py) at CI size: seven rounds, one of each scenario, each killing a
real command-line or window process with SIGKILL and checking every file afterwards.
The full run (``make soak``, 120 rounds) and its table are in docs/reliability.md."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

TOTALS = re.compile(
    r"^rounds ([\d,]+), acknowledged writes ([\d,]+), lost ([\d,]+), "
    r"integrity failures ([\d,]+), other failures ([\d,]+)$",
    re.MULTILINE,
)


def test_a_few_soak_rounds_lose_nothing_and_leave_sound_files():
    result = subprocess.run(
        [sys.executable, "-m", "tests.soak", "--rounds", "7"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
        env=dict(os.environ),
        check=False,
    )
    report = f"{result.stdout[-8000:]}\n{result.stderr[-4000:]}"
    print(result.stdout)  # the table, in pytest's report of captured output
    totals = TOTALS.search(result.stdout)
    assert totals, f"the soak printed no totals line:\n{report}"
    rounds, acknowledged, lost, integrity_failures, other_failures = (
        int(group.replace(",", "")) for group in totals.groups()
    )
    assert rounds == 7
    assert acknowledged > 0, report
    assert lost == 0, report
    assert integrity_failures == 0 and other_failures == 0, report
    assert result.returncode == 0, report
