"""Importing files and folders: encodings, line endings, titles, names, skips and duplicates."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reader.domain.corpus import read_source
from reader.paths import seeds_dir
from reader.store import Store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
PNG_START = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"


def seed_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8").replace("\r\n", "\n")


def first_non_empty_line(text: str) -> str:
    return next(line.strip() for line in text.split("\n") if line.strip())


def test_the_bundled_seeds_are_the_repository_seeds():
    assert seeds_dir().resolve() == SEEDS
    assert len(SEED_FILES) == 2


def test_importing_the_seeds_keeps_text_title_name_and_hash(cli, db_path):
    result = cli("import", SEEDS, "--db", db_path)

    assert result.code == 0, result.err
    assert result.err == ""
    with Store.open(db_path) as store:
        documents = {d.name: store.document(d.id) for d in store.documents()}
    assert sorted(documents) == [p.name for p in SEED_FILES]
    for path in SEED_FILES:
        document, text = documents[path.name], seed_text(path)
        assert document.text == text
        assert document.title == first_non_empty_line(text)
        assert document.length == len(text)
        assert document.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert document.source_path == str(path.resolve())
        assert f"added {path.name}" in result.out


def legacy_sample(encoding: str) -> str:
    """A seed's Russian text, restricted to the characters ``encoding`` can write."""
    text = seed_text(SEED_FILES[0])
    return "".join(ch for ch in text if ch.encode(encoding, errors="ignore"))


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_legacy_russian_encodings_are_detected_and_decoded(cli, db_path, tmp_path, encoding):
    text = legacy_sample(encoding)
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")

    assert read_source(path, path.name).encoding.replace("-", "_").lower() == encoding
    result = cli("import", path, "--db", db_path)

    assert result.code == 0, result.err
    with Store.open(db_path) as store:
        document = store.find_document(path.name)
    assert document.text == text
    assert document.title == first_non_empty_line(text)


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_a_short_legacy_russian_line_is_decoded(tmp_path, encoding):
    text = "Привет, мир! Съешь же ещё этих мягких французских булок.\n"
    path = tmp_path / "short.txt"
    path.write_bytes(text.encode(encoding))

    assert read_source(path, path.name).text == text


def test_a_utf8_bom_is_not_part_of_the_text(tmp_path, store):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Заголовок\nтекст\n".encode())

    source = read_source(path, path.name)
    store.import_source(source)

    document = store.find_document("bom.txt")
    assert document.text == "Заголовок\nтекст\n"
    assert document.title == "Заголовок"


@pytest.mark.parametrize(
    "raw",
    [
        b"first line\r\nsecond line\r\n\r\nfourth\r\n",
        b"first line\rsecond line\r\rfourth\r",
        b"first line\r\nsecond line\r\nfourth\n",
    ],
)
def test_line_endings_become_lf(tmp_path, store, raw):
    path = tmp_path / "endings.txt"
    path.write_bytes(raw)

    store.import_source(read_source(path, path.name))

    text = store.find_document("endings.txt").text
    assert "\r" not in text
    assert text.split("\n")[:2] == ["first line", "second line"]
    assert text.rstrip("\n").endswith("fourth")


def test_offsets_count_the_normalized_text_of_a_crlf_file(cli, db_path, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("Строка один\r\nСтрока два\r\n".encode())
    cli("import", path, "--db", db_path)
    start = len("Строка один\n")

    result = cli(
        "annotate",
        "--db",
        db_path,
        "--doc",
        "crlf.txt",
        "--start",
        start,
        "--end",
        start + len("Строка"),
        "--tag",
        "claim",
    )

    assert result.code == 0, result.err
    with Store.open(db_path) as store:
        assert store.annotation(result.out.strip()).text == "Строка"


def test_the_title_is_the_first_non_empty_line(tmp_path, store):
    path = tmp_path / "blank-start.md"
    path.write_text("\n   \n\t\n  # Heading here  \nbody\n", encoding="utf-8")

    store.import_source(read_source(path, path.name))

    assert store.find_document("blank-start.md").title == "# Heading here"


def test_binary_files_are_skipped_with_a_reason_and_the_rest_imported(reader_process, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Хороший текст\n", encoding="utf-8")
    (corpus / "picture.txt").write_bytes(PNG_START * 20)
    (corpus / "noise.md").write_bytes(bytes(range(1, 256)) * 8)
    (corpus / "also-good.md").write_text("Another one\n", encoding="utf-8")

    result = reader_process("import", corpus, "--db", "project.sqlite")

    assert result.returncode == 3
    reasons = result.stderr.splitlines()
    assert len(reasons) == 2
    assert any("picture.txt" in line and "binary" in line for line in reasons)
    assert any("noise.md" in line for line in reasons)
    with Store.open(tmp_path / "project.sqlite") as store:
        assert sorted(d.name for d in store.documents()) == ["also-good.md", "good.txt"]


def test_a_missing_path_is_skipped_and_reported(cli, db_path, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("text\n", encoding="utf-8")

    result = cli("import", tmp_path / "nowhere.txt", good, "--db", db_path)

    assert result.code == 3
    assert len(result.err.splitlines()) == 1 and "nowhere.txt" in result.err
    with Store.open(db_path) as store:
        assert [d.name for d in store.documents()] == ["good.txt"]


def test_the_same_content_is_not_imported_twice(cli, db_path, tmp_path):
    copy = tmp_path / "copy-of-first.txt"
    copy.write_bytes(SEED_FILES[0].read_bytes())
    cli("import", SEEDS, "--db", db_path)

    again = cli("import", SEEDS, copy, "--db", db_path)

    assert again.code == 0
    assert again.out.count("unchanged") == 3
    assert f"same content as {SEED_FILES[0].name}" in again.out
    with Store.open(db_path) as store:
        assert len(store.documents()) == 2


def test_a_folder_is_imported_recursively_with_relative_names(cli, db_path, tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "news" / "2024").mkdir(parents=True)
    (corpus / "top.txt").write_text("top\n", encoding="utf-8")
    (corpus / "news" / "2024" / "item.md").write_text("item\n", encoding="utf-8")
    (corpus / "news" / "notes.TXT").write_text("notes\n", encoding="utf-8")
    (corpus / "news" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (corpus / "news" / "table.xlsx").write_bytes(b"PK\x03\x04")
    (corpus / "news" / "2024" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    single = tmp_path / "single.txt"
    single.write_text("single\n", encoding="utf-8")

    result = cli("import", corpus, single, "--db", db_path)

    # Files of other types are listed in one line; they were never documents, so no failure.
    assert result.code == 0, result.err
    assert result.err == f"skipped {corpus}: 3 files of types .png, .xlsx, which Reader does not read\n"
    with Store.open(db_path) as store:
        names = sorted(d.name for d in store.documents())
    assert names == ["news/2024/item.md", "news/notes.TXT", "single.txt", "top.txt"]


@pytest.mark.parametrize("by", ["name", "id"])
def test_doc_takes_the_name_or_the_id(cli, db_path, tmp_path, by):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "first.txt").write_text("first document\n", encoding="utf-8")
    (corpus / "sub" / "second.txt").write_text("second document\n", encoding="utf-8")
    cli("import", corpus, "--db", db_path)
    with Store.open(db_path) as store:
        second = store.find_document("sub/second.txt")
    assert second.id != 1  # so that the id and the position in the list differ from the first's

    doc = second.name if by == "name" else str(second.id)
    result = cli("annotate", "--db", db_path, "--doc", doc, "--start", 0, "--end", 6, "--tag", "claim")

    assert result.code == 0, result.err
    with Store.open(db_path) as store:
        stored = store.annotation(result.out.strip())
    assert (stored.document_id, stored.text) == (second.id, "second")


def test_a_name_that_looks_like_an_id_means_the_name(cli, db_path, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("alpha\n", encoding="utf-8")
    (corpus / "b.txt").write_text("beta\n", encoding="utf-8")
    with Store.open(db_path) as store:
        for path in sorted(corpus.iterdir()):
            store.import_source(read_source(path, "1" if path.name == "b.txt" else path.name))

    result = cli("annotate", "--db", db_path, "--doc", "1", "--start", 0, "--end", 4, "--tag", "claim")

    with Store.open(db_path) as store:
        assert store.annotation(result.out.strip()).text == "beta"
