"""``reader export`` in Reader's own formats, of any of its tables (``--table annotations|relations|
claims``, reader.domain.relation_tables) or of the open suggestions (``--suggestions``, in the
annotation columns), and what ``import-annotations`` says once it has read one back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.domain.export import COLUMNS, FORMATS, encoding_for
from reader.domain.export_writer import write_export, write_table
from reader.domain.relation_tables import ANNOTATIONS, CLAIMS, RELATIONS
from reader.domain.resaved_csv import KINDS as NORMALISED
from reader.exit_codes import EXIT_ERROR, EXIT_OK
from reader.files import atomic_text_file, same_file
from reader.peer_cli import or_peer_export
from reader.store import Store, StoreError

if TYPE_CHECKING:
    from reader.store.exchange import ExchangeReport

_ROWS = {ANNOTATIONS: "annotation(s)", RELATIONS: "relation(s)", CLAIMS: "claim(s)"}
SUGGESTIONS = "suggestions"


def add_suggestions_argument(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "--suggestions",
        action="store_true",
        help="the open suggestions (reader suggest) instead, in the annotation columns: the annotator is "
        "the suggester and its version, the status pending. Annotation exports never carry suggestions",
    )


def refuse_own_file(store: Store, path: Path, doing: str) -> None:
    if any(same_file(path, own) for own in store.own_files()):
        raise StoreError(f"{path} is the database itself; cannot {doing} it")


def run_export_command(args, out: TextIO, err: TextIO) -> int:
    """``export``: another tool's format (which has no tables), or Reader's own."""
    if args.table != ANNOTATIONS and args.format not in FORMATS:
        raise StoreError(f"--table {args.table} is written as {', '.join(FORMATS)}, not as {args.format}")
    if args.suggestions and (args.table != ANNOTATIONS or args.format not in FORMATS):
        raise StoreError(f"--suggestions is written as {', '.join(FORMATS)}, and on its own (no --table)")
    return or_peer_export(run_export)(args, out, err)


def run_export(args, out: TextIO, err: TextIO) -> int:
    encoding = encoding_for(args.format, args.dialect)
    if args.format == "xlsx" and args.output is None:
        raise StoreError("--format xlsx writes a workbook, not text: give the file with -o OUT")
    with Store.open(args.db, read_only=True) as store:
        table = SUGGESTIONS if args.suggestions else args.table

        def write(handle: TextIO) -> tuple[int, str]:
            return _write(store, table, handle, args.format, args.dialect)

        if args.output is not None:
            refuse_own_file(store, args.output, "export into")
            try:
                with atomic_text_file(args.output, encoding) as handle:
                    count, warning = write(handle)
            except BrokenPipeError:
                raise  # OUT is a pipe (-o /dev/stdout) whose reader went away: as for standard output
            except OSError as error:
                print(
                    f"reader: could not write {args.output}: {error.strerror or error}; nothing was written", file=err
                )
                return EXIT_ERROR
        elif out is sys.stdout:
            sys.stdout.flush()
            with open(sys.stdout.fileno(), "w", encoding=encoding, newline="", closefd=False) as handle:
                count, warning = write(handle)
        else:
            count, warning = write(out)
        orphans = 0 if args.suggestions else len(store.orphaned_annotations())
    if args.output is not None:
        print(f"exported {count} {_ROWS.get(table, 'open suggestion(s)')} to {args.output}", file=err)
    if orphans:
        left_out = "orphaned annotation(s) left out" + ("" if args.table == ANNOTATIONS else ", with their relations")
        print(f"{orphans} {left_out}: a re-import changed their text", file=err)
    if warning:
        print(f"reader: warning: {warning}", file=err)
    return EXIT_OK


def _write(store: Store, table: str, handle: TextIO, fmt: str, dialect: str) -> tuple[int, str]:
    if table == SUGGESTIONS:
        return write_table(store.suggestion_export_rows(), COLUMNS, SUGGESTIONS, handle, fmt, dialect)
    if table == ANNOTATIONS:
        rows, documents = store.export_rows(), store.export_documents()
        return write_export(rows, documents, handle, fmt, dialect, tables=store.tables_beside_annotations(fmt))
    chosen = store.relations_table() if table == RELATIONS else store.claims_table()
    return write_table(chosen.rows, chosen.columns, chosen.title, handle, fmt, dialect, chosen.widths)


def print_import_report(report: ExchangeReport, out: TextIO, err: TextIO) -> None:
    """The refused rows one line each, what was undone, and the counts: of annotations (unless
    the file held relations only), then of relations (if it held any)."""
    for line, problem in report.refused:
        print(f"refused line {line}: {problem}", file=err)
    for kind, rows in report.normalised.items():
        print(f"normalised {rows} row(s): {NORMALISED[kind]}", file=out)
    links = report.relations
    refused = len(report.refused) - links.refused
    if report.imported or report.unchanged or refused or not links:
        print(f"imported {report.imported}, unchanged {report.unchanged}, refused {refused}", file=out)
    if links:
        print(f"relations: imported {links.imported}, unchanged {links.unchanged}, refused {links.refused}", file=out)
