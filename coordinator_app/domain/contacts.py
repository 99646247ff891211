"""Contacts and the delegation log: the vocabulary, independent of storage and screen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class ContactKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


class ContactCategory(StrEnum):
    """Who a contact is to the site; the order is the order of the Contacts tab's filter."""

    SITE_STAFF = "site_staff"
    SPONSOR = "sponsor"
    CENTRAL_CONTACT = "central_contact"
    FACILITY_CONTACT = "facility_contact"
    MANUFACTURER = "manufacturer"
    COURIER = "courier"
    PHARMACY = "pharmacy"
    ETHICS_COMMITTEE = "ethics_committee"
    OTHER = "other"


# Duties a site delegates to its staff (ICH E6 4.1.5); the delegation log also accepts free text.
STANDARD_DUTIES = (
    "Principal investigator oversight",
    "Obtain informed consent",
    "Assess eligibility",
    "Medical history and physical examination",
    "Administer investigational product",
    "Investigational product accountability",
    "Adverse event assessment",
    "Sample collection and processing",
    "Case report form entry",
    "Query resolution",
)


@dataclass(frozen=True)
class Delegation:
    duty: str
    start_date: dt.date
    end_date: dt.date | None = None

    def active_on(self, day: dt.date) -> bool:
        """A duty is delegated from its start date through its end date, both inclusive."""
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


@dataclass(frozen=True)
class ContactRecord:
    """A contact as the screens and exports see it; ``phone`` is E.164, ``phone_display`` formatted."""

    id: int
    kind: ContactKind
    category: ContactCategory
    name: str
    organisation: str
    role: str
    phone: str
    phone_display: str
    email: str
    notes: str
    source: str
    trial_nct_id: str | None
    retired_on: dt.date | None
    delegations: tuple[Delegation, ...] = ()
    version: int = 1  # optimistic concurrency: the version a screen showed travels back with its save

    @property
    def retired(self) -> bool:
        return self.retired_on is not None

    def active_duties(self, day: dt.date) -> tuple[str, ...]:
        return tuple(d.duty for d in self.delegations if d.active_on(day))


@dataclass(frozen=True)
class ContactDraft:
    """What a user typed into the contact form, before validation."""

    kind: ContactKind
    category: ContactCategory
    name: str
    organisation: str = ""
    role: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""
    trial_specific: bool = False
    delegations: tuple[Delegation, ...] = ()
