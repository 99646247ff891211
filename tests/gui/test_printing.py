"""The tabs' Print menus build real PDFs in memory and hand them to the preview."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from coordinator_app.gui.calendar.tab import CalendarTab
from coordinator_app.gui.documents.printing import DocumentPrinter
from coordinator_app.gui.eligibility.tab import EligibilityTab
from coordinator_app.services.workspace import Workspace


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, str, str]]:
    """What would have opened in the preview: the PDF, its title and the suggested file name."""
    opened: list[tuple[bytes, str, str]] = []
    monkeypatch.setattr(DocumentPrinter, "show", lambda self, pdf, title, name: opened.append((pdf, title, name)))
    return opened


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_eligibility_tab_prints_consent_checklist_and_log(
    qtbot: QtBot, demo_workspace: Workspace, shown: list[tuple[bytes, str, str]]
) -> None:
    tab = EligibilityTab(demo_workspace)
    qtbot.addWidget(tab)
    tab.show_trial(demo_workspace.trials.resolve())
    assert not tab.print_consent_action.isEnabled()  # no subject selected yet

    tab.select_subject(demo_workspace.screening.find(tab._trial.id, "DEMO-S001").id)  # type: ignore[union-attr]
    tab.print_consent_action.trigger()
    tab.print_checklist_action.trigger()
    tab.print_log_action.trigger()

    assert [name for _, _, name in shown] == [
        "consent-DEMO-S001.pdf",
        "eligibility-DEMO-S001.pdf",
        "screening-log.pdf",
    ]
    assert "王建国" in _text(shown[0][0])
    assert "DEMO-S001" in _text(shown[1][0])
    assert "DEMO-S009" in _text(shown[2][0])
    assert len(demo_workspace.consent_forms.prints(tab._trial.id)) == 1  # type: ignore[union-attr]


def test_calendar_tab_prints_the_days_packets_off_the_ui_thread(
    qtbot: QtBot, demo_workspace: Workspace, shown: list[tuple[bytes, str, str]]
) -> None:
    tab = CalendarTab(demo_workspace)
    qtbot.addWidget(tab)
    trial = demo_workspace.trials.resolve()
    tab.show_trial(trial)
    subject = demo_workspace.screening.find(trial.id, "DEMO-005")
    dose1 = demo_workspace.schedules.require_schedule(subject.id).visit("D1").date
    tab.select_day(dose1)

    tab.print_day_action.trigger()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=20_000)

    pdf, _, name = shown[0]
    assert name == f"packets-{dose1.isoformat()}.pdf"
    assert "DEMO-005" in _text(pdf)
    assert "刘芳" not in _text(pdf)  # packets carry numbers, never names


def test_calendar_tab_prints_the_shown_months_visit_list(
    qtbot: QtBot, demo_workspace: Workspace, shown: list[tuple[bytes, str, str]]
) -> None:
    tab = CalendarTab(demo_workspace)
    qtbot.addWidget(tab)
    tab.show_trial(demo_workspace.trials.resolve())
    tab.select_day(dt.date.today())

    tab.print_month_action.trigger()

    first = dt.date.today().replace(day=1)
    assert shown[0][2].startswith(f"visits-{first.isoformat()}-")
    assert "DEMO-002" in _text(shown[0][0])
