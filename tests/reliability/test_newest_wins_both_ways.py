"""One rule decides which version of an annotation wins, for `reader merge` and for
`reader import-annotations` alike: the later instant its `updated_at` names (parsed, not
compared as text), so that the same version wins whichever file is brought into which."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from reliability_support import MIXED_TEXT, run_cli

from reader.domain.annotations import Annotation
from reader.store import Store

# (earlier, later): as text the first sorts after the second, or they differ only in precision.
PAIRS = {
    "fraction of a second": ("2024-05-05T12:00:00Z", "2024-05-05T12:00:00.500Z"),
    "time zones": ("2024-05-05T12:00:00+02:00", "2024-05-05T11:00:00Z"),
    "no zone is UTC": ("2024-05-05T09:30:00", "2024-05-05T10:00:00+00:20"),
}


def two_versions(tmp_path: Path, corpus_db: Path, earlier: str, later: str) -> tuple[Path, Path]:
    """Two copies of one database whose one annotation differs: note "old" at ``earlier``
    in the first, note "new" at ``later`` in the second."""
    with Store.open(corpus_db) as store:
        shared = store.add_annotation(Annotation(document_id=1, start=0, end=9, text=MIXED_TEXT[0:9], tag="claim"))
    old, new = tmp_path / "old.sqlite", tmp_path / "new.sqlite"
    shutil.copyfile(corpus_db, old)
    shutil.copyfile(corpus_db, new)
    for path, note, stamp in ((old, "old", earlier), (new, "new", later)):
        with Store.open(path) as store:
            store.update_annotation(replace(shared, note=note, updated_at=stamp))
    return old, new


def note_in(path: Path) -> str:
    with Store.open(path, read_only=True) as store:
        (annotation,) = store.annotations(1)
        return annotation.note


@pytest.mark.parametrize("pair", PAIRS)
def test_merge_keeps_the_later_version_whichever_file_comes_first(corpus_db, tmp_path, pair):
    old, new = two_versions(tmp_path, corpus_db, *PAIRS[pair])

    for order, target in (((old, new), "old-then-new.sqlite"), ((new, old), "new-then-old.sqlite")):
        result = run_cli("merge", *order, "-o", tmp_path / target)
        assert result.returncode == 0, result.stderr
        assert note_in(tmp_path / target) == "new"


@pytest.mark.parametrize("pair", PAIRS)
def test_annotation_import_keeps_the_later_version_both_ways(corpus_db, tmp_path, pair):
    old, new = two_versions(tmp_path, corpus_db, *PAIRS[pair])
    exports = {}
    for path in (old, new):
        exports[path] = tmp_path / f"{path.stem}.jsonl"
        assert run_cli("export", "--db", path, "--format", "jsonl", "-o", exports[path]).returncode == 0

    assert run_cli("import-annotations", exports[new], "--db", old).returncode == 0
    assert run_cli("import-annotations", exports[old], "--db", new).returncode == 0

    assert note_in(old) == note_in(new) == "new"


def test_versions_of_the_same_instant_end_the_same_both_ways(corpus_db, tmp_path):
    """Same instant, other content: neither is newer, yet merging either way keeps the same one."""
    first, second = two_versions(tmp_path, corpus_db, "2024-05-05T12:00:00+02:00", "2024-05-05T10:00:00Z")

    for order, target in (((first, second), "a.sqlite"), ((second, first), "b.sqlite")):
        assert run_cli("merge", *order, "-o", tmp_path / target).returncode == 0
    assert note_in(tmp_path / "a.sqlite") == note_in(tmp_path / "b.sqlite")
