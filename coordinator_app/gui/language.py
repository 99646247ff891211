"""The interface language: English or Simplified Chinese, the desktop's unless the user chose one.

The choice (View ▸ Language) is kept in the user's settings and takes effect at the next start, when
``create_application`` installs the translators before any window is built. The open windows are not rebuilt,
so nothing typed in them is lost.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

LANGUAGE_KEY = "ui/language"
SYSTEM = ""  # follow the desktop's language
LANGUAGES = ("en", "zh_CN")
# Each language is offered in its own words, as a user who cannot read the current one looks for it.
NATIVE_NAMES = {"en": "English", "zh_CN": "简体中文"}


def saved_language(settings: QSettings) -> str:
    """The language chosen in View ▸ Language ("en", "zh_CN"), or SYSTEM."""
    value = settings.value(LANGUAGE_KEY, SYSTEM)
    return value if isinstance(value, str) and value in LANGUAGES else SYSTEM


def ui_locale(language: str) -> QLocale:
    """The locale the app runs in, for its words and its dates and numbers: the system's, or ``language``.
    English keeps the desktop's country where Qt has English for it (en_GB: 25/11/2026), else en_US."""
    system = QLocale.system()
    if language == "zh_CN":
        return QLocale("zh_CN")
    if language == "en":
        return QLocale(QLocale.Language.English, system.territory())
    return system


class LanguageMenu(QObject):
    """Fills ``menu`` with System (default), English and 简体中文; a choice is saved for the next start."""

    def __init__(self, menu: QMenu, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._settings = settings
        self.group = QActionGroup(self)
        current = saved_language(settings)
        names = {SYSTEM: self.tr("&System (default)"), **NATIVE_NAMES}
        for language, name in names.items():
            action = QAction(name, self.group)
            action.setCheckable(True)
            action.setChecked(language == current)
            action.setData(language)
            menu.addAction(action)
        self.group.triggered.connect(self._choose)

    def _choose(self, action: QAction) -> None:
        language = str(action.data())
        if language == saved_language(self._settings):
            return
        self._settings.setValue(LANGUAGE_KEY, language)
        self._settings.sync()
        self.inform(
            self.tr("Language"),
            self.tr(
                "The new language takes effect the next time Trial Coordinator starts. "
                "Nothing changes now: carry on working, nothing is lost."
            ),
        )

    def inform(self, title: str, message: str) -> None:
        """A seam for tests: the message box never blocks there."""
        QMessageBox.information(self._parent, title, message)
