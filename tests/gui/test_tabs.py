"""Overview and Calendar tabs on the demo data, as a coordinator would read them."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

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
    assert form.enrolmentSummary.text() == "6 of 30 participants enrolled"
    assert (form.enrolmentBar.value(), form.enrolmentBar.maximum()) == (6, 30)
    counts = {key: tab.count(key) for key in ("screened", "screening", "enrolled", "screen_failed", "places_left")}
    assert counts == {"screened": "9", "screening": "2", "enrolled": "5", "screen_failed": "1", "places_left": "24"}


def test_overview_lists_overdue_and_the_weeks_visits(
    qtbot: QtBot, demo_workspace: Workspace, demo_trial: TrialSummary
) -> None:
    tab = OverviewTab(demo_workspace)
    qtbot.addWidget(tab)
    tab.show_trial(demo_trial)

    text = tab.form.visitsValue.text()
    assert "Overdue</b> DEMO-002 W8" in text
    subject = demo_workspace.screening.find(demo_trial.id, "DEMO-005")
    dose1 = demo_workspace.schedules.require_schedule(subject.id).visit("D1").date
    assert f"{dose1.isoformat()} · DEMO-005 · D1 Dose 1" in text
    assert "刘芳" not in text


def test_overview_names_the_most_urgent_visits_and_counts_the_rest(
    qtbot: QtBot, demo_workspace: Workspace, demo_trial: TrialSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large trial has hundreds of visits due: the overview names the first, overdue first, and says how many
    more the calendar lists."""
    tab = OverviewTab(demo_workspace)
    qtbot.addWidget(tab)
    tab.show_trial(demo_trial)
    every = tab.form.visitsValue.text().split("<br>")
    monkeypatch.setattr("coordinator_app.gui.overview.tab.VISIT_LINES", 1)

    tab.show_trial(demo_trial)

    lines = tab.form.visitsValue.text().split("<br>")
    assert lines == [every[0], f"… and {len(every) - 1} more: the Infusion calendar lists them all."]
    assert "Overdue</b> DEMO-002 W8" in lines[0]
