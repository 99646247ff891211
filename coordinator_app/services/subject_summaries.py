"""Subject summaries: the rows of a trial's subject list, in one indexed query however large the trial.

A list row shows a verdict and is searched by pinyin initials. Both are derived from the subject's record (the
verdict from the facts, consent and dates under the trial's protocol; the initials from the name), and computing
them for thousands of subjects takes seconds. So they are stored in ``subject_summaries`` and kept in step by a
session hook: whenever a unit of work flushes a subject, one of its facts or consents, or a trial's protocol,
the summaries concerned are recomputed before the commit, in the same transaction. Bulk writers that bypass the
ORM call :func:`store_subject_summaries` themselves, or :func:`store_assessed_summaries` with the verdicts they
computed while checking their rows. A summary computed under another protocol (or missing, as
after the migration that created the table) is recomputed when a list reads it, and stored then.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import NamedTuple

from sqlalchemy import ColumnElement, delete, event, insert, select
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker

from coordinator_app.domain.eligibility import Assessment, SubjectFacts, Verdict, assess, parse_fact
from coordinator_app.domain.identity import mask_identity_number
from coordinator_app.domain.protocol import Protocol
from coordinator_app.domain.subjects import Sex, SubjectStatus, full_name
from coordinator_app.services.names import initials
from coordinator_app.services.stored_protocols import stored_protocol
from coordinator_app.storage import models

CHUNK = 500  # ids per IN list: well under SQLite's and PostgreSQL's parameter limits
_DUE_SUBJECTS = "subject_summaries_due"
_DUE_TRIALS = "subject_summaries_due_trials"


class SubjectRow(NamedTuple):
    """One subject as the subject list shows, sorts and searches it (a named tuple: thousands are made at once)."""

    id: int
    trial_id: int
    screening_number: str
    subject_number: str | None
    family_name: str
    given_name: str
    initials: str
    sex: Sex
    date_of_birth: dt.date
    identity_masked: str
    status: SubjectStatus
    status_reason: str
    screened_on: dt.date
    assessment_date: dt.date
    verdict: Verdict

    @property
    def name(self) -> str:
        return full_name(self.family_name, self.given_name)


def assess_record(
    protocol: Protocol,
    sex: Sex,
    date_of_birth: dt.date,
    assessment_date: dt.date,
    facts: Mapping[str, str],
    consent_signed_at: dt.datetime | None,
) -> Assessment:
    """The protocol's verdict on a subject's record: ``facts`` maps a fact's name to its stored text ("" unknown);
    the consent counts on the day it was signed, on this desktop's clock."""
    definitions = {d.name: d for d in protocol.eligibility.facts}
    values = {}
    for name, text in facts.items():
        if name in definitions:
            value = parse_fact(definitions[name], text)
            if value is not None:
                values[name] = value
    return assess(
        protocol.eligibility,
        SubjectFacts(
            date_of_birth=date_of_birth,
            sex=sex,
            consent_date=consent_signed_at.astimezone().date() if consent_signed_at else None,
            values=values,
        ),
        assessment_date,
    )


# -- computing and storing --------------------------------------------------------------------------------------


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def compute_summaries(session: Session, protocol: Protocol, subject_ids: Collection[int]) -> dict[int, tuple[str, str]]:
    """Verdict and initials of each subject, from the records as ``session`` sees them."""
    result: dict[int, tuple[str, str]] = {}
    subject = models.Subject
    for chunk in _chunks(subject_ids):
        facts: dict[int, dict[str, str]] = defaultdict(dict)
        for subject_id, name, value in session.execute(
            select(models.SubjectFact.subject_id, models.SubjectFact.name, models.SubjectFact.value).where(
                models.SubjectFact.subject_id.in_(chunk)
            )
        ):
            facts[subject_id][name] = value
        consents: dict[int, dt.datetime] = {}
        for subject_id, signed_at in session.execute(
            select(models.Consent.subject_id, models.Consent.signed_at)
            .where(models.Consent.subject_id.in_(chunk))
            .order_by(models.Consent.signed_at)
        ):
            consents[subject_id] = signed_at  # the latest wins, as on the checklist
        for row in session.execute(
            select(
                subject.id,
                subject.family_name,
                subject.given_name,
                subject.sex,
                subject.date_of_birth,
                subject.assessment_date,
            ).where(subject.id.in_(chunk))
        ):
            assessment = assess_record(
                protocol, Sex(row.sex), row.date_of_birth, row.assessment_date, facts[row.id], consents.get(row.id)
            )
            result[row.id] = (assessment.verdict.value, initials(row.family_name, row.given_name))
    return result


class AssessedSubject(NamedTuple):
    """A new subject with the verdict its writer computed: the one ``assess_record`` gives on the stored record."""

    verdict: Verdict
    family_name: str
    given_name: str


def store_assessed_summaries(
    session: Session, trial_id: int, protocol: Protocol, subjects: Mapping[int, AssessedSubject]
) -> None:
    """Store the summaries of new subjects of ``trial_id`` (none stored yet) whose verdicts the caller computed under
    ``protocol``: an import assesses every row while checking it, and computing the verdicts again from the stored
    rows would double its work. When ``protocol`` is no longer the trial's (loaded again meanwhile), they are
    computed from the stored rows instead."""
    digest, stored = stored_protocol(session, trial_id)
    if not digest or stored != protocol:
        store_subject_summaries(session, trial_id, subjects.keys())
        return
    _insert_summaries(
        session,
        digest,
        {
            subject_id: (subject.verdict.value, initials(subject.family_name, subject.given_name))
            for subject_id, subject in subjects.items()
        },
    )


def store_subject_summaries(session: Session, trial_id: int, subject_ids: Collection[int]) -> None:
    """Recompute and store the summaries of ``subject_ids``, subjects of ``trial_id``, in ``session``'s
    transaction. The subjects' rows are locked first (PostgreSQL; SQLite has one writer at a time), so two desktops
    changing one subject's facts at once cannot each store a verdict that misses the other's change."""
    for chunk in _chunks(subject_ids):
        session.execute(
            select(models.Subject.id).where(models.Subject.id.in_(chunk)).order_by(models.Subject.id).with_for_update()
        ).all()
    digest, protocol = stored_protocol(session, trial_id)
    computed = compute_summaries(session, protocol, subject_ids)
    for chunk in _chunks(computed):
        session.execute(delete(models.SubjectSummary).where(models.SubjectSummary.subject_id.in_(chunk)))
    _insert_summaries(session, digest, computed)


def _insert_summaries(session: Session, digest: str, computed: Mapping[int, tuple[str, str]]) -> None:
    """Store verdict and initials by subject, made under the protocol whose digest is ``digest``."""
    if computed:
        session.execute(
            insert(models.SubjectSummary),
            [
                {"subject_id": subject_id, "protocol_sha256": digest, "verdict": verdict, "initials": letters}
                for subject_id, (verdict, letters) in computed.items()
            ],
        )


# -- keeping them in step -----------------------------------------------------------------------------------------


def keep_subject_summaries(sessions: sessionmaker[Session]) -> None:
    """Recompute, before every commit of a session from ``sessions``, the summaries its flushes made stale."""
    event.listen(sessions, "after_flush", _note_stale)
    event.listen(sessions, "before_commit", _store_stale)


def _note_stale(session: Session, _context: UOWTransaction) -> None:
    subjects: set[int] = session.info.setdefault(_DUE_SUBJECTS, set())
    trials: set[int] = session.info.setdefault(_DUE_TRIALS, set())
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, models.Subject):
            subjects.add(obj.id)
        elif isinstance(obj, models.SubjectFact | models.Consent):
            subjects.add(obj.subject_id)
        elif isinstance(obj, models.Trial):
            trials.add(obj.id)


def _store_stale(session: Session) -> None:
    session.flush()  # what is still pending is noted too
    subjects: set[int] = session.info.pop(_DUE_SUBJECTS, set())
    trials: set[int] = session.info.pop(_DUE_TRIALS, set())
    if not subjects and not trials:
        return
    by_trial: dict[int, set[int]] = defaultdict(set)
    for chunk in _chunks(subjects):
        for subject_id, trial_id in session.execute(
            select(models.Subject.id, models.Subject.trial_id).where(models.Subject.id.in_(chunk))
        ):
            by_trial[trial_id].add(subject_id)
    for trial_id in trials:  # a protocol loaded again: its verdicts may differ now
        digest, _ = stored_protocol(session, trial_id)
        stale = session.scalars(
            select(models.Subject.id)
            .outerjoin(models.SubjectSummary)
            .where(models.Subject.trial_id == trial_id)
            .where(
                (models.SubjectSummary.protocol_sha256.is_(None)) | (models.SubjectSummary.protocol_sha256 != digest)
            )
        )
        by_trial[trial_id].update(stale)
    for trial_id, subject_ids in by_trial.items():
        store_subject_summaries(session, trial_id, subject_ids)


# -- reading --------------------------------------------------------------------------------------------------------


def subject_rows(
    session: Session, trial_id: int, after: str | None = None, limit: int | None = None
) -> tuple[list[SubjectRow], list[int]]:
    """The trial's subjects by screening number (those after ``after``, at most ``limit``: a page of the list), and
    the ids of those whose summary had to be computed now (missing, or made under another protocol): for the caller
    to store, in a transaction of its own.

    Screening numbers are ordered by code point, as Python orders them (the list sorts its loaded rows in Python):
    SQLite's default collation does so, PostgreSQL's follows the server's locale unless told "C"."""
    digest, protocol = stored_protocol(session, trial_id)
    subject, summary = models.Subject, models.SubjectSummary
    connection = session.connection()  # Core rows: the ORM's per-row work costs more than the query here
    number: ColumnElement[str] = subject.screening_number.expression
    if connection.dialect.name == "postgresql":
        number = number.collate("C")
    query = (
        select(
            subject.id,
            subject.screening_number,
            subject.subject_number,
            subject.family_name,
            subject.given_name,
            subject.sex,
            subject.date_of_birth,
            subject.identity_number,
            subject.status,
            subject.status_reason,
            subject.screened_on,
            subject.assessment_date,
            summary.protocol_sha256,
            summary.verdict,
            summary.initials,
        )
        .outerjoin(summary)
        .where(subject.trial_id == trial_id)
        .order_by(number)
        .limit(limit)
    )
    if after is not None:
        query = query.where(number > after)
    rows = connection.execute(query).all()
    stale = [row.id for row in rows if not digest or row.protocol_sha256 != digest]
    computed = compute_summaries(session, protocol, stale) if stale else {}
    result = []
    for (
        subject_id,
        screening_number,
        subject_number,
        family_name,
        given_name,
        sex,
        date_of_birth,
        identity_number,
        status,
        status_reason,
        screened_on,
        assessment_date,
        _digest,
        verdict,
        letters,
    ) in rows:
        if subject_id in computed:
            verdict, letters = computed[subject_id]
        result.append(
            SubjectRow(
                subject_id,
                trial_id,
                screening_number,
                subject_number,
                family_name,
                given_name,
                letters,
                SEXES[sex],
                date_of_birth,
                mask_identity_number(identity_number) if identity_number else "",
                STATUSES[status],
                status_reason,
                screened_on,
                assessment_date,
                VERDICTS[verdict],
            )
        )
    return result, stale


SEXES = {sex.value: sex for sex in Sex}  # look-ups by stored value, cheaper than the enums' own constructor
STATUSES = {status.value: status for status in SubjectStatus}
VERDICTS = {verdict.value: verdict for verdict in Verdict}
