"""An EPUB e-book: its spine's documents in reading order, each read as a whole page.

An e-book has no navigation or footers to remove, so each XHTML document of the spine goes
through the same layout as a web page's whole text (html_layout.VisibleText), and its paragraphs
are numbered from 1 across the book. Items the spine marks ``linear="no"`` (notes, pop-ups) are
read in their place too: nothing of the book is left out. The container and the package (OPF)
are parsed by lxml with no network, no DTD and no entities, so that a hostile file can neither
fetch anything nor expand entities into gigabytes. Title from dc:title; the date from dc:date,
else the package's dcterms:modified.
"""

from __future__ import annotations

import posixpath
import zipfile
from typing import Any
from urllib.parse import unquote, urldefrag

from reader.domain.extracting.html_layout import decode_page, page_paragraphs
from reader.domain.extracting.model import Extracted, ExtractOptions, TextBuilder, UnreadableFile, damaged
from reader.domain.extracting.zipped import MAX_MEMBER_BYTES, checked_zip

KIND = "EPUB"
_CONTAINER = "META-INF/container.xml"
_ENCRYPTION = "META-INF/encryption.xml"
_CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"
_OPF_NS = "http://www.idpf.org/2007/opf"
_DC_NS = "http://purl.org/dc/elements/1.1/"
_XENC_NS = "http://www.w3.org/2001/04/xmlenc#"
_DOCUMENT_TYPES = frozenset({"application/xhtml+xml", "text/html"})
# Fonts scrambled so that they cannot be lifted out of the book: no DRM, the text is plain.
_FONT_OBFUSCATION = frozenset({"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"})


def extract(data: bytes, options: ExtractOptions) -> Extracted:
    book = checked_zip(data, KIND)
    members = {info.filename: info for info in book.infolist()}
    with book:
        package_path = _package_path(book, members)
        package = _xml(book, members, package_path)
        documents = _spine_documents(package, posixpath.dirname(package_path))
        _refuse_drm(book, members, documents)
        builder = TextBuilder()
        for path in documents:
            if path not in members:
                continue  # a spine entry whose file is missing: the rest of the book is still there
            for paragraph in page_paragraphs(decode_page(_read(book, members, path))):
                builder.add(paragraph, paragraph=len(builder.blocks) + 1)
    if not builder.blocks:
        raise UnreadableFile("no text in the e-book; not imported")
    title = _first(package, f"{{{_OPF_NS}}}metadata/{{{_DC_NS}}}title")
    published = _first(package, f"{{{_OPF_NS}}}metadata/{{{_DC_NS}}}date") or _first(
        package, f"{{{_OPF_NS}}}metadata/{{{_OPF_NS}}}meta[@property='dcterms:modified']"
    )
    return builder.extracted("epub", title=title, published=published)


def _read(book: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], path: str) -> bytes:
    if path not in members:
        raise UnreadableFile(f"damaged or not a valid {KIND} file (no {path}); not imported")
    if members[path].flag_bits & 0x1:
        raise UnreadableFile("encrypted e-book (a password-protected zip); not imported")
    try:
        with book.open(members[path]) as member:
            return member.read(MAX_MEMBER_BYTES + 1)  # zipfile stops at the declared size
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as error:
        raise damaged(KIND, error) from error


def _xml(book: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], path: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(_read(book, members, path), parser=parser)
    except etree.XMLSyntaxError as error:
        raise damaged(KIND, error) from error


def _package_path(book: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> str:
    container = _xml(book, members, _CONTAINER)
    for rootfile in container.iter(f"{{{_CONTAINER_NS}}}rootfile"):
        path = rootfile.get("full-path")
        if path:
            return unquote(path)
    raise UnreadableFile(f"damaged or not a valid {KIND} file (its container names no package); not imported")


def _spine_documents(package: Any, base: str) -> list[str]:
    """The paths in the zip of the spine's (X)HTML documents, in reading order."""
    hrefs = {}
    for item in package.iter(f"{{{_OPF_NS}}}item"):
        if item.get("media-type") in _DOCUMENT_TYPES and item.get("id") and item.get("href"):
            hrefs[item.get("id")] = _member_path(base, item.get("href"))
    return [hrefs[ref.get("idref")] for ref in package.iter(f"{{{_OPF_NS}}}itemref") if ref.get("idref") in hrefs]


def _member_path(base: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(base, unquote(urldefrag(href).url)))


def _refuse_drm(book: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], documents: list[str]) -> None:
    """Refuses a book whose content documents encryption.xml lists as encrypted (DRM: Adobe ADEPT,
    Readium LCP, …); fonts obfuscated under the EPUB rules alone are no obstacle."""
    if _ENCRYPTION not in members:
        return
    encryption = _xml(book, members, _ENCRYPTION)
    spine = set(documents)
    for data in encryption.iter(f"{{{_XENC_NS}}}EncryptedData"):
        method = data.find(f"{{{_XENC_NS}}}EncryptionMethod")
        if method is not None and method.get("Algorithm") in _FONT_OBFUSCATION:
            continue
        for reference in data.iter(f"{{{_XENC_NS}}}CipherReference"):
            if _member_path("", reference.get("URI", "")) in spine:
                raise UnreadableFile("encrypted e-book (DRM); not imported")


def _first(element: Any, path: str) -> str:
    found = element.find(path)
    if found is None:
        return ""
    parts = [found.text or ""]
    for child in found:
        if isinstance(child.tag, str):  # an unexpanded entity's tag is a function: left out
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts).strip()
