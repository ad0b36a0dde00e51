"""The subcommands of the command line (``reader import``, ``reader export`` and the others)
and their whole parser: imported by ``reader.cli.main`` when one is run, never by the window."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from reader import __version__
from reader.cli_agreement import add_agreement_parser, run_agreement
from reader.cli_export import add_suggestions_argument, print_import_report, refuse_own_file, run_export_command
from reader.cli_relations import add_relation_parsers, run_link, run_relation_types, run_unlink
from reader.cli_suggest import add_suggest_parser, run_suggest
from reader.cli_tags import add_tags_parser, run_tags
from reader.cli_window import run_window, window_arguments
from reader.domain.annotations import Annotation, BadSpan, checked_span
from reader.domain.corpus import SkippedFile
from reader.domain.documents import ImportAction
from reader.domain.export import DIALECTS
from reader.domain.extracting import ExtractOptions
from reader.domain.importing import BadAnnotationFile, read_annotation_rows
from reader.domain.relation_tables import ANNOTATIONS, TABLES
from reader.exit_codes import EXIT_OK, EXIT_PARTIAL
from reader.identity import default_annotator
from reader.peer_cli import EXPORTS, IMPORTS, or_peer_import
from reader.store import Store, StoreError


def _db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, type=Path, metavar="FILE", help="the Reader database (SQLite)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read a corpus of documents and annotate spans in them. "
        "Without a command, opens the window. Offsets are 0-based, end-exclusive code points "
        "of the normalized (LF) text, like Python's text[start:end].",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    window_arguments(commands.add_parser("open", help="open the window (the default): reader [CORPUS_DIR] [--db FILE]"))

    importer = commands.add_parser(
        "import", help="import documents (.txt .md .html .htm .docx .pdf .epub .odt) and folders (recursively)"
    )
    importer.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importer.add_argument(
        "--keep-boilerplate",
        action="store_true",
        help="import a web page's whole text, navigation, teasers and footer too (default: its main text)",
    )
    _db_argument(importer)

    annotate = commands.add_parser("annotate", help="add one annotation")
    _db_argument(annotate)
    annotate.add_argument("--doc", required=True, metavar="NAME_OR_ID")
    annotate.add_argument("--start", required=True, type=int, metavar="S", help="first code point (0-based)")
    annotate.add_argument("--end", required=True, type=int, metavar="E", help="code point after the last")
    annotate.add_argument("--tag", required=True)
    annotate.add_argument("--note", default="")
    annotate.add_argument("--annotator", default=None, help="default: the operating-system user name")

    export = commands.add_parser("export", help="write every annotation as CSV, JSONL or XLSX")
    _db_argument(export)
    export.add_argument(
        "--format", choices=EXPORTS, default="csv", help="xlsx: a workbook of annotations and documents (needs -o)"
    )
    export.add_argument(
        "--dialect",
        choices=DIALECTS,
        default="excel",
        help="of CSV. excel: UTF-8 with BOM, CRLF, text cells quoted, formulas neutralized; plain: text as it is",
    )
    export.add_argument(
        "--table",
        choices=TABLES,
        default=ANNOTATIONS,
        help="relations: one row per relation, both ends spelled out; claims: one row per claim, its linked "
        "ends grouped by relation type. In Reader's own formats; the JSONL of annotations carries relations too",
    )
    add_suggestions_argument(export)
    export.add_argument("-o", "--output", type=Path, metavar="OUT", help="default: standard output")

    reimport = commands.add_parser("import-annotations", help="read back what export wrote, or another tool's file")
    reimport.add_argument("file", type=Path, metavar="FILE")
    reimport.add_argument("--format", choices=IMPORTS, help="default: told by the content")
    _db_argument(reimport)

    stats = commands.add_parser("stats", help="documents, and annotations by tag and by status")
    _db_argument(stats)

    backups = commands.add_parser("backups", help="list the copies taken when the database was opened")
    _db_argument(backups)

    restore = commands.add_parser(
        "restore", help="replace the database with one of its backups (what it holds now is backed up first)"
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="a file listed by: reader backups")
    _db_argument(restore)

    merger = commands.add_parser(
        "merge",
        help="bring annotators' databases together (documents by their "
        "text, annotations by id; the newest change wins)",
    )
    merger.add_argument("sources", nargs="+", type=Path, metavar="SOURCE", help="read only, never changed")
    merger.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="MERGED",
        help="a new file, or a Reader database to merge into",
    )

    add_agreement_parser(commands)
    add_tags_parser(commands)
    add_relation_parsers(commands)
    add_suggest_parser(commands)
    return parser


def _open_store(path: Path, create: bool = True, backup: bool = False) -> Store:
    """For a command that writes: the whole file is checked first, and a damaged one refused.
    ``backup``: for the commands that write many rows at once; a one-row ``annotate``
    does not copy the whole database first."""
    store = Store.open(path, create=create, backup=backup, verify=True)
    if store.backup_problem:
        print(f"reader: warning: {store.backup_problem}", file=sys.stderr)
    return store


# Documents are written in batches of this many characters, one transaction each.
IMPORT_BATCH_CHARACTERS = 10_000_000


def run_import(args, out: TextIO, err: TextIO) -> int:
    skipped = 0
    options = ExtractOptions(keep_boilerplate=args.keep_boilerplate)
    with _open_store(args.db, backup=True) as store:
        for item in store.import_files(args.paths, IMPORT_BATCH_CHARACTERS, options):
            if isinstance(item, SkippedFile):
                print(f"skipped {item.path}: {item.reason}", file=err)
                skipped += not item.unsupported
                continue
            source, outcome = item
            if outcome.action == ImportAction.UNCHANGED:
                print(f"unchanged {source.name} (same content as {outcome.duplicate_of})", file=out)
            elif outcome.action == ImportAction.UPDATED:
                print(
                    f"updated {source.name}: {outcome.moved} annotation(s) moved, {outcome.orphaned} orphaned", file=out
                )
                for orphan in map(store.annotation, outcome.orphaned_ids):
                    if orphan is None:  # deleted meanwhile by another program
                        continue
                    print(
                        f"  orphaned {orphan.id} {orphan.tag} {orphan.text[:60]!r} "
                        f"(was at {orphan.start}..{orphan.end}; kept, not moved)",
                        file=out,
                    )
            else:
                print(f"added {source.name} (id {outcome.document_id})", file=out)
    return EXIT_PARTIAL if skipped else EXIT_OK


def run_annotate(args, out: TextIO, err: TextIO) -> int:
    with _open_store(args.db, create=False) as store:
        document = store.find_document(args.doc)
        try:
            text = checked_span(document.text, args.start, args.end)
        except BadSpan as error:
            raise StoreError(f"{document.name}: {error}") from error
        annotation = store.add_annotation(
            Annotation(
                document_id=document.id,
                start=args.start,
                end=args.end,
                text=text,
                tag=args.tag,
                note=args.note,
                annotator=args.annotator if args.annotator is not None else default_annotator(),
            )
        )
    print(annotation.id, file=out)
    return EXIT_OK


def run_import_annotations(args, out: TextIO, err: TextIO) -> int:
    from reader.store.exchange import import_annotation_rows

    with _open_store(args.db, create=False, backup=True) as store:
        refuse_own_file(store, args.file, "read annotations from")
        try:
            rows = read_annotation_rows(args.file, args.format)
            report = import_annotation_rows(store, rows, annotator=default_annotator())
        except BadAnnotationFile as error:
            raise StoreError(str(error)) from error
    print_import_report(report, out, err)
    return EXIT_PARTIAL if report.refused else EXIT_OK


def run_stats(args, out: TextIO, err: TextIO) -> int:
    with Store.open(args.db, read_only=True) as store:
        counts = store.counts()
    print(f"documents: {counts['documents']}", file=out)
    print(f"annotations: {counts['annotations']}", file=out)
    for heading in ("by_tag", "by_status"):
        print(f"{heading.replace('_', ' ')}:", file=out)
        for key, value in counts[heading].items():
            print(f"  {key}: {value}", file=out)
    return EXIT_OK


def run_backups(args, out: TextIO, err: TextIO) -> int:
    from reader.store.backup import list_backups

    found = list_backups(args.db)
    if not found:
        print(f"no backups of {args.db} (they are taken when it is opened and has changed)", file=err)
    for backup in found:
        print(f"{backup.taken_at:%Y-%m-%d %H:%M:%S} UTC  {backup.size:>12,} bytes  {backup.path}", file=out)
    return EXIT_OK


def run_restore(args, out: TextIO, err: TextIO) -> int:
    from reader.store.backup import restore

    existed = args.db.exists()
    before = restore(args.backup, args.db)
    if before is not None:
        print(f"backed up the replaced database to {before}", file=out)
    elif existed:
        print("the replaced database was unchanged since its newest backup", file=out)
    print(f"restored {args.db} from {args.backup}", file=out)
    return EXIT_OK


def run_merge(args, out: TextIO, err: TextIO) -> int:
    from reader.store.merge import merge, report_lines

    report = merge(args.sources, args.output)
    if report.backup_problem:
        print(f"reader: warning: {report.backup_problem}", file=err)
    for line in report_lines(report, len(args.sources)):
        print(line, file=out)
    return EXIT_OK


COMMANDS: dict[str, Callable] = {
    "open": lambda args, out, err: run_window(args),
    "import": run_import,
    "annotate": run_annotate,
    "export": run_export_command,
    "import-annotations": or_peer_import(run_import_annotations),
    "stats": run_stats,
    "merge": run_merge,
    "agreement": run_agreement,
    "backups": run_backups,
    "restore": run_restore,
    "tags": run_tags,
    "link": run_link,
    "unlink": run_unlink,
    "relation-types": run_relation_types,
    "suggest": run_suggest,
}
