"""The main window's widgets and layout. It holds no store and makes no
decisions: the feature controllers fill it, and app.py builds them."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.ui.annotating.annotation_panel import AnnotationPanel
from reader.ui.linking.link_list import LinkList
from reader.ui.reading.document_list import DocumentListPanel
from reader.ui.reading.reader_view import ReaderView
from reader.ui.reading.search import CorpusSearch, FindBar
from reader.ui.reading.text_column import COLUMN_CHARS, average_char_width
from reader.ui.reading.zoom import NORMAL_ZOOM, reader_point_size, zoomed_font
from reader.ui.shell.look import dimmed, emphasised, marked_as_problem
from reader.ui.shell.message_line import MessageLine
from reader.ui.shell.panes import PaneLimits, PaneSplitter
from reader.ui.shell.screen_fit import first_run_frame, onto, smallest_size
from reader.ui.shell.tag_bar import TagBar
from reader.ui.shell.translation import translate

STATUS_SECONDS = 8
# A line of the text column holds this many characters at the narrowest and the widest;
# the side panes are no narrower than so many characters of their font.
TEXT_CHARACTERS = (70, COLUMN_CHARS)
LEFT_CHARACTERS, RIGHT_CHARACTERS = 24, 28
HEADING_POINTS = 13


class MainWindow(QMainWindow):
    closing = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(translate("Window", "Reader"))
        # An explicit minimum keeps Qt from resizing the window's limits whenever a label's text changes.
        available = self.screen().availableGeometry()
        self.setMinimumSize(smallest_size(available, QSize(0, 0)))
        self.setGeometry(first_run_frame(available))  # until a saved geometry is restored
        self._shown_before = False
        self._zoom = NORMAL_ZOOM

        self.tag_bar = TagBar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.tag_bar)

        self.documents = DocumentListPanel(self)
        self.corpus_search = CorpusSearch(lambda query: [], self)
        self.left_tabs = QTabWidget(self)
        self.left_tabs.setObjectName("leftTabs")
        self.left_tabs.setDocumentMode(True)
        self.left_tabs.addTab(_padded(self.documents), translate("Window", "Documents"))
        self.left_tabs.addTab(_padded(self.corpus_search), translate("Window", "Search"))

        self.document_heading = QLabel(self)
        self.document_heading.setObjectName("documentHeading")
        self.document_heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.document_heading.setWordWrap(True)  # a long first line must not widen the pane
        self.document_heading.setContentsMargins(2, 2, 2, 0)
        self.document_details = QLabel(self)
        self.document_details.setObjectName("documentDetails")
        self.document_details.setWordWrap(True)
        self.document_details.setContentsMargins(2, 0, 2, 4)
        dimmed(self.document_details)
        self.show_no_document()
        self.reader = ReaderView(self)
        self.find_bar = FindBar(self)
        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(6, 6, 6, 6)
        centre_layout.setSpacing(2)
        centre_layout.addWidget(self.document_heading)
        centre_layout.addWidget(self.document_details)
        centre_layout.addWidget(self.reader.legend)
        centre_layout.addWidget(self.reader, 1)
        centre_layout.addWidget(self.find_bar)

        self.annotation_panel = AnnotationPanel(self)
        self.link_list = LinkList(self.annotation_panel)
        panel_layout = self.annotation_panel.layout()
        assert panel_layout is not None
        panel_layout.addWidget(self.link_list)
        self.annotation_panel.heading.setFont(emphasised())
        self.annotation_panel.heading.setContentsMargins(2, 2, 2, 2)

        self.splitter = PaneSplitter(self._pane_limits, self)
        self.splitter.addWidget(self.left_tabs)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(_padded(self.annotation_panel))
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setHandleWidth(6)
        self.setCentralWidget(self.splitter)

        self.status_message = MessageLine(self)
        self.status_message.historyRequested.connect(self.show_recent_messages)
        self.status_summary = QLabel(self)
        self.status_summary.setObjectName("statusSummary")
        self.status_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_summary.setContentsMargins(6, 0, 6, 0)
        self.status_identity = QLabel(self)
        self.status_identity.setObjectName("statusIdentity")
        self.status_identity.setContentsMargins(6, 0, 6, 0)
        self.status_identity.setToolTip(
            translate(
                "Window",
                "Your name, stored on every annotation you make and every review; Edit ▸ Preferences changes it",
            )
        )
        self.statusBar().addWidget(self.status_message, 1)
        self.statusBar().addPermanentWidget(self.status_identity)
        self.statusBar().addPermanentWidget(self.status_summary)

        self._message_timer = self.startTimer(1000)
        self._message_age = 0

    def show_no_document(self) -> None:
        """The heading over the text while no document is open."""
        self.document_heading.setText(translate("Window", "No document open"))
        self.document_details.setText(translate("Window", "Pick a document on the left."))

    def add_dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        """``widget`` in a dock named ``name`` below the text (or right of it), hidden until shown."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        return dock

    def say(self, message: str, problem: bool = False) -> None:
        """A one-line message in the status bar; a problem stays in red until the next message."""
        self.status_message.show_message(message)
        self.status_message.setProperty("problem", problem)
        marked_as_problem(self.status_message, problem)
        self._message_age = -10_000 if problem else 0

    def problem(self, message: str, dialog: bool = False) -> None:
        """A problem in red in the status bar, and with ``dialog`` in a message too."""
        self.say(message, problem=True)
        if dialog:
            self.show_message(translate("Window", "Reader"), message)

    def show_message(self, title: str, message: str, details: str = "") -> QDialog:
        """A message that does not block: the window goes on while it is open."""
        dialog = QDialog(self)
        dialog.setObjectName("messageDialog")
        dialog.setWindowTitle(title)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setMinimumSize(420, 140 if not details else 280)
        layout = QVBoxLayout(dialog)
        text = QLabel(message, dialog)
        text.setObjectName("messageText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        if details:
            more = QPlainTextEdit(details, dialog)
            more.setObjectName("messageDetails")
            more.setReadOnly(True)
            layout.addWidget(more, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, dialog)
        buttons.accepted.connect(dialog.accept)
        layout.addWidget(buttons)
        dialog.open()
        return dialog

    def timerEvent(self, event) -> None:
        if event.timerId() != self._message_timer:
            return super().timerEvent(event)
        self._message_age += 1
        if self._message_age == STATUS_SECONDS:
            self.status_message.clear()

    def show_recent_messages(self) -> QDialog:
        """The recent status messages in full, newest first (a click on the message)."""
        return self.show_message(
            translate("Window", "Recent Messages"),
            translate("Window", "The window's recent messages, newest first:"),
            "\n".join(self.status_message.recent()),
        )

    def restore_splitter(self, state) -> None:
        self.splitter.restore(state)

    def apply_zoom(self, percent: int) -> None:
        """Everything in the window at ``percent`` of its normal size: the panes' font, the
        headings, the rows of the tables, and the reader's text."""
        self._zoom = percent
        self.reader.set_font_point_size(reader_point_size(percent))
        if not self._shown_before:
            # The first show applies the rest: polishing the widgets for it resets their fonts, and
            # each style sheet set before it re-polished every widget for nothing (about 6 ms each).
            return
        self.setFont(QFont())  # a change even when the font is the same, so that it reaches every pane
        self.setFont(zoomed_font(QApplication.font(), percent))
        self.document_heading.setFont(emphasised(HEADING_POINTS * percent / NORMAL_ZOOM))
        self.tag_bar.restyle()
        self.splitter.refit()

    def fit_to_screen(self) -> None:
        """The window (its frame too) within its screen's available area: a first run on a small
        or scaled screen, or a geometry restored from a larger one, is brought back onto it."""
        if self.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            return
        screen = QApplication.screenAt(self.frameGeometry().center()) or self.screen()
        available = screen.availableGeometry()
        frame = self.frameGeometry()
        extra = frame.size() - self.geometry().size()
        if (smallest := smallest_size(available, extra)) != self.minimumSize():
            self.setMinimumSize(smallest)
        fitted = onto(frame, available)
        if fitted != frame:
            self.resize(fitted.size() - extra)
            self.move(fitted.topLeft())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_before:
            self._shown_before = True
            self.apply_zoom(self._zoom)  # again: polishing the widgets for their first show reset their fonts
            # After the first layout pass, when the frame is known and the splitter has its width.
            QTimer.singleShot(0, self._first_layout)

    def _first_layout(self) -> None:
        self.fit_to_screen()
        self.splitter.start_fitting()

    def _pane_limits(self) -> PaneLimits:
        text = average_char_width(self.reader.font())
        panes = QFontMetricsF(self.font()).averageCharWidth()
        chrome = self._text_chrome()
        return PaneLimits(
            round(TEXT_CHARACTERS[0] * text) + chrome,
            round(TEXT_CHARACTERS[1] * text) + chrome,
            round(LEFT_CHARACTERS * panes),
            round(RIGHT_CHARACTERS * panes),
        )

    def _text_chrome(self) -> int:
        """The centre pane's width beside the text's lines: margins, the reader's frame and scroll bar."""
        centre = self.splitter.widget(1)
        beside = centre.width() - self.reader.width() if centre is not None and self.isVisible() else 12
        scroll_bar = self.reader.verticalScrollBar().sizeHint().width()  # the style's extent; no QStyle import
        return beside + 2 * self.reader.frameWidth() + scroll_bar + 2 * round(self.reader.document().documentMargin())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)


def _padded(widget: QWidget) -> QWidget:
    holder = QWidget(widget.parentWidget())
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(widget)
    return holder
