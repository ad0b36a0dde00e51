"""``python -m benchmarks [--size small|full] [--runs N]``: run every scenario, print the table."""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.datasets import default_cache_dir

PANE_HIGHLIGHTS_PER_CHAR = 10_000 / 600_000


@dataclass(frozen=True)
class Size:
    pane_chars: tuple[int, int]  # scenario 1 at both; 2 and 3 use the larger
    documents: int
    annotations: int
    memory_probe_annotations: int  # scenario 6's memory is compared with this tenth
    queries: int
    document_copies: int  # scenario 10: copies of each format's test file imported at once


SIZES = {
    "small": Size((6_000, 60_000), 200, 20_000, 2_000, 12, 2),
    "full": Size((60_000, 600_000), 10_000, 1_000_000, 100_000, 30, 100),
}


def _sandbox_qt(work: Path) -> None:
    """Headless Qt run as Reader runs it (serial fills: reader.qt_environment), both sides of
    every in-process row alike, and settings kept away from the user's own (set before Qt is imported)."""
    from reader.qt_environment import configure_qt_environment

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    configure_qt_environment()
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        os.environ[variable] = str(work / variable.lower())


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    memory_kb = next(
        (
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        ),
        0,
    )
    from PySide6 import __version__ as pyside

    return (
        f"{os.cpu_count()} cores ({cpu}), {memory_kb / 1024 / 1024:.0f} GiB RAM, {platform.system()}; "
        f"Python {platform.python_version()}, PySide6 {pyside}, SQLite {sqlite3.sqlite_version}, "
        f"Qt platform {os.environ.get('QT_QPA_PLATFORM')}"
    )


def _reader_pane(size: Size, runs: int, cache: Path, work: Path) -> list:
    from benchmarks import reader_pane

    return reader_pane.run(size.pane_chars, PANE_HIGHLIGHTS_PER_CHAR, work, runs)


def _startup(size: Size, runs: int, cache: Path, work: Path) -> list:
    from benchmarks import startup
    from benchmarks.datasets import annotated_database

    db = annotated_database(cache, size.documents, size.annotations)
    return startup.run(db, size.documents, size.annotations, work, runs)


def _import(size: Size, runs: int, cache: Path, work: Path) -> list:
    from benchmarks import store_io

    return [store_io.import_corpus(cache, work, size.documents, runs)]


def _export(size: Size, runs: int, cache: Path, work: Path) -> list:
    from benchmarks import store_io
    from benchmarks.datasets import annotated_database

    db = annotated_database(cache, size.documents, size.annotations)
    tenth = annotated_database(cache, size.documents, size.memory_probe_annotations)
    return [
        store_io.export_csv(db, work, size.annotations, runs),
        store_io.export_memory(tenth, size.memory_probe_annotations, db, size.annotations, work),
    ]


def _search(size: Size, runs: int, cache: Path, work: Path) -> list:
    from benchmarks import store_io
    from benchmarks.datasets import annotated_database

    db = annotated_database(cache, size.documents, size.annotations)
    return [store_io.search(db, size.documents, size.queries, runs)]


def _check(size: Size, runs: int, cache: Path, work: Path) -> list:
    from benchmarks import store_io
    from benchmarks.datasets import annotated_database

    db = annotated_database(cache, size.documents, size.annotations)
    return [store_io.annotate_after_check(db, work, size.annotations, runs)]


def _relations(size: Size, runs: int, cache: Path, work: Path) -> list:
    from benchmarks import relations

    return relations.run(size.pane_chars[-1], PANE_HIGHLIGHTS_PER_CHAR, work, runs)


def _documents(size: Size, runs: int, cache: Path, work: Path) -> list:
    from benchmarks import documents

    return documents.run(work, size.document_copies, runs)


# Scenario groups in the order they run and print; each returns its table rows.
GROUPS: dict[str, Callable[[Size, int, Path, Path], list]] = {
    "1-3": _reader_pane,
    "4": _startup,
    "5": _import,
    "6": _export,
    "7": _search,
    "8": _check,
    "9": _relations,
    "10": _documents,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--size",
        choices=SIZES,
        default="full",
        help="full: the sizes the targets are set for; small: a quick smoke run (CI)",
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per figure; each figure is their median")
    parser.add_argument(
        "--only",
        default="",
        metavar="GROUPS",
        help="comma-separated scenario groups to run (1-3, 4, 5, 6, 7, 8, 9, 10); default: all",
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=default_cache_dir(),
        help="where generated corpora and databases are kept between runs (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    work = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    _sandbox_qt(work)
    args.cache_dir.mkdir(parents=True, exist_ok=True)
    wanted = set(filter(None, args.only.split(",")))
    rows, failures = [], []
    started = time.perf_counter()
    for name, group in GROUPS.items():
        if wanted and name not in wanted:
            continue
        print(f"running scenario {name} ...", file=sys.stderr, flush=True)
        try:
            rows.extend(group(SIZES[args.size], args.runs, args.cache_dir, work))
        except Exception:  # one broken scenario must not hide the others' figures
            failures.append(name)
            print(f"scenario {name} failed:\n{traceback.format_exc()}", file=sys.stderr, flush=True)

    from benchmarks.measure import table

    print(
        f"Reader benchmarks, size {args.size}, median of {args.runs} runs "
        f"({time.perf_counter() - started:.0f} s in all)"
    )
    print(f"Machine: {machine()}")
    print()
    print(table(rows))
    for name in failures:
        print(f"| {name} | FAILED (see the error above) |")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
