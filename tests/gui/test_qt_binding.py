"""The Qt binding must not leak references to Python singletons: a long session would abort.

PySide6 6.12.0 on Python 3.11 drops one reference to None on every call of a Qt function returning
nothing ("Fatal Python error: none_dealloc" after some tens of thousands of calls). Pinned to 6.11.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    changed = Signal(int)


def test_void_calls_and_signal_emits_keep_none_and_true_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    emitter = _Emitter()
    emitter.changed.connect(lambda value: None)
    before = sys.getrefcount(None), sys.getrefcount(True)

    for number in range(1000):
        label.setText(str(number))
        emitter.changed.emit(number)

    after = sys.getrefcount(None), sys.getrefcount(True)
    assert after[0] >= before[0] - 10, "each Qt call loses a reference to None: the app would crash"
    assert after[1] >= before[1] - 10, "each signal emit loses a reference to True: the app would crash"
