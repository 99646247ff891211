"""Importing modules on a worker thread while the window keeps painting itself.

Loading the data layer (SQLAlchemy, the models, the services) takes about a third of a second. Imported on the GUI
thread, it would freeze the freshly painted window for that long: it could not repaint when moved or uncovered. On
a worker thread the window goes on painting; input waits in the queue until the import is done, as every command
that acts on data needs it anyway.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Sequence

from PySide6.QtCore import QEventLoop, QTimer

POLL_MS = 10  # how often the GUI thread looks whether the worker is done


def import_in_background(modules: Sequence[str]) -> None:
    """Import ``modules`` on a worker thread, running the event loop (paint, but not input) until they are
    loaded; an import's error is raised here, on the GUI thread."""
    failures: list[BaseException] = []

    def load() -> None:
        try:
            for module in modules:
                importlib.import_module(module)
        except BaseException as failure:  # handed to the GUI thread, raised there
            failures.append(failure)

    worker = threading.Thread(target=load, name="import " + ", ".join(modules), daemon=True)
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)
    poll.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    worker.start()
    poll.start()
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    poll.stop()
    worker.join()
    if failures:
        raise failures[0]
