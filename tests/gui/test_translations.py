"""The Chinese interface: every user-visible string translated, the translations faithful to their sources,
Qt's own dialogs in Chinese too, dates in the Chinese way, and the language a user chooses."""

from __future__ import annotations

import ast
import datetime as dt
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from coordinator_app.cli import main
from coordinator_app.gui.application import create_application
from coordinator_app.gui.calendar.month_view import VisitCalendar
from coordinator_app.gui.eligibility.text import date_edit_format
from coordinator_app.gui.formatting import format_date, format_instant, format_long_date
from coordinator_app.gui.language import LANGUAGE_KEY, saved_language, ui_locale
from coordinator_app.gui.main_window import MainWindow
from coordinator_app.services.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "coordinator_app_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
TOOLS = Path(sys.executable).parent

Key = tuple[str, str, str]  # context, source text, disambiguating comment


def sources() -> list[Path]:
    """What `make translations` extracts from: the GUI code and the forms' .ui sources (not their generated Python)."""
    gui = ROOT / "coordinator_app" / "gui"
    code = sorted(p for p in gui.rglob("*.py") if "forms" not in p.relative_to(gui).parts)
    return code + sorted((ROOT / "ui").glob("*.ui"))


def messages(ts_file: Path) -> dict[Key, ET.Element]:
    return {
        (
            context.findtext("name") or "",
            message.findtext("source") or "",
            message.findtext("comment") or "",
        ): message
        for context in ET.parse(ts_file).getroot().iter("context")
        for message in context.iter("message")
    }


def translations(message: ET.Element) -> list[str]:
    """The translated text, or each plural form's; empty strings where nothing is translated."""
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return (
        translation is not None
        and translation.get("type") not in ("unfinished", "obsolete", "vanished")
        and all(text.strip() for text in translations(message))
    )


def where(message: ET.Element) -> str:
    location = message.find("location")
    if location is None:
        return ""
    return f" ({Path(location.get('filename', '')).resolve().relative_to(ROOT)}:{location.get('line')})"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, ET.Element]:
    """Every string marked for translation in the code as it is now, extracted afresh with lupdate."""
    ts_file = tmp_path_factory.mktemp("lupdate") / "current.ts"
    command = [str(TOOLS / "pyside6-lupdate"), *map(str, sources()), "-ts", str(ts_file)]
    subprocess.run(command, check=True, capture_output=True)
    return messages(ts_file)


def test_every_string_in_the_code_has_a_chinese_translation(extracted: dict[Key, ET.Element]) -> None:
    """Added a self.tr("…")? Run `make translations`, then translate the new entries in the .ts file."""
    committed = messages(TS_FILE)
    untranslated = [
        f"{context}: {source!r}{where(message)}"
        for (context, source, comment), message in extracted.items()
        if (context, source, comment) not in committed or not finished(committed[(context, source, comment)])
    ]
    assert not untranslated, (
        f"{len(untranslated)} string(s) without a Chinese translation in {TS_FILE.name}: run `make translations` "
        "and translate them:\n" + "\n".join(untranslated)
    )
    contextless = [f"{source!r}{where(message)}" for (context, source, _), message in extracted.items() if not context]
    assert not contextless, (
        "tr() outside a class has no context for lupdate and is never translated at run time: use "
        'QCoreApplication.translate("Context", "…"):\n' + "\n".join(contextless)
    )


def test_no_translation_is_unfinished() -> None:
    unfinished = [f"{context}: {source!r}" for (context, source, _), m in messages(TS_FILE).items() if not finished(m)]
    assert not unfinished, f"unfinished or empty in {TS_FILE.name}:\n" + "\n".join(unfinished)


PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[nvm0-9]|</?[a-z]+[^>]*>")  # {name}, Qt's %n, %v, %m, %1, and HTML tags


def accelerators(text: str) -> int:
    return len(re.findall(r"&[^&\s]", text.replace("&&", "")))


def test_translations_keep_placeholders_tags_and_accelerators() -> None:
    wrong = []
    for (context, source, _), message in messages(TS_FILE).items():
        for text in translations(message):
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                wrong.append(f"{context}: {source!r} -> {text!r}")
            elif accelerators(text) != accelerators(source):
                wrong.append(f"{context}: {source!r} -> {text!r} (the & of the keyboard shortcut)")
    assert not wrong, "translations that lost or added a placeholder, tag or shortcut:\n" + "\n".join(wrong)


def test_strings_are_marked_so_that_lupdate_finds_them() -> None:
    """lupdate reads literals only: a tr(f"…") is extracted with its braces and never matches at run time, and
    a translate() whose context is a variable is not extracted at all."""
    problems = []
    for path in sources():
        if path.suffix != ".py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            arguments = node.args
            literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in arguments]
            if node.func.attr == "tr" and arguments and not literal[0]:
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: tr() of a non-literal")
            elif node.func.attr == "translate" and len(arguments) >= 2 and literal[1] and not literal[0]:
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: translate() with a non-literal context")
    assert not problems, "\n".join(problems)


def test_the_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    """The app loads the .qm, which the build compiles from the .ts (`make`, packaging/build.py, the wheel)."""
    compiled = tmp_path / QM_FILE.name
    subprocess.run([str(TOOLS / "pyside6-lrelease"), "-silent", str(TS_FILE), "-qm", str(compiled)], check=True)
    assert QM_FILE.is_file(), f"{QM_FILE.name} is missing: run `make translations`"
    assert QM_FILE.read_bytes() == compiled.read_bytes(), (
        f"{QM_FILE.name} is older than its .ts: run `make translations`"
    )


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def windows(qapp: QApplication, demo_workspace: Workspace) -> Iterator[Callable[[QSettings], MainWindow]]:
    """Main windows on the demo database; deleted afterwards, before the database closes, so that their change
    watchers never look at a closed database during a later test."""
    made: list[MainWindow] = []

    def make(settings: QSettings) -> MainWindow:
        made.append(MainWindow.for_session(demo_workspace, settings))
        made[-1].show()
        return made[-1]

    yield make
    for window in made:
        window.close()
        window.deleteLater()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def language_restored(qapp: QApplication) -> Iterator[QApplication]:
    """Whatever language a test starts the app in, the other tests find it as it was (English)."""
    before = set(qapp.findChildren(QTranslator))
    locale, name = QLocale(), qapp.applicationDisplayName()
    yield qapp
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # e.g. the screenshot's window
    for translator in set(qapp.findChildren(QTranslator)) - before:
        qapp.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(locale)
    qapp.setApplicationDisplayName(name)


@pytest.fixture
def chinese(language_restored: QApplication) -> QApplication:
    """The app started in Chinese, as create_application does it."""
    return create_application([], "zh_CN")


def test_the_main_window_and_qts_own_buttons_speak_chinese(
    chinese: QApplication, windows: Callable[[QSettings], MainWindow], settings: QSettings
) -> None:
    window = windows(settings)
    tabs = window.form.tabs

    assert [tabs.tabText(i) for i in range(tabs.count())] == ["概览(&O)", "入选评估(&E)", "输注日历(&C)", "联系人(&O)"]
    assert [action.text() for action in window.menuBar().actions()] == [
        "文件(&F)",
        "视图(&V)",
        "工具(&T)",
        "账户(&A)",
        "帮助(&H)",
    ]
    assert window.form.languageMenu.title() == "语言(&L)"
    assert window.windowTitle() == "临床试验协调员工作台 [演示]"
    assert chinese.applicationDisplayName() == "临床试验协调员工作台"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"  # from Qt's qtbase_zh_CN.qm


def test_dates_numbers_and_weekdays_in_chinese(chinese: QApplication) -> None:
    day = dt.date(2026, 11, 25)

    assert format_date(day) == "2026/11/25"
    assert format_long_date(day) == "2026年11月25日星期三"
    assert re.fullmatch(r"2026/11/2[456] \d{1,2}:\d\d", format_instant(dt.datetime(2026, 11, 25, 6, 30, tzinfo=dt.UTC)))
    assert date_edit_format() == "yyyy/M/d"
    assert QLocale().toString(1234567) == "1,234,567"
    assert [QLocale().dayName(weekday) for weekday in range(1, 8)] == [
        "星期一",
        "星期二",
        "星期三",
        "星期四",
        "星期五",
        "星期六",
        "星期日",
    ]
    calendar = VisitCalendar()  # its header shows the locale's short weekday names
    assert calendar.locale().dayName(1, QLocale.FormatType.ShortFormat) == "周一"
    calendar.deleteLater()


def test_the_language_is_chosen_in_the_view_menu_for_the_next_start(
    windows: Callable[[QSettings], MainWindow], settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = windows(settings)
    told: list[str] = []
    monkeypatch.setattr(window.language_menu, "inform", lambda title, message: told.append(message))
    system, english, chinese = window.language_menu.group.actions()

    assert [a.text() for a in (system, english, chinese)] == ["&System (default)", "English", "简体中文"]
    assert system.isChecked() and saved_language(settings) == ""
    chinese.trigger()
    assert saved_language(settings) == "zh_CN" and chinese.isChecked()
    assert len(told) == 1 and "next time" in told[0] and "nothing is lost" in told[0]
    assert window.form.tabs.tabText(0) == "&Overview"  # nothing is rebuilt now
    chinese.trigger()
    assert len(told) == 1  # the same choice again: nothing to say

    again = windows(settings)
    assert [a.isChecked() for a in again.language_menu.group.actions()] == [False, False, True]
    settings.setValue(LANGUAGE_KEY, "fr")  # not offered (edited by hand): the system's language
    assert saved_language(settings) == ""


def test_languages_are_locales() -> None:
    assert ui_locale("zh_CN").name() == "zh_CN"
    assert ui_locale("en").language() == QLocale.Language.English
    assert ui_locale("") == QLocale.system()


def test_screenshot_command_renders_in_chinese(language_restored: QApplication, tmp_path: Path) -> None:
    """The user guide's screenshots: `coordinator-app --demo screenshot --tab eligibility --language zh_CN`."""
    output = tmp_path / "eligibility.png"

    assert main(["--demo", "screenshot", "--tab", "eligibility", "--language", "zh_CN", "-o", str(output)]) == 0
    assert output.read_bytes().startswith(b"\x89PNG")
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
