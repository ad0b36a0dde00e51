"""The reader pane's highlight cost follows the screen, not the document.

Opening (set_document until the first paint is done) with 10,000 highlights,
a quarter of them overlapping, is compared with the same text without
highlights, in the same run, at 600,000 and 60,000 characters (and 1,000
highlights): the extra cost is a few milliseconds at either size. Timings are printed; only a
loose sanity bound is asserted, since a shared CI machine is noisy.
"""

from __future__ import annotations

import random
import statistics
import time

import pytest
from PySide6.QtWidgets import QApplication

from reader.domain.annotations import REJECTED, Annotation
from reader.domain.tags import default_tags
from reader.ui.reading.reader_view import ReaderView

pytestmark = pytest.mark.slow

WORDS = [
    "москва",
    "область",
    "организация",
    "договор",
    "безопасность",
    "секретариат",
    "ответ",
    "запрос",
    "бюро",
    "радио",
    "свобода",
    "государство",
    "член",
    "объединение",
    "помощь",
    "процедура",
    "обращение",
    "федерация",
    "ситуация",
    "момент",
    "консенсус",
    "сила",
    "армия",
    "эскалация",
    "конфликт",
    "зона",
    "ответственность",
    "служба",
    "режим",
    "развитие",
    "устав",
    "подпись",
]


def russian_like_text(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    paragraphs, length = [], 0
    while length < size:
        sentence_count = rng.randint(3, 8)
        sentences = []
        for _ in range(sentence_count):
            words = [rng.choice(WORDS) for _ in range(rng.randint(5, 14))]
            if rng.random() < 0.05:
                words.insert(
                    rng.randrange(len(words)), "😀"
                )  # astral characters make Qt positions drift from code points
            sentences.append(" ".join(words).capitalize() + ".")
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


def spans_for(text: str, count: int, seed: int = 11) -> list[Annotation]:
    """``count`` spans spread over the text; a quarter of them overlap another."""
    rng = random.Random(seed)
    tags = ["claim", "actor", "date"]
    plain = count - count // 4
    stride = len(text) // plain
    annotations = []
    for n in range(plain):
        start = n * stride + rng.randrange(stride // 4)
        end = min(start + rng.randint(4, stride // 2), len(text))
        annotations.append(Annotation(document_id=1, start=start, end=end, text=text[start:end], tag=rng.choice(tags)))
    for n in range(count // 4):
        under = annotations[rng.randrange(plain)]
        start = rng.randrange(under.start, under.end)
        end = min(start + rng.randint(3, stride), len(text))  # nested in it or running past its end
        status = REJECTED if n % 10 == 0 else "pending"
        annotations.append(
            Annotation(document_id=1, start=start, end=end, text=text[start:end], tag=rng.choice(tags), status=status)
        )
    return annotations


class PaintTimingView(ReaderView):
    painted_at: tuple[float, float] | None = None

    def paintEvent(self, event):
        super().paintEvent(event)
        if self.painted_at is None:
            self.painted_at = (time.perf_counter(), time.process_time())


def open_and_paint(qtbot, text: str, annotations: list[Annotation]) -> dict[str, float]:
    """Milliseconds from set_document until the first paint is done (wall clock and CPU), and until idle."""
    view = PaintTimingView()
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    view.painted_at = None
    started, started_cpu = time.perf_counter(), time.process_time()
    view.set_document(text, annotations, default_tags())
    QApplication.processEvents()
    idle = time.perf_counter()
    assert view.painted_at is not None
    view.close()
    view.deleteLater()
    painted, painted_cpu = view.painted_at
    return {
        "wall": (painted - started) * 1000,
        "cpu": (painted_cpu - started_cpu) * 1000,
        "idle": (idle - started) * 1000,
    }


def opening_costs(qtbot, size: int, span_count: int, runs: int) -> dict[str, dict[str, float]]:
    """Medians of ``open_and_paint`` without and with spans, and the ratios spans / bare."""
    text = russian_like_text(size)
    annotations = spans_for(text, span_count)
    open_and_paint(qtbot, text, annotations)  # warm-up: fonts, glyph caches
    runs_by_case: dict[str, list[dict[str, float]]] = {"bare": [], "spans": []}
    for _ in range(runs):  # interleaved, so that machine noise hits both alike
        runs_by_case["bare"].append(open_and_paint(qtbot, text, []))
        runs_by_case["spans"].append(open_and_paint(qtbot, text, annotations))
    medians = {
        case: {k: statistics.median(r[k] for r in found) for k in found[0]} for case, found in runs_by_case.items()
    }
    medians["ratio"] = {k: medians["spans"][k] / medians["bare"][k] for k in medians["bare"]}
    return medians


def test_opening_cost_does_not_depend_on_document_size(qtbot, capsys):
    large = opening_costs(qtbot, 600_000, 10_000, runs=7)
    small = opening_costs(qtbot, 60_000, 1_000, runs=15)
    with capsys.disabled():
        print()
        for label, costs in (("600,000 chars, 10,000 spans", large), (" 60,000 chars,  1,000 spans", small)):
            bare, spans, ratio = costs["bare"], costs["spans"], costs["ratio"]
            print(
                f"open until painted, {label}: "
                f"wall {bare['wall']:.1f} -> {spans['wall']:.1f} ms (x{ratio['wall']:.2f}), "
                f"cpu {bare['cpu']:.1f} -> {spans['cpu']:.1f} ms (x{ratio['cpu']:.2f}); "
                f"until idle, index built: {bare['idle']:.1f} -> {spans['idle']:.1f} ms"
            )
    assert large["ratio"]["cpu"] < 10 and small["ratio"]["cpu"] < 10  # a sanity bound only; the numbers are the result


def test_scrolling_a_page_and_adding_a_highlight_cost_a_frame(qtbot, capsys):
    text = russian_like_text(600_000)
    annotations = spans_for(text, 10_000)
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.show()
    qtbot.waitExposed(view)
    view.set_document(text, annotations, default_tags())
    QApplication.processEvents()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    view.viewport().repaint()

    scrolls = []
    for _ in range(40):
        started = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().repaint()
        scrolls.append(time.perf_counter() - started)

    adds = []
    first = view.first_visible_code_point()
    for n in range(40):
        start = first + 40 * n
        added = Annotation(document_id=1, start=start, end=start + 12, text=text[start : start + 12], tag="date")
        started = time.perf_counter()
        view.upsert_annotation(added)
        view.viewport().repaint()
        adds.append(time.perf_counter() - started)

    scroll_ms, add_ms = statistics.median(scrolls) * 1000, statistics.median(adds) * 1000
    with capsys.disabled():
        print()
        print(
            "scroll one page (600,000 chars, 10,000 spans): "
            f"median {scroll_ms:.2f} ms, max {max(scrolls) * 1000:.2f} ms"
        )
        print(f"add one highlight + repaint: median {add_ms:.2f} ms, max {max(adds) * 1000:.2f} ms")
    assert view.annotations_at(first)  # the added highlights are really there
    assert scroll_ms < 200 and add_ms < 200  # sanity only
