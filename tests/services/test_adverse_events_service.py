"""The AE log on a real database: recording, correcting with a reason, SAE reports, the pending list, the summary."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from conftest import ACTOR, INVESTIGATOR, signs
from sqlalchemy import select

from coordinator_app.domain.access import Permission
from coordinator_app.domain.adverse_events import (
    ActionTaken,
    AeDraft,
    DosePeriod,
    Grade,
    Outcome,
    Relationship,
    ReportKind,
    Seriousness,
    quick_entry,
)
from coordinator_app.domain.errors import NotFoundError, ReasonRequiredError, ValidationError
from coordinator_app.domain.subjects import Sex
from coordinator_app.services.adverse_events import AdverseEventService
from coordinator_app.services.demo_subjects import eligible_facts
from coordinator_app.services.screening import SubjectDetail, SubjectDraft
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace
from coordinator_app.storage import models

TODAY = dt.date.today()
SCREENED = TODAY - dt.timedelta(days=300)
DOSE1 = SCREENED + dt.timedelta(days=10)
DOSE2 = DOSE1 + dt.timedelta(days=168)
HOUR = dt.timedelta(hours=1)
MINUTE = dt.timedelta(minutes=1)


def _service(workspace: Workspace) -> AdverseEventService:
    return AdverseEventService(
        workspace.database, workspace.screening, workspace.schedules, workspace.site_settings, workspace.signatures
    )


def _enrolled(workspace: Workspace, trial: TrialSummary, name: str = "建国") -> SubjectDetail:
    screening = workspace.screening
    subject = screening.register(
        trial.id, SubjectDraft("王", name, Sex.MALE, dt.date(1975, 6, 1)), ACTOR, today=SCREENED
    )
    for fact, value in eligible_facts(SCREENED).items():
        screening.record_fact(subject.id, fact, value, "record", ACTOR)
    consent = dt.datetime.combine(SCREENED, dt.time(9)).astimezone()
    version = workspace.trials.protocol(trial.id).current_consent_version
    screening.record_consent(subject.id, version, consent, "Nurse Liu", True, ACTOR)
    screening.sign_eligibility(subject.id, signs(INVESTIGATOR))
    return screening.enrol(subject.id, SCREENED, ACTOR)


def _dosed(workspace: Workspace, trial: TrialSummary, doses: int = 2, name: str = "建国") -> SubjectDetail:
    subject = _enrolled(workspace, trial, name)
    workspace.schedules.book_dose1(subject.id, DOSE1, ACTOR)
    for code, day in (("D1", DOSE1), ("D2", DOSE2))[:doses]:  # the infusions, in short
        with workspace.database.write(ACTOR, permission=Permission.ADMINISTER) as session:
            workspace.schedules.mark_infusion_done(session, subject.id, code, day)
    return subject


def _aware(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour)).astimezone()


def _draft(onset: dt.date, **changes: object) -> AeDraft:
    draft = AeDraft(
        term="Ascites",
        onset_date=onset,
        grade=2,
        serious=False,
        relationship=Relationship.UNLIKELY,
        expected=False,
        action_taken=ActionTaken.NONE,
        outcome=Outcome.RECOVERING,
        aware_at=_aware(onset),
    )
    return dataclasses.replace(draft, **changes)  # type: ignore[arg-type]


def _sae(onset: dt.date, **changes: object) -> AeDraft:
    serious = {
        "term": "Variceal bleeding",
        "grade": 3,
        "serious": True,
        "seriousness_criteria": frozenset({Seriousness.HOSPITALISATION}),
    }
    serious.update(changes)
    return _draft(onset, **serious)


def _audit(workspace: Workspace, ae_id: int) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    with workspace.database.read() as session:
        rows = session.scalars(
            select(models.AuditEntry)
            .where(models.AuditEntry.table_name == "adverse_events", models.AuditEntry.record_id == str(ae_id))
            .order_by(models.AuditEntry.id)
        )
        return [(r.action, r.field, r.old_value, r.new_value, r.reason) for r in rows]


# -- recording and correcting ---------------------------------------------------------------------------------


def test_record_and_read_back(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _dosed(workspace, trial)
    service = _service(workspace)
    onset = DOSE1
    draft = quick_entry("fever").draft(onset, _aware(onset, 15), "D1")

    saved = service.record(subject.id, draft, ACTOR)

    assert saved.subject_id == subject.id
    assert saved.draft == dataclasses.replace(draft, aware_at=draft.aware_at.astimezone(dt.UTC))
    assert saved.reports == ()
    assert [ae.id for ae in service.list_for_subject(subject.id)] == [saved.id]
    assert ("insert", "term", None, "Fever", None) in _audit(workspace, saved.id)


def test_list_is_by_onset(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _dosed(workspace, trial)
    service = _service(workspace)
    later = service.record(subject.id, _draft(DOSE1 + dt.timedelta(days=5), term="Later"), ACTOR)
    earlier = service.record(subject.id, _draft(DOSE1, term="Earlier"), ACTOR)
    assert [ae.draft.term for ae in service.list_for_subject(subject.id)] == ["Earlier", "Later"]
    assert [ae.id for ae in service.list_for_subject(subject.id)] == [earlier.id, later.id]


def test_record_validates_before_writing(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _dosed(workspace, trial)
    service = _service(workspace)
    with pytest.raises(ValidationError, match="term"):
        service.record(subject.id, _draft(DOSE1, term=""), ACTOR)
    with pytest.raises(ValidationError, match="visit 'X9': is not a visit of the plan"):
        service.record(subject.id, _draft(DOSE1, visit_code="X9"), ACTOR)
    with pytest.raises(NotFoundError):
        service.record(9999, _draft(DOSE1), ACTOR)
    assert service.list_for_subject(subject.id) == []


def test_update_needs_a_reason_which_is_audited(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _dosed(workspace, trial)
    service = _service(workspace)
    saved = service.record(subject.id, _draft(DOSE1), ACTOR)
    corrected = _draft(DOSE1, grade=3, resolution_date=DOSE1 + dt.timedelta(days=4), outcome=Outcome.RECOVERED)

    with pytest.raises(ReasonRequiredError, match="changing a saved adverse event needs a reason"):
        service.update(saved.id, corrected, ACTOR, "  ")
    assert service.get(saved.id).draft.grade == 2

    updated = service.update(saved.id, corrected, ACTOR, "grade corrected from source notes")

    assert (updated.draft.grade, updated.draft.outcome, updated.draft.resolution_date) == (
        3,
        Outcome.RECOVERED,
        DOSE1 + dt.timedelta(days=4),
    )
    audit = _audit(workspace, saved.id)
    assert ("update", "grade", "2", "3", "grade corrected from source notes") in audit
    with pytest.raises(NotFoundError):
        service.update(9999, corrected, ACTOR, "reason")


# -- SAE reporting -------------------------------------------------------------------------------------------


def test_sae_reporting_rules(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _dosed(workspace, trial)
    service = _service(workspace)
    onset = TODAY - dt.timedelta(days=2)
    aware = _aware(onset)
    sae = service.record(subject.id, _sae(onset, aware_at=aware), ACTOR)
    plain = service.record(subject.id, _draft(onset), ACTOR)

    with pytest.raises(ValidationError, match="is not serious: only SAEs are reported"):
        service.report_sae(plain.id, ReportKind.INITIAL, aware + HOUR, "Sponsor PV", "email", "", ACTOR)
    with pytest.raises(ValidationError, match="a follow-up needs the initial report first"):
        service.report_sae(sae.id, ReportKind.FOLLOW_UP, aware + HOUR, "Sponsor PV", "email", "", ACTOR)
    with pytest.raises(ValidationError, match="reported to '  ': is required"):
        service.report_sae(sae.id, ReportKind.INITIAL, aware + HOUR, "  ", "email", "", ACTOR)
    with pytest.raises(ValidationError, match="is before the site became aware of it"):
        service.report_sae(sae.id, ReportKind.INITIAL, aware - MINUTE, "Sponsor PV", "email", "", ACTOR)
    now = aware + 5 * HOUR
    with pytest.raises(ValidationError, match="is in the future"):
        service.report_sae(sae.id, ReportKind.INITIAL, now + MINUTE, "Sponsor PV", "email", "", ACTOR, now=now)
    with pytest.raises(ValidationError, match="needs a time zone"):
        service.report_sae(sae.id, ReportKind.INITIAL, dt.datetime(2026, 1, 1), "Sponsor PV", "email", "", ACTOR)
    assert service.get(sae.id).reports == ()

    reported = service.report_sae(sae.id, ReportKind.INITIAL, aware, " Sponsor PV ", "email", "form v2", ACTOR, now=now)
    assert [(r.kind, r.reported_at, r.reported_to, r.method, r.notes) for r in reported.reports] == [
        (ReportKind.INITIAL, aware, "Sponsor PV", "email", "form v2")
    ]
    with pytest.raises(ValidationError, match="the initial report is recorded already"):
        service.report_sae(sae.id, ReportKind.INITIAL, aware + HOUR, "Sponsor PV", "email", "", ACTOR, now=now)
    followed = service.report_sae(
        sae.id, ReportKind.FOLLOW_UP, aware + 2 * HOUR, "Sponsor PV", "fax", "", ACTOR, now=now
    )
    assert [r.kind for r in followed.reports] == [ReportKind.INITIAL, ReportKind.FOLLOW_UP]

    clock = service.clock(sae.id, now=now)
    assert clock is not None
    assert (clock.reported, clock.overdue, clock.time_left) == (True, False, dt.timedelta(hours=24))
    assert service.clock(plain.id) is None


def test_pending_saes_with_time_left_until_the_initial_report(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _dosed(workspace, trial)
    other = _dosed(workspace, trial, doses=1, name="国庆")
    service = _service(workspace)
    onset = TODAY - dt.timedelta(days=3)
    aware = _aware(onset)
    first = service.record(subject.id, _sae(onset, aware_at=aware), ACTOR)
    second = service.record(other.id, _sae(onset, term="Pneumonia", aware_at=aware - HOUR), ACTOR)
    service.record(subject.id, _draft(onset), ACTOR)  # not serious: never pending
    deadline = aware + dt.timedelta(hours=24)

    pending = service.pending_saes(trial.id, deadline - MINUTE)

    assert [(p.ae_id, p.subject_number, p.term, p.deadline, p.overdue) for p in pending] == [
        (second.id, other.subject_number, "Pneumonia", deadline - HOUR, True),
        (first.id, subject.subject_number, "Variceal bleeding", deadline, False),
    ]
    assert [p.time_left for p in pending] == [-(HOUR - MINUTE), MINUTE]
    assert subject.subject_number is not None and subject.subject_number.startswith("SUB-")

    service.report_sae(first.id, ReportKind.INITIAL, deadline, "Sponsor PV", "phone", "", ACTOR)

    assert [p.ae_id for p in service.pending_saes(trial.id, deadline)] == [second.id]


def test_pending_deadline_follows_the_site_rule(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _dosed(workspace, trial)
    service = _service(workspace)
    onset = TODAY - dt.timedelta(days=3)
    aware = _aware(onset)
    service.record(subject.id, _sae(onset, aware_at=aware), ACTOR)
    assert workspace.site_settings.rules().sae_report_hours == 24

    workspace.site_settings.set("sae_report_hours", "12", ACTOR)

    (pending,) = service.pending_saes(trial.id, aware)
    assert (pending.deadline, pending.time_left) == (aware + 12 * HOUR, 12 * HOUR)


def test_a_downgraded_event_leaves_the_pending_list(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _dosed(workspace, trial)
    service = _service(workspace)
    onset = TODAY - dt.timedelta(days=1)
    sae = service.record(subject.id, _sae(onset), ACTOR)
    assert len(service.pending_saes(trial.id, _aware(onset))) == 1
    service.update(sae.id, _draft(onset, grade=3), ACTOR, "not hospitalised after all")
    assert service.pending_saes(trial.id, _aware(onset)) == []


# -- the summary ---------------------------------------------------------------------------------------------


def test_summary_and_its_csv(workspace: Workspace, trial: TrialSummary, tmp_path: Path) -> None:
    subject = _dosed(workspace, trial)
    other = _dosed(workspace, trial, doses=1, name="国庆")
    service = _service(workspace)
    service.record(subject.id, _draft(DOSE1 - dt.timedelta(days=1)), ACTOR)  # before dose 1
    service.record(subject.id, quick_entry("infusion_reaction").draft(DOSE1, _aware(DOSE1)), ACTOR)  # after dose 1
    service.record(subject.id, quick_entry("fever").draft(DOSE2, _aware(DOSE2)), ACTOR)  # after dose 2
    service.record(other.id, _sae(DOSE2 + dt.timedelta(days=1), relationship=Relationship.DEFINITE), ACTOR)

    summary = service.summary(trial.id)

    assert (summary.total, summary.serious, summary.related, summary.subjects) == (4, 1, 3, 2)
    assert summary.by_grade == {Grade(1): 2, Grade(2): 1, Grade(3): 1, Grade(4): 0, Grade(5): 0}
    assert summary.by_relationship == {
        Relationship.UNRELATED: 0,
        Relationship.UNLIKELY: 1,
        Relationship.POSSIBLE: 1,
        Relationship.PROBABLE: 1,
        Relationship.DEFINITE: 1,
    }
    # the other subject had only dose 1, so an AE after the D2 date is still "after dose 1"
    assert summary.by_period == {
        DosePeriod.BEFORE_DOSE_1: 1,
        DosePeriod.AFTER_DOSE_1: 2,
        DosePeriod.AFTER_DOSE_2: 1,
    }

    path = tmp_path / "ae-summary.csv"
    assert service.write_summary_csv(trial.id, path) == 17
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[:5] == [
        ["section", "category", "count"],
        ["all", "adverse events", "4"],
        ["all", "serious adverse events", "1"],
        ["all", "related (possible, probable, definite)", "3"],
        ["all", "subjects with an adverse event", "2"],
    ]
    assert rows[5:10] == [
        ["grade", "1 – mild", "2"],
        ["grade", "2 – moderate", "1"],
        ["grade", "3 – severe or medically significant", "1"],
        ["grade", "4 – life-threatening", "0"],
        ["grade", "5 – death related to AE", "0"],
    ]
    assert rows[15:] == [
        ["dose period", "before dose 1", "1"],
        ["dose period", "after dose 1", "2"],
        ["dose period", "after dose 2", "1"],
    ]


def test_summary_of_a_trial_without_events(workspace: Workspace, trial: TrialSummary) -> None:
    summary = _service(workspace).summary(trial.id)
    assert (summary.total, summary.subjects, sum(summary.by_period.values())) == (0, 0, 0)
