"""SQLAlchemy 2 typed models: the database schema.

Every model that holds clinical or site data derives from :class:`Audited`, so each insert,
change and removal is written to ``audit_log`` in the same transaction (see ``audit.py``).
Every change to this file needs an Alembic migration in ``migrations/versions``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, ForeignKey, Index, MetaData, String, Text, UniqueConstraint, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, declared_attr, mapped_column, relationship

from coordinator_app.storage.types import UTCDateTime, utc_now

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Audited:
    """Marks a model whose every insert, change and removal is written to the audit log."""


class Versioned:
    """An editable record with optimistic concurrency: every UPDATE names the version it read, so of two
    people saving the same record from two desktops the second is refused instead of overwriting the first.
    The services also compare the version a screen showed (``expected_version``) before they write."""

    version: Mapped[int] = mapped_column(default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - SQLAlchemy passes the class
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class Trial(Base, Audited, Versioned):
    """One trial the site runs; its protocol is stored as validated JSON in the file's own shape."""

    __tablename__ = "trials"

    id: Mapped[int] = mapped_column(primary_key=True)
    nct_id: Mapped[str] = mapped_column(String(11), unique=True)
    title: Mapped[str] = mapped_column(Text)
    protocol_json: Mapped[str] = mapped_column(Text)
    protocol_sha256: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(500))
    loaded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    # How the app numbers this trial's subjects: prefix + zero-padded sequence (site-configurable).
    screening_prefix: Mapped[str] = mapped_column(String(20), default="SCR-")
    subject_prefix: Mapped[str] = mapped_column(String(20), default="SUB-")
    number_digits: Mapped[int] = mapped_column(default=3)

    contacts: Mapped[list[Contact]] = relationship(back_populates="trial")


class AuditEntry(Base):
    """One field of one record changed by one person at one instant. Written by ``audit.py`` only.

    The database refuses UPDATE and DELETE on this table (triggers, migration 0008). Each row carries the
    hash of the row before it and its own hash over both, so an edited row fails its own hash and a removed
    row breaks the link of the row after it (see ``audit_chain.py``).
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    occurred_local: Mapped[str] = mapped_column(String(40))  # the desktop's wall clock, ISO with its UTC offset
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(10))  # insert, update, delete
    table_name: Mapped[str] = mapped_column(String(100))
    record_id: Mapped[str] = mapped_column(String(100))
    field: Mapped[str | None] = mapped_column(String(100))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)  # why data already saved or signed was changed
    subject_id: Mapped[int | None]  # the subject the record belongs to, for the viewer's filter
    previous_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_log_record", "table_name", "record_id"),
        Index("ix_audit_log_subject_id", "subject_id"),
        Index("ix_audit_log_actor", "actor"),
        Index("ix_audit_log_occurred_at", "occurred_at"),
        {"sqlite_autoincrement": True},
    )


class User(Base, Audited, Versioned):
    """A member of staff who signs in; never deleted (deactivated), so old audit rows keep their author."""

    __tablename__ = "users"
    __audit_redacted__ = frozenset({"password_hash"})
    __audit_ignored__ = frozenset({"failed_sign_ins", "locked_until", "last_sign_in_at"})

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))  # Argon2id, PHC string
    active: Mapped[bool] = mapped_column(default=True)
    must_change_password: Mapped[bool] = mapped_column(default=False)
    failed_sign_ins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)


class SignInEvent(Base):
    """A sign-in, a failed attempt, a lock-out or a signature re-authentication: the access log."""

    __tablename__ = "sign_in_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), index=True)
    outcome: Mapped[str] = mapped_column(String(20))  # signed_in, failed, locked_out, unlocked, reauthenticated
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)


class Signature(Base, Audited):
    """An electronic signature: who (name, user name, role at the time), when, what it means, and a digest of
    the signed content, so a later change to the record shows the signature no longer covers it."""

    __tablename__ = "signatures"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(100))
    record_id: Mapped[str] = mapped_column(String(100))
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("subjects.id"), index=True)
    meaning: Mapped[str] = mapped_column(String(40))
    username: Mapped[str] = mapped_column(String(40))
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    signed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    content_sha256: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_signatures_record", "table_name", "record_id"),)


class Contact(Base, Audited, Versioned):
    """A person or organisation the site deals with; retired, never deleted.

    ``trial_id`` is empty for site-wide contacts (ethics committee, pharmacy, staff) and set
    for contacts that belong to one trial (its sponsor and registry contacts).
    """

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    trial_id: Mapped[int | None] = mapped_column(ForeignKey("trials.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # person, organisation
    category: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(20), default="site")  # site, protocol, demo
    retired_on: Mapped[dt.date | None]
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    trial: Mapped[Trial | None] = relationship(back_populates="contacts")
    delegations: Mapped[list[Delegation]] = relationship(back_populates="contact", order_by="Delegation.start_date")


class Delegation(Base, Audited):
    """A line of the delegation log: a staff member may perform a duty on a trial from start to end."""

    __tablename__ = "delegations"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), index=True)
    trial_id: Mapped[int] = mapped_column(ForeignKey("trials.id"), index=True)
    duty: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date | None]

    contact: Mapped[Contact] = relationship(back_populates="delegations")


class Subject(Base, Audited, Versioned):
    """A person screened for a trial, with their status in it."""

    __tablename__ = "subjects"

    id: Mapped[int] = mapped_column(primary_key=True)
    trial_id: Mapped[int] = mapped_column(ForeignKey("trials.id"), index=True)
    screening_number: Mapped[str] = mapped_column(String(40))
    subject_number: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), index=True)
    family_name: Mapped[str] = mapped_column(String(100))
    given_name: Mapped[str] = mapped_column(String(100), default="")
    sex: Mapped[str] = mapped_column(String(10))
    date_of_birth: Mapped[dt.date]
    phone: Mapped[str] = mapped_column(String(40), default="")
    identity_number: Mapped[str | None] = mapped_column(String(18))
    screened_on: Mapped[dt.date]
    assessment_date: Mapped[dt.date]
    enrolled_on: Mapped[dt.date | None]
    enrolment_override_reason: Mapped[str] = mapped_column(Text, default="")
    status_date: Mapped[dt.date | None]  # when the subject left screening or the study
    status_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    facts: Mapped[list[SubjectFact]] = relationship(back_populates="subject", order_by="SubjectFact.name")
    consents: Mapped[list[Consent]] = relationship(back_populates="subject", order_by="Consent.signed_at")
    signoffs: Mapped[list[EligibilitySignoff]] = relationship(
        back_populates="subject", order_by="EligibilitySignoff.signed_at"
    )

    __table_args__ = (
        UniqueConstraint("trial_id", "screening_number"),
        UniqueConstraint("trial_id", "subject_number"),
    )


class SubjectSummary(Base):
    """What lists of thousands of subjects show that is derived from a subject's record: the verdict the trial's
    protocol gives on the recorded facts, and the pinyin initials of the name. Kept in step with the record in the
    same transaction (services/subject_summaries.py), so a list is one indexed query, without the facts and without
    pypinyin. Derived, so not audited: the facts it comes from are. ``protocol_sha256`` names the protocol the
    verdict was computed with; a row computed with another protocol is stale and is not used."""

    __tablename__ = "subject_summaries"

    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id"), primary_key=True)
    protocol_sha256: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(20))
    initials: Mapped[str] = mapped_column(String(40))


class SubjectFact(Base, Audited, Versioned):
    """One eligibility fact as entered (canonical text, see domain.eligibility), with where it came from."""

    __tablename__ = "subject_facts"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    value: Mapped[str] = mapped_column(String(100))  # "" means unknown
    source_note: Mapped[str] = mapped_column(Text, default="")

    subject: Mapped[Subject] = relationship(back_populates="facts")

    __table_args__ = (UniqueConstraint("subject_id", "name"),)


class Consent(Base, Audited):
    """Informed consent as signed: which document version, when, who obtained it, copy handed over."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id"), index=True)
    document_version: Mapped[str] = mapped_column(String(40))
    signed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    obtained_by: Mapped[str] = mapped_column(String(200))
    copy_given: Mapped[bool | None]  # None: not recorded (e.g. imported from a paper log)

    subject: Mapped[Subject] = relationship(back_populates="consents")


class EligibilitySignoff(Base, Audited):
    """An investigator's signed eligibility verdict, frozen; a later change supersedes it, never edits it."""

    __tablename__ = "eligibility_signoffs"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id"), index=True)
    assessment_date: Mapped[dt.date]
    verdict: Mapped[str] = mapped_column(String(20))
    failing: Mapped[str] = mapped_column(Text, default="")  # criterion codes, "; "-separated
    facts_digest: Mapped[str] = mapped_column(String(64))  # what was signed: facts, consent, dates
    signed_by: Mapped[str] = mapped_column(String(200))
    meaning: Mapped[str] = mapped_column(String(100))
    signed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")  # why it was signed again
    superseded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    subject: Mapped[Subject] = relationship(back_populates="signoffs")


class Visit(Base, Audited, Versioned):
    """One visit of a subject's schedule: what the site recorded (status, booking, actual date) and, kept in
    step by the schedule service, the date it stands on in the calendar and its window, so that the
    calendar and "overdue" are plain indexed queries. ``sequence`` counts changes (RFC 5545 SEQUENCE).
    """

    __tablename__ = "visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id"), index=True)
    # The subject's trial, repeated so that a trial's calendar is one index range however many trials the site
    # runs; filled from the subject when the row is inserted (see _fill_trial below), never changed.
    trial_id: Mapped[int] = mapped_column(ForeignKey("trials.id"))
    code: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    booked_on: Mapped[dt.date | None]
    actual_on: Mapped[dt.date | None]
    scheduled_on: Mapped[dt.date] = mapped_column(index=True)
    window_start: Mapped[dt.date]
    window_end: Mapped[dt.date] = mapped_column(index=True)
    sequence: Mapped[int] = mapped_column(default=0)

    __audit_ignored__ = frozenset({"trial_id"})  # the subject's, recorded with the subject
    __table_args__ = (
        UniqueConstraint("subject_id", "code"),
        # A trial's calendar: the visits on a range of days, with what a month and the Today panel read of each
        # (the index alone answers them, without a look-up of each visit's row).
        Index(
            "ix_visits_calendar",
            "trial_id",
            "scheduled_on",
            "status",
            "code",
            "window_end",
            "window_start",
            "subject_id",
        ),
        # A trial's overdue visits: the scheduled ones whose window has closed, without reading the done ones.
        Index("ix_visits_trial_id_status_window_end", "trial_id", "status", "window_end"),
        # The day's infusions, for the site's capacity (every trial): one range per infusion code.
        Index("ix_visits_code_scheduled_on", "code", "scheduled_on"),
    )


@event.listens_for(Visit, "before_insert")
def _fill_trial(_mapper: Mapper[Visit], connection: Connection, visit: Visit) -> None:
    """A new visit takes its subject's trial (services create visits by subject)."""
    if visit.trial_id is None:
        visit.trial_id = connection.scalar(select(Subject.trial_id).where(Subject.id == visit.subject_id))


class Deviation(Base, Audited):
    """A protocol deviation the site accepted, with its reason: kept and listed, never edited away."""

    __tablename__ = "deviations"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id"), index=True)
    visit_code: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(40))  # out_of_window, cell_dose, preparation_time
    description: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)


class SafetyCheck(Base, Audited):
    """The answers before an infusion (dose 2): any "yes" or a missing clearance blocks it."""

    __tablename__ = "safety_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id"), index=True)
    visit_code: Mapped[str] = mapped_column(String(20))
    active_infection: Mapped[bool]
    spontaneous_peritonitis: Mapped[bool]
    gi_bleeding_last_4_weeks: Mapped[bool]
    investigator_clearance: Mapped[bool]
    investigator: Mapped[str] = mapped_column(String(200))
    checked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class InfusionRecord(Base, Audited):
    """The cell product's chain of custody and the infusion itself, for one dose."""

    __tablename__ = "infusion_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id"), index=True)
    visit_code: Mapped[str] = mapped_column(String(20))
    product_lot: Mapped[str] = mapped_column(String(100))
    release_certificate: Mapped[str] = mapped_column(String(100))
    cells_per_dose: Mapped[str] = mapped_column(String(40))  # decimal text, e.g. "1.02E+8"
    viability_release_percent: Mapped[str] = mapped_column(String(20))
    viability_bedside_percent: Mapped[str] = mapped_column(String(20))
    prepared_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    infusion_start: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    infusion_end: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    volume_ml: Mapped[str] = mapped_column(String(20))
    rate_ml_per_hour: Mapped[str] = mapped_column(String(20))
    transport_temperature_c: Mapped[str] = mapped_column(String(20))
    vital_signs_json: Mapped[str] = mapped_column(Text)  # [{"minute": -15, "temperature_c": "36.6", ...}, ...]
    immediate_reactions: Mapped[str] = mapped_column(Text, default="")
    administered_by: Mapped[str] = mapped_column(String(200))
    checked_by: Mapped[str] = mapped_column(String(200))

    __table_args__ = (UniqueConstraint("subject_id", "visit_code"),)


class SiteSetting(Base, Audited):
    """A site rule the coordinator can change (infusions per day, preparation-time limit, clinic hour)."""

    __tablename__ = "site_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class ConsentPrint(Base, Audited):
    """Which consent version was printed for whom, and when: the site must be able to show it."""

    __tablename__ = "consent_prints"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("subjects.id"), index=True)
    trial_id: Mapped[int] = mapped_column(ForeignKey("trials.id"), index=True)
    document_version: Mapped[str] = mapped_column(String(40))
    draft_preview: Mapped[bool] = mapped_column(default=False)
    printed_by: Mapped[str] = mapped_column(String(200))
    printed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)


class AdverseEvent(Base, Audited, Versioned):
    """One adverse event of a subject, graded by CTCAE v5; never deleted (corrections are audited changes)."""

    __tablename__ = "adverse_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id"), index=True)
    term: Mapped[str] = mapped_column(String(200))
    onset_date: Mapped[dt.date]
    resolution_date: Mapped[dt.date | None]
    grade: Mapped[int]  # CTCAE v5 grade 1-5
    serious: Mapped[bool]
    seriousness_criteria: Mapped[str] = mapped_column(String(200), default="")  # codes, "; "-separated
    relationship: Mapped[str] = mapped_column(String(20))  # unrelated, unlikely, possible, probable, definite
    expected: Mapped[bool]
    action_taken: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(40))
    visit_code: Mapped[str | None] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
    aware_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)  # when the site learned of it: the SAE clock starts


class SaeReport(Base, Audited):
    """A report of a serious adverse event to the sponsor: the initial one, then follow-ups."""

    __tablename__ = "sae_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    adverse_event_id: Mapped[int] = mapped_column(ForeignKey("adverse_events.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # initial, follow_up
    reported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    reported_to: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(100), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class LabResult(Base, Audited, Versioned):
    """One analyte of one sample, stored in SI units with what was typed (value and unit) kept beside it."""

    __tablename__ = "lab_results"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id"), index=True)
    visit_code: Mapped[str | None] = mapped_column(String(20))
    sample_date: Mapped[dt.date]
    analyte: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(String(40))  # decimal text in the analyte's SI unit
    unit: Mapped[str] = mapped_column(String(20))
    entered_value: Mapped[str] = mapped_column(String(40))
    entered_unit: Mapped[str] = mapped_column(String(20))
    normal_low: Mapped[str | None] = mapped_column(String(40))
    normal_high: Mapped[str | None] = mapped_column(String(40))
    flag: Mapped[str] = mapped_column(String(2), default="")  # L, H or empty
    source: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (UniqueConstraint("subject_id", "sample_date", "analyte"),)


class ClinicalAssessment(Base, Audited, Versioned):
    """The bedside findings liver scores need besides labs: ascites, encephalopathy, dialysis."""

    __tablename__ = "clinical_assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id"), index=True)
    assessed_on: Mapped[dt.date]
    visit_code: Mapped[str | None] = mapped_column(String(20))
    ascites: Mapped[str] = mapped_column(String(20))  # none, mild, moderate-severe
    encephalopathy: Mapped[str] = mapped_column(String(20))  # none, grade 1-2, grade 3-4
    dialysis_twice_last_week: Mapped[bool]

    __table_args__ = (UniqueConstraint("subject_id", "assessed_on"),)


class LiverScore(Base, Audited):
    """Scores computed for one subject and date, with the inputs they came from (JSON), recomputed on change."""

    __tablename__ = "liver_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id"), index=True)
    sample_date: Mapped[dt.date]
    visit_code: Mapped[str | None] = mapped_column(String(20))
    meld: Mapped[int | None]
    meld_na: Mapped[int | None]
    meld3: Mapped[int | None]
    child_pugh_score: Mapped[int | None]
    child_pugh_class: Mapped[str | None] = mapped_column(String(1))
    inputs_json: Mapped[str] = mapped_column(Text)
    computed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    __table_args__ = (UniqueConstraint("subject_id", "sample_date"),)
