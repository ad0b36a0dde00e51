"""Turning files into documents: decoding, line endings, titles and names."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from charset_normalizer import from_bytes

TEXT_SUFFIXES = (".txt", ".md")
_UTF8_BOM = b"\xef\xbb\xbf"
_MAX_CONTROL_SHARE = 0.01
# Control characters other than \t \n \v \f (\r is gone after normalizing); a regex
# scans in C instead of a Python loop over every character of a corpus.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f]")
_MULTI_BYTE_CHARACTERS = re.compile("[^\x00-\x7f\ufffd]")


class UnreadableFile(ValueError):
    """A file that cannot be read as a text document; the message says why in one line."""


@dataclass(frozen=True)
class SourceText:
    name: str
    source_path: str
    text: str
    encoding: str

    @property
    def title(self) -> str:
        return title_of(self.text)

    @property
    def sha256(self) -> str:
        return sha256_of(self.text)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def title_of(text: str) -> str:
    for line in text.split("\n", 50):
        if line.strip():
            return line.strip()[:200]
    return ""


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def decode(data: bytes) -> tuple[str, str]:
    """Decoded, newline-normalized text and the encoding it was found in."""
    if data.startswith(_UTF8_BOM):
        try:
            return _checked(data[len(_UTF8_BOM):].decode("utf-8", errors="strict"), "utf-8-sig")
        except UnicodeDecodeError as error:
            raise UnreadableFile(f"not valid UTF-8 at byte {error.start + len(_UTF8_BOM)}, though it starts "
                                 "with a UTF-8 mark; re-save it as UTF-8") from error
    if b"\x00" in data:
        raise UnreadableFile("binary file (contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        if _mostly_utf8(data):
            raise UnreadableFile(f"not valid UTF-8 at byte {error.start}, though the rest is UTF-8; "
                                 "re-save it as UTF-8") from error
    best = from_bytes(data, cp_isolation=["cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5", "cp1252", "latin_1"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise UnreadableFile("not text in any known encoding")
    return _checked(str(best), best.encoding)


def _mostly_utf8(data: bytes) -> bool:
    """Broken UTF-8 rather than a legacy encoding: its valid multi-byte characters outnumber
    its invalid bytes (guessing a legacy encoding for it would turn all of them into mojibake)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    good = len(_MULTI_BYTE_CHARACTERS.findall(text))
    return good >= 2 * bad


def _checked(text: str, encoding: str) -> tuple[str, str]:
    text = normalize_newlines(text)
    controls = len(_CONTROL_CHARACTERS.findall(text))
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise UnreadableFile("binary file (too many control characters)")
    return text, encoding


def read_source(path: Path, name: str) -> SourceText:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from error
    text, encoding = decode(data)
    return SourceText(name=name, source_path=str(path.resolve()), text=text, encoding=encoding)


@dataclass(frozen=True)
class SkippedFile:
    """A file given to import that could not be read, and why (one line)."""

    path: Path
    reason: str


def read_sources(paths: list[Path]) -> Iterator[SourceText | SkippedFile]:
    """Every text file under ``paths`` read, in ``find_sources`` order, or why it could not be."""
    for path, name in find_sources(paths):
        if not path.exists():
            yield SkippedFile(path, "no such file or folder")
            continue
        try:
            yield read_source(path, name)
        except UnreadableFile as error:
            yield SkippedFile(path, str(error))


def find_sources(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    """Every text file under ``paths`` with the name it gets in the store.

    A folder's files are named by their path relative to that folder; a file
    given on its own is named by its file name.
    """
    for root in paths:
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                if path.suffix.lower() in TEXT_SUFFIXES:
                    yield path, path.relative_to(root).as_posix()
        else:
            yield root, root.name
