"""The command line's side of other tools' formats (reader.domain.foreign.formats): ``import-annotations
--format brat|doccano|label-studio|prodigy|xmi|spacy|taguette`` (or told by the content) and ``export
--format`` the same but Taguette."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.domain.export import FORMATS
from reader.domain.foreign import formats
from reader.domain.foreign.formats import READER
from reader.domain.importing import IMPORT_FORMATS
from reader.files import atomic_text_file, same_file
from reader.store import Store, StoreError
from reader.store.schema import database_files

if TYPE_CHECKING:  # the formats' code is imported when a command reads or writes one of them
    from reader.domain.foreign.model import PeerFile, PeerImportReport

EXIT_OK, EXIT_ERROR, EXIT_PARTIAL = 0, 1, 3
AUTO = "auto"
EXPORTS = (*FORMATS, *formats.EXPORT_NAMES)
IMPORTS = (AUTO, READER, *IMPORT_FORMATS, *formats.NAMES)

Command = Callable[[object, TextIO, TextIO], int]


def or_peer_import(reader_import: Command) -> Command:
    """``import-annotations``: a peer's file imported here, Reader's own export by ``reader_import``."""

    def run(args, out: TextIO, err: TextIO) -> int:
        from reader.domain.foreign.detect import detect
        from reader.domain.foreign.model import BadPeerFile

        chosen = args.format or AUTO
        _refuse_the_database_itself(args.file, args.db)  # before anything reads it to tell its format
        try:
            name = detect(args.file) if chosen == AUTO else chosen
        except BadPeerFile as error:
            raise StoreError(str(error)) from error
        if name not in formats.NAMES:
            args.format = None if chosen in (AUTO, READER) else chosen
            return reader_import(args, out, err)
        return _import_peer(args, name, out, err)

    return run


def _refuse_the_database_itself(path: Path, database: Path) -> None:
    if path.is_file() and any(same_file(path, file) for file in database_files(database) if file.exists()):
        raise StoreError(f"{path} is the database itself; cannot read annotations from it")


def or_peer_export(reader_export: Command) -> Command:
    """``export``: in a peer's format here, in Reader's own by ``reader_export``."""

    def run(args, out: TextIO, err: TextIO) -> int:
        if args.format not in formats.EXPORT_NAMES:
            return reader_export(args, out, err)
        return _export_peer(args, out, err)

    return run


def _import_peer(args, name: str, out: TextIO, err: TextIO) -> int:
    from reader.domain.foreign.model import BadPeerFile

    path: Path = args.file
    with Store.open(args.db, backup=True, verify=True) as store:
        if store.backup_problem:
            print(f"reader: warning: {store.backup_problem}", file=err)
        try:
            peer = _read(name, path)
        except BadPeerFile as error:
            raise StoreError(str(error)) from error
        report = store.import_peer(peer, source_path=str(path))
    for line in report_lines(report):
        print(line, file=out)
    for where, why in report.refused:
        print(f"refused {where}: {why}", file=err)
    return EXIT_PARTIAL if report.refused else EXIT_OK


def _read(name: str, path: Path) -> PeerFile:
    if name in formats.DATABASE_FORMATS:
        from reader.domain.foreign import taguette
        from reader.store.taguette_database import read_taguette_project

        return taguette.peer_file(read_taguette_project(path))
    return formats.module(name).read(path)


def report_lines(report: PeerImportReport) -> list[str]:
    lines = [
        f"read as {report.format}: documents added {len(report.documents_added)}, "
        f"already held {report.documents_matched}",
    ]
    if report.tags_created:
        lines.append(f"tags created: {', '.join(report.tags_created)}")
    if report.relation_types_created:
        lines.append(f"relation types created: {', '.join(report.relation_types_created)}")
    lines.append(f"imported {report.imported}, unchanged {report.unchanged}, refused {len(report.refused)}")
    if report.relations_imported or report.relations_unchanged:
        lines.append(f"relations imported {report.relations_imported}, unchanged {report.relations_unchanged}")
    for kind, count in sorted(report.skipped.items()):
        if count:
            lines.append(f"not imported: {count} × {kind}")
    return lines


def _export_peer(args, out: TextIO, err: TextIO) -> int:
    from reader.domain.foreign.model import BadPeerFile

    module = formats.module(args.format)
    folder = args.format in formats.FOLDER_FORMATS
    if folder and args.output is None:
        raise StoreError(f"--format {args.format} writes a folder of files: give it with -o OUT")
    if args.format in formats.BINARY_FORMATS and args.output is None:
        raise StoreError(f"--format {args.format} writes a binary file, not text: give the file with -o OUT")
    with Store.open(args.db, read_only=True) as store:
        if args.output is not None and any(same_file(args.output, own) for own in store.own_files()):
            raise StoreError(f"{args.output} is the database itself; cannot export into it")
        documents = list(store.peer_export_documents())
    try:
        if folder:
            count = module.write(documents, args.output)
        elif args.output is not None:
            with atomic_text_file(args.output, "utf-8") as handle:
                count = module.write(documents, handle)
        else:
            count = module.write(documents, out)
    except BadPeerFile as error:  # a format whose library is not installed
        raise StoreError(str(error)) from error
    except OSError as error:
        print(f"reader: could not write {args.output}: {error.strerror or error}", file=err)
        return EXIT_ERROR
    print(f"exported {count} annotation(s) of {len(documents)} document(s) as {args.format}", file=err)
    return EXIT_OK
