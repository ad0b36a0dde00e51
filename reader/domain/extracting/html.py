"""A saved web page: its main text (trafilatura), or with ``keep_boilerplate`` its whole text.

trafilatura (Apache-2.0) finds the article among the navigation, teasers, comments and footers,
in its default, balanced mode: on its own evaluation pages, favouring precision dropped 12 more
of 287 article snippets to lose 4 more of 322 boilerplate ones, and an article's paragraph is
worth more to an annotator than a stray footer line is a nuisance. Each paragraph, heading, list
item, quotation and table row it keeps is a block numbered from 1; a row's cells are set apart
by a tab. Its text output is not used as it is: it marks list items with "- " and cells with
"| ", characters the page does not have, and it turns NBSP and the other Unicode spaces into
spaces; so the paragraphs are read from its tree, and those spaces are kept apart from its
white-space folding under stand-ins (printable characters absent from the page).

When trafilatura finds no main text (a page of links, or a short note), the whole page's text
is imported rather than nothing. Title, date and URL (canonical link, og:url) come from its
metadata either way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.domain.extracting.html_layout import decode_page, page_paragraphs
from reader.domain.extracting.model import Extracted, ExtractOptions, TextBuilder, UnreadableFile

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# What str.split() takes for white space and a browser shows as it is: NBSP, the sized spaces.
_UNICODE_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_STAND_INS = [chr(code) for code in range(0x2801, 0x2900)]  # Braille patterns: printable, not spaces
_BLOCKS = frozenset({"p", "head", "item", "quote", "list", "table", "div", "body"})
_CONTAINERS = frozenset({"body", "div"})  # a code element right inside one is a block, else inline
_NO_TEXT = "no text in the page; not imported"


def extract(data: bytes, options: ExtractOptions) -> Extracted:
    html = decode_page(data)
    spaces = _stand_ins(html)
    tree = _tree(html, spaces)
    metadata: Any = None
    paragraphs: list[str] = []
    if tree is not None:
        import trafilatura

        try:
            if options.keep_boilerplate:
                metadata = trafilatura.extract_metadata(tree)
            else:
                metadata = trafilatura.bare_extraction(
                    tree, with_metadata=True, include_comments=False, include_tables=True
                )
                if metadata is not None:
                    paragraphs = [_restored(text, spaces) for text in _paragraphs(metadata.body)]
        except Exception:  # its heuristics fail on odd pages; the whole page remains
            metadata, paragraphs = None, []
    if not any(text.strip() for text in paragraphs):
        paragraphs = page_paragraphs(html)
    builder = TextBuilder()
    for paragraph in paragraphs:
        builder.add(paragraph, paragraph=len(builder.blocks) + 1)
    if not builder.blocks:
        raise UnreadableFile(_NO_TEXT)
    return builder.extracted(
        "html",
        title=_restored(_field(metadata, "title"), spaces),
        published=_field(metadata, "date"),
        url=_field(metadata, "url"),
    )


def _stand_ins(html: str) -> dict[str, str]:
    """A stand-in for each Unicode space (written as itself or as an entity): a character the page
    does not have."""
    free = [character for character in _STAND_INS if character not in html]
    return dict(zip(_UNICODE_SPACES, free, strict=False))  # a page of Braille may leave some without


def _tree(html: str, spaces: dict[str, str]) -> HtmlElement | None:
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except Exception:  # lxml gives up on some damaged markup; the whole page remains
        return None
    if tree is None or not spaces:
        return tree
    table = {ord(space): stand_in for space, stand_in in spaces.items()}
    for element in tree.iter():
        if element.text:
            element.text = element.text.translate(table)
        if element.tail:
            element.tail = element.tail.translate(table)
        for name in ("content", "title", "alt"):  # what the metadata reads
            value = element.get(name)
            if value:
                element.set(name, value.translate(table))
    return tree


def _restored(text: str, spaces: dict[str, str]) -> str:
    return text.translate({ord(stand_in): space for space, stand_in in spaces.items()})


def _field(metadata: Any, name: str) -> str:
    value = getattr(metadata, name, None)
    return value if isinstance(value, str) else ""


def _paragraphs(body: Any) -> list[str]:
    """The paragraphs of trafilatura's tree of the main text: its p, head, item, quote and code
    elements, a table's rows (cells set apart by a tab), line breaks (lb) kept inside them."""
    paragraphs: list[str] = []
    if body is None:
        return paragraphs
    current: list[str] = []

    def flush() -> None:
        if "".join(current).strip():
            paragraphs.append("".join(current))
        current.clear()

    def visit(element: Any) -> None:
        if element.tag == "row":
            flush()
            paragraphs.append("\t".join(_cell_text(cell) for cell in element if cell.tag == "cell"))
        elif element.tag == "lb":
            current.append("\n")
        elif element.tag in _BLOCKS or (element.tag == "code" and element.getparent().tag in _CONTAINERS):
            flush()
            current.append(element.text or "")
            for child in element:
                visit(child)
            flush()
        else:
            current.append(element.text or "")
            for child in element:
                visit(child)
        current.append(element.tail or "")

    visit(body)
    flush()
    return paragraphs


def _cell_text(cell: Any) -> str:
    """A cell's text on one line: its paragraphs and line breaks as spaces."""
    return " ".join(" ".join(paragraph.split("\n")) for paragraph in _paragraphs(cell))
