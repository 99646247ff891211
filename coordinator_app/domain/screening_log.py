"""The screening log: one row per screened subject, as the sponsor's monitor reads it (GCP site file)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Column keys, in order; the CSV header uses them as they are.
COLUMNS = (
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
)


@dataclass(frozen=True)
class ScreeningLogRow:
    """What the log says of one subject. No names: initials only, as the log leaves the site."""

    screening_no: str
    subject_no: str
    initials: str
    sex: str  # "M" or "F"
    age: int | None  # completed years on the assessment date
    assessment_date: dt.date | None
    verdict: str  # eligible, ineligible, incomplete
    failing_criteria: tuple[str, ...]  # criterion codes, e.g. ("IN1", "EX6")
    missing_items: tuple[str, ...]  # fact names, e.g. ("pt_seconds",)
    status: str  # screening, enrolled, screen_failed, withdrawn, completed
    enrolment_date: dt.date | None

    def cells(self) -> tuple[str, ...]:
        """The row as text in COLUMNS order: ISO dates, lists joined with "; ", empty for unknown."""
        return (
            self.screening_no,
            self.subject_no,
            self.initials,
            self.sex,
            "" if self.age is None else str(self.age),
            self.assessment_date.isoformat() if self.assessment_date else "",
            self.verdict,
            "; ".join(self.failing_criteria),
            "; ".join(self.missing_items),
            self.status,
            self.enrolment_date.isoformat() if self.enrolment_date else "",
        )
