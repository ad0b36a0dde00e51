"""Fixtures for driving the command line, in this process or as a real one."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.cli import main
from reader.domain.annotations import Annotation
from reader.store import Store


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


@pytest.fixture
def cli():
    """``cli("stats", "--db", path)`` runs the command line in this process."""

    def run(*args) -> Outcome:
        out, err = io.StringIO(), io.StringIO()
        code = main([str(a) for a in args], out, err)
        return Outcome(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def reader_process(tmp_path: Path):
    """``reader_process("import", ...)`` runs ``python -m reader`` as a real process (cwd: tmp_path)."""

    def run(*args, text: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "reader", *map(str, args)], cwd=tmp_path, capture_output=True, text=text, timeout=60
        )

    return run


def _annotate(
    store: Store, document_name: str, quote: str, tag: str = "claim", occurrence: int = 0, **fields
) -> Annotation:
    document = store.find_document(document_name)
    start = -1
    for _ in range(occurrence + 1):
        start = document.text.index(quote, start + 1)
    return store.add_annotation(
        Annotation(document_id=document.id, start=start, end=start + len(quote), text=quote, tag=tag, **fields)
    )


@pytest.fixture
def annotate():
    """``annotate(store, "doc.txt", "quoted words", tag, occurrence=0, **fields)`` adds an
    annotation where the quote stands (its ``occurrence``-th place) in the named document."""
    return _annotate
