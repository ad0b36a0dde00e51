"""Opening the window reads the store through plain sqlite3: sqlite-utils (with dateutil and
click, 60-80 ms) is imported only by the first write that needs it. Each check runs in a
fresh process, the only place where what a start-up imports can be seen."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.domain.annotations import Annotation
from reader.domain.relations import SAID_BY, Relation
from reader.store import Store

REPO = Path(__file__).resolve().parent.parent.parent
SEEDS = REPO / "seeds"


def run_python(code: str, *args: object) -> dict:
    """What ``code`` prints as JSON, run by a new interpreter on this checkout's reader."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, int, Annotation, Relation]:
    """A database on disk with the seeds, and in the last of them (by name, so not the one a
    window opens by default) a claim said by an actor: (path, document id, claim, relation)."""
    path = tmp_path / "project.sqlite"
    with Store.open(path) as store:
        list(store.import_files([SEEDS]))
        document = store.document(store.documents()[-1].id)
        claim = store.add_annotation(
            Annotation(document_id=document.id, start=0, end=10, text=document.text[:10], tag="claim")
        )
        actor = store.add_annotation(
            Annotation(document_id=document.id, start=11, end=20, text=document.text[11:20], tag="actor")
        )
        relation = store.add_relation(Relation(SAID_BY, claim.id, actor.id))
    return path, document.id, claim, relation


STORE_READS = """
    import json, sys
    from reader.domain.tags import Tag
    from reader.store import Store

    path, document_id = sys.argv[1], int(sys.argv[2])
    store = Store.open(path)
    first = store.documents()[0].id
    claim = store.annotations(document_id)[0]
    read = {
        "has_documents": store.has_documents(),
        "documents": [summary.id for summary in store.documents()],
        "tags": [tag.name for tag in store.tags()],
        "relation_types": [kind.name for kind in store.relation_types()],
        "document": store.document(document_id).name,
        "annotations": [annotation.id for annotation in store.annotations(document_id)],
        "origin": store.document_origin(document_id).source_type,
        "relations": [relation.id for relation in store.relations_of(claim.id)],
        "document_relations": [relation.id for relation in store.document_relations(document_id)],
        "suggestions": len(store.suggestions(document_id)),
        "annotators": store.annotators(),
        "counts": store.document_counts(document_id),
        "pending": store.has_pending(document_id),
        "first_document": store.document(first).name,
        "first_annotations": len(store.annotations(first)),
        "changed_elsewhere": store.changed_elsewhere(),
        "foreign_keys": store.conn.execute("PRAGMA foreign_keys").fetchone()[0],
        "recursive_triggers": store.conn.execute("PRAGMA recursive_triggers").fetchone()[0],
    }
    read["sqlite_utils_after_reading"] = "sqlite_utils" in sys.modules
    store.save_tag(Tag("theme", "#123456"))  # a write made with sqlite-utils' insert
    read["sqlite_utils_after_a_write"] = "sqlite_utils" in sys.modules
    read["numpy_after_a_write"] = "numpy" in sys.modules
    store.close()
    print(json.dumps(read))
"""


def test_the_store_reads_what_a_window_opens_with_and_loads_sqlite_utils_only_to_write(project):
    path, document_id, claim, relation = project
    with Store.open(path, read_only=True) as store:
        first = store.documents()[0].id
        expected = {
            "has_documents": True,
            "documents": [summary.id for summary in store.documents()],
            "tags": [tag.name for tag in store.tags()],
            "relation_types": [kind.name for kind in store.relation_types()],
            "document": store.document(document_id).name,
            "annotations": [annotation.id for annotation in store.annotations(document_id)],
            "origin": store.document_origin(document_id).source_type,
            "relations": [relation.id],
            "document_relations": [relation.id],
            "suggestions": 0,
            "annotators": [""],
            "counts": [2, 0],
            "pending": True,
            "first_document": store.document(first).name,
            "first_annotations": 0,
            "changed_elsewhere": "",
            "foreign_keys": 1,
            "recursive_triggers": 1,  # as sqlite-utils set it when it opened every store
            "sqlite_utils_after_reading": False,
            "sqlite_utils_after_a_write": True,
            "numpy_after_a_write": False,  # still loaded without numpy (reader.store.sqlite_utils_alone)
        }

    read = run_python(STORE_READS, path, document_id)

    assert read == expected
    assert claim.id in read["annotations"]
    with Store.open(path, read_only=True) as store:
        assert "theme" in [tag.name for tag in store.tags()]


def test_the_command_line_parses_without_sqlite_utils(project):
    path, *_ = project

    loaded = run_python(
        """
        import json, sys
        import reader.cli
        args = reader.cli.parse(["--db", sys.argv[1]])
        print(json.dumps([args.command, str(args.db), "sqlite_utils" in sys.modules]))
        """,
        path,
    )

    assert loaded == ["open", str(path), False]


# Modules the window imports only when a command needs them: each took milliseconds of every start-up.
ON_DEMAND = (
    "charset_normalizer",  # a file not in UTF-8
    "reader.domain.foreign.model",  # another tool's file
    "reader.domain.corpus",  # files read for an import
    "reader.domain.extracting",  # a web page, PDF or other document imported
    "reader.ui.reading.search_hit_view",  # the first corpus search with hits
    "reader.ui.linking.link_overlay",  # the first links drawn over the text
    "reader.ui.linking.link_mode",  # the first Ctrl+K
    "reader.ui.review.pending_walk",  # the first N or P of a review
    "reader.domain.xlsx",  # a workbook
    "reader.store.merge",  # File > Merge
    "logging.handlers",  # the crash log's first report
    "tomllib",  # a new database's tags
    "reader.cli_commands",  # a subcommand: reader import, reader export and the others
    "uuid",  # a new annotation's id
)

WINDOW = (
    f"""
    ON_DEMAND = {ON_DEMAND!r}
"""
    + """
    import json, sys, time
    from reader.cli import parse
    from reader.app import ReaderApp, build
    from reader.ui.shell.settings import WindowSettings
    from PySide6.QtWidgets import QApplication

    path, settings_path, document_id, claim_start = sys.argv[1:]
    settings = WindowSettings(settings_path)
    settings.set_last_document(path, int(document_id))
    settings.sync()
    window = build(parse(["--db", path]), settings_path)
    window.show()
    app = ReaderApp.of(window)
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline:  # painted, and the check on open (a thread) done with this small file
        QApplication.processEvents()
    print(json.dumps({
    "document": app.session.document.id,
        "tags": len(app.session.tags),
        "shown": [annotation.id for annotation in window.reader.annotations_at(int(claim_start))],
        "sqlite_utils": "sqlite_utils" in sys.modules,
        "on demand": [name for name in ON_DEMAND if name in sys.modules],
    }))
"""
)


def test_the_window_opens_the_last_document_without_sqlite_utils(project, tmp_path):
    path, document_id, claim, _ = project

    shown = run_python(WINDOW, path, tmp_path / "window.ini", document_id, claim.start)

    with Store.open(path, read_only=True) as store:
        tags = len(store.tags())
    assert shown == {"document": document_id, "tags": tags, "shown": [claim.id], "sqlite_utils": False, "on demand": []}
