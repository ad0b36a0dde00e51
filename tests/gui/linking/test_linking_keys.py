"""Linking by keyboard in the real window: Ctrl+K on a claim, Tab through its candidates nearest
first, typing to narrow them, Enter to link, Esc to cancel; Ctrl+J walks the links and Delete takes
one away; deleting an end takes its links and undo brings them back. The database is checked after
every step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from windowkit import click_text, drag_select, key, pick_document, type_text

from reader.domain.linking import link_candidates
from reader.domain.relations import DATED, SAID_BY
from reader.store import Store

CTRL, SHIFT, ALT = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ShiftModifier,
    Qt.KeyboardModifier.AltModifier,
)
CLAIM = "Москва официально не обращалась за помощью"  # at 77
NEAR_ACTOR = "Секретариата ОДКБ"  # at 205: the actor nearest the claim
FAR_ACTOR = "Радио Свобода"  # at 239
DATE = "Курской области"  # at 60, just before the claim


def relations(db) -> list[tuple[str, str, str]]:
    """(type, source text, target text) of every stored relation."""
    with Store.open(db, create=False, read_only=True) as store:
        texts = {a.id: a.text for d in store.documents() for a in store.annotations(d.id)}
        found = [
            (r.type, texts[r.source_id], texts[r.target_id])
            for d in store.documents()
            for r in store.document_relations(d.id)
        ]
    return sorted(found)


def tag(qtbot, window, quote: str, number_key) -> None:
    text = window.reader.document_text()
    start = text.index(quote)
    drag_select(qtbot, window, start, start + len(quote))
    key(qtbot, window.reader, number_key)


@pytest.fixture
def tagged(qtbot, window):
    """The first seed open with a claim, two actors and a date tagged by their keys, the claim selected."""
    pick_document(qtbot, window, 0)
    tag(qtbot, window, CLAIM, Qt.Key.Key_1)
    tag(qtbot, window, NEAR_ACTOR, Qt.Key.Key_2)
    tag(qtbot, window, FAR_ACTOR, Qt.Key.Key_2)
    tag(qtbot, window, DATE, Qt.Key.Key_3)
    select(qtbot, window, CLAIM)
    return window


def select(qtbot, window, quote: str) -> None:
    click_text(qtbot, window, window.reader.document_text().index(quote) + 2)
    selected = window.reader.annotation(window.reader.selected_annotation_id())
    assert selected is not None and selected.text == quote


def message(window) -> str:
    return window.status_message.text()


def test_ctrl_k_tab_and_enter_link_the_claim_to_the_nearest_fitting_annotations(qtbot, tagged, tmp_path):
    db, view = tmp_path / "project.sqlite", tagged.reader

    key(qtbot, view, Qt.Key.Key_K, CTRL)
    assert f"said_by → actor “{NEAR_ACTOR}”" not in message(tagged)  # the date is nearer: it comes first
    assert f"dated → date “{DATE}” (1 of 3)" in message(tagged)
    key(qtbot, view, Qt.Key.Key_Tab)
    assert f"said_by → actor “{NEAR_ACTOR}” (2 of 3)" in message(tagged)
    key(qtbot, view, Qt.Key.Key_Return)

    assert relations(db) == [(SAID_BY, CLAIM, NEAR_ACTOR)]
    assert view.selected_annotation_id() is not None  # the claim stays selected, for the next link
    assert tagged.link_list.list.count() == 1
    assert NEAR_ACTOR in tagged.link_list.list.item(0).text()

    key(qtbot, view, Qt.Key.Key_K, CTRL)  # the one linked is no longer a candidate
    assert "(1 of 2)" in message(tagged)
    key(qtbot, view, Qt.Key.Key_Return)
    assert relations(db) == sorted([(SAID_BY, CLAIM, NEAR_ACTOR), (DATED, CLAIM, DATE)])


def test_typing_narrows_the_candidates_and_no_tag_key_fires_meanwhile(qtbot, tagged, tmp_path):
    db, view = tmp_path / "project.sqlite", tagged.reader
    claim_id = view.selected_annotation_id()

    key(qtbot, view, Qt.Key.Key_K, CTRL)
    type_text(view, "рад")
    assert f"said_by → actor “{FAR_ACTOR}” (1 of 1)" in message(tagged)
    key(qtbot, view, Qt.Key.Key_Backspace, times=3)
    assert f"said_by → actor “{FAR_ACTOR}” (3 of 3)" in message(tagged)  # it stays on the one it was on
    key(qtbot, view, Qt.Key.Key_2)  # typed into the filter: it does not retag the claim
    assert "nothing matches “2”" in message(tagged)
    key(qtbot, view, Qt.Key.Key_Backspace)
    key(qtbot, view, Qt.Key.Key_D, ALT)  # Alt+D: only the type whose key is d (dated)
    assert f"dated → date “{DATE}” (1 of 1)" in message(tagged)
    key(qtbot, view, Qt.Key.Key_Return)

    with Store.open(db, read_only=True) as store:
        assert store.annotation(claim_id).tag == "claim"
    assert relations(db) == [(DATED, CLAIM, DATE)]


def test_escape_cancels_and_nothing_is_stored(qtbot, tagged, tmp_path):
    key(qtbot, tagged.reader, Qt.Key.Key_K, CTRL)
    key(qtbot, tagged.reader, Qt.Key.Key_Tab)
    key(qtbot, tagged.reader, Qt.Key.Key_Escape)

    assert "Linking cancelled" in message(tagged)
    assert relations(tmp_path / "project.sqlite") == []
    assert tagged.reader.selected_annotation_id() is not None  # Esc ended the linking, not the selection


def test_linking_from_an_actor_stores_the_relation_from_the_claim(qtbot, tagged, tmp_path):
    select(qtbot, tagged, FAR_ACTOR)
    key(qtbot, tagged.reader, Qt.Key.Key_K, CTRL)
    assert f"claim “{CLAIM[:30]}" in message(tagged) and "said_by → (1 of 1)" in message(tagged)
    key(qtbot, tagged.reader, Qt.Key.Key_Return)

    assert relations(tmp_path / "project.sqlite") == [(SAID_BY, CLAIM, FAR_ACTOR)]


def test_undo_and_redo_a_link(qtbot, tagged, tmp_path):
    db, view = tmp_path / "project.sqlite", tagged.reader
    key(qtbot, view, Qt.Key.Key_K, CTRL)
    key(qtbot, view, Qt.Key.Key_Return)
    assert len(relations(db)) == 1

    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert relations(db) == []
    assert tagged.link_list.list.count() == 0
    key(qtbot, view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert relations(db) == [(DATED, CLAIM, DATE)]
    assert tagged.link_list.list.count() == 1


def test_ctrl_j_walks_the_links_and_delete_takes_the_walked_one_away(qtbot, tagged, tmp_path):
    db, view = tmp_path / "project.sqlite", tagged.reader
    for _ in range(2):
        key(qtbot, view, Qt.Key.Key_K, CTRL)
        key(qtbot, view, Qt.Key.Key_Return)
    assert len(relations(db)) == 2

    key(qtbot, view, Qt.Key.Key_J, CTRL)
    first = message(tagged)
    key(qtbot, view, Qt.Key.Key_J, CTRL)
    assert "(2 of 2)" in message(tagged) and message(tagged) != first
    key(qtbot, view, Qt.Key.Key_Delete)

    assert len(relations(db)) == 1
    assert view.selected_annotation_id() is not None  # Delete took the link, not the claim
    with Store.open(db, read_only=True) as store:
        assert store.annotation(view.selected_annotation_id()) is not None
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert len(relations(db)) == 2


def test_delete_in_the_link_list_takes_the_link_and_enter_goes_to_its_other_end(qtbot, tagged, tmp_path):
    db, view = tmp_path / "project.sqlite", tagged.reader
    key(qtbot, view, Qt.Key.Key_K, CTRL)
    key(qtbot, view, Qt.Key.Key_Tab)
    key(qtbot, view, Qt.Key.Key_Return)  # said_by the near actor
    links = tagged.link_list.list

    links.setFocus()
    key(qtbot, links, Qt.Key.Key_Down)
    key(qtbot, links, Qt.Key.Key_Return)
    assert view.annotation(view.selected_annotation_id()).text == NEAR_ACTOR
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    assert links.count() == 1  # the actor's link, seen from its end

    links.setFocus()
    key(qtbot, links, Qt.Key.Key_Down)
    key(qtbot, links, Qt.Key.Key_Delete)
    assert relations(db) == []
    assert view.annotation(view.selected_annotation_id()).text == NEAR_ACTOR  # the annotation stays


def test_deleting_an_end_takes_its_links_and_undo_brings_them_back(qtbot, tagged, tmp_path):
    db, view = tmp_path / "project.sqlite", tagged.reader
    key(qtbot, view, Qt.Key.Key_K, CTRL)
    key(qtbot, view, Qt.Key.Key_Tab)
    key(qtbot, view, Qt.Key.Key_Return)
    select(qtbot, tagged, NEAR_ACTOR)

    key(qtbot, view, Qt.Key.Key_Delete)
    assert relations(db) == []

    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert relations(db) == [(SAID_BY, CLAIM, NEAR_ACTOR)]
    select(qtbot, tagged, CLAIM)
    assert tagged.link_list.list.count() == 1


def test_the_selected_claims_links_are_drawn_over_the_text(qtbot, tagged):
    view = tagged.reader
    before = view.viewport().grab().toImage()
    key(qtbot, view, Qt.Key.Key_K, CTRL)
    key(qtbot, view, Qt.Key.Key_Return)
    qtbot.wait(20)

    after = view.viewport().grab().toImage()
    colour = tagged.findChild(type(tagged.link_list)).list.item(0).icon().pixmap(4, 4).toImage().pixelColor(1, 1)
    changed = [
        after.pixelColor(x, y)
        for x in range(0, after.width(), 2)
        for y in range(0, after.height(), 2)
        if after.pixelColor(x, y) != before.pixelColor(x, y)
    ]
    assert any(
        abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(c.blue() - colour.blue()) < 60
        for c in changed
    )


def test_in_review_mode_a_and_r_accept_and_reject_the_walked_link(qtbot, tagged, tmp_path, parts):
    db, view = tmp_path / "project.sqlite", tagged.reader
    key(qtbot, view, Qt.Key.Key_K, CTRL)
    key(qtbot, view, Qt.Key.Key_Return)
    parts.actions["ReviewMode"].setChecked(True)
    select(qtbot, tagged, CLAIM)

    key(qtbot, view, Qt.Key.Key_J, CTRL)
    key(qtbot, view, Qt.Key.Key_A)
    with Store.open(db, read_only=True) as store:
        (relation,) = store.relations_of(view.selected_annotation_id())
        claim = store.annotation(view.selected_annotation_id())
    assert (relation.status, relation.reviewer) == ("accepted", parts.session.annotator)
    assert claim.status == "pending"  # A reviewed the link, not the claim
    assert tagged.link_list.list.item(0).text().startswith("✓ ")

    key(qtbot, view, Qt.Key.Key_R)
    with Store.open(db, read_only=True) as store:
        assert store.relation(relation.id).status == "rejected"
    key(qtbot, view, Qt.Key.Key_Z, CTRL)
    with Store.open(db, read_only=True) as store:
        assert store.relation(relation.id).status == "accepted"


def test_a_claims_candidates_are_worked_out_when_the_user_pauses_not_before_the_next_key(qtbot, window, monkeypatch):
    """Working them out takes 7-15 ms among 10,000 annotations: right after every press, it held
    up the next key press by as much. Ctrl+K before the pause works them out itself."""
    import reader.ui.linking.controller as linking

    worked_out = []
    monkeypatch.setattr(
        linking, "link_candidates", lambda *args: worked_out.append(args[0].text) or link_candidates(*args)
    )
    pick_document(qtbot, window, 0)
    tag(qtbot, window, CLAIM, Qt.Key.Key_1)  # the new claim is selected
    qtbot.wait(50)  # several turns of the event loop, as between two quick presses
    assert worked_out == []

    qtbot.waitUntil(lambda: worked_out == [CLAIM], timeout=linking.PREPARE_AFTER_PAUSE_MS + 2000)
    tag(qtbot, window, NEAR_ACTOR, Qt.Key.Key_2)
    select(qtbot, window, CLAIM)
    key(qtbot, window.reader, Qt.Key.Key_K, CTRL)  # at once, before the next pause
    assert "Link" in message(window) and worked_out[-1] == CLAIM
