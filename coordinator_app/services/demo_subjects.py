"""Demo subjects at every stage of the trial, dated relative to today so the calendar always has a story.

Each subject goes through the real services (register, facts, consent, sign-off, enrolment, dose 1,
visits, infusion records), so the demo exercises the same rules the site's data does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.domain.subjects import Sex
from coordinator_app.services.demo_users import DEMO_INVESTIGATOR, DEMO_NURSE, DEMO_PASSWORD
from coordinator_app.services.infusions import InfusionDraft, SafetyAnswers, VitalSigns
from coordinator_app.services.screening import SubjectDraft
from coordinator_app.services.users import Credentials
from coordinator_app.services.workdays import next_working_day

if TYPE_CHECKING:
    from coordinator_app.services.workspace import Workspace

INVESTIGATOR = "DEMO 张医生 (Dr Zhang)"
NURSES = ("DEMO 刘护士 (Nurse Liu)", "DEMO 陈护士 (Nurse Chen)")
INVESTIGATOR_SIGNS = Credentials(DEMO_INVESTIGATOR, DEMO_PASSWORD)
NURSE_SIGNS = Credentials(DEMO_NURSE, DEMO_PASSWORD)


def eligible_facts(day: dt.date) -> dict[str, str]:
    """Facts of a candidate who meets every criterion of NCT05106972 on ``day`` (also used by the tests)."""
    return {
        "hbv_cirrhosis_diagnosis_date": (day - dt.timedelta(days=8 * 365)).isoformat(),
        "decompensated": "yes",
        "conservative_treatment_start": (day - dt.timedelta(days=270)).isoformat(),
        "no_relief_after_treatment": "yes",
        "liver_transplant_unsuitable": "yes",
        "bleeding_tendency": "no",
        "active_bleeding": "no",
        "hepatic_encephalopathy": "no",
        "other_cirrhosis_cause": "no",
        "liver_malignancy_or_family_history": "no",
        "hypersplenism_needing_splenectomy": "no",
        "other_tumour_history": "no",
        "pt_seconds": "14.2",
        "pt_control_seconds": "12.1",
        "last_albumin_date": "none",
        "last_upper_gi_bleed_date": (day - dt.timedelta(days=60)).isoformat(),
        "spontaneous_peritonitis": "no",
        "active_infection": "no",
        "pregnant_or_lactating": "no",
        "investigator_judges_inappropriate": "no",
    }


@dataclass(frozen=True)
class _Story:
    """One demo subject. Days are counted back from today (a negative ``dose1`` is in the future)."""

    family: str
    given: str
    sex: Sex
    born: dt.date
    screened: int
    facts: dict[str, str] = field(default_factory=dict)  # changes to the eligible profile; "" = unknown
    signed: bool = True
    enrolled: int | None = None
    screen_failed: int | None = None
    dose1: int | None = None
    done_until: str = ""  # every visit up to this code is recorded done on its planned date
    late: tuple[str, int, str] = ("", 0, "")  # a visit rebooked outside its window: code, days ago, reason
    withdrawn: int | None = None


_STORIES = (
    _Story("王", "建国", Sex.MALE, dt.date(1971, 3, 14), 200, enrolled=194, dose1=187, done_until="W25"),
    _Story("李", "秀英", Sex.FEMALE, dt.date(1968, 11, 2), 190, {"pt_seconds": "16.0"}, screen_failed=188),
    _Story("陈", "志强", Sex.MALE, dt.date(1979, 7, 30), 82, enrolled=77, dose1=70, done_until="W4"),
    _Story(
        "林", "美玲", Sex.FEMALE, dt.date(1983, 1, 9), 150, enrolled=145, dose1=140, done_until="D1+1", withdrawn=100
    ),
    _Story(
        "黄",
        "海涛",
        Sex.MALE,
        dt.date(1966, 2, 28),
        7,
        {"pt_seconds": "", "pt_control_seconds": "", "active_infection": ""},
        signed=False,
    ),
    _Story("吴", "丽华", Sex.FEMALE, dt.date(1975, 9, 21), 2),
    _Story("张", "伟", Sex.MALE, dt.date(1985, 4, 12), 9, enrolled=4),
    _Story("刘", "芳", Sex.FEMALE, dt.date(1969, 8, 30), 16, enrolled=12, dose1=-3),
    _Story(
        "赵",
        "强",
        Sex.MALE,
        dt.date(1977, 12, 5),
        45,
        enrolled=40,
        dose1=35,
        done_until="W2",
        late=("W4", 2, "DEMO: admitted to another hospital for a week; visit done on discharge"),
    ),
)


def seed_demo_subjects(workspace: Workspace, trial_id: int, actor: str) -> None:
    today = dt.date.today()
    workspace.screening.set_numbering(trial_id, "DEMO-S", "DEMO-", 3, actor)
    version = workspace.trials.protocol(trial_id).current_consent_version
    for story in _STORIES:
        _screen(workspace, trial_id, story, today, version, actor)


def _screen(workspace: Workspace, trial_id: int, story: _Story, today: dt.date, version: str, actor: str) -> None:
    screening = workspace.screening
    day = today - dt.timedelta(days=story.screened)
    draft = SubjectDraft(story.family, story.given, story.sex, story.born)
    subject = screening.register(trial_id, draft, actor, today=day)
    for name, value in {**eligible_facts(day), **story.facts}.items():
        if value:
            screening.record_fact(subject.id, name, value, f"DEMO outpatient record {day}", actor)
    consented = dt.datetime.combine(day, dt.time(9, 30)).astimezone()
    screening.record_consent(subject.id, version, consented, NURSES[0], True, actor)
    if story.signed:
        screening.sign_eligibility(subject.id, INVESTIGATOR_SIGNS)
    if story.screen_failed is not None:
        screening.screen_fail(subject.id, today - dt.timedelta(days=story.screen_failed), actor)
    if story.enrolled is None:
        return
    screening.enrol(subject.id, today - dt.timedelta(days=story.enrolled), actor)
    if story.dose1 is not None:
        _treat(workspace, subject.id, story, today, actor)
    if story.withdrawn is not None:
        screening.withdraw(subject.id, today - dt.timedelta(days=story.withdrawn), "DEMO: moved to another city", actor)


def _treat(workspace: Workspace, subject_id: int, story: _Story, today: dt.date, actor: str) -> None:
    """Book dose 1 and record what happened since, in plan order."""
    assert story.dose1 is not None
    schedules = workspace.schedules
    dose1 = today - dt.timedelta(days=story.dose1)
    if dose1 > today:  # a booking ahead: on a working day, as the site would book it
        dose1 = next_working_day(dose1 - dt.timedelta(days=1))
    schedule = schedules.book_dose1(subject_id, dose1, actor)
    if not story.done_until:
        return
    codes = [v.code for v in schedule.visits]
    for code in codes[: codes.index(story.done_until) + 1]:
        visit = schedules.require_schedule(subject_id).visit(code)
        if visit.status is not VisitStatus.SCHEDULED:
            continue
        if visit.definition.infusion:
            _infuse(workspace, subject_id, code, visit.date, actor)
        else:
            schedules.complete(subject_id, code, visit.date, NURSE_SIGNS)
    late_code, days_ago, reason = story.late
    if late_code:
        late_day = today - dt.timedelta(days=days_ago)
        schedules.reschedule(subject_id, late_code, late_day, "DEMO: subject unavailable", actor, reason)
        schedules.complete(subject_id, late_code, late_day, NURSE_SIGNS)


def _infuse(workspace: Workspace, subject_id: int, code: str, day: dt.date, actor: str) -> None:
    infusions = workspace.infusions
    if infusions.needs_safety_check(subject_id, code):
        infusions.record_safety_check(subject_id, code, SafetyAnswers(False, False, False, True, INVESTIGATOR), actor)
    start = dt.datetime.combine(day, dt.time(9, 0)).astimezone()
    infusions.record_infusion(
        subject_id,
        code,
        InfusionDraft(
            product_lot=f"DEMO-LOT-{day:%y%m%d}",
            release_certificate=f"DEMO-QA-{day:%y%m%d}",
            cells_per_dose="1.02e8",
            viability_release_percent="96",
            viability_bedside_percent="93",
            prepared_at=start - dt.timedelta(minutes=40),
            infusion_start=start,
            infusion_end=start + dt.timedelta(minutes=35),
            volume_ml="100",
            rate_ml_per_hour="180",
            transport_temperature_c="4",
            administered_by=NURSES[0],
            checked_by=NURSES[1],
            vital_signs=(
                VitalSigns(-15, "36.5", "78", "122", "78", "98"),
                VitalSigns(15, "36.7", "80", "120", "76", "98"),
                VitalSigns(30, "36.8", "82", "118", "76", "97"),
                VitalSigns(60, "36.9", "80", "120", "78", "98"),
            ),
        ),
        NURSE_SIGNS,
    )
