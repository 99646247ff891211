"""Synthetic data for training and screenshots; every name says DEMO so nobody mistakes it for a patient."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from coordinator_app.domain.contacts import ContactCategory, ContactDraft, ContactKind, Delegation
from coordinator_app.services.demo_subjects import seed_demo_subjects
from coordinator_app.services.demo_users import DEMO_COORDINATOR, DEMO_PASSWORD, seed_demo_users
from coordinator_app.services.users import Credentials

if TYPE_CHECKING:
    from coordinator_app.services.workspace import Workspace


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
    """Synthetic staff accounts, contacts and subjects in every state, for the first trial of an empty, throwaway
    database; the demo coordinator is left signed in.

    Subject numbers start with DEMO so that no printout can be mistaken for a real subject's.
    """
    seed_demo_users(workspace.users)
    workspace.sign_in(Credentials(DEMO_COORDINATOR, DEMO_PASSWORD))
    trial = workspace.trials.resolve()
    for draft in _CONTACTS:
        workspace.contacts.add(trial.id, draft, workspace.actor)
    seed_demo_subjects(workspace, trial.id, workspace.actor)
