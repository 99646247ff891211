"""Help ▸ About shows the version and the licence notices of the bundled font and libraries; the app has its icon."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from coordinator_app import __version__
from coordinator_app.gui.about import AboutDialog
from coordinator_app.gui.application import application_icon, create_application
from coordinator_app.gui.main_window import MainWindow
from coordinator_app.services.workspace import Workspace


@pytest.fixture
def dialog(qtbot: QtBot) -> AboutDialog:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_shows_the_version_selectably(dialog: AboutDialog) -> None:
    assert dialog.version_label.text() == f"Version {__version__}"
    assert "Qt 6." in dialog.runtime_label.text() and "PySide6 6." in dialog.runtime_label.text()
    for label in (dialog.version_label, dialog.runtime_label):
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_shows_the_font_licence_and_the_libraries_notices_read_only(dialog: AboutDialog) -> None:
    text = dialog.notices.toPlainText()
    assert "Upstream-Name: WenQuanYi Micro Hei" in text  # the font's own notice file, in full
    assert "License: Apache-2.0 or GPL-3+ with Font exception" in text
    for library in ("PySide6", "SQLAlchemy", "Alembic", "reportlab", "argon2-cffi", "phonenumbers"):
        assert f"- {library}" in text or f"({library})" in text, library
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text  # Qt's LGPLv3, in full
    assert dialog.notices.isReadOnly()


def test_help_menu_opens_it(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QWidget | None] = []
    monkeypatch.setattr(AboutDialog, "show_about", classmethod(lambda cls, parent: opened.append(parent)))
    window = MainWindow.for_session(
        demo_workspace, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)

    assert window.form.aboutAction in window.form.helpMenu.actions()
    window.form.aboutAction.trigger()

    assert opened == [window]


def test_the_app_has_its_icon_in_every_drawn_size(qapp: QApplication) -> None:
    sizes = {size.width() for size in application_icon().availableSizes()}
    assert sizes == {16, 24, 32, 48, 64, 128, 256, 512}
    assert not create_application([]).windowIcon().isNull()
