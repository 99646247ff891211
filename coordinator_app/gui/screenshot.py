"""Render the main window offscreen to a PNG: README images, review, and the smoke test."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from coordinator_app.gui.main_window import TAB_NAMES, MainWindow
from coordinator_app.services.workspace import Workspace

SCREENSHOT_SIZE = (1180, 780)


def save_screenshot(
    workspace: Workspace, tab: str, output: Path, trial: str | None = None, subject: str | None = None
) -> None:
    """Show ``tab`` of a fresh main window (default geometry, no saved settings) and write it as PNG.

    With ``subject`` (a screening or subject number) the Eligibility tab shows their checklist and the
    calendar their timeline.
    """
    if tab not in TAB_NAMES:
        raise ValueError(f"tab {tab!r}: must be one of {', '.join(TAB_NAMES)}")
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(workspace, settings)
        if trial:
            window.select_trial(workspace.trials.resolve(trial).nct_id)
        window.resize(*SCREENSHOT_SIZE)
        window.show_tab(tab)
        window.show()
        QApplication.processEvents()
        if subject:
            chosen = workspace.screening.find(workspace.trials.resolve(trial).id, subject)
            if tab == "eligibility":
                window.eligibility.select_subject(chosen.id)
            elif tab == "calendar":
                window.calendar.show_timeline(chosen.id)
            QApplication.processEvents()
        output.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(output), "PNG"):
            raise OSError(f"could not write {output}")
        window.close()
        window.deleteLater()
        QApplication.processEvents()
