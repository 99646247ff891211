"""What happens on which day: the calendar's events. The calendar issue adds the visit schedule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from coordinator_app.domain.subjects import SubjectStatus, full_name
from coordinator_app.services.database import Database
from coordinator_app.storage.models import Subject


class EventKind(StrEnum):
    SCREENING = "screening"


@dataclass(frozen=True)
class CalendarEvent:
    day: dt.date
    kind: EventKind
    subject_id: int
    subject_label: str
    status: SubjectStatus


class CalendarService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def events_between(self, trial_id: int, first: dt.date, last: dt.date) -> list[CalendarEvent]:
        """Events from ``first`` through ``last`` (inclusive), by day then subject."""
        query = (
            select(Subject)
            .where(Subject.trial_id == trial_id, Subject.screened_on >= first, Subject.screened_on <= last)
            .order_by(Subject.screened_on, Subject.screening_number)
        )
        with self._db.read() as session:
            return [
                CalendarEvent(s.screened_on, EventKind.SCREENING, s.id, _subject_label(s), SubjectStatus(s.status))
                for s in session.scalars(query)
            ]


def _subject_label(subject: Subject) -> str:
    number = subject.subject_number or subject.screening_number
    return f"{number} · {full_name(subject.family_name, subject.given_name)}"
