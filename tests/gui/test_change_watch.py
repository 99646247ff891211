"""Work saved on another desktop appears without a restart, and never under an open form."""

from __future__ import annotations

import datetime as dt

from conftest import FAST_HASHER, NURSE, signs
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from coordinator_app.domain.subjects import Sex
from coordinator_app.gui.main_window import MainWindow
from coordinator_app.services.screening import SubjectDraft
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace, open_workspace


def _listed(window: MainWindow) -> int:
    return window.eligibility.subjects.rowCount()


def test_a_subject_registered_elsewhere_appears_after_the_check_but_not_under_an_open_form(
    qtbot: QtBot, workspace: Workspace, database_url: str, trial: TrialSummary, tmp_path: object
) -> None:
    window = MainWindow.for_session(workspace, QSettings(str(tmp_path) + "/settings.ini", QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show_tab("eligibility")
    assert _listed(window) == 0
    window.change_watcher.check()
    assert _listed(window) == 0  # nothing saved elsewhere: no refresh

    elsewhere = open_workspace(database_url, password_hasher=FAST_HASHER)
    try:
        elsewhere.sign_in(signs(NURSE))
        elsewhere.screening.register(trial.id, SubjectDraft("王", "建国", Sex.MALE, dt.date(1971, 3, 14)), NURSE)
    finally:
        elsewhere.close()

    form = QDialog(window)
    form.setModal(True)
    form.show()
    qtbot.waitUntil(lambda: form.isVisible())
    window.change_watcher.check()
    assert _listed(window) == 0  # a form is open: the refresh waits
    form.close()
    window.change_watcher.check()
    assert _listed(window) == 1


def test_a_closed_window_stops_looking_at_its_workspace(qtbot: QtBot, workspace: Workspace, tmp_path: object) -> None:
    window = MainWindow.for_session(workspace, QSettings(str(tmp_path) + "/settings.ini", QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    looks: list[int] = []
    window.change_watcher._stamp = lambda: looks.append(1) or 0  # type: ignore[method-assign]
    window.close()
    window.change_watcher.check()
    assert looks == []
