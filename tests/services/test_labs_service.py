"""Lab results on a real database: SI storage, flags, reasons for changes, liver scores kept current, import, export."""

from __future__ import annotations

import csv
import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import ACTOR, INVESTIGATOR, signs
from sqlalchemy import func, select

from coordinator_app.domain import labs, scores
from coordinator_app.domain.errors import ReasonRequiredError, ValidationError
from coordinator_app.domain.subjects import Sex
from coordinator_app.services.csv_import import CsvImportError
from coordinator_app.services.demo_subjects import eligible_facts
from coordinator_app.services.labs import EXPORT_COLUMNS, LabService
from coordinator_app.services.screening import SubjectDetail, SubjectDraft
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace
from coordinator_app.storage import models

TODAY = dt.date.today()
DAY = TODAY - dt.timedelta(days=30)
D = Decimal


def _service(workspace: Workspace) -> LabService:
    return LabService(workspace.database, workspace.trials, workspace.screening, workspace.schedules)


def _screened(
    workspace: Workspace, trial: TrialSummary, sex: Sex = Sex.MALE, name: str = "建国", screened: dt.date = DAY
) -> SubjectDetail:
    return workspace.screening.register(
        trial.id, SubjectDraft("王", name, sex, dt.date(1975, 6, 1)), ACTOR, today=screened
    )


def _enrolled(workspace: Workspace, trial: TrialSummary, screened: dt.date) -> SubjectDetail:
    screening = workspace.screening
    subject = _screened(workspace, trial, name="卫东", screened=screened)
    for fact, value in eligible_facts(screened).items():
        screening.record_fact(subject.id, fact, value, "record", ACTOR)
    consent = dt.datetime.combine(screened, dt.time(9)).astimezone()
    version = workspace.trials.protocol(trial.id).current_consent_version
    screening.record_consent(subject.id, version, consent, "Nurse Liu", True, ACTOR)
    screening.sign_eligibility(subject.id, signs(INVESTIGATOR))
    return screening.enrol(subject.id, screened, ACTOR)


def _count(workspace: Workspace, model: type[models.Base]) -> int:
    with workspace.database.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _score_labs(service: LabService, subject_id: int, day: dt.date = DAY) -> None:
    """Bilirubin 3.0 mg/dL, creatinine 1.5 mg/dL, albumin 2.8 g/dL, sodium 130, INR 1.8, entered in SI."""
    for code, value, unit in [
        ("tbil", "51.3", "µmol/L"),
        ("crea", "132.6", "µmol/L"),
        ("alb", "28", "g/L"),
        ("na", "130", "mmol/L"),
        ("inr", "1.8", ""),
    ]:
        service.record(subject_id, day, code, value, unit, ACTOR)


# -- recording --------------------------------------------------------------------------------------------------


def test_a_us_unit_value_is_stored_in_si_with_what_was_entered_and_flagged(
    workspace: Workspace, trial: TrialSummary
) -> None:
    subject = _screened(workspace, trial)
    service = _service(workspace)

    saved = service.record(subject.id, DAY, "tbil", "2.0", "mg/dL", ACTOR)

    assert (saved.value, saved.unit, saved.entered_value, saved.entered_unit) == (D("34.2"), "µmol/L", "2.0", "mg/dL")
    assert (saved.normal_low, saved.normal_high, saved.flag) == (D("3.4"), D("20.5"), "H")
    assert saved.visit_code is None  # screening subject without a schedule
    assert service.results(subject.id) == [saved]


def test_a_woman_is_flagged_against_the_women_s_interval(workspace: Workspace, trial: TrialSummary) -> None:
    man = _screened(workspace, trial)
    woman = _screened(workspace, trial, Sex.FEMALE, "秀英")
    service = _service(workspace)

    assert service.record(man.id, DAY, "crea", "90", "µmol/L", ACTOR).flag == ""
    assert service.record(woman.id, DAY, "crea", "90", "µmol/L", ACTOR).flag == "H"
    assert service.results(woman.id)[0].normal_high == D(81)


def test_an_implausible_value_is_refused_and_nothing_is_written(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _screened(workspace, trial)
    service = _service(workspace)

    with pytest.raises(ValidationError, match=r"Albumin \(alb\) '350 g/L': is outside the plausible range 5-70"):
        service.record(subject.id, DAY, "alb", "350", "g/L", ACTOR)
    with pytest.raises(ValidationError, match="is not a number"):
        service.record(subject.id, DAY, "alb", "3,5", "g/dL", ACTOR)
    with pytest.raises(ValidationError, match="is not accepted"):
        service.record(subject.id, DAY, "hbv_dna", "5000", "copies/mL", ACTOR)

    assert _count(workspace, models.LabResult) == 0


def test_replacing_a_value_needs_a_reason_which_is_audited(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _screened(workspace, trial)
    service = _service(workspace)
    first = service.record(subject.id, DAY, "alt", "45", "U/L", ACTOR)

    service.record(subject.id, DAY, "alt", "45", "U/L", ACTOR)  # the same value again: no reason needed
    with pytest.raises(ReasonRequiredError, match="replacing it needs a reason"):
        service.record(subject.id, DAY, "alt", "54", "U/L", ACTOR)
    assert service.results(subject.id)[0].value == D(45)

    changed = service.record(subject.id, DAY, "alt", "54", "U/L", ACTOR, reason="transcription error")

    assert (changed.id, changed.value, changed.flag) == (first.id, D(54), "H")
    with workspace.database.read() as session:
        audit = session.scalars(
            select(models.AuditEntry).where(
                models.AuditEntry.table_name == "lab_results", models.AuditEntry.field == "value"
            )
        ).all()
    assert [(a.old_value, a.new_value, a.reason) for a in audit if a.action == "update"] == [
        ("45", "54", "transcription error")
    ]


def test_the_visit_is_taken_from_the_schedule_or_checked_against_the_plan(
    workspace: Workspace, trial: TrialSummary
) -> None:
    screened = TODAY - dt.timedelta(days=100)
    subject = _enrolled(workspace, trial, screened)
    schedule = workspace.schedules.book_dose1(subject.id, screened + dt.timedelta(days=10), ACTOR)
    w4 = schedule.visit("W4").date
    service = _service(workspace)

    assert service.record(subject.id, w4, "plt", "85", "10^9/L", ACTOR).visit_code == "W4"
    assert service.record(subject.id, screened, "plt", "90", "10^9/L", ACTOR).visit_code == "SCR"
    assert service.record(subject.id, w4 + dt.timedelta(days=1), "wbc", "4", "10^9/L", ACTOR).visit_code is None
    assert service.record(subject.id, w4, "wbc", "4", "10^9/L", ACTOR, visit_code="W4").visit_code == "W4"
    with pytest.raises(ValidationError, match="is not a visit of the visit plan"):
        service.record(subject.id, w4, "hgb", "120", "g/L", ACTOR, visit_code="W5")


# -- liver scores -----------------------------------------------------------------------------------------------


def test_scores_are_computed_with_their_inputs_once_the_assessment_is_recorded(
    workspace: Workspace, trial: TrialSummary
) -> None:
    subject = _screened(workspace, trial)
    service = _service(workspace)
    _score_labs(service, subject.id)
    assert service.scores(subject.id) == []  # MELD needs dialysis and Child-Pugh ascites: no assessment yet

    stored = service.record_assessment(subject.id, DAY, "mild", "none", False, ACTOR)

    assert stored is not None
    assert (stored.meld, stored.meld_na, stored.meld3, stored.child_pugh_score, stored.child_pugh_class) == (
        scores.meld(bilirubin_mg_dl=3, inr=D("1.8"), creatinine_mg_dl=D("1.5")),
        scores.meld_na(bilirubin_mg_dl=3, inr=D("1.8"), creatinine_mg_dl=D("1.5"), sodium_mmol_l=130),
        scores.meld3(
            bilirubin_mg_dl=3, inr=D("1.8"), creatinine_mg_dl=D("1.5"), sodium_mmol_l=130, albumin_g_dl=D("2.8"),
            female=False,
        ),
        9,
        "B",
    )  # fmt: skip
    assert (stored.meld, stored.meld_na, stored.meld3) == (21, 25, 26)
    assert stored.inputs == {
        "tbil_umol_l": "51.3",
        "crea_umol_l": "132.6",
        "alb_g_l": "28",
        "na_mmol_l": "130",
        "inr": "1.8",
        "female": False,
        "ascites": "mild",
        "encephalopathy": "none",
        "dialysis": False,
    }
    assert service.scores(subject.id) == [stored]


def test_scores_are_recomputed_when_a_lab_or_the_assessment_changes(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _screened(workspace, trial)
    service = _service(workspace)
    _score_labs(service, subject.id)
    service.record_assessment(subject.id, DAY, "mild", "none", False, ACTOR)

    service.record(subject.id, DAY, "crea", "4.5", "mg/dL", ACTOR, reason="lab corrected the result")
    after_lab = service.scores(subject.id)[0]
    assert after_lab.inputs["crea_umol_l"] == "397.80"  # 4.5 × 88.4, exactly as multiplied
    assert after_lab.meld == scores.meld(bilirubin_mg_dl=3, inr=D("1.8"), creatinine_mg_dl=4) == 30

    with pytest.raises(ReasonRequiredError):
        service.record_assessment(subject.id, DAY, "moderate-severe", "grade 3-4", True, ACTOR)
    service.record_assessment(subject.id, DAY, "moderate-severe", "grade 3-4", True, ACTOR, reason="re-examined")
    after_assessment = service.scores(subject.id)
    assert len(after_assessment) == 1
    assert (after_assessment[0].child_pugh_score, after_assessment[0].child_pugh_class) == (
        12,
        "C",
    )  # 2 + 2 + 2 + 3 + 3
    assert after_assessment[0].inputs["dialysis"] is True


def test_a_female_subject_gets_the_meld3_sex_term(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _screened(workspace, trial, Sex.FEMALE, "秀英")
    service = _service(workspace)
    _score_labs(service, subject.id)
    stored = service.record_assessment(subject.id, DAY, "none", "none", False, ACTOR)
    assert stored is not None
    assert (
        stored.meld3
        == labs.compute_scores(
            labs.ScoreInputs(D("51.3"), D("132.6"), D(28), D(130), D("1.8"), True, "none", "none", False)
        ).meld3
    )
    assert stored.meld3 == 27


def test_an_assessment_with_bad_grades_is_refused(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _screened(workspace, trial)
    with pytest.raises(ValidationError, match="ascites"):
        _service(workspace).record_assessment(subject.id, DAY, "severe", "none", False, ACTOR)
    assert _count(workspace, models.ClinicalAssessment) == 0


# -- import -----------------------------------------------------------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lis.csv"
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_a_good_lis_export_is_imported_with_scores(workspace: Workspace, trial: TrialSummary, tmp_path: Path) -> None:
    screened = TODAY - dt.timedelta(days=100)
    enrolled = _enrolled(workspace, trial, screened)
    w4 = workspace.schedules.book_dose1(enrolled.id, screened + dt.timedelta(days=10), ACTOR).visit("W4").date
    other = _screened(workspace, trial)
    service = _service(workspace)
    service.record_assessment(other.id, DAY, "mild", "none", False, ACTOR)
    path = _write(
        tmp_path,
        "subject,visit,date,analyte,value,unit\n"
        f"{enrolled.subject_number},W4,,tbil,2.0,mg/dL\n"
        f"{enrolled.subject_number},W4,,ALB,3.2,g/dL\n"
        f"{other.screening_number},,{DAY},tbil,51.3,µmol/L\n"
        f"{other.screening_number},,{DAY},crea,1.5,mg/dL\n"
        f"{other.screening_number},,{DAY},alb,28,g/L\n"
        f"{other.screening_number},,{DAY},na,130,mEq/L\n"
        f"{other.screening_number},,{DAY},inr,1.8,\n"
        f"{other.screening_number},,{DAY},hbv_dna,1.23E+05,IU/mL\n"
        "\n",
    )

    assert service.import_file(path, trial.id, ACTOR) == 8

    at_w4 = service.results(enrolled.id)
    assert [(r.analyte, r.sample_date, r.visit_code, r.value) for r in at_w4] == [
        ("tbil", w4, "W4", D("34.2")),
        ("alb", w4, "W4", D(32)),
    ]
    assert at_w4[0].source == "lis.csv line 2"
    assert {r.analyte: r.value for r in service.results(other.id)}["hbv_dna"] == D(123000)
    assert [(s.meld, s.meld_na, s.child_pugh_score) for s in service.scores(other.id)] == [(21, 25, 9)]
    assert service.import_file(path, trial.id, ACTOR) == 0  # the same file again changes nothing


def test_every_bad_cell_is_reported_by_line_and_nothing_is_written(
    workspace: Workspace, trial: TrialSummary, tmp_path: Path
) -> None:
    subject = _screened(workspace, trial)
    service = _service(workspace)
    service.record(subject.id, DAY, "alt", "45", "U/L", ACTOR)
    number = subject.screening_number
    tomorrow = TODAY + dt.timedelta(days=1)
    path = _write(
        tmp_path,
        "subject,visit,date,analyte,value,unit\n"
        f"{number},,{DAY},tbil,20,µmol/L\n"  # 2: good
        f"SCR-999,,{DAY},tbil,20,µmol/L\n"  # 3: unknown subject
        f"{number},,2025-13-01,tbil,20,µmol/L\n"  # 4: not a date
        f"{number},,{tomorrow},tbil,20,µmol/L\n"  # 5: future
        f"{number},W99,,tbil,20,µmol/L\n"  # 6: unknown visit
        f"{number},W4,,tbil,20,µmol/L\n"  # 7: no schedule yet
        f"{number},,,tbil,20,µmol/L\n"  # 8: neither visit nor date
        f"{number},,{DAY},ggt,20,U/L\n"  # 9: unknown analyte
        f"{number},,{DAY},crea,abc,µmol/L\n"  # 10: not a number
        f"{number},,{DAY},crea,1.2,mmol/L\n"  # 11: unit not accepted
        f"{number},,{DAY},alb,350,g/L\n"  # 12: implausible
        f"{number},,{DAY},tbil,21,µmol/L\n"  # 13: repeats line 2
        f"{number},,{DAY},alt,54,U/L\n"  # 14: conflicts with the stored value
        f"{number},,{DAY},hbv_dna,500,copies/mL\n"  # 15: copies refused
        f"{number},,{DAY},na,,mmol/L\n"  # 16: empty value
        f"{number},,{DAY}\n",  # 17: wrong cell count
    )

    with pytest.raises(CsvImportError) as caught:
        service.import_file(path, trial.id, ACTOR)

    found = [(p.line, p.column) for p in caught.value.problems]
    assert found == [
        (3, "subject"),
        (4, "date"),
        (5, "date"),
        (6, "visit"),
        (7, "visit"),
        (8, "date"),
        (9, "analyte"),
        (10, "value"),
        (11, "unit"),
        (12, "value"),
        (13, "analyte"),
        (14, "value"),
        (15, "unit"),
        (16, "value"),
        (17, ""),
    ]
    messages = {p.line: str(p) for p in caught.value.problems}
    assert "plausible range 5-70 g/L" in messages[12]
    assert "repeats line 2" in messages[13]
    assert "already recorded as 45 U/L" in messages[14]
    assert "nothing was imported" in str(caught.value)
    assert [r.analyte for r in service.results(subject.id)] == ["alt"]
    assert _count(workspace, models.LiverScore) == 0


def test_a_file_with_a_wrong_header_is_refused(workspace: Workspace, trial: TrialSummary, tmp_path: Path) -> None:
    path = _write(tmp_path, "patient,date,analyte,value\nSCR-001,2025-01-01,tbil,20\n")
    with pytest.raises(CsvImportError) as caught:
        _service(workspace).import_file(path, trial.id, ACTOR)
    assert {(p.line, p.column) for p in caught.value.problems} == {(1, "patient"), (1, "subject"), (1, "unit")}


# -- export -----------------------------------------------------------------------------------------------------


def test_the_export_has_one_row_per_subject_and_date_with_si_values_and_scores(
    workspace: Workspace, trial: TrialSummary, tmp_path: Path
) -> None:
    subject = _screened(workspace, trial)
    other = _screened(workspace, trial, Sex.FEMALE, "秀英")
    service = _service(workspace)
    _score_labs(service, subject.id)
    service.record(subject.id, DAY, "alt", "1.5", "µkat/L", ACTOR)
    service.record_assessment(subject.id, DAY, "mild", "none", False, ACTOR)
    later = DAY + dt.timedelta(days=7)
    service.record(subject.id, later, "tbil", "2", "mg/dL", ACTOR)
    service.record(other.id, DAY, "plt", "85", "10^3/µL", ACTOR)
    output = tmp_path / "labs.csv"

    assert service.write_export_csv(trial.id, output) == 3

    assert output.read_bytes().startswith(b"\xef\xbb\xbf")
    with output.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    first, second, third = rows
    assert (first["screening_no"], first["sample_date"], first["subject_no"]) == (
        subject.screening_number,
        DAY.isoformat(),
        "",
    )
    assert (first["tbil"], first["crea"], first["alb"], first["na"], first["inr"], first["alt"]) == (
        "51.3",
        "132.6",
        "28",
        "130",
        "1.8",
        "90.0",
    )
    assert (first["meld"], first["meld_na"], first["meld3"], first["child_pugh_score"], first["child_pugh_class"]) == (
        "21",
        "25",
        "26",
        "9",
        "B",
    )
    assert (second["sample_date"], second["tbil"], second["meld"], second["child_pugh_class"]) == (
        later.isoformat(),
        "34.2",
        "",
        "",
    )
    assert (third["screening_no"], third["plt"], third["tbil"]) == (other.screening_number, "85", "")
    assert json.loads(json.dumps(rows))  # plain text cells throughout
