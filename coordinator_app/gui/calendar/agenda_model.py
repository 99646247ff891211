"""The calendar's visit lists as Qt table models: a day's or week's visits, and the morning's Today panel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QFont

from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.gui.calendar.markers import MARKER_COLOURS, Marker, marker_of, visit_title, window_text
from coordinator_app.gui.formatting import format_date
from coordinator_app.gui.labels import label
from coordinator_app.gui.table_model import Index, RecordTableModel, answered_roles
from coordinator_app.services.schedule import CalendarVisit

_ROLES = answered_roles(
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole,
)


class AgendaColumn(IntEnum):
    DATE = 0
    SUBJECT = 1
    VISIT = 2
    WINDOW = 3
    STATUS = 4


def status_text(visit: CalendarVisit, today: dt.date) -> str:
    text = label(visit.status)
    if visit.overdue(today):
        return QCoreApplication.translate("AgendaTableModel", "{status}, overdue").format(status=text)
    return text


class AgendaTableModel(RecordTableModel[CalendarVisit]):
    """The visits of the selected day or week: when, who (by number), which visit, its window and status."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (self.tr("Date"), self.tr("Subject"), self.tr("Visit"), self.tr("Window"), self.tr("Status")), parent
        )
        self._today = dt.date.today()

    def set_visits(self, visits: Sequence[CalendarVisit], today: dt.date) -> None:
        self._today = today
        self.set_records(visits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid():
            return None
        visit = self.record(index.row())
        column = AgendaColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            match column:
                case AgendaColumn.DATE:
                    return format_date(visit.date)
                case AgendaColumn.SUBJECT:
                    return visit.subject_label
                case AgendaColumn.VISIT:
                    return visit_title(visit.code, visit.name)
                case AgendaColumn.WINDOW:
                    return window_text(visit.window_start, visit.window_end)
                case AgendaColumn.STATUS:
                    return status_text(visit, self._today)
        marker = marker_of(visit, self._today)
        if role == Qt.ItemDataRole.DecorationRole and column == AgendaColumn.VISIT and marker is not None:
            return MARKER_COLOURS[marker]
        if role == Qt.ItemDataRole.ForegroundRole and column == AgendaColumn.STATUS and marker is Marker.OVERDUE:
            return MARKER_COLOURS[Marker.OVERDUE]
        if role == Qt.ItemDataRole.FontRole and visit.status in (VisitStatus.MISSED, VisitStatus.CANCELLED):
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


class TodaySection(IntEnum):
    OVERDUE = 0
    TODAY = 1
    THIS_WEEK = 2
    INFUSION = 3


@dataclass(frozen=True)
class TodayRow:
    section: TodaySection
    visit: CalendarVisit
    note: str = ""


class TodayColumn(IntEnum):
    SECTION = 0
    DATE = 1
    SUBJECT = 2
    VISIT = 3
    WINDOW = 4
    NOTE = 5


_SECTION_MARKERS = {
    TodaySection.OVERDUE: Marker.OVERDUE,
    TodaySection.INFUSION: Marker.INFUSION,
}


class TodayTableModel(RecordTableModel[TodayRow]):
    """The morning view: overdue first, then due today, this week, and the infusions of the next 14 days."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            (
                self.tr("List"),
                self.tr("Date"),
                self.tr("Subject"),
                self.tr("Visit"),
                self.tr("Window"),
                self.tr("What is needed"),
            ),
            parent,
        )

    def section_name(self, section: TodaySection) -> str:
        names = {
            TodaySection.OVERDUE: self.tr("Overdue"),
            TodaySection.TODAY: self.tr("Due today"),
            TodaySection.THIS_WEEK: self.tr("This week"),
            TodaySection.INFUSION: self.tr("Upcoming infusion"),
        }
        return names[section]

    def rows_in(self, section: TodaySection) -> list[TodayRow]:
        return [row for row in self.records() if row.section is section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid():
            return None
        row = self.record(index.row())
        visit = row.visit
        column = TodayColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            match column:
                case TodayColumn.SECTION:
                    return self.section_name(row.section)
                case TodayColumn.DATE:
                    return format_date(visit.date)
                case TodayColumn.SUBJECT:
                    return visit.subject_label
                case TodayColumn.VISIT:
                    return visit_title(visit.code, visit.name)
                case TodayColumn.WINDOW:
                    return window_text(visit.window_start, visit.window_end)
                case TodayColumn.NOTE:
                    return row.note
        marker = _SECTION_MARKERS.get(row.section)
        if role == Qt.ItemDataRole.DecorationRole and column == TodayColumn.SECTION and marker is not None:
            return MARKER_COLOURS[marker]
        if role == Qt.ItemDataRole.ForegroundRole and row.section is TodaySection.OVERDUE:
            return MARKER_COLOURS[Marker.OVERDUE]
        if role == Qt.ItemDataRole.FontRole and column == TodayColumn.SECTION:
            font = QFont()
            font.setBold(True)
            return font
        return None
