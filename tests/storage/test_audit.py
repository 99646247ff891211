"""The generic audit trail: every change to audited models is written with the change, by a named actor; the
database keeps the trail append-only and its hash chain shows any tampering from outside the app."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from coordinator_app.services.database import Database
from coordinator_app.services.workspace import Workspace
from coordinator_app.storage.audit import (
    ACTOR_KEY,
    REASON_KEY,
    REDACTED,
    HardDeleteError,
    MissingActorError,
    has_field,
    insert_audited,
    line_count,
    record_fields,
)
from coordinator_app.storage.audit_chain import verify_chain
from coordinator_app.storage.engine import session_factory
from coordinator_app.storage.models import Audited, AuditEntry, Base, Subject, Trial, User


@pytest.fixture
def database(database_url: str) -> Database:
    database = Database(database_url)
    database.upgrade()
    return database


@contextmanager
def _write(database: Database, actor: str, reason: str = "") -> Iterator[Session]:
    """A unit of work straight on the storage layer (the services add the role checks on top)."""
    with session_factory(database.engine)() as session, session.begin():
        session.info[ACTOR_KEY] = actor
        session.info[REASON_KEY] = reason
        yield session


def _trial(database: Database) -> int:
    with _write(database, "loader") as session:
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


def test_inserts_and_updates_are_audited_with_actor_values_and_subject(database: Database) -> None:
    trial_id = _trial(database)
    with _write(database, "nurse.liu") as session:
        subject = _subject(trial_id)
        session.add(subject)
    inserted = {e.field: e.new_value for e in _entries(database, "subjects")}
    assert inserted["date_of_birth"] == "1980-02-29"
    assert inserted["family_name"] == "Person"
    assert {e.actor for e in _entries(database, "subjects")} == {"nurse.liu"}

    assert {e.subject_id for e in _entries(database, "subjects")} == {subject.id}

    with _write(database, "dr.zhang", "typo in the chart") as session:
        stored = session.get(Subject, subject.id)
        assert stored is not None
        stored.status = "enrolled"
        stored.family_name = "Person"  # unchanged: no audit row
    updates = [e for e in _entries(database, "subjects") if e.action == "update"]
    assert [(e.actor, e.field, e.old_value, e.new_value, e.reason) for e in updates] == [
        ("dr.zhang", "status", "screening", "enrolled", "typo in the chart")
    ]


def test_audited_records_are_never_hard_deleted(database: Database) -> None:
    trial_id = _trial(database)
    with _write(database, "nurse.liu") as session:
        subject = _subject(trial_id)
        session.add(subject)
    refused = pytest.raises(HardDeleteError, match="Subject records are never deleted")
    with refused, _write(database, "admin") as session:
        session.delete(session.get(Subject, subject.id))
    with database.read() as session:
        assert session.get(Subject, subject.id) is not None


def test_times_are_kept_in_utc_and_on_the_desktop_clock(database: Database) -> None:
    _trial(database)
    with database.read() as session:
        entry = session.scalars(select(AuditEntry)).first()
    assert entry is not None
    local = dt.datetime.fromisoformat(entry.occurred_local)
    assert local.utcoffset() == dt.datetime.now().astimezone().utcoffset()
    assert abs(local - entry.occurred_at) < dt.timedelta(seconds=1)


def test_password_hashes_are_never_written_into_the_trail(database: Database) -> None:
    with _write(database, "system") as session:
        user = User(username="wang.li", full_name="Wang Li", role="coordinator", password_hash="$argon2id$secret")
        session.add(user)
    with _write(database, "admin") as session:
        stored = session.get(User, user.id)
        assert stored is not None
        stored.password_hash = "$argon2id$other"
        stored.failed_sign_ins = 3  # counters are access-log matters, not clinical changes
    rows = [(e.action, e.old_value, e.new_value) for e in _entries(database, "users") if e.field == "password_hash"]
    assert rows == [("insert", None, REDACTED), ("update", REDACTED, REDACTED)]
    assert not [e for e in _entries(database, "users") if e.field == "failed_sign_ins"]
    with database.engine.connect() as connection:
        dump = "\n".join(str(row) for row in connection.execute(text("SELECT * FROM audit_log")))
    assert "secret" not in dump and "other" not in dump


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_log SET new_value = 'forged' WHERE id = 2", "DELETE FROM audit_log WHERE id = 2"],
)
def test_the_database_refuses_to_change_or_remove_audit_rows(database: Database, statement: str) -> None:
    _trial(database)
    with pytest.raises(DatabaseError, match="append-only"), database.engine.begin() as connection:
        connection.execute(text(statement))
    with database.engine.connect() as connection:
        assert verify_chain(connection).intact


def _tamper(database: Database, *statements: str) -> None:
    """What someone with the file and the sqlite3 shell (or the database owner's psql) could do: drop the
    guard, then edit."""
    if database.engine.dialect.name == "postgresql":
        with database.engine.begin() as connection:
            connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
            for statement in statements:
                connection.execute(text(statement))
        return
    path = database.engine.url.database
    assert path is not None
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("DROP TRIGGER audit_log_no_delete")
        for statement in statements:
            connection.execute(statement)


def _chain_of_three_writes(database: Database) -> int:
    trial_id = _trial(database)
    for number in ("S001", "S002"):
        with _write(database, "nurse.liu") as session:
            subject = _subject(trial_id)
            subject.screening_number = number
            session.add(subject)
    with database.engine.connect() as connection:
        report = verify_chain(connection)
    assert report.intact
    return report.rows_checked


def test_verify_names_the_first_edited_row(database: Database) -> None:
    count = _chain_of_three_writes(database)
    _tamper(database, "UPDATE audit_log SET new_value = 'Forged' WHERE id = 12")
    with database.engine.connect() as connection:
        report = verify_chain(connection)
    assert count > 12
    assert report.problem is not None
    assert report.problem.row_id == 12
    assert "content was changed" in str(report.problem)


def test_verify_names_the_row_after_a_removed_one(database: Database) -> None:
    _chain_of_three_writes(database)
    _tamper(database, "DELETE FROM audit_log WHERE id = 7")
    with database.engine.connect() as connection:
        report = verify_chain(connection)
    assert report.problem is not None
    assert report.problem.row_id == 8
    assert "audit row 6" in str(report.problem)


@pytest.mark.sqlite_only  # SQLite's AUTOINCREMENT counter remembers the highest id; see audit_chain.py
def test_verify_notices_rows_removed_from_the_end(database: Database) -> None:
    count = _chain_of_three_writes(database)
    _tamper(database, f"DELETE FROM audit_log WHERE id > {count - 3}")
    with database.engine.connect() as connection:
        report = verify_chain(connection)
    assert report.problem is not None
    assert report.problem.row_id == count - 2
    assert "removed from the end" in str(report.problem)


def test_audit_rows_roll_back_with_the_change(database: Database) -> None:
    trial_id = _trial(database)
    with pytest.raises(RuntimeError, match="boom"), _write(database, "nurse.liu") as session:
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


def test_every_record_of_every_audited_table_in_the_demo_has_its_insert_in_the_trail(
    demo_workspace: Workspace,
) -> None:
    """The demo goes through the real services: every stored record of every kind must be in the trail."""
    audited = [m for m in Base.registry.mappers if issubclass(m.class_, Audited)]
    seen_kinds = 0
    with demo_workspace.database.read() as session:
        inserted = set(
            session.execute(select(AuditEntry.table_name, AuditEntry.record_id).where(AuditEntry.action == "insert"))
        )
        for mapper in audited:
            table = mapper.local_table.name
            ids = [",".join(str(v) for v in key) for key in session.execute(select(*mapper.primary_key))]
            missing = [record_id for record_id in ids if (table, record_id) not in inserted]
            assert not missing, f"{table}: records {missing[:5]} have no audit row"
            seen_kinds += bool(ids)
    assert seen_kinds >= 13  # trials, users, contacts, delegations, subjects, facts, consents, sign-offs, visits, …


# -- bulk inserts: one audit row per record --------------------------------------------------------------------------

# Names that look like the JSON a record row is written in: its lines must still be counted and found exactly.
TRICKY_NAMES = ('a","given_name":"b', 'say "hi"', "back\\", ",", "{", "林")


def _insert_in_bulk(database: Database, family_names: tuple[str, ...]) -> list[int]:
    """Subjects written as an import writes them: Core inserts and their audit rows, with a reason."""
    trial_id = _trial(database)
    records = [
        {
            "trial_id": trial_id,
            "screening_number": f"B{number:03d}",
            "family_name": name,
            "given_name": "" if number % 2 else "Test",
            "assessment_date": dt.date(2026, 11, 25),
            "sex": "female",
            "date_of_birth": dt.date(1980, 2, 29),
            "status": "screening",
            "screened_on": dt.date(2026, 11, 25),
        }
        for number, name in enumerate(family_names)
    ]
    with _write(database, "nurse.liu", "the paper screening log") as session:
        return insert_audited(session, Subject, records, key=("screening_number",))


def test_a_bulk_insert_writes_one_chained_row_per_record_with_its_fields(database: Database) -> None:
    ids = _insert_in_bulk(database, ("Person", "Other"))
    with _write(database, "nurse.liu") as session:
        session.add(_subject(_trial_id(database)))  # the same subject written by a flush, for comparison
    entries = _entries(database, "subjects")
    in_bulk, flushed = entries[:2], entries[2:]

    assert [(e.record_id, e.action, e.field, e.old_value) for e in in_bulk] == [
        (str(i), "insert", None, None) for i in ids
    ]
    assert {(e.actor, e.reason, e.subject_id) for e in in_bulk[:1]} == {
        ("nurse.liu", "the paper screening log", ids[0])
    }
    first = record_fields(in_bulk[0].new_value or "")
    by_flush = {e.field: e.new_value for e in flushed}
    assert first.keys() == by_flush.keys()  # the same fields, in the same order; none empty
    assert {name: value for name, value in first.items() if name not in ("id", "screening_number", "created_at")} == {
        name: value for name, value in by_flush.items() if name not in ("id", "screening_number", "created_at")
    }
    assert "given_name" not in record_fields(in_bulk[1].new_value or "")  # empty, as a flush leaves it out
    with database.engine.connect() as connection:
        assert verify_chain(connection).intact


def _trial_id(database: Database) -> int:
    with database.read() as session:
        return session.scalars(select(Trial.id)).one()


def test_record_rows_count_as_their_fields_and_are_found_by_any_of_them(database: Database) -> None:
    _insert_in_bulk(database, TRICKY_NAMES)
    with database.read() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "subjects")).all()
        lines = session.scalar(select(func.sum(line_count())).where(AuditEntry.table_name == "subjects"))
        with_given_name = session.scalars(select(AuditEntry.record_id).where(has_field("given_name"))).all()
        anywhere = session.scalar(select(func.count()).where(has_field("family_name")))
    fields = {row.record_id: record_fields(row.new_value or "") for row in rows}
    assert [fields[record_id]["family_name"] for record_id in sorted(fields, key=int)] == list(TRICKY_NAMES)
    assert lines == sum(len(values) for values in fields.values())
    assert sorted(with_given_name) == sorted(
        record_id for record_id, values in fields.items() if "given_name" in values
    )
    assert anywhere == len(TRICKY_NAMES)


def test_a_record_row_edited_outside_the_app_breaks_the_chain(database: Database) -> None:
    _insert_in_bulk(database, ("Person", "Other", "Third"))
    forged = _entries(database, "subjects")[1]
    _tamper(database, f"UPDATE audit_log SET new_value = replace(new_value, 'Other', 'Forged') WHERE id = {forged.id}")
    with database.engine.connect() as connection:
        report = verify_chain(connection)
    assert report.problem is not None
    assert (report.problem.row_id, report.problem.problem) == (
        forged.id,
        "its content was changed after it was written",
    )


def test_a_bulk_insert_writes_no_secret_into_the_trail(database: Database) -> None:
    user = {"username": "wang.li", "full_name": "Wang Li", "role": "coordinator", "password_hash": "$argon2id$secret"}
    with _write(database, "system") as session:
        insert_audited(session, User, [user], key=("username",))
    (entry,) = _entries(database, "users")
    assert record_fields(entry.new_value or "")["password_hash"] == REDACTED
    assert "secret" not in (entry.new_value or "")
