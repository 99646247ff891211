"""Bad input at the service boundary, screening: every create/update either saves what it was given (read back
here) or refuses it with a clear error and changes nothing. See test_bad_input_support.py for the property."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import ACTOR, INVESTIGATOR, NURSE, PASSWORD
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from test_bad_input_support import (
    BAD_INPUT,
    TODAY,
    Stock,
    attempt,
    eligible,
    enrolled,
    junk_date,
    junk_datetime,
    junk_text,
    maybe,
    mostly,
    number_text,
    same,
    screened,
    signed_eligible,
    unlock_signers,
)

from coordinator_app.domain.eligibility import format_fact, parse_fact
from coordinator_app.domain.identity import check_character
from coordinator_app.domain.subjects import Sex, SubjectStatus
from coordinator_app.services.contact_validation import normalize_phone
from coordinator_app.services.screening import FactEntry, SubjectDraft
from coordinator_app.services.trials import Numbering, TrialSummary
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import Workspace
from coordinator_app.storage import models

BORN = dt.date(1975, 6, 1)
PHONES = ("13812345678", "+86 138 1234 5678", "0898-66123456", "+44 20 7946 0958", "12345", "+8613812345678")
SEXES = st.sampled_from(list(Sex))
_PLAIN = SubjectDraft("王", "建国", Sex.MALE, BORN)


@pytest.fixture
def stock() -> Stock:
    return Stock()


def _identity(born: dt.date, sex: Sex) -> str:
    """A valid identity number for ``born`` and ``sex`` (a four-digit year only)."""
    body = f"460100{born:%Y%m%d}12{1 if sex is Sex.MALE else 2}"
    return body + check_character(body)


@st.composite
def drafts(draw: st.DrawFn) -> SubjectDraft:
    sex = draw(SEXES)
    born = draw(junk_date(BORN, dt.date(1949, 12, 31), dt.date(2000, 2, 29)))
    identity_good = [_identity(born, sex), _identity(born, sex).lower()] if born.year >= 1000 else []
    return SubjectDraft(
        family_name=draw(junk_text("王", "Smith", "欧阳")),
        given_name=draw(junk_text("建国", "", "Anne-Marie")),
        sex=sex,
        date_of_birth=born,
        phone=draw(junk_text(*PHONES, "")),
        identity_number=draw(junk_text("", *identity_good)),
    )


def _check_details(workspace: Workspace, subject_id: int, draft: SubjectDraft) -> None:
    saved = workspace.screening.detail(subject_id)
    same(saved.family_name, draft.family_name.strip(), "family name")
    same(saved.given_name, draft.given_name.strip(), "given name")
    same(saved.sex, draft.sex, "sex")
    same(saved.date_of_birth, draft.date_of_birth, "date of birth")
    same(saved.phone, normalize_phone(draft.phone), "phone")
    identity = draft.identity_number.strip()
    same(saved.identity_number or "", identity[:-1] + identity[-1:].upper() if identity else "", "identity number")


@BAD_INPUT
@given(draft=drafts(), today=maybe(junk_date()))
@example(draft=SubjectDraft("王", "建国", Sex.MALE, BORN, "=cmd|' /C calc'!A0"), today=None)
@example(draft=SubjectDraft("王\x00", "", Sex.FEMALE, BORN), today=None)
@example(draft=SubjectDraft("王" * 101, "", Sex.FEMALE, BORN), today=None)
@example(draft=SubjectDraft("王", "建国", Sex.MALE, dt.date.min), today=dt.date.max)
def test_register(workspace: Workspace, trial: TrialSummary, draft: SubjectDraft, today: dt.date | None) -> None:
    saved = attempt(workspace, lambda: workspace.screening.register(trial.id, draft, ACTOR, today=today))
    if saved is None:
        return
    _check_details(workspace, saved.id, draft)
    same(saved.status, SubjectStatus.SCREENING, "status")
    same(saved.screened_on, today or dt.date.today(), "screened on")


@BAD_INPUT
@given(draft=drafts(), reason=junk_text("typo in the name"))
def test_update_details(workspace: Workspace, trial: TrialSummary, draft: SubjectDraft, reason: str) -> None:
    subject_id = _subject(workspace, trial)
    saved = attempt(workspace, lambda: workspace.screening.update_details(subject_id, draft, ACTOR, reason))
    if saved is not None:
        _check_details(workspace, subject_id, draft)


def _subject(workspace: Workspace, trial: TrialSummary) -> int:
    """The one subject in screening that a test's examples share (registered by the first)."""
    subjects = workspace.screening.details(trial.id)
    return subjects[0].id if subjects else screened(workspace, trial.id, ACTOR, TODAY - dt.timedelta(days=2))


@BAD_INPUT
@given(day=junk_date(TODAY - dt.timedelta(days=3), BORN), reason=junk_text("paper screening entered late"))
def test_set_assessment_date(workspace: Workspace, trial: TrialSummary, day: dt.date, reason: str) -> None:
    subject_id = _subject(workspace, trial)
    saved = attempt(workspace, lambda: workspace.screening.set_assessment_date(subject_id, day, ACTOR, reason))
    if saved is not None:
        same(workspace.screening.detail(subject_id).assessment_date, day, "assessment date")


@st.composite
def facts(draw: st.DrawFn, names: list[str]) -> tuple[str, str]:
    name = draw(mostly(st.sampled_from(names), junk_text()))
    days = [TODAY - dt.timedelta(days=n) for n in (1, 400, 3000)]
    text = draw(
        st.one_of(
            junk_text("yes", "no", "unknown", "none", "是", "否", "无", "Y", *(d.isoformat() for d in days)),
            number_text("14.2", "12.1", "0", ".5"),
            junk_date().map(dt.date.isoformat),
        )
    )
    return name, text


@BAD_INPUT
@given(data=st.data(), source=junk_text("outpatient record 2021-10-12"), reason=junk_text("corrected"))
@example(data=None, source="x", reason="r").via("the number fact, as long as the column allows")
def test_record_fact(
    workspace: Workspace, trial: TrialSummary, data: st.DataObject | None, source: str, reason: str
) -> None:
    subject_id = _subject(workspace, trial)
    protocol = workspace.trials.protocol(trial.id)
    definitions = {d.name: d for d in protocol.eligibility.facts}
    if data is None:
        name, text = "pt_seconds", "1" * 150
    else:
        name, text = data.draw(facts(sorted(definitions)), label="fact")
    saved = attempt(workspace, lambda: workspace.screening.record_fact(subject_id, name, text, source, ACTOR, reason))
    if saved is not None:
        definition = definitions[name]
        expected = FactEntry(format_fact(definition, parse_fact(definition, text)), source.strip())
        same(workspace.screening.detail(subject_id).facts.get(name, FactEntry("", "")), expected, f"fact {name}")


@BAD_INPUT
@given(
    version=junk_text("TEMPLATE"),
    signed_at=junk_datetime(dt.datetime.now(dt.UTC) - dt.timedelta(hours=3)),
    obtained_by=junk_text("Nurse Liu"),
    copy_given=st.sampled_from([None, True, False]),
    reason=junk_text("signed a new version"),
)
@example(  # an instant that the calendar cannot hold in UTC crashed the flush
    version="TEMPLATE",
    signed_at=dt.datetime.min.replace(tzinfo=dt.timezone(dt.timedelta(hours=14))),
    obtained_by="Nurse Liu",
    copy_given=None,
    reason="r",
)
def test_record_consent(
    workspace: Workspace,
    trial: TrialSummary,
    version: str,
    signed_at: dt.datetime,
    obtained_by: str,
    copy_given: bool | None,
    reason: str,
) -> None:
    subject_id = _subject(workspace, trial)
    saved = attempt(
        workspace,
        lambda: workspace.screening.record_consent(
            subject_id, version, signed_at, obtained_by, copy_given, ACTOR, reason
        ),
    )
    if saved is not None:
        with workspace.database.read() as session:
            consent = session.scalars(
                select(models.Consent).where(models.Consent.subject_id == subject_id).order_by(models.Consent.id.desc())
            ).first()
            assert consent is not None
            same(
                (consent.document_version, consent.signed_at, consent.obtained_by, consent.copy_given),
                (version, signed_at, obtained_by.strip(), copy_given),
                "consent",
            )


@settings(BAD_INPUT, max_examples=20)
@given(on=junk_date(TODAY), override=junk_text("sponsor agreed to one more"))
def test_enrol(workspace: Workspace, trial: TrialSummary, stock: Stock, on: dt.date, override: str) -> None:
    subject_id = stock.take("signed", lambda: signed_eligible(workspace, trial.id, ACTOR, INVESTIGATOR))
    saved = attempt(workspace, lambda: workspace.screening.enrol(subject_id, on, ACTOR, override))
    if saved is not None:
        stock.used("signed")
        detail = workspace.screening.detail(subject_id)
        same((detail.status, detail.enrolled_on, detail.status_date), (SubjectStatus.ENROLLED, on, on), "enrolment")
        assert detail.subject_number


@settings(BAD_INPUT, max_examples=20)
@given(
    signer=mostly(
        st.just(Credentials(INVESTIGATOR, PASSWORD)),
        st.builds(Credentials, junk_text(INVESTIGATOR, NURSE), junk_text(PASSWORD)),
    ),
    reason=junk_text("", "signed after the review"),
)
def test_sign_eligibility(
    workspace: Workspace, trial: TrialSummary, stock: Stock, signer: Credentials, reason: str
) -> None:
    subject_id = stock.take("eligible", lambda: eligible(workspace, trial.id, ACTOR))
    saved = attempt(workspace, lambda: workspace.screening.sign_eligibility(subject_id, signer, reason))
    unlock_signers(workspace, INVESTIGATOR, NURSE)
    if saved is not None:
        stock.used("eligible")
        signoff = workspace.screening.detail(subject_id).signoff
        assert signoff is not None
        same((signoff.verdict.value, signoff.reason), ("eligible", reason.strip()), "sign-off")


@BAD_INPUT
@given(on=junk_date(TODAY), reason=junk_text("declined the infusion"))
def test_screen_fail(workspace: Workspace, trial: TrialSummary, stock: Stock, on: dt.date, reason: str) -> None:
    subject_id = stock.take("screening", lambda: screened(workspace, trial.id, ACTOR))
    saved = attempt(workspace, lambda: workspace.screening.screen_fail(subject_id, on, ACTOR, reason))
    if saved is not None:
        stock.used("screening")
        detail = workspace.screening.detail(subject_id)
        same((detail.status, detail.status_date), (SubjectStatus.SCREEN_FAILED, on), "screen failure")
        same(detail.status_reason, reason.strip(), "reason")


@settings(BAD_INPUT, max_examples=20)
@given(on=junk_date(TODAY), reason=junk_text("moved away"))
def test_withdraw(workspace: Workspace, trial: TrialSummary, stock: Stock, on: dt.date, reason: str) -> None:
    subject_id = stock.take("enrolled", lambda: enrolled(workspace, trial.id, ACTOR, INVESTIGATOR))
    saved = attempt(workspace, lambda: workspace.screening.withdraw(subject_id, on, reason, ACTOR))
    if saved is not None:
        stock.used("enrolled")
        detail = workspace.screening.detail(subject_id)
        same(
            (detail.status, detail.status_date, detail.status_reason),
            (SubjectStatus.WITHDRAWN, on, reason.strip()),
            "withdrawal",
        )


@settings(BAD_INPUT, max_examples=20)
@given(on=junk_date(TODAY))
def test_complete_participation(workspace: Workspace, trial: TrialSummary, stock: Stock, on: dt.date) -> None:
    subject_id = stock.take("enrolled", lambda: enrolled(workspace, trial.id, ACTOR, INVESTIGATOR))
    saved = attempt(workspace, lambda: workspace.screening.complete(subject_id, on, ACTOR))
    if saved is not None:
        stock.used("enrolled")
        detail = workspace.screening.detail(subject_id)
        same((detail.status, detail.status_date), (SubjectStatus.COMPLETED, on), "completion")


@BAD_INPUT
@given(
    screening_prefix=junk_text("HK-S", "SCR-", "S", "筛选-", "A.B_", ""),
    subject_prefix=junk_text("HK-", "SUB-", "P", "受试者-", "X_Y."),
    digits=mostly(st.integers(1, 8), st.integers()),
)
def test_set_numbering(
    workspace: Workspace, trial: TrialSummary, screening_prefix: str, subject_prefix: str, digits: int
) -> None:
    saved = attempt(
        workspace,
        lambda: workspace.screening.set_numbering(trial.id, screening_prefix, subject_prefix, digits, ACTOR),
    )
    numbering = workspace.trials.numbering(trial.id)
    if saved is None and numbering != Numbering(screening_prefix, subject_prefix, digits):
        return
    same(numbering, Numbering(screening_prefix, subject_prefix, digits), "numbering")
    subject = attempt(workspace, lambda: workspace.screening.register(trial.id, _PLAIN, ACTOR))
    assert subject is not None, "no subject can be registered with this numbering"
    assert subject.screening_number.startswith(screening_prefix)
