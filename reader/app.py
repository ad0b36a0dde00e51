"""Composition root: builds the store, the window and the wiring (arrives with the window issue)."""

from __future__ import annotations

import sys


def run(args) -> int:
    print("reader: the window is not built yet; use the subcommands (reader --help)", file=sys.stderr)
    return 2
