"""Trials: loading protocols into the database, choosing the trial to work on, the overview."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator_app.domain.access import Permission
from coordinator_app.domain.contacts import ContactCategory, ContactKind
from coordinator_app.domain.ctgov import load_ctgov_file
from coordinator_app.domain.errors import NotFoundError, shown
from coordinator_app.domain.protocol import (
    Person,
    Protocol,
    load_protocol_file,
    load_protocol_text,
    protocol_to_mapping,
)
from coordinator_app.domain.subjects import EnrollmentProgress, SubjectStatus, format_number
from coordinator_app.resource_files import bundled_protocols
from coordinator_app.services.contact_validation import normalize_phone
from coordinator_app.services.database import Database
from coordinator_app.services.stored_protocols import stored_protocol
from coordinator_app.storage.models import Contact, Subject, Trial

BUNDLED_PREFIX = "bundled:"


@dataclass(frozen=True)
class TrialSummary:
    id: int
    nct_id: str
    title: str
    source: str
    loaded_at: dt.datetime


@dataclass(frozen=True)
class LoadResult:
    trial: TrialSummary
    created: bool
    changed: bool


@dataclass(frozen=True)
class Numbering:
    """How the app numbers a trial's subjects."""

    screening_prefix: str
    subject_prefix: str
    digits: int

    @property
    def example_screening(self) -> str:
        return format_number(self.screening_prefix, 1, self.digits)

    @property
    def example_subject(self) -> str:
        return format_number(self.subject_prefix, 1, self.digits)


@dataclass(frozen=True)
class TrialOverview:
    """What the Overview tab shows: the protocol and the progress computed from subjects."""

    trial: TrialSummary
    protocol: Protocol
    progress: EnrollmentProgress


def _summary(trial: Trial) -> TrialSummary:
    return TrialSummary(trial.id, trial.nct_id, trial.title, trial.source, trial.loaded_at)


def _canonical_json(protocol: Protocol) -> str:
    return json.dumps(protocol_to_mapping(protocol), ensure_ascii=False, sort_keys=True, indent=1)


class TrialService:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- loading ---------------------------------------------------------------------------------

    def load_protocol(self, protocol: Protocol, source: str, actor: str) -> LoadResult:
        """Store ``protocol`` as a new trial, or as the new protocol of the trial with its NCT id.

        The registry's contacts become trial contacts; existing contacts are never removed.
        """
        with self._db.write(actor, permission=Permission.MANAGE_SITE) as session:
            return _store_protocol(session, protocol, source)

    def _load_bundled(self, protocol: Protocol, source: str) -> LoadResult:
        with self._db.system_write() as session:
            return _store_protocol(session, protocol, source)

    def load_protocol_file(self, path: Path, actor: str) -> LoadResult:
        """Add or update a trial from a site's protocol file (TOML)."""
        return self.load_protocol(load_protocol_file(path), f"file:{path.resolve()}", actor)

    def import_ctgov_file(self, path: Path, actor: str) -> list[LoadResult]:
        """Add or update the trials of a ClinicalTrials.gov API v2 record; every study is validated first."""
        protocols = load_ctgov_file(path)
        return [self.load_protocol(protocol, f"ctgov:{path.name}", actor) for protocol in protocols]

    def ensure_bundled_protocols(self) -> None:
        """Load each protocol shipped with the app that is new, or changed since it was loaded from the bundle.

        A trial loaded from another source (a site's own file, a registry import) is left alone.
        """
        with self._db.read() as session:
            sources = {nct_id: source for nct_id, source in session.execute(select(Trial.nct_id, Trial.source))}
        for file in bundled_protocols():
            source = BUNDLED_PREFIX + file.name
            protocol = load_protocol_text(file.read_text(encoding="utf-8"), source)
            if protocol.nct_id not in sources or sources[protocol.nct_id] == source:
                self._load_bundled(protocol, source)

    # -- reading ---------------------------------------------------------------------------------

    def list_trials(self) -> list[TrialSummary]:
        """Every trial, most recently loaded first."""
        with self._db.read() as session:
            trials = session.scalars(select(Trial).order_by(Trial.loaded_at.desc(), Trial.id.desc()))
            return [_summary(t) for t in trials]

    def resolve(self, nct_id: str | None = None) -> TrialSummary:
        """The trial named by ``nct_id``; without one, the only or the most recently loaded trial."""
        trials = self.list_trials()
        if nct_id is None:
            if not trials:
                raise NotFoundError("the database holds no trial yet: load a protocol first")
            return trials[0]
        for trial in trials:
            if trial.nct_id == nct_id.strip().upper():
                return trial
        known = ", ".join(t.nct_id for t in trials) or "none"
        raise NotFoundError(f"trial {shown(nct_id)} is not in this database (known: {known})")

    def protocol(self, trial_id: int) -> Protocol:
        """The trial's stored protocol (validated again when read: the database may come from elsewhere)."""
        with self._db.read() as session:
            return stored_protocol(session, trial_id)[1]

    def numbering(self, trial_id: int) -> Numbering:
        with self._db.read() as session:
            trial = session.get(Trial, trial_id)
            if trial is None:
                raise NotFoundError(f"no trial with id {trial_id}")
            return Numbering(trial.screening_prefix, trial.subject_prefix, trial.number_digits)

    def overview(self, trial_id: int) -> TrialOverview:
        protocol = self.protocol(trial_id)
        with self._db.read() as session:
            trial = session.get(Trial, trial_id)
            assert trial is not None
            rows = session.execute(
                select(Subject.status, func.count()).where(Subject.trial_id == trial_id).group_by(Subject.status)
            )
            counts = {SubjectStatus(status): count for status, count in rows}
            return TrialOverview(
                _summary(trial),
                protocol,
                EnrollmentProgress.from_counts(protocol.design.enrollment_target, counts),
            )


def _store_protocol(session: Session, protocol: Protocol, source: str) -> LoadResult:
    document = _canonical_json(protocol)
    digest = hashlib.sha256(document.encode()).hexdigest()
    trial = session.scalar(select(Trial).where(Trial.nct_id == protocol.nct_id))
    created = trial is None
    if trial is None:
        trial = Trial(nct_id=protocol.nct_id)
        session.add(trial)
    changed = trial.protocol_sha256 != digest
    if changed:
        trial.title = protocol.brief_title.en or protocol.brief_title.zh
        trial.protocol_json = document
        trial.protocol_sha256 = digest
        trial.source = source
        trial.loaded_at = dt.datetime.now(dt.UTC)
        session.flush()
        _add_registry_contacts(session, trial, protocol)
    return LoadResult(_summary(trial), created, changed)


def _add_registry_contacts(session: Session, trial: Trial, protocol: Protocol) -> None:
    """The sponsor, central contacts, officials and facility contacts of the protocol, once each."""
    existing = {
        (c.category, c.name)
        for c in session.scalars(select(Contact).where(Contact.trial_id == trial.id, Contact.source == "protocol"))
    }

    def add(kind: ContactKind, category: ContactCategory, name: str, **fields: str) -> None:
        if (category.value, name) not in existing:
            existing.add((category.value, name))
            session.add(
                Contact(trial_id=trial.id, kind=kind, category=category, name=name, source="protocol", **fields)
            )

    def add_person(category: ContactCategory, person: Person, organisation: str = "") -> None:
        add(
            ContactKind.PERSON,
            category,
            person.name,
            organisation=person.affiliation or organisation,
            role=person.role,
            phone=_registry_phone(person.phone),
            email=person.email,
        )

    add(ContactKind.ORGANISATION, ContactCategory.SPONSOR, protocol.sponsor.lead, role="Lead sponsor")
    for collaborator in protocol.sponsor.collaborators:
        add(ContactKind.ORGANISATION, ContactCategory.SPONSOR, collaborator, role="Collaborator")
    for person in protocol.central_contacts + protocol.officials:
        add_person(ContactCategory.CENTRAL_CONTACT, person)
    for location in protocol.locations:
        for person in location.contacts:
            add_person(ContactCategory.FACILITY_CONTACT, person, location.facility)


def _registry_phone(raw: str) -> str:
    """Registry phones are free text: kept in E.164 when they parse, verbatim when they do not."""
    try:
        return normalize_phone(raw)
    except ValueError:
        return raw.strip()
