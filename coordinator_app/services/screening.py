"""Screening: registering candidates, their facts and consent, the eligibility verdict and its sign-off,
and the status lifecycle (enrolment, screen failure, withdrawal, completion).

Every change validates first and then writes in one transaction with its audit rows. Once a verdict is
signed, changing anything it rests on needs a reason and supersedes the signature (it is never edited).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from coordinator_app.domain.access import Permission, SignatureMeaning
from coordinator_app.domain.eligibility import (
    Assessment,
    FactDefinition,
    Verdict,
    format_fact,
    parse_fact,
)
from coordinator_app.domain.errors import NotFoundError, ReasonRequiredError, ValidationError, require_instant, shown
from coordinator_app.domain.identity import mask_identity_number, validate_identity_number
from coordinator_app.domain.protocol import Protocol
from coordinator_app.domain.subjects import (
    ENROLLED_STATUSES,
    TRANSITIONS,
    Sex,
    SubjectStatus,
    format_number,
    full_name,
    next_sequence,
)
from coordinator_app.services.concurrency import require_version
from coordinator_app.services.contact_validation import normalize_phone
from coordinator_app.services.database import Database
from coordinator_app.services.names import initials
from coordinator_app.services.signatures import SignatureService, add_signature
from coordinator_app.services.subject_summaries import (
    SubjectRow,
    assess_record,
    store_subject_summaries,
    subject_rows,
)
from coordinator_app.services.trials import TrialService
from coordinator_app.services.users import Credentials
from coordinator_app.storage import models
from coordinator_app.storage.types import utc_now


@dataclass(frozen=True)
class SubjectDraft:
    """A candidate's details as typed (or read from the site's log)."""

    family_name: str
    given_name: str
    sex: Sex
    date_of_birth: dt.date
    phone: str = ""
    identity_number: str = ""


class SubjectLabel(NamedTuple):
    trial_id: int
    label: str  # the subject number once enrolled, else the screening number


@dataclass(frozen=True)
class FactEntry:
    value: str  # canonical text, "" = unknown
    source_note: str


@dataclass(frozen=True)
class ConsentRecord:
    document_version: str
    signed_at: dt.datetime
    obtained_by: str
    copy_given: bool | None  # None: not recorded

    @property
    def signed_on(self) -> dt.date:
        """The day it was signed, on this desktop's clock."""
        return self.signed_at.astimezone().date()


@dataclass(frozen=True)
class Signoff:
    verdict: Verdict
    failing: tuple[str, ...]
    assessment_date: dt.date
    signed_by: str
    meaning: str
    signed_at: dt.datetime
    reason: str
    superseded_at: dt.datetime | None


@dataclass(frozen=True)
class SubjectDetail:
    """Everything the checklist shows about one subject, with the verdict computed now."""

    id: int
    trial_id: int
    screening_number: str
    subject_number: str | None
    family_name: str
    given_name: str
    sex: Sex
    date_of_birth: dt.date
    phone: str
    identity_number: str | None
    status: SubjectStatus
    screened_on: dt.date
    assessment_date: dt.date
    enrolled_on: dt.date | None
    status_date: dt.date | None
    status_reason: str
    facts: Mapping[str, FactEntry]
    consent: ConsentRecord | None
    assessment: Assessment
    signoff: Signoff | None  # the current signature; None when never signed or superseded
    signoff_history: tuple[Signoff, ...]
    version: int = 1  # of the subject's own row: details, status, assessment date
    fact_versions: Mapping[str, int] = field(default_factory=dict)  # of each fact's row

    @property
    def name(self) -> str:
        return full_name(self.family_name, self.given_name)

    @property
    def identity_masked(self) -> str:
        return mask_identity_number(self.identity_number) if self.identity_number else ""

    @property
    def initials(self) -> str:
        return initials(self.family_name, self.given_name)

    @property
    def row(self) -> SubjectRow:
        """The subject as the subject list shows it."""
        return SubjectRow(
            id=self.id,
            trial_id=self.trial_id,
            screening_number=self.screening_number,
            subject_number=self.subject_number,
            family_name=self.family_name,
            given_name=self.given_name,
            initials=self.initials,
            sex=self.sex,
            date_of_birth=self.date_of_birth,
            identity_masked=self.identity_masked,
            status=self.status,
            status_reason=self.status_reason,
            screened_on=self.screened_on,
            assessment_date=self.assessment_date,
            verdict=self.assessment.verdict,
        )

    @property
    def needs_reason_to_change(self) -> bool:
        """A signed verdict rests on the data: changing it needs a reason (and a new signature)."""
        return self.signoff is not None


class ScreeningService:
    def __init__(self, database: Database, trials: TrialService, signatures: SignatureService) -> None:
        self._db = database
        self._trials = trials
        self._signatures = signatures

    # -- reading -------------------------------------------------------------------------------

    def detail(self, subject_id: int) -> SubjectDetail:
        with self._db.read() as session:
            subject = _load(session, subject_id)
            return self._detail(subject, self._trials.protocol(subject.trial_id))

    def label(self, subject_id: int) -> SubjectLabel:
        """The subject's trial and the number lists name it by (its subject number once enrolled), without reading
        its record (as :meth:`detail` does) for a panel that needs only these."""
        with self._db.read() as session:
            row = session.execute(
                select(models.Subject.trial_id, models.Subject.subject_number, models.Subject.screening_number).where(
                    models.Subject.id == subject_id
                )
            ).one_or_none()
        if row is None:
            raise NotFoundError(f"no subject with id {subject_id}")
        return SubjectLabel(row.trial_id, row.subject_number or row.screening_number)

    def find(self, trial_id: int, number: str) -> SubjectDetail:
        """The subject with this screening or subject number."""
        wanted = number.strip()
        with self._db.read() as session:
            subject_id = session.scalar(
                select(models.Subject.id).where(
                    models.Subject.trial_id == trial_id,
                    (models.Subject.screening_number == wanted) | (models.Subject.subject_number == wanted),
                )
            )
        if subject_id is None:
            raise NotFoundError(f"no subject numbered {shown(wanted)} in this trial")
        return self.detail(subject_id)

    def details(self, trial_id: int) -> list[SubjectDetail]:
        """Every subject of the trial with their verdict, by screening number (for lists and the log)."""
        protocol = self._trials.protocol(trial_id)
        with self._db.read() as session:
            subjects = session.scalars(
                _subject_query().where(models.Subject.trial_id == trial_id).order_by(models.Subject.screening_number)
            )
            return [self._detail(s, protocol) for s in subjects]

    def rows(self, trial_id: int, after: str | None = None, limit: int | None = None) -> list[SubjectRow]:
        """The trial's subjects as the subject list shows them, by screening number: all of them, or a page (at most
        ``limit``, after the screening number ``after``). One indexed query however large the trial (verdicts and
        initials come from the stored summaries)."""
        with self._db.read() as session:
            rows, stale = subject_rows(session, trial_id, after, limit)
        if stale:  # after the migration that added them, or a protocol changed outside the app
            with self._db.system_write() as session:  # computed again from what is saved now, and stored
                store_subject_summaries(session, trial_id, stale)
        return rows

    def subject_count(self, trial_id: int) -> int:
        """How many subjects the trial has (registered, whatever their status)."""
        with self._db.read() as session:
            return session.scalar(select(func.count()).where(models.Subject.trial_id == trial_id)) or 0

    def current_signoff(self, subject_id: int) -> Signoff | None:
        """The signature standing on the subject's verdict now (None: never signed, or superseded)."""
        with self._db.read() as session:
            row = session.scalars(
                select(models.EligibilitySignoff)
                .where(
                    models.EligibilitySignoff.subject_id == subject_id,
                    models.EligibilitySignoff.superseded_at.is_(None),
                )
                .order_by(models.EligibilitySignoff.signed_at.desc())
            ).first()
            return _signoff(row) if row is not None else None

    def _detail(self, subject: models.Subject, protocol: Protocol) -> SubjectDetail:
        facts = {f.name: FactEntry(f.value, f.source_note) for f in subject.facts}
        consent = _consent(subject)
        signoffs = tuple(_signoff(s) for s in subject.signoffs)
        current = next((s for s in reversed(signoffs) if s.superseded_at is None), None)
        return SubjectDetail(
            id=subject.id,
            trial_id=subject.trial_id,
            screening_number=subject.screening_number,
            subject_number=subject.subject_number,
            family_name=subject.family_name,
            given_name=subject.given_name,
            sex=Sex(subject.sex),
            date_of_birth=subject.date_of_birth,
            phone=subject.phone,
            identity_number=subject.identity_number,
            status=SubjectStatus(subject.status),
            screened_on=subject.screened_on,
            assessment_date=subject.assessment_date,
            enrolled_on=subject.enrolled_on,
            status_date=subject.status_date,
            status_reason=subject.status_reason,
            facts=facts,
            consent=consent,
            assessment=_assess(protocol, subject, facts, consent),
            signoff=current,
            signoff_history=signoffs,
            version=subject.version,
            fact_versions={f.name: f.version for f in subject.facts},
        )

    # -- registering and editing ------------------------------------------------------------------

    def register(
        self, trial_id: int, draft: SubjectDraft, actor: str, *, today: dt.date | None = None
    ) -> SubjectDetail:
        """A new candidate in screening with the next screening number; assessed as of ``today``."""
        day = today or dt.date.today()
        clean = validate_subject(draft, day)
        with self._db.write(actor, permission=Permission.SCREEN) as session:
            trial = lock_trial(session, trial_id)
            number = format_number(
                trial.screening_prefix,
                next_sequence(trial.screening_prefix, _numbers(session, trial_id, models.Subject.screening_number)),
                trial.number_digits,
            )
            subject = models.Subject(
                trial_id=trial_id,
                screening_number=number,
                status=SubjectStatus.SCREENING,
                screened_on=day,
                assessment_date=day,
            )
            _apply_draft(subject, clean)
            session.add(subject)
            session.flush()
            subject_id = subject.id
        return self.detail(subject_id)

    def update_details(
        self, subject_id: int, draft: SubjectDraft, actor: str, reason: str = "", *, expected_version: int | None = None
    ) -> SubjectDetail:
        current = self.detail(subject_id)
        clean = validate_subject(draft, current.assessment_date)
        changes_verdict_input = (clean.sex, clean.date_of_birth) != (current.sex, current.date_of_birth)
        _require_reason(current, reason, changes_verdict_input, corrects_saved=True)
        with self._db.write(actor, reason, permission=Permission.SCREEN) as session:
            subject = _load(session, subject_id)
            _require_subject_version(session, subject, expected_version)
            _apply_draft(subject, clean)
            if changes_verdict_input:
                _supersede(subject)
        return self.detail(subject_id)

    def set_assessment_date(
        self, subject_id: int, day: dt.date, actor: str, reason: str = "", *, expected_version: int | None = None
    ) -> SubjectDetail:
        """Assess as of ``day`` (a paper screening entered later is back-dated)."""
        current = self.detail(subject_id)
        if day == current.assessment_date:
            return current
        if day < current.date_of_birth:
            raise ValidationError("assessment date", day.isoformat(), "is before the date of birth")
        if day > dt.date.today():
            raise ValidationError("assessment date", day.isoformat(), "is in the future")
        _require_reason(current, reason, True, corrects_saved=True)
        protocol = self._trials.protocol(current.trial_id)
        self._check_assessable(protocol, current, current.facts, day)
        with self._db.write(actor, reason, permission=Permission.SCREEN) as session:
            subject = _load(session, subject_id)
            _require_subject_version(session, subject, expected_version)
            subject.assessment_date = day
            _supersede(subject)
        return self.detail(subject_id)

    def record_fact(
        self,
        subject_id: int,
        name: str,
        text: str,
        source_note: str,
        actor: str,
        reason: str = "",
        *,
        expected_version: int | None = None,
    ) -> SubjectDetail:
        """Enter or correct one fact; every criterion that reads it is re-evaluated at once. ``expected_version``
        is the fact's version the screen showed (``ABSENT`` when it showed no value)."""
        current = self.detail(subject_id)
        protocol = self._trials.protocol(current.trial_id)
        definition = _fact_definition(protocol, name)
        value = format_fact(definition, parse_fact(definition, text))
        entry = FactEntry(value, source_note.strip())
        if current.facts.get(name, FactEntry("", "")) == entry:
            return current
        _require_reason(current, reason, True, corrects_saved=name in current.facts)
        self._check_assessable(protocol, current, {**current.facts, name: entry}, current.assessment_date)
        with self._db.write(actor, reason, permission=Permission.SCREEN) as session:
            subject = _load(session, subject_id)
            stored = next((f for f in subject.facts if f.name == name), None)
            require_version(
                session,
                models.SubjectFact.__tablename__,
                stored.id if stored else f"{subject_id}:{name}",
                stored,
                expected_version,
                f"{current.screening_number}: {name}",
            )
            if stored is None:
                session.add(models.SubjectFact(subject=subject, name=name, value=value, source_note=entry.source_note))
            else:
                stored.value = value
                stored.source_note = entry.source_note
            _supersede(subject)
        return self.detail(subject_id)

    def record_consent(
        self,
        subject_id: int,
        document_version: str,
        signed_at: dt.datetime,
        obtained_by: str,
        copy_given: bool | None,
        actor: str,
        reason: str = "",
    ) -> SubjectDetail:
        current = self.detail(subject_id)
        protocol = self._trials.protocol(current.trial_id)
        consent = validate_consent(protocol, document_version, signed_at, obtained_by, copy_given)
        _require_reason(current, reason, True, corrects_saved=current.consent is not None)
        with self._db.write(actor, reason, permission=Permission.SCREEN) as session:
            subject = _load(session, subject_id)
            session.add(
                models.Consent(
                    subject=subject,
                    document_version=consent.document_version,
                    signed_at=consent.signed_at,
                    obtained_by=consent.obtained_by,
                    copy_given=consent.copy_given,
                )
            )
            _supersede(subject)
        return self.detail(subject_id)

    # -- the verdict -----------------------------------------------------------------------------

    def sign_eligibility(self, subject_id: int, signer: Credentials, reason: str = "") -> SubjectDetail:
        """The investigator signs the current verdict with their password ("approved eligibility"). Consent must
        be recorded; an incomplete verdict cannot be signed; signing again after a change needs a reason."""
        current = self.detail(subject_id)
        if current.status is not SubjectStatus.SCREENING:
            raise ValidationError("status", current.status.value, "only subjects in screening can be signed off")
        if current.consent is None:
            raise ValidationError("informed consent", "", "must be recorded before the checklist is signed")
        if current.signoff is not None:
            raise ValidationError("sign-off", current.signoff.signed_by, "the verdict is already signed")
        assessment = current.assessment
        if assessment.verdict is Verdict.INCOMPLETE:
            raise ValidationError(
                "verdict", assessment.verdict.value, f"cannot be signed: missing {', '.join(assessment.missing)}"
            )
        if current.signoff_history and not reason.strip():
            raise ValidationError("reason", reason, "is required to sign a verdict again after a change")
        investigator = self._signatures.authenticate(signer, SignatureMeaning.APPROVED_ELIGIBILITY)
        with self._db.write(investigator.username, reason, permission=Permission.SIGN_ELIGIBILITY) as session:
            subject = _load(session, subject_id)
            signoff = models.EligibilitySignoff(
                subject=subject,
                assessment_date=assessment.assessment_date,
                verdict=assessment.verdict,
                failing="; ".join(assessment.failing),
                facts_digest=_digest(current),
                signed_by=investigator.display_name,
                meaning=SignatureMeaning.APPROVED_ELIGIBILITY.value,
                signed_at=utc_now(),
                reason=reason.strip(),
            )
            session.add(signoff)
            session.flush()
            add_signature(
                session,
                investigator,
                SignatureMeaning.APPROVED_ELIGIBILITY,
                (models.EligibilitySignoff.__tablename__, signoff.id),
                subject_id,
                {"verdict": signoff.verdict, "failing": signoff.failing, "facts": signoff.facts_digest},
            )
        return self.detail(subject_id)

    # -- status ------------------------------------------------------------------------------------

    def enrol(self, subject_id: int, on: dt.date, actor: str, override_reason: str = "") -> SubjectDetail:
        """Enrol a subject whose signed verdict is eligible; refused past the target unless overridden."""
        current = self.detail(subject_id)
        _check_transition(current, SubjectStatus.ENROLLED)
        if current.signoff is None or current.signoff.verdict is not Verdict.ELIGIBLE:
            raise ValidationError("verdict", _verdict_text(current), "enrolment needs a signed eligible verdict")
        if on < current.assessment_date:
            raise ValidationError("enrolment date", on.isoformat(), "is before the eligibility assessment")
        if on > dt.date.today():
            raise ValidationError("enrolment date", on.isoformat(), "is in the future")
        protocol = self._trials.protocol(current.trial_id)
        target = protocol.design.enrollment_target
        with self._db.write(actor, override_reason, permission=Permission.SCREEN) as session:
            trial = lock_trial(session, current.trial_id)
            subject = _load(session, subject_id)
            _require_subject_version(session, subject, current.version)  # not enrolled by someone meanwhile
            enrolled = session.scalar(
                select(func.count())
                .select_from(models.Subject)
                .where(models.Subject.trial_id == trial.id, models.Subject.status.in_(list(ENROLLED_STATUSES)))
            )
            if (enrolled or 0) >= target and not override_reason.strip():
                raise ReasonRequiredError(
                    "enrolment", enrolled, f"the target of {target} is reached: give a reason to enrol beyond it"
                )
            subject.subject_number = format_number(
                trial.subject_prefix,
                next_sequence(trial.subject_prefix, _numbers(session, trial.id, models.Subject.subject_number)),
                trial.number_digits,
            )
            subject.status = SubjectStatus.ENROLLED
            subject.enrolled_on = on
            subject.status_date = on
            subject.enrolment_override_reason = override_reason.strip() if (enrolled or 0) >= target else ""
        return self.detail(subject_id)

    def screen_fail(self, subject_id: int, on: dt.date, actor: str, reason: str = "") -> SubjectDetail:
        """End screening. The failing criteria are the reason, automatically; without any, a reason is required."""
        current = self.detail(subject_id)
        _check_transition(current, SubjectStatus.SCREEN_FAILED)
        failing = current.assessment.failing
        if failing:
            text = "; ".join(failing) + (f" — {reason.strip()}" if reason.strip() else "")
        elif reason.strip():
            text = reason.strip()
        else:
            raise ValidationError("reason", reason, "no criterion fails: say why screening ends")
        return self._end(subject_id, SubjectStatus.SCREEN_FAILED, on, text, actor)

    def withdraw(self, subject_id: int, on: dt.date, reason: str, actor: str) -> SubjectDetail:
        current = self.detail(subject_id)
        _check_transition(current, SubjectStatus.WITHDRAWN)
        if not reason.strip():
            raise ValidationError("withdrawal reason", reason, "is required")
        return self._end(subject_id, SubjectStatus.WITHDRAWN, on, reason.strip(), actor)

    def complete(self, subject_id: int, on: dt.date, actor: str) -> SubjectDetail:
        current = self.detail(subject_id)
        _check_transition(current, SubjectStatus.COMPLETED)
        return self._end(subject_id, SubjectStatus.COMPLETED, on, "", actor)

    def _end(self, subject_id: int, status: SubjectStatus, on: dt.date, reason: str, actor: str) -> SubjectDetail:
        current = self.detail(subject_id)
        start = current.enrolled_on or current.screened_on
        if on < start:
            raise ValidationError("date", on.isoformat(), f"is before {start.isoformat()}")
        if on > dt.date.today():
            raise ValidationError("date", on.isoformat(), "is in the future")
        with self._db.write(actor, permission=Permission.SCREEN) as session:
            subject = _load(session, subject_id)
            subject.status = status
            subject.status_date = on
            subject.status_reason = reason
        return self.detail(subject_id)

    # -- numbering -------------------------------------------------------------------------------

    def set_numbering(self, trial_id: int, screening_prefix: str, subject_prefix: str, digits: int, actor: str) -> None:
        """How new screening and subject numbers are formed; numbers already issued never change."""
        if not 1 <= digits <= 8:
            raise ValidationError("digits", digits, "must be from 1 to 8")
        for name, prefix in (("screening prefix", screening_prefix), ("subject prefix", subject_prefix)):
            if len(prefix) > 20 or any(ch.isspace() for ch in prefix):
                raise ValidationError(name, prefix, "must be at most 20 characters without spaces")
        if screening_prefix == subject_prefix:
            raise ValidationError("subject prefix", subject_prefix, "must differ from the screening prefix")
        with self._db.write(actor, permission=Permission.MANAGE_SITE) as session:
            trial = _trial(session, trial_id)
            trial.screening_prefix = screening_prefix
            trial.subject_prefix = subject_prefix
            trial.number_digits = digits

    def _check_assessable(
        self, protocol: Protocol, current: SubjectDetail, facts: Mapping[str, FactEntry], day: dt.date
    ) -> None:
        """Input errors the rules find (an event dated after the assessment date) are refused before saving."""
        assess_record(
            protocol,
            current.sex,
            current.date_of_birth,
            day,
            {name: entry.value for name, entry in facts.items()},
            current.consent.signed_at if current.consent else None,
        )


# -- validation ---------------------------------------------------------------------------------


def validate_subject(draft: SubjectDraft, assessment_date: dt.date) -> SubjectDraft:
    """The draft cleaned, or the first problem, naming its field and value."""
    family, given = draft.family_name.strip(), draft.given_name.strip()
    if not family:
        raise ValidationError("family name", draft.family_name, "is required")
    if draft.date_of_birth > assessment_date:
        raise ValidationError(
            "date of birth", draft.date_of_birth.isoformat(), f"is after the assessment date {assessment_date}"
        )
    identity = draft.identity_number.strip()
    if identity:
        identity = validate_identity_number(identity, draft.date_of_birth, Sex(draft.sex))
    return SubjectDraft(
        family_name=family,
        given_name=given,
        sex=Sex(draft.sex),
        date_of_birth=draft.date_of_birth,
        phone=normalize_phone(draft.phone),
        identity_number=identity,
    )


def validate_consent(
    protocol: Protocol, document_version: str, signed_at: dt.datetime, obtained_by: str, copy_given: bool | None
) -> ConsentRecord:
    versions = protocol.consent_version_names()
    if versions and document_version not in versions:
        raise ValidationError(
            "consent version", document_version, f"is not a version of this protocol ({', '.join(versions)})"
        )
    if not document_version.strip():
        raise ValidationError("consent version", document_version, "is required")
    require_instant("consent signed", signed_at)
    if signed_at > dt.datetime.now(dt.UTC):
        raise ValidationError("consent signed", signed_at.isoformat(timespec="minutes"), "is in the future")
    if not obtained_by.strip():
        raise ValidationError("consent obtained by", obtained_by, "is required")
    return ConsentRecord(document_version, signed_at, obtained_by.strip(), copy_given)


# -- helpers --------------------------------------------------------------------------------------


def _subject_query() -> Select[models.Subject]:
    return select(models.Subject).options(
        selectinload(models.Subject.facts),
        selectinload(models.Subject.consents),
        selectinload(models.Subject.signoffs),
    )


def _load(session: Session, subject_id: int) -> models.Subject:
    subject = session.scalar(_subject_query().where(models.Subject.id == subject_id))
    if subject is None:
        raise NotFoundError(f"no subject with id {subject_id}")
    return subject


def _trial(session: Session, trial_id: int) -> models.Trial:
    trial = session.get(models.Trial, trial_id)
    if trial is None:
        raise NotFoundError(f"no trial with id {trial_id}")
    return trial


def lock_trial(session: Session, trial_id: int) -> models.Trial:
    """The trial, locked until the transaction ends (SELECT … FOR UPDATE on PostgreSQL; SQLite write units hold
    the database's write lock already), so that numbering and the enrolment count see every concurrent
    registration: no number is issued twice and the target is not passed without an override."""
    trial = session.scalars(select(models.Trial).where(models.Trial.id == trial_id).with_for_update()).one_or_none()
    if trial is None:
        raise NotFoundError(f"no trial with id {trial_id}")
    return trial


def _numbers(
    session: Session, trial_id: int, column: InstrumentedAttribute[str] | InstrumentedAttribute[str | None]
) -> list[str]:
    """Every number already issued in ``column`` for the trial, to continue the sequence after them."""
    return [n for n in session.scalars(select(column).where(models.Subject.trial_id == trial_id)) if n]


def _apply_draft(subject: models.Subject, draft: SubjectDraft) -> None:
    subject.family_name = draft.family_name
    subject.given_name = draft.given_name
    subject.sex = draft.sex
    subject.date_of_birth = draft.date_of_birth
    subject.phone = draft.phone
    subject.identity_number = draft.identity_number or None


def _supersede(subject: models.Subject) -> None:
    """The signed verdict no longer describes the data: keep it, marked superseded."""
    for signoff in subject.signoffs:
        if signoff.superseded_at is None:
            signoff.superseded_at = utc_now()


def _require_subject_version(session: Session, subject: models.Subject, expected: int | None) -> None:
    require_version(session, models.Subject.__tablename__, subject.id, subject, expected, subject.screening_number)


def _require_reason(current: SubjectDetail, reason: str, touches_verdict: bool, *, corrects_saved: bool) -> None:
    """A change to what is signed, or to anything already saved, says why (ALCOA+: the audit row keeps it)."""
    if reason.strip():
        return
    if touches_verdict and current.needs_reason_to_change:
        raise ReasonRequiredError("reason", reason, "the verdict is signed: give a reason for the change")
    if corrects_saved:
        raise ReasonRequiredError("reason", reason, "this changes data already saved: give a reason for the change")


def _check_transition(current: SubjectDetail, target: SubjectStatus) -> None:
    if target not in TRANSITIONS[current.status]:
        raise ValidationError("status", current.status.value, f"a subject cannot go from {current.status} to {target}")


def _verdict_text(current: SubjectDetail) -> str:
    return current.signoff.verdict.value if current.signoff else f"{current.assessment.verdict.value}, not signed"


def _fact_definition(protocol: Protocol, name: str) -> FactDefinition:
    for definition in protocol.eligibility.facts:
        if definition.name == name:
            return definition
    raise ValidationError("fact", name, "is not one of this protocol's eligibility facts")


def _consent(subject: models.Subject) -> ConsentRecord | None:
    if not subject.consents:
        return None
    latest = subject.consents[-1]
    return ConsentRecord(latest.document_version, latest.signed_at, latest.obtained_by, latest.copy_given)


def _signoff(row: models.EligibilitySignoff) -> Signoff:
    return Signoff(
        verdict=Verdict(row.verdict),
        failing=tuple(code for code in row.failing.split("; ") if code),
        assessment_date=row.assessment_date,
        signed_by=row.signed_by,
        meaning=row.meaning,
        signed_at=row.signed_at,
        reason=row.reason,
        superseded_at=row.superseded_at,
    )


def _assess(
    protocol: Protocol, subject: models.Subject, facts: Mapping[str, FactEntry], consent: ConsentRecord | None
) -> Assessment:
    return assess_record(
        protocol,
        Sex(subject.sex),
        subject.date_of_birth,
        subject.assessment_date,
        {name: entry.value for name, entry in facts.items()},
        consent.signed_at if consent else None,
    )


def _digest(current: SubjectDetail) -> str:
    """A fingerprint of what the signature covers, so a later reader can tell what was signed."""
    parts = [
        current.assessment_date.isoformat(),
        current.date_of_birth.isoformat(),
        current.sex.value,
        current.consent.signed_at.isoformat() if current.consent else "",
        *(f"{name}={entry.value}" for name, entry in sorted(current.facts.items())),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
