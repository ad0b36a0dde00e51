"""spaCy's DocBin (``.spacy``): entities and span groups come in text-exact over code points of
the Doc's text (CRLF and all); Reader's export is read back by spaCy itself; the round trip keeps
every span."""

from __future__ import annotations

import io
import sys
import zlib
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from peerkit import held_without_notes as held

from reader.domain.foreign import spacy_docbin
from reader.domain.foreign.detect import detect
from reader.domain.foreign.model import ExportedDocument, ExportedSpan
from reader.domain.tags import Tag, default_colour
from reader.store import Store

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin  # noqa: E402  (after the skip: spaCy is an optional extra)
from spacy.util import filter_spans  # noqa: E402

PEERS = Path(__file__).parent.parent / "data" / "peers"
TEXTS = {
    "emoji.txt": "Anna 😀 met Boris 👩\u200d💻 in Kazan.\nThen 𠀋 Москва.\n",
    "lines/two.txt": "First line ends here\nand the second goes on.\n",
}
# (document, quote, tag): overlapping spans, one across a line break, one starting inside a word
# and ending after an emoji, and one that takes the space after a word.
SPANS = [
    ("emoji.txt", "Boris", "Person"),
    ("emoji.txt", "Boris 👩\u200d💻", "Person with laptop"),
    ("emoji.txt", "oris 👩", "Odd cut"),
    ("emoji.txt", "Kazan.\nThen 𠀋 Москва", "Place span"),
    ("emoji.txt", "👩\u200d💻", "Emoji"),
    ("lines/two.txt", "ends here\nand the", "claim"),
    ("lines/two.txt", "line ", "claim"),
]


def spans_of(db: Path) -> set[tuple]:
    with Store.open(db, read_only=True) as store:
        return {
            (store.document(a.document_id).sha256, a.start, a.end, a.tag, a.text)
            for summary in store.documents()
            for a in store.annotations(summary.id)
        }


@pytest.fixture
def source(tmp_path, annotate):
    db = tmp_path / "source.db"
    folder = tmp_path / "corpus"
    for name, text in TEXTS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    with Store.open(db) as store:
        list(store.import_files([folder]))
        for tag in {tag for _, _, tag in SPANS} - store.tag_names():
            store.save_tag(Tag(tag, default_colour(store.tags())))
        for name, quote, tag in SPANS:
            annotate(store, name, quote, tag)
    return db


def exported(cli, db: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out.spacy"
    outcome = cli("export", "--format", "spacy", "--db", db, "-o", out)
    assert outcome.code == 0, outcome.err
    assert f"exported {len(SPANS)} annotation(s) of {len(TEXTS)} document(s) as spacy" in outcome.err
    return out


def docs_of(path: Path) -> list:
    return list(DocBin().from_disk(path).get_docs(spacy.blank("ru").vocab))


def test_the_published_demo_docbin_comes_in_text_exact(cli, tmp_path):
    sample = PEERS / "spacy" / "demo.spacy"
    db = tmp_path / "r.db"

    outcome = cli("import-annotations", sample, "--db", db)

    assert outcome.code == 0, outcome.err
    expected = [(f"doc-{n}", e.label_, e.text) for n, doc in enumerate(docs_of(sample), start=1) for e in doc.ents]
    assert held(db) == expected
    assert len(expected) == 1
    assert "read as spacy: documents added 1" in outcome.out


def brat_docbin(path: Path) -> list[tuple[str, str, str]]:
    """A DocBin made by spaCy of brat's sample texts and their spans: each span in the group
    "brat" and, none overlapping, in doc.ents; one more group "pairs" with a span over two of
    them; one text with CRLF line ends. What it holds, as (name, label, text)."""
    nlp = spacy.blank("xx")
    docbin = DocBin(store_user_data=True)
    held = []
    for ann in sorted((PEERS / "brat").glob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        crlf = ann.stem.startswith("esp")
        doc = nlp(text.replace("\n", "\r\n") if crlf else text)
        spans = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                _, type_and_offsets, quoted = line.split("\t")
                label, start, end = type_and_offsets.split(" ")
                shift = text[: int(start)].count("\n") if crlf else 0
                span = doc.char_span(int(start) + shift, int(end) + shift, label=label)
                assert span is not None and span.text == quoted
                spans.append(span)
        doc.spans["brat"] = spans
        doc.ents = filter_spans(spans)
        if "Orville Wright and Wilbur Wright" in doc.text:
            start = doc.text.index("Orville Wright and Wilbur Wright")
            doc.spans["pairs"] = [doc.char_span(start, start + len("Orville Wright and Wilbur Wright"), label="Pair")]
        doc.user_data["name"] = ann.stem
        docbin.add(doc)
        held += [(ann.stem, s.label_, s.text.replace("\r\n", "\n")) for g in doc.spans.values() for s in g]
    docbin.to_disk(path)
    return held


def test_entities_and_every_span_group_come_in_once_each_over_crlf_text(cli, tmp_path):
    sample = tmp_path / "brat.spacy"
    expected = brat_docbin(sample)
    db = tmp_path / "r.db"

    outcome = cli("import-annotations", sample, "--db", db)

    assert outcome.code == 0, outcome.err
    assert sorted(held(db)) == sorted(expected)
    assert len(expected) == 34 + 1
    assert ("110-note_annotation", "Pair", "Orville Wright and Wilbur Wright") in held(db)
    assert "Cela" in {text for name, _, text in held(db) if name == "esp.train-doc-29"}
    again = cli("import-annotations", sample, "--db", db)
    assert f"imported 0, unchanged {len(expected)}, refused 0" in again.out


def test_spacy_reads_back_every_span_of_the_export_in_code_points(cli, tmp_path, source):
    docs = {doc.user_data["name"]: doc for doc in docs_of(exported(cli, source, tmp_path))}

    assert {name: doc.text for name, doc in docs.items()} == TEXTS
    groups = {(name, s.text, s.label_) for name, doc in docs.items() for s in doc.spans["sc"]}
    assert groups == set(SPANS)
    for doc in docs.values():
        assert all(doc.text[s.start_char : s.end_char] == s.text for s in doc.spans["sc"])
        ents = sorted(doc.ents, key=lambda s: s.start_char)
        assert all(a.end_char <= b.start_char for a, b in pairwise(ents))
        assert {(e.start_char, e.end_char, e.label_) for e in ents} <= {
            (s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]
        }
    # Code points: 😀 and 👩‍💻 before "Kazan" count four (in UTF-16 they are six units), 𠀋 in it one.
    place = next(s for s in docs["emoji.txt"].spans["sc"] if s.label_ == "Place span")
    assert (place.start_char, place.end_char) == (24, 44)
    assert place.end_char == TEXTS["emoji.txt"].index("Москва") + len("Москва")
    # Of overlapping spans the longer is the entity.
    assert {e.text for e in docs["emoji.txt"].ents} == {"Boris 👩\u200d💻", "Kazan.\nThen 𠀋 Москва"}


def test_the_round_trip_keeps_every_span(cli, tmp_path, source):
    out = exported(cli, source, tmp_path)
    again = tmp_path / "again.db"

    outcome = cli("import-annotations", out, "--db", again)

    assert outcome.code == 0, outcome.err
    assert f"documents added {len(TEXTS)}" in outcome.out
    assert spans_of(again) == spans_of(source)
    into_itself = cli("import-annotations", out, "--db", source)
    assert f"imported 0, unchanged {len(SPANS)}, refused 0" in into_itself.out


@st.composite
def texts_with_spans(draw):
    text = draw(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), min_size=1))
    pairs = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=8))
    return text, [(min(a, b), max(a, b)) for a, b in pairs if a != b]


@settings(max_examples=30, deadline=None)
@given(texts_with_spans())
def test_any_span_of_any_text_is_written_whole(sample):
    """Wherever a span starts or ends (inside a word, on a space, between an emoji and its
    modifier), spaCy reads back the text and every span as they were."""
    text, ranges = sample
    spans = tuple(ExportedSpan(start, end, "X", text[start:end]) for start, end in ranges)
    handle = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    spacy_docbin.write([ExportedDocument("any", text, spans)], handle)

    handle.flush()
    (doc,) = DocBin().from_bytes(handle.buffer.getvalue()).get_docs(spacy.blank("xx").vocab)
    assert doc.text == text
    assert sorted((s.start_char, s.end_char) for s in doc.spans["sc"]) == sorted(ranges)


def test_a_docbin_is_told_by_its_suffix():
    assert detect(PEERS / "spacy" / "demo.spacy") == spacy_docbin.NAME


def test_the_export_is_a_file_not_standard_output(cli, source):
    outcome = cli("export", "--format", "spacy", "--db", source)

    assert outcome.code == 1
    assert outcome.err == "reader: --format spacy writes a binary file, not text: give the file with -o OUT\n"


def test_without_spacy_both_commands_say_how_to_install_it(cli, tmp_path, source, monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)  # `import spacy` now raises ImportError
    line = "reader: spaCy DocBin needs spacy: pip install 'reader[peers]'\n"

    imported = cli("import-annotations", PEERS / "spacy" / "demo.spacy", "--db", tmp_path / "r.db")
    exported = cli("export", "--format", "spacy", "--db", source, "-o", tmp_path / "out.spacy")

    assert (imported.code, imported.err) == (1, line)
    assert (exported.code, exported.err) == (1, line)
    assert not (tmp_path / "out.spacy").exists()


def a_docbin_with_a_span(label: str) -> bytes:
    doc = spacy.blank("xx")("Anna met Boris.")
    doc.spans["sc"] = [doc.char_span(9, 14, label=label)]
    docbin = DocBin()
    docbin.add(doc)
    return docbin.to_bytes()


HOSTILE = {
    "not zlib": (b"PK\x03\x04 not a DocBin", "is not a spaCy DocBin (.spacy) file"),
    "zlib, not msgpack": (zlib.compress(b"\xc1\xc1\xc1"), "is not a spaCy DocBin (.spacy) file"),
    "a bomb": (zlib.compress(b"\0" * (2**20 + 1)), "is not a spaCy DocBin (.spacy) file"),
    "an unlabelled span": (a_docbin_with_a_span(""), "refused doc-1: span '' at 9..14"),
}


@pytest.mark.parametrize(("content", "reason"), HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_is_refused_in_one_line(cli, tmp_path, monkeypatch, content, reason):
    monkeypatch.setattr(spacy_docbin, "_LARGEST_INFLATED", 2**20)
    source = tmp_path / "hostile.spacy"
    source.write_bytes(content)

    outcome = cli("import-annotations", source, "--db", tmp_path / "r.db")

    assert outcome.code in (1, 3)
    assert reason in outcome.err
    assert "Traceback" not in outcome.err
    assert all(line.startswith(("reader: ", "refused ")) for line in outcome.err.splitlines())
    if (tmp_path / "r.db").exists():
        assert held(tmp_path / "r.db") == []
