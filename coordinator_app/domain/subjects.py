"""Subjects' study status and the enrolment progress computed from it."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class SubjectStatus(StrEnum):
    """Where a subject stands: screening, then enrolled or screen-failed; enrolled ends completed or withdrawn."""

    SCREENING = "screening"
    ENROLLED = "enrolled"
    SCREEN_FAILED = "screen_failed"
    WITHDRAWN = "withdrawn"
    COMPLETED = "completed"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"


# Statuses that took a place in the trial: they count against the enrolment target.
ENROLLED_STATUSES = frozenset({SubjectStatus.ENROLLED, SubjectStatus.WITHDRAWN, SubjectStatus.COMPLETED})


@dataclass(frozen=True)
class EnrollmentProgress:
    """Counts per status; ``enrolled_total`` is everyone ever enrolled, which is what the target counts."""

    target: int
    screening: int = 0
    enrolled: int = 0
    screen_failed: int = 0
    withdrawn: int = 0
    completed: int = 0

    @classmethod
    def from_counts(cls, target: int, counts: Mapping[SubjectStatus, int]) -> EnrollmentProgress:
        return cls(
            target=target,
            screening=counts.get(SubjectStatus.SCREENING, 0),
            enrolled=counts.get(SubjectStatus.ENROLLED, 0),
            screen_failed=counts.get(SubjectStatus.SCREEN_FAILED, 0),
            withdrawn=counts.get(SubjectStatus.WITHDRAWN, 0),
            completed=counts.get(SubjectStatus.COMPLETED, 0),
        )

    @property
    def screened_total(self) -> int:
        """Everyone who entered screening, whatever became of them."""
        return self.screening + self.enrolled + self.screen_failed + self.withdrawn + self.completed

    @property
    def enrolled_total(self) -> int:
        return self.enrolled + self.withdrawn + self.completed

    @property
    def places_left(self) -> int:
        return max(self.target - self.enrolled_total, 0)


_CJK = re.compile("[\u3400-\u9fff]")  # a character of a Chinese name (searched for in C: lists name thousands)


def _is_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def full_name(family_name: str, given_name: str) -> str:
    """A name as people write it: 王建国 for Chinese names, "Family Given" otherwise."""
    if _is_cjk(family_name + given_name):
        return family_name + given_name
    return " ".join(part for part in (family_name, given_name) if part)


# Who may move where: screening ends in enrolment or screen failure; enrolment ends completed or withdrawn.
TRANSITIONS: dict[SubjectStatus, frozenset[SubjectStatus]] = {
    SubjectStatus.SCREENING: frozenset({SubjectStatus.ENROLLED, SubjectStatus.SCREEN_FAILED}),
    SubjectStatus.ENROLLED: frozenset({SubjectStatus.COMPLETED, SubjectStatus.WITHDRAWN}),
    SubjectStatus.SCREEN_FAILED: frozenset(),
    SubjectStatus.WITHDRAWN: frozenset(),
    SubjectStatus.COMPLETED: frozenset(),
}


def format_number(prefix: str, sequence: int, digits: int) -> str:
    """``SCR-`` + 7 with 3 digits is ``SCR-007``; a sequence longer than ``digits`` is never cut."""
    return f"{prefix}{sequence:0{digits}d}"


def next_sequence(prefix: str, existing: list[str]) -> int:
    """One more than the highest number already issued with ``prefix`` (imported numbers included)."""
    tails = [n[len(prefix) :] for n in existing if n.startswith(prefix)]
    sequences = [int(tail) for tail in tails if tail.isascii() and tail.isdigit()]  # not "²": int() refuses it
    return max(sequences, default=0) + 1
