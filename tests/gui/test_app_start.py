"""Starting the desktop app (app.run_gui): the window first, then the database, then the sign-in over the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from coordinator_app import app as app_module
from coordinator_app.gui.access.sign_in import FirstStartDialog
from coordinator_app.gui.main_window import MainWindow
from coordinator_app.services.workspace import Workspace
from coordinator_app.storage.urls import sqlite_url

pytestmark = pytest.mark.sqlite_only


@pytest.fixture(autouse=True)
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> QSettings:
    """The user's settings in a file of the test's own, not the desktop's."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(app_module, "user_settings", lambda: settings)
    return settings


@pytest.fixture(autouse=True)
def close_windows(qapp: QApplication) -> Iterator[None]:
    """run_gui returns with its window on screen (the process ends next): closed here for the next tests."""
    yield
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            window.close()
            window.deleteLater()


def test_the_first_start_is_asked_over_the_window_already_on_screen(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[bool, str, bool]] = []

    def quit_at_once(cls: type[FirstStartDialog], workspace: Workspace, parent: QWidget | None = None) -> None:
        assert isinstance(parent, MainWindow)
        asked.append((parent.isVisible(), parent.statusBar().currentMessage(), workspace.users.has_users()))

    monkeypatch.setattr(FirstStartDialog, "ask", classmethod(quit_at_once))

    assert app_module.run_gui(sqlite_url(tmp_path / "new.sqlite3")) == 0  # Quit: no error

    [(window_shown, status, has_users)] = asked
    assert window_shown and not has_users
    assert status.startswith("Database: ") and "new.sqlite3" in status
    assert QGuiApplication.overrideCursor() is None  # the wait cursor is gone once the database is open


def test_a_database_that_cannot_be_opened_is_said_over_the_window(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, list[str]]] = []

    def record(message: str) -> None:
        windows = [
            w.windowTitle() for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        shown.append((message, windows))

    monkeypatch.setattr(app_module, "show_startup_error", record)
    folder = tmp_path / "a-folder"
    folder.mkdir()

    assert app_module.run_gui(sqlite_url(folder)) == 1

    [(message, windows)] = shown
    assert message != "" and windows == ["Trial Coordinator"]
    assert QGuiApplication.overrideCursor() is None
