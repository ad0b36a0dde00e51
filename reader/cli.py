"""The command line: ``reader [CORPUS_DIR] [--db FILE]`` opens the window; subcommands work without it."""

from __future__ import annotations

import argparse
import getpass
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Callable, Sequence, TextIO

from reader import __version__
from reader.domain.annotations import Annotation, BadSpan, checked_span
from reader.domain.corpus import UnreadableFile, find_sources, read_source
from reader.domain.export import DIALECTS, FORMATS, encoding_for, write_annotations
from reader.domain.importing import BadAnnotationFile, read_annotation_rows
from reader.store import Store, StoreError

EXIT_OK, EXIT_ERROR, EXIT_PARTIAL = 0, 1, 3


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors where no user name is set
        return "annotator"


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

    window = commands.add_parser("open", help="open the window (the default): reader [CORPUS_DIR] [--db FILE]")
    window.add_argument("corpus", nargs="?", type=Path, metavar="CORPUS_DIR",
                        help="a folder of .txt/.md files to import and open (default: the bundled seeds)")
    window.add_argument("--db", type=Path, metavar="FILE", help="the database (default: a per-user one)")

    importer = commands.add_parser("import", help="import .txt/.md files and folders (recursively)")
    importer.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _db_argument(importer)

    annotate = commands.add_parser("annotate", help="add one annotation")
    _db_argument(annotate)
    annotate.add_argument("--doc", required=True, metavar="NAME_OR_ID")
    annotate.add_argument("--start", required=True, type=int, metavar="S", help="first code point (0-based)")
    annotate.add_argument("--end", required=True, type=int, metavar="E", help="code point after the last")
    annotate.add_argument("--tag", required=True)
    annotate.add_argument("--note", default="")
    annotate.add_argument("--annotator", default=None, help="default: the operating-system user name")

    export = commands.add_parser("export", help="write every annotation as CSV or JSONL")
    _db_argument(export)
    export.add_argument("--format", choices=FORMATS, default="csv")
    export.add_argument("--dialect", choices=DIALECTS, default="excel",
                        help="excel: UTF-8 with BOM, CRLF, formulas neutralized; plain: text as it is")
    export.add_argument("-o", "--output", type=Path, metavar="OUT", help="default: standard output")

    reimport = commands.add_parser("import-annotations", help="read back what export wrote")
    reimport.add_argument("file", type=Path, metavar="FILE")
    _db_argument(reimport)

    stats = commands.add_parser("stats", help="documents, and annotations by tag and by status")
    _db_argument(stats)
    return parser


def _open_store(path: Path, create: bool = True) -> Store:
    return Store.open(path, create=create)


def run_import(args, out: TextIO, err: TextIO) -> int:
    skipped = 0
    with _open_store(args.db) as store:
        for path, name in find_sources(args.paths):
            if not path.exists():
                print(f"skipped {path}: no such file or folder", file=err)
                skipped += 1
                continue
            try:
                outcome = store.import_source(read_source(path, name))
            except UnreadableFile as error:
                print(f"skipped {path}: {error}", file=err)
                skipped += 1
                continue
            if outcome.action == "unchanged":
                print(f"unchanged {name} (same content as {outcome.duplicate_of})", file=out)
            elif outcome.action == "updated":
                print(f"updated {name}: {outcome.moved} annotation(s) moved, {outcome.orphaned} orphaned", file=out)
            else:
                print(f"added {name} (id {outcome.document_id})", file=out)
    return EXIT_PARTIAL if skipped else EXIT_OK


def run_annotate(args, out: TextIO, err: TextIO) -> int:
    with _open_store(args.db, create=False) as store:
        document = store.find_document(args.doc)
        try:
            text = checked_span(document.text, args.start, args.end)
        except BadSpan as error:
            raise StoreError(f"{document.name}: {error}") from error
        annotation = store.add_annotation(Annotation(
            document_id=document.id, start=args.start, end=args.end, text=text, tag=args.tag,
            note=args.note, annotator=args.annotator if args.annotator is not None else default_annotator()))
    print(annotation.id, file=out)
    return EXIT_OK


def run_export(args, out: TextIO, err: TextIO) -> int:
    with _open_store(args.db, create=False) as store:
        if args.output is None and out is sys.stdout:
            sys.stdout.flush()
            stream = open(sys.stdout.fileno(), "w", encoding=encoding_for(args.format, args.dialect),
                          newline="", closefd=False)
        elif args.output is None:
            stream = nullcontext(out)
        else:
            stream = args.output.open("w", encoding=encoding_for(args.format, args.dialect), newline="")
        with stream:
            count = write_annotations(store.export_rows(), stream, args.format, args.dialect)
    if args.output is not None:
        print(f"exported {count} annotation(s) to {args.output}", file=err)
    return EXIT_OK


def run_import_annotations(args, out: TextIO, err: TextIO) -> int:
    from reader.store.exchange import import_annotation_rows

    with _open_store(args.db, create=False) as store:
        try:
            report = import_annotation_rows(store, read_annotation_rows(args.file))
        except BadAnnotationFile as error:
            raise StoreError(str(error)) from error
    for line, problem in report.refused:
        print(f"refused line {line}: {problem}", file=err)
    print(f"imported {report.imported}, unchanged {report.unchanged}, refused {len(report.refused)}", file=out)
    return EXIT_PARTIAL if report.refused else EXIT_OK


def run_stats(args, out: TextIO, err: TextIO) -> int:
    with _open_store(args.db, create=False) as store:
        counts = store.counts()
    print(f"documents: {counts['documents']}", file=out)
    print(f"annotations: {counts['annotations']}", file=out)
    for heading in ("by_tag", "by_status"):
        print(f"{heading.replace('_', ' ')}:", file=out)
        for key, value in counts[heading].items():
            print(f"  {key}: {value}", file=out)
    return EXIT_OK


def run_window(args, out: TextIO, err: TextIO) -> int:
    from reader.app import run

    return run(args)


COMMANDS: dict[str, Callable] = {
    "open": run_window,
    "import": run_import,
    "annotate": run_annotate,
    "export": run_export,
    "import-annotations": run_import_annotations,
    "stats": run_stats,
}


def parse(argv: Sequence[str]) -> argparse.Namespace:
    argv = list(argv)
    parser = build_parser()
    first = next((a for a in argv if not a.startswith("-")), None)
    wants_help_or_version = any(a in ("-h", "--help", "--version") for a in argv[:1])
    if first not in COMMANDS and not wants_help_or_version:
        argv.insert(0, "open")
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["open"])
    return args


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    args = parse(sys.argv[1:] if argv is None else argv)
    try:
        return COMMANDS[args.command](args, out, err)
    except StoreError as error:
        print(f"reader: {error}", file=err)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
