"""Importing other tools' real sample files: every span text-exact, what Reader cannot hold counted."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from peerkit import held, held_relations

from reader.domain.foreign import brat, doccano, label_studio, prodigy
from reader.domain.foreign.detect import READER, detect
from reader.domain.foreign.model import BadPeerFile

PEERS = Path(__file__).parent.parent / "data" / "peers"


def brat_relations(ann: Path) -> list[tuple[str, str, str, str, str, str, str]]:
    """Each R line of the file as held_relations gives it, its ends looked up among the T lines."""
    lines = [line.split("\t") for line in ann.read_text(encoding="utf-8").splitlines()]
    spans = {fields[0]: (fields[1].split(" ")[0], fields[2]) for fields in lines if fields[0].startswith("T")}
    notes = {fields[1].split(" ")[1]: fields[2] for fields in lines if fields[0].startswith("#")}
    relations = []
    for fields in lines:
        if fields[0].startswith("R"):
            kind, source, target = fields[1].split(" ")
            ends = (*spans[source.removeprefix("Arg1:")], *spans[target.removeprefix("Arg2:")])
            relations.append((ann.stem + ".txt", kind, *ends, notes.get(fields[0], "")))
    return relations


def test_brat_pairs_come_in_with_notes_and_relations_and_their_events_and_attributes_counted(cli, tmp_path):
    db = tmp_path / "r.db"
    outcome = cli("import-annotations", PEERS / "brat", "--db", db)

    assert outcome.code == 0, outcome.err
    expected = []
    for ann in sorted((PEERS / "brat").glob("*.ann")):
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                _, type_and_offsets, text = line.split("\t")
                expected.append((ann.stem + ".txt", type_and_offsets.split(" ")[0], text))
    assert sorted(row[:3] for row in held(db)) == sorted(expected)
    assert len(expected) == 34
    notes = {row[2]: row[3] for row in held(db) if row[3]}
    assert notes == {"$100 million": "100000000 USD", "Discworld": "Should fictional places be annotated?"}
    relations = [relation for ann in sorted((PEERS / "brat").glob("*.ann")) for relation in brat_relations(ann)]
    assert sorted(held_relations(db)) == sorted(relations)
    assert len(relations) == 4
    assert (  # R1 of 110-note_annotation.ann, and the note on it, read by hand
        "110-note_annotation.txt",
        "Family",
        "Person",
        "Orville Wright",
        "Person",
        "Wilbur Wright",
        "Should this be marked? It's not explicitly stated.",
    ) in held_relations(db)
    assert "relation types created: Origin, Family" in outcome.out
    assert "relations imported 4, unchanged 0" in outcome.out
    assert "× relation" not in outcome.out
    assert "not imported: 1 × note on an event or missing annotation" in outcome.out  # #2 of 110, on E1
    assert "not imported: 3 × event" in outcome.out
    assert "not imported: 5 × attribute" in outcome.out
    assert "not imported: 1 × normalization" in outcome.out


def test_doccano_offsets_count_utf16_units(cli, tmp_path):
    db = tmp_path / "r.db"
    for sample in ("sequence_labeling.jsonl", "relation_extraction.jsonl"):
        assert cli("import-annotations", PEERS / "doccano" / sample, "--db", db).code == 0

    expected = []
    for sample in ("sequence_labeling.jsonl", "relation_extraction.jsonl"):
        for line in (PEERS / "doccano" / sample).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            units = record["text"].encode("utf-16-le")
            spans = record.get("label") or [
                (e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]
            ]
            expected += [(label, units[2 * s : 2 * e].decode("utf-16-le")) for s, e, label in spans]
    assert sorted(row[1:3] for row in held(db)) == sorted(expected)
    assert len(expected) == 8


def test_doccano_relations_come_in_between_the_entities_they_name(cli, tmp_path):
    db = tmp_path / "r.db"
    sample = PEERS / "doccano" / "relation_extraction.jsonl"
    outcome = cli("import-annotations", sample, "--db", db)

    assert outcome.code == 0, outcome.err
    expected = []
    for line in sample.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        units = record["text"].encode("utf-16-le")
        entities = {
            e["id"]: (e["label"], units[2 * e["start_offset"] : 2 * e["end_offset"]].decode("utf-16-le"))
            for e in record["entities"]
        }
        name = f"{sample.stem} 1"  # the line's number: the file has no document names
        expected += [(name, r["type"], *entities[r["from_id"]], *entities[r["to_id"]], "") for r in record["relations"]]
    assert sorted(held_relations(db)) == sorted(expected)
    assert len(expected) == 3
    assert (name, "foundedBy", "ORG", "Google", "PERSON", "Sergey Brin", "") in expected  # read by hand
    assert "relation types created: foundedAt, foundedBy" in outcome.out


def test_doccano_emoji_before_a_span_is_two_units(cli, tmp_path):
    text = "🌷 Peter Blackburn"
    source = tmp_path / "emoji.jsonl"
    source.write_text(json.dumps({"text": text, "label": [[3, 8, "PERSON"]]}) + "\n", encoding="utf-8")

    assert cli("import-annotations", source, "--format", "doccano", "--db", tmp_path / "r.db").code == 0
    assert [row[2] for row in held(tmp_path / "r.db")] == ["Peter"]


def test_label_studio_counts_code_points_over_crlf_text(cli, tmp_path):
    db = tmp_path / "r.db"
    outcome = cli("import-annotations", PEERS / "label-studio" / "ner_export.json", "--db", db)

    assert outcome.code == 0, outcome.err
    tasks = json.loads((PEERS / "label-studio" / "ner_export.json").read_text(encoding="utf-8"))
    expected = [
        (result["value"]["labels"][0], task["data"]["text"][result["value"]["start"] : result["value"]["end"]])
        for task in tasks
        for annotation in task["annotations"]
        if not annotation["was_cancelled"]
        for result in annotation["result"]
        if result["type"] == "labels"
    ]
    assert sorted(row[1:3] for row in held(db)) == sorted(expected)
    assert len(expected) == 6
    assert ("Location", "Kazan") in [row[1:3] for row in held(db)]
    assert {row[3] for row in held(db)} == {"", "the city on the Volga"}
    for kind in ("1 × cancelled annotation", "1 × prediction", "1 × choices result"):
        assert f"not imported: {kind}" in outcome.out


def test_label_studio_relation_comes_in_between_the_regions_it_names(cli, tmp_path):
    db = tmp_path / "r.db"
    outcome = cli("import-annotations", PEERS / "label-studio" / "ner_export.json", "--db", db)

    assert outcome.code == 0, outcome.err
    expected = []
    for task in json.loads((PEERS / "label-studio" / "ner_export.json").read_text(encoding="utf-8")):
        for annotation in task["annotations"]:
            results = [] if annotation["was_cancelled"] else annotation["result"]
            text = task["data"]["text"]
            regions = {
                r["id"]: (r["value"]["labels"][0], text[r["value"]["start"] : r["value"]["end"]])
                for r in results
                if r["type"] == "labels"
            }
            expected += [
                (f"ner_export {task['id']}", *r["labels"], *regions[r["from_id"]], *regions[r["to_id"]], "")
                for r in results
                if r["type"] == "relation"
            ]
    assert sorted(held_relations(db)) == sorted(expected)
    assert [relation[1:] for relation in expected] == [("visited", "Person", "Boris", "Location", "Kazan", "")]
    assert "relations imported 1, unchanged 0" in outcome.out
    assert "× relation" not in outcome.out


def test_prodigy_spans_are_code_points(cli, tmp_path):
    db = tmp_path / "r.db"
    assert cli("import-annotations", PEERS / "prodigy" / "bio_events.jsonl", "--db", db).code == 0

    records = [json.loads(line) for line in (PEERS / "prodigy" / "bio_events.jsonl").read_text().splitlines()]
    expected = [(s["label"], r["text"][s["start"] : s["end"]]) for r in records for s in r["spans"]]
    assert sorted(row[1:3] for row in held(db)) == sorted(expected)
    assert len(expected) == 41


@pytest.mark.parametrize(
    "sample",
    [
        "brat",
        "doccano/sequence_labeling.jsonl",
        "doccano/relation_extraction.jsonl",
        "label-studio/ner_export.json",
        "prodigy/bio_events.jsonl",
    ],
)
def test_importing_the_same_file_twice_adds_nothing_the_second_time(cli, tmp_path, sample):
    db = tmp_path / "r.db"
    cli("import-annotations", PEERS / sample, "--db", db)
    first, relations = held(db), held_relations(db)

    again = cli("import-annotations", PEERS / sample, "--db", db)

    assert held(db) == first
    assert held_relations(db) == relations
    assert re.search(r"documents added 0, already held [1-9]", again.out)
    assert f"imported 0, unchanged {len(first)}, refused 0" in again.out
    relations_line = f"relations imported 0, unchanged {len(relations)}"
    assert (relations_line in again.out) == bool(relations)  # the line is there when relations are


def test_each_sample_is_told_apart_by_its_content(tmp_path):
    assert detect(PEERS / "brat") == brat.NAME
    assert detect(PEERS / "brat" / "000-introduction.txt") == brat.NAME
    assert detect(PEERS / "doccano" / "sequence_labeling.jsonl") == doccano.NAME
    assert detect(PEERS / "label-studio" / "ner_export.json") == label_studio.NAME
    assert detect(PEERS / "prodigy" / "bio_events.jsonl") == prodigy.NAME
    reader_jsonl = tmp_path / "export.jsonl"
    reader_jsonl.write_text('{"annotation_id": "a", "document_sha256": "b"}\n', encoding="utf-8")
    assert detect(reader_jsonl) == READER
    unknown = tmp_path / "other.jsonl"
    unknown.write_text('{"words": []}\n', encoding="utf-8")
    with pytest.raises(BadPeerFile, match="give --format"):
        detect(unknown)


HOSTILE = {
    "not JSON": ("label-studio", "[{", "not JSON"),
    "a huge number": ("prodigy", '{"text": "ab", "spans": [{"start": ' + "9" * 5000 + ', "end": 1}]}\n', "digits"),
    "offsets outside": ("doccano", '{"text": "ab", "label": [[0, 99, "X"]]}\n', "outside the text"),
    "a boolean offset": ("prodigy", '{"text": "ab", "spans": [{"start": true, "end": 1, "label": "X"}]}\n', "whole"),
    "a misquoting span": (
        "prodigy",
        '{"text": "ab", "spans": [{"start": 0, "end": 1, "label": "X", "text": "b"}]}\n',
        "the file says it covers 'b'",
    ),
    "a bad label": ("doccano", '{"text": "ab", "label": [[0, 1, " padded "]]}\n', "tag name"),
    "deep nesting": ("doccano", "[" * 100_000 + "\n", "not JSON"),
    "a split surrogate pair": ("doccano", '{"text": "😀b", "label": [[1, 3, "X"]]}\n', "splits a character"),
}


@pytest.mark.parametrize(("peer", "content", "reason"), HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_is_refused_in_one_line(cli, tmp_path, peer, content, reason):
    source = tmp_path / "hostile.json"
    source.write_text(content, encoding="utf-8")

    outcome = cli("import-annotations", source, "--format", peer, "--db", tmp_path / "r.db")

    assert outcome.code in (1, 3)
    assert reason in outcome.err
    assert "Traceback" not in outcome.err
    assert all(line.startswith(("reader: ", "refused ")) for line in outcome.err.splitlines())
    if (tmp_path / "r.db").exists():
        assert held(tmp_path / "r.db") == []


@pytest.mark.parametrize(
    ("sample", "regions"),
    [("ingredients_348.json", 38), ("named_entity_1.json", 1)],  # counted by hand in each file
)
def test_label_studio_own_files_come_in_quoting_what_each_region_says_it_covers(cli, tmp_path, sample, regions):
    """One task each, from Label Studio's own repositories: 348 under its pre-1.0 key ``completions``."""
    db = tmp_path / "r.db"
    outcome = cli("import-annotations", PEERS / "label-studio" / sample, "--db", db)

    assert outcome.code == 0, outcome.err
    task = json.loads((PEERS / "label-studio" / sample).read_text(encoding="utf-8"))
    values = [
        result["value"]
        for annotation in task.get("annotations") or task["completions"]
        for result in annotation["result"]
        if result["type"] == "labels"
    ]
    assert all(task["data"]["text"][v["start"] : v["end"]] == v["text"] for v in values)
    assert sorted(row[1:3] for row in held(db)) == sorted((v["labels"][0], v["text"]) for v in values)
    assert len(values) == regions
    assert f"imported {regions}, unchanged 0, refused 0" in outcome.out


def test_each_format_is_named_as_its_module_names_itself():
    from reader.domain.foreign import formats

    assert [formats.module(name).NAME for name in formats.EXPORT_NAMES] == list(formats.EXPORT_NAMES)
    assert set(formats.FOLDER_FORMATS + formats.BINARY_FORMATS) <= set(formats.EXPORT_NAMES)
