"""The window's part of the command line: its arguments, and its start."""

from __future__ import annotations

import argparse
from pathlib import Path


def window_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument(
        "corpus",
        nargs="?",
        type=Path,
        metavar="CORPUS_DIR",
        help="a folder of documents to import and open (default: the bundled seeds)",
    )
    parser.add_argument("--db", type=Path, metavar="FILE", help="the database (default: a per-user one)")
    return parser


def run_window(args: argparse.Namespace) -> int:
    from reader.app import run

    return run(args)
