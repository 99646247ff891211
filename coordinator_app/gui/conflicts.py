"""What a screen does when its save is refused because a colleague saved the same record first (on another
desktop): say who and when, and offer to reload so the user sees the saved version before redoing the change."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from coordinator_app.domain.errors import ConcurrentChangeError


def ask_reload(parent: QWidget, title: str, error: ConcurrentChangeError) -> bool:
    """True when the user wants the screen reloaded (the default: the screen is out of date)."""
    text = QCoreApplication.translate(
        "Conflicts", "{problem}\n\nReload now to see what was saved, then make your change again?"
    ).format(problem=str(error))
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
