"""Run slow steps (building PDFs for a batch) off the UI thread, with a progress dialog that can cancel.

A :class:`BackgroundJob` runs its steps one after another on a pool thread and reports back through
queued signals, so every callback and every signal handler runs on the UI thread. Cancelling takes
effect between steps: the step that is running finishes, the remaining ones never start.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")

# Jobs still running: a job must outlive its pool thread even if the caller drops its reference.
_RUNNING: set[BackgroundJob[Any]] = set()


def _message(error: BaseException) -> str:
    """The exception's text, or its class name when it has none."""
    return str(error) or type(error).__name__


class _Relay(QObject):
    """Carries the worker thread's reports to the job; it lives on the UI thread, so the connections queue."""

    step_done = Signal(int)
    succeeded = Signal(object)
    failed = Signal(str)
    stopped = Signal(int)


class _Runner(QRunnable):
    """Runs the steps on a pool thread; touches no widget, only the relay's signals and the stop flag."""

    def __init__(self, steps: Sequence[Callable[[], object]], relay: _Relay, stop: threading.Event) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the job owns the runner (and so the relay) and drops it on the UI thread
        self._steps = tuple(steps)
        self._relay = relay
        self._stop = stop

    def run(self) -> None:
        results: list[object] = []
        for done, step in enumerate(self._steps):
            if self._stop.is_set():
                self._relay.stopped.emit(done)
                return
            try:
                results.append(step())
            except Exception as error:  # any failure of a step is reported, never raised on a pool thread
                self._relay.failed.emit(_message(error))
                return
            self._relay.step_done.emit(done + 1)
        self._relay.succeeded.emit(results)


class BackgroundJob(QObject, Generic[T]):
    """A list of steps run in order on a pool thread; the results (one per step) arrive on the UI thread.

    Exactly one of ``succeeded`` (the list of results), ``failed`` (the error message) or ``cancelled``
    (how many steps completed) is emitted, then ``finished``.
    """

    progressed = Signal(int)  # steps done so far
    succeeded = Signal(object)  # list[T], one result per step, in order
    failed = Signal(str)
    cancelled = Signal(int)  # steps done before the job stopped
    finished = Signal()

    def __init__(self, steps: Sequence[Callable[[], T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: tuple[Callable[[], T], ...] = tuple(steps)
        self._stop = threading.Event()
        self._relay = _Relay()
        self._runner = _Runner(self._steps, self._relay, self._stop)
        # A pool of its own: when the job ends it waits for its thread to return, so the runner and the relay
        # are never released on the pool thread; destroying the pool (with the job) joins the thread.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.progress_dialog: QProgressDialog | None = None
        self._started = False
        self._running = False
        self.steps_done = 0
        self.results: list[T] | None = None
        self.error: str | None = None
        self._relay.step_done.connect(self._on_step_done, Qt.ConnectionType.QueuedConnection)
        self._relay.succeeded.connect(self._on_succeeded, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._relay.stopped.connect(self._on_stopped, Qt.ConnectionType.QueuedConnection)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.cancel)

    @property
    def step_count(self) -> int:
        return len(self._steps)

    def is_running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Start the steps on the job's pool thread (once)."""
        if self._started:
            raise RuntimeError("a background job runs only once")
        self._started = True
        self._running = True
        _RUNNING.add(self)
        self._pool.start(self._runner)

    @Slot()
    def cancel(self) -> None:
        """Start no further step; the running one completes and its result is dropped. Safe from any thread."""
        self._stop.set()

    def is_cancel_requested(self) -> bool:
        return self._stop.is_set()

    # -- reports from the pool thread, delivered on the UI thread ------------------------------------

    @Slot(int)
    def _on_step_done(self, done: int) -> None:
        self.steps_done = done
        self.progressed.emit(done)

    @Slot(object)
    def _on_succeeded(self, results: object) -> None:
        assert isinstance(results, list)
        self.results = results
        self._finish()
        self.succeeded.emit(results)
        self.finished.emit()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.error = message
        self._finish()
        self.failed.emit(message)
        self.finished.emit()

    @Slot(int)
    def _on_stopped(self, done: int) -> None:
        self.steps_done = done
        self._finish()
        self.cancelled.emit(done)
        self.finished.emit()

    def _finish(self) -> None:
        self._running = False
        self._pool.waitForDone()  # the runner has emitted its last report: its thread is returning now
        _RUNNING.discard(self)


def run_with_progress(
    parent: QWidget | None,
    title: str,
    label: str,
    steps: Sequence[Callable[[], T]],
    on_done: Callable[[list[T]], None],
    on_error: Callable[[str], None],
    on_cancel: Callable[[int], None] | None = None,
    *,
    minimum_duration_ms: int = 400,
) -> BackgroundJob[T]:
    """Run ``steps`` off the UI thread behind a window-modal progress dialog (value = steps done).

    ``on_done`` gets the list of step results, ``on_error`` the failing step's message, ``on_cancel``
    the number of steps completed when the user pressed Cancel; each is called on the UI thread.
    ``title`` and ``label`` are shown to the user, so the caller translates them. Returns the running job
    (its ``progress_dialog`` attribute is the dialog) so callers and tests can wait for ``finished``.
    """
    job: BackgroundJob[T] = BackgroundJob(steps)
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setRange(0, max(job.step_count, 1))
    dialog.setValue(0)
    dialog.setMinimumDuration(minimum_duration_ms)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(True)
    dialog.setAutoReset(True)
    job.progress_dialog = dialog
    parent_gone = False

    def forget_parent() -> None:
        nonlocal parent_gone
        parent_gone = True
        job.cancel()

    def alive() -> bool:
        return shiboken6.isValid(dialog)

    def progressed(done: int) -> None:
        if alive():
            dialog.setValue(done)

    def close_dialog() -> None:
        if alive():
            dialog.canceled.disconnect(job.cancel)  # closing a progress dialog emits canceled
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()

    # The callbacks usually update the parent: once it is gone, nobody is waiting for the outcome.
    def succeeded(results: object) -> None:
        close_dialog()
        assert isinstance(results, list)
        if not parent_gone:
            on_done(results)

    def failed(message: str) -> None:
        close_dialog()
        if not parent_gone:
            on_error(message)

    def cancelled(done: int) -> None:
        close_dialog()
        if on_cancel is not None and not parent_gone:
            on_cancel(done)

    def release_parent() -> None:
        if parent is not None and shiboken6.isValid(parent) and not parent_gone:
            parent.destroyed.disconnect(forget_parent)

    dialog.canceled.connect(job.cancel)
    if parent is not None:
        parent.destroyed.connect(forget_parent)
    job.finished.connect(release_parent)
    job.progressed.connect(progressed)
    job.succeeded.connect(succeeded)
    job.failed.connect(failed)
    job.cancelled.connect(cancelled)
    if not job.step_count:
        dialog.setValue(1)
    job.start()
    return job
