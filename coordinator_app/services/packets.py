"""Printed packets: gathers a subject's schedule, infusion record and screening data and hands them to the PDF
builders (visit packet, eligibility checklist, visit list, and a day's packets in one file).

The visit packet and the visit list identify subjects by number only; the eligibility checklist by numbers
and initials. Dates and times print on this desktop's clock.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from coordinator_app.documents.e_signature import ESignature, e_signature_text
from coordinator_app.documents.eligibility_checklist import (
    ConsentEntry,
    EligibilitySheet,
    FactAnswer,
    SignoffEntry,
    build_eligibility_checklist_pdf,
)
from coordinator_app.documents.page import format_time
from coordinator_app.documents.trend_chart import TrendMarker, TrendSeries
from coordinator_app.documents.visit_list import VisitListRow, build_visit_list_pdf
from coordinator_app.documents.visit_packet import (
    AdverseEventEntry,
    DeviationEntry,
    InfusionEntry,
    SafetyCheckEntry,
    VisitPacket,
    VitalSignsEntry,
    build_visit_packet_pdf,
    build_visit_packets_pdf,
)
from coordinator_app.domain.eligibility import age_in_completed_years
from coordinator_app.domain.errors import NotFoundError, ValidationError, shown
from coordinator_app.domain.protocol import Protocol, VisitPlan
from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.services.adverse_events import assessment_content
from coordinator_app.services.database import Database
from coordinator_app.services.infusions import VITAL_SIGN_MINUTES, infusion_content
from coordinator_app.services.schedule import ScheduleService, SubjectSchedule, first_anchor, visit_content
from coordinator_app.services.screening import ScreeningService
from coordinator_app.services.signatures import SignatureRecord, latest_signatures
from coordinator_app.services.trials import TrialService
from coordinator_app.storage import models

# The packet's trend charts: the liver scores, then the lab values (SI units) by analyte code.
TREND_SCORES: tuple[tuple[str, str], ...] = (("meld", "MELD"), ("child_pugh_score", "Child-Pugh score / 评分"))
TREND_ANALYTES: tuple[tuple[str, str], ...] = (
    ("alb", "Albumin / 白蛋白 (g/L)"),
    ("tbil", "Total bilirubin / 总胆红素 (µmol/L)"),
    ("inr", "INR / 国际标准化比值"),
)

MAX_LIST_DAYS = 366  # a visit list covers a week or a month; a year is the most that makes sense on paper
PRINTED_STATUSES = (VisitStatus.SCHEDULED, VisitStatus.DONE)  # a day's packets: missed and cancelled are not due


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


class PacketService:
    """Builds the printed documents of one trial's subjects and visits."""

    def __init__(
        self,
        trials: TrialService,
        screening: ScreeningService,
        schedules: ScheduleService,
        database: Database,
        *,
        clock: Callable[[], dt.datetime] = _local_now,
    ) -> None:
        self._trials = trials
        self._screening = screening
        self._schedules = schedules
        self._db = database
        self._clock = clock

    # -- the documents -------------------------------------------------------------------------

    def visit_packet(self, trial_id: int, subject_number: str, visit_code: str, output: Path | BinaryIO) -> None:
        """One subject's packet for one visit (a code such as W4 or D2, in any letter case)."""
        protocol = self._trials.protocol(trial_id)
        plan = _plan(protocol)
        subject_id = self._subject_id(trial_id, protocol, subject_number)
        code = _visit_code(plan, visit_code)
        schedule = self._schedules.schedule(subject_id)
        if schedule is None:
            raise ValidationError("subject", subject_number.strip(), "has no visit schedule yet: book dose 1 first")
        packet = self._packets(protocol, plan, [(schedule, code)])[0]
        build_visit_packet_pdf(packet, generated_at=self._clock(), output=output)

    def packets_for_day(self, trial_id: int, day: dt.date, output: Path | BinaryIO) -> int:
        """Every packet of the visits standing on ``day`` (scheduled or done), in one file; returns how many.

        Each packet starts on a new page with its own header and its own "page X of Y" (numbered per packet).
        """
        protocol = self._trials.protocol(trial_id)
        plan = _plan(protocol)
        visits = [v for v in self._schedules.visits_between(trial_id, day, day) if v.status in PRINTED_STATUSES]
        if not visits:
            raise ValidationError("date", day.isoformat(), "has no scheduled visits: there are no packets to print")
        schedules: dict[int, SubjectSchedule] = {}
        wanted: list[tuple[SubjectSchedule, str]] = []
        for visit in visits:
            if visit.subject_id not in schedules:
                schedules[visit.subject_id] = self._schedules.require_schedule(visit.subject_id)
            wanted.append((schedules[visit.subject_id], visit.code))
        packets = self._packets(protocol, plan, wanted)
        title = f"Visit packets / 访视资料包 — {protocol.nct_id} {day.isoformat()}"
        build_visit_packets_pdf(packets, generated_at=self._clock(), output=output, title=title)
        return len(packets)

    def visit_list(self, trial_id: int, first: dt.date, last: dt.date, output: Path | BinaryIO) -> int:
        """The visits standing on the days from ``first`` through ``last``; returns how many are listed."""
        if last < first:
            raise ValidationError("to", last.isoformat(), f"is before from ({first.isoformat()})")
        if (last - first).days + 1 > MAX_LIST_DAYS:
            raise ValidationError("to", last.isoformat(), f"a visit list covers at most {MAX_LIST_DAYS} days")
        protocol = self._trials.protocol(trial_id)
        _plan(protocol)
        generated_at = self._clock()
        today = generated_at.date()
        rows = [
            VisitListRow(
                date=v.date,
                subject_number=v.subject_label,
                visit_code=v.code,
                visit_name=v.name,
                window_start=v.window_start,
                window_end=v.window_end,
                status=v.status,
                infusion=v.infusion,
                overdue=v.overdue(today),
            )
            for v in self._schedules.visits_between(trial_id, first, last)
        ]
        build_visit_list_pdf(
            rows,
            trial_id=protocol.nct_id,
            first=first,
            last=last,
            generated_at=generated_at,
            output=output,
        )
        return len(rows)

    def eligibility_checklist(self, trial_id: int, subject_number: str, output: Path | BinaryIO) -> None:
        """The subject's criteria with answers and sources, the verdict, consent and the signature block."""
        protocol = self._trials.protocol(trial_id)
        detail = self._screening.find(trial_id, subject_number)
        consent = detail.consent
        signoff = detail.signoff
        sheet = EligibilitySheet(
            trial_id=protocol.nct_id,
            screening_number=detail.screening_number,
            subject_number=detail.subject_number,
            initials=detail.initials,
            sex=detail.sex,
            age_years=age_in_completed_years(detail.date_of_birth, detail.assessment_date),
            status=detail.status,
            eligibility=protocol.eligibility,
            assessment=detail.assessment,
            facts={name: FactAnswer(entry.value, entry.source_note) for name, entry in detail.facts.items()},
            consent=ConsentEntry(
                consent.document_version, consent.signed_at.astimezone(), consent.obtained_by, consent.copy_given
            )
            if consent
            else None,
            signoff=SignoffEntry(
                signoff.verdict, signoff.signed_by, signoff.signed_at.astimezone(), signoff.meaning, signoff.reason
            )
            if signoff
            else None,
        )
        build_eligibility_checklist_pdf(sheet, generated_at=self._clock(), output=output)

    # -- gathering -------------------------------------------------------------------------------

    def _subject_id(self, trial_id: int, protocol: Protocol, number: str) -> int:
        """By subject or screening number; reading only the numbers (the packet never needs the name)."""
        wanted = number.strip()
        with self._db.read() as session:
            subject_id = session.scalar(
                select(models.Subject.id).where(
                    models.Subject.trial_id == trial_id,
                    (models.Subject.subject_number == wanted) | (models.Subject.screening_number == wanted),
                )
            )
        if subject_id is None:
            raise NotFoundError(f"no subject numbered {shown(wanted)} in trial {protocol.nct_id}")
        return subject_id

    def _packets(
        self, protocol: Protocol, plan: VisitPlan, wanted: Iterable[tuple[SubjectSchedule, str]]
    ) -> list[VisitPacket]:
        wanted = list(wanted)
        subject_ids = {schedule.subject_id for schedule, _code in wanted}
        infusions, checks = self._infusion_data(subject_ids)
        completions = self._completion_signatures(subject_ids)
        adverse_events = self._adverse_events(subject_ids)
        measured = self._trend_data(subject_ids)
        dose1 = first_anchor(plan)
        packets = []
        for schedule, code in wanted:
            visit = schedule.visit(code)
            definition = visit.definition
            key = (schedule.subject_id, code)
            trends: tuple[TrendSeries, ...] = ()
            markers: tuple[TrendMarker, ...] = ()
            if _charts_trends(definition.infusion, definition.anchor, definition.day):
                trends = _trends_until(measured.get(schedule.subject_id, {}), visit.date)
                markers = tuple(
                    TrendMarker(dose.code, day)
                    for dose in plan.infusions()
                    if (day := schedule.visit(dose.code).actual) is not None and day <= visit.date
                )
            packets.append(
                VisitPacket(
                    trial_id=protocol.nct_id,
                    subject_number=schedule.subject_number or schedule.screening_number,
                    visit_code=code,
                    visit_name=definition.name,
                    target_date=visit.planned,
                    window_start=visit.window_start,
                    window_end=visit.window_end,
                    booked_date=visit.booked,
                    status=visit.status,
                    actual_date=visit.actual,
                    label_date=visit.date,
                    procedures=plan.procedures_of(code),
                    infusion=definition.infusion,
                    vital_sign_minutes=VITAL_SIGN_MINUTES if definition.infusion else (),
                    needs_safety_check=definition.infusion and code != dose1,
                    infusion_record=infusions.get(key),
                    safety_check=checks.get(key),
                    deviations=tuple(
                        DeviationEntry(d.description, d.reason) for d in schedule.deviations if d.visit_code == code
                    ),
                    trends=trends,
                    trend_markers=markers if trends else (),
                    completion_signature=completions.get(key, ""),
                    adverse_events=tuple(
                        entry for onset, entry in adverse_events.get(schedule.subject_id, []) if onset <= visit.date
                    ),
                )
            )
        return packets

    def _completion_signatures(self, subject_ids: set[int]) -> dict[tuple[int, str], str]:
        """The "completed visit" e-signature of each signed visit, as it prints."""
        with self._db.read() as session:
            visits = session.scalars(select(models.Visit).where(models.Visit.subject_id.in_(subject_ids))).all()
            signed = latest_signatures(session, models.Visit.__tablename__, {v.id: visit_content(v) for v in visits})
        return {(v.subject_id, v.code): _printed(signed[v.id]) for v in visits if v.id in signed}

    def _adverse_events(self, subject_ids: set[int]) -> dict[int, list[tuple[dt.date, AdverseEventEntry]]]:
        """Each subject's AEs by onset, with the investigator's signed assessment as it prints."""
        with self._db.read() as session:
            rows = session.scalars(
                select(models.AdverseEvent)
                .where(models.AdverseEvent.subject_id.in_(subject_ids))
                .order_by(models.AdverseEvent.onset_date, models.AdverseEvent.id)
            ).all()
            signed = latest_signatures(
                session, models.AdverseEvent.__tablename__, {row.id: assessment_content(row) for row in rows}
            )
        found: dict[int, list[tuple[dt.date, AdverseEventEntry]]] = {}
        for row in rows:
            entry = AdverseEventEntry(
                term=row.term,
                onset=row.onset_date.isoformat(),
                end=row.resolution_date.isoformat() if row.resolution_date else "",
                grade=str(row.grade),
                serious="Yes / 是" if row.serious else "No / 否",
                related=row.relationship,
                action=row.action_taken.replace("_", " "),
                outcome=row.outcome.replace("_", " "),
                assessment=_printed(signed[row.id]) if row.id in signed else "",
            )
            found.setdefault(row.subject_id, []).append((row.onset_date, entry))
        return found

    def _trend_data(self, subject_ids: set[int]) -> dict[int, dict[str, list[tuple[dt.date, float]]]]:
        """Each subject's stored liver scores and charted lab values (SI), by series key, as (date, value)."""
        analytes = [code for code, _name in TREND_ANALYTES]
        found: dict[int, dict[str, list[tuple[dt.date, float]]]] = {}
        with self._db.read() as session:
            scores = session.scalars(
                select(models.LiverScore).where(models.LiverScore.subject_id.in_(subject_ids))
            ).all()
            results = session.scalars(
                select(models.LabResult).where(
                    models.LabResult.subject_id.in_(subject_ids), models.LabResult.analyte.in_(analytes)
                )
            ).all()
        for score in scores:
            for key, _name in TREND_SCORES:
                value = getattr(score, key)
                if value is not None:
                    found.setdefault(score.subject_id, {}).setdefault(key, []).append((score.sample_date, float(value)))
        for result in results:
            try:
                value = float(result.value)
            except ValueError:
                continue
            found.setdefault(result.subject_id, {}).setdefault(result.analyte, []).append((result.sample_date, value))
        return found

    def _infusion_data(
        self, subject_ids: set[int]
    ) -> tuple[dict[tuple[int, str], InfusionEntry], dict[tuple[int, str], SafetyCheckEntry]]:
        """The saved infusion records and the latest safety check of each dose, for these subjects."""
        with self._db.read() as session:
            records = session.scalars(
                select(models.InfusionRecord).where(models.InfusionRecord.subject_id.in_(subject_ids))
            ).all()
            signed = latest_signatures(
                session, models.InfusionRecord.__tablename__, {r.id: infusion_content(r) for r in records}
            )
            checks = session.scalars(
                select(models.SafetyCheck)
                .where(models.SafetyCheck.subject_id.in_(subject_ids))
                .order_by(models.SafetyCheck.id)
            ).all()
        entries = {(r.subject_id, r.visit_code): _infusion_entry(r, signed.get(r.id)) for r in records}
        latest = {
            (c.subject_id, c.visit_code): SafetyCheckEntry(
                c.active_infection,
                c.spontaneous_peritonitis,
                c.gi_bleeding_last_4_weeks,
                c.investigator_clearance,
                c.investigator,
                format_time(c.checked_at.astimezone()),
            )
            for c in checks  # in id order: the last one of each dose wins
        }
        return entries, latest


def _charts_trends(infusion: bool, anchor: str | None, day: int) -> bool:
    """Dose and follow-up visits get the trend charts; screening (before dose 1) does not."""
    return infusion or (anchor is not None and day > 0)


def _trends_until(series: dict[str, list[tuple[dt.date, float]]], last: dt.date) -> tuple[TrendSeries, ...]:
    """The charted series with their points up to ``last``, in chart order; empty when none has a point."""
    charted = []
    for key, name in (*TREND_SCORES, *TREND_ANALYTES):
        points = tuple(sorted(point for point in series.get(key, []) if point[0] <= last))
        if points:
            charted.append(TrendSeries(name, points))
    return tuple(charted)


def _plan(protocol: Protocol) -> VisitPlan:
    if protocol.visit_plan is None:
        raise ValidationError("visit plan", protocol.nct_id, "this protocol has no visit plan to print packets from")
    return protocol.visit_plan


def _visit_code(plan: VisitPlan, text: str) -> str:
    wanted = text.strip().casefold()
    for visit in plan.visits:
        if visit.code.casefold() == wanted:
            return visit.code
    raise ValidationError("visit", text.strip(), f"is not a visit of the visit plan ({', '.join(plan.codes())})")


def _printed(signature: SignatureRecord) -> str:
    return e_signature_text(
        ESignature(
            signature.meaning.value,
            signature.signer,
            signature.role.value,
            signature.signed_at,
            signature.covers_current_content,
        )
    )


def _infusion_entry(record: models.InfusionRecord, signature: SignatureRecord | None) -> InfusionEntry:
    start = record.infusion_start.astimezone()
    vital_signs = []
    for item in json.loads(record.vital_signs_json or "[]"):
        minute = int(item.get("minute", 0))
        vital_signs.append(
            VitalSignsEntry(
                minute=minute,
                clock=f"{start + dt.timedelta(minutes=minute):%H:%M}",
                temperature_c=str(item.get("temperature_c", "")),
                pulse_per_min=str(item.get("pulse_per_min", "")),
                systolic_mmhg=str(item.get("systolic_mmhg", "")),
                diastolic_mmhg=str(item.get("diastolic_mmhg", "")),
                spo2_percent=str(item.get("spo2_percent", "")),
            )
        )
    return InfusionEntry(
        product_lot=record.product_lot,
        release_certificate=record.release_certificate,
        cells_per_dose=record.cells_per_dose,
        viability_release_percent=record.viability_release_percent,
        viability_bedside_percent=record.viability_bedside_percent,
        transport_temperature_c=record.transport_temperature_c,
        prepared_at=format_time(record.prepared_at.astimezone()),
        infusion_start=format_time(start),
        infusion_end=format_time(record.infusion_end.astimezone()),
        volume_ml=record.volume_ml,
        rate_ml_per_hour=record.rate_ml_per_hour,
        administered_by=record.administered_by,
        checked_by=record.checked_by,
        immediate_reactions=record.immediate_reactions,
        vital_signs=tuple(vital_signs),
        administered_signature=_printed(signature) if signature else "",
    )
