"""Automatic backups while the desktop app runs: one whenever a day has passed since the last, and one on exit.

A timer asks now and then whether a backup is due (the newest one, an exit's included, is a day old); the
backup itself runs on a pool thread (a :class:`BackgroundJob`), because copying and checking a large
database takes seconds. The exit backup runs on the UI thread once the app's last event loop has ended
(a sign-out ends one loop too, and is not an exit): the windows are gone, and the process must not end
before the copy is complete. A failure is never silent: ``failed`` carries it to whoever listens, and it is
printed on stderr, where an exit backup's failure is the only place left to say it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from coordinator_app.gui.documents.background import BackgroundJob
from coordinator_app.services.backups import BackupService
from coordinator_app.services.workspace import Workspace

CHECK_INTERVAL_MS = 30 * 60 * 1000
FIRST_CHECK_MS = 2 * 60 * 1000  # not while the user waits for the window to come up


class BackupScheduler(QObject):
    succeeded = Signal(str)  # the new backup's path
    failed = Signal(str)  # what went wrong, for the window to show

    def __init__(
        self,
        backups: BackupService,
        parent: QObject | None = None,
        *,
        first_check_ms: int = FIRST_CHECK_MS,
        check_interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._backups = backups
        self._one_at_a_time = threading.Lock()  # the exit backup waits for a daily one still running
        self._job: BackgroundJob[Path] | None = None
        first_check = QTimer(self)
        first_check.setSingleShot(True)
        first_check.setInterval(first_check_ms)
        periodic_check = QTimer(self)
        periodic_check.setInterval(check_interval_ms)
        self._timers = (first_check, periodic_check)
        for timer in self._timers:
            timer.timeout.connect(self.check)
            timer.start()

    def stop(self) -> None:
        """No more scheduled checks (a backup already running completes)."""
        for timer in self._timers:
            timer.stop()

    @Slot()
    def check(self) -> None:
        """Start a backup on a pool thread when one is due and none is running."""
        if self._job is not None and self._job.is_running():
            return
        try:
            due = self._backups.due()
        except Exception as error:  # the folder or the settings cannot be read: say so rather than stop checking
            self._report_failure(str(error))
            return
        if not due:
            return
        job: BackgroundJob[Path] = BackgroundJob([self._backup])  # the previous one is dropped here
        job.succeeded.connect(self._on_succeeded)
        job.failed.connect(self._report_failure)
        self._job = job
        job.start()

    @Slot()
    def backup_on_exit(self) -> None:
        """The last backup, on the UI thread, before the database is closed."""
        try:
            path = self._backup()
        except Exception as error:  # the app is closing: report whatever failed instead of crashing the exit
            self._report_failure(str(error) or type(error).__name__)
        else:
            self.succeeded.emit(str(path))

    def _backup(self) -> Path:
        with self._one_at_a_time:
            return self._backups.backup_now()

    @Slot(object)
    def _on_succeeded(self, results: object) -> None:
        assert isinstance(results, list)
        self.succeeded.emit(str(results[0]))

    @Slot(str)
    def _report_failure(self, message: str) -> None:
        print(f"backup failed: {message}", file=sys.stderr)
        self.failed.emit(message)


@contextmanager
def automatic_backups(app: QCoreApplication, workspace: Workspace) -> Iterator[BackupScheduler | None]:
    """Back ``workspace`` up daily while the block runs (the app's event loops) and once as it ends, before the
    database is closed. Yields None for the demo (thrown away on exit) and for a database server (backed up
    with its own tools); otherwise the scheduler, whose ``failed`` a window can show."""
    if workspace.demo or not workspace.backups.available:
        yield None
        return
    scheduler = BackupScheduler(workspace.backups, app)
    try:
        yield scheduler
    finally:
        scheduler.stop()
        scheduler.backup_on_exit()
