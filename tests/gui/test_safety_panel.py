"""The Safety & labs panel on the demo database: AEs with their SAE clocks, lab results and the trend chart.
Dialogs never run exec(): tests replace the ``ask_*`` / ``show_error`` seams."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coordinator_app.domain.access import SignatureMeaning
from coordinator_app.domain.adverse_events import AeDraft, ReportKind, Seriousness, quick_entry
from coordinator_app.gui.access.signature_dialog import SignatureInput, SignatureRequest
from coordinator_app.gui.calendar.tab import CalendarTab
from coordinator_app.gui.overview.tab import OverviewTab
from coordinator_app.gui.safety.chart import Marker, Series, TrendChart
from coordinator_app.gui.safety.dialogs import AeDialog, Assessment, LabEntry, SaeReport
from coordinator_app.gui.safety.models import AeColumn, LabColumn
from coordinator_app.gui.safety.panel import SafetyPanel
from coordinator_app.services.adverse_events import AeRecord
from coordinator_app.services.demo_users import DEMO_INVESTIGATOR, DEMO_MONITOR, DEMO_PASSWORD
from coordinator_app.services.users import Credentials
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
    aware = panel.now() - dt.timedelta(
        hours=1
    )  # learnt of an hour ago, begun that day (yesterday, just after midnight)
    draft = quick_entry("fever").draft(aware.date(), aware)
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


def _select_last_ae(panel: SafetyPanel) -> int:
    row = panel.ae_model.rowCount() - 1
    panel.ae_table.selectRow(row)
    return row


def _answer(asked: list[str], reply: str | None) -> Callable[[str, str], str | None]:
    """A stand-in for ``ask_reason`` that notes the question and gives ``reply``."""

    def ask(title: str, text: str) -> str | None:
        asked.append(text)
        return reply

    return ask


def _with_grade(draft: AeDraft, grade: int) -> AeDraft:
    return AeDraft(**{**draft.__dict__, "grade": grade})


def test_editing_an_ae_needs_a_reason(panel: SafetyPanel, errors: Shown, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(panel, "ask_ae", lambda: _fever(panel))
    panel.add_ae()
    assert not panel.edit_ae_button.isEnabled()
    row = _select_last_ae(panel)
    assert panel.edit_ae_button.isEnabled()
    asked: list[AeDraft] = []

    def ask_edit(record: AeRecord) -> AeDraft:
        asked.append(record.draft)
        return _with_grade(record.draft, 2)

    monkeypatch.setattr(panel, "ask_ae_edit", ask_edit)
    monkeypatch.setattr(panel, "ask_reason", lambda title, text: None)  # cancelled: nothing saved
    panel.edit_ae()
    assert asked[0].grade == 1
    assert panel.ae_model.index(row, AeColumn.GRADE).data().startswith("1 – ")

    reasons: list[str] = []
    monkeypatch.setattr(panel, "ask_reason", _answer(reasons, "Grade was misread"))
    panel.edit_ae()
    assert errors == []
    assert len(reasons) == 1 and "Fever" in reasons[0]
    assert panel.ae_model.index(row, AeColumn.GRADE).data().startswith("2 – ")
    assert panel.selected_ae() is not None


def test_replacing_a_lab_value_asks_for_a_reason(
    panel: SafetyPanel, errors: Shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = panel.today()
    monkeypatch.setattr(panel, "ask_lab", lambda: LabEntry(day, "alb", "30", "g/L", None))
    panel.enter_lab()
    asked: list[str] = []
    monkeypatch.setattr(panel, "ask_reason", _answer(asked, None))
    monkeypatch.setattr(panel, "ask_lab", lambda: LabEntry(day, "alb", "32", "g/L", None))
    panel.enter_lab()  # reason cancelled: the first value stays
    assert len(asked) == 1
    values = [v.value for v in panel.lab_model.records() if v.analyte == "alb" and v.sample_date == day]
    assert values == [Decimal("30")]

    monkeypatch.setattr(panel, "ask_reason", lambda title, text: "Transcription error")
    panel.enter_lab()
    assert errors == []
    values = [v.value for v in panel.lab_model.records() if v.analyte == "alb" and v.sample_date == day]
    assert values == [Decimal("32")]


def test_changing_an_assessment_asks_for_a_reason(
    panel: SafetyPanel, errors: Shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = panel.today()
    monkeypatch.setattr(panel, "ask_assessment", lambda: Assessment(day, "none", "none", False))
    panel.enter_assessment()
    asked: list[str] = []
    monkeypatch.setattr(panel, "ask_reason", _answer(asked, "Re-examined"))
    monkeypatch.setattr(panel, "ask_assessment", lambda: Assessment(day, "mild", "none", False))
    panel.enter_assessment()
    assert errors == []
    assert len(asked) == 1


def test_trial_ae_summary_and_its_csv(
    qtmodeltester, panel: SafetyPanel, errors: Shown, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def counts() -> dict[tuple[str, str], int]:
        dialog = panel.summary_dialog()
        assert dialog is not None
        model = dialog.model
        result = {
            (model.index(r, 0).data(), model.index(r, 1).data()): int(model.index(r, 2).data())
            for r in range(model.rowCount())
        }
        dialog.deleteLater()
        return result

    before = counts()
    monkeypatch.setattr(panel, "ask_ae", lambda: _fever(panel))
    panel.add_ae()
    monkeypatch.setattr(panel, "ask_ae", lambda: _with_grade(_fever(panel, serious=True), 3))
    panel.add_ae()
    assert errors == []
    after = counts()
    assert after[("all", "adverse events")] == before[("all", "adverse events")] + 2
    assert after[("all", "serious adverse events")] == before[("all", "serious adverse events")] + 1
    changed = {key for key in after if after[key] != before[key] and key[0] == "grade"}
    assert len(changed) == 2

    dialog = panel.summary_dialog()
    assert dialog is not None
    qtmodeltester.check(dialog.model)
    target = tmp_path / "summary.csv"
    monkeypatch.setattr(dialog, "choose_save_path", lambda: target)
    dialog.export_csv()
    with target.open(encoding="utf-8", newline="") as file:
        lines = list(csv.reader(file))
    assert lines[0] == ["section", "category", "count"]
    assert len(lines) - 1 == dialog.model.rowCount()
    assert ["all", "adverse events", str(after[("all", "adverse events")])] in lines
    assert str(target) in dialog.status.text()


def test_reporting_an_sae_shows_its_history_and_clears_the_overview(
    qtbot: QtBot, panel: SafetyPanel, demo_workspace: Workspace, errors: Shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(panel, "ask_ae", lambda: _fever(panel, serious=True))
    panel.add_ae()
    overview = OverviewTab(demo_workspace)
    qtbot.addWidget(overview)
    overview.show_trial(demo_workspace.trials.resolve())
    assert [p.term for p in overview.pending_saes()] == ["Fever"]

    _select_last_ae(panel)
    assert panel.report_button.isEnabled()
    assert "none yet" in panel.report_history.text()
    reported_at = panel.now() - dt.timedelta(minutes=30)
    monkeypatch.setattr(
        panel,
        "ask_sae_report",
        lambda record: SaeReport(ReportKind.INITIAL, reported_at, "Sponsor PV", "Email", ""),
    )
    panel.report_sae()
    assert errors == []
    row = panel.ae_model.rowCount() - 1
    assert panel.ae_model.index(row, AeColumn.CLOCK).data() == "reported"
    panel.ae_table.selectRow(row)
    assert "Initial report" in panel.report_history.text()
    assert "Sponsor PV" in panel.report_history.text()

    overview.refresh_saes()
    assert overview.pending_saes() == []
    assert overview.sae_value.text() == "None"


def test_overview_refreshes_the_sae_box_while_shown(
    qtbot: QtBot, panel: SafetyPanel, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    overview = OverviewTab(demo_workspace)
    qtbot.addWidget(overview)
    overview.show_trial(demo_workspace.trials.resolve())
    assert not overview.sae_timer.isActive()
    overview.show()
    qtbot.waitExposed(overview)
    assert overview.sae_timer.isActive()
    assert overview.sae_timer.interval() == 60_000
    assert overview.sae_timer.parent() is overview

    monkeypatch.setattr(panel, "ask_ae", lambda: _fever(panel, serious=True))
    panel.add_ae()
    assert overview.sae_value.text() == "None"
    overview.refresh_saes()
    assert "Fever" in overview.sae_value.text()
    first = overview.sae_value.text()
    later = overview.now() + dt.timedelta(hours=2)
    monkeypatch.setattr(overview, "now", lambda: later)
    overview.refresh_saes()
    assert overview.sae_value.text() != first

    overview.hide()
    assert not overview.sae_timer.isActive()


def test_an_investigator_signs_the_assessment_and_a_correction_needs_it_again(
    panel: SafetyPanel, errors: Shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(panel, "ask_ae", lambda: _fever(panel))
    panel.add_ae()
    row = _select_last_ae(panel)
    assert panel.ae_model.index(row, AeColumn.ASSESSMENT).data() == "not signed"
    assert panel.sign_button.isEnabled()  # at the coordinator's desk, for the investigator to sign
    asked: list[SignatureRequest] = []

    def ask(request: SignatureRequest) -> SignatureInput:
        asked.append(request)
        return SignatureInput(Credentials(DEMO_INVESTIGATOR, DEMO_PASSWORD))

    monkeypatch.setattr(panel, "ask_signature", ask)
    panel.sign_button.click()

    assert errors == []
    assert asked[0].meaning is SignatureMeaning.ASSESSED_ADVERSE_EVENT
    assert asked[0].username == ""  # the coordinator signed in may not sign an assessment
    assert "Fever" in asked[0].summary and "grade 1" in asked[0].summary
    assessment = panel.ae_model.index(row, AeColumn.ASSESSMENT)
    assert assessment.data().startswith("DEMO 张医生 (Dr Zhang), ")
    tip = assessment.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Signed “assessed adverse event” by DEMO 张医生 (Dr Zhang) (zhang.demo) (Investigator) on ")
    assert not panel.sign_button.isEnabled()  # signed, and still covering the AE as it reads

    monkeypatch.setattr(panel, "ask_ae_edit", lambda record: _with_grade(record.draft, 2))
    monkeypatch.setattr(panel, "ask_reason", lambda title, text: "Grade was misread")
    panel.edit_ae()

    stale = panel.ae_model.index(row, AeColumn.ASSESSMENT)
    assert stale.data() == "needs re-signing"
    assert (
        stale.data(Qt.ItemDataRole.ToolTipRole)
        == f"{tip}; the assessed fields changed since, so an investigator signs again"
    )
    assert panel.sign_button.isEnabled()


def test_a_monitor_reads_the_safety_page_without_changing_it(qtbot: QtBot, demo_workspace: Workspace) -> None:
    subject = _subject(demo_workspace, "DEMO-001")
    aware = dt.datetime.now().astimezone() - dt.timedelta(hours=1)
    serious = AeDraft(
        **{
            **quick_entry("fever").draft(aware.date(), aware).__dict__,
            "serious": True,
            "seriousness_criteria": frozenset({Seriousness.HOSPITALISATION}),
        }
    )
    demo_workspace.adverse_events.record(subject, serious, demo_workspace.actor)
    demo_workspace.sign_out()
    demo_workspace.sign_in(Credentials(DEMO_MONITOR, DEMO_PASSWORD))
    panel = SafetyPanel(demo_workspace)
    qtbot.addWidget(panel)
    panel.set_subject(subject)
    _select_last_ae(panel)
    assert panel.selected_ae() is not None
    buttons = (panel.add_ae_button, panel.edit_ae_button, panel.report_button, panel.sign_button, panel.lab_button)
    assert not any(button.isEnabled() for button in (*buttons, panel.assessment_button))
    assert panel.summary_button.isEnabled()  # reading the trial's summary is not a change
