"""Taguette's project database: made by Taguette's own code (tests/data/peers/taguette/make_project.py),
read through SQLite without a byte of it changed."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from peerkit import PEERS, held

from reader.domain.foreign import taguette
from reader.domain.foreign.detect import detect
from reader.store import Store

TAGUETTE = PEERS / "taguette"
EXPORTED, WORKSPACE = TAGUETTE / "project.sqlite3", TAGUETTE / "workspace.sqlite3"


def _rows(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
        return db.execute(sql).fetchall()


def _tagged_highlights(path: Path) -> list[tuple[str, str, str]]:
    """(document, tag, text of the snippet with its HTML tags taken out) of every tagged highlight."""
    rows = _rows(
        path,
        "SELECT d.name, t.path, h.snippet FROM highlights h JOIN documents d ON d.id = h.document_id "
        "JOIN highlight_tags ht ON ht.highlight_id = h.id JOIN tags t ON t.id = ht.tag_id",
    )
    return [(name, tag, html.unescape(re.sub(r"<[^>]*>", "", snippet))) for name, tag, snippet in rows]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _without_breaks(text: str) -> str:
    return text.replace("\n", "").replace("\t", "")


@pytest.mark.parametrize("sample", [EXPORTED, WORKSPACE], ids=["exported project", "workspace"])
def test_every_tagged_highlight_comes_in_text_exact_and_the_file_is_not_touched(cli, tmp_path, sample):
    before = _sha256(sample)
    db = tmp_path / "r.db"

    outcome = cli("import-annotations", sample, "--db", db)

    assert outcome.code == 0, outcome.err
    expected = _tagged_highlights(sample)
    assert len(expected) == 10  # nine highlights with a tag, one of them with two; one with none
    stored = [(name, tag, _without_breaks(text)) for name, tag, text, _ in held(db)]
    assert sorted(stored) == sorted(expected)
    assert "documents added 2" in outcome.out
    assert "tags created: organisation, interesting quote" in outcome.out
    assert "not imported: 1 × highlight without a tag" in outcome.out
    assert _sha256(sample) == before
    assert not any(Path(f"{sample}{suffix}").exists() for suffix in ("-wal", "-shm", "-journal"))


def test_the_html_reads_as_lines_and_a_highlight_across_a_line_break_keeps_it(cli, tmp_path):
    db = tmp_path / "r.db"
    cli("import-annotations", EXPORTED, "--db", db)

    with Store.open(db, read_only=True) as store:
        texts = {summary.name: store.document(summary.id).text for summary in store.documents()}
    assert texts["Emoji & lists"] == (
        "Rosalind 👩\u200d🔬 Franklin said “photo 51” was clear.\nNext line & more.\n\n"
        "first 🧬 item\nsecond item\n\nDate\t25 April 1953"
    )
    assert texts["Заявление ОДКБ"].startswith("Москва не обращалась к ОДКБ\n\nМосква официально")
    spans = {(tag, text) for name, tag, text, _ in held(db) if name == "Emoji & lists"}
    assert ("claim", "“photo 51” was clear.\nNext line") in spans
    assert ("interesting quote", "first 🧬 item") in spans


def test_who_added_each_highlight_comes_from_the_workspace_log(cli, tmp_path):
    db = tmp_path / "r.db"
    cli("import-annotations", WORKSPACE, "--db", db)

    with Store.open(db, read_only=True) as store:
        annotators = {
            (a.tag, a.text): a.annotator for summary in store.documents() for a in store.annotations(summary.id)
        }
    commands = _rows(WORKSPACE, "SELECT user_login, payload FROM commands WHERE payload LIKE '%highlight_add%'")
    assert {user for user, _ in commands} == {"anna", "boris"}
    assert annotators[("date", "7 августа")] == "boris"
    assert annotators[("actor", "Москва")] == "anna"


def test_importing_it_again_adds_nothing(cli, tmp_path):
    db = tmp_path / "r.db"
    cli("import-annotations", EXPORTED, "--db", db)

    again = cli("import-annotations", EXPORTED, "--db", db, "--format", "taguette")

    assert again.code == 0
    assert "documents added 0, already held 2" in again.out
    assert "imported 0, unchanged 10" in again.out


def test_a_highlight_outside_its_text_is_refused_and_the_rest_come_in(cli, tmp_path):
    broken = tmp_path / "broken.sqlite3"
    shutil.copy(EXPORTED, broken)
    with closing(sqlite3.connect(broken)) as db, db:
        db.execute("UPDATE highlights SET end_offset = 100000 WHERE id = 4")
        db.execute("UPDATE highlights SET start_offset = 1 WHERE id = 1")  # inside the two bytes of "М"

    outcome = cli("import-annotations", broken, "--db", tmp_path / "r.db")

    assert outcome.code == 3
    assert "imported 8" in outcome.out
    refused = [line for line in outcome.err.splitlines() if line.startswith("refused")]
    assert len(refused) == 2
    assert any("highlight 4" in line and "outside the text" in line for line in refused)
    assert any("highlight 1" in line and "inside a character" in line for line in refused)


def test_a_reader_database_or_another_programs_is_refused_in_one_line(cli, tmp_path):
    other_reader = tmp_path / "other.db"
    cli("import", PEERS / "brat" / "000-introduction.txt", "--db", other_reader)
    foreign = tmp_path / "foreign.sqlite3"
    with closing(sqlite3.connect(foreign)) as db, db:
        db.execute("CREATE TABLE documents (id INTEGER)")
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(EXPORTED.read_bytes()[:100] + b"\xff" * 5000)

    for path, reason in (
        (other_reader, "is a Reader database: bring its annotations in with reader merge"),
        (foreign, "is an SQLite database but not Taguette's"),
        (damaged, "cannot be read as a Taguette database"),
    ):
        before = _sha256(path)
        outcome = cli("import-annotations", path, "--db", tmp_path / "r.db")
        assert outcome.code != 0
        assert reason in outcome.err
        assert len(outcome.err.strip().splitlines()) == 1
        assert "Traceback" not in outcome.err
        assert _sha256(path) == before


def test_a_taguette_file_is_told_by_its_header_whatever_its_name(tmp_path):
    renamed = tmp_path / "my project.db"
    shutil.copy(EXPORTED, renamed)

    assert detect(EXPORTED) == taguette.NAME
    assert detect(renamed) == taguette.NAME


def test_taguette_is_read_only(cli, tmp_path):
    db = tmp_path / "r.db"
    cli("import-annotations", EXPORTED, "--db", db)

    with pytest.raises(SystemExit):
        cli("export", "--format", "taguette", "--db", db)


@pytest.mark.parametrize(
    ("contents", "text"),
    [
        ("<p>one</p>\n<p>  two</p>", "one\n\ntwo"),
        ("<ul><li>a</li><li>b</li></ul><p>c</p>", "a\nb\n\nc"),
        ("<table><tr><th>x</th><td>y</td></tr><tr><td>z</td></tr></table>", "x\ty\nz"),
        ("<p>a<br>b<br/>c &amp; d</p>", "a\nb\nc & d"),
        ("<p>in <b>bold</b>, not broken</p>", "in bold, not broken"),
    ],
)
def test_the_lines_of_taguettes_html(contents, text):
    assert taguette.document_lines(contents).text == text


def test_an_offset_in_white_space_between_paragraphs_moves_into_the_text():
    lines = taguette.document_lines("<p>one</p>\n\n<p>two</p>")
    gap = lines.text_content.index("\n")  # the white space Taguette counts and Reader drops

    assert lines.text_content == "one\n\ntwo"
    assert lines.text == "one\n\ntwo"
    assert lines.to_text(gap, is_end=False) == lines.text.index("two")
    assert lines.to_text(gap + 1, is_end=True) == len("one")
