"""Turning files into documents: decoding, line endings, titles and names."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.domain.blocks import Block
from reader.domain.extracting import MAX_BYTES, SUFFIXES, ExtractOptions, extract
from reader.domain.extracting.model import UnreadableFile
from reader.files import same_file

TEXT_SUFFIXES = (".txt", ".md")
DOCUMENT_SUFFIXES = (*TEXT_SUFFIXES, *SUFFIXES)
MAX_TEXT_BYTES = 2**30  # a plain text is read whole, in memory
PLAIN = ExtractOptions()
# (mark, codec, name in messages, encoding reported). The UTF-32 marks come before
# UTF-16's: FF FE 00 00, little-endian UTF-32's mark, starts with FF FE.
_UNICODE_MARKS = (
    (codecs.BOM_UTF8, "utf-8", "UTF-8", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16", "utf-16-be"),
)
_REPLACEMENT_CHARACTER_UTF8 = "\ufffd".encode("utf-8")
_MAX_CONTROL_SHARE = 0.01
# Control characters other than \t \n \v \f (\r is gone after normalizing); a regex
# scans in C instead of a Python loop over every character of a corpus.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f]")
# A UTF-8 lead byte followed by continuation bytes that stop short of its character: what
# a cut-off UTF-8 sequence looks like, and a lone legacy-encoded byte (the é of a Latin-1
# "café") does not. Two patterns, each starting with a byte class, which re scans for fast.
_CUT_SHORT_UTF8 = (
    re.compile(rb"[\xe0-\xef][\x80-\xbf](?![\x80-\xbf])"),
    re.compile(rb"[\xf0-\xf4][\x80-\xbf]{1,2}(?![\x80-\xbf])"),
)


__all__ = ["UnreadableFile"]  # reader.domain.extracting's, raised by every reader of a file


@dataclass(frozen=True)
class SourceText:
    """A document as read from its file: its normalized text, and where the text came from
    (the file's type and sha256, the page or paragraph of each block, the source's metadata)."""

    name: str
    source_path: str
    text: str
    encoding: str
    source_type: str = "txt"
    source_sha256: str = ""
    blocks: tuple[Block, ...] = ()
    metadata_title: str = ""
    published: str = ""
    url: str = ""

    @property
    def title(self) -> str:
        return self.metadata_title[:200] or title_of(self.text)

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
    for mark, codec, name, encoding in _UNICODE_MARKS:
        if data.startswith(mark):
            try:
                return _checked(data[len(mark) :].decode(codec, errors="strict"), encoding)
            except UnicodeDecodeError as error:
                raise UnreadableFile(
                    f"not valid {name} at byte {error.start + len(mark)}, though it starts "
                    f"with a {name} mark; re-save it as UTF-8"
                ) from error
    if b"\x00" in data:
        raise UnreadableFile("binary file (contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        if _broken_utf8(data):
            raise UnreadableFile(
                f"not valid UTF-8 at byte {error.start}, though the rest is UTF-8; re-save it as UTF-8"
            ) from error
    from charset_normalizer import from_bytes  # only for a file that is not UTF-8: 7 ms at every start-up

    best = from_bytes(
        data, cp_isolation=["cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5", "cp1252", "latin_1"]
    ).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise UnreadableFile("not text in any known encoding")
    return _checked(str(best), best.encoding)


def _broken_utf8(data: bytes) -> bool:
    """Broken UTF-8 rather than a legacy encoding: what reads as UTF-8 (its valid multi-byte
    characters, and its sequences cut short) outnumbers its other invalid bytes two to one
    (guessing a legacy encoding for it would turn all of it into mojibake)."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    invalid = replaced - data.count(_REPLACEMENT_CHARACTER_UTF8)
    multi_byte = len(text) - len(text.encode("ascii", errors="ignore")) - replaced
    if multi_byte >= 2 * invalid:
        return True
    cut_short = sum(len(pattern.findall(data)) for pattern in _CUT_SHORT_UTF8)
    return multi_byte + cut_short >= 2 * (invalid - cut_short)


def _checked(text: str, encoding: str) -> tuple[str, str]:
    text = normalize_newlines(text)
    controls = len(_CONTROL_CHARACTERS.findall(text))
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise UnreadableFile("binary file (too many control characters)")
    return text, encoding


def read_source(path: Path, name: str, options: ExtractOptions = PLAIN) -> SourceText:
    """The document in the file at ``path``: extracted from a web page, Word, PDF, e-book or
    OpenDocument file by its suffix, else read as plain text."""
    size = _check_regular_file(path)
    source_path = str(path.resolve())
    for what, stored in (("name", name), ("path", source_path)):
        if not _is_utf8(stored):
            raise UnreadableFile(f"the {what} '{_printable(stored)}' is not valid UTF-8; rename it")
    suffix = path.suffix.lower()
    limit = MAX_BYTES if suffix in SUFFIXES else MAX_TEXT_BYTES
    if size > limit:
        raise UnreadableFile(f"{_megabytes(size)}, over the {_megabytes(limit)} limit for {suffix or 'text'} files")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from error
    source_sha256 = hashlib.sha256(data).hexdigest()
    if suffix not in SUFFIXES:
        text, encoding = decode(data)
        source_type = suffix.lstrip(".") if suffix in TEXT_SUFFIXES else "txt"
        return SourceText(name, source_path, text, encoding, source_type, source_sha256)
    extracted = extract(suffix, data, options)
    text, _ = _checked(extracted.text, "utf-8")
    return SourceText(
        name,
        source_path,
        text,
        "",
        extracted.source_type,
        source_sha256,
        extracted.blocks,
        extracted.title,
        extracted.published,
        extracted.url,
    )


def _megabytes(size: int) -> str:
    return f"{size / 2**20:,.0f} MB"


def _is_utf8(name: str) -> bool:
    """False for a name with bytes that are not UTF-8, which Python keeps as surrogate escapes."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(name: str) -> str:
    """``name`` with the bytes that are not UTF-8 written as \\xNN."""
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


_KINDS_OF_FILE = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"))


def _check_regular_file(path: Path) -> int:
    """The size of the regular file at ``path``, found without opening it (a named pipe
    would wait for a writer forever); UnreadableFile if it is not one."""
    try:
        found = path.stat()
        mode, size = found.st_mode, found.st_size
    except FileNotFoundError as error:
        if path.is_symlink():
            raise UnreadableFile(f"a broken symbolic link (to {_printable(os.readlink(path))})") from error
        raise UnreadableFile("no such file or folder") from error
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from error
    if not stat.S_ISREG(mode):
        kind = next((kind for is_kind, kind in _KINDS_OF_FILE if is_kind(mode)), "a device")
        raise UnreadableFile(f"{kind}, not a regular file; not opened")
    return size


@dataclass(frozen=True)
class SkippedFile:
    """A file given to import that could not be read, and why (one line). ``path`` is
    printable: bytes of its name that are not UTF-8 are written as \\xNN."""

    path: Path
    reason: str
    # How many files of types Reader does not read a folder held; this one line lists them.
    # They were never documents, so skipping them is no failure of the import.
    unsupported: int = 0


def read_sources(
    paths: list[Path], never_read: tuple[Path, ...] = (), options: ExtractOptions = PLAIN
) -> Iterator[SourceText | SkippedFile]:
    """Every document under ``paths`` read, in ``find_sources`` order, or why it could not be,
    with the folders that could not be listed and the files of other types they hold. The
    files ``never_read`` (the open database) are skipped unopened."""
    for found in _find(paths):
        if isinstance(found, SkippedFile):
            yield found
            continue
        path, name = found
        if any(same_file(path, other) for other in never_read):
            yield _skipped(path, "the database itself, not a text; not opened")
            continue
        try:
            yield read_source(path, name, options)
        except UnreadableFile as error:
            yield _skipped(path, str(error))


def find_sources(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    """Every document file under ``paths`` with the name it gets in the store.

    A folder's files are named by their path relative to that folder; a file
    given on its own is named by its file name. A folder that cannot be listed
    is left out (``read_sources`` reports it).
    """
    for found in _find(paths):
        if not isinstance(found, SkippedFile):
            yield found


def _find(paths: list[Path]) -> Iterator[tuple[Path, str] | SkippedFile]:
    for root in paths:
        if root.is_dir():
            yield from _find_in_folder(root)
        else:
            yield root, root.name


def _find_in_folder(root: Path) -> list[tuple[Path, str] | SkippedFile]:
    """The folder's documents (a symbolic link to a folder is not followed) and the folders
    under it that cannot be listed, sorted by path, then one line for its other files."""
    found: list[tuple[Path, str] | SkippedFile] = []
    other_suffixes: Counter[str] = Counter()

    def unlistable(error: OSError) -> None:
        found.append(_skipped(Path(error.filename), f"cannot read the folder: {error.strerror or error}"))

    for folder, _, file_names in os.walk(root, onerror=unlistable):
        for file_name in file_names:
            path = Path(folder, file_name)
            if path.suffix.lower() in DOCUMENT_SUFFIXES:
                found.append((path, path.relative_to(root).as_posix()))
            else:
                other_suffixes[path.suffix.lower() or "(none)"] += 1
    found.sort(key=lambda item: item.path if isinstance(item, SkippedFile) else item[0])
    if other_suffixes:
        found.append(_other_types(root, other_suffixes))
    return found


def _other_types(root: Path, suffixes: Counter[str]) -> SkippedFile:
    """ "3 files of types .png, .xlsx", the most frequent type first, then by name."""
    count = sum(suffixes.values())
    types = ", ".join(sorted(suffixes, key=lambda suffix: (-suffixes[suffix], suffix)))
    files = (
        "1 file of type" if count == 1 else f"{count} files of types" if len(suffixes) > 1 else f"{count} files of type"
    )
    return SkippedFile(Path(_printable(str(root))), f"{files} {types}, which Reader does not read", unsupported=count)


def _skipped(path: Path, reason: str) -> SkippedFile:
    return SkippedFile(Path(_printable(str(path))), reason)
