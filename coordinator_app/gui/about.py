"""Help ▸ About: the version a site runs (support calls and validation records ask for it), and the
licence notices the app must show for the font and the libraries it bundles."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coordinator_app import __version__
from coordinator_app.gui.application import application_icon
from coordinator_app.resource_files import CJK_FONT_LICENSE, LICENCE_NOTICES, resource


def licence_notices() -> str:
    """The bundled software's notices, closed by the font's own notice file as it came with the font."""
    notices = resource(*LICENCE_NOTICES).read_text(encoding="utf-8")
    font = resource(*CJK_FONT_LICENSE).read_text(encoding="utf-8")
    return f"{notices}\n{font}"


class AboutDialog(QDialog):
    """Name, version and the Python and Qt it runs on, all selectable to paste into a report; then the notices."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Trial Coordinator"))
        icon = QLabel(self)
        icon.setPixmap(application_icon().pixmap(QSize(64, 64), self.devicePixelRatioF()))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        name = QLabel(self.tr("Trial Coordinator"), self)
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        name.setFont(font)
        self.version_label = QLabel(self.tr("Version {version}").format(version=__version__), self)
        self.runtime_label = QLabel(
            self.tr("Python {python} · Qt {qt} · PySide6 {pyside}").format(
                python=platform.python_version(), qt=qVersion(), pyside=PySide6.__version__
            ),
            self,
        )
        purpose = QLabel(self.tr("The daily workstation of clinical-trial site coordinators."), self)
        for label in (name, self.version_label, self.runtime_label, purpose):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        header = QGridLayout()
        header.addWidget(icon, 0, 0, 4, 1)
        for row, label in enumerate((name, self.version_label, self.runtime_label, purpose)):
            header.addWidget(label, row, 1)
        header.setColumnStretch(1, 1)
        header.setHorizontalSpacing(16)

        notices_label = QLabel(self.tr("Licences of the bundled font and libraries:"), self)
        self.notices = QPlainTextEdit(self)
        self.notices.setReadOnly(True)
        self.notices.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))  # laid out for it
        self.notices.setPlainText(licence_notices())
        notices_label.setBuddy(self.notices)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addSpacing(8)
        layout.addWidget(notices_label)
        layout.addWidget(self.notices, 1)
        layout.addWidget(buttons)
        # wide enough for the notices' 88 columns, plus frame, scroll bar and margins
        self.resize(self.notices.fontMetrics().horizontalAdvance("0" * 88) + 80, 600)

    @classmethod
    def show_about(cls, parent: QWidget | None) -> None:
        dialog = cls(parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
