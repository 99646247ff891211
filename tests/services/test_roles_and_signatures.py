"""Roles are enforced by the services whatever face calls them, and the four signed actions are signed by
re-entering the password, with their meaning stored; a later change shows the signature no longer covers it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import ACTOR, ADMIN, INVESTIGATOR, MONITOR, NURSE, signs
from sqlalchemy import select

from coordinator_app.domain.access import SignatureMeaning
from coordinator_app.domain.adverse_events import quick_entry
from coordinator_app.domain.errors import AuthenticationError, PermissionDeniedError, ValidationError
from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.domain.subjects import Sex
from coordinator_app.services.demo_subjects import eligible_facts
from coordinator_app.services.demo_users import DEMO_MONITOR, DEMO_NURSE, DEMO_PASSWORD
from coordinator_app.services.screening import SubjectDetail, SubjectDraft
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import Workspace
from coordinator_app.storage.models import AuditEntry, Signature

SCREENED = dt.date.today() - dt.timedelta(days=30)


def _eligible(workspace: Workspace, trial: TrialSummary) -> SubjectDetail:
    screening = workspace.screening
    subject = screening.register(
        trial.id, SubjectDraft("王", "建国", Sex.MALE, dt.date(1971, 3, 14)), ACTOR, today=SCREENED
    )
    for name, value in eligible_facts(SCREENED).items():
        screening.record_fact(subject.id, name, value, "chart", ACTOR)
    version = workspace.trials.protocol(trial.id).current_consent_version
    consented = dt.datetime.combine(SCREENED, dt.time(9)).astimezone()
    return screening.record_consent(subject.id, version, consented, "Nurse Liu", True, ACTOR)


def _signatures(workspace: Workspace) -> list[Signature]:
    with workspace.database.read() as session:
        return list(session.scalars(select(Signature).order_by(Signature.id)))


def test_the_monitor_reads_everything_and_changes_nothing(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _eligible(workspace, trial)
    draft = SubjectDraft("李", "四", Sex.FEMALE, dt.date(1970, 1, 1))
    contact_id = workspace.contacts.list_contacts(trial.id)[0].id
    refusals = [
        lambda: workspace.screening.register(trial.id, draft, MONITOR),
        lambda: workspace.screening.record_fact(subject.id, "decompensated", "no", "", MONITOR, "x"),
        lambda: workspace.site_settings.set("visit_minutes", "30", MONITOR),
        lambda: workspace.trials.load_protocol(workspace.trials.protocol(trial.id), "x", MONITOR),
        lambda: workspace.contacts.retire(contact_id, trial.id, SCREENED, MONITOR),
    ]
    for attempt in refusals:
        with pytest.raises(PermissionDeniedError, match=r"Test Monitor \(monitor\) may not"):
            attempt()
    assert workspace.screening.detail(subject.id).facts["decompensated"].value == "yes"
    assert len(workspace.screening.details(trial.id)) == 1


def test_a_research_nurse_enters_data_but_cannot_import_or_change_site_rules(
    workspace: Workspace, trial: TrialSummary
) -> None:
    draft = SubjectDraft("李", "四", Sex.FEMALE, dt.date(1970, 1, 1))
    assert workspace.screening.register(trial.id, draft, NURSE).screening_number
    with pytest.raises(PermissionDeniedError, match="may not change protocols, numbering or site settings"):
        workspace.site_settings.set("visit_minutes", "30", NURSE)
    with pytest.raises(PermissionDeniedError, match="may not change contacts or the delegation log"):
        workspace.contacts.retire(workspace.contacts.list_contacts(trial.id)[0].id, trial.id, SCREENED, NURSE)


def test_the_administrator_manages_accounts_but_enters_no_clinical_data(
    workspace: Workspace, trial: TrialSummary
) -> None:
    with pytest.raises(PermissionDeniedError, match="administrator"):
        workspace.screening.register(trial.id, SubjectDraft("李", "四", Sex.FEMALE, dt.date(1970, 1, 1)), ADMIN)


def test_only_an_investigator_signs_the_eligibility_verdict_with_their_password(
    workspace: Workspace, trial: TrialSummary
) -> None:
    subject = _eligible(workspace, trial)
    with pytest.raises(PermissionDeniedError, match="investigators only"):
        workspace.screening.sign_eligibility(subject.id, signs(ACTOR))
    with pytest.raises(AuthenticationError):
        workspace.screening.sign_eligibility(subject.id, Credentials(INVESTIGATOR, "not the password"))
    assert workspace.screening.detail(subject.id).signoff is None
    assert _signatures(workspace) == []

    signed = workspace.screening.sign_eligibility(subject.id, signs(INVESTIGATOR))
    assert signed.signoff is not None
    assert signed.signoff.signed_by == "Test Investigator (test-investigator)"
    [signature] = _signatures(workspace)
    assert (signature.meaning, signature.username, signature.full_name, signature.role) == (
        "approved eligibility verdict",
        INVESTIGATOR,
        "Test Investigator",
        "investigator",
    )
    assert (signature.table_name, signature.subject_id) == ("eligibility_signoffs", subject.id)
    with workspace.database.read() as session:
        actors = set(session.scalars(select(AuditEntry.actor).where(AuditEntry.table_name == "signatures")))
    assert actors == {INVESTIGATOR}


def _enrolled_with_dose1(workspace: Workspace, trial: TrialSummary) -> SubjectDetail:
    subject = _eligible(workspace, trial)
    workspace.screening.sign_eligibility(subject.id, signs(INVESTIGATOR))
    subject = workspace.screening.enrol(subject.id, SCREENED + dt.timedelta(days=2), ACTOR)
    workspace.schedules.book_dose1(subject.id, SCREENED + dt.timedelta(days=7), ACTOR)
    return subject


def test_a_visit_is_completed_with_a_signature_and_other_outcomes_without(demo_workspace: Workspace) -> None:
    workspace = demo_workspace
    subject = workspace.screening.find(workspace.trials.resolve().id, "DEMO-S003")
    schedule = workspace.schedules.require_schedule(subject.id)
    visit, later = [v for v in schedule.visits if v.status is VisitStatus.SCHEDULED][:2]
    with pytest.raises(ValidationError, match="signed"):
        workspace.schedules.record(subject.id, visit.code, VisitStatus.DONE, visit.date, workspace.actor)
    with pytest.raises(PermissionDeniedError, match="may not book, reschedule or record visits"):
        workspace.schedules.complete(subject.id, visit.code, visit.date, Credentials(DEMO_MONITOR, DEMO_PASSWORD))
    done = workspace.schedules.complete(subject.id, visit.code, visit.date, Credentials(DEMO_NURSE, DEMO_PASSWORD))
    assert done.visit(visit.code).actual == visit.date
    signature = _signatures(workspace)[-1]
    assert (signature.meaning, signature.username, signature.table_name) == ("completed visit", DEMO_NURSE, "visits")
    missed = workspace.schedules.record(subject.id, later.code, VisitStatus.MISSED, None, workspace.actor, "no show")
    assert missed.visit(later.code).status is VisitStatus.MISSED
    assert _signatures(workspace)[-1].id == signature.id  # a missed visit is not signed


def test_an_ae_assessment_is_signed_by_an_investigator_and_a_correction_needs_it_again(
    workspace: Workspace, trial: TrialSummary
) -> None:
    subject = _enrolled_with_dose1(workspace, trial)
    onset = dt.date.today() - dt.timedelta(days=1)
    aware = dt.datetime.combine(onset, dt.time(10)).astimezone()
    event = workspace.adverse_events.record(subject.id, quick_entry("fever").draft(onset, aware, None), NURSE)
    assert event.assessment is None and not event.assessment_current
    with pytest.raises(PermissionDeniedError, match="investigators only"):
        workspace.adverse_events.sign_assessment(event.id, signs(NURSE))

    assessed = workspace.adverse_events.sign_assessment(event.id, signs(INVESTIGATOR))
    assert assessed.assessment is not None and assessed.assessment_current
    assert assessed.assessment.meaning is SignatureMeaning.ASSESSED_ADVERSE_EVENT
    assert assessed.assessment.signer == "Test Investigator (test-investigator)"

    corrected = workspace.adverse_events.update(
        event.id, dataclasses.replace(assessed.draft, grade=2), NURSE, "grade corrected from the chart"
    )
    assert corrected.assessment is not None and not corrected.assessment_current
    again = workspace.adverse_events.sign_assessment(event.id, signs(INVESTIGATOR))
    assert again.assessment_current
    assert len([s for s in _signatures(workspace) if s.table_name == "adverse_events"]) == 2


def test_a_wrong_password_for_a_signature_counts_towards_the_lock_out(
    workspace: Workspace, trial: TrialSummary
) -> None:
    subject = _eligible(workspace, trial)
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            workspace.screening.sign_eligibility(subject.id, Credentials(INVESTIGATOR, "guessing 12345"))
    with pytest.raises(AuthenticationError, match="locked"):
        workspace.screening.sign_eligibility(subject.id, signs(INVESTIGATOR))
