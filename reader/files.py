"""Files on disk: written so that they appear whole or not at all (a cancel, a full disk
or a crash half-way leaves whatever was there before exactly as it was), the leftovers
of writers that were killed, and whether two paths name one file."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TextIO


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` are one file (through links, other spellings); a path that
    does not exist yet is compared by where it would be."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def partial_path(target: Path) -> Path:
    """Where ``target`` is written first: beside it, so that the rename stays on one
    file system; hidden; and one per process, so two writers never share it."""
    return target.with_name(f".{target.name}.{os.getpid()}.part")


def remove_stale_partials(folder: Path, of: str | None = None) -> None:
    """Remove the partial files (of the file named ``of``, or of any) that processes
    killed half-way left in ``folder``; those of processes still running stay."""
    name = re.escape(of) if of is not None else ".+"
    pattern = re.compile(rf"\.{name}\.(\d+)\.part")
    try:
        stale = [
            entry
            for entry in folder.iterdir()
            if (match := pattern.fullmatch(entry.name)) and not _process_alive(int(match.group(1)))
        ]
    except OSError:
        return
    for entry in stale:
        for leftover in ("", "-wal", "-shm", "-journal"):  # a database's partial copy has these too
            with suppress(OSError):
                entry.with_name(entry.name + leftover).unlink()


def _process_alive(pid: int) -> bool:
    # This process's own partial files are removed by whoever writes them, even on
    # failure; one found here is being written by another of its threads.
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, but another user's
        return True
    return True


@contextmanager
def atomic_text_file(target: str | os.PathLike, encoding: str, newline: str = "") -> Iterator[TextIO]:
    """A text file that takes the place of ``target`` only when the ``with`` block
    ends without an exception, and only once it is on the disk (flushed, fsynced).

    On any exception, from the block or from the disk, the partial file is removed
    and the exception goes on; ``target`` is as it was. A target that exists and is
    not a regular file (a pipe, ``/dev/stdout``) is written directly: it cannot be
    replaced, and must not be.
    """
    target = Path(target)
    if target.exists() and not target.is_file():
        with target.open("w", encoding=encoding, newline=newline) as handle:
            yield handle
        return
    target = Path(os.path.realpath(target))  # through a symbolic link: the link stays one
    partial = partial_path(target)
    try:
        with partial.open("w", encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        with suppress(OSError):
            partial.unlink()
        raise
