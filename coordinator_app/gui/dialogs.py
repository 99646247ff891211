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


def show_startup_warning(message: str) -> None:
    """Something about the data puts it at risk (a SQLite file on a network share): say it at every start."""
    QMessageBox.warning(
        None,
        QCoreApplication.translate("Startup", "The database is at risk"),
        QCoreApplication.translate("Startup", "Warning: {message}").format(message=message),
    )
