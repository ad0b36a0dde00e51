"""``reader suggest``: actors, dates and claims suggested for the documents by the Russian suggester
(the ``reader[suggest]`` extra), and the other occurrences of what the annotators tagged (no
model needed), stored as suggestions beside the annotations (reader.store.suggestions).

Running it again adds nothing, and nothing is suggested over an annotation of its tag or where
a suggestion of that span and tag was rejected. The file is checked whole and backed up first."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from reader.domain.documents import Document
from reader.domain.suggestions import SaveReport
from reader.exit_codes import EXIT_ERROR, EXIT_OK
from reader.store import Store


def add_suggest_parser(commands: argparse._SubParsersAction) -> None:
    suggest = commands.add_parser(
        "suggest",
        help='suggest actors, dates and claims (needs pip install "reader[suggest]") and more of what is tagged',
    )
    suggest.add_argument("--db", required=True, type=Path, metavar="FILE", help="the Reader database (SQLite)")
    suggest.add_argument(
        "--doc",
        action="append",
        default=[],
        metavar="NAME_OR_ID",
        help="a document to suggest for; again for more (default: every document)",
    )
    suggest.add_argument(
        "--from-annotations-only",
        action="store_true",
        help="only the other occurrences (and inflected forms) of the spans already tagged: needs no model",
    )


def run_suggest(args, out: TextIO, err: TextIO) -> int:
    from reader.suggesting.matching import from_annotations
    from reader.suggesting.model import MissingSuggester

    engine = None
    if not args.from_annotations_only:
        from reader.suggesting import engine as engines

        try:
            engine = engines.load()
        except MissingSuggester as missing:
            print(f"reader: {missing} (or --from-annotations-only, which needs no model)", file=err)
            return EXIT_ERROR
    total, suggested = SaveReport(), 0
    with Store.open(args.db, create=False, backup=True, verify=True) as store:
        if store.backup_problem:
            print(f"reader: warning: {store.backup_problem}", file=err)
        for document in _chosen_documents(store, args.doc):
            found = engine.suggest(document.text) if engine is not None else []
            found += from_annotations(document.text, store.annotated_spans(document.id, rejected=False))
            report = store.save_suggestions(document.id, found)
            print(f"{document.name}: {_summary(report)}", file=out)
            total, suggested = total + report, suggested + 1
    print(f"total, {suggested} document(s): {_summary(total)}", file=out)
    return EXIT_OK


def _chosen_documents(store: Store, names: list[str]) -> list[Document]:
    """The documents named (each once, in the order given), or every document by name."""
    if not names:
        return [store.document(summary.id) for summary in store.documents()]
    chosen = {document.id: document for document in map(store.find_document, names)}
    return list(chosen.values())


def _summary(report: SaveReport) -> str:
    by_tag = ", ".join(_counted(count, tag) for tag, count in report.added_by_tag.items())
    parts = [
        f"{report.added} suggested" + (f" ({by_tag})" if by_tag else ""),
        f"{report.already_there} already there",
        f"{report.over_annotations} over annotations",
    ]
    if report.rejected_before:
        parts.append(f"{report.rejected_before} rejected before")
    if report.unknown_tag:
        parts.append(f"{report.unknown_tag} of a tag this database lacks")
    return ", ".join(parts)


def _counted(count: int, tag: str) -> str:
    """ "3 actors", "1 date"; a tag not spelled in English letters as it is ("2 персона")."""
    plural = count != 1 and tag.isascii() and tag.isalpha()
    return f"{count} {tag}{'s' if plural else ''}"
