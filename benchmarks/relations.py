"""Scenario 9 (issue 14): relations at scale, in Reader's own window.

One document with the reader pane's text and highlights (10,000 in 600,000 characters,
a quarter overlapping) tagged claim, actor and date, and half as many relations as
annotations: claims linked to their nearest actor (said_by) and date (dated), written
through the Store. A copy of the database made before the relations were added is the
baseline of the open.

9a. Open the document until painted, against the same database without relations.
9b. Select a linked claim with F8 (from the annotation before it) until painted, its
    links drawn, against selecting an annotation with no links the same way.
9c. Ctrl+K on a linked claim (the candidates over every annotation of the document)
    until painted, and one Tab, each against a repaint with nothing changed.
9d. PageDown with a linked claim selected, against the same with nothing selected.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import time
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.data import TextGenerator
from benchmarks.datasets import remove_database
from benchmarks.measure import Row, paired_ms
from benchmarks.reader_pane import (
    FRAME_MS,
    OPEN_RATIO,
    dispose,
    highlighted_document,
    page_downs,
    paint_after,
    show_reader_window,
)
from reader.domain.annotations import ACCEPTED, PENDING, REJECTED, Annotation
from reader.domain.corpus import SourceText
from reader.domain.linking import gap
from reader.domain.relations import DATED, SAID_BY, Relation
from reader.store import Store

if TYPE_CHECKING:
    from reader.app import ReaderApp
    from reader.ui.main_window import MainWindow

RELATIONS_PER_ANNOTATION = 0.5
PRESSES_PER_RUN = 4
SETTLE_MS = 60  # after a frame, for the timers that follow it (the span index, the list's paint)
_ENDS = {SAID_BY: "actor", DATED: "date"}


@dataclass(frozen=True)
class Databases:
    linked: Path
    unlinked: Path  # the same, before the relations were added
    long_id: int
    short_id: int  # a short document to open between two opens of the long one
    annotations: int
    relations: int
    store_ms: float  # Store.add_relations of every relation


def _nearest(claim: Annotation, ends: list[Annotation], starts: list[int]) -> Annotation:
    at = bisect_left(starts, claim.start)
    return min(ends[max(0, at - 2) : at + 2], key=lambda other: gap(claim, other))


def link_claims(annotations: list[Annotation], count: int, seed: int = 11) -> list[Relation]:
    """``count`` relations, each from a claim to its nearest actor (said_by) or date (dated),
    spread evenly over the text: a claim has none, one or both. Rejected spans are not linked."""
    rng = random.Random(seed)
    kept = [a for a in annotations if a.status != REJECTED]
    ends = {kind: [a for a in kept if a.tag == tag] for kind, tag in _ENDS.items()}
    starts = {kind: [a.start for a in found] for kind, found in ends.items()}
    pairs = [(claim, kind) for claim in kept if claim.tag == "claim" for kind in _ENDS]
    if len(pairs) < count:
        raise ValueError(f"{count} relations do not fit {len(pairs)} claim-end pairs")
    chosen = sorted(rng.sample(range(len(pairs)), count))
    return [
        Relation(
            kind,
            claim.id,
            _nearest(claim, ends[kind], starts[kind]).id,
            annotator="anna",
            status=rng.choices((PENDING, ACCEPTED, REJECTED), (6, 3, 1))[0],
        )
        for claim, kind in (pairs[i] for i in chosen)
    ]


def build_databases(work: Path, chars: int, density: float) -> Databases:
    """The long document's two databases in ``work`` (quick to make: no cache needed)."""
    text, highlights = highlighted_document(chars, density)
    unlinked, linked = work / "relations-none.sqlite", work / "relations.sqlite"
    for path in (unlinked, linked):
        remove_database(path)
    with Store.open(unlinked) as store:
        long_id = store.import_source(SourceText("long.txt", "", text, "utf-8")).document_id
        short = TextGenerator(seed=6).text(2_000)
        short_id = store.import_source(SourceText("short.txt", "", short, "utf-8")).document_id
        annotations = [replace(a, document_id=long_id) for a in highlights]
        store.add_annotations_bulk(annotations)
    _copy(unlinked, linked)
    relations = link_claims(annotations, round(len(annotations) * RELATIONS_PER_ANNOTATION))
    with Store.open(linked) as store:
        started = time.perf_counter()
        store.add_relations(relations)
        store_ms = (time.perf_counter() - started) * 1000
    return Databases(linked, unlinked, long_id, short_id, len(annotations), len(relations), store_ms)


def _copy(source: Path, target: Path) -> None:
    origin, copy = sqlite3.connect(source), sqlite3.connect(target)
    try:
        origin.backup(copy)
    finally:
        origin.close()
        copy.close()


class _Window:
    """Reader's window on one database, with the parts the scenarios drive."""

    def __init__(self, db: Path, settings: Path):
        from reader.app import ReaderApp

        self.window: MainWindow = show_reader_window(db, settings)
        self.app: ReaderApp = ReaderApp.of(self.window)
        self.view = self.window.reader
        QTest.qWait(SETTLE_MS)

    def open(self, document_id: int) -> None:
        """Open the document and wait until the reader pane has painted it (if not open already)."""
        shown = self.app.session.document
        if shown is not None and shown.id == document_id:
            return
        paint_after(self.view.viewport(), lambda: self.app.reading.open_document(document_id))

    def show(self, annotation: Annotation | None, at: Annotation) -> None:
        """``at`` near the top of the screen, ``annotation`` selected (None: nothing), all painted."""
        self.window.activateWindow()
        self.view.select_annotation(None)
        self.view.scroll_to_code_point(max(0, at.start - 200))
        self.view.set_caret_code_point(at.start, visible=False)
        self.view.select_annotation(annotation.id if annotation else None, scroll=False)
        self.view.setFocus()
        QTest.qWait(SETTLE_MS)
        self.view.viewport().repaint()

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> float:
        """Seconds for ``key`` pressed in the reader pane until the pane is repainted."""
        started = time.perf_counter()
        QTest.keyClick(self.view, key, modifier)
        self.view.viewport().repaint()
        return time.perf_counter() - started

    def repaint(self) -> float:
        started = time.perf_counter()
        self.view.viewport().repaint()
        return time.perf_counter() - started

    def close(self) -> None:
        self.window.close()
        dispose(self.window)


def _size(dbs: Databases, chars: int) -> str:
    return f"{chars:,} chars, {dbs.annotations:,} annotations, {dbs.relations:,} relations"


def open_document(dbs: Databases, linked: _Window, unlinked: _Window, chars: int, runs: int) -> Row:
    windows = {"reader": linked, "baseline": unlinked}

    def prepare(side: str) -> _Window:
        windows[side].window.activateWindow()
        windows[side].open(dbs.short_id)
        QTest.qWait(SETTLE_MS)
        return windows[side]

    def open_long(window: _Window) -> None:
        window.open(dbs.long_id)

    reader_ms, baseline_ms = paired_ms(open_long, open_long, runs, prepare=prepare)
    return Row(
        "9a",
        "open the document (as the documents list does), until painted, with its relations",
        _size(dbs, chars),
        reader_ms,
        baseline_ms,
        "same database without relations",
        "ms",
        f"≤ {OPEN_RATIO:g}× baseline",
        reader_ms <= OPEN_RATIO * baseline_ms,
    )


def _spread(annotations: list[Annotation], count: int) -> list[Annotation]:
    """``count`` of ``annotations`` evenly spread over them (in text order), not the very first."""
    step = len(annotations) / (count + 1)
    return [annotations[int((n + 1) * step)] for n in range(count)]


def _claims(window: _Window, dbs: Databases) -> tuple[list[Annotation], list[Annotation]]:
    """The shown document's claims linked to both an actor and a date, and those with no link."""
    with Store.open(dbs.linked, create=False, read_only=True) as store:
        relations = store.document_relations(dbs.long_id)
    links = Counter(r.source_id for r in relations)
    touched = links.keys() | {r.target_id for r in relations}
    claims = [a for a in window.app.annotating.panel.visible_annotations() if a.tag == "claim"]
    return [a for a in claims if links[a.id] == 2], [a for a in claims if a.id not in touched]


def select_by_key(window: _Window, linked: list[Annotation], unlinked: list[Annotation], size: str, runs: int) -> Row:
    """F8 from the annotation before the target (F8 walks the annotations in text order)."""
    order = window.app.annotating.panel.visible_annotations()
    place = {a.id: n for n, a in enumerate(order)}
    targets = {"reader": list(linked), "baseline": list(unlinked)}

    def prepare(side: str) -> tuple[str, Annotation]:
        target = targets[side].pop()
        window.show(order[place[target.id] - 1], at=target)
        return side, target

    def press_f8(argument: tuple[str, Annotation]) -> None:
        window.press(Qt.Key.Key_F8)

    def check(argument: tuple[str, Annotation]) -> None:
        side, target = argument
        if window.view.selected_annotation_id() != target.id:
            raise RuntimeError(f"F8 did not select the {target.tag} at {target.start}")
        if (side == "reader") != bool(window.app.linking.links):
            raise RuntimeError(f"the {target.tag} at {target.start} was selected with the wrong links")

    reader_ms, baseline_ms = paired_ms(press_f8, press_f8, runs, prepare=prepare, cleanup=check)
    return Row(
        "9b",
        "select a claim linked to an actor and a date (F8), until painted with its links",
        size,
        reader_ms,
        baseline_ms,
        "same for a claim with no links",
        "ms",
        f"≤ {FRAME_MS:g} ms",
        reader_ms <= FRAME_MS,
    )


def _frame_row(row_id: str, what: str, size: str, samples: list[float], baseline: list[float], name: str) -> Row:
    ms, baseline_ms = statistics.median(samples) * 1000, statistics.median(baseline) * 1000
    return Row(row_id, what, size, ms, baseline_ms, name, "ms", f"≤ {FRAME_MS:g} ms", ms <= FRAME_MS)


def start_linking(window: _Window, claims: list[Annotation], annotations: int, size: str) -> list[Row]:
    """Ctrl+K on each claim, then Tab, then Esc (untimed); each against a repaint."""
    started, stepped, repainted = [], [], []
    for claim in claims:
        window.show(claim, at=claim)
        repainted.append(window.repaint())
        started.append(window.press(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier))
        mode = window.app.linking.mode
        if mode is None or not mode.shown:
            raise RuntimeError(f"Ctrl+K did not start linking the claim at {claim.start}")
        stepped.append(window.press(Qt.Key.Key_Tab))
        if mode.position != 1:
            raise RuntimeError("Tab did not move to the second candidate")
        QTest.keyClick(window.view, Qt.Key.Key_Escape)
        QApplication.processEvents()
    what = f"Ctrl+K on a linked claim (its candidates among {annotations:,} annotations), until painted"
    return [
        _frame_row("9c", what, size, started, repainted, "repaint, no change"),
        _frame_row(
            "9ct",
            "Tab to the next candidate while linking, until painted",
            size,
            stepped,
            repainted,
            "repaint, no change",
        ),
    ]


def scroll_selected(window: _Window, claims: list[Annotation], size: str) -> Row:
    """PAGES_PER_RUN PageDowns from each claim, with it selected and with nothing selected."""
    selected: list[float] = []
    nothing: list[float] = []
    for run, claim in enumerate(claims):
        sides: list[tuple[Annotation | None, list[float]]] = [(claim, selected), (None, nothing)]
        for chosen, samples in sides[:: 1 if run % 2 == 0 else -1]:
            window.show(chosen, at=claim)
            samples.extend(page_downs(window.view))
            if window.view.selected_annotation_id() != (chosen.id if chosen else None):
                raise RuntimeError("PageDown changed the selected annotation")
    what = "scroll one page (PageDown + repaint) with a linked claim selected"
    return _frame_row("9d", what, size, selected, nothing, "same with nothing selected")


def run(chars: int, density: float, work: Path, runs: int) -> list[Row]:
    dbs = build_databases(work, chars, density)
    print(
        f"  scenario 9: Store.add_relations stored {dbs.relations:,} relations in {dbs.store_ms:,.0f} ms "
        f"({dbs.store_ms * 1000 / dbs.relations:.0f} µs each)",
        file=sys.stderr,
        flush=True,
    )
    size = _size(dbs, chars)
    unlinked = _Window(dbs.unlinked, work / "relations-none-settings.ini")
    linked = _Window(dbs.linked, work / "relations-settings.ini")
    rows = [open_document(dbs, linked, unlinked, chars, runs)]
    unlinked.close()
    try:
        twice, none = _claims(linked, dbs)
        presses = runs * PRESSES_PER_RUN
        rows.append(select_by_key(linked, _spread(twice, presses), _spread(none, presses), size, presses))
        rows.extend(start_linking(linked, _spread(twice, presses), dbs.annotations, size))
        pages = [c for c in twice if c.start < chars * 0.9]
        rows.append(scroll_selected(linked, _spread(pages, runs), size))
    finally:
        linked.close()
    return rows
