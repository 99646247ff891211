"""Adverse events: the vocabularies (CTCAE v5 grade, seriousness, relationship to the UC-MSC infusion, action,
outcome), the rules an entry must meet, the SAE reporting clock, dose periods and the trial summary.

Pure Python: the service stores what this module has checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import IntEnum, StrEnum

from coordinator_app.domain.errors import ValidationError, require_instant


class Grade(IntEnum):
    """CTCAE v5 grade."""

    MILD = 1
    MODERATE = 2
    SEVERE = 3
    LIFE_THREATENING = 4
    DEATH = 5


GRADE_MEANINGS: dict[Grade, dict[str, str]] = {
    Grade.MILD: {"en": "mild", "zh": "轻度"},
    Grade.MODERATE: {"en": "moderate", "zh": "中度"},
    Grade.SEVERE: {"en": "severe or medically significant", "zh": "重度或具有重要医学意义"},
    Grade.LIFE_THREATENING: {"en": "life-threatening", "zh": "危及生命"},
    Grade.DEATH: {"en": "death related to AE", "zh": "与不良事件相关的死亡"},
}


def grade_label(grade: int, language: str = "en") -> str:
    """``"3 – severe or medically significant"``: the grade with its meaning, in ``language`` (en or zh)."""
    meanings = GRADE_MEANINGS[Grade(grade)]
    return f"{grade} – {meanings.get(language, meanings['en'])}"


class Seriousness(StrEnum):
    DEATH = "death"
    LIFE_THREATENING = "life_threatening"
    HOSPITALISATION = "hospitalisation"  # inpatient hospitalisation or its prolongation
    DISABILITY = "disability"  # persistent or significant disability or incapacity
    CONGENITAL_ANOMALY = "congenital_anomaly"
    IMPORTANT_MEDICAL_EVENT = "important_medical_event"


class Relationship(StrEnum):
    """Relationship to the UC-MSC infusion, from unrelated to definitely related."""

    UNRELATED = "unrelated"
    UNLIKELY = "unlikely"
    POSSIBLE = "possible"
    PROBABLE = "probable"
    DEFINITE = "definite"

    @property
    def related(self) -> bool:
        """Counted as related (a suspected adverse reaction): possible, probable or definite."""
        return self in (Relationship.POSSIBLE, Relationship.PROBABLE, Relationship.DEFINITE)


class ActionTaken(StrEnum):
    NONE = "none"
    INFUSION_SLOWED = "infusion_slowed"
    INFUSION_INTERRUPTED = "infusion_interrupted"
    INFUSION_STOPPED = "infusion_stopped"
    DOSE_DELAYED = "dose_delayed"
    TREATMENT_WITHDRAWN = "treatment_withdrawn"  # no further UC-MSC infusion
    NOT_APPLICABLE = "not_applicable"  # e.g. after the last infusion
    UNKNOWN = "unknown"


class Outcome(StrEnum):
    RECOVERED = "recovered"
    RECOVERING = "recovering"
    NOT_RECOVERED = "not_recovered"
    RECOVERED_WITH_SEQUELAE = "recovered_with_sequelae"
    FATAL = "fatal"
    UNKNOWN = "unknown"


class ReportKind(StrEnum):
    INITIAL = "initial"
    FOLLOW_UP = "follow_up"


class DosePeriod(StrEnum):
    BEFORE_DOSE_1 = "before dose 1"
    AFTER_DOSE_1 = "after dose 1"
    AFTER_DOSE_2 = "after dose 2"


@dataclass(frozen=True)
class AeDraft:
    """An adverse event as entered. ``aware_at`` (aware datetime) is when the site learned of it: for a
    serious event the reporting clock starts then."""

    term: str
    onset_date: dt.date
    grade: int
    serious: bool
    relationship: Relationship
    expected: bool
    action_taken: ActionTaken
    outcome: Outcome
    aware_at: dt.datetime
    resolution_date: dt.date | None = None
    seriousness_criteria: frozenset[Seriousness] = field(default_factory=frozenset)
    visit_code: str | None = None
    description: str = ""


@dataclass(frozen=True)
class QuickEntry:
    """A common AE after MSC infusions, offered pre-filled; everything stays editable."""

    key: str
    term: str
    term_zh: str
    grade: Grade
    relationship: Relationship
    expected: bool

    def draft(self, onset_date: dt.date, aware_at: dt.datetime, visit_code: str | None = None) -> AeDraft:
        return AeDraft(
            term=self.term,
            onset_date=onset_date,
            grade=int(self.grade),
            serious=False,
            relationship=self.relationship,
            expected=self.expected,
            action_taken=ActionTaken.NONE,
            outcome=Outcome.RECOVERING,
            aware_at=aware_at,
            visit_code=visit_code,
        )


QUICK_ENTRIES: tuple[QuickEntry, ...] = (
    QuickEntry(
        "infusion_reaction", "Infusion related reaction", "输注相关反应", Grade.MILD, Relationship.PROBABLE, True
    ),
    QuickEntry("fever", "Fever", "发热", Grade.MILD, Relationship.POSSIBLE, True),
)


def quick_entry(key: str) -> QuickEntry:
    for entry in QUICK_ENTRIES:
        if entry.key == key:
            return entry
    raise ValidationError("quick entry", key, f"is not one of {', '.join(e.key for e in QUICK_ENTRIES)}")


def _require_aware(name: str, value: dt.datetime) -> None:
    require_instant(name, value)


def validate_ae(draft: AeDraft, today: dt.date) -> AeDraft:
    """The draft with its text trimmed, or a ValidationError naming the first problem."""
    term = draft.term.strip()
    if not term:
        raise ValidationError("term", draft.term, "is required")
    if draft.onset_date > today:
        raise ValidationError("onset date", draft.onset_date.isoformat(), "is in the future")
    if draft.resolution_date is not None and draft.resolution_date < draft.onset_date:
        raise ValidationError("resolution date", draft.resolution_date.isoformat(), "is before the onset date")
    if isinstance(draft.grade, bool) or draft.grade not in {int(g) for g in Grade}:
        raise ValidationError("grade", draft.grade, "must be a CTCAE grade from 1 to 5")
    _require_aware("aware at", draft.aware_at)
    aware_day = draft.aware_at.astimezone().date()
    if aware_day > today:
        raise ValidationError("aware at", draft.aware_at.isoformat(), "is in the future")
    if aware_day < draft.onset_date:
        raise ValidationError("aware at", draft.aware_at.isoformat(), "is before the onset date")
    criteria = frozenset(Seriousness(c) for c in draft.seriousness_criteria)
    if draft.serious and not criteria:
        raise ValidationError("seriousness criteria", "", "a serious event needs at least one criterion")
    if not draft.serious and criteria:
        raise ValidationError(
            "seriousness criteria", "; ".join(sorted(criteria)), "a non-serious event has no seriousness criteria"
        )
    if draft.grade == Grade.DEATH:
        if draft.outcome is not Outcome.FATAL:
            raise ValidationError("outcome", draft.outcome.value, "grade 5 (death) needs the outcome fatal")
        if not draft.serious:
            raise ValidationError("serious", draft.serious, "grade 5 (death) is a serious event")
        if Seriousness.DEATH not in criteria:
            raise ValidationError(
                "seriousness criteria", "; ".join(sorted(criteria)), "grade 5 needs the criterion death"
            )
    elif draft.outcome is Outcome.FATAL:
        raise ValidationError("outcome", draft.outcome.value, f"fatal needs grade 5, not grade {draft.grade}")
    visit_code = (draft.visit_code or "").strip() or None
    return replace(
        draft,
        term=term,
        relationship=Relationship(draft.relationship),
        action_taken=ActionTaken(draft.action_taken),
        outcome=Outcome(draft.outcome),
        seriousness_criteria=criteria,
        visit_code=visit_code,
        description=draft.description.strip(),
    )


def format_criteria(criteria: Iterable[Seriousness]) -> str:
    """The stored form: codes in the vocabulary's order, "; "-separated."""
    chosen = set(criteria)
    return "; ".join(c.value for c in Seriousness if c in chosen)


def parse_criteria(text: str) -> frozenset[Seriousness]:
    return frozenset(Seriousness(part.strip()) for part in text.split(";") if part.strip())


# -- the SAE reporting clock ---------------------------------------------------------------------


def sae_deadline(aware_at: dt.datetime, hours: int) -> dt.datetime:
    """The latest moment the sponsor must have the initial report: ``hours`` after the site became aware."""
    _require_aware("aware at", aware_at)
    if hours < 1:
        raise ValidationError("SAE report hours", hours, "must be at least 1")
    return aware_at + dt.timedelta(hours=hours)


@dataclass(frozen=True)
class SaeClock:
    """Where an SAE stands against its deadline. ``time_left`` is counted to ``now`` while it is not reported,
    to the initial report once it is (negative: late). Reporting exactly at the deadline is on time."""

    deadline: dt.datetime
    time_left: dt.timedelta
    overdue: bool  # not reported and the deadline has passed
    reported_at: dt.datetime | None = None

    @property
    def reported(self) -> bool:
        return self.reported_at is not None

    @property
    def reported_late(self) -> bool:
        return self.reported_at is not None and self.reported_at > self.deadline


def sae_clock(aware_at: dt.datetime, hours: int, now: dt.datetime, reported_at: dt.datetime | None = None) -> SaeClock:
    _require_aware("now", now)
    deadline = sae_deadline(aware_at, hours)
    if reported_at is not None:
        _require_aware("reported at", reported_at)
        return SaeClock(deadline, deadline - reported_at, False, reported_at)
    return SaeClock(deadline, deadline - now, now > deadline)


def format_time_left(left: dt.timedelta) -> str:
    """``"23 h 59 min left"``, ``"0 h 00 min left"`` or ``"overdue by 0 h 01 min"`` (whole minutes, rounded down)."""
    minutes = int(abs(left).total_seconds() // 60)
    text = f"{minutes // 60} h {minutes % 60:02d} min"
    return f"overdue by {text}" if left < dt.timedelta(0) else f"{text} left"


# -- dose periods and the summary ----------------------------------------------------------------


def dose_period(onset: dt.date, dose1: dt.date | None, dose2: dt.date | None) -> DosePeriod:
    """The dose period an AE started in, from the actual infusion dates. An AE starting on an infusion day
    counts as after that dose: infusion reactions and fever start on that day, after the cells."""
    if dose2 is not None and onset >= dose2:
        return DosePeriod.AFTER_DOSE_2
    if dose1 is not None and onset >= dose1:
        return DosePeriod.AFTER_DOSE_1
    return DosePeriod.BEFORE_DOSE_1


@dataclass(frozen=True)
class AeFacts:
    """What the summary counts of one AE."""

    subject_id: int
    grade: int
    serious: bool
    relationship: Relationship
    period: DosePeriod


@dataclass(frozen=True)
class AeSummary:
    total: int
    serious: int
    related: int  # possible, probable or definite
    subjects: int  # subjects with at least one AE
    by_grade: dict[Grade, int]
    by_relationship: dict[Relationship, int]
    by_period: dict[DosePeriod, int]

    def rows(self) -> list[tuple[str, str, int]]:
        """(section, category, count) in a fixed order, every category listed even at 0: the CSV's lines."""
        rows = [
            ("all", "adverse events", self.total),
            ("all", "serious adverse events", self.serious),
            ("all", "related (possible, probable, definite)", self.related),
            ("all", "subjects with an adverse event", self.subjects),
        ]
        rows += [("grade", grade_label(g), self.by_grade[g]) for g in Grade]
        rows += [("relationship", r.value, self.by_relationship[r]) for r in Relationship]
        rows += [("dose period", p.value, self.by_period[p]) for p in DosePeriod]
        return rows


def summarise(events: Iterable[AeFacts]) -> AeSummary:
    items = list(events)
    return AeSummary(
        total=len(items),
        serious=sum(1 for e in items if e.serious),
        related=sum(1 for e in items if Relationship(e.relationship).related),
        subjects=len({e.subject_id for e in items}),
        by_grade={g: sum(1 for e in items if e.grade == g) for g in Grade},
        by_relationship={r: sum(1 for e in items if e.relationship == r) for r in Relationship},
        by_period={p: sum(1 for e in items if e.period == p) for p in DosePeriod},
    )
