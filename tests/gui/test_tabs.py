"""Overview, Eligibility and Calendar tabs on the demo data, as a coordinator would read them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from coordinator_app.gui.calendar.tab import CalendarTab
from coordinator_app.gui.eligibility.subject_model import Column
from coordinator_app.gui.eligibility.tab import EligibilityTab
from coordinator_app.gui.overview.tab import OverviewTab
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace


@pytest.fixture
def demo_trial(demo_workspace: Workspace) -> TrialSummary:
    return demo_workspace.trials.resolve()


def test_overview_shows_the_protocol_and_the_counts(
    qtbot: QtBot, demo_workspace: Workspace, demo_trial: TrialSummary
) -> None:
    tab = OverviewTab(demo_workspace)
    qtbot.addWidget(tab)
    tab.show_trial(demo_trial)
    form = tab.form

    assert form.titleValue.text().startswith("Umbilical Cord Mesenchymal Stem Cell")
    assert form.subtitleValue.text() == "脐带间充质干细胞移植治疗失代偿期乙型肝炎肝硬化"
    assert form.nctValue.text() == "NCT05106972"
    assert form.orgIdValue.text() == "SCT20181032"
    assert form.statusValue.text() == "Recruiting"
    assert "1×10⁸ cells per dose, 2 doses, 24 weeks apart" in form.doseValue.text()
    assert "Haikou People's Hospital" in form.siteValue.text()
    assert form.enrolmentSummary.text() == "3 of 30 participants enrolled"
    assert (form.enrolmentBar.value(), form.enrolmentBar.maximum()) == (3, 30)
    counts = {key: tab.count(key) for key in ("screened", "screening", "enrolled", "screen_failed", "places_left")}
    assert counts == {"screened": "6", "screening": "2", "enrolled": "2", "screen_failed": "1", "places_left": "27"}


def test_eligibility_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, demo_workspace: Workspace, demo_trial: TrialSummary
) -> None:
    tab = EligibilityTab(demo_workspace)
    qtbot.addWidget(tab)
    tab.show_trial(demo_trial)
    qtmodeltester.check(tab.subjects)  # type: ignore[attr-defined]
    qtmodeltester.check(tab.proxy)  # type: ignore[attr-defined]
    qtmodeltester.check(tab.criteria)  # type: ignore[attr-defined]
    assert tab.criteria.rowCount() == 19


def test_eligibility_search_status_filter_and_details(
    qtbot: QtBot, demo_workspace: Workspace, demo_trial: TrialSummary
) -> None:
    tab = EligibilityTab(demo_workspace)
    qtbot.addWidget(tab)
    tab.show_trial(demo_trial)
    assert tab.proxy.rowCount() == 6
    assert tab.form.countLabel.text() == "6 of 6 subjects"

    tab.form.searchField.setText("王建国")
    qtbot.waitUntil(lambda: tab.subjects.rowCount() == 1)
    assert tab.proxy.index(0, Column.SUBJECT_NUMBER).data() == "DEMO-001"
    assert "DEMO-S001" in tab.form.subjectDetails.text()  # a single match is selected and shown

    tab.form.searchField.clear()
    qtbot.waitUntil(lambda: tab.subjects.rowCount() == 6)
    tab.form.statusFilter.setCurrentIndex(tab.form.statusFilter.findText("Screening"))
    shown = [tab.proxy.index(row, Column.SCREENING_NUMBER).data() for row in range(tab.proxy.rowCount())]
    assert shown == ["DEMO-S005", "DEMO-S006"]
    assert tab.form.countLabel.text() == "2 of 6 subjects"


def test_eligibility_sorts_dates_as_dates(qtbot: QtBot, demo_workspace: Workspace, demo_trial: TrialSummary) -> None:
    tab = EligibilityTab(demo_workspace)
    qtbot.addWidget(tab)
    tab.show_trial(demo_trial)
    tab.form.subjectTable.sortByColumn(Column.BORN, Qt.SortOrder.AscendingOrder)
    oldest = tab.proxy.index(0, Column.NAME).data()
    youngest = tab.proxy.index(tab.proxy.rowCount() - 1, Column.NAME).data()
    assert (oldest, youngest) == ("黄海涛", "林美玲")


def test_calendar_marks_screening_days_and_lists_the_day(
    qtbot: QtBot, qtmodeltester: object, demo_workspace: Workspace, demo_trial: TrialSummary
) -> None:
    tab = CalendarTab(demo_workspace)
    qtbot.addWidget(tab)
    tab.show_trial(demo_trial)

    tab.select_day(dt.date(2026, 11, 23))

    assert tab.agenda.rowCount() == 1
    assert tab.agenda.index(0, 0).data() == "DEMO-S006 · 吴丽华"
    assert tab.agenda.index(0, 1).data() == "Screening visit"
    qtmodeltester.check(tab.agenda)  # type: ignore[attr-defined]
    assert tab.enrolled.stringList() == ["DEMO-001 · 王建国", "DEMO-002 · 陈志强"]

    tab.select_day(dt.date(2026, 11, 24))
    assert tab.agenda.rowCount() == 0
    assert not tab.form.agendaEmpty.isHidden()

    tab.select_day(dt.date(2026, 5, 6))  # another month: loads that month's events
    assert tab.agenda.index(0, 0).data() == "DEMO-001 · 王建国"
    assert tab.agenda.rowCount() == 1
    assert tab.agenda.rowCount(QModelIndex()) == 1
