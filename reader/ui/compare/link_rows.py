"""The comparison's links in the window: A's and B's relations paired over the span rows when a
document's comparison is made (reader.domain.relation_comparison), shown in the link table
under the spans as this database stands now, and T or O on the selected link row as one
undoable step (what each writes: reader.ui.compare.link_settling).

Rejected relations are left out of the pairing, as rejected spans are; each side's relations
are its annotator's (everyone's when the side is everyone).
"""

from __future__ import annotations

from collections.abc import Callable

from reader.domain.annotations import REJECTED, Annotation
from reader.domain.comparison import ComparedRow, next_to_settle, tally
from reader.domain.relation_comparison import (
    ComparedLink,
    LinkNow,
    compare_links,
    links_now,
)
from reader.domain.relations import Relation
from reader.store import StoreError
from reader.ui.annotating.relation_commands import ChangeRelations
from reader.ui.compare.link_settling import Here, LinkRefused, RelationChange, keeping_our_link, taking_their_link
from reader.ui.compare.view import ComparisonPanel
from reader.ui.shell.session import Session, Sink
from reader.ui.shell.translation import translate

Say = Callable[..., None]  # the window's status line: (message, problem=False)
SettleLink = Callable[[LinkNow, Here], tuple[list[RelationChange], str]]


def side(relations: list[Relation], annotator: str | None) -> list[Relation]:
    """One side's relations: not rejected, and made by ``annotator`` unless it is everyone (None)."""
    return [r for r in relations if r.status != REJECTED and (annotator is None or r.annotator == annotator)]


class LinkRows:
    def __init__(self, session: Session, sink: Sink, panel: ComparisonPanel, say: Say):
        self.session = session
        self.sink = sink
        self.panel = panel
        self.say = say
        self._settling = False

    def pair(
        self, rows: list[ComparedRow], ours: list[Relation], theirs: list[Relation], a: str | None, b: str | None
    ) -> list[ComparedLink]:
        """The link rows of A's (``a``'s of ``ours``) and B's (``b``'s of ``theirs``) relations."""
        return compare_links(rows, side(ours, a), side(theirs, b))

    def relations_here(self, document_id: int) -> list[Relation]:
        try:
            return self.session.store.document_relations(document_id)
        except StoreError as error:
            self.say(str(error), problem=True)
            return []

    def show(
        self, links: list[ComparedLink], rows: list[ComparedRow], annotations: list[Annotation], document_id: int
    ) -> list[LinkNow]:
        """The link rows as this database stands now, shown; after Ctrl+Z, Ctrl+Y or another
        program settled or reopened a link, the table goes to it."""
        relations = {r.id: r for r in self.relations_here(document_id)} if links else {}
        now = links_now(links, rows, relations, {a.id: a for a in annotations})
        before = self.panel.links_model.rows()
        if self.panel.show_links(now) and not self._settling:
            changed = [i for i, (old, new) in enumerate(zip(before, now, strict=True)) if old.decision != new.decision]
            if changed and self.panel.current_link() not in changed:
                self.panel.go_to_link(changed[0])
        return now

    @staticmethod
    def heading(links: list[LinkNow]) -> str:
        counts = tally(links)
        return translate("Compare", "{links}, {differ}; {to_settle}.").format(
            links=translate("Compare", "%n link(s)", None, counts.rows),
            differ=translate("Compare", "%n differ", None, counts.disagree),
            to_settle=translate("Compare", "%n to settle", None, counts.to_settle),
        )

    # ----- taking a version -----

    def take_theirs(self, other_database: bool) -> None:
        self._settle(
            taking_their_link,
            other_database,
            translate("Compare", "Take their link {type}"),
            lambda count: translate("Compare", "Take theirs: %n link(s) changed (Ctrl+Z undoes)", None, count),
        )

    def keep_ours(self, other_database: bool) -> None:
        self._settle(
            keeping_our_link,
            other_database,
            translate("Compare", "Keep our link {type}"),
            lambda count: translate("Compare", "Keep ours: %n link(s) changed (Ctrl+Z undoes)", None, count),
        )

    def _settle(
        self, changes_for: SettleLink, other_database: bool, undo_text: str, said: Callable[[int], str]
    ) -> None:
        """One undoable step of the changes ``changes_for`` gives for the current link row;
        then on to the next link still to settle."""
        row = self.panel.current_link()
        document = self.session.document
        if row is None or document is None:
            self.say(translate("Compare", "Pick a link in the comparison first (Tab goes to the links)"))
            return
        link = self.panel.links_model.row(row)
        try:
            here = Here(
                {r.id: r for r in self.session.store.document_relations(document.id)},
                {a.id: a for a in self.session.store.annotations(document.id)},
                self.panel.model.rows(),
                other_database,
                self.session.annotator,
            )
            changes, nothing = changes_for(link, here)
        except StoreError as error:
            self.say(str(error), problem=True)
            return
        except LinkRefused as refusal:
            self.say(str(refusal))
            return
        if not changes:
            self.say(nothing)
            return
        command = ChangeRelations(
            self.session.store, self.sink, changes, document.id, undo_text.format(type=link.pair.type)
        )
        self._settling = True
        try:
            done = self.session.push(command)
        finally:
            self._settling = False
        if not done:
            return
        self.say(said(len(changes)))
        links = self.panel.links_model.rows()
        following = next_to_settle(links, row)
        if links[row].decision is not None and following is not None:
            self.panel.go_to_link(following)
