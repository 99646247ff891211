"""Showing a window and waiting until it is on screen, before work that keeps the event loop busy."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

# A window that is never painted (started minimised, a platform that shows nothing): the work goes on after this.
PAINT_TIMEOUT_MS = 2000


class _PaintWatch(QObject):
    """Ends the wait when a widget of ``window`` is painted: the next pass of the event loop, once that paint is
    finished and flushed to the screen."""

    def __init__(self, window: QWidget, end: QTimer) -> None:
        super().__init__()
        self._window = window
        self._end = end

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.window() is self._window:
            self._end.start(0)
        return False


def wait_for_first_paint(window: QWidget, timeout_ms: int = PAINT_TIMEOUT_MS) -> None:
    """Show ``window`` and run the event loop until it has been painted once (or ``timeout_ms`` passed)."""
    loop = QEventLoop()
    end = QTimer()
    end.setSingleShot(True)
    end.timeout.connect(loop.quit)
    end.start(timeout_ms)
    watch = _PaintWatch(window, end)
    application = QApplication.instance()
    assert application is not None
    application.installEventFilter(watch)  # the paint goes to whichever of the window's widgets draws first
    window.show()
    loop.exec()
    application.removeEventFilter(watch)
    end.stop()
