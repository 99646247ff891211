"""Screening on a real database: registration, facts, consent, verdict, sign-off and the status lifecycle."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import ACTOR, INVESTIGATOR, signs
from sqlalchemy import text

from coordinator_app.domain.eligibility import CriterionState, Verdict
from coordinator_app.domain.errors import NotFoundError, ReasonRequiredError, ValidationError
from coordinator_app.domain.subjects import Sex, SubjectStatus
from coordinator_app.services.demo_subjects import eligible_facts
from coordinator_app.services.screening import SubjectDetail, SubjectDraft
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace

TODAY = dt.date.today()
CONSENTED = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)

# A candidate who meets every criterion of NCT05106972 on TODAY.
ELIGIBLE_FACTS = eligible_facts(TODAY)


def _draft(**changes: Any) -> SubjectDraft:
    fields: dict[str, Any] = {
        "family_name": "王",
        "given_name": "建国",
        "sex": Sex.MALE,
        "date_of_birth": dt.date(1975, 6, 1),
        "phone": "13812345678",
    }
    fields.update(changes)
    return SubjectDraft(**fields)


def _version(workspace: Workspace, trial: TrialSummary) -> str:
    return workspace.trials.protocol(trial.id).current_consent_version


def _eligible(workspace: Workspace, trial: TrialSummary, **changes: Any) -> SubjectDetail:
    subject = workspace.screening.register(trial.id, _draft(**changes), ACTOR)
    for name, value in ELIGIBLE_FACTS.items():
        subject = workspace.screening.record_fact(subject.id, name, value, "outpatient record", ACTOR)
    return workspace.screening.record_consent(
        subject.id, _version(workspace, trial), CONSENTED, "Nurse Liu", True, ACTOR
    )


def _audit_reasons(workspace: Workspace, table: str) -> list[str | None]:
    with workspace.database.engine.connect() as connection:
        return list(
            connection.execute(
                text("SELECT reason FROM audit_log WHERE table_name = :t AND action = 'update'"), {"t": table}
            ).scalars()
        )


def test_registration_assigns_the_next_screening_number(workspace: Workspace, trial: TrialSummary) -> None:
    first = workspace.screening.register(trial.id, _draft(), ACTOR)
    second = workspace.screening.register(trial.id, _draft(family_name="李", given_name="秀英", sex=Sex.FEMALE), ACTOR)

    assert (first.screening_number, second.screening_number) == ("SCR-001", "SCR-002")
    assert first.status is SubjectStatus.SCREENING
    assert first.name == "王建国"
    assert first.initials == "WJG"
    assert first.phone == "+8613812345678"
    assert first.assessment_date == TODAY
    assert first.assessment.verdict is Verdict.INCOMPLETE


def test_numbering_is_configurable_and_continues_after_imported_numbers(
    workspace: Workspace, trial: TrialSummary
) -> None:
    workspace.screening.set_numbering(trial.id, "HK-S", "HK-", 4, ACTOR)
    workspace.screening_import.import_text(
        "screening_no,family_name,given_name,sex,date_of_birth,assessment_date\nHK-S0041,林,美玲,F,1983-01-09,2026-06-17\n",
        trial.id,
        ACTOR,
    )
    subject = workspace.screening.register(trial.id, _draft(), ACTOR)
    assert subject.screening_number == "HK-S0042"
    with pytest.raises(ValidationError, match="subject prefix 'HK-S': must differ"):
        workspace.screening.set_numbering(trial.id, "HK-S", "HK-S", 3, ACTOR)


def test_identity_number_is_validated_against_birth_date_and_sex(workspace: Workspace, trial: TrialSummary) -> None:
    with pytest.raises(ValidationError, match="identity number"):
        workspace.screening.register(
            trial.id, _draft(identity_number="11010519491231002X", date_of_birth=dt.date(1949, 12, 31)), ACTOR
        )  # a woman's number for a man
    subject = workspace.screening.register(
        trial.id,
        _draft(identity_number="11010519491231002x", sex=Sex.FEMALE, date_of_birth=dt.date(1949, 12, 31)),
        ACTOR,
    )
    assert subject.identity_number == "11010519491231002X"
    assert subject.identity_masked == "110105********002X"
    listed = workspace.subjects.list_subjects(trial.id)
    assert [s.identity_masked for s in listed] == ["110105********002X"]


def test_every_fact_updates_the_checklist_and_the_verdict(workspace: Workspace, trial: TrialSummary) -> None:
    subject = workspace.screening.register(trial.id, _draft(), ACTOR)
    states = {r.code: r.state for r in subject.assessment.results}
    assert states["IN1"] is CriterionState.MET  # age from the date of birth
    assert states["EX11"] is CriterionState.NOT_APPLICABLE  # pregnancy, for a man
    assert states["EX6"] is CriterionState.MISSING

    subject = workspace.screening.record_fact(subject.id, "pt_seconds", "15.3", "lab report 2026-11-20", ACTOR)
    subject = workspace.screening.record_fact(subject.id, "pt_control_seconds", "12.3", "lab report", ACTOR)
    assert {r.code: r.state for r in subject.assessment.results}["EX6"] is CriterionState.DOES_NOT_APPLY
    assert subject.facts["pt_seconds"].source_note == "lab report 2026-11-20"

    with pytest.raises(ReasonRequiredError, match="changes data already saved"):  # a correction says why
        workspace.screening.record_fact(subject.id, "pt_seconds", "15.4", "lab report, repeated", ACTOR)
    subject = workspace.screening.record_fact(
        subject.id, "pt_seconds", "15.4", "lab report, repeated", ACTOR, reason="PT repeated: haemolysed sample"
    )
    assert subject.assessment.verdict is Verdict.INELIGIBLE
    assert subject.assessment.failing == ("EX6",)


def test_bad_fact_values_are_refused_with_field_and_value(workspace: Workspace, trial: TrialSummary) -> None:
    subject = workspace.screening.register(trial.id, _draft(), ACTOR)
    with pytest.raises(ValidationError, match="pt_seconds 'abc'"):
        workspace.screening.record_fact(subject.id, "pt_seconds", "abc", "", ACTOR)
    future = (TODAY + dt.timedelta(days=1)).isoformat()
    with pytest.raises(ValidationError, match="is after the assessment date"):
        workspace.screening.record_fact(subject.id, "last_albumin_date", future, "", ACTOR)
    with pytest.raises(ValidationError, match="is not one of this protocol's eligibility facts"):
        workspace.screening.record_fact(subject.id, "favourite_colour", "blue", "", ACTOR)
    assert workspace.screening.detail(subject.id).facts == {}


def test_signing_needs_consent_and_a_complete_verdict(workspace: Workspace, trial: TrialSummary) -> None:
    subject = workspace.screening.register(trial.id, _draft(), ACTOR)
    with pytest.raises(ValidationError, match="informed consent"):
        workspace.screening.sign_eligibility(subject.id, signs(INVESTIGATOR))
    subject = workspace.screening.record_consent(
        subject.id, _version(workspace, trial), CONSENTED, "Nurse Liu", True, ACTOR
    )
    with pytest.raises(ValidationError, match="cannot be signed: missing"):
        workspace.screening.sign_eligibility(subject.id, signs(INVESTIGATOR))


def test_signed_verdict_is_frozen_and_a_change_needs_a_reason(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _eligible(workspace, trial)
    assert subject.assessment.verdict is Verdict.ELIGIBLE
    signed = workspace.screening.sign_eligibility(subject.id, signs(INVESTIGATOR))
    assert signed.signoff is not None
    assert (signed.signoff.verdict, signed.signoff.signed_by) == (
        Verdict.ELIGIBLE,
        "Test Investigator (test-investigator)",
    )
    assert signed.signoff.meaning == "approved eligibility verdict"

    with pytest.raises(ValidationError, match="give a reason"):
        workspace.screening.record_fact(subject.id, "active_infection", "yes", "ward note", ACTOR)
    assert workspace.screening.detail(subject.id).signoff == signed.signoff

    changed = workspace.screening.record_fact(
        subject.id, "active_infection", "yes", "ward note", ACTOR, reason="fever found on the ward round"
    )
    assert changed.signoff is None
    assert changed.signoff_history[0].superseded_at is not None
    assert changed.assessment.verdict is Verdict.INELIGIBLE
    assert "fever found on the ward round" in _audit_reasons(workspace, "subject_facts")

    with pytest.raises(ValidationError, match="reason"):
        workspace.screening.sign_eligibility(subject.id, signs(INVESTIGATOR))
    resigned = workspace.screening.sign_eligibility(subject.id, signs(INVESTIGATOR), reason="infection found")
    assert resigned.signoff is not None
    assert (resigned.signoff.verdict, resigned.signoff.failing) == (Verdict.INELIGIBLE, ("EX10",))
    assert len(resigned.signoff_history) == 2


def test_enrolment_needs_a_signed_eligible_verdict(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _eligible(workspace, trial)
    with pytest.raises(ValidationError, match="signed eligible verdict"):
        workspace.screening.enrol(subject.id, TODAY, ACTOR)
    workspace.screening.sign_eligibility(subject.id, signs(INVESTIGATOR))

    enrolled = workspace.screening.enrol(subject.id, TODAY, ACTOR)

    assert enrolled.status is SubjectStatus.ENROLLED
    assert (enrolled.subject_number, enrolled.enrolled_on) == ("SUB-001", TODAY)
    with pytest.raises(ValidationError, match="cannot go from enrolled to enrolled"):
        workspace.screening.enrol(subject.id, TODAY, ACTOR)


def test_a_subject_is_labelled_by_its_screening_number_then_its_subject_number(
    workspace: Workspace, trial: TrialSummary
) -> None:
    subject = _eligible(workspace, trial)
    assert workspace.screening.label(subject.id) == (trial.id, subject.screening_number)
    workspace.screening.sign_eligibility(subject.id, signs(INVESTIGATOR))
    workspace.screening.enrol(subject.id, TODAY, ACTOR)
    assert workspace.screening.label(subject.id) == (trial.id, "SUB-001")
    with pytest.raises(NotFoundError, match="no subject with id 999999"):
        workspace.screening.label(999999)


def test_enrolment_past_the_target_needs_an_override_reason(workspace: Workspace, trial: TrialSummary) -> None:
    with workspace.database.engine.begin() as connection:  # 30 places already taken
        for number in range(30):
            connection.execute(
                text(
                    "INSERT INTO subjects (trial_id, screening_number, subject_number, status, family_name, given_name,"
                    " sex, date_of_birth, phone, screened_on, assessment_date, enrolment_override_reason,"
                    " status_reason, created_at) VALUES (:t, :s, :n, 'enrolled', 'X', '', 'male', '1970-01-01', '',"
                    " '2026-01-01', '2026-01-01', '', '', '2026-01-01 00:00:00')"
                ),
                {"t": trial.id, "s": f"OLD-{number}", "n": f"SUB-{number + 1:03}"},
            )
    subject = _eligible(workspace, trial)
    workspace.screening.sign_eligibility(subject.id, signs(INVESTIGATOR))

    with pytest.raises(ValidationError, match="the target of 30 is reached"):
        workspace.screening.enrol(subject.id, TODAY, ACTOR)
    enrolled = workspace.screening.enrol(subject.id, TODAY, ACTOR, override_reason="sponsor approved 31st place")

    assert enrolled.subject_number == "SUB-031"
    assert workspace.trials.overview(trial.id).progress.enrolled_total == 31


def test_screen_failure_records_the_failing_criteria(workspace: Workspace, trial: TrialSummary) -> None:
    subject = workspace.screening.register(trial.id, _draft(date_of_birth=dt.date(1950, 1, 1)), ACTOR)
    assert subject.assessment.failing == ("IN1", "EX1")

    failed = workspace.screening.screen_fail(subject.id, TODAY, ACTOR)

    assert failed.status is SubjectStatus.SCREEN_FAILED
    assert failed.status_reason == "IN1; EX1"
    assert failed.status_date == TODAY


def test_screen_failure_without_failing_criteria_needs_a_reason(workspace: Workspace, trial: TrialSummary) -> None:
    subject = workspace.screening.register(trial.id, _draft(), ACTOR)
    with pytest.raises(ValidationError, match="say why screening ends"):
        workspace.screening.screen_fail(subject.id, TODAY, ACTOR)
    failed = workspace.screening.screen_fail(subject.id, TODAY, ACTOR, reason="declined to continue")
    assert failed.status_reason == "declined to continue"


def test_withdrawal_needs_reason_and_date_and_completion_ends_the_study(
    workspace: Workspace, trial: TrialSummary
) -> None:
    first = _eligible(workspace, trial)
    workspace.screening.sign_eligibility(first.id, signs(INVESTIGATOR))
    workspace.screening.enrol(first.id, TODAY, ACTOR)
    with pytest.raises(ValidationError, match="withdrawal reason"):
        workspace.screening.withdraw(first.id, TODAY, "  ", ACTOR)
    with pytest.raises(ValidationError, match="is before"):
        workspace.screening.withdraw(first.id, TODAY - dt.timedelta(days=1), "moved away", ACTOR)
    withdrawn = workspace.screening.withdraw(first.id, TODAY, "moved away", ACTOR)
    assert (withdrawn.status, withdrawn.status_reason, withdrawn.status_date) == (
        SubjectStatus.WITHDRAWN,
        "moved away",
        TODAY,
    )
    with pytest.raises(ValidationError, match="cannot go from withdrawn to completed"):
        workspace.screening.complete(first.id, TODAY, ACTOR)


def test_back_dated_assessment(workspace: Workspace, trial: TrialSummary) -> None:
    subject = workspace.screening.register(trial.id, _draft(date_of_birth=dt.date(1964, 6, 1)), ACTOR)
    assert {r.code: r.state for r in subject.assessment.results}["IN1"] is CriterionState.FAILS  # 62 today
    paper = dt.date(2025, 5, 31)  # the paper screening: the day before the 61st birthday

    back_dated = workspace.screening.set_assessment_date(subject.id, paper, ACTOR, "paper screening entered late")

    assert back_dated.assessment_date == paper
    assert {r.code: r.state for r in back_dated.assessment.results}["IN1"] is CriterionState.MET
