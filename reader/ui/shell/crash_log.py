"""When code raises where nothing catches it (a slot, a thread), the window goes on:
the traceback goes to a log file in the per-user log folder, and one line in the
status bar says what happened and where the details are. The built app has no
console, so without this such an error would leave no trace at all."""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal

from reader import __version__
from reader.domain.text import shortened
from reader.paths import log_file
from reader.ui.shell.translation import translate

LOG_BYTES = 1_000_000  # then reader.log becomes reader.log.1, and so on
LOG_COPIES = 3
LONGEST_SUMMARY = 200


def summary(exc_type: type[BaseException], exc_value: BaseException) -> str:
    """``ValueError: the first line of its message``, short enough for a status bar."""
    try:
        lines = str(exc_value).strip().splitlines()
    except Exception:  # an exception whose __str__ raises too: its type says enough
        lines = []
    described = f"{exc_type.__name__}: {lines[0]}" if lines else exc_type.__name__
    return shortened(described, LONGEST_SUMMARY)


def _log_handler(path: Path) -> logging.Handler:
    """The rotating log file; made at the first report: logging.handlers brings socket and
    pickle along, about 12 ms of every start-up for a log seldom written."""
    from logging.handlers import RotatingFileHandler

    class RaisingFileHandler(RotatingFileHandler):
        def handleError(self, record: logging.LogRecord) -> None:
            # logging calls this inside emit()'s ``except``: raising again lets the reporter
            # say in the status bar that the log failed, where logging would print to a console.
            raise

    handler = RaisingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_COPIES, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S%z"))
    return handler


class CrashReporter(QObject):
    """The hooks ``install`` puts in place; ``uninstall()`` restores the previous ones."""

    reported = Signal(str)  # the status-bar line, emitted from any thread, shown on the window's

    def __init__(self, window, path: Path):
        super().__init__(window)
        self.window = window
        self.path = path
        self._previous_hooks = (sys.excepthook, threading.excepthook)
        self._handler: logging.Handler | None = None
        self._logger = logging.getLogger("reader.crashes")
        self._logger.propagate = False
        self.reported.connect(self._show)  # queued when emitted from another thread

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous_hooks
        if self._handler is not None:
            self._logger.removeHandler(self._handler)
            self._handler.close()

    def excepthook(
        self, exc_type: type[BaseException], exc_value: BaseException, exc_traceback: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hooks[0](exc_type, exc_value, exc_traceback)
            return
        self._report(exc_type, exc_value, exc_traceback, threading.current_thread().name)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:  # a thread's way to end early, as the default hook treats it
            return
        name = args.thread.name if args.thread is not None else "unknown"
        self._report(args.exc_type, args.exc_value, args.exc_traceback, name)

    def _report(self, exc_type, exc_value, exc_traceback, thread_name: str) -> None:
        problem = self._write_log((exc_type, exc_value, exc_traceback), thread_name)
        what = summary(exc_type, exc_value)
        try:
            if problem is None:
                line = translate("Shell", "Something went wrong: {what}; details in {path}")
            else:
                line = translate("Shell", "Something went wrong: {what}; it could not be logged in {path}: {problem}")
            self.reported.emit(line.format(what=what, path=self.path, problem=problem))
        except Exception:  # the window is gone
            if problem is not None:
                self._previous_hooks[0](exc_type, exc_value, exc_traceback)

    def _write_log(self, exc_info, thread_name: str) -> str | None:
        """The traceback, with the time, into the log; why that failed, or None."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self._handler is None:
                self._handler = _log_handler(self.path)
                self._logger.addHandler(self._handler)
            self._logger.error(
                "Unhandled exception in thread %s (Reader %s)", thread_name, __version__, exc_info=exc_info
            )
        except Exception as error:
            return getattr(error, "strerror", None) or str(error) or type(error).__name__
        return None

    def _show(self, line: str) -> None:
        # The window may be gone; raising here would only call the hook again.
        with contextlib.suppress(Exception):
            self.window.say(line, problem=True)


def install(window) -> CrashReporter:
    """Report what nothing caught, in any thread, to the log and to ``window.say``."""
    reporter = CrashReporter(window, log_file())
    sys.excepthook = reporter.excepthook
    threading.excepthook = reporter.thread_excepthook
    return reporter
