"""Infusions: the pre-infusion safety check and the infusion record (the cell product's chain of custody).

Saving an infusion record marks its visit done on the infusion's date. Dose 2 needs dose 1 given and
a passed safety check first. A cell count outside the protocol's tolerance is saved only as a recorded
deviation; a long time from preparation to the end of the infusion is a warning.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from sqlalchemy import select

from coordinator_app.domain.access import Permission, SignatureMeaning
from coordinator_app.domain.errors import ReasonRequiredError, ValidationError, require_instant
from coordinator_app.domain.protocol import Intervention, VisitPlan
from coordinator_app.domain.schedule import VisitStatus, earlier_dose_not_given
from coordinator_app.services.database import Database
from coordinator_app.services.schedule import ScheduleService, SubjectSchedule, first_anchor
from coordinator_app.services.signatures import SignatureService, add_signature
from coordinator_app.services.site_settings import SiteSettingsService
from coordinator_app.services.trials import TrialService
from coordinator_app.services.users import Credentials
from coordinator_app.storage import models

# When vital signs are taken, in minutes from the start of the infusion (negative: before it).
VITAL_SIGN_MINUTES = (-15, 15, 30, 60, 120)


@dataclass(frozen=True)
class VitalSigns:
    minute: int
    temperature_c: str = ""
    pulse_per_min: str = ""
    systolic_mmhg: str = ""
    diastolic_mmhg: str = ""
    spo2_percent: str = ""


@dataclass(frozen=True)
class SafetyAnswers:
    active_infection: bool
    spontaneous_peritonitis: bool
    gi_bleeding_last_4_weeks: bool
    investigator_clearance: bool
    investigator: str

    @property
    def passed(self) -> bool:
        return self.investigator_clearance and not (
            self.active_infection or self.spontaneous_peritonitis or self.gi_bleeding_last_4_weeks
        )


class Readiness(NamedTuple):
    """What an upcoming dose still needs before it can be given."""

    earlier_dose: str  # an earlier dose it follows that is not given yet, else ""
    safety_check_due: bool  # its pre-infusion safety check is not passed yet


@dataclass(frozen=True)
class InfusionDraft:
    product_lot: str
    release_certificate: str
    cells_per_dose: str  # "1.0e8", "100000000", "1.02×10^8" is not accepted: plain decimal or e-notation
    viability_release_percent: str
    viability_bedside_percent: str
    prepared_at: dt.datetime  # aware
    infusion_start: dt.datetime
    infusion_end: dt.datetime
    volume_ml: str
    rate_ml_per_hour: str
    transport_temperature_c: str
    administered_by: str
    checked_by: str
    vital_signs: tuple[VitalSigns, ...] = ()
    immediate_reactions: str = ""


@dataclass(frozen=True)
class InfusionResult:
    schedule: SubjectSchedule
    warnings: tuple[str, ...] = field(default=())
    preparation_minutes: int = 0


# Plausible ranges: a value outside is a typo, refused with a message.
_RANGES: dict[str, tuple[Decimal, Decimal]] = {
    "viability before release (%)": (Decimal(0), Decimal(100)),
    "viability at the bedside (%)": (Decimal(0), Decimal(100)),
    "volume (mL)": (Decimal(1), Decimal(1000)),
    "rate (mL/h)": (Decimal(1), Decimal(2000)),
    "transport temperature (°C)": (Decimal(-200), Decimal(40)),
    "temperature (°C)": (Decimal(30), Decimal(43)),
    "pulse (/min)": (Decimal(20), Decimal(250)),
    "systolic pressure (mmHg)": (Decimal(40), Decimal(260)),
    "diastolic pressure (mmHg)": (Decimal(20), Decimal(160)),
    "SpO2 (%)": (Decimal(50), Decimal(100)),
}


def _number(field_name: str, text: str, required: bool = True) -> Decimal | None:
    value = text.strip()
    if not value:
        if required:
            raise ValidationError(field_name, text, "is required")
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValidationError(field_name, text, "is not a number") from None
    if not number.is_finite():
        raise ValidationError(field_name, text, "is not a number")
    low, high = _RANGES.get(field_name, (Decimal(0), Decimal("1e12")))
    if not low <= number <= high:
        raise ValidationError(field_name, text, f"is outside the plausible range {low} to {high}")
    return number


class InfusionService:
    def __init__(
        self,
        database: Database,
        trials: TrialService,
        schedules: ScheduleService,
        settings: SiteSettingsService,
        signatures: SignatureService,
    ) -> None:
        self._db = database
        self._trials = trials
        self._schedules = schedules
        self._settings = settings
        self._signatures = signatures

    def record_safety_check(self, subject_id: int, code: str, answers: SafetyAnswers, actor: str) -> bool:
        """Record the answers; returns whether the infusion may go ahead."""
        if not answers.investigator.strip():
            raise ValidationError("investigator", answers.investigator, "is required for the safety check")
        self._schedules.require_schedule(subject_id)
        infusions = [v.code for v in self._schedules.plan_of_subject(subject_id).infusions()]
        if code not in infusions:
            raise ValidationError("visit", code, f"is not an infusion of the visit plan ({', '.join(infusions)})")
        with self._db.write(actor, permission=Permission.ADMINISTER) as session:
            session.add(
                models.SafetyCheck(
                    subject_id=subject_id,
                    visit_code=code,
                    active_infection=answers.active_infection,
                    spontaneous_peritonitis=answers.spontaneous_peritonitis,
                    gi_bleeding_last_4_weeks=answers.gi_bleeding_last_4_weeks,
                    investigator_clearance=answers.investigator_clearance,
                    investigator=answers.investigator.strip(),
                    checked_at=dt.datetime.now(dt.UTC),
                )
            )
        return answers.passed

    def safety_check_passed(self, subject_id: int, code: str) -> bool:
        """The latest safety check for this infusion allows it."""
        with self._db.read() as session:
            latest = session.scalars(
                select(models.SafetyCheck)
                .where(models.SafetyCheck.subject_id == subject_id, models.SafetyCheck.visit_code == code)
                .order_by(models.SafetyCheck.id.desc())
            ).first()
            return latest is not None and _passed(latest)

    def readiness(self, trial_id: int, doses: Collection[tuple[int, str]]) -> dict[tuple[int, str], Readiness]:
        """What each upcoming dose, a (subject id, visit code), still needs before it can be given: for the
        morning list, from one read of those subjects' visits and safety checks, however many doses are due."""
        plan = self._schedules.plan(trial_id)
        subject_ids = {subject_id for subject_id, _ in doses}
        infusions = [visit.code for visit in plan.visits if visit.infusion]  # an earlier dose is all that is asked
        statuses: dict[int, dict[str, VisitStatus]] = defaultdict(dict)
        latest: dict[tuple[int, str], models.SafetyCheck] = {}
        with self._db.read() as session:
            for subject_id, code, status in session.execute(
                select(models.Visit.subject_id, models.Visit.code, models.Visit.status).where(
                    models.Visit.subject_id.in_(subject_ids), models.Visit.code.in_(infusions)
                )
            ):
                statuses[subject_id][code] = VisitStatus(status)
            for row in session.scalars(
                select(models.SafetyCheck)
                .where(models.SafetyCheck.subject_id.in_(subject_ids))
                .order_by(models.SafetyCheck.id)
            ):
                latest[row.subject_id, row.visit_code] = row  # the newest wins
        result = {}
        for subject_id, code in doses:
            check = latest.get((subject_id, code))
            result[subject_id, code] = Readiness(
                earlier_dose_not_given(plan, statuses[subject_id], code),
                _needs_safety_check(plan, code) and not (check is not None and _passed(check)),
            )
        return result

    def needs_safety_check(self, subject_id: int, code: str) -> bool:
        """Every infusion after the first needs its safety check answered before the record opens."""
        return _needs_safety_check(self._schedules.plan_of_subject(subject_id), code)

    def can_open_record(self, subject_id: int, code: str) -> tuple[bool, str]:
        """Whether the infusion record may open now, and if not, why (for the GUI to say)."""
        schedule = self._schedules.require_schedule(subject_id)
        plan = self._schedules.plan_of_subject(subject_id)
        definition = plan.visit(code)
        if not definition.infusion:
            return False, f"{code} is not an infusion"
        if schedule.visit(code).status is not VisitStatus.SCHEDULED:
            return False, f"{code} is {schedule.visit(code).status.value}"
        earlier = earlier_dose_not_given(plan, {v.code: v.status for v in schedule.visits}, code)
        if earlier:
            return False, f"{earlier} has not been given yet"
        if self.needs_safety_check(subject_id, code) and not self.safety_check_passed(subject_id, code):
            return False, "the pre-infusion safety check has not been passed"
        return True, ""

    def record_infusion(
        self, subject_id: int, code: str, draft: InfusionDraft, signer: Credentials, deviation_reason: str = ""
    ) -> InfusionResult:
        """Record and sign ("administered") the infusion; the visit is marked done in the same transaction."""
        warnings, deviation = self._checked(subject_id, code, draft)
        if deviation and not deviation_reason.strip():
            raise ReasonRequiredError("cells per dose", draft.cells_per_dose, f"{deviation}: give a deviation reason")
        minutes = int((draft.infusion_end - draft.prepared_at).total_seconds() // 60)
        nurse = self._signatures.authenticate(signer, SignatureMeaning.ADMINISTERED)
        actor = nurse.username
        with self._db.write(actor, permission=Permission.ADMINISTER) as session:
            record = models.InfusionRecord(
                subject_id=subject_id,
                visit_code=code,
                product_lot=draft.product_lot.strip(),
                release_certificate=draft.release_certificate.strip(),
                cells_per_dose=draft.cells_per_dose.strip(),
                viability_release_percent=draft.viability_release_percent.strip(),
                viability_bedside_percent=draft.viability_bedside_percent.strip(),
                prepared_at=draft.prepared_at,
                infusion_start=draft.infusion_start,
                infusion_end=draft.infusion_end,
                volume_ml=draft.volume_ml.strip(),
                rate_ml_per_hour=draft.rate_ml_per_hour.strip(),
                transport_temperature_c=draft.transport_temperature_c.strip(),
                vital_signs_json=json.dumps([asdict(v) for v in draft.vital_signs]),
                immediate_reactions=draft.immediate_reactions.strip(),
                administered_by=draft.administered_by.strip(),
                checked_by=draft.checked_by.strip(),
            )
            session.add(record)
            session.flush()
            add_signature(
                session,
                nurse,
                SignatureMeaning.ADMINISTERED,
                (models.InfusionRecord.__tablename__, record.id),
                subject_id,
                infusion_content(record),
            )
            if deviation:
                session.add(
                    models.Deviation(
                        subject_id=subject_id,
                        visit_code=code,
                        kind="cell_dose",
                        description=deviation,
                        reason=deviation_reason.strip(),
                        recorded_by=actor,
                    )
                )
            self._schedules.mark_infusion_done(session, subject_id, code, draft.infusion_start.astimezone().date())
        return InfusionResult(self._schedules.require_schedule(subject_id), warnings, minutes)

    def cell_dose_deviation(self, subject_id: int, code: str, draft: InfusionDraft) -> str:
        """Check a record before anybody signs it: raises for what cannot be right, and returns the cell-dose
        deviation ("" when none) that will need a reason, so the screen asks for it before the signature."""
        return self._checked(subject_id, code, draft)[1]

    def _checked(self, subject_id: int, code: str, draft: InfusionDraft) -> tuple[tuple[str, ...], str]:
        allowed, why = self.can_open_record(subject_id, code)
        if not allowed:
            raise ValidationError("infusion", code, why)
        protocol = self._trials.protocol(self._schedules.trial_of(subject_id))
        return self._validate(draft, protocol.interventions[0] if protocol.interventions else None)

    def _validate(self, draft: InfusionDraft, intervention: Intervention | None) -> tuple[tuple[str, ...], str]:
        """Refuse what cannot be right; return the warnings and the cell-dose deviation (empty when none)."""
        for name, value in (
            ("product lot", draft.product_lot),
            ("release certificate", draft.release_certificate),
            ("administered by", draft.administered_by),
            ("checked by", draft.checked_by),
        ):
            if not value.strip():
                raise ValidationError(name, value, "is required")
        if draft.administered_by.strip() == draft.checked_by.strip():
            raise ValidationError("checked by", draft.checked_by, "must be a second person, not who administered")
        cells = _number("cells per dose", draft.cells_per_dose)
        _number("viability before release (%)", draft.viability_release_percent)
        _number("viability at the bedside (%)", draft.viability_bedside_percent)
        _number("volume (mL)", draft.volume_ml)
        _number("rate (mL/h)", draft.rate_ml_per_hour)
        _number("transport temperature (°C)", draft.transport_temperature_c)
        require_instant("prepared at", draft.prepared_at)
        require_instant("infusion start", draft.infusion_start)
        require_instant("infusion stop", draft.infusion_end)
        if not draft.prepared_at <= draft.infusion_start < draft.infusion_end:
            raise ValidationError(
                "infusion times",
                f"{draft.prepared_at:%H:%M} / {draft.infusion_start:%H:%M} / {draft.infusion_end:%H:%M}",
                "preparation, start and stop must follow each other",
            )
        if draft.infusion_end > dt.datetime.now(dt.UTC):
            raise ValidationError("infusion stop", f"{draft.infusion_end:%Y-%m-%d %H:%M}", "is in the future")
        if not any(v.minute < 0 for v in draft.vital_signs):
            raise ValidationError("vital signs", "", "the pre-infusion vital signs are required")
        for signs in draft.vital_signs:
            _number("temperature (°C)", signs.temperature_c, required=False)
            _number("pulse (/min)", signs.pulse_per_min, required=False)
            _number("systolic pressure (mmHg)", signs.systolic_mmhg, required=False)
            _number("diastolic pressure (mmHg)", signs.diastolic_mmhg, required=False)
            _number("SpO2 (%)", signs.spo2_percent, required=False)
        warnings = []
        minutes = int((draft.infusion_end - draft.prepared_at).total_seconds() // 60)
        limit = self._settings.rules().preparation_limit_minutes
        if minutes > limit:
            warnings.append(f"{minutes} minutes from preparation to the end of the infusion (limit {limit})")
        deviation = ""
        target = intervention.dose_cells if intervention else None
        tolerance = intervention.dose_tolerance_percent if intervention else None
        if cells is not None and target is not None and tolerance is not None:
            low, high = target * (1 - tolerance / 100), target * (1 + tolerance / 100)
            if not low <= cells <= high:
                deviation = f"{cells:.3E} cells is outside {target:.1E} ± {tolerance}%"
        return tuple(warnings), deviation


def infusion_content(record: models.InfusionRecord) -> dict[str, object]:
    """What the "administered" signature covers: every field of the record but its id."""
    return {
        column.key: getattr(record, column.key)
        for column in models.InfusionRecord.__table__.columns
        if column.key != "id"
    }


def _needs_safety_check(plan: VisitPlan, code: str) -> bool:
    """Every infusion after the first needs its safety check answered before the record opens."""
    return plan.visit(code).infusion and code != first_anchor(plan)


def _passed(check: models.SafetyCheck) -> bool:
    return SafetyAnswers(
        check.active_infection,
        check.spontaneous_peritonitis,
        check.gi_bleeding_last_4_weeks,
        check.investigator_clearance,
        check.investigator,
    ).passed
