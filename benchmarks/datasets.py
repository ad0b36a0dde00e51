"""Benchmark data on disk: corpus folders and annotated databases, built once and cached.

A cached item is named by everything that shapes it (the generator's version,
a fingerprint of the schema Reader creates, the sizes), and is written under a
temporary name and renamed when complete, so an interrupted build is never
mistaken for a finished one. A database made for an older schema is removed,
with the backups Reader took of it, when its replacement is built.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from benchmarks.data import GENERATOR_VERSION, corpus, spans
from reader.domain.annotations import ACCEPTED, PENDING, REJECTED, Annotation
from reader.domain.corpus import SourceText
from reader.domain.tags import default_tags
from reader.store import Store

CHARS_PER_DOCUMENT = 5_000
_ANNOTATORS = ("anna", "boris", "vera", "gleb")


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "reader-bench"


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)


def corpus_folder(cache: Path, documents: int) -> Path:
    """A folder of ``documents`` UTF-8 .txt files of about 5 KB."""
    folder = cache / f"corpus-g{GENERATOR_VERSION}-{documents}x{CHARS_PER_DOCUMENT}"
    if folder.is_dir():
        return folder
    partial = folder.with_name(folder.name + ".partial")
    _remove(partial)
    partial.mkdir(parents=True)
    for name, text in corpus(documents, CHARS_PER_DOCUMENT):
        (partial / name).write_text(text, encoding="utf-8")
    partial.rename(folder)
    return folder


def _annotations(document_ids: list[int], documents: int, total: int) -> Iterator[Annotation]:
    rng = random.Random(7)
    tags = [tag.name for tag in default_tags()]
    for number, ((_, text), document_id) in enumerate(
        zip(corpus(documents, CHARS_PER_DOCUMENT), document_ids, strict=True)
    ):
        count = total // documents + (1 if number < total % documents else 0)
        for start, end in spans(text, count, seed=number):
            yield Annotation(
                document_id=document_id,
                start=start,
                end=end,
                text=text[start:end],
                tag=rng.choice(tags),
                note="проверить" if rng.random() < 0.1 else "",
                annotator=rng.choice(_ANNOTATORS),
                status=rng.choices((PENDING, ACCEPTED, REJECTED), (6, 3, 1))[0],
            )


@cache
def schema_fingerprint() -> str:
    """A short hash of the tables, indexes and triggers a new Reader database gets."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "empty.sqlite"
        Store.open(path).close()
        connection = sqlite3.connect(path)
        definitions = connection.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        fingerprint = hashlib.sha256("\n".join(row[0] for row in definitions).encode()).hexdigest()[:10]
        connection.close()
    return fingerprint


def _remove_stale(cache: Path, pattern: str, keep: Path) -> None:
    for stale in cache.glob(pattern):
        if stale != keep and stale.suffix == ".sqlite":
            _remove(stale)
            for backup in (cache / "backups").glob(f"*{stale.name}.*"):
                backup.unlink(missing_ok=True)


def annotated_database(cache: Path, documents: int, annotations: int) -> Path:
    """A Reader database of ``documents`` documents and ``annotations`` annotations spread evenly,
    a quarter of each document's overlapping others. Built through the Store, as Reader would."""
    shape = f"{documents}x{CHARS_PER_DOCUMENT}-{annotations}"
    path = cache / f"db-g{GENERATOR_VERSION}-{schema_fingerprint()}-{shape}.sqlite"
    if path.exists():
        return path
    _remove_stale(cache, f"db-*-{shape}.sqlite", path)
    partial = path.with_name(path.name + ".partial")
    _remove(partial)
    cache.mkdir(parents=True, exist_ok=True)
    with Store.open(partial) as store:
        with store.transaction():
            ids = [
                store.import_source(SourceText(name, f"/corpus/{name}", text, "utf-8")).document_id
                for name, text in corpus(documents, CHARS_PER_DOCUMENT)
            ]
        store.add_annotations_bulk(_annotations(ids, documents, annotations))
    partial.rename(path)
    return path


def fresh_database(folder: Path, name: str = "fresh.sqlite") -> Path:
    """An empty Reader database (schema only) at ``folder/name``, replacing any there."""
    path = folder / name
    _remove(path)
    Store.open(path).close()
    return path


def remove_database(path: Path) -> None:
    _remove(path)


def take_opening_backup(db: Path) -> None:
    """Let Reader take the copy it makes when it opens a changed database, untimed,
    so that timed runs measure an ordinary open."""
    Store.open(db, backup=True).close()


def mark_changed(db: Path) -> None:
    """Make ``db`` look changed since its last backup, as after a day's annotating."""
    os.utime(db)


def remove_backups(db: Path) -> None:
    for backup in (db.parent / "backups").glob(f"*{db.name}.*"):
        backup.unlink(missing_ok=True)
