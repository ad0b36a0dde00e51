"""Timing, memory and the result table: every figure is a median, beside its baseline."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Row:
    """One line of the table: Reader's figure, the baseline's, and the target they answer."""

    id: str
    what: str
    size: str
    reader: float
    baseline: float
    baseline_name: str
    unit: str
    target: str
    met: bool

    @property
    def ratio(self) -> float:
        return self.reader / self.baseline if self.baseline else float("inf")


def _seconds(action: Callable[[T], object], argument: T) -> float:
    started = time.perf_counter()
    action(argument)
    return time.perf_counter() - started


def paired_ms(
    reader: Callable[[T], object],
    baseline: Callable[[T], object],
    runs: int,
    prepare: Callable[[str], T] = lambda side: None,
    cleanup: Callable[[T], object] = lambda _: None,
) -> tuple[float, float]:
    """Median milliseconds of ``reader`` and of ``baseline``, run alternately.

    Alternating (and swapping which goes first each round) spreads the machine's
    noise over both sides evenly, so their ratio stays fair. ``prepare(side)``
    (side: "reader" or "baseline") makes a fresh argument for every single run,
    untimed; ``cleanup`` disposes of it.
    """
    samples: dict[str, list[float]] = {"reader": [], "baseline": []}
    sides = [("reader", reader), ("baseline", baseline)]
    for round_ in range(runs):
        for name, action in sides if round_ % 2 == 0 else sides[::-1]:
            argument = prepare(name)
            try:
                samples[name].append(_seconds(action, argument))
            finally:
                cleanup(argument)
    return statistics.median(samples["reader"]) * 1000, statistics.median(samples["baseline"]) * 1000


def median_ms(samples_seconds: list[float]) -> float:
    return statistics.median(samples_seconds) * 1000


def _number(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:,.0f} MB"
    digits = 2 if value < 10 else 1 if value < 100 else 0
    return f"{value:,.{digits}f} ms"


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table, to print and to paste into docs/performance.md."""
    header = ("#", "scenario", "size", "Reader", "baseline", "ratio", "target", "met")
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        cells = (
            row.id,
            row.what,
            row.size,
            _number(row.reader, row.unit),
            f"{_number(row.baseline, row.unit)} ({row.baseline_name})",
            f"{row.ratio:.2f}×",
            row.target,
            "yes" if row.met else "**NO**",
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
