"""``reader agreement A B``: how far two annotators agree, from their two databases."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.store import Store, StoreError

if TYPE_CHECKING:
    from reader.domain.agreement import RelationAgreementReport


def add_agreement_parser(commands: argparse._SubParsersAction) -> None:
    agreement = commands.add_parser(
        "agreement",
        help="how far two annotators agree: precision, recall and F1 of their spans, and Cohen's kappa over characters",
    )
    agreement.add_argument("files", nargs=2, type=Path, metavar="FILE", help="the first is the reference")
    agreement.add_argument("--tag", help="only this tag")


def run_agreement(args, out: TextIO, err: TextIO) -> int:
    from reader.domain.agreement import LinkedSpans, compare, compare_relations  # not on the window's path

    loaded = []
    for path in args.files:
        with Store.open(path, create=False, read_only=True) as store:
            spans = LinkedSpans(store.live_spans_by_id(), store.unrejected_links())
            loaded.append((store.document_lengths(), spans, store.relation_count()))
    (lengths_a, linked_a, relations_a), (lengths_b, linked_b, relations_b) = loaded
    spans_a, spans_b = list(linked_a.spans.values()), list(linked_b.spans.values())
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
    for line in _span_table(rows):
        print(line, file=out)
    if relations_a or relations_b:
        _print_relations(compare_relations(linked_a, linked_b, common, args.tag), args.tag, out)
    return 0


def _print_relations(report: RelationAgreementReport, tag: str | None, out: TextIO) -> None:
    print(file=out)
    print(
        "relations: a relation of A and one of B pair when their types are the same and both their ends "
        "pair (exact / overlap, as spans pair above)",
        file=out,
    )
    print("not counted: rejected relations, and relations with a rejected or orphaned end", file=out)
    if tag is not None:
        print(f"only relations with an end tagged {tag}", file=out)
    print(file=out)
    rows = [_scored(row.type or "(all types)", row) for row in [*report.by_type, report.overall]]
    for line in _table(["type", *_SCORE_HEADER], rows):
        print(line, file=out)


_SCORE_HEADER = ["A", "B", "exact", "P", "R", "F1", "overlap", "P", "R", "F1"]


def _span_table(rows) -> list[str]:
    return _table(
        ["tag", *_SCORE_HEADER, "kappa"],
        [[*_scored("(all tags)" if row.tag is None else row.tag, row), _figure(row.kappa)] for row in rows],
    )


def _scored(name: str, row) -> list[str]:
    """name, A's and B's counts, then matched, P, R and F1 for exact and for overlap."""
    cells = [name, str(row.exact.first), str(row.exact.second)]
    for scores in (row.exact, row.overlap):
        cells += [str(scores.matched), _figure(scores.precision), _figure(scores.recall), _figure(scores.f1)]
    return cells


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """The rows under the header, the first column to the left and the others to the right."""
    lines = [header, *rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in lines
    ]
