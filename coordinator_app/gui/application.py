"""The QApplication: identity, translations, and the one place that knows about both."""

from __future__ import annotations

import gc
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from coordinator_app import __version__
from coordinator_app.gui.language import SYSTEM, ui_locale
from coordinator_app.resource_files import CJK_FONT, resource

ORGANISATION = "coordinator-app"
APPLICATION = "coordinator-app"
DESKTOP_FILE = "org.coordinatorapp.CoordinatorApp"  # packaging/linux/<this>.desktop and the AppStream id


# CPython's cyclic collector, run 14× less often than its default (700, 10, 10): a tab of a large trial builds
# thousands of rows at once, and at the default every load paid for several full passes over the app's hundred
# thousand long-lived objects (measured: the calendar of a 6,668-subject trial took 300 ms instead of 180 ms).
# Set before the window's modules load too: Qt's and the app's types are tens of thousands of objects, which the
# default collected about fifty times before the first paint (5 ms).
COLLECTOR_THRESHOLDS = (10_000, 10, 10)


def collect_less_often() -> None:
    gc.set_threshold(*COLLECTOR_THRESHOLDS)


def set_aside_long_lived_objects() -> None:
    """Keep the objects alive now out of the cyclic collector's later passes (``gc.freeze``): the modules, classes,
    Qt wrappers and tabs of a session live as long as it. A full pass over them takes ~50 ms (100,000 objects) and
    would otherwise land, unannounced, in whichever action crossed the threshold; passes over what is made later
    take a few ms. Called once a session's window is prepared, after collecting the young generations (a few ms;
    a full collection would itself block for those 50 ms)."""
    gc.collect(1)
    gc.freeze()


def release_long_lived_objects() -> None:
    """Give what :func:`set_aside_long_lived_objects` set aside back to the collector, and collect it: a session's
    window is gone (signing out), and its objects with it."""
    gc.unfreeze()
    gc.collect()


def create_application(argv: Sequence[str], language: str = SYSTEM) -> QApplication:
    """The app's QApplication (or the one that exists, e.g. under pytest-qt), in ``language`` ("en", "zh_CN";
    by default the system's): its translators installed and its locale the default one, for dates and numbers."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(application_icon())
    locale = ui_locale(language)
    QLocale.setDefault(locale)
    install_translations(app, locale)
    app.setApplicationDisplayName(QCoreApplication.translate("Application", "Trial Coordinator"))
    add_chinese_fallback_font(app)
    collect_less_often()
    return app


def application_icon() -> QIcon:
    """The app's icon in every size drawn for it (resources/icons), so Qt never has to shrink a large one."""
    icon = QIcon()
    for file in resource("icons").iterdir():
        if file.name.startswith("coordinator-app-") and file.name.endswith(".png"):
            icon.addFile(str(file))
    return icon


def add_chinese_fallback_font(app: QApplication) -> None:
    """Register the bundled CJK font as a fallback after the desktop's own font.

    Chinese hospital desktops have Chinese fonts; fresh Linux machines often do not, and
    would show empty boxes for every name and criterion.
    """
    font_id = QFontDatabase.addApplicationFont(str(resource(*CJK_FONT)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = app.font()
        font.setFamilies([font.family(), families[0]])
        app.setFont(font)


def install_translations(app: QApplication, locale: QLocale) -> list[QTranslator]:
    """Qt's own strings (dialog buttons…) and the app's, for ``locale`` where translations exist; the translators
    installed."""
    installed: list[QTranslator] = []
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        installed.append(qt_translator)
    folder = resource("translations")
    app_translator = QTranslator(app)
    if folder.is_dir() and app_translator.load(locale, "coordinator_app", "_", str(folder)):
        app.installTranslator(app_translator)
        installed.append(app_translator)
    return installed


def user_settings() -> QSettings:
    """Window geometry, the last tab and the language, in the platform's usual place for per-user settings."""
    return QSettings(ORGANISATION, APPLICATION)
