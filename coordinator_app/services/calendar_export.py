"""The site's visits as an iCalendar file, for the phones and calendar programs staff already use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from coordinator_app.domain.ics import IcsEvent, calendar_text
from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.services.database import Database
from coordinator_app.services.site_settings import SiteSettingsService
from coordinator_app.services.trials import TrialService
from coordinator_app.storage import models


def event_uid(nct_id: str, screening_number: str, code: str) -> str:
    """Stable for the life of the visit: the trial, the subject's screening number and the visit code."""
    return f"{nct_id}-{screening_number}-{code}@coordinator-app".replace(" ", "_")


class CalendarExportService:
    def __init__(self, database: Database, trials: TrialService, settings: SiteSettingsService) -> None:
        self._db = database
        self._trials = trials
        self._settings = settings

    def events(
        self, trial_id: int, *, subject_id: int | None = None, month: tuple[int, int] | None = None
    ) -> list[IcsEvent]:
        """One event per visit of the trial (or of one subject, or of one month); subjects by number only."""
        protocol = self._trials.protocol(trial_id)
        plan = protocol.visit_plan
        if plan is None:
            return []
        rules = self._settings.rules()
        query = (
            select(models.Visit, models.Subject.screening_number, models.Subject.subject_number)
            .join(models.Subject, models.Subject.id == models.Visit.subject_id)
            .where(models.Subject.trial_id == trial_id)
            .order_by(models.Visit.scheduled_on, models.Subject.screening_number, models.Visit.id)
        )
        if subject_id is not None:
            query = query.where(models.Visit.subject_id == subject_id)
        if month is not None:
            first = dt.date(month[0], month[1], 1)
            after = (first + dt.timedelta(days=32)).replace(day=1)
            query = query.where(models.Visit.scheduled_on >= first, models.Visit.scheduled_on < after)
        events = []
        with self._db.read() as session:
            for visit, screening_number, subject_number in session.execute(query):
                definition = plan.visit(visit.code)
                start = dt.datetime.combine(visit.scheduled_on, rules.clinic_start)
                label = subject_number or screening_number
                status = VisitStatus(visit.status)
                events.append(
                    IcsEvent(
                        uid=event_uid(protocol.nct_id, screening_number, visit.code),
                        sequence=visit.sequence,
                        start=start,
                        end=start + dt.timedelta(minutes=rules.visit_minutes),
                        summary=f"{label} {visit.code} {definition.name.en} / {definition.name.zh}".strip(" /"),
                        description=(
                            f"{protocol.nct_id} · {label} · {visit.code}\n"
                            f"Window / 窗口: {visit.window_start} – {visit.window_end}\n"
                            f"Status / 状态: {status.value}"
                        ),
                        cancelled=status in (VisitStatus.CANCELLED, VisitStatus.MISSED),
                        categories=("Infusion",) if definition.infusion else ("Visit",),
                    )
                )
        return events

    def write(
        self,
        trial_id: int,
        output: Path,
        *,
        subject_id: int | None = None,
        month: tuple[int, int] | None = None,
    ) -> int:
        events = self.events(trial_id, subject_id=subject_id, month=month)
        nct_id = self._trials.protocol(trial_id).nct_id
        output.write_text(
            calendar_text(events, name=f"{nct_id} visits", stamp=dt.datetime.now(dt.UTC)), encoding="utf-8", newline=""
        )
        return len(events)
