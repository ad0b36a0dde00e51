"""The command line: ``reader [CORPUS_DIR] [--db FILE]`` opens the window; subcommands work without it.

Every start imports this module first, so it holds only what the window needs of the command
line: its arguments' parse and the dispatch. The subcommands and their whole parser
(``reader.cli_commands``) are imported when one is run: they were about 9 ms of each start-up."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Sequence
from typing import TextIO

from reader import gc_pause  # importing gc_pause pauses the collector: before Reader's modules
from reader.cli_window import run_window, window_arguments
from reader.exit_codes import EXIT_ERROR, EXIT_OK, EXIT_PARTIAL
from reader.store import StoreError

__all__ = ["COMMAND_NAMES", "EXIT_ERROR", "EXIT_OK", "EXIT_PARTIAL", "main", "parse"]

# The subcommands' names (reader.cli_commands.COMMANDS runs them): what is not one opens the window.
COMMAND_NAMES = frozenset(
    {
        "open",
        "import",
        "annotate",
        "export",
        "import-annotations",
        "stats",
        "merge",
        "agreement",
        "backups",
        "restore",
        "tags",
        "link",
        "unlink",
        "relation-types",
        "suggest",
    }
)


def parse(argv: Sequence[str]) -> argparse.Namespace:
    argv = list(argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    wants_help_or_version = any(a in ("-h", "--help", "--version") for a in argv[:1])
    if (first not in COMMAND_NAMES and not wants_help_or_version) or first == "open":
        # The window's own arguments alone: the whole parser takes longer to build than they take to parse.
        window = window_arguments(argparse.ArgumentParser(prog="reader open" if first == "open" else "reader"))
        if first == "open":
            argv.remove("open")
        return window.parse_args(argv, argparse.Namespace(command="open"))
    from reader.cli_commands import build_parser

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["open"])
    return args


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    args = parse(sys.argv[1:] if argv is None else argv)
    if args.command != "open":
        gc_pause.resume()  # the window resumes after its first frame
    try:
        if args.command == "open":
            return run_window(args)
        from reader.cli_commands import COMMANDS

        return COMMANDS[args.command](args, out, err)
    except StoreError as error:
        print(f"reader: {error}", file=err)
        return EXIT_ERROR
    except sqlite3.DatabaseError as error:  # damage found only while reading
        print(f"reader: {getattr(args, 'db', None) or 'the database'}: {error}", file=err)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Whoever read the output stopped (``reader export | head -1``): end quietly with
        # 128 + SIGPIPE, as a C tool killed by it does. As Python's docs advise, standard
        # output then points at devnull, or the interpreter's final flush fails again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 141
