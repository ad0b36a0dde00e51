"""shell.first_paint: work left until a widget's first frame."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget

from reader.ui.shell.first_paint import after_first_paint


def test_the_work_runs_once_on_the_turn_after_the_first_paint(qtbot):
    calls: list[str] = []
    widget = QWidget()
    qtbot.addWidget(widget)
    after_first_paint(widget, lambda: calls.append("ran"))
    widget.show()
    widget.repaint()  # painted now; the work waits for the event loop
    assert calls == []
    qtbot.waitUntil(lambda: calls == ["ran"])
    widget.repaint()
    QApplication.processEvents()
    assert calls == ["ran"]


def test_the_work_is_dropped_when_the_widget_goes_first(qtbot):
    calls: list[str] = []
    widget = QWidget()
    after_first_paint(widget, lambda: calls.append("ran"))
    widget.show()
    widget.repaint()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(20)
    assert calls == []
