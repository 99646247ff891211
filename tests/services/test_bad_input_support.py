"""What the bad-input properties (tests/services/test_bad_input*.py) share: the junk they feed the services, and
the check that a call either saved what it was given or refused it with a clear error and changed nothing.

The property, for every create/update service: the call returns, and the database then holds the record as saved
(each test reads it back), every text fits its column (PostgreSQL refuses an over-long value or a NUL character
where SQLite keeps it); or it raises one of the app's clear user errors, whose message names the field and stays
short, and the database is exactly as before. Any other exception (TypeError, OverflowError, an SQLAlchemy error,
a ValueError that is not a ValidationError...) is a bug.

This module holds no tests; it is named like them so that it belongs to the same set of files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from sqlalchemy import String, select

from coordinator_app.domain.errors import (
    AuthenticationError,
    ConcurrentChangeError,
    NotFoundError,
    PermissionDeniedError,
    ProtocolError,
    ValidationError,
)
from coordinator_app.domain.subjects import Sex
from coordinator_app.services.csv_import import CsvImportError
from coordinator_app.services.demo_subjects import eligible_facts
from coordinator_app.services.infusions import InfusionDraft, VitalSigns
from coordinator_app.services.screening import SubjectDraft
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import Workspace
from coordinator_app.storage.models import Base, User

T = TypeVar("T")

# One database per test function (the ``workspace`` fixture), shared by its examples; derandomised so that CI
# and every desktop run the same examples, and no example database on disk.
BAD_INPUT = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

CLEAR_ERRORS = (
    ValidationError,
    ConcurrentChangeError,
    NotFoundError,
    PermissionDeniedError,
    AuthenticationError,
    CsvImportError,
    ProtocolError,
)
MAX_MESSAGE = 600  # characters: a dialog or one line of the command line, not a dump of the input

TODAY = dt.date.today()

# -- junk -------------------------------------------------------------------------------------------------------

SPECIAL_TEXTS = (
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.invalid")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "'; DROP TABLE subjects; --",
    "Robert'); DELETE FROM audit_log; --",
    '" OR 1=1 --',
    "%s%s%n",
    "{0}{1}",
    "${jndi:ldap://x}",
    "<script>alert(1)</script>",
    "NULL",
    "None",
    "null",
    "undefined",
    "\u202eevil",
    "\ufeffBOM",
    "e\u0301",
    "\U0001f600",
    "王建国",
    "𠀀𪚥",
    "ｘ",
    "\x00",
    "a\x00b",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\u2028",
    "\x7f",
)

NUMBER_TEXTS = (
    "nan",
    "NaN",
    "-nan",
    "sNaN",
    "inf",
    "-inf",
    "Infinity",
    "1e309",
    "-1e309",
    "1e-400",
    "1e999999999",
    "1e-999999999",
    "-0",
    "+0",
    "0",
    "0.0",
    "1,000",
    "1,000.5",
    "1.000,5",
    "1.2.3",
    "1e8",
    "1E+8",
    "1.0e8",
    "0x10",
    "١٢٣",
    "１２３",
    "²",
    "1_000",
    " 12 ",
    "12abc",
    "--1",
    ".",
    "e5",
    "9" * 400,
    "-" + "9" * 400,
    "0." + "0" * 400 + "1",
    "1." + "0" * 60 + "1",
)

# Text without surrogates (what a keyboard, a file or a paste can deliver), from any plane.
_CHARACTERS = st.characters(codec="utf-8")


def _long_text() -> st.SearchStrategy[str]:
    return st.builds(
        lambda part, count: part * count, st.text(_CHARACTERS, min_size=1, max_size=3), st.integers(70, 2000)
    )


def junk_text(*good: str) -> st.SearchStrategy[str]:
    """Any text a field might be given: empty, blank, control characters, NUL, CJK, SQL, formulas, very long...;
    with ``good``, sometimes one of those plausible values, so that some calls get past validation and save."""
    choices = [
        st.just(""),
        st.text(st.sampled_from(" \t\n\r\u3000\xa0\u2003"), min_size=1, max_size=5),
        st.text(_CHARACTERS, max_size=30),
        st.text(st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), min_size=1, max_size=8),
        st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=12),
        st.sampled_from(SPECIAL_TEXTS),
        st.sampled_from(NUMBER_TEXTS),
        _long_text(),
    ]
    junk = st.one_of(*choices)
    if not good:
        return junk
    return mostly(st.one_of(st.sampled_from(good), st.sampled_from(good).map(lambda text: f"  {text}\t")), junk)


def mostly(plausible: st.SearchStrategy[T], junk: st.SearchStrategy[T]) -> st.SearchStrategy[T]:
    """``plausible`` two times in three, ``junk`` otherwise: a call gets past validation often enough to save,
    although each of its fields may be junk."""
    return st.integers(0, 2).flatmap(lambda pick: junk if pick == 2 else plausible)


def number_text(*good: str) -> st.SearchStrategy[str]:
    """A number as typed: odd spellings, non-finite, huge, tiny, localised; sometimes a plausible one."""
    choices = [
        st.sampled_from(NUMBER_TEXTS),
        st.decimals(allow_nan=True, allow_infinity=True).map(str),
        st.floats().map(repr),
        st.integers().map(str),
        st.integers(-(10**12), 10**12).map(lambda n: f"{n:,}"),
        junk_text(),
    ]
    junk = st.one_of(*choices)
    return mostly(st.sampled_from(good), junk) if good else junk


def junk_date(*good: dt.date) -> st.SearchStrategy[dt.date]:
    """A date from the whole calendar, the edges of Python's in particular; sometimes a plausible one."""
    edges = st.sampled_from(
        [dt.date.min, dt.date(1, 1, 2), dt.date.max, dt.date(9999, 12, 30), dt.date(1900, 1, 1), dt.date(1970, 1, 1)]
    )
    near = st.integers(-800, 800).map(lambda days: TODAY + dt.timedelta(days=days))
    junk = st.one_of(edges, st.dates(), near, near)
    return mostly(st.sampled_from(good), junk) if good else junk


OFFSETS = st.sampled_from(
    [
        dt.UTC,
        dt.timezone(dt.timedelta(hours=8)),
        dt.timezone(dt.timedelta(hours=14)),
        dt.timezone(-dt.timedelta(hours=12)),
    ]
)


def junk_datetime(*good: dt.datetime) -> st.SearchStrategy[dt.datetime]:
    """An aware instant from the whole range (the services refuse a naive one by contract: see the report)."""
    near = st.builds(
        lambda minutes, zone: (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=minutes)).astimezone(zone),
        st.integers(-800 * 24 * 60, 800 * 24 * 60),
        OFFSETS,
    )
    edges = st.builds(
        lambda moment, zone: moment.replace(tzinfo=zone),
        st.sampled_from([dt.datetime.min, dt.datetime.max, dt.datetime(1, 1, 1, 12), dt.datetime(9999, 12, 31, 12)]),
        OFFSETS,
    )
    junk = st.one_of(st.datetimes(timezones=OFFSETS), near, near, edges)
    return mostly(st.sampled_from(good), junk) if good else junk


def maybe(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


# -- the database before and after --------------------------------------------------------------------------------

# Bookkeeping that a refused signature commits on purpose (a failed password counts towards the lock-out).
_BOOKKEEPING_TABLES = frozenset({"sign_in_events"})
_BOOKKEEPING_COLUMNS = {
    User.__tablename__: frozenset({"failed_sign_ins", "locked_until", "last_sign_in_at", "version"}),
}


def fingerprint(workspace: Workspace) -> dict[str, tuple[int, str]]:
    """Per table (the audit log included): the number of rows and a digest of their content."""
    result: dict[str, tuple[int, str]] = {}
    with workspace.database.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name in _BOOKKEEPING_TABLES:
                continue
            skipped = _BOOKKEEPING_COLUMNS.get(table.name, frozenset())
            columns = [c for c in table.columns if c.name not in skipped]
            rows = connection.execute(select(*columns).order_by(*table.primary_key.columns)).all()
            digest = hashlib.sha256(repr([tuple(row) for row in rows]).encode("utf-8", "backslashreplace"))
            result[table.name] = (len(rows), digest.hexdigest())
    return result


def assert_storable(workspace: Workspace) -> None:
    """Every stored text fits its column and holds no NUL character: what a PostgreSQL server would refuse."""
    problems = []
    with workspace.database.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            texts = [c for c in table.columns if isinstance(c.type, String)]
            if not texts:
                continue
            for row in connection.execute(select(*table.primary_key.columns, *texts)):
                values = row._mapping
                for column in texts:
                    value = values[column]
                    if not isinstance(value, str):
                        continue
                    length = column.type.length
                    if length is not None and len(value) > length:
                        problems.append(f"{table.name}.{column.name}: {len(value)} characters, room for {length}")
                    if "\x00" in value:
                        problems.append(f"{table.name}.{column.name}: holds a NUL character {value[:40]!r}")
    assert not problems, "saved what a database server would refuse:\n" + "\n".join(problems)


def assert_clear(error: BaseException) -> None:
    """A refusal the user can act on: it names the field (or the line and column) and is not a dump."""
    message = str(error)
    assert message.strip(), f"{type(error).__name__} without a message"
    if isinstance(error, CsvImportError):
        assert error.problems, "an import refused without a problem"
        for problem in error.problems:
            assert len(str(problem)) <= MAX_MESSAGE, (
                f"import problem of {len(str(problem))} characters: {problem!s:.200}"
            )
            assert problem.column or problem.line <= 2 or problem.problem, problem
        return
    assert len(message) <= MAX_MESSAGE, f"message of {len(message)} characters: {message:.200}..."
    if isinstance(error, ValidationError):
        assert error.field.strip(), f"no field named: {message:.200}"
        assert message.startswith(error.field), message[:200]


def attempt(workspace: Workspace, call: Callable[[], T]) -> T | None:
    """Run ``call``: its result when it saved (and what it saved fits the database), None when it was refused with
    a clear error and the database is as before. Anything else fails the test with what was given."""
    before = fingerprint(workspace)
    try:
        result = call()
    except CLEAR_ERRORS as error:
        event(f"refused: {type(error).__name__} {getattr(error, 'field', '')}".rstrip())
        assert_clear(error)
        after = fingerprint(workspace)
        changed = [name for name in before if before[name] != after[name]]
        assert not changed, f"refused ({error!s:.200}) but changed {changed}"
        return None
    event("saved")
    assert_storable(workspace)
    return result


def same(actual: Any, expected: Any, what: str) -> None:
    assert actual == expected, f"{what}: saved {actual!r}, expected {expected!r}"


# -- subjects at the stage a service needs ------------------------------------------------------------------------

SIGNS_PASSWORD = "correct horse 42"  # conftest.PASSWORD, the test staff's


def screened(workspace: Workspace, trial_id: int, actor: str, on: dt.date = TODAY) -> int:
    """A new subject in screening, assessed on ``on``; its id."""
    subject = workspace.screening.register(
        trial_id, SubjectDraft("王", "建国", Sex.MALE, dt.date(1975, 6, 1)), actor, today=on
    )
    return subject.id


def signed_eligible(workspace: Workspace, trial_id: int, actor: str, investigator: str, on: dt.date = TODAY) -> int:
    """A subject in screening whose eligible verdict the investigator signed."""
    subject_id = eligible(workspace, trial_id, actor, on)
    workspace.screening.sign_eligibility(subject_id, Credentials(investigator, SIGNS_PASSWORD))
    return subject_id


def eligible(workspace: Workspace, trial_id: int, actor: str, on: dt.date = TODAY) -> int:
    """A subject in screening who meets every criterion and has consented; the verdict is not signed yet."""
    subject_id = screened(workspace, trial_id, actor, on)
    for name, value in eligible_facts(on).items():
        workspace.screening.record_fact(subject_id, name, value, "outpatient record", actor)
    version = workspace.trials.protocol(trial_id).current_consent_version
    consent = min(dt.datetime.combine(on, dt.time(9)).astimezone(), dt.datetime.now().astimezone())
    workspace.screening.record_consent(subject_id, version, consent, "Nurse Liu", True, actor)
    return subject_id


def enrolled(workspace: Workspace, trial_id: int, actor: str, investigator: str, on: dt.date = TODAY) -> int:
    subject_id = signed_eligible(workspace, trial_id, actor, investigator, on)
    workspace.screening.enrol(subject_id, on, actor, override_reason="bad-input tests enrol beyond the target")
    return subject_id


class Stock:
    """Subjects (or records) at the stage a test needs, shared by its examples: one is made when none is left,
    and a call that saves uses it up."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self.made = 0

    def take(self, kind: str, make: Callable[[], int]) -> int:
        if kind not in self._ids:
            self._ids[kind] = make()
            self.made += 1
        return self._ids[kind]

    def used(self, kind: str) -> None:
        self._ids.pop(kind, None)


def booked(
    workspace: Workspace, trial_id: int, actor: str, investigator: str, enrolled_on: dt.date, dose1: dt.date
) -> int:
    """An enrolled subject with dose 1 booked on ``dose1`` (the whole schedule generated)."""
    subject_id = enrolled(workspace, trial_id, actor, investigator, enrolled_on)
    workspace.schedules.book_dose1(subject_id, dose1, actor, deviation_reason="bad-input tests")
    return subject_id


def infusion_draft(day: dt.date, **changes: Any) -> InfusionDraft:
    """An infusion record that passes every check, given on ``day`` at 09:00 local time."""
    start = dt.datetime.combine(day, dt.time(9)).astimezone()
    fields: dict[str, Any] = {
        "product_lot": "LOT-1",
        "release_certificate": "QA-1",
        "cells_per_dose": "1.0e8",
        "viability_release_percent": "95",
        "viability_bedside_percent": "92",
        "prepared_at": start - dt.timedelta(minutes=30),
        "infusion_start": start,
        "infusion_end": start + dt.timedelta(minutes=40),
        "volume_ml": "100",
        "rate_ml_per_hour": "150",
        "transport_temperature_c": "4",
        "administered_by": "Nurse Liu",
        "checked_by": "Nurse Chen",
        "vital_signs": (VitalSigns(-15, "36.6", "80", "120", "80", "98"),),
    }
    fields.update(changes)
    return InfusionDraft(**fields)


def unlock_signers(workspace: Workspace, *usernames: str) -> None:
    """Wrong passwords typed by the examples must not lock a signer out of the next examples."""
    admin = next(u.username for u in workspace.users.list_users() if u.role.value == "administrator")
    for username in usernames:
        workspace.users.unlock(username, admin)
