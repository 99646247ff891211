"""Message boxes used outside any tab."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox


def show_startup_error(message: str) -> None:
    """The app could not open its data: say why before exiting."""
    QMessageBox.critical(
        None,
        QCoreApplication.translate("Startup", "Trial Coordinator cannot start"),
        QCoreApplication.translate("Startup", "The database could not be opened:\n\n{message}").format(message=message),
    )
