"""Fault: the process is killed (SIGKILL) at a random moment while annotating."""

from __future__ import annotations

import random
import signal
import threading
import time

from reliability_support import integrity, start_helper

from reader.store import Store

ROUNDS = 6


def _kill_at_random(rng: random.Random, *args) -> list[str]:
    """Run the annotating process, SIGKILL it after a random delay, and return every id
    it printed (each printed only once its transaction had committed)."""
    with start_helper(*args) as process:
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
        reader.start()
        deadline = time.monotonic() + 30
        while not lines and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)  # start-up is not the interesting moment: wait for the first commit
        assert lines, f"the annotating process never acknowledged anything: {process.stderr.read()}"
        time.sleep(rng.uniform(0.0, 0.3))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        reader.join(timeout=10)
    assert process.returncode in (-signal.SIGKILL, 0)  # (the window may have reached the end first)
    return [line.rstrip("\n") for line in lines if line.endswith("\n")]


def test_every_acknowledged_annotation_survives_sigkill(corpus_db):
    rng = random.Random(6_2024)
    acknowledged: list[str] = []
    for round_number in range(ROUNDS):
        acknowledged += _kill_at_random(rng, corpus_db, "annotate", "--seed", round_number, "--note-size", 3000)
        check_after_kill(corpus_db, acknowledged, round_number)
    assert len(acknowledged) > ROUNDS


def test_every_annotation_tagged_in_the_window_survives_sigkill(corpus_db, tmp_path):
    """The same, with the real window (reader.app.build) tagging word after word by key presses."""
    rng = random.Random(6_2025)
    acknowledged: list[str] = []
    for round_number in range(3):
        acknowledged += _kill_at_random(rng, corpus_db, "window", tmp_path / f"settings-{round_number}.ini")
        check_after_kill(corpus_db, acknowledged, round_number)
    assert len(acknowledged) > 3


def check_after_kill(db, acknowledged: list[str], round_number: int) -> None:
    assert integrity(db) == ["ok"]
    with Store.open(db, create=False) as store:
        document = store.document(1)
        stored = {a.id: a for a in store.annotations(1)}
        missing = [i for i in acknowledged if i not in stored]
        assert not missing, f"round {round_number}: {len(missing)} acknowledged annotation(s) lost"
        # At most the one in flight when the process died was committed but not yet printed.
        assert len(stored) - len(acknowledged) <= round_number + 1
        assert all(a.text == document.text[a.start : a.end] for a in stored.values())
        assert store.counts()["annotations"] == len(stored) == document_count(store)


def document_count(store: Store) -> int:
    """The per-document count the triggers keep, which must agree with the rows after a crash."""
    return next(s.annotation_count for s in store.documents() if s.id == 1)
