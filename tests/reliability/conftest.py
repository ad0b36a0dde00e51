"""Real databases on disk for the reliability tests."""

from __future__ import annotations

import sys
from pathlib import Path

# The window helpers of the GUI tests (windowkit), for the faults met in the window.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "gui"))

import pytest
from reliability_support import MIXED_TEXT

from reader.domain.corpus import SourceText
from reader.store import Store


@pytest.fixture
def corpus_db(tmp_path: Path) -> Path:
    """A closed Reader database holding one document, MIXED_TEXT, named mixed.txt (id 1)."""
    path = tmp_path / "corpus.sqlite"
    with Store.open(path) as store:
        store.import_source(SourceText("mixed.txt", "", MIXED_TEXT, "utf-8"))
    return path
