"""Relations coming in from other tools' files: into a relation type of the peer's label (made
for the two ends' tags when the database has none), refused when a type of that name links
other tags, counted when an end is not a span that came in."""

from __future__ import annotations

import json
from pathlib import Path

from peerkit import held, held_relations

from reader.domain.foreign.model import RELATION_TO_OTHER
from reader.store import Store

TEXT = "Anna said the river was high on Monday.\n"


def brat_pair(folder: Path, ann: str) -> Path:
    """A brat pair over TEXT; every T line's offsets are found from its quoted text."""
    folder.mkdir()
    (folder / "said.txt").write_text(TEXT, encoding="utf-8")
    lines = []
    for line in ann.strip().splitlines():
        if line.startswith("T"):
            name, tag, quote = line.split("\t")
            start = TEXT.index(quote)
            line = f"{name}\t{tag} {start} {start + len(quote)}\t{quote}"
        lines.append(line)
    (folder / "said.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_a_relation_comes_into_the_type_of_its_name_when_that_type_links_its_ends_tags(cli, tmp_path):
    folder = brat_pair(
        tmp_path / "brat",
        "T1\tclaim\tthe river was high\nT2\tactor\tAnna\nT3\tdate\tMonday\n"
        "R1\tsaid_by Arg1:T1 Arg2:T2\t\nR2\tdated Arg1:T1 Arg2:T3\t",
    )

    outcome = cli("import-annotations", folder, "--db", tmp_path / "r.db")

    assert outcome.code == 0, outcome.err
    assert "relation types created" not in outcome.out  # a new database has said_by and dated
    assert sorted(held_relations(tmp_path / "r.db")) == [
        ("said.txt", "dated", "claim", "the river was high", "date", "Monday", ""),
        ("said.txt", "said_by", "claim", "the river was high", "actor", "Anna", ""),
    ]


def test_a_relation_whose_type_links_other_tags_is_refused_in_one_line(cli, tmp_path):
    folder = brat_pair(
        tmp_path / "brat",
        "T1\tPerson\tAnna\nT2\tRiver\tthe river\nR1\tsaid_by Arg1:T2 Arg2:T1\t\nR2\tseen_by Arg1:T2 Arg2:T1\t",
    )

    outcome = cli("import-annotations", folder, "--db", tmp_path / "r.db")

    assert outcome.code == 3
    assert outcome.err == (
        "refused said.txt: relation 'said_by' from T2 to T1: "
        "said_by links a claim to a actor, not a River to a Person\n"
    )
    assert "relation types created: seen_by\n" in outcome.out
    assert held_relations(tmp_path / "r.db") == [("said.txt", "seen_by", "River", "the river", "Person", "Anna", "")]
    with Store.open(tmp_path / "r.db", read_only=True) as store:
        kind = store.relation_type("seen_by")
    assert kind is not None and (kind.source_tag, kind.target_tag) == ("River", "Person")


def test_a_relation_to_an_event_or_a_refused_span_is_counted_and_makes_no_type(cli, tmp_path):
    folder = brat_pair(
        tmp_path / "brat",
        f"T1\tPerson\tAnna\nT2\tSaying\tsaid\nE1\tSaying:T2\nT3\t{'D' * 65}\tMonday\n"
        "R1\tsays Arg1:T1 Arg2:E1\t\nR2\twhen Arg1:T1 Arg2:T3\t\nR3\tnamed Arg1:T1 Arg2:T9\t",
    )

    outcome = cli("import-annotations", folder, "--db", tmp_path / "r.db")

    assert outcome.code == 3
    assert outcome.err.startswith("refused said.txt: T3 'DDD")  # its tag is too long: 64 characters at most
    assert len(outcome.err.splitlines()) == 1
    assert f"not imported: 3 × {RELATION_TO_OTHER}" in outcome.out  # to E1, to T3 refused, to T9 missing
    assert "relation types created" not in outcome.out
    assert held_relations(tmp_path / "r.db") == []
    assert sorted(row[1] for row in held(tmp_path / "r.db")) == ["Person", "Saying"]


def test_label_studio_relations_follow_their_direction_and_an_unlabelled_one_is_related(cli, tmp_path):
    text = "Anna met Boris."
    regions = [
        {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels"}
        | {"value": {"start": 0, "end": 4, "text": "Anna", "labels": ["Person"]}},
        {"id": "r2", "from_name": "label", "to_name": "text", "type": "labels"}
        | {"value": {"start": 9, "end": 14, "text": "Boris", "labels": ["Person"]}},
    ]
    unlabelled = {"from_id": "r1", "to_id": "r2", "type": "relation", "direction": "left", "labels": []}
    two_labels = {"from_id": "r1", "to_id": "r2", "type": "relation", "direction": "right", "labels": ["met", "knows"]}
    # Two annotations of one task with the same region ids, as two made from one prediction have.
    annotations = [
        {"id": 1, "result": [*regions, unlabelled]},
        {
            "id": 2,
            "result": [{**regions[0], "value": {**regions[0]["value"], "labels": ["Host"]}}, regions[1], two_labels],
        },
    ]
    source = tmp_path / "tasks.json"
    source.write_text(json.dumps([{"id": 7, "data": {"text": text}, "annotations": annotations}]), encoding="utf-8")

    outcome = cli("import-annotations", source, "--db", tmp_path / "r.db")

    assert outcome.code == 0, outcome.err
    assert sorted(held_relations(tmp_path / "r.db")) == [
        ("tasks 7", "knows", "Host", "Anna", "Person", "Boris", ""),
        ("tasks 7", "met", "Host", "Anna", "Person", "Boris", ""),
        ("tasks 7", "related", "Person", "Boris", "Person", "Anna", ""),
    ]


def test_prodigy_relations_come_in_between_the_spans_their_head_and_child_are(cli, tmp_path):
    text = "IL-2 activates NF-kB in cells."
    spans = [{"start": 0, "end": 4, "label": "GGP"}, {"start": 15, "end": 20, "label": "GGP"}]
    relations = [
        {"head": 0, "child": 2, "label": "Regulates", "head_span": spans[0], "child_span": spans[1]},
        {"head": 0, "child": 4, "label": "In", "head_span": spans[0]}
        | {"child_span": {"start": 24, "end": 29, "token_start": 4, "token_end": 4, "label": None}},
    ]
    source = tmp_path / "rel.jsonl"
    source.write_text(json.dumps({"text": text, "spans": spans, "relations": relations}) + "\n", encoding="utf-8")

    outcome = cli("import-annotations", source, "--db", tmp_path / "r.db")

    assert outcome.code == 0, outcome.err
    assert held_relations(tmp_path / "r.db") == [("rel 1", "Regulates", "GGP", "IL-2", "GGP", "NF-kB", "")]
    assert f"not imported: 1 × {RELATION_TO_OTHER}" in outcome.out  # "cells" is a token, not a span
