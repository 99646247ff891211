"""The screening log goes out: the same rows as CSV (for the monitor's spreadsheet) or as PDF (for the file)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import BinaryIO

from coordinator_app.domain.eligibility import age_in_completed_years
from coordinator_app.domain.screening_log import COLUMNS, ScreeningLogRow
from coordinator_app.domain.subjects import Sex
from coordinator_app.services.screening import ScreeningService, SubjectDetail
from coordinator_app.services.trials import TrialService


def log_row(subject: SubjectDetail) -> ScreeningLogRow:
    assessment = subject.assessment
    return ScreeningLogRow(
        screening_no=subject.screening_number,
        subject_no=subject.subject_number or "",
        initials=subject.initials,
        sex="F" if subject.sex is Sex.FEMALE else "M",
        age=age_in_completed_years(subject.date_of_birth, subject.assessment_date),
        assessment_date=subject.assessment_date,
        verdict=assessment.verdict.value,
        failing_criteria=assessment.failing,
        missing_items=assessment.missing,
        status=subject.status.value,
        enrolment_date=subject.enrolled_on,
    )


class ScreeningLogService:
    def __init__(self, trials: TrialService, screening: ScreeningService) -> None:
        self._trials = trials
        self._screening = screening

    def rows(self, trial_id: int) -> list[ScreeningLogRow]:
        """One row per screened subject, by screening number."""
        return [log_row(subject) for subject in self._screening.details(trial_id)]

    def write_csv(self, trial_id: int, output: Path) -> int:
        rows = self.rows(trial_id)
        with output.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(COLUMNS)
            writer.writerows(row.cells() for row in rows)
        return len(rows)

    def write_pdf(self, trial_id: int, output: Path | BinaryIO, *, generated_at: dt.datetime | None = None) -> int:
        from coordinator_app.documents.screening_log import build_screening_log_pdf  # reportlab loads on demand

        trial = self._trials.protocol(trial_id)
        rows = self.rows(trial_id)
        build_screening_log_pdf(
            rows,
            trial_id=trial.nct_id,
            trial_title=trial.brief_title.en or trial.brief_title.zh,
            generated_at=generated_at or dt.datetime.now().astimezone(),
            output=output,
        )
        return len(rows)
