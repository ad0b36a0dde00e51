"""The undoable commands against a real database file: each step is written at
once, and undo restores the stored row exactly, id and times included."""

from __future__ import annotations

from dataclasses import asdict

import pytest
from PySide6.QtGui import QUndoStack

from reader.domain.annotations import Annotation
from reader.domain.tags import Tag
from reader.store import Store
from reader.ui.annotating.commands import AddAnnotation, DeleteAnnotation, SaveTag, move_edges, retag, set_note


class Recorder:
    """A commands.Sink that remembers what it was told."""

    def __init__(self):
        self.events = []

    def annotation_added(self, annotation):
        self.events.append(("added", annotation.id))

    def annotation_changed(self, annotation):
        self.events.append(("changed", annotation.id))

    def annotation_removed(self, annotation):
        self.events.append(("removed", annotation.id))

    def tags_changed(self):
        self.events.append(("tags",))

    def command_failed(self, message):
        self.events.append(("failed", message))


@pytest.fixture
def stack(qapp):
    return QUndoStack()


@pytest.fixture
def document(seeded_store):
    return seeded_store.document(seeded_store.documents()[0].id)


def on_disk(db_path, annotation_id):
    with Store.open(db_path, create=False) as fresh:
        return fresh.annotation(annotation_id)


def make(document, start, end, tag="claim") -> Annotation:
    return Annotation(
        document_id=document.id, start=start, end=end, text=document.text[start:end], tag=tag, annotator="tester"
    )


def test_add_then_undo_and_redo_keep_the_same_row(seeded_store, document, stack, db_path):
    sink = Recorder()
    annotation = make(document, 0, 6)
    stack.push(AddAnnotation(seeded_store, sink, annotation))
    assert on_disk(db_path, annotation.id) == annotation
    stack.undo()
    assert on_disk(db_path, annotation.id) is None
    stack.redo()
    assert on_disk(db_path, annotation.id) == annotation
    assert sink.events == [("added", annotation.id), ("removed", annotation.id), ("added", annotation.id)]


def test_delete_undo_restores_every_field(seeded_store, document, stack, db_path):
    sink = Recorder()
    annotation = make(document, 7, 9).changed(note="a note", status="accepted", reviewer="editor", review_note="fine")
    seeded_store.add_annotation(annotation)
    stack.push(DeleteAnnotation(seeded_store, sink, annotation))
    assert on_disk(db_path, annotation.id) is None
    assert seeded_store.documents()[0].annotation_count == 0
    stack.undo()
    assert asdict(on_disk(db_path, annotation.id)) == asdict(annotation)
    assert seeded_store.documents()[0].annotation_count == 1


def test_retag_and_note_undo_to_the_exact_previous_row(seeded_store, document, stack, db_path):
    sink = Recorder()
    annotation = make(document, 0, 6)
    stack.push(AddAnnotation(seeded_store, sink, annotation))
    stack.push(retag(seeded_store, sink, annotation, "actor"))
    retagged = on_disk(db_path, annotation.id)
    assert retagged.tag == "actor"
    stack.push(set_note(seeded_store, sink, retagged, "why"))
    assert on_disk(db_path, annotation.id).note == "why"
    stack.undo()
    assert on_disk(db_path, annotation.id) == retagged
    stack.undo()
    assert on_disk(db_path, annotation.id) == annotation


def test_edge_moves_merge_into_one_undo_step(seeded_store, document, stack, db_path):
    sink = Recorder()
    annotation = make(document, 0, 6)
    stack.push(AddAnnotation(seeded_store, sink, annotation))
    current = annotation
    for end in (7, 8, 9):
        stack.push(move_edges(seeded_store, sink, current, 0, end, document.text))
        current = on_disk(db_path, annotation.id)
        assert (current.end, current.text) == (end, document.text[:end])
    assert stack.count() == 2  # the add, and the three moves as one
    stack.undo()
    assert on_disk(db_path, annotation.id) == annotation


def test_a_refused_step_is_dropped_from_the_stack_and_reported(seeded_store, document, stack, db_path):
    sink = Recorder()
    stack.push(AddAnnotation(seeded_store, sink, make(document, 0, 6, tag="no-such-tag")))
    assert stack.count() == 0
    assert sink.events[0][0] == "failed" and "unknown tag" in sink.events[0][1]
    assert seeded_store.documents()[0].annotation_count == 0

    good = make(document, 0, 6)
    stack.push(AddAnnotation(seeded_store, sink, good))
    seeded_store.delete_annotation(good.id)  # someone else deleted it meanwhile
    stack.push(set_note(seeded_store, sink, good, "lost"))
    assert sink.events[-1][0] == "failed" and "no annotation" in sink.events[-1][1]
    assert stack.count() == 1


def test_a_tag_rename_carries_annotations_and_undoes(seeded_store, document, stack, db_path):
    sink = Recorder()
    annotation = make(document, 0, 6)
    stack.push(AddAnnotation(seeded_store, sink, annotation))
    claim = next(t for t in seeded_store.tags() if t.name == "claim")
    renamed = Tag(name="assertion", colour="#112233", key="9", description="renamed", position=claim.position)
    stack.push(SaveTag(seeded_store, sink, claim, renamed))
    assert on_disk(db_path, annotation.id).tag == "assertion"
    assert "claim" not in seeded_store.tag_names()
    new = Tag(name="place", colour="#445566", key="4", position=9)
    stack.push(SaveTag(seeded_store, sink, None, new))
    assert "place" in seeded_store.tag_names()
    stack.undo()
    stack.undo()
    assert on_disk(db_path, annotation.id).tag == "claim"
    assert next(t for t in seeded_store.tags() if t.name == "claim") == claim
    assert "place" not in seeded_store.tag_names()
