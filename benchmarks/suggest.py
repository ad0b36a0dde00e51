"""``python -m benchmarks.suggest [--runs N] [--set NAME]``: the Russian suggester on a labelled set.

Prints, per tag (actor, date, core dates, claim), precision, recall and F1, exact and by
overlap (reader.domain.agreement's matching: one-to-one, greedy by shared characters), then
the load time, the time per document and per 5,000 characters (medians of N runs), and the
suggester's peak memory, both as the growth of the process's peak RSS over importing,
loading and suggesting, and as tracemalloc's peak of Python allocations over a second load
and run. ``--set seeds`` (the default) is the development set the rules were written on,
``--set heldout``, ``heldout2`` and ``heldout3`` four other news texts each (tests/data/suggest/),
the first held out for the suggester's rules 1, the second for rules 2, the third for today's.
The figures and the method are in docs/suggestions.md.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SUGGEST = REPO / "tests" / "data" / "suggest"
SETS = {  # name: (gold file, folder of its texts)
    "seeds": (SUGGEST / "seeds_gold.jsonl", REPO / "seeds"),
    "heldout": (SUGGEST / "heldout" / "heldout_gold.jsonl", SUGGEST / "heldout"),
    "heldout2": (SUGGEST / "heldout2" / "heldout2_gold.jsonl", SUGGEST / "heldout2"),
    "heldout3": (SUGGEST / "heldout3" / "heldout3_gold.jsonl", SUGGEST / "heldout3"),
}
TAGS = ("actor", "date", "date (core)", "claim")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def quality_table(report) -> str:
    header = "| tag | gold | suggested | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |"
    lines = [header, "|" + "---|" * 9]
    by_tag = {agreement.tag: agreement for agreement in report.by_tag}
    for tag in TAGS:
        agreement = by_tag.get(tag)
        if agreement is None:
            continue
        exact, overlap = agreement.exact, agreement.overlap
        cells = [tag, str(exact.first), str(exact.second)]
        cells += [_figure(v) for v in (exact.precision, exact.recall, exact.f1)]
        cells += [_figure(v) for v in (overlap.precision, overlap.recall, overlap.f1)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs over each document for the timing (median)")
    parser.add_argument("--set", choices=SETS, default="seeds", help="the labelled set (default: seeds)")
    args = parser.parse_args(argv)
    gold, texts = SETS[args.set]

    from reader.suggesting.evaluation import development_set, evaluate, speakers_named

    documents = development_set(gold, texts)
    rss_before = _peak_rss_mb()
    started = time.perf_counter()
    from reader.suggesting import load

    suggester = load()
    load_seconds = time.perf_counter() - started
    suggested = {d.name: suggester.suggest(d.text) for d in documents}
    timings = []
    for document in documents:
        samples = []
        for _ in range(args.runs):
            started = time.perf_counter()
            suggester.suggest(document.text)
            samples.append(time.perf_counter() - started)
        timings.append((document, statistics.median(samples)))
    rss_growth = _peak_rss_mb() - rss_before

    del suggester
    gc.collect()
    tracemalloc.start()
    second = load()
    for document in documents:
        second.suggest(document.text)
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()

    print(f"Suggester: {second.version}; {args.set} set: {len(documents)} documents ({gold.relative_to(REPO)})")
    print()
    print(quality_table(evaluate(documents, suggested)))
    named, paired = speakers_named(documents, suggested)
    print(f"speakers: {named} of {paired} claims found name the gold source's own mention as speaker")
    print()
    print(f"load: {load_seconds:.2f} s (importing natasha, yargy and razdel, and loading the models)")
    for document, seconds in timings:
        per_5000 = seconds * 5000 / len(document.text)
        print(f"{document.name}: {len(document.text):,} characters, {seconds:.3f} s ({per_5000:.3f} s per 5,000)")
    print(f"peak memory: {rss_growth:.0f} MB of peak RSS over importing, loading and suggesting;")
    print(f"             {traced_peak:.0f} MB traced (tracemalloc's peak of Python allocations, load and suggest)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
