"""Hostile files and folders given to import: a named pipe, a file name that is not UTF-8, an
unreadable folder, a dangling symbolic link, UTF-16 and UTF-32 text, and ASCII with one cut-off
UTF-8 sequence. Each is imported correctly or skipped with a one-line reason (exit code 3), the
files beside it are imported, and nothing hangs or prints a traceback.

Covered elsewhere and not repeated here: binary files and cp1251/koi8-r detection in
tests/unit/test_corpus_import.py; broken UTF-8 in UTF-8 text in test_hostile_documents.py."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from reliability_support import run_cli

from reader.store import Store

NOBODY = 65534
GOOD_TEXT = "Всё хорошо 🎉\n"


def corpus_with_a_good_file(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    return corpus


def documents(db: Path) -> dict[str, str]:
    with Store.open(db, read_only=True) as store:
        return {d.name: store.document(d.id).text for d in store.documents()}


def assert_skipped(result, skips: list[str], added: list[str]) -> None:
    """Exit code 3, one "skipped PATH: REASON" line a skipped file, and the files added."""
    assert "Traceback" not in result.stderr
    assert result.returncode == 3, result.stderr
    assert result.stderr.splitlines() == skips
    assert [line.split(" (id")[0] for line in result.stdout.splitlines()] == [f"added {name}" for name in added]


# Root reads a folder whatever its permissions, so as root the import runs as nobody. The
# child becomes nobody only once Reader is imported: the interpreter's own files may be in a
# folder that nobody cannot enter (/root/.pyenv, say), where subprocess's user= cannot start it.
# What the command imports lazily comes first too: locale (argparse's gettext imports it as it
# parses), the subcommands (reader.cli imports them when one runs) and sqlite-utils (the store
# loads it to write the documents).
_IMPORT_THEN_BECOME_NOBODY = f"""
import locale, os, sys, tomllib, charset_normalizer  # a new database; a file not in UTF-8
import reader.cli, reader.cli_commands, reader.store.sqlite_utils_alone
os.setgroups([]); os.setgid({NOBODY}); os.setuid({NOBODY})
sys.exit(reader.cli.main(sys.argv[1:]))
"""


def run_unprivileged(*args, timeout: float = 60) -> subprocess.CompletedProcess:
    """The command line in its own process, as a user whom file permissions bind."""
    if os.geteuid() != 0:
        return run_cli(*args, timeout=timeout)
    return subprocess.run(
        [sys.executable, "-c", _IMPORT_THEN_BECOME_NOBODY, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=dict(os.environ),
    )


def test_a_fifo_is_skipped_not_waited_for(tmp_path):
    corpus = corpus_with_a_good_file(tmp_path)
    pipe = corpus / "pipe.txt"
    os.mkfifo(pipe)
    db = tmp_path / "project.sqlite"

    # Given on its own and found in a folder; reading it would wait for a writer forever.
    result = run_cli("import", pipe, corpus, "--db", db, timeout=30)

    reason = "a named pipe, not a regular file; not opened"
    assert_skipped(result, [f"skipped {pipe}: {reason}", f"skipped {pipe}: {reason}"], added=["good.txt"])
    assert documents(db) == {"good.txt": GOOD_TEXT}


def test_a_file_name_that_is_not_utf8_is_skipped_and_the_rest_imported(tmp_path):
    corpus = corpus_with_a_good_file(tmp_path)
    bad = os.path.join(os.fsencode(corpus), b"bad\xff.txt")
    with open(bad, "wb") as handle:
        handle.write(b"A fine text with a bad name.\n")
    db = tmp_path / "project.sqlite"

    result = run_cli("import", corpus, "--db", db)

    assert_skipped(
        result,
        [rf"skipped {corpus}/bad\xff.txt: the name 'bad\xff.txt' is not valid UTF-8; rename it"],
        added=["good.txt"],
    )
    assert documents(db) == {"good.txt": GOOD_TEXT}


def test_the_window_opens_on_a_folder_with_a_file_name_that_is_not_utf8(qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel, QPlainTextEdit

    from reader.app import build
    from reader.cli import parse

    corpus = corpus_with_a_good_file(tmp_path)
    (corpus / "second.md").write_text("# Second\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(corpus), b"bad\xff.txt"), "wb") as handle:
        handle.write(b"A fine text with a bad name.\n")

    window = build(
        parse([str(corpus), "--db", str(tmp_path / "project.sqlite")]), settings_path=tmp_path / "settings.ini"
    )
    qtbot.addWidget(window)
    window.show()

    model = window.documents.model
    names = sorted(model.summary(model.document_id(row)).name for row in range(model.rowCount()))
    assert names == ["good.txt", "second.md"]
    assert window.status_message.text().startswith("Imported 2 document(s), 1 skipped (bad\\xff.txt: ")
    details = window.findChild(QPlainTextEdit, "messageDetails")
    assert details is not None
    assert details.toPlainText() == "bad\\xff.txt: the name 'bad\\xff.txt' is not valid UTF-8; rename it"
    message = window.findChild(QLabel, "messageText")
    assert message is not None and "1 skipped" in message.text()
    message.window().accept()


@pytest.fixture
def folder_of_the_importing_user():
    """A fresh folder in /tmp that the user of ``run_unprivileged`` owns (pytest's tmp_path
    is in folders only root may enter)."""
    with tempfile.TemporaryDirectory(prefix="reader-unprivileged-") as name:
        if os.geteuid() == 0:
            os.chown(name, NOBODY, NOBODY)
        yield Path(name)


def test_an_unreadable_folder_is_reported_and_the_rest_imported(folder_of_the_importing_user):
    work = folder_of_the_importing_user
    corpus = corpus_with_a_good_file(work)
    locked = corpus / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text("Cannot be listed.\n", encoding="utf-8")
    (corpus / "zed.txt").write_text("After the locked folder.\n", encoding="utf-8")
    if os.geteuid() == 0:
        for path in (corpus, locked, locked / "inside.txt", *corpus.glob("*.txt")):
            os.chown(path, NOBODY, NOBODY)
    locked.chmod(0)
    db = work / "project.sqlite"
    try:
        result = run_unprivileged("import", corpus, "--db", db)
    finally:
        locked.chmod(0o755)  # so that the folder can be removed

    assert_skipped(
        result, [f"skipped {locked}: cannot read the folder: Permission denied"], added=["good.txt", "zed.txt"]
    )
    assert sorted(documents(db)) == ["good.txt", "zed.txt"]


def test_a_dangling_symlink_is_reported_and_the_rest_imported(tmp_path):
    corpus = corpus_with_a_good_file(tmp_path)
    (corpus / "link.txt").symlink_to(tmp_path / "moved-away.txt")  # never there
    db = tmp_path / "project.sqlite"

    result = run_cli("import", corpus, "--db", db)

    target = tmp_path / "moved-away.txt"
    assert_skipped(result, [f"skipped {corpus / 'link.txt'}: a broken symbolic link (to {target})"], added=["good.txt"])
    assert documents(db) == {"good.txt": GOOD_TEXT}


@pytest.mark.parametrize(
    "codec, mark",
    [
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"],
)
def test_utf16_and_utf32_text_with_a_mark_is_decoded(tmp_path, codec, mark):
    text = "Заявление 📢 министра\r\nThe minister claimed growth.\r\n"
    path = tmp_path / "wide.txt"
    path.write_bytes(mark + text.encode(codec))
    db = tmp_path / "project.sqlite"

    result = run_cli("import", path, "--db", db)

    assert (result.returncode, result.stdout, result.stderr) == (0, "added wide.txt (id 1)\n", "")
    assert documents(db) == {"wide.txt": text.replace("\r\n", "\n")}


def test_utf16_that_breaks_after_its_mark_is_refused_with_the_byte_offset(tmp_path):
    corpus = corpus_with_a_good_file(tmp_path)
    broken = codecs.BOM_UTF16_LE + "Текст".encode("utf-16-le") + b"\x3d\xd8" + "конец".encode("utf-16-le")
    (corpus / "wide.txt").write_bytes(broken)  # a high surrogate without its low half, at byte 12
    db = tmp_path / "project.sqlite"

    result = run_cli("import", corpus, "--db", db)

    assert_skipped(
        result,
        [
            f"skipped {corpus / 'wide.txt'}: not valid UTF-16 at byte 12, though it starts with "
            "a UTF-16 mark; re-save it as UTF-8"
        ],
        added=["good.txt"],
    )
    assert documents(db) == {"good.txt": GOOD_TEXT}


@pytest.mark.parametrize(
    "raw, position",
    [
        (b"plain ascii \xe2\x80 more ascii", 12),  # two bytes of a three-byte character
        (b"an emoji cut off: \xf0\x9f\x98", 18),  # three bytes of a four-byte one, at the end
    ],
    ids=["three-byte character", "four-byte character at the end"],
)
def test_ascii_with_one_cut_off_utf8_sequence_is_refused_with_the_byte_offset(tmp_path, raw, position):
    corpus = corpus_with_a_good_file(tmp_path)
    (corpus / "cut.txt").write_bytes(raw)
    db = tmp_path / "project.sqlite"

    result = run_cli("import", corpus, "--db", db)

    assert_skipped(
        result,
        [
            f"skipped {corpus / 'cut.txt'}: not valid UTF-8 at byte {position}, though the rest "
            "is UTF-8; re-save it as UTF-8"
        ],
        added=["good.txt"],
    )
    assert documents(db) == {"good.txt": GOOD_TEXT}


def test_latin1_text_with_a_lone_high_byte_still_imports(tmp_path):
    path = tmp_path / "cafe.txt"
    path.write_bytes(b"Un caf\xe9 au lait, s'il vous pla\xeet.\n")
    db = tmp_path / "project.sqlite"

    result = run_cli("import", path, "--db", db)

    assert (result.returncode, result.stdout, result.stderr) == (0, "added cafe.txt (id 1)\n", "")
    text, raw = documents(db)["cafe.txt"], path.read_bytes()
    # Each lone byte became one character of a legacy encoding (which one is the detector's guess).
    assert len(text) == len(raw)
    assert [c for c in text if c.isascii()] == [chr(b) for b in raw if b < 0x80]


def test_cp1251_text_whose_closing_quote_looks_like_cut_off_utf8_still_imports(tmp_path):
    text = "Министр сказал «слово» и ушёл домой.\n"
    path = tmp_path / "quote.txt"
    path.write_bytes(text.encode("cp1251"))  # "о»" is EE BB: a UTF-8 lead byte and a continuation byte
    db = tmp_path / "project.sqlite"

    result = run_cli("import", path, "--db", db)

    assert (result.returncode, result.stdout, result.stderr) == (0, "added quote.txt (id 1)\n", "")
    assert documents(db) == {"quote.txt": text}
