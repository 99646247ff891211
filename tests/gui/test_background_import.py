"""The data layer loads on a worker thread while the window keeps painting itself."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from coordinator_app.gui.background_import import import_in_background


@pytest.fixture
def modules(tmp_path: Path) -> Iterator[Path]:
    """A folder of throw-away modules on the import path."""
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for name in ("slow_to_load", "broken_on_load"):
        sys.modules.pop(name, None)


def test_the_event_loop_runs_while_a_slow_module_loads(qtbot: QtBot, modules: Path) -> None:
    (modules / "slow_to_load.py").write_text("import time\ntime.sleep(0.3)\nLOADED = True\n")
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)

    import_in_background(["slow_to_load"])

    timer.stop()
    assert sys.modules["slow_to_load"].LOADED
    assert len(ticks) >= 5  # a frozen loop would have run none during the 0.3 s


def test_an_import_error_is_raised_on_the_gui_thread(qtbot: QtBot, modules: Path) -> None:
    (modules / "broken_on_load.py").write_text("raise ValueError('no such database driver')\n")

    with pytest.raises(ValueError, match="no such database driver"):
        import_in_background(["broken_on_load"])
