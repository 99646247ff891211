"""The backup scheduler: a due backup runs off the UI thread, none when one is recent, one on exit, and failures
are reported rather than swallowed."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import ACTOR
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coordinator_app.gui.backup_scheduler import BackupScheduler, automatic_backups
from coordinator_app.services.workspace import Workspace


def test_a_due_backup_runs_off_the_ui_thread(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads = []
    backup_now = workspace.backups.backup_now

    def recording_backup_now() -> Path:
        threads.append(threading.current_thread())
        return backup_now()

    monkeypatch.setattr(workspace.backups, "backup_now", recording_backup_now)
    scheduler = BackupScheduler(workspace.backups, first_check_ms=0)
    with qtbot.waitSignal(scheduler.succeeded, timeout=10_000) as made:
        pass
    assert Path(made.args[0]).is_file()  # type: ignore[index]
    assert threads and threads[0] is not threading.main_thread()

    scheduler.check()  # the backup just made is recent: nothing to do
    assert len(workspace.backups.backups()) == 1


def test_the_exit_backup_runs_even_when_one_is_recent(qtbot: QtBot, workspace: Workspace) -> None:
    scheduler = BackupScheduler(workspace.backups, first_check_ms=60_000)
    with qtbot.waitSignal(scheduler.succeeded, timeout=10_000):
        scheduler.backup_on_exit()
    assert len(workspace.backups.backups()) == 1


def test_a_failing_backup_is_reported(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backup folder should be")
    workspace.site_settings.set("backup_folder", str(blocked), ACTOR)
    scheduler = BackupScheduler(workspace.backups, first_check_ms=60_000)
    with qtbot.waitSignal(scheduler.failed, timeout=10_000) as failure:
        scheduler.backup_on_exit()
    assert str(blocked) in failure.args[0]  # type: ignore[index]
    assert "backup failed:" in capsys.readouterr().err


def test_the_app_backs_up_as_it_ends_but_not_the_demo(
    qapp: QApplication, workspace: Workspace, demo_workspace: Workspace
) -> None:
    with automatic_backups(qapp, workspace) as scheduler:
        assert scheduler is not None
        assert not workspace.backups.backups()
    assert len(workspace.backups.backups()) == 1
    with automatic_backups(qapp, demo_workspace) as scheduler:
        assert scheduler is None
