"""Subjects as the lists see them. The eligibility issue adds registration and screening."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from coordinator_app.domain.identity import mask_identity_number
from coordinator_app.domain.subjects import Sex, SubjectStatus, full_name
from coordinator_app.services.database import Database
from coordinator_app.storage.models import Subject


@dataclass(frozen=True)
class SubjectRow:
    id: int
    screening_number: str
    subject_number: str | None
    family_name: str
    given_name: str
    sex: Sex
    date_of_birth: dt.date
    status: SubjectStatus
    screened_on: dt.date
    identity_masked: str = ""

    @property
    def name(self) -> str:
        return full_name(self.family_name, self.given_name)


class SubjectService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def list_subjects(self, trial_id: int, search: str = "") -> list[SubjectRow]:
        """The trial's subjects by screening number; ``search`` matches numbers and names."""
        query = select(Subject).where(Subject.trial_id == trial_id).order_by(Subject.screening_number)
        if term := search.strip():
            pattern = f"%{term}%"
            query = query.where(
                or_(
                    Subject.screening_number.ilike(pattern),
                    Subject.subject_number.ilike(pattern),
                    (Subject.family_name + Subject.given_name).ilike(pattern),
                    (Subject.family_name + " " + Subject.given_name).ilike(pattern),
                    (Subject.given_name + " " + Subject.family_name).ilike(pattern),
                )
            )
        with self._db.read() as session:
            return [
                SubjectRow(
                    s.id,
                    s.screening_number,
                    s.subject_number,
                    s.family_name,
                    s.given_name,
                    Sex(s.sex),
                    s.date_of_birth,
                    SubjectStatus(s.status),
                    s.screened_on,
                    mask_identity_number(s.identity_number) if s.identity_number else "",
                )
                for s in session.scalars(query)
            ]
