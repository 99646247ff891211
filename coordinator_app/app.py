"""The composition root: shows the window, opens the data, signs somebody in, runs the event loop.

The window comes first and everything that touches the data is imported after it is painted: SQLAlchemy, the
models and the services take about a third of a second to load, which the user would otherwise spend looking at
nothing. They load on a worker thread, so that the window keeps painting meanwhile.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from coordinator_app.gui.application import create_application, user_settings
from coordinator_app.gui.background_import import import_in_background
from coordinator_app.gui.dialogs import show_startup_error, show_startup_warning
from coordinator_app.gui.display_check import display_problem
from coordinator_app.gui.language import SYSTEM, saved_language
from coordinator_app.gui.main_window import MainWindow

if TYPE_CHECKING:
    from coordinator_app.services.workspace import Workspace


def run_gui(database_url: str, *, demo: bool = False) -> int:
    """Start the desktop app on ``database_url``: the main window, then the first administrator or a sign-in over
    it (the demo signs its coordinator in); returns the process exit code."""
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 3
    settings = user_settings()
    app = create_application(sys.argv, saved_language(settings))
    window = MainWindow(settings, demo=demo)
    window.show_opening()
    try:
        with _busy():
            workspace = open_data(database_url, demo)
    except Exception as error:  # the composition root: whatever failed, the user is told why
        print(f"error: cannot open {database_url}: {error}", file=sys.stderr)
        show_startup_error(str(error))
        return 1
    if workspace.database.network_warning:
        print(f"warning: {workspace.database.network_warning}", file=sys.stderr)
        show_startup_warning(workspace.database.network_warning)
    from coordinator_app.gui.access.session import run_sessions
    from coordinator_app.gui.backup_scheduler import automatic_backups

    try:
        with automatic_backups(app, workspace):
            return run_sessions(app, workspace, settings, window)
    finally:
        workspace.close()


# What opening the data needs: loaded on a worker thread while the window keeps painting.
DATA_LAYER = ("coordinator_app.services.workspace", "coordinator_app.services.database_key")


def open_data(database_url: str, demo: bool) -> Workspace:
    """The workspace on ``database_url``: migrated, its bundled protocols loaded, nobody signed in yet."""
    import_in_background(DATA_LAYER)
    from coordinator_app.services.database_key import database_key_for
    from coordinator_app.services.workspace import open_workspace

    return open_workspace(database_url, demo=demo, key=None if demo else database_key_for(database_url))


@contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor over the app while the event loop cannot answer."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def screenshot(
    workspace: Workspace,
    tab: str | None,
    output: Path,
    trial: str | None = None,
    subject: str | None = None,
    language: str = SYSTEM,
    view: str | None = None,
) -> None:
    """Write a PNG of the main window on ``tab``, or of the guide's dialog ``view``, rendered offscreen (no display
    needed) in ``language``."""
    from coordinator_app.gui.screenshot import save_screenshot, save_view  # its dialogs and QtPdf: not for run_gui

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    create_application([sys.argv[0]], language)
    if view:
        save_view(workspace, view, output, trial)
    else:
        save_screenshot(workspace, tab or "overview", output, trial, subject)
