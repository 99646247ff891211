"""A desktop session: sign in, work in the main window under the idle lock, and after "Sign out" from the locked
screen the next user signs in on the same open database."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication

from coordinator_app.gui.access.idle_lock import IdleLock, idle_interval_ms
from coordinator_app.gui.access.sign_in import start_session
from coordinator_app.gui.application import release_long_lived_objects
from coordinator_app.gui.main_window import MainWindow
from coordinator_app.services.workspace import Workspace


def run_sessions(app: QApplication, workspace: Workspace, settings: QSettings, window: MainWindow) -> int:
    """Run the event loop for one signed-in user after another, the first in ``window`` (shown, nobody signed in
    yet), each next one in a new window; the exit code of the last, or 0 when the sign-in is left with Quit."""
    while True:
        window.show_database(workspace)
        if not start_session(workspace, window):
            return 0
        window.begin_session(workspace)
        lock = IdleLock(workspace, window, idle_interval_ms(workspace))
        window.use_idle_lock(lock)
        # exit(), not quit(): quit() first asks every window to close, and the locked prompt refuses.
        lock.sign_out_requested.connect(lambda: app.exit(0))
        window.show()
        code = app.exec()
        lock.end()
        if not lock.signed_out:
            return code
        _close_windows(window)
        workspace.sign_out()
        window = MainWindow(settings, demo=workspace.demo)
        release_long_lived_objects()  # the signed-out window is no longer referenced: its objects can go
        window.show()


def _close_windows(window: MainWindow) -> None:
    """Every window of the signed-out session goes: ending the event loop ended the dialogs' loops too, but left
    them on screen."""
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog):
            widget.hide()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
