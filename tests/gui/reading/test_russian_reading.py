"""The reader pane in Russian: the legend's chips, their tooltips with plural counts,
and the spans' tooltips with their review status and reviewer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip
from reviewkit import TEXTS, annotate, open_as, review_database
from windowkit import key, middle_of, shortcut

CTRL = Qt.KeyboardModifier.ControlModifier
FIRST = TEXTS["a-first.txt"]


@pytest.fixture
def window(qtbot, tmp_path, russian):
    """a-first.txt open: Alpha and Charlie 😀 (actor, pending), claims that (claim, accepted by ed),
    Monday (date, pending), and Bravo (actor) rejected by ed with a review note."""
    db, _ = review_database(tmp_path)
    annotate(
        db, "a-first.txt", "Bravo", "actor", annotator="bob", status="rejected", reviewer="ed", review_note="не он"
    )
    return open_as(qtbot, db, tmp_path / "settings.ini")


def tooltip_at(qtbot, window, quote: str) -> str:
    """The tooltip shown with the mouse over the middle of ``quote``'s first letters."""
    viewport = window.reader.viewport()
    pos = middle_of(window, FIRST.index(quote) + 1)
    qtbot.mouseMove(viewport, pos)
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def test_the_legend_speaks_russian_with_plural_counts(qtbot, window):
    legend = window.reader.legend
    assert window.reader.accessibleName() == "Текст документа"
    assert legend.accessibleName() == "Метки, показанные в тексте"
    qtbot.waitUntil(lambda: legend.chip("actor").text() == "actor 3")
    assert legend.chip("actor").toolTip() == "«actor»: в этом документе 3 пометки. Щёлкните, чтобы скрыть их."
    assert legend.chip("claim").toolTip() == "«claim»: в этом документе 1 пометка. Щёлкните, чтобы скрыть её."
    assert legend.chip("actor").accessibleName() == "Показать «actor»"
    assert [label.text() for label in legend.findChildren(QLabel)] == ["Показать:"]

    qtbot.mouseClick(legend.chip("actor"), Qt.MouseButton.LeftButton)  # hide the actors
    assert not legend.chip("actor").isChecked()
    assert legend.chip("actor").toolTip() == "«actor»: в этом документе 3 пометки. Щёлкните, чтобы показать их."


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform, raising the tooltip
def test_span_tooltips_say_the_status_and_the_reviewer_in_russian(qtbot, window):
    shown = tooltip_at(qtbot, window, "Alpha")
    assert "не проверена · alice" in shown and "Рецензент" not in shown
    shown = tooltip_at(qtbot, window, "claims that")
    assert "принята · bob" in shown and "Рецензент: ed" in shown
    shown = tooltip_at(qtbot, window, "Bravo")
    assert "отклонена · bob" in shown and "Замечание рецензента ed: <i>не он</i>" in shown

    # Rejected by the user in review mode, by keys: the tooltip follows.
    shortcut(qtbot, window, Qt.Key.Key_R, CTRL)
    view = window.reader
    view.setFocus()
    key(qtbot, view, Qt.Key.Key_N)  # the first pending one: Alpha
    key(qtbot, view, Qt.Key.Key_R)
    shown = tooltip_at(qtbot, window, "Alpha")
    assert "отклонена · alice" in shown and "Рецензент: editor" in shown
