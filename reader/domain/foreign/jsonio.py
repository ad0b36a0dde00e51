"""Reading the JSON and JSONL that peers write, so that hostile input gives one-line reasons."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from reader.domain.foreign.model import BadPeerFile

_SHOWN_CHARACTERS = 40


def read_text(path: Path) -> str:
    """The file as UTF-8 text (a BOM dropped), or BadPeerFile."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise BadPeerFile(f"cannot read {path}: {error.strerror or error}") from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadPeerFile(f"{path.name} is not UTF-8 text") from error


def parse(text: str) -> object:
    """One JSON value, or ValueError with a one-line reason."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg} at line {error.lineno})") from error
    except ValueError as error:  # json's only other ValueError: an integer too long for int()
        raise ValueError(f"has a number of more than {sys.get_int_max_str_digits()} digits") from error
    except RecursionError as error:
        raise ValueError("not JSON (nested too deeply)") from error


def load(path: Path) -> object:
    try:
        return parse(read_text(path))
    except ValueError as error:
        if isinstance(error, BadPeerFile):
            raise
        raise BadPeerFile(f"{path.name} is {error}") from error


def lines(path: Path) -> Iterator[tuple[int, object | None, str]]:
    """(line number, JSON value or None, why not) of each non-blank line of a JSONL file."""
    for number, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, parse(line), ""
        except ValueError as error:
            yield number, None, str(error)


def whole_number(value: object, name: str) -> int:
    """An offset: an integer, not a boolean (which Python counts as one); ValueError otherwise."""
    if type(value) is not int:
        raise ValueError(f"{name} {shown(value)} is not a whole number")
    return value


def text_of(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name} {shown(value)} is not text")
    return value


def shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN_CHARACTERS else text[:_SHOWN_CHARACTERS] + "…"
