"""``reader agreement A B``: how far two annotators agree, from their two databases."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from reader.store import Store, StoreError


def add_agreement_parser(commands: argparse._SubParsersAction) -> None:
    agreement = commands.add_parser(
        "agreement",
        help="how far two annotators agree: precision, recall and F1 of their spans, and Cohen's kappa over characters",
    )
    agreement.add_argument("files", nargs=2, type=Path, metavar="FILE", help="the first is the reference")
    agreement.add_argument("--tag", help="only this tag")


def run_agreement(args, out: TextIO, err: TextIO) -> int:
    from reader.domain.agreement import compare

    loaded = []
    for path in args.files:
        with Store.open(path, create=False, read_only=True) as store:
            loaded.append((store.document_lengths(), store.live_spans()))
    (lengths_a, spans_a), (lengths_b, spans_b) = loaded
    if args.tag is not None and not any(span[3] == args.tag for span in spans_a + spans_b):
        raise StoreError(f"no counted annotation in either file has the tag {args.tag!r}")
    common = {document: length for document, length in lengths_a.items() if document in lengths_b}
    report = compare(spans_a, spans_b, common, args.tag)
    a, b = args.files
    print(
        f"compared {report.documents} document(s) that both files hold (matched by their text), "
        f"{report.characters:,} characters; left out {len(lengths_a) - len(common)} only in {a} "
        f"and {len(lengths_b) - len(common)} only in {b}",
        file=out,
    )
    print("not counted: rejected and orphaned annotations", file=out)
    print(
        f"A = {a} (the reference), B = {b}. exact / overlap: spans paired that way, then "
        "P = paired / B's spans, R = paired / A's spans, F1. kappa: Cohen's kappa over characters",
        file=out,
    )
    print(file=out)
    rows = report.by_tag if args.tag else [*report.by_tag, report.overall]
    for line in _agreement_table(rows):
        print(line, file=out)
    return 0


def _agreement_table(rows) -> list[str]:
    def figure(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    lines = [["tag", "A", "B", "exact", "P", "R", "F1", "overlap", "P", "R", "F1", "kappa"]]
    for row in rows:
        cells = ["(all tags)" if row.tag is None else row.tag, str(row.exact.first), str(row.exact.second)]
        for scores in (row.exact, row.overlap):
            cells += [str(scores.matched), figure(scores.precision), figure(scores.recall), figure(scores.f1)]
        lines.append([*cells, figure(row.kappa)])
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    return [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in lines
    ]
