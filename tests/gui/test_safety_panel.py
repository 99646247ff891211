"""The Safety & labs panel on the demo database: AEs with their SAE clocks, lab results and the trend chart.
Dialogs never run exec(): tests replace the ``ask_*`` / ``show_error`` seams."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from coordinator_app.domain.adverse_events import AeDraft, Seriousness, quick_entry
from coordinator_app.gui.calendar.tab import CalendarTab
from coordinator_app.gui.overview.tab import OverviewTab
from coordinator_app.gui.safety.chart import Marker, Series, TrendChart
from coordinator_app.gui.safety.dialogs import AeDialog, Assessment, LabEntry
from coordinator_app.gui.safety.models import AeColumn, LabColumn
from coordinator_app.gui.safety.panel import SafetyPanel
from coordinator_app.services.workspace import Workspace

Shown = list[tuple[str, str]]


def _subject(workspace: Workspace, number: str) -> int:
    trial = workspace.trials.resolve()
    return next(d.id for d in workspace.screening.details(trial.id) if d.subject_number == number)


@pytest.fixture
def panel(qtbot: QtBot, demo_workspace: Workspace) -> Iterator[SafetyPanel]:
    widget = SafetyPanel(demo_workspace)
    qtbot.addWidget(widget)
    widget.set_subject(_subject(demo_workspace, "DEMO-001"))
    widget.resize(900, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


@pytest.fixture
def errors(panel: SafetyPanel, monkeypatch: pytest.MonkeyPatch) -> Shown:
    shown: Shown = []
    monkeypatch.setattr(panel, "show_error", lambda title, text: shown.append((title, text)))
    return shown


def _fever(panel: SafetyPanel, serious: bool = False) -> AeDraft:
    now = panel.now()
    draft = quick_entry("fever").draft(now.date(), now - dt.timedelta(hours=1))
    if serious:
        draft = AeDraft(
            **{**draft.__dict__, "serious": True, "seriousness_criteria": frozenset({Seriousness.HOSPITALISATION})}
        )
    return draft


def test_models_pass_the_model_tester(qtmodeltester, panel: SafetyPanel, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(panel, "ask_ae", lambda: _fever(panel))
    panel.add_ae()
    monkeypatch.setattr(panel, "ask_lab", lambda: LabEntry(panel.today(), "alb", "30", "g/L", None))
    panel.enter_lab()
    qtmodeltester.check(panel.ae_model)
    qtmodeltester.check(panel.lab_model)


def test_adding_an_ae_adds_a_row(panel: SafetyPanel, errors: Shown, monkeypatch: pytest.MonkeyPatch) -> None:
    before = panel.ae_model.rowCount()
    monkeypatch.setattr(panel, "ask_ae", lambda: _fever(panel))
    panel.add_ae()
    assert errors == []
    assert panel.ae_model.rowCount() == before + 1
    row = panel.ae_model.rowCount() - 1
    assert panel.ae_model.index(row, AeColumn.TERM).data() == "Fever"
    assert panel.ae_model.index(row, AeColumn.GRADE).data().startswith("1 – ")
    assert panel.ae_model.index(row, AeColumn.CLOCK).data() == ""


def test_a_serious_ae_shows_time_left_and_is_listed_on_the_overview(
    qtbot: QtBot, panel: SafetyPanel, demo_workspace: Workspace, errors: Shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(panel, "ask_ae", lambda: _fever(panel, serious=True))
    panel.add_ae()
    assert errors == []
    row = panel.ae_model.rowCount() - 1
    assert panel.ae_model.index(row, AeColumn.SERIOUS).data().startswith("Yes")
    assert "left" in panel.ae_model.index(row, AeColumn.CLOCK).data()

    overview = OverviewTab(demo_workspace)
    qtbot.addWidget(overview)
    overview.show_trial(demo_workspace.trials.resolve())
    text = overview.sae_value.text()
    assert "DEMO-001" in text
    assert "Fever" in text
    assert "left" in text
    assert [p.term for p in overview.pending_saes()] == ["Fever"]


def test_overview_says_none_without_pending_saes(qtbot: QtBot, demo_workspace: Workspace) -> None:
    overview = OverviewTab(demo_workspace)
    qtbot.addWidget(overview)
    overview.show_trial(demo_workspace.trials.resolve())
    assert overview.sae_value.text() == "None"


def test_an_implausible_lab_value_is_refused(
    panel: SafetyPanel, errors: Shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = panel.lab_model.rowCount()
    monkeypatch.setattr(panel, "ask_lab", lambda: LabEntry(panel.today(), "alb", "350", "g/L", None))
    panel.enter_lab()
    assert len(errors) == 1
    assert "plausible" in errors[0][1]
    assert panel.lab_model.rowCount() == before


def test_lab_values_and_assessment_give_scores_on_the_chart(
    panel: SafetyPanel, errors: Shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = panel.today()
    for analyte, value, unit in (
        ("tbil", "2", "mg/dL"),
        ("alb", "28", "g/L"),
        ("inr", "1.6", ""),
        ("crea", "80", "µmol/L"),
    ):
        monkeypatch.setattr(panel, "ask_lab", lambda a=analyte, v=value, u=unit: LabEntry(day, a, v, u, None))
        panel.enter_lab()
    monkeypatch.setattr(panel, "ask_assessment", lambda: Assessment(day, "mild", "none", False))
    panel.enter_assessment()
    assert errors == []
    rows = {panel.lab_model.index(r, LabColumn.ANALYTE).data(): r for r in range(panel.lab_model.rowCount())}
    albumin = rows["Albumin"]
    assert panel.lab_model.index(albumin, LabColumn.FLAG).data() == "L"
    assert panel.lab_model.index(rows["Total bilirubin"], LabColumn.VALUE).data() == "34.2 µmol/L"
    names = [s.name for s in panel.chart.series()]
    assert names == ["MELD", "Child-Pugh score"]
    panel.series_boxes["alb"].setChecked(True)
    assert len(panel.chart.series()) == 3
    assert not panel.chart.grab().isNull()


def test_chart_renders_with_and_without_data(qtbot: QtBot) -> None:
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(500, 300)
    assert not chart.has_data()
    assert not chart.grab().isNull()
    day = dt.date(2026, 1, 5)
    chart.set_data(
        [Series("MELD", ((day, 14.0), (day + dt.timedelta(days=28), 12.0))), Series("Child-Pugh score", ((day, 8.0),))],
        [Marker("D1", day + dt.timedelta(days=1)), Marker("D2", day + dt.timedelta(days=29))],
    )
    assert chart.has_data()
    assert not chart.grab().isNull()


def test_ae_dialog_keeps_errors_inline(qtbot: QtBot, panel: SafetyPanel) -> None:
    dialog = AeDialog(panel, "DEMO-001", panel.now(), ["D1", "D2"], panel.check_ae)
    qtbot.addWidget(dialog)
    dialog.apply_quick_entry("infusion_reaction")
    assert dialog.term.text() == "Infusion related reaction"
    dialog.serious.setChecked(True)  # serious without a criterion
    dialog.accept()
    assert dialog.result_draft() is None
    assert "criterion" in dialog.error.text()
    dialog.criteria[Seriousness.HOSPITALISATION].setChecked(True)
    dialog.accept()
    draft = dialog.result_draft()
    assert draft is not None and draft.serious


def test_panel_is_a_page_of_the_calendar_tab(qtbot: QtBot, demo_workspace: Workspace) -> None:
    tab = CalendarTab(demo_workspace)
    qtbot.addWidget(tab)
    tab.show_trial(demo_workspace.trials.resolve())
    pages = tab.form.pages
    index = pages.indexOf(tab.safety_panel)
    assert index >= 0
    assert pages.tabText(index) == "Safety && labs"
    subject_id = _subject(demo_workspace, "DEMO-002")
    tab.show_safety(subject_id)
    assert pages.currentWidget() is tab.safety_panel
    assert tab.safety_panel.subject_id() == subject_id
    assert tab.timeline_subject_id() == subject_id
