"""The generic audit trail: every change to audited models is written with the change, by a named actor."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from coordinator_app.services.database import Database
from coordinator_app.storage.audit import MissingActorError
from coordinator_app.storage.models import AuditEntry, Subject, Trial


@pytest.fixture
def database(database_url: str) -> Database:
    database = Database(database_url)
    database.upgrade()
    return database


def _trial(database: Database) -> int:
    with database.write("loader") as session:
        trial = Trial(nct_id="NCT00000001", title="T", protocol_json="{}", protocol_sha256="x", source="test")
        session.add(trial)
        session.flush()
        return trial.id


def _subject(trial_id: int) -> Subject:
    return Subject(
        trial_id=trial_id,
        screening_number="S001",
        family_name="Person",
        given_name="Test",
        assessment_date=dt.date(2026, 11, 25),
        sex="female",
        date_of_birth=dt.date(1980, 2, 29),
        status="screening",
        screened_on=dt.date(2026, 11, 25),
    )


def _entries(database: Database, table: str) -> list[AuditEntry]:
    with database.read() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.table_name == table).order_by(AuditEntry.id)))


def test_insert_update_and_delete_are_audited_with_actor_and_values(database: Database) -> None:
    trial_id = _trial(database)
    with database.write("nurse.liu") as session:
        subject = _subject(trial_id)
        session.add(subject)
    inserted = {e.field: e.new_value for e in _entries(database, "subjects")}
    assert inserted["date_of_birth"] == "1980-02-29"
    assert inserted["family_name"] == "Person"
    assert {e.actor for e in _entries(database, "subjects")} == {"nurse.liu"}

    with database.write("dr.zhang") as session:
        stored = session.get(Subject, subject.id)
        assert stored is not None
        stored.status = "enrolled"
        stored.family_name = "Person"  # unchanged: no audit row
    updates = [e for e in _entries(database, "subjects") if e.action == "update"]
    assert [(e.actor, e.field, e.old_value, e.new_value) for e in updates] == [
        ("dr.zhang", "status", "screening", "enrolled")
    ]

    with database.write("admin") as session:
        stored = session.get(Subject, subject.id)
        session.delete(stored)
    deleted = [e for e in _entries(database, "subjects") if e.action == "delete"]
    assert [(e.actor, e.record_id) for e in deleted] == [("admin", str(subject.id))]


def test_audit_rows_roll_back_with_the_change(database: Database) -> None:
    trial_id = _trial(database)
    with pytest.raises(RuntimeError, match="boom"), database.write("nurse.liu") as session:
        session.add(_subject(trial_id))
        session.flush()
        raise RuntimeError("boom")
    assert _entries(database, "subjects") == []
    with database.read() as session:
        assert session.scalar(select(Subject)) is None


def test_a_change_without_an_actor_is_refused_and_nothing_is_saved(database: Database) -> None:
    trial_id = _trial(database)
    with database.read() as session:
        session.add(_subject(trial_id))
        with pytest.raises(MissingActorError):
            session.flush()
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM subjects")).scalar_one() == 0


def test_times_are_stored_in_utc_and_read_back_aware(database: Database) -> None:
    _trial(database)
    with database.read() as session:
        entry = session.scalars(select(AuditEntry)).first()
        assert entry is not None
        assert entry.occurred_at.tzinfo is dt.UTC
        assert abs(dt.datetime.now(dt.UTC) - entry.occurred_at) < dt.timedelta(minutes=1)
