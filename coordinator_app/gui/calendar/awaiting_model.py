"""Enrolled subjects whose dose 1 is not booked yet, with the day the schedule proposes for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QObject, Qt

from coordinator_app.gui.calendar.markers import flag_text
from coordinator_app.gui.formatting import format_date
from coordinator_app.gui.table_model import Index, RecordTableModel
from coordinator_app.services.workdays import day_flag


@dataclass(frozen=True)
class AwaitingSubject:
    subject_id: int
    label: str  # subject number, else screening number
    screening_number: str
    initials: str
    enrolled_on: dt.date | None
    proposed: dt.date


class AwaitingColumn(IntEnum):
    SUBJECT = 0
    SCREENING = 1
    INITIALS = 2
    ENROLLED = 3
    PROPOSED = 4


class AwaitingTableModel(RecordTableModel[AwaitingSubject]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                self.tr("Subject"),
                self.tr("Screening no."),
                self.tr("Initials"),
                self.tr("Enrolled on"),
                self.tr("Proposed dose 1"),
            ),
            parent,
        )

    def row_of(self, subject_id: int) -> int | None:
        return next((row for row, s in enumerate(self.records()) if s.subject_id == subject_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        subject = self.record(index.row())
        column = AwaitingColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case AwaitingColumn.SUBJECT:
                    return subject.label
                case AwaitingColumn.SCREENING:
                    return subject.screening_number
                case AwaitingColumn.INITIALS:
                    return subject.initials
                case AwaitingColumn.ENROLLED:
                    return format_date(subject.enrolled_on)
                case AwaitingColumn.PROPOSED:
                    return format_date(subject.proposed)
        if role == Qt.ItemDataRole.ToolTipRole and column == AwaitingColumn.PROPOSED:
            return flag_text(day_flag(subject.proposed)) or self.tr(
                "The first working day after enrolment with room for another infusion"
            )
        return None
