"""Migrations: an empty database reaches head, a database of the previous revision keeps its data."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import to_tuple
from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError

from coordinator_app.storage import migrate
from coordinator_app.storage.audit_chain import verify_chain
from coordinator_app.storage.engine import create_database_engine
from coordinator_app.storage.models import Base


def test_empty_database_is_migrated_to_head(database_url: str) -> None:
    engine = create_database_engine(database_url)
    assert migrate.current_revision(engine) is None

    migrate.upgrade(engine)

    assert migrate.current_revision(engine) == migrate.head_revision()
    assert {"trials", "audit_log", "contacts", "delegations", "subjects"} <= set(inspect(engine).get_table_names())


def test_migrated_schema_matches_the_models(database_url: str) -> None:
    """Every model change has its migration: autogenerate finds nothing left to do."""
    engine = create_database_engine(database_url)
    migrate.upgrade(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_previous_revision_upgrades_keeping_its_rows(database_url: str) -> None:
    engine = create_database_engine(database_url)
    migrate.upgrade(engine, "0002")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO trials (id, nct_id, title, protocol_json, protocol_sha256, source, loaded_at) "
                "VALUES (1, 'NCT00000001', 'Old trial', '{}', 'x', 'test', '2025-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO contacts (id, trial_id, kind, category, name, organisation, role, phone, email, notes, "
                "source, created_at) VALUES (7, 1, 'person', 'site_staff', 'Nurse Liu', '', 'Nurse', '+8613812345678', "
                "'', '', 'site', '2025-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO delegations (contact_id, trial_id, duty, start_date) "
                "VALUES (7, 1, 'Obtain informed consent', '2025-01-02')"
            )
        )

    migrate.upgrade(engine)

    with engine.connect() as connection:
        assert connection.execute(text("SELECT name, phone FROM contacts")).all() == [("Nurse Liu", "+8613812345678")]
        assert connection.execute(text("SELECT duty FROM delegations")).scalar_one() == "Obtain informed consent"
        assert connection.execute(text("SELECT count(*) FROM subjects")).scalar_one() == 0
        if engine.dialect.name == "sqlite":  # foreign keys are back on after the batch steps
            assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_the_chain_read_from_the_migration_files_is_alembics() -> None:
    """storage/migrate.py reads the chain from the files' text, so that a current database opens without importing
    Alembic: the same revisions, each after the same ones, and the same head as Alembic finds."""
    config = Config()
    config.set_main_option("script_location", migrate.SCRIPT_LOCATION)
    scripts = ScriptDirectory.from_config(config)
    alembic_chain = {script.revision: to_tuple(script.down_revision, default=()) for script in scripts.walk_revisions()}
    assert migrate.revisions() == alembic_chain
    assert migrate.head_revision() == scripts.get_current_head()


def test_the_stamped_revision_is_read_as_alembic_reads_it(database_url: str) -> None:
    engine = create_database_engine(database_url)
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine, "0002")
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == "0002"
    assert migrate.current_revision(engine) == "0002"
    assert not migrate.is_current(engine)


def test_upgrade_of_a_current_database_changes_nothing(database_url: str) -> None:
    engine = create_database_engine(database_url)
    migrate.upgrade(engine)
    migrate.upgrade(engine)
    assert migrate.is_current(engine)


@pytest.mark.sqlite_only
def test_sqlite_connections_get_the_safety_pragmas(database_url: str) -> None:
    engine = create_database_engine(database_url)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar_one() == 10_000
        assert connection.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL: fsync at every commit


def test_subjects_of_revision_0003_keep_their_names_and_dates(database_url: str) -> None:
    engine = create_database_engine(database_url)
    migrate.upgrade(engine, "0003")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO trials (id, nct_id, title, protocol_json, protocol_sha256, source, loaded_at) "
                "VALUES (1, 'NCT00000001', 'Old trial', '{}', 'x', 'test', '2025-01-01 00:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO subjects (trial_id, screening_number, status, full_name, sex, date_of_birth, phone,"
                " screened_on, created_at) VALUES (1, 'S001', 'screening', '王建国', 'male', '1971-03-14', '',"
                " '2026-05-06', '2026-05-06 00:00:00')"
            )
        )

    migrate.upgrade(engine)

    with engine.connect() as connection:
        row = connection.execute(
            text("SELECT family_name, given_name, assessment_date, status_reason FROM subjects")
        ).one()
        assert tuple(row) == (
            "王建国",
            "",
            dt.date(2026, 5, 6) if engine.dialect.name == "postgresql" else "2026-05-06",
            "",
        )
        assert connection.execute(text("SELECT screening_prefix, number_digits FROM trials")).one() == ("SCR-", 3)


def test_audit_rows_of_revision_0007_are_chained_and_then_append_only(database_url: str) -> None:
    engine = create_database_engine(database_url)
    migrate.upgrade(engine, "0007")
    with engine.begin() as connection:
        for number, value in enumerate(("王建国", "enrolled", "2026-05-06"), start=1):
            connection.execute(
                text(
                    "INSERT INTO audit_log (id, occurred_at, actor, action, table_name, record_id, field, new_value) "
                    "VALUES (:id, '2026-05-06 08:00:00.000000', 'nurse.liu', 'insert', 'subjects', '1', 'x', :value)"
                ),
                {"id": number, "value": value},
            )

    migrate.upgrade(engine)

    with engine.connect() as connection:
        report = verify_chain(connection)
        assert (report.intact, report.rows_checked) == (True, 3)
        assert connection.execute(text("SELECT occurred_local FROM audit_log WHERE id = 1")).scalar_one() == (
            "2026-05-06T08:00:00+00:00"
        )
    with pytest.raises(DatabaseError, match="append-only"), engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET new_value = 'forged' WHERE id = 1"))


def test_visits_of_revision_0009_learn_their_trial(database_url: str) -> None:
    """0010 repeats each visit's trial on the visit (for a trial's calendar as one index range)."""
    engine = create_database_engine(database_url)
    migrate.upgrade(engine, "0009")
    with engine.begin() as connection:
        for trial_id in (1, 2):
            connection.execute(
                text(
                    "INSERT INTO trials (id, nct_id, title, protocol_json, protocol_sha256, source, loaded_at,"
                    " screening_prefix, subject_prefix, number_digits) VALUES"
                    f" ({trial_id}, 'NCT0000000{trial_id}', 'Trial', '{{}}', 'x', 'test', '2025-01-01 00:00:00',"
                    " 'SCR-', 'SUB-', 3)"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO subjects (id, trial_id, screening_number, status, family_name, given_name, sex,"
                    " date_of_birth, phone, screened_on, assessment_date, enrolment_override_reason, status_reason,"
                    f" created_at) VALUES ({trial_id}, {trial_id}, 'S001', 'enrolled', '王', '建国', 'male',"
                    " '1971-03-14', '', '2026-05-06', '2026-05-06', '', '', '2026-05-06 00:00:00')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO visits (subject_id, code, status, scheduled_on, window_start, window_end, sequence)"
                    f" VALUES ({trial_id}, 'D1', 'scheduled', '2026-05-20', '2026-05-20', '2026-05-20', 0)"
                )
            )

    migrate.upgrade(engine)

    with engine.connect() as connection:
        rows = connection.execute(text("SELECT subject_id, trial_id FROM visits ORDER BY subject_id")).all()
    assert [tuple(row) for row in rows] == [(1, 1), (2, 2)]
