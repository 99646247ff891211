"""SQLAlchemy 2 typed models: the database schema.

Every model that holds clinical or site data derives from :class:`Audited`, so each insert,
change and removal is written to ``audit_log`` in the same transaction (see ``audit.py``).
Every change to this file needs an Alembic migration in ``migrations/versions``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

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


class Trial(Base, Audited):
    """One trial the site runs; its protocol is stored as validated JSON in the file's own shape."""

    __tablename__ = "trials"

    id: Mapped[int] = mapped_column(primary_key=True)
    nct_id: Mapped[str] = mapped_column(String(11), unique=True)
    title: Mapped[str] = mapped_column(Text)
    protocol_json: Mapped[str] = mapped_column(Text)
    protocol_sha256: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(500))
    loaded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    contacts: Mapped[list[Contact]] = relationship(back_populates="trial")


class AuditEntry(Base):
    """One field of one record changed by one person at one instant. Written by ``audit.py`` only."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(10))  # insert, update, delete
    table_name: Mapped[str] = mapped_column(String(100))
    record_id: Mapped[str] = mapped_column(String(100))
    field: Mapped[str | None] = mapped_column(String(100))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_audit_log_record", "table_name", "record_id"),)


class Contact(Base, Audited):
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


class Subject(Base, Audited):
    """A person screened for a trial. Later migrations add the eligibility and consent records."""

    __tablename__ = "subjects"

    id: Mapped[int] = mapped_column(primary_key=True)
    trial_id: Mapped[int] = mapped_column(ForeignKey("trials.id"), index=True)
    screening_number: Mapped[str] = mapped_column(String(40))
    subject_number: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), index=True)
    full_name: Mapped[str] = mapped_column(String(200))
    sex: Mapped[str] = mapped_column(String(10))
    date_of_birth: Mapped[dt.date]
    phone: Mapped[str] = mapped_column(String(40), default="")
    screened_on: Mapped[dt.date]
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    __table_args__ = (
        UniqueConstraint("trial_id", "screening_number"),
        UniqueConstraint("trial_id", "subject_number"),
    )
