"""Contacts and the delegation log: list, add, edit, retire (never delete)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, selectinload

from coordinator_app.domain.access import Permission
from coordinator_app.domain.contacts import (
    ContactCategory,
    ContactDraft,
    ContactKind,
    ContactRecord,
    Delegation,
)
from coordinator_app.domain.errors import NotFoundError, ValidationError
from coordinator_app.services.concurrency import require_version
from coordinator_app.services.contact_validation import (
    display_phone,
    normalize_email,
    normalize_phone,
    prepare_phone_display,
)
from coordinator_app.services.database import Database
from coordinator_app.storage import models


def validate_draft(draft: ContactDraft) -> ContactDraft:
    """The draft with phone and e-mail normalised; the first problem found is raised, naming its field."""
    name = draft.name.strip()
    if not name:
        raise ValidationError("name", draft.name, "is required")
    for index, delegation in enumerate(draft.delegations, start=1):
        if not delegation.duty.strip():
            raise ValidationError(f"delegation {index} duty", delegation.duty, "is required")
        if delegation.end_date is not None and delegation.end_date < delegation.start_date:
            raise ValidationError(
                f"delegation {index} end date",
                delegation.end_date.isoformat(),
                f"is before its start date {delegation.start_date.isoformat()}",
            )
    if draft.delegations and draft.kind is not ContactKind.PERSON:
        raise ValidationError("delegations", len(draft.delegations), "only people can be delegated duties")
    return ContactDraft(
        kind=ContactKind(draft.kind),
        category=ContactCategory(draft.category),
        name=name,
        organisation=draft.organisation.strip(),
        role=draft.role.strip(),
        phone=normalize_phone(draft.phone),
        email=normalize_email(draft.email),
        notes=draft.notes.strip(),
        trial_specific=draft.trial_specific,
        delegations=tuple(Delegation(d.duty.strip(), d.start_date, d.end_date) for d in draft.delegations),
    )


def _record(contact: models.Contact, trial_id: int) -> ContactRecord:
    """The contact with its delegation lines for ``trial_id``: the delegation log is kept per trial."""
    return ContactRecord(
        id=contact.id,
        kind=ContactKind(contact.kind),
        category=ContactCategory(contact.category),
        name=contact.name,
        organisation=contact.organisation,
        role=contact.role,
        phone=contact.phone,
        phone_display=display_phone(contact.phone),
        email=contact.email,
        notes=contact.notes,
        source=contact.source,
        trial_nct_id=contact.trial.nct_id if contact.trial else None,
        retired_on=contact.retired_on,
        delegations=tuple(
            Delegation(d.duty, d.start_date, d.end_date) for d in contact.delegations if d.trial_id == trial_id
        ),
        version=contact.version,
    )


class ContactService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def prepare(self) -> None:
        """Load ahead of time what showing contacts needs (the phone-number library): for an idle moment."""
        prepare_phone_display()

    def list_contacts(self, trial_id: int, include_retired: bool = False) -> list[ContactRecord]:
        """Site-wide contacts and those of ``trial_id``, by category then name."""
        with self._db.read() as session:
            query = _contacts_query().where(or_(models.Contact.trial_id.is_(None), models.Contact.trial_id == trial_id))
            if not include_retired:
                query = query.where(models.Contact.retired_on.is_(None))
            records = [_record(c, trial_id) for c in session.scalars(query)]
        order = list(ContactCategory)
        return sorted(records, key=lambda r: (order.index(r.category), r.name.casefold()))

    def get(self, contact_id: int, trial_id: int) -> ContactRecord:
        with self._db.read() as session:
            contact = session.scalar(_contacts_query().where(models.Contact.id == contact_id))
            if contact is None:
                raise NotFoundError(f"no contact with id {contact_id}")
            return _record(contact, trial_id)

    def add(self, trial_id: int, draft: ContactDraft, actor: str) -> ContactRecord:
        clean = validate_draft(draft)
        with self._db.write(actor, permission=Permission.MANAGE_CONTACTS) as session:
            contact = models.Contact(source="site")
            session.add(contact)
            _apply(session, contact, trial_id, clean)
            contact_id = contact.id
        return self.get(contact_id, trial_id)

    def update(
        self, contact_id: int, trial_id: int, draft: ContactDraft, actor: str, *, expected_version: int | None = None
    ) -> ContactRecord:
        """Replace the contact's details and its delegation lines for ``trial_id`` (ended lines are kept)."""
        clean = validate_draft(draft)
        with self._db.write(actor, permission=Permission.MANAGE_CONTACTS) as session:
            contact = _load(session, contact_id)
            require_version(session, "contacts", contact.id, contact, expected_version, f"contact {contact.name}")
            _apply(session, contact, trial_id, clean)
        return self.get(contact_id, trial_id)

    def retire(self, contact_id: int, trial_id: int, on: dt.date, actor: str) -> ContactRecord:
        """Mark a contact as no longer active from ``on``; open delegation lines end that day."""
        with self._db.write(actor, permission=Permission.MANAGE_CONTACTS) as session:
            contact = _load(session, contact_id)
            if contact.retired_on is not None:
                raise ValidationError("contact", contact.name, f"was already retired on {contact.retired_on}")
            contact.retired_on = on
            for delegation in contact.delegations:
                if delegation.end_date is None or delegation.end_date > on:
                    delegation.end_date = max(on, delegation.start_date)
        return self.get(contact_id, trial_id)

    def reinstate(self, contact_id: int, trial_id: int, actor: str) -> ContactRecord:
        with self._db.write(actor, permission=Permission.MANAGE_CONTACTS) as session:
            contact = _load(session, contact_id)
            contact.retired_on = None
        return self.get(contact_id, trial_id)


def _apply(session: Session, contact: models.Contact, trial_id: int, draft: ContactDraft) -> None:
    contact.kind = draft.kind
    contact.category = draft.category
    contact.name = draft.name
    contact.organisation = draft.organisation
    contact.role = draft.role
    contact.phone = draft.phone
    contact.email = draft.email
    contact.notes = draft.notes
    contact.trial_id = trial_id if draft.trial_specific else None
    session.flush()
    _sync_delegations(session, contact, trial_id, draft.delegations)


def _sync_delegations(session: Session, contact: models.Contact, trial_id: int, wanted: Sequence[Delegation]) -> None:
    """Make the contact's lines for ``trial_id`` equal ``wanted``, changing only what differs.

    A line that disappears from the form is not deleted (the log is a record): it is ended
    yesterday if it was open, and kept as it was if it had already ended.
    """
    current = [d for d in contact.delegations if d.trial_id == trial_id]
    remaining = list(wanted)
    for line in current:
        match = Delegation(line.duty, line.start_date, line.end_date)
        if match in remaining:
            remaining.remove(match)
            continue
        same_duty = next((w for w in remaining if (w.duty, w.start_date) == (line.duty, line.start_date)), None)
        if same_duty is not None:
            line.end_date = same_duty.end_date
            remaining.remove(same_duty)
        elif line.end_date is None:
            line.end_date = max(dt.date.today() - dt.timedelta(days=1), line.start_date)
    for new in remaining:
        session.add(
            models.Delegation(
                contact=contact, trial_id=trial_id, duty=new.duty, start_date=new.start_date, end_date=new.end_date
            )
        )


def _contacts_query() -> Select[models.Contact]:
    return select(models.Contact).options(selectinload(models.Contact.delegations), selectinload(models.Contact.trial))


def _load(session: Session, contact_id: int) -> models.Contact:
    contact = session.get(models.Contact, contact_id)
    if contact is None:
        raise NotFoundError(f"no contact with id {contact_id}")
    return contact
