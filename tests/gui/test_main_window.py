"""The main window: four tabs, the trial selector, shortcuts, remembered geometry and tab, screenshots."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coordinator_app.cli import main
from coordinator_app.domain.protocol import load_protocol_file
from coordinator_app.domain.subjects import Sex
from coordinator_app.gui.main_window import MainWindow
from coordinator_app.resource_files import resource
from coordinator_app.services.screening import SubjectDraft
from coordinator_app.services.workspace import Workspace


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, demo_workspace: Workspace, settings: QSettings) -> MainWindow:
    window = MainWindow.for_session(demo_workspace, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_four_tabs_in_order_with_the_demo_banner(window: MainWindow) -> None:
    tabs = window.form.tabs
    assert [tabs.tabText(i).replace("&", "") for i in range(tabs.count())] == [
        "Overview",
        "Eligibility",
        "Infusion calendar",
        "Contacts",
    ]
    assert window.form.demoBanner.isVisible()
    assert "[DEMO]" in window.windowTitle()


def test_real_database_has_no_demo_banner(qtbot: QtBot, workspace: Workspace, settings: QSettings) -> None:
    window = MainWindow.for_session(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    assert not window.form.demoBanner.isVisible()
    assert window.overview.count("screened") == "0"


def test_the_window_opens_before_anybody_signs_in_with_nothing_to_act_on(
    qtbot: QtBot, demo_workspace: Workspace, settings: QSettings
) -> None:
    window = MainWindow(settings, demo=True)
    qtbot.addWidget(window)
    window.show_opening()

    assert window.isVisible()
    assert window.statusBar().currentMessage() == "Opening the database…"
    menu_commands = (window.form.refreshAction, window.form.auditTrailAction, window.form.lockAction)
    assert not any(action.isEnabled() for action in menu_commands)
    assert not window.form.trialSelector.isEnabled()
    assert window.user_label.text() == ""

    window.begin_session(demo_workspace)

    assert window.form.refreshAction.isEnabled() and window.form.auditTrailAction.isEnabled()
    assert window.form.trialSelector.isEnabled() and window.current_trial() is not None
    assert window.user_label.text().startswith("Signed in: ")
    assert window.overview.count("screened") != ""


def test_ctrl_number_switches_tabs(qtbot: QtBot, window: MainWindow) -> None:
    for number, name in enumerate(["overview", "eligibility", "calendar", "contacts"], start=1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_tab_name() == name


def test_geometry_and_last_tab_are_remembered(
    qtbot: QtBot, demo_workspace: Workspace, settings: QSettings, window: MainWindow
) -> None:
    window.resize(760, 590)  # the offscreen screen is 800×600: stay inside it
    window.show_tab("contacts")
    window.close()

    reopened = MainWindow.for_session(demo_workspace, settings)
    qtbot.addWidget(reopened)
    reopened.show()

    assert reopened.current_tab_name() == "contacts"
    assert (reopened.width(), reopened.height()) == (760, 590)


def test_trial_selector_switches_every_tab(qtbot: QtBot, demo_workspace: Workspace, settings: QSettings) -> None:
    shipped = load_protocol_file(Path(str(resource("protocols", "NCT05106972.toml"))))
    other = dataclasses.replace(
        shipped,
        nct_id="NCT09999999",
        design=dataclasses.replace(shipped.design, enrollment_target=12),
        brief_title=dataclasses.replace(shipped.brief_title, en="Second trial"),
    )
    demo_workspace.trials.load_protocol(other, "file:other.toml", demo_workspace.actor)
    window = MainWindow.for_session(demo_workspace, settings)
    qtbot.addWidget(window)

    assert window.current_trial() is not None
    assert window.current_trial().nct_id == "NCT09999999"  # type: ignore[union-attr]
    assert window.overview.form.nctValue.text() == "NCT09999999"
    assert window.overview.count("places_left") == "12"
    window.show_tab("eligibility")
    assert window.eligibility.subjects.rowCount() == 0

    window.select_trial("NCT05106972")

    assert window.eligibility.subjects.rowCount() == 9
    window.show_tab("overview")
    assert window.overview.form.nctValue.text() == "NCT05106972"
    assert window.overview.count("screened") == "9"


def test_a_tab_is_read_when_it_is_first_shown(qtbot: QtBot, demo_workspace: Workspace, settings: QSettings) -> None:
    """Opening the window reads only the tab on screen (a large trial takes a moment per tab)."""
    window = MainWindow.for_session(demo_workspace, settings)
    qtbot.addWidget(window)
    assert window.current_tab_name() == "overview"
    assert window.overview.form.nctValue.text() == "NCT05106972"
    assert window.eligibility.subjects.rowCount() == 0  # not read yet
    assert window.calendar.form.subjectCombo.count() == 0

    window.show_tab("calendar")
    pages = window.calendar.form.pages
    assert pages.tabText(pages.indexOf(window.calendar.form.awaitingPage)) == "Awaiting dose 1 (1)"
    pages.setCurrentWidget(window.calendar.form.timelinePage)  # the subjects: when a page lists them
    assert window.calendar.form.subjectCombo.count() > 0
    window.show_tab("eligibility")
    assert window.eligibility.subjects.rowCount() == 9


def test_a_summarising_tab_is_read_again_on_return_only_when_something_was_saved_since(
    qtbot: QtBot, workspace: Workspace, settings: QSettings
) -> None:
    """The overview's counts follow a subject registered on the Eligibility tab; returning with nothing saved
    meanwhile keeps what is shown (reading a large trial again would cost a moment on every return)."""
    window = MainWindow.for_session(workspace, settings)
    qtbot.addWidget(window)
    trial = window.current_trial()
    assert trial is not None
    assert window.overview.count("screened") == "0"
    reads: list[int] = []
    original = window.overview.show_trial
    window.overview.show_trial = lambda shown: reads.append(shown.id) or original(shown)  # type: ignore[method-assign]

    window.show_tab("eligibility")
    window.show_tab("overview")
    assert reads == []  # nothing saved: not read again

    workspace.screening.register(trial.id, SubjectDraft("王", "建国", Sex.MALE, dt.date(1971, 3, 14)), workspace.actor)
    window.show_tab("eligibility")
    window.show_tab("overview")
    assert reads == [trial.id]
    assert window.overview.count("screened") == "1"


def test_a_window_closed_before_its_tabs_are_prepared_leaves_nothing_behind(
    qtbot: QtBot, demo_workspace: Workspace, settings: QSettings
) -> None:
    """Signing out at once: the preparation's next idle step must not reach for the deleted window's widgets (an
    exception in the event loop fails the test)."""
    window = MainWindow.for_session(demo_workspace, settings)
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    qtbot.wait(50)  # the idle steps that were due


@pytest.mark.parametrize("tab", ["overview", "eligibility", "calendar", "contacts"])
def test_screenshot_command_writes_the_tab(tab: str, tmp_path: Path, qapp: object) -> None:
    output = tmp_path / f"{tab}.png"

    assert main(["--demo", "screenshot", "--tab", tab, "-o", str(output)]) == 0

    image = QImage(str(output))
    assert (image.width(), image.height()) == (1180, 780)
    assert len({image.pixel(x, y) for x in range(0, 1180, 20) for y in range(0, 780, 20)}) > 10


def test_file_menu_imports_a_ctgov_record_and_shows_it(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    record = Path(__file__).parent.parent / "data" / "ctgov" / "NCT09900001.json"
    monkeypatch.setattr(window, "choose_file", lambda title, file_filter: record)

    window.form.importCtgovAction.trigger()

    assert window.current_trial() is not None
    assert window.current_trial().nct_id == "NCT09900001"  # type: ignore[union-attr]
    assert window.form.trialSelector.count() == 2
    assert window.overview.form.nctValue.text() == "NCT09900001"
    assert "Loaded NCT09900001." in window.statusBar().currentMessage()


def test_a_bad_protocol_file_is_explained_and_changes_nothing(
    tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "site.toml"
    bad.write_text("schema_version = 1\n", encoding="utf-8")
    errors: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "choose_file", lambda title, file_filter: bad)
    monkeypatch.setattr(window, "show_error", lambda title, message: errors.append((title, message)))

    window.form.loadProtocolAction.trigger()

    assert errors == [("The file cannot be used", f"{bad}: identification: is missing")]
    assert window.form.trialSelector.count() == 1


def test_cancelled_file_dialog_does_nothing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(window, "choose_file", lambda title, file_filter: None)
    window.form.loadProtocolAction.trigger()
    assert window.form.trialSelector.count() == 1


def test_screenshot_of_a_subjects_checklist(tmp_path: Path, qapp: object) -> None:
    output = tmp_path / "checklist.png"
    assert main(["--demo", "screenshot", "--tab", "eligibility", "--subject", "DEMO-S005", "-o", str(output)]) == 0
    assert QImage(str(output)).width() == 1180
