"""Noticing work saved on other desktops (a shared PostgreSQL server, or the CLI beside the app) without a
restart: a cheap check of the database's change stamp every half minute and whenever the app comes back to
the front; the window then refreshes its tabs.

A refresh never interrupts someone: while a dialog is open (a half-filled form) it waits until it closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

CHECK_INTERVAL_MS = 30_000


class ChangeWatcher(QObject):
    changed = Signal()

    def __init__(
        self, stamp: Callable[[], int], interval_ms: int = CHECK_INTERVAL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._stamp = stamp
        self._seen = stamp()
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self._app = QGuiApplication.instance()
        if isinstance(self._app, QGuiApplication):
            self._app.applicationStateChanged.connect(self._on_state_changed)

    def stop(self) -> None:
        """No more checks: the window is closing and its workspace may close after it."""
        if not self._timer.isActive():
            return
        self._timer.stop()
        if isinstance(self._app, QGuiApplication):
            self._app.applicationStateChanged.disconnect(self._on_state_changed)

    def check(self) -> None:
        """Emit ``changed`` when something was saved since the last look, unless a dialog is open."""
        if not self._timer.isActive():
            return
        current = self._stamp()
        if current != self._seen:
            self._seen = current
            self._pending = True
        if self._pending and QApplication.activeModalWidget() is None:
            self._pending = False
            self.changed.emit()

    def _on_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()
