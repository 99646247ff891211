"""The Infusion calendar tab on the demo database, driven as a coordinator would; dialogs never run exec().

Demo dates are relative to today: DEMO-002 is between doses with W8 overdue, DEMO-004 awaits dose 1,
DEMO-005 has dose 1 booked in the next days, DEMO-006 has W4 done outside its window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from coordinator_app.domain.access import SignatureMeaning
from coordinator_app.domain.protocol import Text
from coordinator_app.domain.schedule import ScheduledVisit, VisitStatus
from coordinator_app.gui.access.signature_dialog import SignatureInput, SignatureRequest
from coordinator_app.gui.calendar.agenda_model import AgendaColumn, TodayColumn, TodaySection
from coordinator_app.gui.calendar.awaiting_model import AwaitingSubject
from coordinator_app.gui.calendar.dialogs import (
    Dose1Booking,
    MovesTableModel,
    RescheduleDialog,
    RescheduleRequest,
    SafetyCheckDialog,
    VisitOutcome,
)
from coordinator_app.gui.calendar.infusion_dialog import InfusionRecordDialog, VitalSignsTableModel
from coordinator_app.gui.calendar.markers import Marker
from coordinator_app.gui.calendar.tab import CalendarTab, VisitRef
from coordinator_app.gui.calendar.timeline import TimelineColumn
from coordinator_app.gui.formatting import format_date, format_long_date
from coordinator_app.gui.main_window import MainWindow
from coordinator_app.services.demo_users import DEMO_NURSE, DEMO_PASSWORD
from coordinator_app.services.infusions import InfusionDraft, SafetyAnswers, VitalSigns
from coordinator_app.services.schedule import ReschedulePreview
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import Workspace

Seam = list[tuple[object, ...]]


@pytest.fixture
def tab(qtbot: QtBot, demo_workspace: Workspace) -> Iterator[CalendarTab]:
    widget = CalendarTab(demo_workspace)
    qtbot.addWidget(widget)
    widget.show_trial(demo_workspace.trials.resolve())
    widget.resize(1180, 720)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


@pytest.fixture
def window(qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path) -> MainWindow:
    """The main window on the demo, showing the calendar (as a tab of the window, not a widget of its own)."""
    shown = MainWindow.for_session(
        demo_workspace, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(shown)
    shown.show()
    shown.show_tab("calendar")
    return shown


@pytest.fixture
def signatures(tab: CalendarTab, monkeypatch: pytest.MonkeyPatch) -> list[SignatureRequest]:
    """Every signature the tab asks for; the user it names signs with the demo password."""
    asked: list[SignatureRequest] = []

    def ask(request: SignatureRequest) -> SignatureInput:
        asked.append(request)
        return SignatureInput(Credentials(request.username, DEMO_PASSWORD))

    monkeypatch.setattr(tab, "ask_signature", ask)
    return asked


@pytest.fixture
def errors(tab: CalendarTab, monkeypatch: pytest.MonkeyPatch) -> Seam:
    shown: Seam = []
    monkeypatch.setattr(tab, "show_error", lambda title, text: shown.append((title, text)))
    monkeypatch.setattr(tab, "show_warning", lambda title, text: shown.append((title, text)))
    return shown


def subject_id(workspace: Workspace, number: str) -> int:
    return workspace.screening.find(workspace.trials.resolve().id, number).id


def timeline(tab: CalendarTab) -> dict[str, tuple[str, str]]:
    """The shown timeline as the user reads it: visit code -> (target date, status)."""
    model = tab.timeline_model
    return {
        model.record(row).code: (
            str(model.index(row, TimelineColumn.TARGET).data()),
            str(model.index(row, TimelineColumn.STATUS).data()),
        )
        for row in range(model.rowCount())
    }


def day_list(tab: CalendarTab) -> list[tuple[str, str]]:
    """(subject, visit code) of each visit the day list shows."""
    return [(v.subject_label, v.code) for v in tab.day_model.records()]


def today_rows(tab: CalendarTab, section: TodaySection) -> list[tuple[str, str]]:
    return [(row.visit.subject_label, row.visit.code) for row in tab.today_model.rows_in(section)]


def select_timeline_visit(tab: CalendarTab, workspace: Workspace, number: str, code: str) -> VisitRef:
    tab.show_timeline(subject_id(workspace, number), code)
    ref = tab.selected_visit()
    assert ref is not None
    assert (ref.subject_label, ref.code) == (number, code)
    return ref


def good_draft(cells: str = "1.0e8", product_lot: str = "LOT-7") -> InfusionDraft:
    start = dt.datetime.now().astimezone().replace(second=0, microsecond=0) - dt.timedelta(hours=1)
    return InfusionDraft(
        product_lot=product_lot,
        release_certificate="QA-7",
        cells_per_dose=cells,
        viability_release_percent="95",
        viability_bedside_percent="92",
        prepared_at=start - dt.timedelta(minutes=30),
        infusion_start=start,
        infusion_end=start + dt.timedelta(minutes=30),
        volume_ml="100",
        rate_ml_per_hour="200",
        transport_temperature_c="4",
        administered_by="Nurse Liu",
        checked_by="Nurse Chen",
        vital_signs=(VitalSigns(-15, "36.6", "80", "120", "80", "98"),),
    )


# -- the models --------------------------------------------------------------------------------


def test_every_model_passes_the_model_tester(
    tab: CalendarTab, demo_workspace: Workspace, qtmodeltester: object
) -> None:
    tab.set_week_mode(True)
    tab.select_day(dt.date.today())
    tab.form.pages.setCurrentWidget(tab.form.awaitingPage)  # its list is read when its page is shown
    select_timeline_visit(tab, demo_workspace, "DEMO-006", "W4")
    schedule = demo_workspace.schedules.require_schedule(subject_id(demo_workspace, "DEMO-002"))
    preview = demo_workspace.schedules.preview(
        schedule.subject_id, "D2", schedule.visit("D2").date + dt.timedelta(days=2)
    )
    moves = MovesTableModel({v.code: v.definition.name for v in schedule.visits})
    moves.set_records(preview.moves)
    vitals = VitalSignsTableModel()
    assert tab.today_model.rowCount() and tab.timeline_model.rowCount() and tab.deviation_model.rowCount()
    assert tab.awaiting_model.rowCount() and moves.rowCount()
    for model in (
        tab.today_model,
        tab.day_model,
        tab.timeline_model,
        tab.deviation_model,
        tab.awaiting_model,
        moves,
        vitals,
    ):
        qtmodeltester.check(model)  # type: ignore[attr-defined]


# -- the Today panel, the month view and the day list ------------------------------------------


def test_today_panel_lists_the_overdue_visit_and_the_coming_infusion(tab: CalendarTab) -> None:
    assert today_rows(tab, TodaySection.OVERDUE) == [("DEMO-002", "W8")]
    assert ("DEMO-005", "D1") in today_rows(tab, TodaySection.INFUSION)
    model = tab.today_model
    first = [model.index(0, column).data() for column in TodayColumn]
    assert first[TodayColumn.SECTION] == "Overdue"
    assert first[TodayColumn.SUBJECT] == "DEMO-002"
    assert first[TodayColumn.VISIT] == "W8 · Week 8"
    assert "past its window" in first[TodayColumn.NOTE]
    infusion = model.rows_in(TodaySection.INFUSION)[0]
    assert "release certificate" in infusion.note
    assert "<b>1</b> overdue" in tab.form.summaryLabel.text()
    assert tab.form.pages.tabText(0) == f"Today ({model.rowCount()})"


def test_the_today_table_ends_at_the_views_edge_with_long_notes_whole_in_their_tooltips(tab: CalendarTab) -> None:
    table = tab.form.todayTable
    header = table.horizontalHeader()
    last = header.count() - 1
    assert table.horizontalScrollBar().maximum() == 0  # nothing behind a horizontal scroll bar
    assert header.sectionPosition(last) + header.sectionSize(last) <= table.viewport().width()
    model = tab.today_model
    [infusion] = [r for r, row in enumerate(model.records()) if row.section is TodaySection.INFUSION]
    note = model.index(infusion, TodayColumn.NOTE)
    assert table.fontMetrics().horizontalAdvance(note.data()) > header.sectionSize(last)  # elided on screen
    assert note.data(Qt.ItemDataRole.ToolTipRole) == note.data()


def test_month_view_marks_the_infusion_day_and_the_overdue_visit(tab: CalendarTab, demo_workspace: Workspace) -> None:
    d1 = demo_workspace.schedules.require_schedule(subject_id(demo_workspace, "DEMO-005")).visit("D1").date
    w8 = demo_workspace.schedules.require_schedule(subject_id(demo_workspace, "DEMO-002")).visit("W8").date

    tab.select_day(d1)

    assert (tab.form.calendar.yearShown(), tab.form.calendar.monthShown()) == (d1.year, d1.month)
    assert tab.form.calendar.markers(d1).get(Marker.INFUSION) == 1
    assert ("DEMO-005", "D1") in day_list(tab)
    tab.select_day(w8)
    assert Marker.OVERDUE in tab.form.calendar.markers(w8)
    empty = next(d1 + dt.timedelta(days=n) for n in range(1, 40) if not tab.form.calendar.markers(d1 + dt.timedelta(n)))
    tab.select_day(empty)
    assert day_list(tab) == []


def test_day_list_shows_the_selected_day_and_week(tab: CalendarTab, demo_workspace: Workspace) -> None:
    w8 = demo_workspace.schedules.require_schedule(subject_id(demo_workspace, "DEMO-002")).visit("W8")

    tab.select_day(w8.date)

    model = tab.day_model
    rows = [[model.index(row, column).data() for column in AgendaColumn] for row in range(model.rowCount())]
    assert [
        format_date(w8.date),
        "DEMO-002",
        "W8 · Week 8",
        f"{format_date(w8.window_start)} – {format_date(w8.window_end)}",
        "Scheduled, overdue",
    ] in rows
    assert tab.form.dayEmpty.isHidden()

    tab.set_week_mode(True)
    monday = w8.date - dt.timedelta(days=w8.date.weekday())
    assert all(monday <= model.record(row).date <= monday + dt.timedelta(days=6) for row in range(model.rowCount()))
    assert "Week of" in tab.form.dayHeading.text()


# -- booking dose 1 ----------------------------------------------------------------------------


def test_booking_dose1_puts_the_whole_schedule_on_the_calendar(
    tab: CalendarTab, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch, errors: Seam
) -> None:
    asked: list[AwaitingSubject] = []

    def ask(subject: AwaitingSubject) -> Dose1Booking:
        asked.append(subject)
        return Dose1Booking(subject.proposed)

    monkeypatch.setattr(tab, "ask_dose1", ask)
    tab.form.pages.setCurrentWidget(tab.form.awaitingPage)
    awaiting = tab.awaiting_selected()
    assert awaiting is not None and awaiting.label == "DEMO-004"
    proposed = demo_workspace.schedules.propose_dose1(awaiting.subject_id)

    tab.form.bookButton.click()

    assert errors == []
    assert [s.proposed for s in asked] == [proposed]
    assert tab.form.pages.currentWidget() is tab.form.timelinePage
    assert tab.form.subjectCombo.currentText().startswith("DEMO-004")
    shown = timeline(tab)
    assert len(shown) == 14
    assert shown["D1"] == (format_date(proposed), "Scheduled")
    assert tab.awaiting_model.rowCount() == 0
    assert "14 visits are on the calendar" in tab.form.statusLabel.text()
    tab.select_day(proposed)
    assert Marker.INFUSION in tab.form.calendar.markers(proposed)


# -- rescheduling ------------------------------------------------------------------------------


def test_rescheduling_dose2_moves_what_depends_on_it(
    tab: CalendarTab, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch, errors: Seam
) -> None:
    ref = select_timeline_visit(tab, demo_workspace, "DEMO-002", "D2")
    before = demo_workspace.schedules.require_schedule(ref.subject_id)
    new_date = before.visit("D2").date + dt.timedelta(days=3)
    previews: list[ReschedulePreview] = []

    def confirm(
        ref: VisitRef, request: RescheduleRequest, preview: ReschedulePreview, names: Mapping[str, Text]
    ) -> bool:
        previews.append(preview)
        return True

    monkeypatch.setattr(tab, "ask_reschedule", lambda ref, visit, preview: RescheduleRequest(new_date, "subject asked"))
    monkeypatch.setattr(tab, "confirm_moves", confirm)

    tab.form.rescheduleButton.click()

    assert errors == []
    moved = ["D2", "D2+1", "W25", "W28", "W36", "W48"]
    assert [m.code for m in previews[0].moves] == moved
    shown = timeline(tab)
    d2_row = tab.timeline_model.row_of("D2")
    assert tab.timeline_model.index(d2_row, TimelineColumn.BOOKED).data() == format_date(new_date)  # type: ignore[arg-type]
    for code in moved[1:]:
        assert shown[code][0] == format_date(before.visit(code).planned + dt.timedelta(days=3)), code
    assert shown["W12"][0] == format_date(before.visit("W12").planned)
    assert "5 other visit(s) moved" in tab.form.statusLabel.text()
    tab.select_day(new_date)
    assert ("DEMO-002", "D2") in day_list(tab)
    assert tab.form.calendar.markers(new_date).get(Marker.INFUSION, 0) >= 1


def test_out_of_window_needs_a_deviation_reason_which_is_then_listed(
    tab: CalendarTab, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch, errors: Seam
) -> None:
    ref = select_timeline_visit(tab, demo_workspace, "DEMO-002", "D2")
    d2 = demo_workspace.schedules.require_schedule(ref.subject_id).visit("D2")
    late = d2.window_end + dt.timedelta(days=10)
    confirmed: Seam = []
    monkeypatch.setattr(tab, "ask_reschedule", lambda ref, visit, preview: RescheduleRequest(late, "pharmacy delay"))
    monkeypatch.setattr(tab, "confirm_moves", lambda *args: confirmed.append(args) or True)
    before = timeline(tab)

    tab.form.rescheduleButton.click()

    assert len(errors) == 1
    assert "outside the window of D2" in errors[0][1]
    assert confirmed == []
    assert timeline(tab) == before
    assert tab.deviation_model.rowCount() == 0

    monkeypatch.setattr(
        tab,
        "ask_reschedule",
        lambda ref, visit, preview: RescheduleRequest(late, "pharmacy delay", "cell product released late"),
    )
    tab.form.rescheduleButton.click()

    assert len(errors) == 1 and len(confirmed) == 1
    assert timeline(tab)["D2"][0] == format_date(d2.planned)  # the target stays; the booking moved
    assert tab.timeline_model.record(tab.timeline_model.row_of("D2")).booked == late  # type: ignore[arg-type]
    assert tab.timeline_model.index(tab.timeline_model.row_of("D2"), TimelineColumn.STATUS).data() == (  # type: ignore[arg-type]
        "Scheduled, outside window"
    )
    reasons = [tab.deviation_model.record(row).reason for row in range(tab.deviation_model.rowCount())]
    assert reasons == ["cell product released late"]
    assert tab.form.deviationsGroup.title() == "Deviations (1)"


def test_reschedule_dialog_asks_for_a_deviation_reason_outside_the_window(
    qtbot: QtBot, demo_workspace: Workspace, tab: CalendarTab
) -> None:
    sid = subject_id(demo_workspace, "DEMO-002")
    d2 = demo_workspace.schedules.require_schedule(sid).visit("D2")
    dialog = RescheduleDialog("DEMO-002", d2, tab._preview(sid, "D2"))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.reason_edit.setText("subject asked")
    assert ok.isEnabled()

    dialog.date_edit.setDate(dialog.date_edit.date().addDays(30))

    assert not ok.isEnabled()
    assert "Outside the window" in dialog.warning_label.text()
    dialog.deviation_edit.setText("ward closed")
    assert ok.isEnabled()
    assert dialog.request().deviation_reason == "ward closed"


# -- recording outcomes ------------------------------------------------------------------------


def test_recording_the_overdue_visit_done_clears_it(
    tab: CalendarTab,
    demo_workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    errors: Seam,
    signatures: list[SignatureRequest],
) -> None:
    today = dt.date.today()
    tab.form.pages.setCurrentWidget(tab.form.todayPage)
    tab.form.todayTable.selectRow(0)
    ref = tab.selected_visit()
    assert ref is not None and (ref.subject_label, ref.code) == ("DEMO-002", "W8")
    asked: list[ScheduledVisit] = []

    def ask(ref: VisitRef, visit: ScheduledVisit) -> VisitOutcome:
        asked.append(visit)
        return VisitOutcome(VisitStatus.DONE, today)

    monkeypatch.setattr(tab, "ask_outcome", ask)

    tab.form.recordButton.click()

    assert errors == []
    assert asked[0].code == "W8"
    (signature,) = signatures  # a visit done is signed "completed visit", by the coordinator signed in
    assert (signature.meaning, signature.username) == (SignatureMeaning.COMPLETED_VISIT, demo_workspace.actor)
    assert "W8" in signature.summary and format_long_date(today) in signature.summary
    assert today_rows(tab, TodaySection.OVERDUE) == []
    assert "<b>0</b> overdue" in tab.form.summaryLabel.text()
    tab.show_timeline(ref.subject_id, "W8")
    assert timeline(tab)["W8"][1] == "Done, outside window"
    assert f"recorded done on {format_date(today)}" in tab.form.statusLabel.text()


def test_an_infusion_cannot_be_recorded_done_without_its_record(
    tab: CalendarTab,
    demo_workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    errors: Seam,
    signatures: list[SignatureRequest],
) -> None:
    select_timeline_visit(tab, demo_workspace, "DEMO-005", "D1")
    monkeypatch.setattr(tab, "ask_outcome", lambda ref, visit: VisitOutcome(VisitStatus.DONE, dt.date.today()))

    tab.form.recordButton.click()

    assert "record it with its infusion record" in errors[0][1]
    assert timeline(tab)["D1"][1] == "Scheduled"


# -- infusions ---------------------------------------------------------------------------------


def test_infusion_record_marks_dose1_given(
    tab: CalendarTab,
    demo_workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    errors: Seam,
    signatures: list[SignatureRequest],
) -> None:
    tab.form.pages.setCurrentWidget(tab.form.todayPage)
    row = next(r for r in range(tab.today_model.rowCount()) if tab.today_model.record(r).visit.code == "D1")
    tab.form.todayTable.selectRow(row)
    assert tab.form.infusionButton.isEnabled()
    opened: list[InfusionDraft | None] = []
    drafts = [good_draft(product_lot=""), good_draft()]

    def open_record(ref: VisitRef, visit: ScheduledVisit, previous: InfusionDraft | None) -> InfusionDraft | None:
        opened.append(previous)
        return drafts.pop(0) if drafts else None

    monkeypatch.setattr(tab, "open_infusion_record", open_record)

    tab.form.infusionButton.click()

    assert [title for title, _ in errors] == ["Infusion record not saved"]
    assert "product lot" in errors[0][1]
    assert opened[0] is None and opened[1] is not None and opened[1].product_lot == ""  # reopened with what was typed
    assert ("DEMO-005", "D1") not in today_rows(tab, TodaySection.INFUSION)
    tab.show_timeline(subject_id(demo_workspace, "DEMO-005"), "D1")
    assert timeline(tab)["D1"][1] == "Done"
    assert "D1 given to DEMO-005" in tab.form.statusLabel.text()
    assert [s.meaning for s in signatures] == [SignatureMeaning.ADMINISTERED]  # the bad draft was refused unsigned
    assert "LOT-7" in signatures[-1].summary


def test_a_wrong_password_or_a_cancelled_signature_loses_nothing_of_the_infusion_record(
    tab: CalendarTab, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch, errors: Seam
) -> None:
    select_timeline_visit(tab, demo_workspace, "DEMO-005", "D1")
    draft = good_draft()
    opened: list[InfusionDraft | None] = []

    def open_record(ref: VisitRef, visit: ScheduledVisit, previous: InfusionDraft | None) -> InfusionDraft:
        opened.append(previous)
        return previous or draft  # OK pressed on what the form shows

    answers = iter(
        [
            SignatureInput(Credentials(DEMO_NURSE, "not the password")),
            None,  # the nurse cancels the signature
            SignatureInput(Credentials(DEMO_NURSE, DEMO_PASSWORD)),
        ]
    )
    asked: list[SignatureRequest] = []

    def ask(request: SignatureRequest) -> SignatureInput | None:
        asked.append(request)
        return next(answers)

    monkeypatch.setattr(tab, "open_infusion_record", open_record)
    monkeypatch.setattr(tab, "ask_signature", ask)

    tab.form.infusionButton.click()

    assert "password is wrong" in asked[1].problem and asked[1].username == DEMO_NURSE  # asked again at once
    assert opened == [None, draft]  # the cancelled signature reopened the record as typed
    assert errors == []
    assert timeline(tab)["D1"][1] == "Done"


def test_a_cell_dose_outside_the_tolerance_is_saved_only_with_a_reason(
    tab: CalendarTab,
    demo_workspace: Workspace,
    monkeypatch: pytest.MonkeyPatch,
    errors: Seam,
    signatures: list[SignatureRequest],
) -> None:
    select_timeline_visit(tab, demo_workspace, "DEMO-005", "D1")
    asked: list[str] = []
    monkeypatch.setattr(
        tab, "open_infusion_record", lambda ref, visit, previous: None if previous else good_draft("1.5e8")
    )
    monkeypatch.setattr(tab, "ask_deviation_reason", lambda title, text: asked.append(text) or "only 1.5e8 released")

    tab.form.infusionButton.click()

    assert errors == []
    assert "cells per dose" in asked[0]
    assert "Protocol deviation: only 1.5e8 released" in signatures[-1].summary  # the signature covers the reason
    assert timeline(tab)["D1"][1] == "Done"
    assert [tab.deviation_model.index(0, column).data() for column in range(2)] == ["D1", "Cell dose"]


def test_dose2_needs_dose1_given_and_a_passed_safety_check(
    tab: CalendarTab, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch, errors: Seam
) -> None:
    checks: list[str] = []
    opened: list[str] = []
    answers = [
        SafetyAnswers(True, False, False, True, "Dr Zhang"),
        SafetyAnswers(False, False, False, True, "Dr Zhang"),
    ]

    def ask_check(ref: VisitRef, visit: ScheduledVisit) -> SafetyAnswers:
        checks.append(f"{ref.subject_label} {visit.code}")
        return answers.pop(0)

    def open_record(ref: VisitRef, visit: ScheduledVisit, previous: InfusionDraft | None) -> None:
        opened.append(f"{ref.subject_label} {visit.code}")

    monkeypatch.setattr(tab, "ask_safety_check", ask_check)
    monkeypatch.setattr(tab, "open_infusion_record", open_record)

    select_timeline_visit(tab, demo_workspace, "DEMO-005", "D2")
    tab.form.infusionButton.click()
    assert errors[-1][1] == "D2 cannot be marked given: D1 has not been given yet."
    assert checks == [] and opened == []

    select_timeline_visit(tab, demo_workspace, "DEMO-002", "D2")
    tab.form.infusionButton.click()
    assert errors[-1][0] == "Infusion not allowed"
    assert checks == ["DEMO-002 D2"] and opened == []

    tab.form.infusionButton.click()
    assert checks == ["DEMO-002 D2", "DEMO-002 D2"] and opened == ["DEMO-002 D2"]
    assert timeline(tab)["D2"][1] == "Scheduled"  # the record was cancelled: nothing given


def test_safety_check_dialog_needs_every_answer_and_the_investigator(qtbot: QtBot, demo_workspace: Workspace) -> None:
    d2 = demo_workspace.schedules.require_schedule(subject_id(demo_workspace, "DEMO-002")).visit("D2")
    dialog = SafetyCheckDialog("DEMO-002", d2)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()

    dialog.set_answers([False, False, True, True])
    dialog.investigator_edit.setText("Dr Zhang")

    assert ok.isEnabled()
    assert "may not go ahead" in dialog.result_label.text()
    assert dialog.answers() == SafetyAnswers(False, False, True, True, "Dr Zhang")


def test_infusion_dialog_shows_the_preparation_minutes_and_builds_the_draft(
    qtbot: QtBot, demo_workspace: Workspace
) -> None:
    d1 = demo_workspace.schedules.require_schedule(subject_id(demo_workspace, "DEMO-005")).visit("D1")
    dialog = InfusionRecordDialog(
        "DEMO-005", d1, dt.date.today(), 120, "1×10⁸ ± 10%", None, administered_by="DEMO 刘护士 (Nurse Liu)"
    )
    qtbot.addWidget(dialog)
    form = dialog.form
    assert form.administeredByEdit.text() == "DEMO 刘护士 (Nurse Liu)"  # the signed-in nurse, editable
    form.preparedEdit.setTime(form.preparedEdit.time().fromString("07:00", "HH:mm"))
    form.startEdit.setTime(form.startEdit.time().fromString("08:30", "HH:mm"))
    form.endEdit.setTime(form.endEdit.time().fromString("09:15", "HH:mm"))
    assert "135 min" in form.minutesLabel.text() and "above the site's limit of 120 min" in form.minutesLabel.text()

    dialog.vitals.setData(dialog.vitals.index(0, 0), "36.8")
    form.productLotEdit.setText(" LOT-1 ")
    draft = dialog.draft()

    assert draft.product_lot == "LOT-1"
    assert (draft.infusion_end - draft.prepared_at) == dt.timedelta(minutes=135)
    assert draft.vital_signs == (VitalSigns(-15, "36.8"),)
    assert dialog.vitals.headerData(0, Qt.Orientation.Vertical) == "15 min before"
    assert dialog.vitals.index(0, 0, QModelIndex()).flags() & Qt.ItemFlag.ItemIsEditable


# -- export ------------------------------------------------------------------------------------


def test_ics_export_writes_one_event_per_visit_and_no_names(
    tab: CalendarTab, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, errors: Seam
) -> None:
    paths = iter([tmp_path / "trial.ics", tmp_path / "subject.ics"])
    suggested: list[str] = []
    monkeypatch.setattr(tab, "choose_save_path", lambda title, name: suggested.append(name) or next(paths))
    trial = demo_workspace.trials.resolve()
    details = demo_workspace.screening.details(trial.id)
    schedules = [s for d in details if (s := demo_workspace.schedules.schedule(d.id)) is not None]

    tab.export_trial_action.trigger()

    text = (tmp_path / "trial.ics").read_text(encoding="utf-8")
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert len(events) == sum(len(s.visits) for s in schedules) > 0
    for detail in details:
        assert detail.name not in text and detail.given_name not in text
    assert f"Exported {len(events)} visit(s)" in tab.form.statusLabel.text()

    select_timeline_visit(tab, demo_workspace, "DEMO-002", "W8")
    assert tab.export_subject_action.text() == "Subject DEMO-002…"
    tab.export_subject_action.trigger()

    subject_events = icalendar.Calendar.from_ical((tmp_path / "subject.ics").read_text(encoding="utf-8")).walk("VEVENT")
    assert len(subject_events) == 14
    assert all("DEMO-002" in str(event["SUMMARY"]) for event in subject_events)
    assert suggested == ["NCT05106972-visits.ics", "NCT05106972-DEMO-002.ics"]
    assert errors == []


def test_the_tab_fits_the_smallest_main_window(tab: CalendarTab) -> None:
    hint = tab.minimumSizeHint()
    assert hint.width() < 740 and hint.height() < 480


def test_a_trial_without_a_visit_plan_shows_nothing_to_schedule(
    qtbot: QtBot, demo_workspace: Workspace, tab: CalendarTab
) -> None:
    record = Path(__file__).parent.parent / "data" / "ctgov" / "NCT09900001.json"
    demo_workspace.trials.import_ctgov_file(record, demo_workspace.actor)

    tab.show_trial(demo_workspace.trials.resolve("NCT09900001"))

    assert "no visit plan" in tab.form.summaryLabel.text()
    assert tab.today_model.rowCount() == 0 and tab.awaiting_model.rowCount() == 0
    assert tab.form.calendar.markers(dt.date.today()) == {}
    assert not tab.form.exportButton.isEnabled()

    tab.show_trial(demo_workspace.trials.resolve("NCT05106972"))
    assert today_rows(tab, TodaySection.OVERDUE) == [("DEMO-002", "W8")]


def test_the_awaiting_count_shows_at_once_and_the_list_when_its_page_is_shown(window: MainWindow) -> None:
    tab = window.calendar
    pages = tab.form.pages
    assert pages.currentWidget() is tab.form.todayPage
    assert pages.tabText(pages.indexOf(tab.form.awaitingPage)) == "Awaiting dose 1 (1)"
    assert tab.form.bookButton.isEnabled()
    assert tab.awaiting_model.rowCount() == 0  # thousands in a large trial: not read for the Today page

    pages.setCurrentWidget(tab.form.awaitingPage)

    assert [s.label for s in tab.awaiting_model.records()] == ["DEMO-004"]
    assert tab.awaiting_selected() is not None


def test_each_page_reads_only_what_it_shows(window: MainWindow, demo_workspace: Workspace) -> None:
    """The timeline page does not read those awaiting dose 1 (nor propose their days), nor the safety and labs of
    the chosen subject; each is read when its page is shown."""
    tab = window.calendar
    pages = tab.form.pages

    pages.setCurrentWidget(tab.form.timelinePage)

    assert tab.form.subjectCombo.count() > 0 and tab.timeline_model.rowCount() > 0
    assert tab.awaiting_model.rowCount() == 0
    assert pages.tabText(pages.indexOf(tab.form.awaitingPage)) == "Awaiting dose 1 (1)"
    assert tab.safety_panel.subject_id() is None

    pages.setCurrentWidget(tab.safety_panel)
    assert tab.safety_panel.subject_id() == tab.timeline_subject_id()
    first_timeline = tab.timeline_model.records()
    tab.form.subjectCombo.setCurrentIndex(tab.form.subjectCombo.count() - 1)  # another subject, on its page
    assert tab.safety_panel.subject_id() == tab.timeline_subject_id()
    assert tab.timeline_model.records() == first_timeline  # the timeline: when its page is shown again
    pages.setCurrentWidget(tab.form.timelinePage)
    assert tab.timeline_model.records() != first_timeline

    pages.setCurrentWidget(tab.form.awaitingPage)
    assert [s.label for s in tab.awaiting_model.records()] == ["DEMO-004"]


def test_a_subject_enrolled_elsewhere_awaits_dose1_when_the_calendar_is_shown_again(
    window: MainWindow, demo_workspace: Workspace
) -> None:
    tab = window.calendar
    tab.form.pages.setCurrentWidget(tab.form.awaitingPage)
    assert [s.label for s in tab.awaiting_model.records()] == ["DEMO-004"]
    window.show_tab("eligibility")
    enrolled = demo_workspace.screening.enrol(
        subject_id(demo_workspace, "DEMO-S006"), dt.date.today(), demo_workspace.actor
    )

    window.show_tab("calendar")

    assert [s.label for s in tab.awaiting_model.records()] == ["DEMO-004", enrolled.subject_number]
    assert tab.form.pages.tabText(tab.form.pages.indexOf(tab.form.awaitingPage)) == "Awaiting dose 1 (2)"
