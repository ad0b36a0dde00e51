"""Model-based: random sequences of add, retag, note, delete, undo, redo, export and reopen,
run through the window's own undo commands (reader/ui/annotating/commands.py on a QUndoStack) against
a real database file, must leave the database equal to a plain dict after every step."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from PySide6.QtGui import QUndoStack

from reader.domain.annotations import Annotation
from reader.domain.corpus import SourceText
from reader.domain.export import DIALECTS, FORMATS, encoding_for
from reader.domain.export_writer import write_export
from reader.domain.importing import read_annotation_rows
from reader.store import Store
from reader.ui.annotating import commands

DOCUMENTS = {
    "emoji.txt": "Министр 📢 заявил: «рост» 👩🏽‍💼 будет.\nThe minister claimed growth 🎉 in May.\n",
    "plain.txt": '=SUM(A1) a cell that looks like a formula, and "quotes", commas\ttabs.\n',
}
TAGS = ["claim", "actor", "date"]
# Text that has broken exports elsewhere: CR/LF, quotes, formula starts, bidi controls, emoji.
NOTES = st.text(alphabet=st.sampled_from(list("ab =+-@'\",;\t\r\n📢é\u202e\u200b")), max_size=12)


class Sink:
    """The window's side of the commands; here it only records refusals, which must not happen."""

    def __init__(self):
        self.failures: list[str] = []

    def annotation_added(self, annotation): ...
    def annotation_changed(self, annotation): ...
    def annotation_removed(self, annotation): ...
    def tags_changed(self): ...

    def command_failed(self, message: str) -> None:
        self.failures.append(message)


class EditingSession(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="reader-model-"))
        self.path = self.folder / "model.sqlite"
        self.store = Store.open(self.path)
        self.documents = {}
        for name, text in DOCUMENTS.items():
            self.documents[self.store.import_source(SourceText(name, "", text, "utf-8")).document_id] = text
        self.sink = Sink()
        self.stack = QUndoStack()
        # The model: what the database holds after each step of the undo history.
        self.states: list[dict[str, Annotation]] = [{}]

    @property
    def model(self) -> dict[str, Annotation]:
        return self.states[self.stack.index()]

    def push(self, command, state: dict[str, Annotation]) -> None:
        del self.states[self.stack.index() + 1 :]
        self.states.append(state)
        self.stack.push(command)

    def pick(self, data) -> Annotation:
        return self.model[data.draw(st.sampled_from(sorted(self.model)))]

    @rule(data=st.data(), tag=st.sampled_from(TAGS), note=NOTES)
    def add(self, data, tag, note):
        document_id = data.draw(st.sampled_from(sorted(self.documents)))
        text = self.documents[document_id]
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, min(len(text), start + 30)))
        annotation = Annotation(document_id=document_id, start=start, end=end, text=text[start:end], tag=tag, note=note)
        self.push(commands.AddAnnotation(self.store, self.sink, annotation), {**self.model, annotation.id: annotation})

    @precondition(lambda self: self.model)
    @rule(data=st.data(), tag=st.sampled_from(TAGS))
    def retag(self, data, tag):
        command = commands.retag(self.store, self.sink, self.pick(data), tag)
        self.push(command, {**self.model, command.after.id: command.after})

    @precondition(lambda self: self.model)
    @rule(data=st.data(), note=NOTES)
    def note(self, data, note):
        command = commands.set_note(self.store, self.sink, self.pick(data), note)
        self.push(command, {**self.model, command.after.id: command.after})

    @precondition(lambda self: self.model)
    @rule(data=st.data())
    def delete(self, data):
        annotation = self.pick(data)
        self.push(
            commands.DeleteAnnotation(self.store, self.sink, annotation),
            {k: v for k, v in self.model.items() if k != annotation.id},
        )

    @precondition(lambda self: self.stack.canUndo())
    @rule()
    def undo(self):
        self.stack.undo()

    @precondition(lambda self: self.stack.canRedo())
    @rule()
    def redo(self):
        self.stack.redo()

    @rule(fmt=st.sampled_from(FORMATS), dialect=st.sampled_from(DIALECTS))
    def export_and_read_back(self, fmt, dialect):
        path = self.folder / f"export.{fmt}"
        with path.open("w", encoding=encoding_for(fmt, dialect), newline="") as out:
            count, _ = write_export(self.store.export_rows(), self.store.export_documents(), out, fmt, dialect)
        assert count == len(self.model)
        rows = list(read_annotation_rows(path))
        assert all(row.fields is not None for row in rows), [row.problem for row in rows]
        names = {document_id: name for document_id, name in zip(sorted(self.documents), DOCUMENTS, strict=True)}
        assert {row.fields["annotation_id"]: row.fields for row in rows} == {
            a.id: {
                "annotation_id": a.id,
                "document": names[a.document_id],
                "document_sha256": self.store.document(a.document_id).sha256,
                "start": a.start,
                "end": a.end,
                "text": a.text,
                "tag": a.tag,
                "note": a.note,
                "annotator": a.annotator,
                "status": a.status,
                "reviewer": a.reviewer,
                "review_note": a.review_note,
                "created_at": a.created_at,
                "updated_at": a.updated_at,
            }
            for a in self.model.values()
        }

    @precondition(lambda self: self.stack.count())  # a session with edits to lose
    @rule()
    def reopen(self):
        # As the window does on opening a database: a new session, a new undo history.
        before = self.model
        self.store.close()
        self.store = Store.open(self.path, backup=True)
        self.stack.clear()
        self.states = [before]

    def _stored(self) -> dict[str, Annotation]:
        return {a.id: a for document_id in self.documents for a in self.store.annotations(document_id)}

    @invariant()
    def database_matches_the_model(self):
        assert self.sink.failures == []
        assert self._stored() == self.model
        counts = {d.id: d.annotation_count for d in self.store.documents()}
        assert counts == {d: sum(a.document_id == d for a in self.model.values()) for d in self.documents}

    def teardown(self):
        self.stack.clear()
        self.store.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def test_random_editing_sessions_keep_the_database_equal_to_the_model(qapp):
    run_state_machine_as_test(
        EditingSession,
        settings=settings(
            max_examples=60,
            stateful_step_count=40,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
