"""A subject's timeline: every visit with its target, window, booked and actual dates and status; the deviations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from coordinator_app.domain.schedule import ScheduledVisit, VisitStatus
from coordinator_app.gui.calendar.markers import MARKER_COLOURS, OUT_OF_WINDOW, Marker, visit_title, window_text
from coordinator_app.gui.formatting import format_date, format_instant
from coordinator_app.gui.labels import label
from coordinator_app.gui.table_model import Index, RecordTableModel
from coordinator_app.services.schedule import DeviationRecord


@dataclass(frozen=True)
class TimelineSubject:
    """A subject the timeline can show: one whose dose 1 is booked."""

    subject_id: int
    label: str  # subject number, else screening number
    status: str  # translated subject status


class TimelineColumn(IntEnum):
    VISIT = 0
    TARGET = 1
    WINDOW = 2
    BOOKED = 3
    ACTUAL = 4
    STATUS = 5


class TimelineTableModel(RecordTableModel[ScheduledVisit]):
    """One row per visit of the protocol, in plan order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                self.tr("Visit"),
                self.tr("Target"),
                self.tr("Window"),
                self.tr("Booked on"),
                self.tr("Done on"),
                self.tr("Status"),
            ),
            parent,
        )
        self._today = dt.date.today()

    def set_visits(self, visits: Sequence[ScheduledVisit], today: dt.date) -> None:
        self._today = today
        self.set_records(visits)

    def row_of(self, code: str) -> int | None:
        return next((row for row, visit in enumerate(self.records()) if visit.code == code), None)

    def status_text(self, visit: ScheduledVisit) -> str:
        text = label(visit.status)
        if visit.overdue(self._today):
            return self.tr("{status}, overdue").format(status=text)
        if visit.status in (VisitStatus.SCHEDULED, VisitStatus.DONE) and not visit.in_window:
            return self.tr("{status}, outside window").format(status=text)
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        visit = self.record(index.row())
        column = TimelineColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            match column:
                case TimelineColumn.VISIT:
                    return visit_title(visit.code, visit.definition.name)
                case TimelineColumn.TARGET:
                    return format_date(visit.planned)
                case TimelineColumn.WINDOW:
                    return window_text(visit.window_start, visit.window_end)
                case TimelineColumn.BOOKED:
                    return format_date(visit.booked)
                case TimelineColumn.ACTUAL:
                    return format_date(visit.actual)
                case TimelineColumn.STATUS:
                    return self.status_text(visit)
        if role == Qt.ItemDataRole.ForegroundRole and column == TimelineColumn.STATUS:
            if visit.overdue(self._today):
                return MARKER_COLOURS[Marker.OVERDUE]
            if visit.status is VisitStatus.DONE:
                return MARKER_COLOURS[Marker.DONE] if visit.in_window else OUT_OF_WINDOW
            if not visit.in_window:
                return OUT_OF_WINDOW
        if role == Qt.ItemDataRole.DecorationRole and column == TimelineColumn.VISIT and visit.definition.infusion:
            return MARKER_COLOURS[Marker.INFUSION]
        if role == Qt.ItemDataRole.FontRole and visit.status in (VisitStatus.MISSED, VisitStatus.CANCELLED):
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


class DeviationColumn(IntEnum):
    VISIT = 0
    KIND = 1
    DESCRIPTION = 2
    REASON = 3
    RECORDED = 4


class DeviationTableModel(RecordTableModel[DeviationRecord]):
    """The subject's protocol deviations with the reasons given when they were accepted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (self.tr("Visit"), self.tr("Kind"), self.tr("What happened"), self.tr("Reason"), self.tr("Recorded")),
            parent,
        )

    def kind_name(self, kind: str) -> str:
        names = {"out_of_window": self.tr("Outside the visit window"), "cell_dose": self.tr("Cell dose")}
        return names.get(kind, kind.replace("_", " "))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        deviation = self.record(index.row())
        match DeviationColumn(index.column()):
            case DeviationColumn.VISIT:
                return deviation.visit_code
            case DeviationColumn.KIND:
                return self.kind_name(deviation.kind)
            case DeviationColumn.DESCRIPTION:
                return deviation.description
            case DeviationColumn.REASON:
                return deviation.reason
            case DeviationColumn.RECORDED:
                return self.tr("{when} by {who}").format(
                    when=format_instant(deviation.recorded_at), who=deviation.recorded_by
                )
        return None
