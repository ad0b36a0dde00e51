"""Suggestions in the real window, made by the real suggester on the first seed: drawn over the
text, F9 and Shift+F9 walk them, Ctrl+Return accepts one (a pending annotation of the annotator's,
linked to its speaker), Ctrl+Backspace rejects one for good, Ctrl+Shift+Return accepts every one
of a tag as one undo step. The database is checked on disk after every step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from suggestkit import CTRL, SHIFT, open_suggestions, run_suggest, stored_suggestion
from windowkit import click_text, drag_select, key, middle_of, pick_document

from reader.domain.annotations import PENDING
from reader.domain.relations import SAID_BY
from reader.store import Store

pytest.importorskip("natasha", reason='the suggester needs pip install "reader[suggest]"')
# The offscreen platform's note when the progress dialog shows and sizes itself.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SPEAKER = "Секретариата ОДКБ"  # at 205: the suggested speaker of the claim below
CLAIM = "Москва официально не обращалась за помощью"  # the start of a suggested claim, at 77
REJECTED = "Радио Свобода"


def annotations(db):
    with Store.open(db, create=False, read_only=True) as store:
        return [a for d in store.documents() for a in store.annotations(d.id)]


def relations(db):
    with Store.open(db, create=False, read_only=True) as store:
        texts = {a.id: a.text for d in store.documents() for a in store.annotations(d.id)}
        return sorted(
            (r.type, texts[r.source_id], texts[r.target_id])
            for d in store.documents()
            for r in store.document_relations(d.id)
        )


@pytest.fixture
def suggested(qtbot, window, tmp_path):
    """The first seed open, suggested for by Suggest… (this document)."""
    pick_document(qtbot, window, 0)
    run_suggest(qtbot, window)
    assert open_suggestions(tmp_path / "project.sqlite"), "the suggester found nothing in the first seed"
    return window


def put_caret_in(qtbot, window, quote: str, inside: int = 2) -> int:
    start = window.reader.document_text().index(quote)
    click_text(qtbot, window, start + inside)
    return start


def test_suggestions_are_drawn_over_the_text_and_not_as_annotations(qtbot, window, parts, tmp_path):
    pick_document(qtbot, window, 0)
    view = window.reader
    start = view.document_text().index(SPEAKER)
    qtbot.waitUntil(lambda: bool(view.span_rects(start, start + len(SPEAKER))))
    area = view.span_rects(start, start + len(SPEAKER))[0].adjusted(-4, -6, 4, 4)
    before = view.viewport().grab(area).toImage()

    run_suggest(qtbot, window)
    qtbot.wait(50)
    after = view.viewport().grab(area).toImage()

    assert after != before  # its outline and "?" mark are drawn there
    assert annotations(tmp_path / "project.sqlite") == []  # and nothing became an annotation
    assert view.annotations_at(start + 2) == []
    actor = next(s for s in open_suggestions(tmp_path / "project.sqlite") if s.text == SPEAKER)
    colour = parts.suggesting.colours[actor.tag]
    assert any(_near(after.pixelColor(x, y), colour) for x in range(after.width()) for y in range(after.height()))


def _near(pixel, colour, slack: int = 40) -> bool:
    return all(abs(a - b) <= slack for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3], strict=True))


def test_f9_and_shift_f9_walk_the_suggestions_in_text_order(qtbot, suggested, parts, tmp_path):
    view = suggested.reader
    listed = open_suggestions(tmp_path / "project.sqlite")
    view.set_caret_code_point(0)

    key(qtbot, view, Qt.Key.Key_F9)
    assert view.caret_code_point() == listed[0].start
    assert parts.suggesting.emphasised.id == listed[0].id
    assert f"(1 of {len(listed)})" in suggested.status_message.text()
    key(qtbot, view, Qt.Key.Key_F9, times=2)
    assert parts.suggesting.emphasised.id == listed[2].id
    key(qtbot, view, Qt.Key.Key_F9, SHIFT)
    assert (view.caret_code_point(), parts.suggesting.emphasised.id) == (listed[1].start, listed[1].id)
    key(qtbot, view, Qt.Key.Key_F9, SHIFT, times=2)  # round the start, to the last
    assert parts.suggesting.emphasised.id == listed[-1].id
    assert view.span_rects(listed[-1].start, listed[-1].end)  # brought into view


def test_ctrl_return_accepts_as_a_pending_annotation_linked_to_its_speaker(qtbot, suggested, parts, tmp_path):
    db, view = tmp_path / "project.sqlite", suggested.reader
    annotator = parts.session.annotator

    put_caret_in(qtbot, suggested, SPEAKER)
    speaker = parts.suggesting.emphasised
    key(qtbot, view, Qt.Key.Key_Return, CTRL)
    [actor] = annotations(db)
    assert (actor.text, actor.tag, actor.status, actor.annotator) == (SPEAKER, "actor", PENDING, annotator)
    assert (actor.start, actor.end) == (speaker.start, speaker.end)
    assert stored_suggestion(db, speaker.id).status == "accepted"
    assert speaker.id not in [s.id for s in open_suggestions(db)]
    assert parts.annotating.panel.model.by_id(actor.id) is not None  # the annotation list follows

    put_caret_in(qtbot, suggested, CLAIM, inside=20)  # in the claim, past the actor "Москва"
    claim_suggestion = parts.suggesting.emphasised
    assert claim_suggestion.tag == "claim" and claim_suggestion.speaker == (actor.start, actor.end)
    key(qtbot, view, Qt.Key.Key_Return, CTRL)
    claim = next(a for a in annotations(db) if a.tag == "claim")
    assert claim.text.startswith(CLAIM) and (claim.status, claim.annotator) == (PENDING, annotator)
    assert relations(db) == [(SAID_BY, claim.text, SPEAKER)]

    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert [a.text for a in annotations(db)] == [SPEAKER] and relations(db) == []
    assert stored_suggestion(db, claim_suggestion.id).status == "open"
    assert claim_suggestion.id in [s.id for s in open_suggestions(db)]
    assert parts.annotating.panel.model.by_id(claim.id) is None

    key(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: the same annotation and link again
    assert claim.id in [a.id for a in annotations(db)]
    assert relations(db) == [(SAID_BY, claim.text, SPEAKER)]
    assert claim_suggestion.id not in [s.id for s in open_suggestions(db)]


def test_ctrl_backspace_rejects_for_good_and_undo_opens_it_again(qtbot, suggested, parts, tmp_path):
    db, view = tmp_path / "project.sqlite", suggested.reader
    put_caret_in(qtbot, suggested, REJECTED)
    rejected = parts.suggesting.emphasised
    assert rejected.text == REJECTED

    key(qtbot, view, Qt.Key.Key_Backspace, CTRL)
    assert stored_suggestion(db, rejected.id).status == "rejected"
    assert rejected.id not in [s.id for s in open_suggestions(db)]
    assert rejected.id not in [s.id for s in parts.suggesting.shown.items]  # the pane follows
    assert annotations(db) == []

    run_suggest(qtbot, suggested)  # a second run does not bring it back
    assert (rejected.start, rejected.end) not in [(s.start, s.end) for s in open_suggestions(db)]

    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert stored_suggestion(db, rejected.id).status == "open"
    assert rejected.id in [s.id for s in parts.suggesting.shown.items]
    key(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert stored_suggestion(db, rejected.id).status == "rejected"


def test_ctrl_shift_return_accepts_every_suggestion_of_the_tag_as_one_step(qtbot, suggested, parts, tmp_path):
    db, view = tmp_path / "project.sqlite", suggested.reader
    dates = [s for s in open_suggestions(db) if s.tag == "date"]
    assert len(dates) > 1
    click_text(qtbot, suggested, dates[0].start + 1)
    assert parts.suggesting.emphasised.tag == "date"

    key(qtbot, view, Qt.Key.Key_Return, CTRL | SHIFT)
    made = annotations(db)
    assert sorted((a.start, a.end, a.tag) for a in made) == [(s.start, s.end, "date") for s in dates]
    assert {a.status for a in made} == {PENDING}
    assert [s for s in open_suggestions(db) if s.tag == "date"] == []
    assert parts.annotating.panel.model.rowCount() == len(dates)

    key(qtbot, view, Qt.Key.Key_Z, CTRL)  # one step undoes them all
    assert annotations(db) == []
    assert [s.id for s in open_suggestions(db) if s.tag == "date"] == [s.id for s in dates]
    assert parts.annotating.panel.model.rowCount() == 0
    key(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert sorted(a.id for a in annotations(db)) == sorted(a.id for a in made)


def test_a_suggestion_over_an_annotation_of_its_tag_is_gone_from_the_text(qtbot, suggested, parts, tmp_path):
    db, view = tmp_path / "project.sqlite", suggested.reader
    start = view.document_text().index(REJECTED)
    drag_select(qtbot, suggested, start, start + len(REJECTED))
    key(qtbot, view, Qt.Key.Key_2)  # tagged actor by hand
    assert REJECTED in [a.text for a in annotations(db)]
    qtbot.waitUntil(lambda: REJECTED not in [s.text for s in parts.suggesting.shown.items])
    assert parts.suggesting.shown.at(start + 2) == []


def test_exports_leave_the_suggestions_out(qtbot, suggested, parts, tmp_path):
    db = tmp_path / "project.sqlite"
    put_caret_in(qtbot, suggested, SPEAKER)
    key(qtbot, suggested.reader, Qt.Key.Key_Return, CTRL)
    ids = {s.id for s in open_suggestions(db)}
    path = tmp_path / "out.csv"

    assert parts.library.export_to(path, "csv", "plain") == 1
    rows = path.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2  # the heading and the one accepted annotation
    assert SPEAKER in rows[1] and not any(i in row for i in ids for row in rows)
    assert "reader-ru" not in path.read_text(encoding="utf-8")


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")  # raising the tooltip too
def test_the_tooltip_names_the_tag_the_source_and_a_claims_speaker(qtbot, suggested, tmp_path):
    view = suggested.reader
    claim = next(s for s in open_suggestions(tmp_path / "project.sqlite") if s.text.startswith(CLAIM))
    viewport = view.viewport()
    pos = middle_of(suggested, claim.start + 20)  # in the claim, past the actor "Москва"
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    shown = QToolTip.text()
    assert "claim" in shown and claim.source in shown and SPEAKER in shown


def test_closing_the_window_right_after_a_change_reads_nothing_from_the_closed_store(qtbot, window, capfd):
    """A change asks for the suggestions again on the next turn of the event loop; the window
    closing in between closes the store, and that turn must not read it."""
    pick_document(qtbot, window, 0)
    drag_select(qtbot, window, 0, len("Москва"))
    qtbot.keyClick(window.reader, Qt.Key.Key_2)  # a new annotation: the suggestions are read again soon

    window.close()  # before the event loop turns again
    qtbot.wait(50)

    assert "Cannot operate on a closed database" not in capfd.readouterr().err
