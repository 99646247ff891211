"""Who may do what: roles, the permissions each carries, password rules and signature meanings.

The table lives here, free of storage and Qt, so the services enforce it and the GUI only mirrors it
(greying out what a role cannot do); a button hidden by mistake never opens a door.
"""

from __future__ import annotations

import re
from enum import StrEnum

from coordinator_app.domain.errors import ValidationError


class Role(StrEnum):
    COORDINATOR = "coordinator"
    RESEARCH_NURSE = "research_nurse"
    INVESTIGATOR = "investigator"
    MONITOR = "monitor"
    ADMINISTRATOR = "administrator"


class Permission(StrEnum):
    MANAGE_USERS = "manage_users"  # add staff accounts, change roles, unlock, reset passwords
    MANAGE_SITE = "manage_site"  # protocols, numbering, site rules, backups
    MANAGE_CONTACTS = "manage_contacts"  # contacts and the delegation log
    SCREEN = "screen"  # register subjects, record facts and consent, enrol, end participation
    SIGN_ELIGIBILITY = "sign_eligibility"  # the investigator's signed verdict
    SCHEDULE = "schedule"  # book, reschedule, record visit outcomes
    ADMINISTER = "administer"  # pre-dose safety check answers, infusion records
    RECORD_SAFETY = "record_safety"  # adverse events, SAE reports, labs, bedside assessments
    ASSESS_SAFETY = "assess_safety"  # sign an adverse event's assessment (grade, seriousness, causality)
    IMPORT = "import"  # bulk imports of screening logs, visit histories and lab files
    PRINT = "print"  # printing consent forms (each print is recorded)
    CHANGE_OWN_PASSWORD = "change_own_password"  # every active account, the monitor's too


_CLINICAL_ENTRY = frozenset(
    {Permission.SCREEN, Permission.SCHEDULE, Permission.RECORD_SAFETY, Permission.PRINT, Permission.ADMINISTER}
)

_OWN_ACCOUNT = frozenset({Permission.CHANGE_OWN_PASSWORD})

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMINISTRATOR: _OWN_ACCOUNT | {Permission.MANAGE_USERS, Permission.MANAGE_SITE, Permission.MANAGE_CONTACTS},
    Role.COORDINATOR: _OWN_ACCOUNT
    | _CLINICAL_ENTRY
    | {Permission.MANAGE_SITE, Permission.MANAGE_CONTACTS, Permission.IMPORT},
    Role.RESEARCH_NURSE: _OWN_ACCOUNT | _CLINICAL_ENTRY,
    Role.INVESTIGATOR: _OWN_ACCOUNT
    | _CLINICAL_ENTRY
    | {Permission.SIGN_ELIGIBILITY, Permission.ASSESS_SAFETY, Permission.MANAGE_CONTACTS},
    Role.MONITOR: _OWN_ACCOUNT,  # reads everything, changes no data
}


# What each permission lets a user do, as the refusal says it: "<name> (<role>) may not ...".
PERMISSION_ACTIONS = {
    Permission.MANAGE_USERS: "manage staff accounts",
    Permission.MANAGE_SITE: "change protocols, numbering or site settings",
    Permission.MANAGE_CONTACTS: "change contacts or the delegation log",
    Permission.SCREEN: "register, screen, enrol or withdraw subjects",
    Permission.SIGN_ELIGIBILITY: "sign eligibility verdicts (investigators only)",
    Permission.SCHEDULE: "book, reschedule or record visits",
    Permission.ADMINISTER: "record pre-dose checks or infusions",
    Permission.RECORD_SAFETY: "record adverse events, SAE reports, labs or assessments",
    Permission.ASSESS_SAFETY: "sign adverse event assessments (investigators only)",
    Permission.IMPORT: "import files",
    Permission.PRINT: "print consent forms",
    Permission.CHANGE_OWN_PASSWORD: "change their password",
}


class SignatureMeaning(StrEnum):
    """What a signer declares; stored with the signature and printed beside it (21 CFR 11.50)."""

    APPROVED_ELIGIBILITY = "approved eligibility verdict"
    ADMINISTERED = "administered"
    ASSESSED_ADVERSE_EVENT = "assessed adverse event"
    COMPLETED_VISIT = "completed visit"


MEANING_PERMISSION: dict[SignatureMeaning, Permission] = {
    SignatureMeaning.APPROVED_ELIGIBILITY: Permission.SIGN_ELIGIBILITY,
    SignatureMeaning.ADMINISTERED: Permission.ADMINISTER,
    SignatureMeaning.ASSESSED_ADVERSE_EVENT: Permission.ASSESS_SAFETY,
    SignatureMeaning.COMPLETED_VISIT: Permission.SCHEDULE,
}

MIN_PASSWORD_LENGTH = 10
MAX_FAILED_SIGN_INS = 5
LOCKOUT_MINUTES = 15
USERNAME_PATTERN = re.compile(r"[a-z][a-z0-9._-]{1,39}")


def role_may(role: Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower().replace(" ", "_"))
    except ValueError:
        allowed = ", ".join(role.value for role in Role)
        raise ValidationError("role", text, f"is not a role (one of {allowed})") from None


def validate_username(text: str) -> str:
    """Lower-case letters, digits, dot, dash, underscore; 2-40 characters, starting with a letter."""
    username = text.strip()
    if not USERNAME_PATTERN.fullmatch(username):
        raise ValidationError(
            "user name", text, "must be 2-40 lower-case letters, digits, '.', '-' or '_', starting with a letter"
        )
    return username


def validate_new_password(password: str, username: str) -> str:
    """A password staff can remember and others cannot guess: long enough, not the user name, not all one kind.

    The value itself never goes into the message: it is shown as asterisks.
    """
    shown = "*" * len(password)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("password", shown, f"must have at least {MIN_PASSWORD_LENGTH} characters")
    if username and username.lower() in password.lower():
        raise ValidationError("password", shown, "must not contain the user name")
    kinds = sum(
        [
            any(c.isalpha() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        ]
    )
    if kinds < 2 or len(set(password)) < 4:
        raise ValidationError("password", shown, "must mix letters with digits or symbols")
    return password
