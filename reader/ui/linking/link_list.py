"""The links of the selected annotation, listed under the annotation panel: the relation type,
its direction, the other end's tag and text, and its review status. Enter goes to the other end;
Delete takes the link away."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget

from reader.domain.annotations import ACCEPTED, REJECTED
from reader.domain.text import one_line
from reader.ui.linking.shown_links import ShownLink
from reader.ui.shell.one_line_label import OneLineLabel
from reader.ui.shell.translation import translate

RELATION_ID_ROLE = Qt.ItemDataRole.UserRole
_MARKS = {ACCEPTED: "✓ ", REJECTED: "✗ "}
_SHORT = 50
_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter)
_ROWS_SHOWN = 6  # more links scroll


def link_words(link: ShownLink) -> str:
    """How a link reads: "said_by → actor “Лавров”" from its source, "← said_by claim “…”" from its target."""
    other = f"{link.other.tag} “{one_line(link.other.text, _SHORT)}”"
    mark = _MARKS.get(link.relation.status, "")
    if link.outgoing:
        return f"{mark}{link.relation.type} → {other}"
    return f"{mark}← {link.relation.type} {other}"


class _Links(QListWidget):
    keyChosen = Signal(int)  # a key of _KEYS pressed on the current link

    def event(self, event: QEvent) -> bool:
        # The window's Delete deletes the selected annotation: here it is this list's key.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in _KEYS
            and self.currentItem() is not None
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _KEYS and self.currentItem() is not None:
            self.keyChosen.emit(event.key())
            event.accept()
            return
        super().keyPressEvent(event)


class LinkList(QWidget):
    linkChosen = Signal(str)  # relation id: the user went to this link (click, arrows)
    goRequested = Signal(str)  # relation id: Enter or a double-click, go to its other end
    deleteRequested = Signal(str)  # relation id: Delete

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel(translate("Linking", "Links"), self)
        self.heading.setObjectName("linkHeading")
        self.list = _Links(self)
        self.list.setObjectName("linkList")
        self.list.setAccessibleName(translate("Linking", "Links of the selected annotation"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        # A link too long for the panel is cut with "…": its tooltip holds it whole.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.hint = OneLineLabel(self)
        self.hint.setObjectName("linkHint")
        self.hint.setEnabled(False)
        # The hint comes and goes with the selection: it keeps its line (and asks for no width; its
        # tooltip holds it whole), so the panels around never move.
        keep_its_line = self.hint.sizePolicy()
        keep_its_line.setRetainSizeWhenHidden(True)
        self.hint.setSizePolicy(keep_its_line)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(lambda item: self.goRequested.emit(item.data(RELATION_ID_ROLE)))
        self.list.keyChosen.connect(self._key_chosen)
        self._quiet = False
        self._shown: tuple[list[ShownLink], str] | None = None
        self.show_links([], "")

    def show_links(self, links: list[ShownLink], hint: str) -> None:
        if self._shown == (links, hint):
            return
        self._shown = (list(links), hint)
        self._quiet = True
        try:
            self.list.clear()
            for link in links:
                item = QListWidgetItem(_swatch(link.colour), link_words(link))
                item.setData(RELATION_ID_ROLE, link.relation.id)
                item.setToolTip("\n".join(filter(None, (link_words(link), link.relation.note))))
                self.list.addItem(item)
        finally:
            self._quiet = False
        self.heading.setText(
            translate("Linking", "Links (%n)", None, len(links)) if links else translate("Linking", "Links")
        )
        self.list.setVisible(bool(links))
        self._fit_rows(len(links))
        self.hint.setText(hint)
        self.hint.setToolTip(hint)
        self.hint.setVisible(bool(hint))

    def _fit_rows(self, count: int) -> None:
        """As tall as its links, up to _ROWS_SHOWN of them: the annotations above keep the room."""
        row = self.list.sizeHintForRow(0) if count else self.list.fontMetrics().height()
        frame = 2 * self.list.frameWidth()
        self.list.setFixedHeight(row * max(1, min(count, _ROWS_SHOWN)) + frame)

    def set_current(self, relation_id: str | None) -> None:
        self._quiet = True
        try:
            for row in range(self.list.count()):
                if self.list.item(row).data(RELATION_ID_ROLE) == relation_id:
                    self.list.setCurrentRow(row)
                    return
            self.list.setCurrentRow(-1)
        finally:
            self._quiet = False

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else item.data(RELATION_ID_ROLE)

    def _current_changed(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if not self._quiet and current is not None:
            self.linkChosen.emit(current.data(RELATION_ID_ROLE))

    def _key_chosen(self, key: int) -> None:
        relation_id = self.current_id()
        if relation_id is None:
            return
        if key == Qt.Key.Key_Delete:
            self.deleteRequested.emit(relation_id)
        else:
            self.goRequested.emit(relation_id)


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)
