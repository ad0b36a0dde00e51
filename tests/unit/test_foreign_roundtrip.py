"""Reader → a peer's format → Reader loses nothing the format holds, relations included, and the
files the export writes quote the text at their offsets as the peer counts them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.domain.annotations import Annotation
from reader.domain.relations import Relation, RelationType
from reader.domain.tags import Tag, default_colour
from reader.store import Store

TEXTS = {
    "emoji.txt": "Anna 😀 met Boris 👩\u200d💻 in Kazan.\nThen 𠀋 Москва.\n",
    "lines/two.txt": "First line ends here\nand the second goes on.\n",
}
# (document, quote, tag, note, annotator)
SPANS = [
    ("emoji.txt", "Boris", "Person", "met at the station", "anna"),
    ("emoji.txt", "Kazan.\nThen 𠀋 Москва", "Place span", "across a line\nand a note of two lines", "boris"),
    ("emoji.txt", "👩\u200d💻", "Emoji", "", "anna"),
    ("lines/two.txt", "ends here\nand the", "claim", "", ""),
]
# (document, source quote, type, target quote, note, annotator): the second links two annotators' spans
RELATIONS = [
    ("emoji.txt", "Boris", "wears", "👩\u200d💻", "seen\ntwice", "anna"),
    ("emoji.txt", "Boris", "met in", "Kazan.\nThen 𠀋 Москва", "", "boris"),
]
FORMATS = ("brat", "doccano", "label-studio", "prodigy", "xmi")
KEEPS_NOTES = {"brat", "label-studio"}
KEEPS_ANNOTATORS = {"label-studio"}
HOLDS_RELATIONS = {"brat", "doccano", "label-studio", "xmi"}  # Prodigy's name their ends by token
KEEPS_RELATION_NOTES = {"brat"}


@pytest.fixture
def source(tmp_path, annotate):
    db = tmp_path / "source.db"
    folder = tmp_path / "corpus"
    for name, text in TEXTS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    with Store.open(db) as store:
        list(store.import_files([folder]))
        for tag in {tag for _, _, tag, _, _ in SPANS} - store.tag_names():
            store.save_tag(Tag(tag, default_colour(store.tags())))
        annotations = {}
        for name, quote, tag, note, annotator in SPANS:
            annotations[name, quote] = annotate(store, name, quote, tag, note=note, annotator=annotator)
        for name, source_quote, kind, target_quote, note, annotator in RELATIONS:
            source, target = annotations[name, source_quote], annotations[name, target_quote]
            colour = default_colour(store.relation_types())
            store.save_relation_type(RelationType(kind, source.tag, target.tag, colour))
            store.add_relation(Relation(kind, source.id, target.id, note=note, annotator=annotator))
    return db


def span_of(store: Store, a: Annotation) -> tuple:
    return (store.document(a.document_id).sha256, a.start, a.end, a.tag, a.text, a.note, a.annotator)


def spans_of(db: Path) -> set[tuple]:
    with Store.open(db, read_only=True) as store:
        return {span_of(store, a) for summary in store.documents() for a in store.annotations(summary.id)}


def relations_of(db: Path) -> set[tuple]:
    """(source as spans_of gives it, type, target, note, annotator) of every relation."""
    with Store.open(db, read_only=True) as store:
        found = set()
        for summary in store.documents():
            for r in store.document_relations(summary.id):
                source, target = (
                    span_of(store, store.annotation(r.source_id)),
                    span_of(store, store.annotation(r.target_id)),
                )
                found.add((source, r.type, target, r.note, r.annotator))
        return found


def kept(spans: set[tuple], fmt: str) -> set[tuple]:
    """What ``fmt`` holds of each span: notes and annotators only where it has a place for them;
    brat's types and notes are one line each, so a space in a tag becomes "_", a line break in a note " "."""
    one_line = (lambda value, by: value.replace(by[0], by[1])) if fmt == "brat" else (lambda value, by: value)
    return {
        (
            *span[:3],
            one_line(span[3], " _"),
            span[4],
            one_line(span[5], "\n ") if fmt in KEEPS_NOTES else "",
            span[6] if fmt in KEEPS_ANNOTATORS else "",
        )
        for span in spans
    }


def kept_relations(relations: set[tuple], fmt: str) -> set[tuple]:
    """What ``fmt`` holds of each relation: its ends as ``kept`` keeps spans, and its note and
    annotator where it has a place for them. Label Studio links the regions of one annotation
    (one annotator's), whose annotator the relation's is."""
    held = set()
    for source, kind, target, note, annotator in relations if fmt in HOLDS_RELATIONS else ():
        if fmt == "label-studio":
            if source[6] != target[6]:
                continue
            annotator = source[6]
        ((kept_source,), (kept_target,)) = kept({source}, fmt), kept({target}, fmt)
        held.add(
            (
                kept_source,
                kind.replace(" ", "_") if fmt == "brat" else kind,
                kept_target,
                note.replace("\n", " ") if fmt in KEEPS_RELATION_NOTES else "",
                annotator if fmt in KEEPS_ANNOTATORS else "",
            )
        )
    return held


def link_of(relation: tuple) -> tuple:
    """What tells a relation held: its ends' documents, offsets and tags, and its type."""
    source, kind, target, *_ = relation
    return source[:4], kind, target[:4]


def exported(cli, db: Path, fmt: str, tmp_path: Path) -> Path:
    out = tmp_path / f"out-{fmt}"
    outcome = cli("export", "--format", fmt, "--db", db, "-o", out)
    assert outcome.code == 0, outcome.err
    assert f"exported {len(SPANS)} annotation(s) of {len(TEXTS)} document(s)" in outcome.err
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_round_trip_keeps_what_the_format_holds(cli, tmp_path, source, fmt):
    out = exported(cli, source, fmt, tmp_path)
    again = tmp_path / "again.db"

    outcome = cli("import-annotations", out, "--db", again)

    assert outcome.code == 0, outcome.err
    assert f"documents added {len(TEXTS)}" in outcome.out
    assert spans_of(again) == kept(spans_of(source), fmt)
    assert relations_of(again) == kept_relations(relations_of(source), fmt)
    assert len(relations_of(again)) == {"label-studio": 1, "prodigy": 0}.get(fmt, len(RELATIONS))


@pytest.mark.parametrize("fmt", FORMATS)
def test_importing_an_export_into_its_own_database_leaves_what_it_holds_unchanged(cli, tmp_path, source, fmt):
    before, relations_before = spans_of(source), relations_of(source)
    out = exported(cli, source, fmt, tmp_path)
    # A tag with a space comes back from brat as another tag ("Place span" as "Place_span"), and
    # so does a relation type, or one whose end has such a tag.
    renamed = sum(1 for _, _, tag, _, _ in SPANS if fmt == "brat" and " " in tag)
    links = [link_of(relation) for relation in kept_relations(relations_before, fmt)]
    unchanged = sum(1 for link in links if link in {link_of(relation) for relation in relations_before})

    outcome = cli("import-annotations", out, "--db", source)

    assert f"imported {renamed}, unchanged {len(SPANS) - renamed}, refused 0" in outcome.out
    assert spans_of(source) >= before
    assert relations_of(source) >= relations_before
    relations_line = f"relations imported {len(links) - unchanged}, unchanged {unchanged}"
    assert (relations_line in outcome.out) == bool(links)


def test_brat_offsets_slice_the_txt_and_a_span_over_a_line_break_is_split_around_it(cli, tmp_path, source):
    out = exported(cli, source, "brat", tmp_path)
    quoted = []
    for ann in sorted(out.rglob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                _, type_and_offsets, written = line.split("\t")
                fragments = [tuple(map(int, f.split())) for f in type_and_offsets.split(" ", 1)[1].split(";")]
                assert " ".join(text[s:e] for s, e in fragments) == written
                quoted.append(text[fragments[0][0] : fragments[-1][1]])
    assert sorted(quoted) == sorted(quote for _, quote, *_ in SPANS)
    assert (out / "lines" / "two.txt").is_file()


def test_doccano_offsets_are_utf16_units_and_relations_name_entity_ids(cli, tmp_path, source):
    out = exported(cli, source, "doccano", tmp_path)
    quoted, linked = [], []
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)  # as a relation-extraction project's: the export holds relations
        units = record["text"].encode("utf-16-le")
        entities = {
            e["id"]: units[2 * e["start_offset"] : 2 * e["end_offset"]].decode("utf-16-le") for e in record["entities"]
        }
        quoted += entities.values()
        linked += [(entities[r["from_id"]], r["type"], entities[r["to_id"]]) for r in record["relations"]]
    assert sorted(quoted) == sorted(quote for _, quote, *_ in SPANS)
    assert sorted(linked) == sorted((source, kind, target) for _, source, kind, target, _, _ in RELATIONS)


def test_doccano_export_without_relations_is_the_plain_one(cli, tmp_path):
    db = tmp_path / "plain.db"
    (tmp_path / "plain.txt").write_text("Anna met Boris.\n", encoding="utf-8")
    with Store.open(db) as store:
        list(store.import_files([tmp_path / "plain.txt"]))
        store.save_tag(Tag("Person", default_colour(store.tags())))
        store.add_annotation(Annotation(store.documents()[0].id, 0, 4, "Anna", "Person"))

    outcome = cli("export", "--format", "doccano", "--db", db)

    assert [json.loads(line)["label"] for line in outcome.out.splitlines()] == [[[0, 4, "Person"]]]


@pytest.mark.parametrize("fmt", ["label-studio", "prodigy"])
def test_label_studio_and_prodigy_offsets_are_code_points(cli, tmp_path, source, fmt):
    out = exported(cli, source, fmt, tmp_path)
    content = out.read_text(encoding="utf-8")
    if fmt == "prodigy":
        pairs = [(r["text"], s) for r in map(json.loads, content.splitlines()) for s in r["spans"]]
    else:
        pairs = [
            (task["data"]["text"], result["value"])
            for task in json.loads(content)
            for annotation in task["annotations"]
            for result in annotation["result"]
            if result["type"] == "labels"
        ]
    assert sorted(text[s["start"] : s["end"]] for text, s in pairs) == sorted(quote for _, quote, *_ in SPANS)
    assert all(text[s["start"] : s["end"]] == s["text"] for text, s in pairs)
