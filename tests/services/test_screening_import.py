"""The site's screening log comes in (all rows or none) and goes out (CSV and PDF)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from conftest import ACTOR
from pypdf import PdfReader

from coordinator_app.domain.eligibility import Verdict
from coordinator_app.services.screening_import import ScreeningImportError
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace

HEADER = (
    "screening_no,family_name,given_name,sex,date_of_birth,id_number,assessment_date,consent_date,"
    "hbv_cirrhosis_diagnosis_date,decompensated,conservative_treatment_start,no_relief_after_treatment,"
    "liver_transplant_unsuitable,bleeding_tendency,active_bleeding,hepatic_encephalopathy,other_cirrhosis_cause,"
    "liver_malignancy_or_family_history,hypersplenism_needing_splenectomy,other_tumour_history,pt_seconds,"
    "pt_control_seconds,last_albumin_date,last_upper_gi_bleed_date,spontaneous_peritonitis,active_infection,"
    "pregnant_or_lactating,investigator_judges_inappropriate"
)
# An eligible 45-year-old woman, assessed 2026-03-10 (her identity number matches her birth date and sex).
ELIGIBLE = (
    "HK-S001,林,美玲,F,1980-05-17,110105198005170025,2026-03-10,2026-03-09,"
    "2019-01-01,yes,2025-06-01,yes,yes,no,no,no,no,no,no,no,14.1,12.0,none,none,no,no,no,no"
)


def _csv(*rows: str, header: str = HEADER) -> str:
    return "\n".join((header, *rows)) + "\n"


def _row(**cells: str) -> str:
    """The eligible row with some cells replaced."""
    names = HEADER.split(",")
    values = dict(zip(names, ELIGIBLE.split(","), strict=True))
    values.update(cells)
    return ",".join(values[name] for name in names)


def _import(workspace: Workspace, trial: TrialSummary, text: str, tmp_path: Path, bom: bool = False) -> int:
    path = tmp_path / "log.csv"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return workspace.screening_import.import_file(path, trial.id, ACTOR, today=dt.date(2026, 11, 25))


def test_a_good_file_imports_every_row_each_assessed_on_its_own_date(
    workspace: Workspace, trial: TrialSummary, tmp_path: Path
) -> None:
    text = _csv(
        ELIGIBLE,
        _row(screening_no="HK-S002", pt_seconds="15.4", pt_control_seconds="12.3", id_number=""),
        _row(screening_no="HK-S003", assessment_date="2026-03-20", last_albumin_date="2026-03-01", id_number=""),
        _row(screening_no="HK-S004", pt_seconds="", active_infection="", consent_date="", id_number=""),
    )

    assert _import(workspace, trial, text, tmp_path, bom=True) == 4

    details = {d.screening_number: d for d in workspace.screening.details(trial.id)}
    first = details["HK-S001"]
    assert (first.name, first.identity_masked, first.assessment_date) == (
        "林美玲",
        "110105********0025",
        dt.date(2026, 3, 10),
    )
    assert first.assessment.verdict is Verdict.ELIGIBLE
    assert first.consent is not None
    assert first.consent.signed_on == dt.date(2026, 3, 9)
    assert first.consent.document_version == "TEMPLATE"
    assert first.consent.copy_given is None
    assert first.facts["pt_seconds"].source_note == "log.csv line 2"
    assert details["HK-S002"].assessment.failing == ("EX6",)
    assert details["HK-S003"].assessment.failing == ("EX7",)  # albumin 19 days before its own assessment date
    incomplete = details["HK-S004"].assessment
    assert incomplete.verdict is Verdict.INCOMPLETE
    assert incomplete.missing == ("consent", "pt_seconds", "active_infection")  # in protocol order


def test_every_bad_cell_is_reported_and_nothing_is_written(
    workspace: Workspace, trial: TrialSummary, tmp_path: Path
) -> None:
    text = _csv(
        ELIGIBLE,
        _row(screening_no="HK-S002", sex="X", id_number=""),
        _row(screening_no="HK-S003", date_of_birth="1980-02-30", id_number=""),
        _row(screening_no="HK-S004", pt_seconds="abc", id_number=""),
        _row(screening_no="HK-S005", decompensated="maybe", id_number=""),
        _row(screening_no="HK-S006", last_albumin_date="2026-03-11", id_number=""),
        _row(screening_no="HK-S001", id_number=""),
        _row(screening_no="HK-S008", id_number="110105198005170020"),
        _row(screening_no="", id_number=""),
    )

    with pytest.raises(ScreeningImportError) as raised:
        _import(workspace, trial, text, tmp_path)

    problems = [(p.line, p.column) for p in raised.value.problems]
    assert problems == [
        (3, "sex"),
        (4, "date_of_birth"),
        (5, "pt_seconds"),
        (6, "decompensated"),
        (7, "last_albumin_date"),
        (8, "screening_no"),
        (9, "id_number"),
        (10, "screening_no"),
    ]
    messages = [str(p) for p in raised.value.problems]
    assert messages[0] == "line 3, column sex: 'X': must be M or F"
    assert "is after the assessment date" in messages[4]
    assert messages[5] == "line 8, column screening_no: 'HK-S001': repeats line 2"
    assert "check digit" in messages[6]
    assert messages[7] == "line 10, column screening_no: is empty"
    assert workspace.screening.details(trial.id) == []


@pytest.mark.parametrize(
    ("header", "problem"),
    [
        (HEADER + ",favourite_colour", "line 1, column favourite_colour: is not a known column"),
        (HEADER.replace("sex,", ""), "line 1, column sex: is missing from the header"),
        (HEADER + ",sex", "line 1, column sex: appears more than once"),
    ],
)
def test_header_problems(workspace: Workspace, trial: TrialSummary, tmp_path: Path, header: str, problem: str) -> None:
    with pytest.raises(ScreeningImportError) as raised:
        _import(workspace, trial, _csv(header=header), tmp_path)
    assert problem in [str(p) for p in raised.value.problems]


def test_a_ragged_row_and_an_existing_number_are_refused(
    workspace: Workspace, trial: TrialSummary, tmp_path: Path
) -> None:
    _import(workspace, trial, _csv(ELIGIBLE), tmp_path)
    with pytest.raises(ScreeningImportError) as raised:
        _import(workspace, trial, _csv(_row(id_number=""), "HK-S009,王"), tmp_path)
    assert [str(p) for p in raised.value.problems] == [
        "line 2, column screening_no: 'HK-S001': is already in the database",
        "line 3: has 2 cells but the header has 28 columns",
    ]
    assert len(workspace.screening.details(trial.id)) == 1


def test_a_file_that_is_not_utf8_is_refused(workspace: Workspace, trial: TrialSummary, tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes(_csv(ELIGIBLE).encode("gbk"))
    with pytest.raises(ScreeningImportError, match="is not UTF-8 text"):
        workspace.screening_import.import_file(path, trial.id, ACTOR)


def test_screening_log_csv_has_one_row_per_subject(demo_workspace: Workspace, tmp_path: Path) -> None:
    trial = demo_workspace.trials.resolve()
    output = tmp_path / "log.csv"
    today = dt.date.today()

    assert demo_workspace.screening_log.write_csv(trial.id, output) == 9

    with output.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == [
        "screening_no",
        "subject_no",
        "initials",
        "sex",
        "age",
        "assessment_date",
        "verdict",
        "failing_criteria",
        "missing_items",
        "status",
        "enrolment_date",
    ]
    first, second, fifth = rows[0], rows[1], rows[4]
    screened = today - dt.timedelta(days=200)
    assert first == {
        "screening_no": "DEMO-S001",
        "subject_no": "DEMO-001",
        "initials": "WJG",
        "sex": "M",
        "age": str(screened.year - 1971 - ((screened.month, screened.day) < (3, 14))),
        "assessment_date": screened.isoformat(),
        "verdict": "eligible",
        "failing_criteria": "",
        "missing_items": "",
        "status": "enrolled",
        "enrolment_date": (today - dt.timedelta(days=194)).isoformat(),
    }
    assert (second["verdict"], second["failing_criteria"], second["status"]) == ("ineligible", "EX6", "screen_failed")
    assert (fifth["verdict"], fifth["missing_items"]) == (
        "incomplete",
        "pt_seconds; pt_control_seconds; active_infection",
    )


def test_screening_log_pdf_lists_every_subject(demo_workspace: Workspace, tmp_path: Path) -> None:
    trial = demo_workspace.trials.resolve()
    output = tmp_path / "log.pdf"

    demo_workspace.screening_log.write_pdf(trial.id, output)

    text = "\n".join(page.extract_text() for page in PdfReader(output).pages)
    assert "NCT05106972" in text
    for number in ("DEMO-S001", "DEMO-S009"):
        assert number in text
    assert "王建国" not in text  # initials only: names stay at the site
