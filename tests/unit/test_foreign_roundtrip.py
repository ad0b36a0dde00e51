"""Reader → a peer's format → Reader loses nothing the format holds, and the files the export
writes quote the text at their offsets as the peer counts them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
FORMATS = ("brat", "doccano", "label-studio", "prodigy")
KEEPS_NOTES = {"brat", "label-studio"}
KEEPS_ANNOTATORS = {"label-studio"}


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
        for name, quote, tag, note, annotator in SPANS:
            annotate(store, name, quote, tag, note=note, annotator=annotator)
    return db


def spans_of(db: Path) -> set[tuple]:
    with Store.open(db, read_only=True) as store:
        return {
            (store.document(a.document_id).sha256, a.start, a.end, a.tag, a.text, a.note, a.annotator)
            for summary in store.documents()
            for a in store.annotations(summary.id)
        }


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


@pytest.mark.parametrize("fmt", FORMATS)
def test_importing_an_export_into_its_own_database_leaves_what_it_holds_unchanged(cli, tmp_path, source, fmt):
    before = spans_of(source)
    out = exported(cli, source, fmt, tmp_path)
    # A tag with a space comes back from brat as another tag ("Place span" as "Place_span").
    renamed = sum(1 for _, _, tag, _, _ in SPANS if fmt == "brat" and " " in tag)

    outcome = cli("import-annotations", out, "--db", source)

    assert f"imported {renamed}, unchanged {len(SPANS) - renamed}, refused 0" in outcome.out
    assert spans_of(source) >= before


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


def test_doccano_offsets_are_utf16_units(cli, tmp_path, source):
    out = exported(cli, source, "doccano", tmp_path)
    quoted = []
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        units = record["text"].encode("utf-16-le")
        quoted += [units[2 * s : 2 * e].decode("utf-16-le") for s, e, _ in record["label"]]
    assert sorted(quoted) == sorted(quote for _, quote, *_ in SPANS)


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
        ]
    assert sorted(text[s["start"] : s["end"]] for text, s in pairs) == sorted(quote for _, quote, *_ in SPANS)
    assert all(text[s["start"] : s["end"]] == s["text"] for text, s in pairs)
