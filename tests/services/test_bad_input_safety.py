"""Bad input at the service boundary, safety data: adverse events, SAE reports, assessments, lab results and bedside
findings. Each call either saves what it was given (read back here) or refuses it with a clear error and changes
nothing (see test_bad_input_support.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

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
    junk_date,
    junk_datetime,
    junk_text,
    maybe,
    mostly,
    number_text,
    same,
    screened,
    unlock_signers,
)

from coordinator_app.domain import labs
from coordinator_app.domain.adverse_events import (
    ActionTaken,
    AeDraft,
    Outcome,
    Relationship,
    ReportKind,
    Seriousness,
)
from coordinator_app.domain.scores import ASCITES_GRADES, ENCEPHALOPATHY_GRADES
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import Workspace
from coordinator_app.storage import models

CODES = ("SCR", "D1", "D1+1", "W1", "W2", "W4", "W8", "W12", "D2", "D2+1", "W25", "W28", "W36", "W48")
ONSET = TODAY - dt.timedelta(days=20)
EARLIEST = dt.datetime.min.replace(tzinfo=dt.timezone(dt.timedelta(hours=14)))


@pytest.fixture
def stock() -> Stock:
    return Stock()


def _subject(workspace: Workspace, trial: TrialSummary, stock: Stock) -> int:
    return stock.take("subject", lambda: screened(workspace, trial.id, ACTOR, TODAY - dt.timedelta(days=60)))


def _aware(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour)).astimezone()


# -- adverse events ---------------------------------------------------------------------------------------------


@st.composite
def ae_drafts(draw: st.DrawFn) -> AeDraft:
    onset = draw(junk_date(ONSET, TODAY - dt.timedelta(days=1)))
    grade = draw(mostly(st.integers(1, 5), st.one_of(st.integers(), st.booleans())))
    serious = draw(st.booleans())
    criteria = draw(
        mostly(
            st.just(
                frozenset({Seriousness.DEATH} if grade == 5 else {Seriousness.HOSPITALISATION})
                if serious
                else frozenset()
            ),
            st.frozensets(st.sampled_from(list(Seriousness))),
        )
    )
    outcome = Outcome.FATAL if grade == 5 else draw(st.sampled_from([o for o in Outcome if o is not Outcome.FATAL]))
    try:
        good_aware = _aware(onset)
    except (OverflowError, ValueError):  # the calendar's first or last day
        good_aware = _aware(ONSET)
    return AeDraft(
        term=draw(junk_text("Ascites", "发热", "Infusion related reaction")),
        onset_date=onset,
        grade=grade,
        serious=serious or grade == 5,
        relationship=draw(st.sampled_from(list(Relationship))),
        expected=draw(st.booleans()),
        action_taken=draw(st.sampled_from(list(ActionTaken))),
        outcome=draw(mostly(st.just(outcome), st.sampled_from(list(Outcome)))),
        aware_at=draw(junk_datetime(good_aware)),
        resolution_date=draw(maybe(junk_date(TODAY))),
        seriousness_criteria=criteria,
        visit_code=draw(maybe(mostly(st.sampled_from(CODES), junk_text("", " W4 ")))),
        description=draw(junk_text("", "paracentesis 3 L")),
    )


def _check_ae(workspace: Workspace, ae_id: int, draft: AeDraft) -> None:
    saved = workspace.adverse_events.get(ae_id).draft
    expected = dataclasses.replace(
        draft,
        term=draft.term.strip(),
        description=draft.description.strip(),
        visit_code=(draft.visit_code or "").strip() or None,
    )
    same(saved, expected, "adverse event")


@settings(BAD_INPUT, max_examples=50)
@given(draft=ae_drafts(), today=maybe(junk_date(TODAY)))
@example(
    draft=AeDraft(
        "Fever", dt.date.min, 1, False, Relationship.POSSIBLE, True, ActionTaken.NONE, Outcome.RECOVERED, EARLIEST
    ),
    today=None,
)
def test_record_adverse_event(
    workspace: Workspace, trial: TrialSummary, stock: Stock, draft: AeDraft, today: dt.date | None
) -> None:
    subject_id = _subject(workspace, trial, stock)
    saved = attempt(workspace, lambda: workspace.adverse_events.record(subject_id, draft, ACTOR, today))
    if saved is not None:
        _check_ae(workspace, saved.id, draft)


def _ae(workspace: Workspace, trial: TrialSummary, stock: Stock, serious: bool = False) -> int:
    def make() -> int:
        draft = AeDraft(
            "Variceal bleeding" if serious else "Ascites",
            ONSET,
            3 if serious else 2,
            serious,
            Relationship.UNLIKELY,
            False,
            ActionTaken.NONE,
            Outcome.RECOVERING,
            _aware(ONSET),
            seriousness_criteria=frozenset({Seriousness.HOSPITALISATION}) if serious else frozenset(),
        )
        return workspace.adverse_events.record(_subject(workspace, trial, stock), draft, ACTOR).id

    return stock.take("sae" if serious else "ae", make)


@settings(BAD_INPUT, max_examples=40)
@given(draft=ae_drafts(), reason=junk_text("grade corrected"))
def test_update_adverse_event(
    workspace: Workspace, trial: TrialSummary, stock: Stock, draft: AeDraft, reason: str
) -> None:
    ae_id = _ae(workspace, trial, stock)
    saved = attempt(workspace, lambda: workspace.adverse_events.update(ae_id, draft, ACTOR, reason))
    if saved is not None:
        _check_ae(workspace, ae_id, draft)


@settings(BAD_INPUT, max_examples=40)
@given(
    kind=st.sampled_from(list(ReportKind)),
    reported_at=junk_datetime(_aware(ONSET, 15), dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)),
    reported_to=junk_text("Sponsor safety desk", "申办方"),
    method=junk_text("", "e-mail", "fax"),
    notes=junk_text("", "follow-up: resolved"),
    now=maybe(junk_datetime()),
)
@example(kind=ReportKind.INITIAL, reported_at=EARLIEST, reported_to="x", method="", notes="", now=None)
def test_report_sae(
    workspace: Workspace,
    trial: TrialSummary,
    stock: Stock,
    kind: ReportKind,
    reported_at: dt.datetime,
    reported_to: str,
    method: str,
    notes: str,
    now: dt.datetime | None,
) -> None:
    ae_id = _ae(workspace, trial, stock, serious=True)
    saved = attempt(
        workspace,
        lambda: workspace.adverse_events.report_sae(ae_id, kind, reported_at, reported_to, method, notes, ACTOR, now),
    )
    if saved is not None:
        report = max(workspace.adverse_events.get(ae_id).reports, key=lambda r: r.id)
        same(
            (report.kind, report.reported_at, report.reported_to, report.method, report.notes),
            (kind, reported_at, reported_to.strip(), method.strip(), notes.strip()),
            "SAE report",
        )


@settings(BAD_INPUT, max_examples=25)
@given(
    signer=mostly(
        st.just(Credentials(INVESTIGATOR, PASSWORD)),
        st.builds(Credentials, junk_text(INVESTIGATOR, NURSE), junk_text(PASSWORD)),
    )
)
def test_sign_assessment(workspace: Workspace, trial: TrialSummary, stock: Stock, signer: Credentials) -> None:
    ae_id = _ae(workspace, trial, stock)
    saved = attempt(workspace, lambda: workspace.adverse_events.sign_assessment(ae_id, signer))
    unlock_signers(workspace, INVESTIGATOR, NURSE)
    if saved is not None:
        stock.used("ae")
        record = workspace.adverse_events.get(ae_id)
        assert record.assessment_current and record.assessment is not None
        same(record.assessment.username, signer.username.strip(), "signer")


# -- labs -------------------------------------------------------------------------------------------------------

UNITS = sorted({unit for analyte in labs.ANALYTES for unit in (*analyte.units, *analyte.refused_units)})
VALUES = ("51.3", "132.6", "28", "130", "1.8", "14.2", "1,234.5", "1.23E+02", "0.5", "3")


@st.composite
def lab_entries(draw: st.DrawFn) -> tuple[str, str, str]:
    """An analyte as typed, a value and a unit: mostly one of the analyte's own units, in its plausible range."""
    analyte = draw(mostly(st.sampled_from([a.code for a in labs.ANALYTES] + ["TBIL", " alb "]), junk_text()))
    known = labs.ANALYTES[0]
    for item in labs.ANALYTES:
        if item.code == analyte.strip().lower():
            known = item
    units = [*known.units, *known.refused_units, known.unit.upper(), f" {known.unit} "]
    unit = draw(mostly(st.sampled_from(units), st.one_of(st.sampled_from(UNITS), junk_text())))
    middle = labs.format_value((known.plausible_low + known.plausible_high) / 2)
    low, high = labs.format_value(known.plausible_low), labs.format_value(known.plausible_high)
    return analyte, draw(number_text(middle, low, high, *VALUES)), unit


@settings(BAD_INPUT, max_examples=60)
@given(
    sample_date=junk_date(TODAY - dt.timedelta(days=3), TODAY - dt.timedelta(days=30)),
    entry=lab_entries(),
    visit_code=maybe(mostly(st.sampled_from(CODES), junk_text(""))),
    reason=junk_text("", "repeat sample"),
    source=junk_text("", "LIS export 2026-11-24"),
)
@example(sample_date=TODAY, entry=("alb", "28." + "0" * 60, "g/L"), visit_code=None, reason="", source="")
@example(sample_date=TODAY, entry=("alb", "28", "g" + " " * 40 + "/L"), visit_code=None, reason="", source="")
def test_record_lab(
    workspace: Workspace,
    trial: TrialSummary,
    stock: Stock,
    sample_date: dt.date,
    entry: tuple[str, str, str],
    visit_code: str | None,
    reason: str,
    source: str,
) -> None:
    analyte, value, unit = entry
    subject_id = _subject(workspace, trial, stock)
    saved = attempt(
        workspace,
        lambda: workspace.labs.record(subject_id, sample_date, analyte, value, unit, ACTOR, visit_code, reason, source),
    )
    if saved is None:
        return
    code = labs.analyte(analyte).code
    number = labs.parse_value(value)
    stored = next(r for r in workspace.labs.results(subject_id) if (r.sample_date, r.analyte) == (sample_date, code))
    same(
        (stored.value, Decimal(stored.entered_value), stored.entered_unit, stored.source),
        (labs.check(code, number, unit), number, unit.strip(), source),
        "lab result",
    )


@settings(BAD_INPUT, max_examples=40)
@given(
    assessed_on=junk_date(TODAY - dt.timedelta(days=3)),
    ascites=mostly(st.sampled_from(ASCITES_GRADES), junk_text("Mild", " none ")),
    encephalopathy=mostly(st.sampled_from(ENCEPHALOPATHY_GRADES), junk_text("grade 1–2")),
    dialysis=st.booleans(),
    visit_code=maybe(mostly(st.sampled_from(CODES), junk_text(""))),
    reason=junk_text("", "re-assessed"),
)
def test_record_assessment(
    workspace: Workspace,
    trial: TrialSummary,
    stock: Stock,
    assessed_on: dt.date,
    ascites: str,
    encephalopathy: str,
    dialysis: bool,
    visit_code: str | None,
    reason: str,
) -> None:
    subject_id = _subject(workspace, trial, stock)
    saved = attempt(
        workspace,
        lambda: workspace.labs.record_assessment(
            subject_id, assessed_on, ascites, encephalopathy, dialysis, ACTOR, visit_code, reason
        ),
    )
    if saved is None and not _assessed(workspace, subject_id, assessed_on):
        return
    with workspace.database.read() as session:
        row = session.scalars(
            select(models.ClinicalAssessment).where(
                models.ClinicalAssessment.subject_id == subject_id, models.ClinicalAssessment.assessed_on == assessed_on
            )
        ).one()
        if saved is not None or (row.ascites, row.encephalopathy) == (ascites, encephalopathy):
            same(
                (row.ascites, row.encephalopathy, row.dialysis_twice_last_week),
                (ascites, encephalopathy, dialysis),
                "assessment",
            )


def _assessed(workspace: Workspace, subject_id: int, day: dt.date) -> bool:
    with workspace.database.read() as session:
        return (
            session.scalars(
                select(models.ClinicalAssessment).where(
                    models.ClinicalAssessment.subject_id == subject_id, models.ClinicalAssessment.assessed_on == day
                )
            ).first()
            is not None
        )
