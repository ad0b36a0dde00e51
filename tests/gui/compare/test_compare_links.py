"""The comparison covers links: under the span table, a table pairs A's and B's relations (the
same type, both ends in the same span rows); Tab goes to it from the span table, T and O work
on its selected row, each one undoable step written to the database at once."""

from __future__ import annotations

from pathlib import Path

from comparekit import (
    CTRL,
    compare_annotators,
    compare_with_database,
    go_to_row,
    heading,
    lavrov_in_one_database,
    lavrov_in_two_databases,
    open_lavrov,
    table,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from reviewkit import annotate, stored
from windowkit import key

from reader.app import ReaderApp
from reader.domain.annotations import Annotation
from reader.domain.comparison import ONLY_A, ONLY_B, SAME
from reader.domain.relations import SAID_BY, Relation
from reader.store import Store
from reader.ui.compare.model import TO_SETTLE

A, B = "A: alice", "B: bob"


def linked(db: Path, source: Annotation, target: Annotation, annotator: str) -> Relation:
    with Store.open(db) as store:
        return store.add_relation(Relation(SAID_BY, source.id, target.id, annotator=annotator))


def relations(db: Path) -> dict[str, Relation]:
    """Every relation in the file, by id, read with a connection of its own."""
    with Store.open(db, create=False, read_only=True) as store:
        return {r.id: r for d in store.documents() for r in store.document_relations(d.id)}


def links_table(window):
    return ReaderApp.of(window).comparison.panel.links_view


def link_rows(window) -> list[dict[str, str]]:
    """Every link row as the table shows it: its cells' text by column heading."""
    model = links_table(window).model()
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [
        {heading: str(model.index(r, c).data() or "") for c, heading in enumerate(headings)}
        for r in range(model.rowCount())
    ]


def tab_to_link(qtbot, window, row: int) -> None:
    """From the span table, Tab to the links, then Ctrl+Home and Down to ``row``."""
    go_to_row(qtbot, window, 0)
    key(qtbot, table(window), Qt.Key.Key_Tab)
    view = links_table(window)
    assert QApplication.focusWidget() is view
    key(qtbot, view, Qt.Key.Key_Home, CTRL)
    key(qtbot, view, Qt.Key.Key_Down, times=row)
    assert view.currentIndex().row() == row


def said(window) -> str:
    return window.status_message.text()


def test_take_theirs_and_keep_ours_on_the_links_of_two_annotators(qtbot, tmp_path, qtmodeltester):
    db = tmp_path / "merged.sqlite"
    spans = lavrov_in_one_database(db)
    spans["alice moscow"] = annotate(db, "a-lavrov.txt", "Москва", "actor", annotator="alice")
    same_a = linked(db, spans["alice claim"], spans["alice actor"], "alice")
    same_b = linked(db, spans["bob claim"], spans["bob actor"], "bob")
    only_a = linked(db, spans["alice claim"], spans["alice moscow"], "alice")
    only_b = linked(db, spans["bob claim"], spans["bob odkb"], "bob")
    before = relations(db)
    window = open_lavrov(qtbot, db, tmp_path / "settings.ini")
    compare_annotators(qtbot, window, "alice", "bob")

    assert [(r["Link type"], r[A], r[B], r["Difference"], r["Decision"]) for r in link_rows(window)] == [
        (SAID_BY, "· Сергей Лавров заявил → Лавров", "· Лавров заявил → Сергей Лавров", SAME, ""),
        (SAID_BY, "· Сергей Лавров заявил → Москва", "—", ONLY_A, TO_SETTLE),
        (SAID_BY, "—", "· Лавров заявил → ОДКБ", ONLY_B, TO_SETTLE),
    ]
    assert "3 link(s), 2 differ; 2 to settle." in heading(window)
    qtmodeltester.check(links_table(window).model())

    tab_to_link(qtbot, window, 1)
    key(qtbot, links_table(window), Qt.Key.Key_O)  # alice's own link accepted
    assert relations(db)[only_a.id].status == "accepted"
    assert link_rows(window)[1]["Decision"] == "✓ kept ours"
    assert links_table(window).currentIndex().row() == 2  # on to the next link to settle
    assert "Keep ours: 1 link(s) changed" in said(window)

    key(qtbot, links_table(window), Qt.Key.Key_T)  # bob's own link accepted
    assert relations(db)[only_b.id].status == "accepted"
    assert link_rows(window)[2][B] == "✓ Лавров заявил → ОДКБ"
    assert "0 to settle." in heading(window)

    key(qtbot, links_table(window), Qt.Key.Key_Home, CTRL)
    key(qtbot, links_table(window), Qt.Key.Key_T)  # the pair that agrees: bob's accepted, alice's rejected
    now = relations(db)
    assert (now[same_a.id].status, now[same_b.id].status) == ("rejected", "accepted")
    assert now[same_b.id].reviewer == "editor"
    assert [r["Decision"] for r in link_rows(window)] == ["✓ taken theirs", "✓ kept ours", "✓ taken theirs"]
    assert {a.id: a.status for a in stored(db).values()} == {x.id: "pending" for x in spans.values()}

    # Back on the span table, T is for the spans again.
    go_to_row(qtbot, window, 2)
    key(qtbot, table(window), Qt.Key.Key_T)
    assert stored(db)[spans["alice moscow"].id].status == "rejected"
    assert relations(db) == now

    for _ in range(4):
        key(qtbot, links_table(window), Qt.Key.Key_Z, CTRL)
    assert relations(db) == before
    assert stored(db) == {x.id: x for x in spans.values()}
    assert [r["Decision"] for r in link_rows(window)] == ["", TO_SETTLE, TO_SETTLE]


def test_their_link_from_another_database_comes_in_once_its_spans_have(qtbot, tmp_path):
    mine, theirs = tmp_path / "alice.sqlite", tmp_path / "bob.sqlite"
    ours, their = lavrov_in_two_databases(mine, theirs)
    our_link = linked(mine, ours["claim"], ours["moscow"], "alice")
    their_same = linked(theirs, their["claim"], their["moscow"], "bob")
    their_only = linked(theirs, their["claim"], their["odkb"], "bob")
    window = open_lavrov(qtbot, mine, tmp_path / "settings.ini")
    compare_with_database(qtbot, window, theirs)
    a, b = "A: here", "B: bob.sqlite"
    assert [(r[a], r[b], r["Difference"]) for r in link_rows(window)] == [
        ("· Москва не обращалась за помощью → Москва", "· не обращалась за помощью к ОДКБ → Москва", SAME),
        ("—", "· не обращалась за помощью к ОДКБ → ОДКБ", ONLY_B),
    ]

    tab_to_link(qtbot, window, 1)
    key(qtbot, links_table(window), Qt.Key.Key_T)  # its source's row is open: refused
    assert said(window) == (
        "Take the span “не обращалась за помощью к ОДКБ” first (T on its row): their link's end is not here yet"
    )
    assert set(relations(mine)) == {our_link.id}

    go_to_row(qtbot, window, 2)
    key(qtbot, table(window), Qt.Key.Key_T)  # their claim comes in, accepted
    key(qtbot, table(window), Qt.Key.Key_T)  # on to ОДКБ, theirs only: it comes in too
    assert stored(mine)[their["odkb"].id].status == "accepted"
    tab_to_link(qtbot, window, 1)
    key(qtbot, links_table(window), Qt.Key.Key_T)
    copy = relations(mine)[their_only.id]
    assert (copy.source_id, copy.target_id, copy.status, copy.annotator) == (
        their["claim"].id,
        their["odkb"].id,
        "accepted",
        "bob",
    )
    assert link_rows(window)[1]["Decision"] == "✓ taken theirs"

    # O on the pair that agrees: ours accepted; theirs recorded here as rejected, its target
    # our Москва (the span rows agree there), its source their claim (taken).
    key(qtbot, links_table(window), Qt.Key.Key_Home, CTRL)
    key(qtbot, links_table(window), Qt.Key.Key_O)
    now = relations(mine)
    assert now[our_link.id].status == "accepted"
    refused = now[their_same.id]
    assert (refused.source_id, refused.target_id, refused.status) == (their["claim"].id, ours["moscow"].id, "rejected")
    assert link_rows(window)[0]["Decision"] == "✓ kept ours"

    key(qtbot, links_table(window), Qt.Key.Key_Z, CTRL)
    key(qtbot, links_table(window), Qt.Key.Key_Z, CTRL)
    assert relations(mine) == {our_link.id: our_link}
