"""Several desktops, one trial: two people saving the same record never overwrite each other, and concurrent
enrolment issues every number once and stops at the target. Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable

import pytest
from conftest import ACTOR, FAST_HASHER, INVESTIGATOR, NURSE, signs
from sqlalchemy import func, select

from coordinator_app.domain.access import Permission
from coordinator_app.domain.adverse_events import quick_entry
from coordinator_app.domain.contacts import ContactCategory, ContactDraft, ContactKind
from coordinator_app.domain.errors import ConcurrentChangeError, ReasonRequiredError
from coordinator_app.domain.subjects import Sex, SubjectStatus
from coordinator_app.services.demo_subjects import eligible_facts
from coordinator_app.services.screening import SubjectDetail, SubjectDraft
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace, open_workspace
from coordinator_app.storage.models import Subject

SCREENED = dt.date.today() - dt.timedelta(days=20)


def _draft(given: str = "建国") -> SubjectDraft:
    return SubjectDraft("王", given, Sex.MALE, dt.date(1971, 3, 14))


def _eligible_signed(workspace: Workspace, trial: TrialSummary, given: str) -> SubjectDetail:
    screening = workspace.screening
    subject = screening.register(trial.id, _draft(given), ACTOR, today=SCREENED)
    for name, value in eligible_facts(SCREENED).items():
        screening.record_fact(subject.id, name, value, "chart", ACTOR)
    version = workspace.trials.protocol(trial.id).current_consent_version
    screening.record_consent(
        subject.id, version, dt.datetime.combine(SCREENED, dt.time(9)).astimezone(), "Nurse Liu", True, ACTOR
    )
    return screening.sign_eligibility(subject.id, signs(INVESTIGATOR))


def test_the_second_save_of_the_same_subject_is_refused_naming_who_changed_it(
    workspace: Workspace, other_desktop: Workspace, trial: TrialSummary
) -> None:
    subject = workspace.screening.register(trial.id, _draft(), ACTOR)
    seen_here = workspace.screening.detail(subject.id)
    seen_there = other_desktop.screening.detail(subject.id)

    other_desktop.screening.update_details(
        subject.id,
        dataclasses.replace(_draft(), phone="13800000009"),
        NURSE,
        "phone from the ward",
        expected_version=seen_there.version,
    )
    with pytest.raises(ConcurrentChangeError) as refused:
        workspace.screening.update_details(
            subject.id,
            dataclasses.replace(_draft(), phone="13900000001"),
            ACTOR,
            "typo",
            expected_version=seen_here.version,
        )
    message = str(refused.value)
    assert "Test Nurse (test-nurse)" in message and "reload" in message
    assert refused.value.changed_at is not None
    assert workspace.screening.detail(subject.id).phone == "+8613800000009"  # the first save stands

    fresh = workspace.screening.detail(subject.id)
    again = workspace.screening.update_details(
        subject.id, dataclasses.replace(_draft(), phone="13900000001"), ACTOR, "typo", expected_version=fresh.version
    )
    assert again.phone == "+8613900000001"


def test_a_fact_entered_on_another_desktop_meanwhile_is_not_overwritten(
    workspace: Workspace, other_desktop: Workspace, trial: TrialSummary
) -> None:
    subject = workspace.screening.register(trial.id, _draft(), ACTOR)
    assert "pt_seconds" not in workspace.screening.detail(subject.id).fact_versions  # shown empty here
    other_desktop.screening.record_fact(subject.id, "pt_seconds", "14.1", "lab", NURSE, expected_version=0)
    with pytest.raises(ConcurrentChangeError, match="pt_seconds was changed by Test Nurse"):
        workspace.screening.record_fact(subject.id, "pt_seconds", "16.0", "lab", ACTOR, "x", expected_version=0)
    assert workspace.screening.detail(subject.id).facts["pt_seconds"].value == "14.1"


def test_adverse_events_contacts_and_visits_refuse_a_stale_save(
    workspace: Workspace, other_desktop: Workspace, trial: TrialSummary
) -> None:
    subject = _eligible_signed(workspace, trial, "一")
    subject = workspace.screening.enrol(subject.id, SCREENED + dt.timedelta(days=1), ACTOR)
    onset = dt.date.today() - dt.timedelta(days=1)
    event = workspace.adverse_events.record(
        subject.id, quick_entry("fever").draft(onset, dt.datetime.combine(onset, dt.time(9)).astimezone(), None), ACTOR
    )
    other_desktop.adverse_events.update(
        event.id,
        dataclasses.replace(event.draft, grade=2),
        NURSE,
        "grade from the chart",
        expected_version=event.version,
    )
    with pytest.raises(ConcurrentChangeError, match="adverse event"):
        workspace.adverse_events.update(
            event.id, dataclasses.replace(event.draft, grade=3), ACTOR, "worse", expected_version=event.version
        )
    assert workspace.adverse_events.get(event.id).draft.grade == 2

    contact = workspace.contacts.add(
        trial.id,
        ContactDraft(ContactKind.PERSON, ContactCategory.SITE_STAFF, "Nurse Wang", phone="13800000001"),
        ACTOR,
    )
    renamed = ContactDraft(ContactKind.PERSON, ContactCategory.SITE_STAFF, "Nurse Wang Li")
    other_desktop.contacts.update(contact.id, trial.id, renamed, INVESTIGATOR, expected_version=contact.version)
    with pytest.raises(ConcurrentChangeError, match="contact Nurse Wang Li was changed by Test Investigator"):
        shortened = ContactDraft(ContactKind.PERSON, ContactCategory.SITE_STAFF, "Wang")
        workspace.contacts.update(contact.id, trial.id, shortened, ACTOR, expected_version=contact.version)

    schedule = workspace.schedules.book_dose1(subject.id, dt.date.today() + dt.timedelta(days=7), ACTOR)
    seen = schedule.visit_versions["D1"]
    other_desktop.schedules.reschedule(
        subject.id, "D1", dt.date.today() + dt.timedelta(days=8), "cells delayed", NURSE, expected_version=seen
    )
    with pytest.raises(ConcurrentChangeError, match="visit D1"):
        workspace.schedules.reschedule(
            subject.id, "D1", dt.date.today() + dt.timedelta(days=9), "patient asked", ACTOR, expected_version=seen
        )


def test_two_saves_racing_in_the_same_instant_are_caught_by_the_version_column(
    workspace: Workspace, other_desktop: Workspace, trial: TrialSummary, backend: str
) -> None:
    """Both read version 1; the first commits; the second's UPDATE … WHERE version = 1 finds nothing."""
    if backend == "sqlite":
        pytest.skip("SQLite lets one writer in at a time: the second waits for the first and then reads its save")
    subject = workspace.screening.register(trial.id, _draft(), ACTOR)

    refused = pytest.raises(ConcurrentChangeError, match="changed by someone else at the same moment")
    with refused, workspace.database.write(ACTOR, "late", permission=Permission.SCREEN) as session:
        row = session.get(Subject, subject.id)
        assert row is not None
        other_desktop.screening.update_details(
            subject.id, dataclasses.replace(_draft(), phone="13800000009"), NURSE, "first"
        )
        row.phone = "+8613900000001"
    assert workspace.screening.detail(subject.id).phone == "+8613800000009"


def _in_threads(count: int, work: Callable[[int], None]) -> list[BaseException]:
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(index: int) -> None:
        start.wait()
        try:
            work(index)
        except BaseException as error:  # collected and checked by the test
            errors.append(error)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


def test_concurrent_registrations_get_distinct_numbers(
    workspace: Workspace, database_url: str, trial: TrialSummary
) -> None:
    desktops = [open_workspace(database_url, password_hasher=FAST_HASHER) for _ in range(4)]
    try:
        for desktop in desktops:
            desktop.sign_in(signs(ACTOR))
        errors = _in_threads(12, lambda i: desktops[i % 4].screening.register(trial.id, _draft(f"并发{i}"), ACTOR))
    finally:
        for desktop in desktops:
            desktop.close()
    assert errors == []
    numbers = [s.screening_number for s in workspace.screening.details(trial.id)]
    assert sorted(numbers) == [f"SCR-{n:03d}" for n in range(1, 13)]


def test_concurrent_enrolments_stop_at_the_target(
    workspace: Workspace, database_url: str, trial: TrialSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    protocol = workspace.trials.protocol(trial.id)
    small = dataclasses.replace(protocol, design=dataclasses.replace(protocol.design, enrollment_target=3))
    candidates = [_eligible_signed(workspace, trial, f"候选{i}") for i in range(6)]
    desktops = [open_workspace(database_url, password_hasher=FAST_HASHER) for _ in range(3)]
    try:
        for desktop in desktops:
            desktop.sign_in(signs(ACTOR))
            monkeypatch.setattr(desktop.trials, "protocol", lambda _trial_id: small)
        day = SCREENED + dt.timedelta(days=2)
        errors = _in_threads(6, lambda i: desktops[i % 3].screening.enrol(candidates[i].id, day, ACTOR))
    finally:
        for desktop in desktops:
            desktop.close()
    assert len(errors) == 3
    assert all(isinstance(e, ReasonRequiredError) and "target of 3 is reached" in str(e) for e in errors), errors
    with workspace.database.read() as session:
        enrolled = session.scalars(select(Subject.subject_number).where(Subject.status == SubjectStatus.ENROLLED))
        numbers = sorted(n for n in enrolled if n)
        assert numbers == ["SUB-001", "SUB-002", "SUB-003"]
        assert session.scalar(select(func.count()).select_from(Subject)) == 6


def test_a_change_saved_on_another_desktop_moves_the_change_stamp(
    workspace: Workspace, other_desktop: Workspace, trial: TrialSummary
) -> None:
    before = workspace.database.change_stamp()
    assert workspace.database.change_stamp() == before  # reading changes nothing
    other_desktop.screening.register(trial.id, _draft(), NURSE)
    assert workspace.database.change_stamp() > before
