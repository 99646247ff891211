"""Bad input at the service boundary, CSV imports: the site's screening log, the paper visit history and the
laboratory's export. A file is imported whole (read back here) or refused with every problem by line and column,
and then nothing is written (see test_bad_input_support.py)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from conftest import ACTOR, INVESTIGATOR
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_bad_input_support import (
    BAD_INPUT,
    TODAY,
    Stock,
    attempt,
    booked,
    junk_date,
    junk_text,
    maybe,
    mostly,
    number_text,
    same,
    signed_eligible,
)

from coordinator_app.domain import labs
from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.services.csv_import import CsvImportError
from coordinator_app.services.demo_subjects import eligible_facts
from coordinator_app.services.labs import IMPORT_COLUMNS as LAB_COLUMNS
from coordinator_app.services.screening_import import SUBJECT_COLUMNS
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.visits_import import COLUMNS as VISIT_COLUMNS
from coordinator_app.services.workspace import Workspace

SUBJECT = "<subject>"  # the subject's screening number, put in after drawing (it depends on the database)
SUBJECT_NUMBER = "<number>"  # and its subject number
CODES = ("SCR", "D1", "D1+1", "W1", "W2", "W4", "W8", "W12", "D2", "D2+1", "W25", "W28", "W36", "W48")


@pytest.fixture
def stock() -> Stock:
    return Stock()


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _rows(text: str) -> list[dict[str, str]]:
    """The data rows as the import reads them: cells stripped, blank lines skipped."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip() for name in next(reader)]
    return [
        {name: cell.strip() for name, cell in zip(header, cells, strict=True)}
        for cells in reader
        if any(cell.strip() for cell in cells)
    ]


def _date_text(*good: dt.date) -> st.SearchStrategy[str]:
    return st.one_of(junk_date(*good).map(dt.date.isoformat), junk_text(*(d.isoformat() for d in good)))


def _junked(header: list[str]) -> st.SearchStrategy[frozenset[str]]:
    """The columns whose cell in a row is junk: none in one row of two, else one or two."""
    if not header:
        return st.just(frozenset())
    return mostly(st.just(frozenset()), st.frozensets(st.sampled_from(header), min_size=1, max_size=2))


RAW_FILES = st.one_of(
    junk_text(),
    st.just("\ufeff"),
    st.just("screening_no\n"),
    st.text(st.sampled_from(',"\n\r ab\x00'), max_size=40),
)


# -- the screening log ------------------------------------------------------------------------------------------

FACT_NAMES = sorted(eligible_facts(TODAY))


@st.composite
def screening_logs(draw: st.DrawFn) -> str:
    header = list(
        draw(
            mostly(
                st.just([*SUBJECT_COLUMNS, *FACT_NAMES[:4]]),
                st.lists(mostly(st.sampled_from([*SUBJECT_COLUMNS, *FACT_NAMES]), junk_text()), max_size=6),
            )
        )
    )
    good = eligible_facts(TODAY - dt.timedelta(days=10))
    rows = []
    for _ in range(draw(st.integers(0, 3))):
        number = draw(st.integers(1, 10**6))
        plausible = {
            "screening_no": f"HK-S{number:04d}",
            "family_name": "王",
            "given_name": "建国",
            "sex": "M",
            "date_of_birth": "1975-06-01",
            "id_number": "",
            "assessment_date": (TODAY - dt.timedelta(days=10)).isoformat(),
            "consent_date": (TODAY - dt.timedelta(days=11)).isoformat(),
            **good,
        }
        junked = draw(_junked(header))
        row = []
        for name in header:
            value = plausible.get(name, "")
            if name not in junked:
                row.append(value)
            elif "date" in name:
                row.append(draw(_date_text()))
            else:
                row.append(draw(junk_text("M", "F", "男", "女", "yes", "none", "HK-S0001")))
        rows.append(row)
    return _csv(header, rows)


@settings(BAD_INPUT, max_examples=50)
@given(text=mostly(screening_logs(), RAW_FILES))
@example(
    text=_csv(
        ["screening_no", "family_name", "sex", "date_of_birth", "assessment_date"],
        [["SCR-²", "王", "M", "1975-06-01", "2026-01-05"]],
    )
)
@example(
    text=_csv(
        ["screening_no", "family_name", "sex", "date_of_birth", "assessment_date"],
        [["SCR-" + "9" * 30, "王", "M", "1975-06-01", "2026-01-05"]],
    )
)
@example(
    text=_csv(
        ["screening_no", "family_name", "sex", "date_of_birth", "assessment_date", "consent_date"],
        [["SCR-777", "王", "M", "0001-01-01", "2026-01-05", "0001-01-01"]],
    )
)
def test_import_screening_log(workspace: Workspace, trial: TrialSummary, text: str) -> None:
    before = len(workspace.screening.details(trial.id))
    saved = attempt(workspace, lambda: workspace.screening_import.import_text(text, trial.id, ACTOR))
    if saved is None:
        return
    rows = _rows(text)
    same(saved, len(rows), "subjects imported")
    same(len(workspace.screening.details(trial.id)), before + len(rows), "subjects in the trial")
    for row in rows:
        subject = workspace.screening.find(trial.id, row["screening_no"])
        same(
            (subject.family_name, subject.date_of_birth, subject.assessment_date),
            (
                row["family_name"],
                dt.date.fromisoformat(row["date_of_birth"]),
                dt.date.fromisoformat(row["assessment_date"]),
            ),
            row["screening_no"],
        )
        if row.get("consent_date"):
            assert subject.consent is not None
    # a new registration continues the numbering after whatever was imported
    assert attempt(workspace, lambda: workspace.screening.register(trial.id, _plain(), ACTOR)) is not None


def _plain() -> object:
    from coordinator_app.domain.subjects import Sex
    from coordinator_app.services.screening import SubjectDraft

    return SubjectDraft("王", "建国", Sex.MALE, dt.date(1975, 6, 1))


# -- the paper visit history ------------------------------------------------------------------------------------


@st.composite
def visit_histories(draw: st.DrawFn, enrolled_on: dt.date) -> str:
    """A paper history of the subject written SUBJECT (replaced by the test), with junk in some cells."""
    header = draw(
        mostly(
            st.just(list(VISIT_COLUMNS)),
            st.lists(mostly(st.sampled_from(VISIT_COLUMNS), junk_text()), max_size=7),
        )
    )
    dose1 = enrolled_on + dt.timedelta(days=5)
    rows = []
    plan = [("D1", dose1), ("D1+1", dose1 + dt.timedelta(days=1)), ("W1", dose1 + dt.timedelta(days=7))]
    for code, day in plan[: draw(st.integers(0, 3))]:
        plausible = {
            "screening_no": SUBJECT,
            "subject_no": f"{SUBJECT}-E",
            "enrolment_date": enrolled_on.isoformat(),
            "visit_code": code,
            "actual_date": day.isoformat(),
            "status": "done",
        }
        junked = draw(_junked(header))
        row = []
        for name in header:
            value = plausible.get(name, "")
            if name not in junked:
                row.append(value)
            elif "date" in name:
                row.append(draw(_date_text(day)))
            elif name == "visit_code":
                row.append(draw(st.one_of(st.sampled_from(CODES), junk_text())))
            elif name == "status":
                row.append(draw(junk_text("missed", "cancelled", "DONE")))
            else:
                row.append(draw(junk_text("HK-102", SUBJECT, "SCR-001")))
        rows.append(row)
    return _csv(header, rows)


@settings(BAD_INPUT, max_examples=30)
@given(data=st.data())
def test_import_visit_history(workspace: Workspace, trial: TrialSummary, stock: Stock, data: st.DataObject) -> None:
    enrolled_on = TODAY - dt.timedelta(days=40)
    subject_id = stock.take("eligible", lambda: signed_eligible(workspace, trial.id, ACTOR, INVESTIGATOR, enrolled_on))
    text = data.draw(mostly(visit_histories(enrolled_on), RAW_FILES), label="file")
    text = text.replace(SUBJECT, workspace.screening.detail(subject_id).screening_number)
    saved = attempt(workspace, lambda: workspace.visits_import.import_text(text, trial.id, ACTOR))
    if saved is None:
        return
    stock.used("eligible")
    rows = _rows(text)
    same(saved, len(rows), "visits imported")
    for row in rows:
        subject = workspace.screening.find(trial.id, row["screening_no"])
        same(subject.subject_number, row["subject_no"], "subject number")
        visit = workspace.schedules.require_schedule(subject.id).visit(row["visit_code"])
        actual = dt.date.fromisoformat(row["actual_date"]) if row["actual_date"] else None
        same(
            (visit.status, visit.actual),
            (VisitStatus(row["status"].lower()), actual if row["status"].lower() == "done" else None),
            row["visit_code"],
        )


# -- the laboratory's export ------------------------------------------------------------------------------------


@st.composite
def lab_exports(draw: st.DrawFn) -> str:
    """A laboratory export about the subject written SUBJECT (replaced by the test), with junk in some cells."""
    header = draw(
        mostly(
            st.sampled_from([list(LAB_COLUMNS), ["subject", "date", "analyte", "value", "unit"]]),
            st.lists(mostly(st.sampled_from(LAB_COLUMNS), junk_text()), max_size=7),
        )
    )
    rows = []
    for _ in range(draw(st.integers(0, 3))):
        analyte = draw(st.sampled_from(labs.ANALYTES))
        plausible = {
            "subject": draw(st.sampled_from([SUBJECT, SUBJECT_NUMBER])),
            "visit": "",
            "date": (TODAY - draw(st.integers(1, 300)) * dt.timedelta(days=1)).isoformat(),
            "analyte": analyte.code,
            "value": labs.format_value((analyte.plausible_low + analyte.plausible_high) / 2),
            "unit": analyte.unit,
        }
        junked = draw(_junked(header))
        row = []
        for name in header:
            value = plausible.get(name, "")
            if name not in junked:
                row.append(value)
            elif name == "date":
                row.append(draw(_date_text()))
            elif name == "value":
                row.append(draw(number_text()))
            elif name == "visit":
                row.append(draw(st.one_of(st.sampled_from(CODES), junk_text())))
            else:
                row.append(draw(junk_text()))
        rows.append(row)
    return _csv(header, rows)


@settings(BAD_INPUT, max_examples=40)
@given(data=st.data(), today=maybe(junk_date(TODAY)))
def test_import_lab_export(
    workspace: Workspace, trial: TrialSummary, stock: Stock, data: st.DataObject, today: dt.date | None
) -> None:
    subject_id = stock.take(
        "booked",
        lambda: booked(
            workspace, trial.id, ACTOR, INVESTIGATOR, TODAY - dt.timedelta(days=60), TODAY - dt.timedelta(days=50)
        ),
    )
    text = data.draw(mostly(lab_exports(), RAW_FILES), label="file")
    subject = workspace.screening.detail(subject_id)
    text = text.replace(SUBJECT_NUMBER, subject.subject_number or "").replace(SUBJECT, subject.screening_number)
    saved = attempt(workspace, lambda: workspace.labs.import_text(text, trial.id, ACTOR, today=today))
    if saved is None:
        return
    for row in _rows(text):
        subject = workspace.screening.find(trial.id, row["subject"])
        code = labs.analyte(row["analyte"]).code
        results = [r for r in workspace.labs.results(subject.id) if r.analyte == code]
        wanted = labs.check(code, labs.parse_value(row["value"]), row["unit"])
        assert any(r.value == wanted for r in results), f"{row}: saved {results}"
        assert all(isinstance(r.value, Decimal) for r in results)


# -- plain examples of what the properties found ----------------------------------------------------------------


def test_a_cell_past_the_csv_module_limit_is_a_problem_not_a_crash(workspace: Workspace, trial: TrialSummary) -> None:
    """The csv module refuses a cell of more than 131072 characters with its own error: every import reports it."""
    huge = "x" * 140_000
    files = [
        (
            workspace.screening_import,
            _csv(
                ["screening_no", "family_name", "sex", "date_of_birth", "assessment_date"],
                [[huge, "王", "M", "1975-06-01", "2026-01-05"]],
            ),
        ),
        (workspace.visits_import, _csv(list(VISIT_COLUMNS), [[huge, "", "", "", "", ""]])),
        (workspace.labs, _csv(list(LAB_COLUMNS), [[huge, "", "", "", "", ""]])),
        (workspace.screening_import, f"{huge},screening_no\n"),
    ]
    for service, text in files:
        with pytest.raises(CsvImportError, match="not readable as CSV"):
            service.import_text(text, trial.id, ACTOR)  # type: ignore[attr-defined]


def test_an_imported_number_with_a_non_ascii_digit_does_not_stop_registration(
    workspace: Workspace, trial: TrialSummary
) -> None:
    """ "SCR-²" passes str.isdigit() but not int(): the next screening number used to crash on it."""
    text = _csv(
        ["screening_no", "family_name", "sex", "date_of_birth", "assessment_date"],
        [["SCR-²", "王", "M", "1975-06-01", "2026-01-05"], ["SCR-٣", "李", "F", "1980-01-01", "2026-01-05"]],
    )
    assert workspace.screening_import.import_text(text, trial.id, ACTOR) == 2
    assert workspace.screening.register(trial.id, _plain(), ACTOR).screening_number == "SCR-001"


def test_a_consent_dated_the_first_day_of_the_calendar_is_a_problem_not_a_crash(
    workspace: Workspace, trial: TrialSummary
) -> None:
    text = _csv(
        ["screening_no", "family_name", "sex", "date_of_birth", "assessment_date", "consent_date"],
        [["SCR-777", "王", "M", "0001-01-01", "2026-01-05", "0001-01-01"]],
    )
    with pytest.raises(CsvImportError, match="column consent_date: '0001-01-01': is outside the calendar"):
        workspace.screening_import.import_text(text, trial.id, ACTOR)
