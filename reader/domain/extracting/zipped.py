"""The zip archives that DOCX, ODT and EPUB files are, opened with a guard against zip bombs."""

from __future__ import annotations

import io
import zipfile

from reader.domain.extracting.model import UnreadableFile, damaged

# Refused before anything is unpacked, from the sizes the archive declares (zipfile never
# unpacks a member past its declared size).
MAX_MEMBER_BYTES = 200 * 2**20
MAX_UNPACKED_BYTES = 500 * 2**20


def checked_zip(data: bytes, kind: str) -> zipfile.ZipFile:
    """The zip archive in ``data``, refused when it is not one or would unpack too large."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except Exception as error:  # BadZipFile, but also whatever a hostile archive provokes
        raise damaged(kind, error) from None
    largest = max(members, key=lambda member: member.file_size, default=None)
    if largest is not None and largest.file_size > MAX_MEMBER_BYTES:
        raise UnreadableFile(
            f"{largest.filename} in the {kind} file would unpack to {largest.file_size // 2**20} MB "
            "(a zip bomb?); not imported"
        )
    if (total := sum(member.file_size for member in members)) > MAX_UNPACKED_BYTES:
        raise UnreadableFile(f"the {kind} file would unpack to {total // 2**20} MB (a zip bomb?); not imported")
    return archive
