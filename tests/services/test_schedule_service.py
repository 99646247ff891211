"""The schedule on a real database: booking dose 1, rescheduling, the per-day limit, infusions, exports, imports."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from pathlib import Path

import icalendar
import pytest
from conftest import ACTOR, INVESTIGATOR, NURSE, signs
from sqlalchemy import event

from coordinator_app.domain.errors import ValidationError
from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.domain.subjects import Sex
from coordinator_app.services.csv_import import CsvImportError
from coordinator_app.services.demo_subjects import eligible_facts
from coordinator_app.services.infusions import InfusionDraft, SafetyAnswers, VitalSigns
from coordinator_app.services.screening import SubjectDetail, SubjectDraft
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace

TODAY = dt.date.today()


def _enrolled(workspace: Workspace, trial: TrialSummary, screened: dt.date, name: str = "建国") -> SubjectDetail:
    screening = workspace.screening
    subject = screening.register(
        trial.id, SubjectDraft("王", name, Sex.MALE, dt.date(1975, 6, 1)), ACTOR, today=screened
    )
    for fact, value in eligible_facts(screened).items():
        screening.record_fact(subject.id, fact, value, "record", ACTOR)
    consent = dt.datetime.combine(screened, dt.time(9)).astimezone()
    version = workspace.trials.protocol(trial.id).current_consent_version
    screening.record_consent(subject.id, version, consent, "Nurse Liu", True, ACTOR)
    screening.sign_eligibility(subject.id, signs(INVESTIGATOR))
    return screening.enrol(subject.id, screened, ACTOR)


def _draft(day: dt.date, cells: str = "1.0e8") -> InfusionDraft:
    start = dt.datetime.combine(day, dt.time(9)).astimezone()
    return InfusionDraft(
        product_lot="LOT-1",
        release_certificate="QA-1",
        cells_per_dose=cells,
        viability_release_percent="95",
        viability_bedside_percent="92",
        prepared_at=start - dt.timedelta(minutes=30),
        infusion_start=start,
        infusion_end=start + dt.timedelta(minutes=40),
        volume_ml="100",
        rate_ml_per_hour="150",
        transport_temperature_c="4",
        administered_by="Nurse Liu",
        checked_by="Nurse Chen",
        vital_signs=(VitalSigns(-15, "36.6", "80", "120", "80", "98"),),
    )


def test_booking_dose1_generates_the_whole_schedule(workspace: Workspace, trial: TrialSummary) -> None:
    screened = TODAY - dt.timedelta(days=100)
    subject = _enrolled(workspace, trial, screened)
    dose1 = screened + dt.timedelta(days=10)

    schedule = workspace.schedules.book_dose1(subject.id, dose1, ACTOR)

    assert [v.code for v in schedule.visits] == [
        "SCR", "D1", "D1+1", "W1", "W2", "W4", "W8", "W12", "D2", "D2+1", "W25", "W28", "W36", "W48",
    ]  # fmt: skip
    scr = schedule.visit("SCR")
    assert (scr.status, scr.actual) == (VisitStatus.DONE, screened)
    d2 = schedule.visit("D2")
    assert (d2.date, d2.window_start, d2.window_end) == (
        dose1 + dt.timedelta(days=168),
        dose1 + dt.timedelta(days=161),
        dose1 + dt.timedelta(days=175),
    )
    with pytest.raises(ValidationError, match="is booked already"):
        workspace.schedules.book_dose1(subject.id, dose1, ACTOR)


def test_dose1_long_after_screening_needs_a_deviation_reason(workspace: Workspace, trial: TrialSummary) -> None:
    screened = TODAY - dt.timedelta(days=100)
    subject = _enrolled(workspace, trial, screened)
    late = screened + dt.timedelta(days=29)  # screening is day -28 to -1

    with pytest.raises(ValidationError, match="outside its window"):
        workspace.schedules.book_dose1(subject.id, late, ACTOR)
    schedule = workspace.schedules.book_dose1(subject.id, late, ACTOR, deviation_reason="cell product delayed")

    assert [(d.visit_code, d.reason) for d in schedule.deviations] == [("SCR", "cell product delayed")]


def test_the_infusions_per_day_limit(workspace: Workspace, trial: TrialSummary) -> None:
    screened = TODAY - dt.timedelta(days=60)
    day = screened + dt.timedelta(days=7)
    subjects = [_enrolled(workspace, trial, screened, name) for name in ("一", "二", "三")]
    workspace.schedules.book_dose1(subjects[0].id, day, ACTOR)
    workspace.schedules.book_dose1(subjects[1].id, day, ACTOR)

    with pytest.raises(ValidationError, match="already has 2 infusion"):
        workspace.schedules.book_dose1(subjects[2].id, day, ACTOR)
    workspace.site_settings.set("max_infusions_per_day", "3", ACTOR)
    workspace.schedules.book_dose1(subjects[2].id, day, ACTOR)


def test_dose1_proposals_for_everyone_awaiting_skip_full_days(workspace: Workspace, trial: TrialSummary) -> None:
    """The calendar proposes a day for each subject awaiting dose 1 at once: the same day each would be proposed
    alone, a day already at the site's limit skipped (the subject's own booking not counted)."""
    screened = TODAY - dt.timedelta(days=3)
    booked = [_enrolled(workspace, trial, screened, name) for name in ("一", "二")]
    waiting = [_enrolled(workspace, trial, screened, name) for name in ("三", "四")]
    first = workspace.schedules.propose_dose1(waiting[0].id)
    for subject in booked:
        workspace.schedules.book_dose1(subject.id, first, ACTOR)  # the limit is 2 a day: the day is full now

    proposals = workspace.schedules.propose_dose1_each([s.id for s in waiting])

    assert proposals == {s.id: workspace.schedules.propose_dose1(s.id) for s in waiting}
    assert proposals[waiting[0].id] > first
    assert workspace.schedules.propose_dose1(booked[0].id) == first  # its own booking leaves room for itself
    scheduled = workspace.schedules.scheduled_subjects(trial.id)
    assert sorted((s.subject_id, s.label) for s in scheduled) == sorted((s.id, s.subject_number) for s in booked)
    awaiting = {entry.subject_id: entry for entry in workspace.schedules.awaiting_dose1(trial.id)}
    assert awaiting.keys() == {s.id for s in waiting}
    assert awaiting[waiting[1].id].initials == "WS" and awaiting[waiting[1].id].label == waiting[1].subject_number
    assert workspace.schedules.awaiting_dose1_count(trial.id) == 2  # the calendar's count, before it lists them


def test_rescheduling_an_anchor_moves_its_dependents(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _enrolled(workspace, trial, TODAY - dt.timedelta(days=30))
    dose1 = TODAY - dt.timedelta(days=20)
    before = workspace.schedules.book_dose1(subject.id, dose1, ACTOR)
    new_d2 = before.visit("D2").date + dt.timedelta(days=3)

    preview = workspace.schedules.preview(subject.id, "D2", new_d2)
    assert [m.code for m in preview.moves] == ["D2", "D2+1", "W25", "W28", "W36", "W48"]
    assert not preview.out_of_window
    with pytest.raises(ValidationError, match="reason"):
        workspace.schedules.reschedule(subject.id, "D2", new_d2, "", ACTOR)

    after = workspace.schedules.reschedule(subject.id, "D2", new_d2, "cell product delivery moved", ACTOR)

    assert after.visit("W48").date == before.visit("W48").date + dt.timedelta(days=3)
    assert after.visit("W12").date == before.visit("W12").date


def test_out_of_window_needs_a_deviation_reason_which_is_listed(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _enrolled(workspace, trial, TODAY - dt.timedelta(days=30))
    schedule = workspace.schedules.book_dose1(subject.id, TODAY - dt.timedelta(days=20), ACTOR)
    w4 = schedule.visit("W4")
    outside = w4.window_end + dt.timedelta(days=1)

    with pytest.raises(ValidationError, match="outside the window of W4"):
        workspace.schedules.reschedule(subject.id, "W4", outside, "subject travelling", ACTOR)
    assert workspace.schedules.require_schedule(subject.id).visit("W4").date == w4.date
    at_edge = workspace.schedules.reschedule(subject.id, "W4", w4.window_end, "subject travelling", ACTOR)
    assert at_edge.deviations == ()
    moved = workspace.schedules.reschedule(subject.id, "W4", outside, "travelling", ACTOR, "back from abroad late")
    assert moved.visit("W4").date == outside
    assert [(d.visit_code, d.kind, d.reason) for d in moved.deviations] == [
        ("W4", "out_of_window", "back from abroad late")
    ]


def test_infusion_record_marks_the_dose_given_and_dose2_needs_dose1_and_the_safety_check(
    workspace: Workspace, trial: TrialSummary
) -> None:
    subject = _enrolled(workspace, trial, TODAY - dt.timedelta(days=200))
    dose1 = TODAY - dt.timedelta(days=190)
    workspace.schedules.book_dose1(subject.id, dose1, ACTOR)

    allowed, why = workspace.infusions.can_open_record(subject.id, "D2")
    assert (allowed, why) == (False, "D1 has not been given yet")
    doses = [(subject.id, "D1"), (subject.id, "D2")]
    assert workspace.infusions.readiness(trial.id, doses) == {
        (subject.id, "D1"): ("", False),  # dose 1 needs no safety check
        (subject.id, "D2"): ("D1", True),
    }
    result = workspace.infusions.record_infusion(subject.id, "D1", _draft(dose1), signs(NURSE))
    assert result.schedule.visit("D1").status is VisitStatus.DONE
    assert result.preparation_minutes == 70

    assert workspace.infusions.can_open_record(subject.id, "D2") == (
        False,
        "the pre-infusion safety check has not been passed",
    )
    failed = SafetyAnswers(True, False, False, True, "Dr Zhang")
    assert workspace.infusions.record_safety_check(subject.id, "D2", failed, ACTOR) is False
    assert not workspace.infusions.can_open_record(subject.id, "D2")[0]
    cleared = dataclasses.replace(failed, active_infection=False)
    assert workspace.infusions.record_safety_check(subject.id, "D2", cleared, ACTOR) is True
    assert workspace.infusions.can_open_record(subject.id, "D2") == (True, "")
    assert workspace.infusions.readiness(trial.id, [(subject.id, "D2")]) == {(subject.id, "D2"): ("", False)}


def test_a_cell_count_outside_tolerance_is_a_recorded_deviation(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _enrolled(workspace, trial, TODAY - dt.timedelta(days=40))
    dose1 = TODAY - dt.timedelta(days=30)
    workspace.schedules.book_dose1(subject.id, dose1, ACTOR)

    with pytest.raises(ValidationError, match=r"cells per dose '1\.2e8': .* give a deviation reason"):
        workspace.infusions.record_infusion(subject.id, "D1", _draft(dose1, "1.2e8"), signs(NURSE))
    result = workspace.infusions.record_infusion(
        subject.id, "D1", _draft(dose1, "1.1e8"), signs(NURSE)
    )  # exactly +10%: within tolerance
    assert result.schedule.deviations == ()


def test_implausible_infusion_values_are_refused(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _enrolled(workspace, trial, TODAY - dt.timedelta(days=40))
    dose1 = TODAY - dt.timedelta(days=30)
    workspace.schedules.book_dose1(subject.id, dose1, ACTOR)
    draft = _draft(dose1)
    for bad, message in (
        (dataclasses.replace(draft, viability_bedside_percent="930"), "viability at the bedside"),
        (dataclasses.replace(draft, checked_by="Nurse Liu"), "must be a second person"),
        (dataclasses.replace(draft, infusion_end=draft.prepared_at), "must follow each other"),
        (dataclasses.replace(draft, vital_signs=()), "pre-infusion vital signs"),
    ):
        with pytest.raises(ValidationError, match=message):
            workspace.infusions.record_infusion(subject.id, "D1", bad, signs(NURSE))
    assert workspace.schedules.require_schedule(subject.id).visit("D1").status is VisitStatus.SCHEDULED


def test_today_panel_on_the_demo(demo_workspace: Workspace) -> None:
    trial = demo_workspace.trials.resolve()
    panel = demo_workspace.schedules.today(trial.id, TODAY)
    assert [(v.subject_label, v.code) for v in panel.overdue] == [("DEMO-002", "W8")]
    assert [(v.subject_label, v.code) for v in panel.infusions_next_14_days] == [("DEMO-005", "D1")]


def test_day_counts_count_the_visits_the_calendar_lists(demo_workspace: Workspace) -> None:
    """A month's page is marked from counts by kind; they must add up to the visits the day lists show."""
    trial = demo_workspace.trials.resolve("NCT05106972")
    first, last = TODAY - dt.timedelta(days=200), TODAY + dt.timedelta(days=200)
    visits = demo_workspace.schedules.visits_between(trial.id, first, last)
    listed = Counter((v.date, v.status, v.infusion, v.overdue(TODAY)) for v in visits)

    counts = demo_workspace.schedules.day_counts(trial.id, first, last, TODAY)

    assert {(c.date, c.status, c.infusion, c.overdue): c.visits for c in counts} == listed
    assert any(c.overdue for c in counts) and any(c.infusion for c in counts)


def test_ics_export_parses_back_with_stable_uids_and_growing_sequence(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    trial = demo_workspace.trials.resolve()
    first = tmp_path / "first.ics"
    demo_workspace.calendar_export.write(trial.id, first)
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(first.read_bytes()).walk("VEVENT")}
    assert len(events) == 5 * 14  # five subjects with a schedule, fourteen visits each
    text = first.read_text(encoding="utf-8")
    assert "王" not in text and "建国" not in text  # numbers only, never names
    assert "TZID=Asia/Shanghai" in text

    subject = demo_workspace.screening.find(trial.id, "DEMO-002")
    schedule = demo_workspace.schedules.require_schedule(subject.id)
    d2 = schedule.visit("D2")
    demo_workspace.schedules.reschedule(
        subject.id, "D2", d2.date + dt.timedelta(days=2), "product delay", demo_workspace.actor
    )
    second = tmp_path / "second.ics"
    demo_workspace.calendar_export.write(trial.id, second, subject_id=subject.id)
    updated = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(second.read_bytes()).walk("VEVENT")}

    uid = "NCT05106972-DEMO-S003-D2@coordinator-app"
    assert set(updated) <= set(events)
    assert int(updated[uid]["SEQUENCE"]) == int(events[uid]["SEQUENCE"]) + 1
    assert updated[uid]["DTSTART"].dt.date() == d2.date + dt.timedelta(days=2)
    assert str(updated[uid]["DTSTART"].dt.tzinfo) in {"Asia/Shanghai", "CST"}
    w1 = "NCT05106972-DEMO-S003-W1@coordinator-app"
    assert int(updated[w1]["SEQUENCE"]) == int(events[w1]["SEQUENCE"])  # unchanged visits keep theirs


def _screened_on_paper(workspace: Workspace, trial: TrialSummary) -> SubjectDetail:
    """A subject screened in 2022, eligible, consent recorded on paper (copy given not recorded)."""
    screened = dt.date(2022, 1, 3)
    screening = workspace.screening
    subject = screening.register(
        trial.id, SubjectDraft("李", "四", Sex.MALE, dt.date(1970, 1, 1)), ACTOR, today=screened
    )
    for fact, value in eligible_facts(screened).items():
        screening.record_fact(subject.id, fact, value, "paper CRF", ACTOR)
    version = workspace.trials.protocol(trial.id).current_consent_version
    return screening.record_consent(
        subject.id, version, dt.datetime(2022, 1, 3, 9, tzinfo=dt.UTC), "Nurse", None, ACTOR
    )


VISITS_HEADER = "screening_no,subject_no,enrolment_date,visit_code,actual_date,status\n"


def test_visit_history_import_enrols_and_recomputes_from_actual_anchors(
    workspace: Workspace, trial: TrialSummary
) -> None:
    subject = _screened_on_paper(workspace, trial)
    screening = workspace.screening
    text = VISITS_HEADER + "".join(
        f"{subject.screening_number},HK-001,2022-01-05,{code},{day},{status}\n"
        for code, day, status in (
            ("D1", "2022-01-10", "done"),
            ("W1", "2022-01-18", "done"),
            ("W2", "", "missed"),
            ("D2", "2022-06-30", "done"),
        )
    )

    count = workspace.visits_import.import_text(text, trial.id, ACTOR, today=TODAY)

    assert count == 4
    detail = screening.detail(subject.id)
    assert (detail.status.value, detail.subject_number, detail.enrolled_on) == (
        "enrolled",
        "HK-001",
        dt.date(2022, 1, 5),
    )
    schedule = workspace.schedules.require_schedule(subject.id)
    assert schedule.visit("W2").status is VisitStatus.MISSED
    assert schedule.visit("D2+1").date == dt.date(2022, 7, 1)  # from the actual dose 2
    assert schedule.visit("W48").date == dt.date(2022, 6, 30) + dt.timedelta(days=168)


def test_visit_history_import_reports_every_error_and_writes_nothing(workspace: Workspace, trial: TrialSummary) -> None:
    subject = workspace.screening.register(trial.id, SubjectDraft("李", "四", Sex.MALE, dt.date(1970, 1, 1)), ACTOR)
    number = subject.screening_number
    text = VISITS_HEADER + (
        f"{number},HK-001,2022-01-05,D1,2022-01-10,done\n"
        f"{number},HK-001,2022-01-05,W99,2022-01-18,done\n"
        f"{number},HK-001,2022-01-05,W1,2022-01-01,done\n"
        f"{number},HK-001,2022-01-05,D1,2022-01-10,done\n"
        "NOPE-1,HK-002,2022-01-05,D1,2022-01-10,done\n"
    )

    with pytest.raises(CsvImportError) as raised:
        workspace.visits_import.import_text(text, trial.id, ACTOR, today=TODAY)

    found = [(p.line, p.column) for p in raised.value.problems]
    assert (2, "screening_no") in found  # not eligible: nothing entered for this subject
    messages = "\n".join(str(p) for p in raised.value.problems)
    assert "line 6, column screening_no: 'NOPE-1': is not a screened subject" in messages
    assert workspace.screening.detail(subject.id).status.value == "screening"
    assert workspace.schedules.schedule(subject.id) is None


def test_visit_history_errors_by_line_for_an_eligible_subject(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _screened_on_paper(workspace, trial)
    screening = workspace.screening
    number = subject.screening_number
    text = VISITS_HEADER + (
        f"{number},HK-001,2022-01-05,D2,2022-01-08,done\n"  # dose 2 before dose 1
        f"{number},HK-001,2022-01-05,D1,2022-01-10,done\n"
        f"{number},HK-001,2022-01-05,W99,2022-01-18,done\n"  # unknown visit code
        f"{number},HK-001,2022-01-05,W1,2022-01-01,done\n"  # before enrolment
        f"{number},HK-001,2022-01-05,D1,2022-01-10,done\n"  # duplicate
        f"{number},HK-001,2022-01-05,W2,2022-01-20,maybe\n"  # bad status
    )

    with pytest.raises(CsvImportError) as raised:
        workspace.visits_import.import_text(text, trial.id, ACTOR, today=TODAY)

    messages = [str(p) for p in raised.value.problems]
    assert messages[0].startswith("line 2, column visit_code: 'D2': ")
    assert "D1" in messages[0]
    assert messages[1].startswith("line 4, column visit_code: 'W99': is not a visit of the plan")
    assert messages[2] == "line 5, column actual_date: '2022-01-01': is before the enrolment date 2022-01-05"
    assert messages[3] == "line 6, column visit_code: 'D1': repeats line 3"
    assert messages[4] == "line 7, column status: 'maybe': must be done, missed or cancelled"
    assert len(messages) == 5
    assert screening.detail(subject.id).status.value == "screening"


@pytest.mark.sqlite_only  # the plan asked of SQLite, the site's desktop database
def test_a_month_and_the_today_panel_read_the_calendar_index_alone(workspace: Workspace, trial: TrialSummary) -> None:
    """The queries behind a month's counts and the Today panel's upcoming visits are answered from the calendar's
    covering index (EXPLAIN QUERY PLAN), not by looking up each visit's row: what keeps a large trial's month fast."""
    subject = _enrolled(workspace, trial, TODAY - dt.timedelta(days=10))
    workspace.schedules.book_dose1(subject.id, TODAY, ACTOR)
    statements: list[tuple[str, object]] = []

    def remember(_conn: object, _cursor: object, statement: str, parameters: object, *_: object) -> None:
        if "FROM visits" in statement:
            statements.append((statement, parameters))

    engine = workspace.database.engine
    event.listen(engine, "before_cursor_execute", remember)
    try:
        month = workspace.schedules.day_counts(
            trial.id, TODAY - dt.timedelta(days=3), TODAY + dt.timedelta(days=38), TODAY
        )
        panel = workspace.schedules.today(trial.id, TODAY)
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    assert month and panel.infusions_next_14_days  # the queries found the booked visits
    counted, upcoming = statements[0], statements[1]
    with engine.connect() as connection:
        for statement, parameters in (counted, upcoming):
            plan = " | ".join(
                row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            )
            assert "COVERING INDEX ix_visits_calendar" in plan, plan
