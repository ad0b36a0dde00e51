"""``reader suggest`` and ``reader export --suggestions`` on the seed texts with the real suggester:
idempotent, never over an annotation, a rejected suggestion not suggested again, a one-line
message without the extra; and suggestions left out of exports, merges and agreement."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import sqlite3
import sys
from collections import Counter
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest

from reader.cli import main
from reader.domain.export import COLUMNS
from reader.store import Store
from tests.unit.conftest import _annotate

SEEDS = Path(__file__).parent.parent.parent / "seeds"
FIRST = "000_0d09ba8671f8300e.txt"
SECOND = "001_c14e630103cc6e18.txt"


def run(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in args], out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    """The seeds with anna's actor "Москва" (the headline's) and a claim, before and after
    ``reader suggest``; and B, the same texts with boris's annotations, before and after."""
    folder = tmp_path_factory.mktemp("suggest")
    base, other = folder / "base.db", folder / "other.db"
    for path, annotator in ((base, "anna"), (other, "boris")):
        assert run("import", SEEDS, "--db", path)[0] == 0
        with Store.open(path) as store:
            _annotate(store, FIRST, "Москва", "actor", annotator=annotator)
            _annotate(store, FIRST, "Москва официально не обращалась за помощью", "claim", annotator=annotator)
            if annotator == "boris":
                _annotate(store, SECOND, store.find_document(SECOND).text[:20], "claim", annotator=annotator)
    files = {"base": base, "other": other}
    for name in ("base", "other"):
        files[f"suggested {name}"] = folder / f"suggested-{name}.db"
        shutil.copy(files[name], files[f"suggested {name}"])
        code, out, err = run("suggest", "--db", files[f"suggested {name}"])
        assert code == 0, err
        files[f"output {name}"] = folder / f"output-{name}.txt"
        files[f"output {name}"].write_text(out, encoding="utf-8")
    return files


@pytest.fixture
def copy(made, tmp_path):
    """``copy("suggested base")``: a copy of one of the made files, for this test alone."""

    def copied(name: str) -> Path:
        return Path(shutil.copy(made[name], tmp_path / f"{name.replace(' ', '-')}.db"))

    return copied


def stored(path: Path, status: str | None = None) -> dict[str, list]:
    with Store.open(path, read_only=True) as store:
        return {d.name: store.suggestions(d.id, status=status) for d in store.documents()}


def test_suggest_prints_what_it_stored_for_each_document_and_a_total(made):
    lines = made["output base"].read_text(encoding="utf-8").splitlines()
    found = stored(made["suggested base"])

    assert len(lines) == len(found) + 1
    for line, (name, suggestions) in zip(lines, found.items(), strict=False):
        by_tag = Counter(s.tag for s in suggestions)
        listed = ", ".join(f"{count} {tag}{'s' if count != 1 else ''}" for tag, count in sorted(by_tag.items()))
        assert line.startswith(f"{name}: {len(suggestions)} suggested ({listed}), 0 already there, ")
    total = sum(len(s) for s in found.values())
    assert lines[-1].startswith(f"total, {len(found)} document(s): {total} suggested (")
    assert {s.suggester for s in found[FIRST]} == {"reader-ru", "reader-match"}


def test_a_second_run_adds_nothing(made, copy):
    path = copy("suggested base")
    before = stored(path)

    code, out, _ = run("suggest", "--db", path)

    assert code == 0
    assert stored(path) == before
    for line, (name, suggestions) in zip(out.splitlines(), before.items(), strict=False):
        assert line.startswith(f"{name}: 0 suggested, {len(suggestions)} already there, ")


def test_nothing_is_suggested_over_an_annotation_of_its_tag(made):
    from reader.suggesting import engine

    with Store.open(made["base"], read_only=True) as store:
        document = store.find_document(FIRST)
        annotations = store.annotations(document.id)
        over = {
            (s.start, s.end, s.tag)
            for s in engine.load().suggest(document.text)
            if any(a.tag == s.tag and a.overlaps(s.start, s.end) for a in annotations)
        }
    suggestions = stored(made["suggested base"])[FIRST]
    first_line = made["output base"].read_text(encoding="utf-8").splitlines()[0]

    assert over, "the suggester finds the annotated actor: this test would prove nothing otherwise"
    assert first_line.endswith(f", {len(over)} over annotations")
    assert not any(a.tag == s.tag and a.overlaps(s.start, s.end) for s in suggestions for a in annotations)


def test_a_rejected_suggestion_is_not_suggested_again(copy):
    path = copy("suggested base")
    with Store.open(path) as store:
        document = store.find_document(SECOND)
        rejected = store.suggestions(document.id)[0]
        store.reject_suggestions([rejected.id])

    code, out, _ = run("suggest", "--db", path, "--doc", SECOND)

    assert code == 0
    assert out.splitlines()[0].endswith(", 1 rejected before")
    with Store.open(path, read_only=True) as store:
        assert store.suggestion(rejected.id).status == "rejected"
        assert rejected.id not in {s.id for s in store.suggestions(document.id)}


def test_doc_chooses_the_documents_by_name_or_id(copy):
    path = copy("base")

    code, out, _ = run("suggest", "--db", path, "--doc", "2", "--doc", SECOND)

    assert code == 0
    assert [line.split(":")[0] for line in out.splitlines()] == [SECOND, "total, 1 document(s)"]
    found = stored(path)
    assert found[FIRST] == [] and found[SECOND]


def test_from_annotations_only_suggests_the_tagged_words_again_in_other_forms(copy):
    path = copy("base")

    code, _, err = run("suggest", "--db", path, "--from-annotations-only")

    assert code == 0, err
    found = stored(path)[FIRST]
    assert {s.suggester for s in found} == {"reader-match"}
    assert {"Москва", "Москве", "Москвы"} <= {s.text for s in found if s.tag == "actor"}


def test_without_the_extra_it_says_how_to_install_it_in_one_line(copy, monkeypatch):
    path = copy("base")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    monkeypatch.setitem(sys.modules, "natasha", None)  # as if it were not installed

    code, out, err = run("suggest", "--db", path)
    unchanged = hashlib.sha256(path.read_bytes()).hexdigest() == before
    still = run("suggest", "--db", path, "--from-annotations-only")

    assert code == 1 and out == ""
    assert err.count("\n") == 1 and 'pip install "reader[suggest]"' in err and "--from-annotations-only" in err
    assert unchanged
    assert still[0] == 0 and stored(path)[FIRST]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_suggestions_writes_the_open_ones_in_the_annotation_columns(copy, fmt):
    path = copy("suggested base")
    with Store.open(path) as store:
        document = store.find_document(FIRST)
        rejected = store.suggestions(document.id)[0]
        store.reject_suggestions([rejected.id])
        expected = list(store.suggestion_export_rows())

    code, out, _ = run("export", "--suggestions", "--db", path, "--format", fmt, "--dialect", "plain")

    assert code == 0
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(out))
        assert tuple(reader.fieldnames or ()) == COLUMNS
        numbers = ("start", "end", "source_page", "source_paragraph")  # an empty cell: no page or paragraph
        rows = [{k: (int(v) if v else None) if k in numbers else v for k, v in row.items()} for row in reader]
    else:
        rows = [json.loads(line) for line in out.splitlines()]
    assert rows == expected and len(rows) == sum(len(s) for s in stored(path, "open").values())
    assert rejected.id not in {row["annotation_id"] for row in rows}
    assert {row["status"] for row in rows} == {"pending"} and {row["note"] for row in rows} == {""}
    assert {row["annotator"].split(" ")[0] for row in rows} == {"reader-ru", "reader-match"}


def test_export_suggestions_to_a_file_says_how_many(copy, tmp_path):
    path = copy("suggested base")
    out = tmp_path / "suggestions.csv"

    code, _, err = run("export", "--suggestions", "--db", path, "-o", out)

    total = sum(len(s) for s in stored(path).values())
    assert code == 0 and err == f"exported {total} open suggestion(s) to {out}\n"
    assert len(list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))) == total + 1


def test_export_suggestions_is_refused_with_another_table(copy):
    code, _, err = run("export", "--suggestions", "--table", "relations", "--db", copy("suggested base"))

    assert code == 1 and "--suggestions" in err


# Suggestions are no annotations: exports, merges and agreement leave them out.


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "xlsx"])
def test_an_export_of_the_annotations_is_the_same_with_suggestions(made, tmp_path, fmt):
    written = {}
    for name in ("base", "suggested base"):
        out = tmp_path / f"{name}.{fmt}"
        assert run("export", "--db", made[name], "--format", fmt, "-o", out)[0] == 0
        written[name] = out

    if fmt == "xlsx":
        sheets = {
            name: {sheet.title: list(sheet.values) for sheet in openpyxl.load_workbook(out)}
            for name, out in written.items()
        }
        assert sheets["base"] == sheets["suggested base"]
        assert len(sheets["base"]["annotations"]) == 1 + 2
    else:
        assert written["base"].read_bytes() == written["suggested base"].read_bytes()
    assert stored(made["suggested base"])[FIRST]


def test_a_merge_brings_no_suggestions(made, tmp_path):
    merged = {}
    for kind in ("", "suggested "):
        merged[kind] = tmp_path / f"{kind or 'plain '}merged.db"
        code, _, err = run("merge", made[f"{kind}base"], made[f"{kind}other"], "-o", merged[kind])
        assert code == 0, err

    def annotations(path: Path) -> list:
        with closing(sqlite3.connect(path)) as conn:
            return conn.execute('SELECT id, start, "end", text, tag, annotator FROM annotations ORDER BY id').fetchall()

    with closing(sqlite3.connect(merged["suggested "])) as conn:
        suggestions = conn.execute("SELECT count(*) FROM suggestions").fetchone()[0]
    assert suggestions == 0
    assert annotations(merged["suggested "]) == annotations(merged[""]) and len(annotations(merged[""])) == 5


def test_agreement_is_the_same_with_suggestions(made, tmp_path):
    outputs = []
    for kind in ("", "suggested "):
        a, b = tmp_path / "a.db", tmp_path / "b.db"  # the same names: they appear in the output
        shutil.copy(made[f"{kind}base"], a)
        shutil.copy(made[f"{kind}other"], b)
        code, out, err = run("agreement", a, b)
        assert code == 0, err
        outputs.append(out)

    assert outputs[0] == outputs[1]
    assert stored(made["suggested other"])[SECOND]
