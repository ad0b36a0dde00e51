"""A DOCX, ODT or EPUB whose archive declares members that would unpack too large is refused
before anything is unpacked: the archives here are the real test files with their central
directory's sizes rewritten, as a zip bomb's would be."""

from __future__ import annotations

import struct
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from reader.domain.extracting import docx as word
from reader.domain.extracting import epub, odt
from reader.domain.extracting.model import ExtractOptions, UnreadableFile

DOCUMENTS = Path(__file__).resolve().parents[1] / "data" / "documents"
FILES = {"DOCX": (word, "docx/report.docx"), "ODT": (odt, "odt/report.odt"), "EPUB": (epub, "epub/book_ru.epub")}
MB = 2**20


def with_declared_sizes(data: bytes, sizes: dict[str, int]) -> bytes:
    """``data`` with the uncompressed size its central directory declares for each named member."""
    forged = bytearray(data)
    entry = forged.index(b"PK\x01\x02")
    while entry >= 0:
        name_length = struct.unpack_from("<H", forged, entry + 28)[0]
        name = bytes(forged[entry + 46 : entry + 46 + name_length]).decode()
        if name in sizes:
            struct.pack_into("<I", forged, entry + 24, sizes[name])
        entry = forged.find(b"PK\x01\x02", entry + 46)
    return bytes(forged)


def refusal(kind: str, data: bytes) -> str:
    module, _ = FILES[kind]
    with pytest.raises(UnreadableFile) as refused:
        module.extract(data, ExtractOptions())
    return str(refused.value)


@pytest.mark.parametrize("kind", FILES)
def test_one_member_too_large_is_refused_by_name(kind):
    data = (DOCUMENTS / FILES[kind][1]).read_bytes()
    largest = max(zipfile.ZipFile(BytesIO(data)).infolist(), key=lambda member: member.compress_size).filename

    message = refusal(kind, with_declared_sizes(data, {largest: 300 * MB}))

    assert message == f"{largest} in the {kind} file would unpack to 300 MB (a zip bomb?); not imported"


@pytest.mark.parametrize("kind", FILES)
def test_members_too_large_together_are_refused(kind):
    data = (DOCUMENTS / FILES[kind][1]).read_bytes()
    names = [member.filename for member in zipfile.ZipFile(BytesIO(data)).infolist()][:3]

    message = refusal(kind, with_declared_sizes(data, dict.fromkeys(names, 190 * MB)))

    assert message.startswith(f"the {kind} file would unpack to ") and message.endswith("(a zip bomb?); not imported")
