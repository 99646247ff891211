"""Synthetic data for training and screenshots; every name says DEMO so nobody mistakes it for a patient."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coordinator_app.domain.contacts import ContactCategory, ContactDraft, ContactKind, Delegation
from coordinator_app.domain.subjects import Sex
from coordinator_app.services.screening import SubjectDraft

if TYPE_CHECKING:
    from coordinator_app.services.workspace import Workspace

DEMO_ACTOR = "demo-seed"


# Facts of a candidate who meets every criterion on ``day`` (dates are relative to it).
def _eligible_facts(day: dt.date) -> dict[str, str]:
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
class _DemoSubject:
    family: str
    given: str
    sex: Sex
    born: dt.date
    screened: dt.date
    facts: dict[str, str]  # changes to the eligible profile; "" = unknown
    outcome: str  # "enrol", "enrol+withdraw", "screen_fail", "sign", "" (still being screened)


_SUBJECTS = (
    _DemoSubject("王", "建国", Sex.MALE, dt.date(1971, 3, 14), dt.date(2026, 5, 6), {}, "enrol"),
    _DemoSubject(
        "李", "秀英", Sex.FEMALE, dt.date(1968, 11, 2), dt.date(2026, 5, 20), {"pt_seconds": "16.0"}, "screen_fail"
    ),
    _DemoSubject("陈", "志强", Sex.MALE, dt.date(1979, 7, 30), dt.date(2026, 6, 3), {}, "enrol"),
    _DemoSubject("林", "美玲", Sex.FEMALE, dt.date(1983, 1, 9), dt.date(2026, 6, 17), {}, "enrol+withdraw"),
    _DemoSubject(
        "黄",
        "海涛",
        Sex.MALE,
        dt.date(1966, 2, 28),
        dt.date(2026, 11, 18),
        {"pt_seconds": "", "pt_control_seconds": "", "active_infection": ""},
        "",
    ),
    _DemoSubject("吴", "丽华", Sex.FEMALE, dt.date(1975, 9, 21), dt.date(2026, 11, 23), {}, "sign"),
)


def _staff(name: str, role: str, phone: str, email: str, duties: tuple[str, ...]) -> ContactDraft:
    return ContactDraft(
        kind=ContactKind.PERSON,
        category=ContactCategory.SITE_STAFF,
        name=name,
        organisation="DEMO Haikou People's Hospital",
        role=role,
        phone=phone,
        email=email,
        delegations=tuple(Delegation(duty, dt.date(2026, 4, 1)) for duty in duties),
    )


def _organisation(category: ContactCategory, name: str, role: str, phone: str, email: str) -> ContactDraft:
    return ContactDraft(
        kind=ContactKind.ORGANISATION, category=category, name=name, role=role, phone=phone, email=email
    )


_CONTACTS = (
    _staff(
        "DEMO 张医生 (Dr Zhang)",
        "Principal investigator",
        "13800000001",
        "pi.demo@example.org",
        ("Principal investigator oversight", "Assess eligibility", "Adverse event assessment"),
    ),
    _staff(
        "DEMO 刘护士 (Nurse Liu)",
        "Research nurse",
        "13800000002",
        "nurse.demo@example.org",
        ("Obtain informed consent", "Administer investigational product", "Sample collection and processing"),
    ),
    _staff(
        "DEMO 周协调员 (Coordinator Zhou)",
        "Study coordinator",
        "0898 6600 0003",
        "crc.demo@example.org",
        ("Case report form entry", "Query resolution"),
    ),
    _organisation(
        ContactCategory.ETHICS_COMMITTEE,
        "DEMO Hospital Ethics Committee",
        "Secretariat",
        "0898 6600 0010",
        "ec.demo@example.org",
    ),
    _organisation(
        ContactCategory.PHARMACY, "DEMO Clinical Trial Pharmacy", "Investigational product store", "0898 6600 0020", ""
    ),
    _organisation(
        ContactCategory.MANUFACTURER,
        "DEMO Cell Manufacturing Centre",
        "UC-MSC release and cold-chain courier",
        "+852 2100 0000",
        "cells.demo@example.org",
    ),
)


def seed_demo(workspace: Workspace) -> None:
    """Synthetic subjects in every state, staff and contacts, for the first trial of an empty, throwaway database.

    Subject numbers start with DEMO so that no printout can be mistaken for a real subject's.
    """
    trial = workspace.trials.resolve()
    for draft in _CONTACTS:
        workspace.contacts.add(trial.id, draft, DEMO_ACTOR)
    screening = workspace.screening
    screening.set_numbering(trial.id, "DEMO-S", "DEMO-", 3, DEMO_ACTOR)
    version = workspace.trials.protocol(trial.id).current_consent_version
    for demo in _SUBJECTS:
        day = demo.screened
        subject = screening.register(
            trial.id, SubjectDraft(demo.family, demo.given, demo.sex, demo.born), DEMO_ACTOR, today=day
        )
        for name, value in {**_eligible_facts(day), **demo.facts}.items():
            if value:
                screening.record_fact(subject.id, name, value, f"DEMO outpatient record {day}", DEMO_ACTOR)
        consented = dt.datetime.combine(day, dt.time(9, 30)).astimezone()
        screening.record_consent(subject.id, version, consented, "DEMO 刘护士 (Nurse Liu)", True, DEMO_ACTOR)
        if demo.outcome:
            screening.sign_eligibility(subject.id, "DEMO 张医生 (Dr Zhang)", DEMO_ACTOR)
        if demo.outcome.startswith("enrol"):
            screening.enrol(subject.id, day + dt.timedelta(days=7), DEMO_ACTOR)
        if demo.outcome == "enrol+withdraw":
            screening.withdraw(subject.id, day + dt.timedelta(days=40), "DEMO: moved to another city", DEMO_ACTOR)
        if demo.outcome == "screen_fail":
            screening.screen_fail(subject.id, day + dt.timedelta(days=2), DEMO_ACTOR)
