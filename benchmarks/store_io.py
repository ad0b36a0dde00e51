"""Scenarios 5-7: importing a corpus, exporting every annotation, searching the corpus.

Each baseline is the same work done with nothing but ``sqlite3`` and ``csv`` on
the same schema and the same rows, so the ratio is Reader's own overhead.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
from pathlib import Path

from benchmarks.data import TextGenerator
from benchmarks.datasets import (
    corpus_folder,
    fresh_database,
    remove_backups,
    remove_database,
    take_opening_backup,
)
from benchmarks.measure import Row, median_ms, paired_ms
from reader.cli import main as reader_main
from reader.domain.annotations import utc_now
from reader.domain.corpus import sha256_of, title_of
from reader.store import Store

IMPORT_RATIO, EXPORT_RATIO, SEARCH_MS, FLAT_MEMORY_RATIO = 2.0, 1.5, 50.0, 1.25
_DOCUMENT_COLUMNS = ("name", "source_path", "sha256", "text", "title", "length", "imported_at")
# The same columns as Reader's export, its documents' sources (issue 16) among them.
_EXPORT_SELECT = """
    SELECT a.id, d.name, d.sha256, a.start, a."end", a.text, a.tag, a.note, a.annotator, a.status,
           a.reviewer, a.review_note, a.created_at, a.updated_at, s.source_type, b.page, b.paragraph,
           s.published, s.url
    FROM annotations a JOIN documents d ON d.id = a.document_id
    LEFT JOIN document_sources s ON s.document_id = a.document_id
    LEFT JOIN document_blocks b ON b.document_id = a.document_id AND b.start = (
        SELECT max(start) FROM document_blocks WHERE document_id = a.document_id AND start <= a.start
    )
    ORDER BY d.name, a.start, a."end", a.id
"""
_SEARCH = """
    SELECT documents.id, documents.name, documents.title, snippet(documents_fts, 1, '[', ']', '…', 12)
    FROM documents_fts JOIN documents ON documents.id = documents_fts.rowid
    WHERE documents_fts MATCH ? ORDER BY rank LIMIT 200
"""
_EXPORT_HEADER = (
    "annotation_id",
    "document",
    "document_sha256",
    "start",
    "end",
    "text",
    "tag",
    "note",
    "annotator",
    "status",
    "reviewer",
    "review_note",
    "created_at",
    "updated_at",
    *("source_type", "source_page", "source_paragraph", "source_date", "source_url"),
)


def _run_reader(*argv: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = reader_main(list(argv), out=out, err=err)
    if code != 0:
        raise RuntimeError(f"reader {' '.join(argv)} exited {code}: {err.getvalue().strip()[:200]}")


def import_corpus(cache: Path, work: Path, documents: int, runs: int) -> Row:
    """5: ``reader import FOLDER --db FILE`` against executemany of the same rows in one transaction."""
    folder = corpus_folder(cache, documents)
    files = sorted(folder.iterdir())
    rows = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        rows.append((path.name, str(path), sha256_of(text), text, title_of(text), len(text), utc_now()))

    def executemany(db: Path) -> None:
        connection = sqlite3.connect(db, isolation_level=None)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("BEGIN")
        connection.executemany(
            f"INSERT INTO documents ({', '.join(_DOCUMENT_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)", rows
        )
        connection.execute("COMMIT")
        connection.close()

    reader_ms, baseline_ms = paired_ms(
        lambda db: _run_reader("import", str(folder), "--db", str(db)),
        executemany,
        runs,
        prepare=lambda side: fresh_database(work, "import.sqlite"),
        cleanup=remove_database,
    )
    return Row(
        "5",
        f"import {documents:,} documents (`reader import`)",
        f"{documents:,} × 5 KB",
        reader_ms,
        baseline_ms,
        "sqlite3 executemany",
        "ms",
        f"≤ {IMPORT_RATIO:g}× baseline",
        reader_ms <= IMPORT_RATIO * baseline_ms,
    )


def export_csv(db: Path, work: Path, annotations: int, runs: int) -> Row:
    """6: ``reader export`` (spreadsheet CSV) against csv.writer over one plain SELECT."""
    out = work / "export.csv"

    def plain_csv(_) -> None:
        connection = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
        with out.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(_EXPORT_HEADER)
            writer.writerows(connection.execute(_EXPORT_SELECT))
        connection.close()

    take_opening_backup(db)
    try:
        reader_ms, baseline_ms = paired_ms(
            lambda _: _run_reader("export", "--db", str(db), "-o", str(out)), plain_csv, runs
        )
    finally:
        remove_backups(db)
        out.unlink(missing_ok=True)
    return Row(
        "6",
        f"export {annotations:,} annotations to CSV",
        f"{annotations:,} annotations",
        reader_ms,
        baseline_ms,
        "csv module over one SELECT",
        "ms",
        f"≤ {EXPORT_RATIO:g}× baseline",
        reader_ms <= EXPORT_RATIO * baseline_ms,
    )


_EXPORT_CHILD = """
import sys
from reader.cli import main
code = main(["export", "--db", sys.argv[1], "-o", sys.argv[2]])
status = open("/proc/self/status").read()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")), flush=True)
sys.exit(code)
"""


def _export_peak_mb(db: Path, out: Path) -> float:
    result = subprocess.run(
        [sys.executable, "-c", _EXPORT_CHILD, str(db), str(out)], capture_output=True, text=True, timeout=1800
    )
    out.unlink(missing_ok=True)
    if result.returncode != 0:
        raise RuntimeError(f"export subprocess failed: {result.stderr.strip()[-300:]}")
    return int(result.stdout.split()[-1]) / 1024


def export_memory(small_db: Path, small: int, large_db: Path, large: int, work: Path) -> Row:
    """6m: peak resident memory of a whole ``reader export`` process at 10× the rows."""
    out = work / "export-memory.csv"
    try:
        for db in (small_db, large_db):
            take_opening_backup(db)
        small_mb, large_mb = _export_peak_mb(small_db, out), _export_peak_mb(large_db, out)
    finally:
        for db in (small_db, large_db):
            remove_backups(db)
    return Row(
        "6m",
        f"export memory: peak RSS at {large:,} vs {small:,} rows",
        f"{large // small}× the rows",
        large_mb,
        small_mb,
        f"same at {small:,}",
        "MB",
        f"flat (≤ {FLAT_MEMORY_RATIO:g}×)",
        large_mb <= FLAT_MEMORY_RATIO * small_mb,
    )


def _queries(count: int) -> list[str]:
    words = TextGenerator(1).query_words(count)
    queries = []
    for i, word in enumerate(words):
        if i % 3 == 1:
            queries.append(f"{word} {words[(i + 7) % len(words)]}")  # two words, both must appear
        elif i % 3 == 2:
            queries.append(word[: max(2, len(word) // 2)])  # a prefix, as typed so far
        else:
            queries.append(word)
    return queries


def search(db: Path, documents: int, queries: int, runs: int) -> Row:
    """7: Store.search against the same FTS5 query (with snippets) run through bare sqlite3."""
    words = _queries(queries)
    store = Store.open(db, read_only=True)
    connection = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    reader_samples, baseline_samples = [], []
    try:
        for query in words:
            fts = " ".join(f'"{w}"' for w in query.split()) + "*"
            reader_ms, baseline_ms = paired_ms(
                lambda _, query=query: store.search(query),
                lambda _, fts=fts: connection.execute(_SEARCH, [fts]).fetchall(),
                runs,
            )
            reader_samples.append(reader_ms / 1000)
            baseline_samples.append(baseline_ms / 1000)
    finally:
        store.close()
        connection.close()
    reader_ms, baseline_ms = median_ms(reader_samples), median_ms(baseline_samples)
    return Row(
        "7",
        f"corpus search, median of {len(words)} queries",
        f"{documents:,} documents",
        reader_ms,
        baseline_ms,
        "same FTS5 query in bare sqlite3",
        "ms",
        f"≤ {SEARCH_MS:g} ms",
        reader_ms <= SEARCH_MS,
    )


CHECK_RATIO = 1.2


def annotate_after_check(db: Path, work: Path, annotations: int, runs: int) -> Row:
    """8: ``reader annotate`` of one row, which checks the whole file first (a damaged file is
    never written), against SQLite's ``PRAGMA quick_check`` of the same file alone."""
    copy = work / "check.sqlite"
    with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # the cached database is never written
    try:

        def quick_check(_) -> None:
            connection = sqlite3.connect(copy)
            connection.execute("PRAGMA quick_check(3)").fetchall()
            connection.close()

        reader_ms, baseline_ms = paired_ms(
            lambda _: _run_reader(
                "annotate", "--db", str(copy), "--doc", "1", "--start", "0", "--end", "5", "--tag", "claim"
            ),
            quick_check,
            runs,
        )
    finally:
        remove_database(copy)
    return Row(
        "8",
        "annotate one row from the command line, the whole file checked first",
        f"{annotations:,} annotations",
        reader_ms,
        baseline_ms,
        "PRAGMA quick_check alone",
        "ms",
        f"≤ {CHECK_RATIO:g}× baseline",
        reader_ms <= CHECK_RATIO * baseline_ms,
    )
