"""Label Studio's own converter (label-studio-sdk) reads Reader's Label Studio export back, its
JSON-MIN export giving every span with the same text, label and annotator, and its labelling
interface finds each relation between two regions of its annotation; and the converter reads the
sample files as Reader imports them.

The converter runs as a process of its own virtual environment (scripts/label-studio-venv.sh,
which ``make test`` runs): it pins a numpy older than the one spaCy uses in .venv."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from peerkit import PEERS, held
from test_foreign_roundtrip import RELATIONS, SPANS, TEXTS, exported, source  # noqa: F401  (source: a fixture)

from reader.domain.foreign import label_studio

LABEL_STUDIO_PYTHON = Path(__file__).parents[2] / ".venv-label-studio" / "bin" / "python"
pytestmark = pytest.mark.skipif(
    not LABEL_STUDIO_PYTHON.exists(), reason="label-studio-sdk's environment is missing: scripts/label-studio-venv.sh"
)
_CONVERT = """
import sys
from label_studio_sdk.converter import Converter
config, source, folder = sys.argv[1:]
Converter(config=config, project_dir=None, download_resources=False).convert_to_json_min(source, folder, is_dir=False)
"""


def json_min(config: str, path: Path, tmp_path: Path) -> list[dict]:
    """Each annotation of the file as the converter's JSON-MIN export gives it."""
    folder = tmp_path / "min"
    subprocess.run(
        [LABEL_STUDIO_PYTHON, "-c", _CONVERT, config, path, folder], check=True, capture_output=True, timeout=120
    )
    return json.loads((folder / "result.json").read_text(encoding="utf-8"))


def test_label_studios_converter_reads_every_span_of_the_export(cli, tmp_path, source):  # noqa: F811
    out = exported(cli, source, "label-studio", tmp_path)
    config = label_studio.label_config(sorted({tag for _, _, tag, _, _ in SPANS}))

    records = json_min(config, out, tmp_path)

    document_of = {text: name for name, text in TEXTS.items()}
    found = []
    for record in records:
        for region in record[label_studio.FROM_NAME]:
            assert record["text"][region["start"] : region["end"]] == region["text"]
            (tag,) = region["labels"]
            found.append((document_of[record["text"]], region["text"], tag, record["annotator"] or ""))
    assert sorted(found) == sorted((name, quote, tag, annotator) for name, quote, tag, _, annotator in SPANS)


@pytest.mark.parametrize("sample", ["ingredients_348.json", "named_entity_1.json", "ner_export.json"])
def test_the_converter_reads_each_sample_as_reader_imports_it(cli, tmp_path, sample):
    path = PEERS / "label-studio" / sample
    assert cli("import-annotations", path, "--db", tmp_path / "r.db").code == 0

    # Under an empty labelling configuration the converter keeps every region, named by its tag.
    records = json_min("<View></View>", path, tmp_path)

    regions = [
        region
        for record in records
        for value in record.values()
        if isinstance(value, list)
        for region in value
        if isinstance(region, dict) and "labels" in region
    ]
    assert regions
    assert sorted((r["labels"][0], r["text"]) for r in regions) == sorted(row[1:3] for row in held(tmp_path / "r.db"))


# Its converter leaves relation results out of JSON-MIN (they have no from_name); its labelling
# interface is what checks them: each relation's from_id and to_id a valid region of its annotation.
_VALIDATE = """
import json, sys
from label_studio_sdk.label_interface import LabelInterface
config, source = sys.argv[1:]
interface = LabelInterface(config)
checked = []
for task in json.load(open(source, encoding="utf-8")):
    for annotation in task["annotations"]:
        # validate_annotation's own check, with the reasons it finds
        errors = interface.validate_prediction(annotation, return_errors=True)
        regions = {r["id"]: r["value"]["text"] for r in annotation["result"] if r["type"] != "relation"}
        relations = [
            [regions[r["from_id"]], r["labels"], regions[r["to_id"]], r["direction"]]
            for r in annotation["result"] if r["type"] == "relation"
        ]
        checked.append({"errors": errors, "relations": relations})
print(json.dumps(checked))
"""


def test_label_studios_interface_finds_each_relation_between_two_regions_of_its_annotation(cli, tmp_path, source):  # noqa: F811
    out = exported(cli, source, "label-studio", tmp_path)
    tags = sorted({tag for _, _, tag, _, _ in SPANS})
    config = label_studio.label_config(tags, sorted({kind for _, _, kind, _, _, _ in RELATIONS}))

    run = subprocess.run(
        [LABEL_STUDIO_PYTHON, "-c", _VALIDATE, config, out], check=True, capture_output=True, timeout=120, text=True
    )

    checked = json.loads(run.stdout)
    assert [annotation["errors"] for annotation in checked] == [[] for _ in checked]
    found = [tuple(relation) for annotation in checked for relation in annotation["relations"]]
    annotator_of = {quote: annotator for _, quote, _, _, annotator in SPANS}
    one_annotators = [r for r in RELATIONS if annotator_of[r[1]] == annotator_of[r[3]]]
    assert found == [(source, [kind], target, "right") for _, source, kind, target, _, _ in one_annotators]
    assert len(found) == 1  # the other links two annotators' spans: Label Studio has no place for it
