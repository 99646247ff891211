"""Synthetic data for training and screenshots; every name says DEMO so nobody mistakes it for a patient."""

from __future__ import annotations

import datetime as dt

from coordinator_app.domain.contacts import ContactCategory, ContactDraft, ContactKind, Delegation
from coordinator_app.domain.subjects import Sex, SubjectStatus
from coordinator_app.services.contacts import ContactService
from coordinator_app.services.database import Database
from coordinator_app.storage.models import Subject

DEMO_ACTOR = "demo-seed"

_SUBJECTS = (
    # screening no., subject no., name, sex, birth date, status, screened on
    ("HK-S001", "HK-001", "DEMO 王建国", Sex.MALE, dt.date(1971, 3, 14), SubjectStatus.ENROLLED, dt.date(2026, 5, 6)),
    (
        "HK-S002",
        None,
        "DEMO 李秀英",
        Sex.FEMALE,
        dt.date(1968, 11, 2),
        SubjectStatus.SCREEN_FAILED,
        dt.date(2026, 5, 20),
    ),
    ("HK-S003", "HK-002", "DEMO 陈志强", Sex.MALE, dt.date(1979, 7, 30), SubjectStatus.ENROLLED, dt.date(2026, 6, 3)),
    (
        "HK-S004",
        "HK-003",
        "DEMO 林美玲",
        Sex.FEMALE,
        dt.date(1983, 1, 9),
        SubjectStatus.WITHDRAWN,
        dt.date(2026, 6, 17),
    ),
    ("HK-S005", None, "DEMO 黄海涛", Sex.MALE, dt.date(1966, 2, 28), SubjectStatus.SCREENING, dt.date(2026, 11, 18)),
    ("HK-S006", None, "DEMO 吴丽华", Sex.FEMALE, dt.date(1975, 9, 21), SubjectStatus.SCREENING, dt.date(2026, 11, 23)),
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


def seed_demo(database: Database, trial_id: int) -> None:
    """Add the synthetic subjects, staff and contacts to ``trial_id`` (an empty, throwaway database)."""
    contacts = ContactService(database)
    for draft in _CONTACTS:
        contacts.add(trial_id, draft, DEMO_ACTOR)
    with database.write(DEMO_ACTOR) as session:
        for screening, number, name, sex, born, status, screened in _SUBJECTS:
            session.add(
                Subject(
                    trial_id=trial_id,
                    screening_number=screening,
                    subject_number=number,
                    full_name=name,
                    sex=sex,
                    date_of_birth=born,
                    status=status,
                    screened_on=screened,
                )
            )
