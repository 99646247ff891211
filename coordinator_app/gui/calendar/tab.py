"""The Infusion calendar tab: a month view marking the days with events, and the selected day's agenda."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QStringListModel
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QHeaderView, QWidget

from coordinator_app.domain.subjects import SubjectStatus
from coordinator_app.gui.calendar.agenda_model import AgendaTableModel
from coordinator_app.gui.formatting import format_long_date, from_qdate, to_qdate
from coordinator_app.gui.forms.ui_calendar_tab import Ui_CalendarTab
from coordinator_app.services.calendar import CalendarEvent
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace

_BUSY_DAY = QColor("#d7e8fb")


class CalendarTab(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_CalendarTab()
        self.form.setupUi(self)
        self._workspace = workspace
        self._trial: TrialSummary | None = None
        self._month_events: list[CalendarEvent] = []
        self._marked_days: list[QDate] = []

        self.agenda = AgendaTableModel(self)
        self.form.agendaTable.setModel(self.agenda)
        self.form.agendaTable.verticalHeader().hide()
        self.form.agendaTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.enrolled = QStringListModel(self)
        self.form.enrolledList.setModel(self.enrolled)
        self.form.calendar.currentPageChanged.connect(self._load_month)
        self.form.calendar.selectionChanged.connect(self._show_day)
        self.form.todayButton.clicked.connect(self.go_to_today)

    def show_trial(self, trial: TrialSummary) -> None:
        self._trial = trial
        enrolled = self._workspace.subjects.list_subjects(trial.id)
        self.enrolled.setStringList(
            [
                f"{s.subject_number or s.screening_number} · {s.name}"
                for s in enrolled
                if s.status is SubjectStatus.ENROLLED
            ]
        )
        calendar = self.form.calendar
        self._load_month(calendar.yearShown(), calendar.monthShown())

    def go_to_today(self) -> None:
        self.select_day(dt.date.today())

    def select_day(self, day: dt.date) -> None:
        self.form.calendar.setSelectedDate(to_qdate(day))
        self.form.calendar.showSelectedDate()

    def _load_month(self, year: int, month: int) -> None:
        if self._trial is None:
            return
        first = dt.date(year, month, 1)
        last = (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
        self._month_events = self._workspace.calendar.events_between(self._trial.id, first, last)
        self._mark_days()
        self._show_day()

    def _mark_days(self) -> None:
        calendar = self.form.calendar
        for day in self._marked_days:
            calendar.setDateTextFormat(day, QTextCharFormat())
        busy = QTextCharFormat()
        busy.setBackground(QBrush(_BUSY_DAY))
        busy.setFontWeight(QFont.Weight.Bold)
        self._marked_days = sorted({to_qdate(e.day) for e in self._month_events})
        for day in self._marked_days:
            calendar.setDateTextFormat(day, busy)

    def _show_day(self) -> None:
        day = from_qdate(self.form.calendar.selectedDate())
        events = [e for e in self._month_events if e.day == day]
        if (
            not events
            and self._trial is not None
            and (day.year, day.month)
            != (
                self.form.calendar.yearShown(),
                self.form.calendar.monthShown(),
            )
        ):
            events = self._workspace.calendar.events_between(self._trial.id, day, day)
        self.agenda.set_records(events)
        self.form.dayHeading.setText(f"<b>{format_long_date(day)}</b>")
        self.form.agendaEmpty.setText(self.tr("Nothing is scheduled on this day.") if not events else "")
        self.form.agendaEmpty.setVisible(not events)
