"""Fault: two windows (two processes) write to the same database at the same time."""

from __future__ import annotations

import time
from itertools import pairwise

from reliability_support import integrity, start_helper

from reader.store import Store

EACH = 400


def test_two_processes_writing_the_same_database_keep_all_their_writes(corpus_db):
    start_at = time.time() + 1.5  # both started up, then both write
    processes = [
        start_helper(
            corpus_db, "annotate", "--count", EACH, "--seed", seed, "--note-size", 2000, "--start-at", start_at
        )
        for seed in (1, 2)
    ]
    printed = []
    for process in processes:
        with process:
            out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        printed.append(out.split())

    assert [len(ids) for ids in printed] == [EACH, EACH]
    assert integrity(corpus_db) == ["ok"]
    with Store.open(corpus_db) as store:
        stored = {a.id: a for a in store.annotations(1)}
        assert set(stored) == set(printed[0]) | set(printed[1])
        by_process = {seed: sum(a.annotator == f"process-{seed}" for a in stored.values()) for seed in (1, 2)}
        assert by_process == {1: EACH, 2: EACH}
        assert store.documents()[0].annotation_count == 2 * EACH
        writers = [a.annotator for a in sorted(stored.values(), key=lambda a: a.created_at)]
    turns = sum(1 for a, b in pairwise(writers) if a != b)
    # Two turns or more: one process wrote both before and after the other did.
    assert turns >= 2, "the two processes did not write at the same time"
