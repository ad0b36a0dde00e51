"""The command line: --version, --help, stats, and annotate's checks."""

from __future__ import annotations

import getpass
import re
from datetime import UTC, datetime, timedelta

import pytest

from reader import __version__
from reader.cli import COMMAND_NAMES
from reader.cli_commands import COMMANDS
from reader.store import Store

SEED = "000_0d09ba8671f8300e.txt"


def test_version(reader_process):
    result = reader_process("--version")

    assert result.returncode == 0
    assert result.stdout.strip() == f"reader {__version__}"


def test_help_lists_every_subcommand(reader_process):
    result = reader_process("--help")

    assert result.returncode == 0
    listed = re.findall(r"^    (\S+)", result.stdout, flags=re.MULTILINE)
    assert sorted(listed) == sorted(COMMANDS)
    assert "code points" in result.stdout


@pytest.mark.parametrize("command", sorted(set(COMMANDS) - {"open"}))
def test_each_subcommand_has_its_own_help(cli, capsys, command):
    with pytest.raises(SystemExit) as done:
        cli(command, "--help")

    assert done.value.code == 0
    assert f"reader {command}" in capsys.readouterr().out


def test_stats_counts_documents_and_annotations_by_tag_and_status(cli, seeded_store, annotate):
    annotate(seeded_store, SEED, "Москва", "actor")
    annotate(seeded_store, SEED, "ОДКБ", "actor")
    claim = annotate(seeded_store, SEED, "помощью", "claim")
    seeded_store.update_annotation(claim.changed(status="accepted", reviewer="ed"))

    result = cli("stats", "--db", seeded_store.path)

    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "documents: 2",
        "annotations: 3",
        "by tag:",
        "  actor: 2",
        "  claim: 1",
        "by status:",
        "  accepted: 1",
        "  pending: 2",
    ]


def annotation_count(store: Store) -> int:
    return store.counts()["annotations"]


def annotate_args(store: Store, **overrides) -> list:
    options = {"doc": SEED, "start": 0, "end": 6, "tag": "actor", **overrides}
    return ["annotate", "--db", store.path] + [x for key, value in options.items() for x in (f"--{key}", value)]


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"start": 3000, "end": 99999}, "outside the text"),
        ({"start": 5, "end": 5}, "outside the text"),
        ({"start": 6, "end": 2}, "outside the text"),
        ({"start": -1, "end": 4}, "outside the text"),
        ({"tag": "nonsense"}, "unknown tag 'nonsense'"),
        ({"doc": "missing.txt"}, "no document named 'missing.txt'"),
        ({"doc": "999"}, "no document named '999'"),
    ],
)
def test_annotate_refuses_bad_input_in_one_line_and_writes_nothing(cli, seeded_store, overrides, message):
    result = cli(*annotate_args(seeded_store, **overrides))

    assert result.code == 1
    assert result.out == ""
    assert result.err.startswith("reader: ") and len(result.err.splitlines()) == 1
    assert message in result.err
    assert annotation_count(seeded_store) == 0


def test_annotate_end_past_the_text_names_the_valid_range(cli, seeded_store):
    length = seeded_store.find_document(SEED).length

    result = cli(*annotate_args(seeded_store, start=length - 2, end=length + 1))

    assert f"<= {length}" in result.err


def test_annotate_stores_note_and_annotator(cli, seeded_store):
    document = seeded_store.find_document(SEED)
    start = document.text.index("ОДКБ")
    before = datetime.now(UTC) - timedelta(seconds=1)

    result = cli(
        *annotate_args(seeded_store, start=start, end=start + 4, note='Организация, "ОДКБ"', annotator="Мария")
    )

    assert result.code == 0, result.err
    stored = seeded_store.annotation(result.out.strip())
    assert (stored.document_id, stored.start, stored.end, stored.text) == (document.id, start, start + 4, "ОДКБ")
    assert (stored.tag, stored.note, stored.annotator) == ("actor", 'Организация, "ОДКБ"', "Мария")
    assert (stored.status, stored.reviewer, stored.review_note) == ("pending", "", "")
    created = datetime.fromisoformat(stored.created_at)
    assert created.utcoffset() == timedelta(0)
    assert before <= created <= datetime.now(UTC)
    assert stored.updated_at == stored.created_at


def test_the_annotator_defaults_to_the_user_name(cli, seeded_store):
    result = cli(*annotate_args(seeded_store))

    assert seeded_store.annotation(result.out.strip()).annotator == getpass.getuser()


def test_annotate_does_not_create_a_missing_database(cli, tmp_path):
    missing = tmp_path / "missing.sqlite"

    result = cli("annotate", "--db", missing, "--doc", "a", "--start", 0, "--end", 1, "--tag", "claim")

    assert result.code == 1
    assert "no such database" in result.err
    assert not missing.exists()


@pytest.mark.parametrize("command", ["stats", "export"])
def test_read_commands_do_not_create_a_missing_database(cli, tmp_path, command):
    missing = tmp_path / "missing.sqlite"

    result = cli(command, "--db", missing)

    assert result.code == 1
    assert not missing.exists()


def test_the_window_knows_every_subcommand_by_name_without_importing_them():
    """``reader.cli`` tells a subcommand from a corpus folder by name alone; the names are
    those ``reader.cli_commands`` runs."""
    assert set(COMMANDS) == COMMAND_NAMES
