"""What every extractor gives: one normalized text (the text offsets refer to), where each of
its blocks came from, and the source's own metadata."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.domain.blocks import Block

BLOCK_SEPARATOR = "\n\n"  # between paragraphs, pages' paragraphs and tables: a blank line
SOFT_HYPHEN = "\u00ad"


class UnreadableFile(ValueError):
    """A file that cannot be read as a document; the message says why in one line."""


@dataclass(frozen=True)
class ExtractOptions:
    keep_boilerplate: bool = False  # a web page's whole text, navigation and footers too


@dataclass(frozen=True)
class Extracted:
    text: str
    source_type: str  # "html", "docx", "pdf", "epub", "odt"
    blocks: tuple[Block, ...] = ()
    title: str = ""  # from the source's metadata; "" lets the first line be the title
    published: str = ""  # the page's or the file's date, ISO 8601 as the source gives it
    url: str = ""


@dataclass
class TextBuilder:
    """Builds an extracted text block by block, each with its origin.

    Each block's lines lose trailing white space and its own blank lines at either end, and
    soft hyphens (U+00AD, shown only where a line breaks, which the text's lines no longer do:
    left in, they would split words for search and suggestions); a block with no text left is
    dropped. Blocks are joined by BLOCK_SEPARATOR."""

    _parts: list[str] = field(default_factory=list)
    _blocks: list[Block] = field(default_factory=list)
    _length: int = 0

    def add(self, text: str, page: int | None = None, paragraph: int | None = None) -> None:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace(SOFT_HYPHEN, "")
        lines = [line.rstrip() for line in text.split("\n")]
        cleaned = "\n".join(lines).strip("\n")
        if not cleaned.strip():
            return
        if self._parts:
            self._parts.append(BLOCK_SEPARATOR)
            self._length += len(BLOCK_SEPARATOR)
        self._parts.append(cleaned)
        self._blocks.append(Block(self._length, self._length + len(cleaned), page, paragraph))
        self._length += len(cleaned)

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(self._blocks)

    def text(self) -> str:
        return "".join(self._parts)

    def extracted(self, source_type: str, title: str = "", published: str = "", url: str = "") -> Extracted:
        return Extracted(self.text(), source_type, self.blocks, title.strip(), published, url)


def damaged(kind: str, error: BaseException) -> UnreadableFile:
    """The one line for a file its library could not parse: what it is, and the library's reason."""
    return UnreadableFile(f"damaged or not a valid {kind} file ({reason_of(error)}); not imported")


def reason_of(error: BaseException) -> str:
    """A library's error as a part of one line: its message's first line, cut short, or its type."""
    text = str(error).strip()
    return text.splitlines()[0][:160] if text else type(error).__name__
