"""What the reliability tests share: a text offsets drift on, helper processes, checks."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from reader.domain.corpus import normalize_newlines

HERE = Path(__file__).resolve().parent
ANNOTATING_PROCESS = HERE / "annotating_process.py"

# Cyrillic, emoji outside the BMP, a ZWJ sequence and CRLF: the text offsets most often drift on.
MIXED_TEXT = (
    normalize_newlines(
        "Заявление 📢 министра: «рост будет».\r\n"
        "The minister 👩🏽‍💼 claimed growth on 12 May 2024.\r\n"
        "Ещё одна строка, и ещё одна. 🎉 Конец.\n"
    )
    * 20
)


def start_helper(*args, **popen) -> subprocess.Popen:
    """annotating_process.py in its own Python; it prints one line per acknowledged step."""
    return subprocess.Popen(
        [sys.executable, str(ANNOTATING_PROCESS), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
        **popen,
    )


def run_cli(*args, timeout: float = 60) -> subprocess.CompletedProcess:
    """The installed command line in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=dict(os.environ),
    )


def annotation_ids(path: Path) -> set[str]:
    """The id of every annotation in the database at ``path``, read without writing to it."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in connection.execute("SELECT id FROM annotations")}
    finally:
        connection.close()


def fill_with_annotations(db: Path, note_size: int) -> None:
    """750 annotations of document 1 (MIXED_TEXT) with long notes: a database of many pages."""
    from reader.domain.annotations import Annotation
    from reader.store import Store

    with Store.open(db) as store:
        store.add_annotations(
            Annotation(document_id=1, start=i, end=i + 7, text=MIXED_TEXT[i : i + 7], tag="actor", note="n" * note_size)
            for i in range(0, 1500, 2)
        )


def integrity(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def cli(*args) -> tuple[int, str, str]:
    """The command line in this process: (exit code, standard output, standard error)."""
    import io

    from reader.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()
