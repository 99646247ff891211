"""The Infusion calendar tab: who is due, who is overdue and which infusion needs what, every morning.

A month view with painted markers, the Today panel, the selected day's or week's visits, each subject's
timeline with its deviations, and the enrolled subjects awaiting dose 1. Booking, rescheduling, recording
outcomes and infusion records go through the schedule and infusion services; the dialogs only collect what
the user decided (the ``ask_*`` / ``confirm_*`` / ``choose_*`` / ``show_*`` methods are the seams tests replace).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QMenu,
    QMessageBox,
    QTableView,
    QToolButton,
    QWidget,
)

from coordinator_app.domain.access import Permission, SignatureMeaning
from coordinator_app.domain.errors import (
    ConcurrentChangeError,
    NotFoundError,
    PermissionDeniedError,
    ReasonRequiredError,
    ValidationError,
)
from coordinator_app.domain.protocol import Text
from coordinator_app.domain.schedule import ScheduledVisit, VisitStatus
from coordinator_app.domain.subjects import SubjectStatus
from coordinator_app.gui.access.roles import may
from coordinator_app.gui.access.signature_dialog import (
    SignatureDialog,
    SignatureInput,
    SignatureRequest,
    sign,
    signature_request,
)
from coordinator_app.gui.calendar.agenda_model import AgendaTableModel, TodayRow, TodaySection, TodayTableModel
from coordinator_app.gui.calendar.awaiting_model import AwaitingSubject, AwaitingTableModel
from coordinator_app.gui.calendar.dialogs import (
    Dose1Booking,
    Dose1Dialog,
    MovesDialog,
    OutcomeDialog,
    RescheduleDialog,
    RescheduleRequest,
    SafetyCheckDialog,
    VisitOutcome,
)
from coordinator_app.gui.calendar.infusion_dialog import InfusionRecordDialog
from coordinator_app.gui.calendar.markers import OUT_OF_WINDOW, flag_text, visit_title, window_text
from coordinator_app.gui.calendar.month_view import grid_range
from coordinator_app.gui.calendar.timeline import DeviationTableModel, TimelineSubject, TimelineTableModel
from coordinator_app.gui.conflicts import ask_reload
from coordinator_app.gui.documents.printing import DocumentPrinter
from coordinator_app.gui.formatting import format_date, format_long_date, from_qdate, rich, to_qdate
from coordinator_app.gui.forms.ui_calendar_tab import Ui_CalendarTab
from coordinator_app.gui.labels import label
from coordinator_app.gui.safety.panel import SafetyPanel
from coordinator_app.gui.table_model import SIZED_ROWS
from coordinator_app.services.infusions import InfusionDraft, InfusionResult, Readiness, SafetyAnswers
from coordinator_app.services.schedule import CalendarVisit, ReschedulePreview, SubjectSchedule
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workdays import day_flag
from coordinator_app.services.workspace import Workspace

# Long visit names must not push the other columns off screen; tooltips show them whole.
_COLUMN_CAP = 230


@dataclass(frozen=True)
class VisitRef:
    """The visit a command acts on: whose, which, and what the row showed about it."""

    subject_id: int
    subject_label: str
    code: str
    status: VisitStatus
    infusion: bool


def _ref(visit: CalendarVisit) -> VisitRef:
    return VisitRef(visit.subject_id, visit.subject_label, visit.code, visit.status, visit.infusion)


_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def cell_count(cells: Decimal) -> str:
    """1×10⁸, 1.02×10⁸: how a cell count is written on the certificate."""
    mantissa, exponent = f"{cells:.2E}".split("E")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}×10{str(int(exponent)).translate(_SUPERSCRIPTS)}"


class CalendarTab(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_CalendarTab()
        self.form.setupUi(self)
        self._workspace = workspace
        self._trial: TrialSummary | None = None
        self._subjects: list[TimelineSubject] = []
        self._timeline_schedule: SubjectSchedule | None = None
        self._unfitted: set[QTableView] = set()  # tables to fit to their text when next shown
        self._timeline_stale = False  # the timeline page shows an earlier read
        self._safety_stale = False  # the safety page shows an earlier subject or read
        # The subjects (the timeline's choice; those awaiting dose 1, with proposed days) are read when a page that
        # lists them is shown or a command needs them: thousands in a large trial, which the other pages do not show.
        self._subjects_stale = False
        self._awaiting_stale = False

        form = self.form
        self.today_model = TodayTableModel(self)
        self.day_model = AgendaTableModel(self)
        self.timeline_model = TimelineTableModel(self)
        self.deviation_model = DeviationTableModel(self)
        self.awaiting_model = AwaitingTableModel(self)
        for table, model in (
            (form.todayTable, self.today_model),
            (form.dayTable, self.day_model),
            (form.timelineTable, self.timeline_model),
            (form.deviationTable, self.deviation_model),
            (form.awaitingTable, self.awaiting_model),
        ):
            table.setModel(model)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            table.horizontalHeader().setStretchLastSection(True)
            table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
            table.verticalHeader().setResizeContentsPrecision(SIZED_ROWS)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.selectionModel().selectionChanged.connect(self._update_actions)
        form.splitter.setStretchFactor(0, 0)
        form.splitter.setStretchFactor(1, 1)
        form.splitter.setSizes([370, 790])
        form.timelineSplitter.setSizes([320, 120])
        form.dayMode.addItem(self.tr("Day"))
        form.dayMode.addItem(self.tr("Week"))

        self.safety_panel = SafetyPanel(workspace, self)
        form.pages.addTab(self.safety_panel, self.tr("Safety && labs"))

        self._build_export_menu()
        self._build_print_menu()
        form.calendar.currentPageChanged.connect(self._load_month)
        form.calendar.clicked.connect(self._day_clicked)
        form.calendar.selectionChanged.connect(self._show_day)
        form.todayButton.clicked.connect(self.go_to_today)
        form.dayMode.currentIndexChanged.connect(self._show_day)
        form.subjectCombo.currentIndexChanged.connect(self._subject_chosen)
        form.pages.currentChanged.connect(self._update_actions)
        form.pages.currentChanged.connect(self._fit_shown_tables)
        form.pages.currentChanged.connect(self._load_subjects_if_shown)
        form.pages.currentChanged.connect(self._show_timeline_if_shown)
        form.pages.currentChanged.connect(self._show_safety_if_shown)
        form.todayTable.doubleClicked.connect(self._open_row_timeline)
        form.dayTable.doubleClicked.connect(self._open_row_timeline)
        form.awaitingTable.doubleClicked.connect(self.book_dose1)
        form.bookButton.clicked.connect(self.book_dose1)
        form.rescheduleButton.clicked.connect(self.reschedule_visit)
        form.recordButton.clicked.connect(self.record_outcome)
        form.infusionButton.clicked.connect(self.record_infusion)
        form.timelineButton.clicked.connect(self.show_selected_timeline)
        tips = {
            form.rescheduleButton: self.tr(
                "Move the selected visit to another date; visits that count from it move too, shown before saving"
            ),
            form.recordButton: self.tr("Record the selected visit as done (with its date), missed or cancelled"),
            form.infusionButton: self.tr(
                "Open the infusion record of the selected dose: product, times, vital signs; saving marks it given"
            ),
            form.timelineButton: self.tr("Show every visit of the selected visit's subject"),
            form.bookButton: self.tr("Confirm dose 1 for the selected subject: the whole schedule follows from it"),
        }
        for button, tip in tips.items():
            button.setToolTip(tip)
        form.calendar.setSelectedDate(to_qdate(self.today()))
        form.bookButton.setEnabled(False)  # until a trial's subjects awaiting dose 1 are read
        self._update_actions()

    def _build_export_menu(self) -> None:
        menu = QMenu(self)
        self.export_trial_action = QAction(self.tr("Whole trial…"), self)
        self.export_subject_action = QAction(self.tr("Selected subject…"), self)
        self.export_month_action = QAction(self.tr("Shown month…"), self)
        self.export_trial_action.triggered.connect(lambda: self.export_ics("trial"))
        self.export_subject_action.triggered.connect(lambda: self.export_ics("subject"))
        self.export_month_action.triggered.connect(lambda: self.export_ics("month"))
        menu.addActions([self.export_trial_action, self.export_subject_action, self.export_month_action])
        self.form.exportButton.setMenu(menu)

    def _build_print_menu(self) -> None:
        """Visit packets and lists, previewed in the app before printing."""
        self.printer = DocumentPrinter(self._workspace, self)
        menu = QMenu(self)
        self.print_packet_action = QAction(self.tr("Visit packet for the selected visit…"), self)
        self.print_day_action = QAction(self.tr("All packets for the selected day…"), self)
        self.print_week_action = QAction(self.tr("Visit list for the selected week…"), self)
        self.print_month_action = QAction(self.tr("Visit list for the shown month…"), self)
        self.print_packet_action.triggered.connect(self.print_packet)
        self.print_day_action.triggered.connect(self.print_day_packets)
        self.print_week_action.triggered.connect(lambda: self.print_visit_list("week"))
        self.print_month_action.triggered.connect(lambda: self.print_visit_list("month"))
        menu.addActions(
            [self.print_packet_action, self.print_day_action, self.print_week_action, self.print_month_action]
        )
        self.print_button = QToolButton(self)
        self.print_button.setText(self.tr("&Print"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_button.setMenu(menu)
        self.form.toolbar.insertWidget(self.form.toolbar.indexOf(self.form.exportButton), self.print_button)

    def print_packet(self) -> None:
        ref = self.selected_visit()
        if ref is not None and self._trial is not None:
            self.printer.visit_packet(self._trial.id, ref.subject_label, ref.code)

    def print_day_packets(self) -> None:
        if self._trial is not None:
            self.printer.packets_for_day(self._trial.id, self.selected_day())

    def print_visit_list(self, period: str) -> None:
        if self._trial is None:
            return
        if period == "week":
            first = self.selected_day() - dt.timedelta(days=self.selected_day().weekday())
            last = first + dt.timedelta(days=6)
        else:
            calendar = self.form.calendar
            first = dt.date(calendar.yearShown(), calendar.monthShown(), 1)
            last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        self.printer.visit_list(self._trial.id, first, last)

    # -- the trial -----------------------------------------------------------------------------

    def show_trial(self, trial: TrialSummary) -> None:
        if self._workspace.trials.protocol(trial.id).visit_plan is None:
            self._show_no_plan(trial)
            return
        self._trial = trial
        self.reload()

    def _show_no_plan(self, trial: TrialSummary) -> None:
        """A trial whose protocol has no visit plan (e.g. imported from the registry) has nothing to schedule."""
        self._trial = None
        self._subjects = []
        self._subjects_stale = self._awaiting_stale = self._safety_stale = False
        self._timeline_schedule = None
        self.form.calendar.set_counts([])
        for model in (self.today_model, self.day_model, self.timeline_model, self.deviation_model, self.awaiting_model):
            model.set_records([])
        self.form.subjectCombo.clear()
        self.safety_panel.set_subject(None)
        self.form.bookButton.setEnabled(False)
        self.form.summaryLabel.setText(
            self.tr("{trial}: the protocol has no visit plan, so there is nothing to schedule.").format(
                trial=trial.nct_id
            )
        )
        self.form.todayHeading.setText(self.form.summaryLabel.text())
        self.form.dayEmpty.setText(self.form.summaryLabel.text())
        self.form.dayEmpty.setVisible(True)
        self._update_actions()

    def today(self) -> dt.date:
        return dt.date.today()

    def reload(self) -> None:
        """Re-read everything shown from the services, keeping the selected day and subject."""
        if self._trial is None:
            return
        calendar = self.form.calendar
        self._load_month(calendar.yearShown(), calendar.monthShown())
        self._load_today()
        self._subjects_stale = self._awaiting_stale = True
        self._load_subjects_if_shown()
        if self._awaiting_stale:  # their page is not shown: their count only
            self._show_awaiting_count(self._workspace.schedules.awaiting_dose1_count(self._trial.id))
        self._update_actions()

    def go_to_today(self) -> None:
        self.select_day(self.today())
        self.form.pages.setCurrentWidget(self.form.todayPage)

    def select_day(self, day: dt.date) -> None:
        self.form.calendar.setSelectedDate(to_qdate(day))
        self.form.calendar.showSelectedDate()

    def selected_day(self) -> dt.date:
        return from_qdate(self.form.calendar.selectedDate())

    # -- month view and day list ---------------------------------------------------------------

    def _load_month(self, year: int, month: int) -> None:
        if self._trial is None:
            return
        first, last = grid_range(year, month)
        self.form.calendar.set_counts(self._workspace.schedules.day_counts(self._trial.id, first, last, self.today()))
        self._show_day()

    def _day_clicked(self, _day: QDate) -> None:
        self.form.pages.setCurrentWidget(self.form.dayPage)

    def set_week_mode(self, week: bool) -> None:
        self.form.dayMode.setCurrentIndex(1 if week else 0)

    def _show_day(self) -> None:
        if self._trial is None:
            return
        day = self.selected_day()
        week = self.form.dayMode.currentIndex() == 1
        first = day - dt.timedelta(days=day.weekday()) if week else day
        last = first + dt.timedelta(days=6) if week else day
        visits = self._workspace.schedules.visits_between(self._trial.id, first, last)
        self.day_model.set_visits(visits, self.today())
        self._fit_columns(self.form.dayTable)
        if week:
            heading = self.tr("Week of {first} to {last}").format(first=format_date(first), last=format_date(last))
        else:
            heading = format_long_date(day)
        self.form.dayHeading.setText(f"<b>{heading}</b>")
        self.form.dayEmpty.setText(
            (self.tr("Nothing is scheduled this week.") if week else self.tr("Nothing is scheduled on this day."))
            if not visits
            else ""
        )
        self.form.dayEmpty.setVisible(not visits)
        flag = flag_text(day_flag(day))
        self.form.dayFlagLabel.setText(
            self.tr("{date}: {flag}").format(date=format_long_date(day), flag=flag) if flag else format_long_date(day)
        )
        self.form.dayFlagLabel.setStyleSheet(f"color: {OUT_OF_WINDOW.name()};" if flag else "")
        self._update_actions()

    # -- the Today panel -----------------------------------------------------------------------

    def _load_today(self) -> None:
        assert self._trial is not None
        today = self.today()
        panel = self._workspace.schedules.today(self._trial.id, today)
        rows: list[TodayRow] = []
        for visit in panel.overdue:
            days = (today - visit.window_end).days
            rows.append(
                TodayRow(TodaySection.OVERDUE, visit, self.tr("{days} day(s) past its window").format(days=days))
            )
        readiness = self._workspace.infusions.readiness(
            self._trial.id, [(v.subject_id, v.code) for v in panel.infusions_next_14_days]
        )
        for section, visits in (
            (TodaySection.TODAY, panel.due_today),
            (TodaySection.THIS_WEEK, panel.due_this_week),
            (TodaySection.INFUSION, panel.infusions_next_14_days),
        ):
            for visit in visits:
                if visit.infusion and section is not TodaySection.INFUSION:
                    continue  # listed once, with what it needs, among the infusions
                note = self.infusion_needs(readiness[visit.subject_id, visit.code]) if visit.infusion else ""
                rows.append(TodayRow(section, visit, note))
        self.today_model.set_records(rows)
        self._fit_columns(self.form.todayTable)
        counts = self.tr(
            "<b>{overdue}</b> overdue · <b>{today}</b> due today · <b>{week}</b> more this week · "
            "<b>{infusions}</b> infusion(s) in the next 14 days"
        ).format(
            overdue=len(panel.overdue),
            today=len(panel.due_today),
            week=len(panel.due_this_week),
            infusions=len(panel.infusions_next_14_days),
        )
        self.form.summaryLabel.setText(counts)
        if rows:
            heading = self.tr("<b>{date}</b> — double-click a row to open the subject's timeline.").format(
                date=format_long_date(today)
            )
        else:
            heading = self.tr("<b>{date}</b> — nothing is due or overdue, and no infusion in the next 14 days.").format(
                date=format_long_date(today)
            )
        self.form.todayHeading.setText(heading)
        self.form.pages.setTabText(
            self.form.pages.indexOf(self.form.todayPage),
            self.tr("Today ({count})").format(count=len(rows)) if rows else self.tr("Today"),
        )

    def infusion_needs(self, readiness: Readiness) -> str:
        """What an upcoming infusion still needs before it can be given."""
        if readiness.earlier_dose:
            return self.tr("{dose} not given yet").format(dose=readiness.earlier_dose)
        if readiness.safety_check_due:
            return self.tr("Safety check to answer; then cell product, release certificate, infusion record")
        return self.tr("Cell product and release certificate; infusion record on the day")

    # -- subjects: timelines and those awaiting dose 1 ----------------------------------------

    def _load_subjects_if_shown(self) -> None:
        page = self.form.pages.currentWidget()
        if page is self.form.awaitingPage:
            self._ensure_awaiting()
        elif page in (self.form.timelinePage, self.safety_panel):
            self._ensure_subjects()

    def _ensure_subjects(self) -> None:
        if self._subjects_stale:
            self._load_subjects()

    def _ensure_awaiting(self) -> None:
        if self._awaiting_stale:
            self._load_awaiting()

    def _load_subjects(self) -> None:
        """The subjects with a schedule, for the timeline's choice (kept where it was)."""
        assert self._trial is not None
        self._subjects_stale = False
        statuses = {status: label(status) for status in SubjectStatus}  # translated once, not per subject
        subjects = [
            TimelineSubject(s.subject_id, s.label, statuses[s.status])
            for s in self._workspace.schedules.scheduled_subjects(self._trial.id)
        ]
        subjects.sort(key=lambda s: s.label)
        current = self.timeline_subject_id()
        self._subjects = subjects
        combo = self.form.subjectCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([f"{subject.label} · {subject.status}" for subject in subjects])  # one call for thousands
        index = self._subject_index(current) if current is not None else -1
        combo.setCurrentIndex(index if index >= 0 else (0 if subjects else -1))
        combo.blockSignals(False)
        self._subject_chosen()

    def _load_awaiting(self) -> None:
        """The enrolled subjects without a dose 1 booked, each with the day proposed for it (kept selected)."""
        assert self._trial is not None
        self._awaiting_stale = False
        waiting = self._workspace.schedules.awaiting_dose1(self._trial.id)
        proposals = self._workspace.schedules.propose_dose1_each([e.subject_id for e in waiting])
        awaiting = [
            AwaitingSubject(
                e.subject_id, e.label, e.screening_number, e.initials, e.enrolled_on, proposals[e.subject_id]
            )
            for e in waiting
        ]
        awaiting.sort(key=lambda s: s.label)
        keep = self.awaiting_selected()
        self.awaiting_model.set_records(awaiting)
        self._fit_columns(self.form.awaitingTable)
        if keep is not None:
            self._select_row(self.form.awaitingTable, self.awaiting_model.row_of(keep.subject_id))
        elif awaiting:
            self._select_row(self.form.awaitingTable, 0)
        self._show_awaiting_count(len(awaiting))

    def _show_awaiting_count(self, count: int) -> None:
        pages = self.form.pages
        pages.setTabText(
            pages.indexOf(self.form.awaitingPage),
            self.tr("Awaiting dose 1 ({count})").format(count=count) if count else self.tr("Awaiting dose 1"),
        )
        self.form.bookButton.setEnabled(bool(count) and may(self._workspace, Permission.SCHEDULE))

    def _subject_chosen(self) -> None:
        """The chosen subject's timeline and safety and labs are read when their page is on screen (each reload of
        a large trial would otherwise read a subject's whole record for a page nobody looks at)."""
        self._timeline_stale = self._safety_stale = True
        self._show_timeline_if_shown()
        self._show_safety_if_shown()

    def _show_timeline_if_shown(self) -> None:
        if self._timeline_stale and self.form.pages.currentWidget() is self.form.timelinePage:
            self._show_timeline()

    def _show_safety_if_shown(self) -> None:
        """The chosen subject's safety and labs are read when their page is on screen."""
        if self._safety_stale and self.form.pages.currentWidget() is self.safety_panel:
            self._safety_stale = False
            self.safety_panel.set_subject(self.timeline_subject_id())

    def timeline_subject_id(self) -> int | None:
        self._ensure_subjects()
        index = self.form.subjectCombo.currentIndex()
        return self._subjects[index].subject_id if 0 <= index < len(self._subjects) else None

    def _subject_index(self, subject_id: int) -> int:
        """The subject's place in the timeline's subject list, -1 when it has no timeline."""
        self._ensure_subjects()
        return next((i for i, s in enumerate(self._subjects) if s.subject_id == subject_id), -1)

    def timeline_schedule(self) -> SubjectSchedule | None:
        return self._timeline_schedule

    def _show_timeline(self) -> None:
        self._timeline_stale = False
        subject_id = self.timeline_subject_id()
        keep = self._selected_timeline_code()
        schedule = self._workspace.schedules.schedule(subject_id) if subject_id is not None else None
        self._timeline_schedule = schedule
        self.timeline_model.set_visits(schedule.visits if schedule else (), self.today())
        self.deviation_model.set_records(schedule.deviations if schedule else ())
        self._fit_columns(self.form.timelineTable)
        self._fit_columns(self.form.deviationTable)
        self.form.deviationsGroup.setTitle(
            self.tr("Deviations ({count})").format(count=len(schedule.deviations))
            if schedule and schedule.deviations
            else self.tr("Deviations: none recorded")
        )
        if schedule is None:
            self.form.timelineSummary.setText(
                self.tr("No subject has a schedule yet: book dose 1 on the “Awaiting dose 1” page.")
            )
        else:
            done = sum(1 for v in schedule.visits if v.status is VisitStatus.DONE)
            upcoming = [v for v in schedule.visits if v.status is VisitStatus.SCHEDULED]
            following = min(upcoming, key=lambda v: v.date) if upcoming else None
            text = self.tr("{done} of {total} visits done").format(done=done, total=len(schedule.visits))
            if following is not None:
                text += self.tr(" · next: {visit} on {date}").format(
                    visit=following.code, date=format_date(following.date)
                )
            self.form.timelineSummary.setText(text)
        if keep is not None:
            self._select_row(self.form.timelineTable, self.timeline_model.row_of(keep))
        self._update_actions()

    def show_timeline(self, subject_id: int, code: str | None = None) -> None:
        """Show the subject's timeline page, with the visit ``code`` selected."""
        index = self._subject_index(subject_id)
        if index < 0:
            return
        self.form.subjectCombo.setCurrentIndex(index)
        self._timeline_stale = True  # read again, even if it is the subject shown
        self.form.pages.setCurrentWidget(self.form.timelinePage)
        self._show_timeline_if_shown()  # the page was on screen already
        if code is not None:
            self._select_row(self.form.timelineTable, self.timeline_model.row_of(code))

    def show_safety(self, subject_id: int) -> None:
        """Show the subject's Safety & labs page (the subject chosen as on the timeline page)."""
        index = self._subject_index(subject_id)
        if index < 0:
            return
        self.form.subjectCombo.setCurrentIndex(index)
        self._safety_stale = True
        self.form.pages.setCurrentWidget(self.safety_panel)
        self._show_safety_if_shown()

    def show_selected_timeline(self) -> None:
        ref = self.selected_visit()
        if ref is not None:
            self.show_timeline(ref.subject_id, ref.code)

    def _open_row_timeline(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.show_selected_timeline()

    # -- selection -----------------------------------------------------------------------------

    @staticmethod
    def _selected_row(table: QTableView) -> int | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    @staticmethod
    def _select_row(table: QTableView, row: int | None) -> None:
        if row is not None and 0 <= row < table.model().rowCount():
            table.selectRow(row)
            table.scrollTo(table.model().index(row, 0))

    def _selected_timeline_code(self) -> str | None:
        row = self._selected_row(self.form.timelineTable)
        return self.timeline_model.record(row).code if row is not None else None

    def awaiting_selected(self) -> AwaitingSubject | None:
        self._ensure_awaiting()
        row = self._selected_row(self.form.awaitingTable)
        return self.awaiting_model.record(row) if row is not None else None

    def selected_visit(self) -> VisitRef | None:
        """The visit selected on the page shown (Today, Day / week or the timeline)."""
        form = self.form
        page = form.pages.currentWidget()
        if page is form.todayPage:
            row = self._selected_row(form.todayTable)
            return _ref(self.today_model.record(row).visit) if row is not None else None
        if page is form.dayPage:
            row = self._selected_row(form.dayTable)
            return _ref(self.day_model.record(row)) if row is not None else None
        if page is form.timelinePage:
            row = self._selected_row(form.timelineTable)
            subject_id = self.timeline_subject_id()
            if row is None or subject_id is None:
                return None
            visit = self.timeline_model.record(row)
            subject = next(s for s in self._subjects if s.subject_id == subject_id)
            return VisitRef(subject_id, subject.label, visit.code, visit.status, visit.definition.infusion)
        return None

    def _update_actions(self) -> None:
        form = self.form
        ref = self.selected_visit()
        on_visits = form.pages.currentWidget() not in (form.awaitingPage, self.safety_panel)
        for button in (form.rescheduleButton, form.recordButton, form.infusionButton, form.timelineButton):
            button.setVisible(on_visits)
        open_visit = ref is not None and ref.status in (VisitStatus.SCHEDULED, VisitStatus.MISSED)
        schedules = may(self._workspace, Permission.SCHEDULE)
        form.rescheduleButton.setEnabled(schedules and open_visit)
        form.recordButton.setEnabled(schedules and open_visit)
        form.infusionButton.setEnabled(
            may(self._workspace, Permission.ADMINISTER)
            and ref is not None
            and ref.infusion
            and ref.status is VisitStatus.SCHEDULED
        )
        form.timelineButton.setEnabled(ref is not None and form.pages.currentWidget() is not form.timelinePage)
        has_trial = self._trial is not None
        subject = self._export_subject()
        self.print_packet_action.setEnabled(has_trial and ref is not None)
        for action in (self.print_day_action, self.print_week_action, self.print_month_action):
            action.setEnabled(has_trial)
        self.export_trial_action.setEnabled(has_trial)
        self.export_month_action.setEnabled(has_trial)
        self.export_subject_action.setEnabled(has_trial and subject is not None)
        self.export_subject_action.setText(
            self.tr("Subject {subject}…").format(subject=subject[1]) if subject else self.tr("Selected subject…")
        )
        form.exportButton.setEnabled(has_trial)

    def _fit_columns(self, table: QTableView) -> None:
        """Fit each column to its text, within a cap; the last column takes the remaining width. A table on a
        page not shown now is fitted when its page is shown (measuring text is most of a reload's work)."""
        if not table.isVisible():
            self._unfitted.add(table)
            return
        self._unfitted.discard(table)
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        last = header.count() - 1
        for column in range(last):
            if header.sectionSize(column) > _COLUMN_CAP:
                header.resizeSection(column, _COLUMN_CAP)
        # The last column ends at the view's edge (its text elided, whole in its tooltip): fitted to a long text
        # it would put the table behind a horizontal scroll bar.
        room = table.viewport().width() - header.sectionPosition(last)
        if header.sectionSize(last) > room >= header.minimumSectionSize():
            header.resizeSection(last, room)

    def _fit_shown_tables(self) -> None:
        for table in [t for t in self._unfitted if t.isVisible()]:
            self._fit_columns(table)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_shown_tables()

    # -- seams: dialogs and message boxes (tests replace these) --------------------------------

    def ask_dose1(self, subject: AwaitingSubject) -> Dose1Booking | None:
        return Dose1Dialog.ask(self, subject.label, subject.proposed)

    def ask_reschedule(
        self, ref: VisitRef, visit: ScheduledVisit, preview: Callable[[dt.date], ReschedulePreview | str]
    ) -> RescheduleRequest | None:
        return RescheduleDialog.ask(self, ref.subject_label, visit, preview)

    def confirm_moves(
        self, ref: VisitRef, request: RescheduleRequest, preview: ReschedulePreview, names: Mapping[str, Text]
    ) -> bool:
        return MovesDialog.confirm(self, ref.subject_label, request, preview, names)

    def ask_outcome(self, ref: VisitRef, visit: ScheduledVisit) -> VisitOutcome | None:
        return OutcomeDialog.ask(self, ref.subject_label, visit, self.today())

    def ask_safety_check(self, ref: VisitRef, visit: ScheduledVisit) -> SafetyAnswers | None:
        return SafetyCheckDialog.ask(self, ref.subject_label, visit)

    def open_infusion_record(
        self, ref: VisitRef, visit: ScheduledVisit, previous: InfusionDraft | None
    ) -> InfusionDraft | None:
        limit = self._workspace.site_settings.rules().preparation_limit_minutes
        user = self._workspace.user
        return InfusionRecordDialog.ask(
            self,
            ref.subject_label,
            visit,
            self.today(),
            limit,
            self._dose_target(),
            previous,
            administered_by=user.full_name if user and user.may(Permission.ADMINISTER) else "",
        )

    def ask_signature(self, request: SignatureRequest) -> SignatureInput | None:
        return SignatureDialog.ask(self, request)

    def ask_deviation_reason(self, title: str, text: str) -> str | None:
        reason, ok = QInputDialog.getText(self, title, text)
        return reason.strip() if ok and reason.strip() else None

    def choose_save_path(self, title: str, suggested: str) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(self, title, suggested, self.tr("iCalendar files (*.ics)"))
        return Path(path) if path else None

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def ask_reload(self, title: str, error: ConcurrentChangeError) -> bool:
        return ask_reload(self, title, error)

    def show_warning(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def show_status(self, text: str) -> None:
        self.form.statusLabel.setText(text)
        self.form.statusLabel.setToolTip(text)

    # -- commands ------------------------------------------------------------------------------

    def book_dose1(self) -> None:
        subject = self.awaiting_selected()
        if subject is None:
            return
        booking = self.ask_dose1(subject)
        if booking is None:
            return
        deviation = booking.deviation_reason
        while True:
            try:
                schedule = self._workspace.schedules.book_dose1(
                    subject.subject_id, booking.day, self._workspace.actor, deviation
                )
                break
            except ValidationError as error:
                if isinstance(error, ReasonRequiredError) and not deviation:
                    reason = self.ask_deviation_reason(
                        self.tr("Dose 1 needs a deviation reason"),
                        self.tr("{problem}\n\nReason:").format(problem=str(error)),
                    )
                    if reason:
                        deviation = reason
                        continue
                    return
                self.show_error(self.tr("Dose 1 not booked"), str(error))
                return
            except (NotFoundError, PermissionDeniedError) as error:
                self.show_error(self.tr("Dose 1 not booked"), str(error))
                return
        self.reload()
        self.show_timeline(subject.subject_id, schedule.visits[0].code)
        message = self.tr("Booked dose 1 for {subject} on {date}: {count} visits are on the calendar.").format(
            subject=subject.label, date=format_date(booking.day), count=len(schedule.visits)
        )
        flag = flag_text(day_flag(booking.day))
        if flag:
            message += " " + self.tr("Note: that day is not a working day ({flag}).").format(flag=flag)
        self.show_status(message)

    def _preview(self, subject_id: int, code: str) -> Callable[[dt.date], ReschedulePreview | str]:
        def preview(day: dt.date) -> ReschedulePreview | str:
            try:
                return self._workspace.schedules.preview(subject_id, code, day)
            except ValidationError as error:
                return str(error)

        return preview

    def _schedule_shown(self, ref: VisitRef, title: str) -> SubjectSchedule | None:
        """The subject's schedule as the user acts on it (its visit versions go back with the save); None, with
        the problem shown, when it cannot be read."""
        try:
            return self._workspace.schedules.require_schedule(ref.subject_id)
        except (ValidationError, NotFoundError) as error:
            self.show_error(title, str(error))
            return None

    def reschedule_visit(self) -> None:
        ref = self.selected_visit()
        if ref is None:
            return
        schedules = self._workspace.schedules
        title = self.tr("Visit not rescheduled")
        seen = self._schedule_shown(ref, title)
        if seen is None:
            return
        visit = seen.visit(ref.code)
        request = self.ask_reschedule(ref, visit, self._preview(ref.subject_id, ref.code))
        if request is None:
            return
        try:
            preview = schedules.preview(ref.subject_id, ref.code, request.new_date)
        except ValidationError as error:
            self.show_error(title, str(error))
            return
        if preview.capacity_problem:
            self.show_error(
                title,
                self.tr("{date}: {problem}").format(
                    date=format_date(request.new_date), problem=preview.capacity_problem
                ),
            )
            return
        if preview.out_of_window and not request.deviation_reason.strip():
            self.show_error(
                title,
                self.tr(
                    "{date} is outside the window of {visit} ({window}). Booking it there is a protocol deviation: "
                    "give a deviation reason."
                ).format(
                    date=format_date(request.new_date),
                    visit=ref.code,
                    window=window_text(visit.window_start, visit.window_end),
                ),
            )
            return
        schedule = schedules.require_schedule(ref.subject_id)
        names = {v.code: v.definition.name for v in schedule.visits}
        if not self.confirm_moves(ref, request, preview, names):
            self.show_status(self.tr("Nothing was moved."))
            return
        try:
            schedules.reschedule(
                ref.subject_id,
                ref.code,
                request.new_date,
                request.reason,
                self._workspace.actor,
                request.deviation_reason,
                expected_version=seen.visit_versions.get(ref.code),
            )
        except ConcurrentChangeError as error:
            if self.ask_reload(title, error):
                self.reload()
            return
        except (ValidationError, NotFoundError, PermissionDeniedError) as error:
            self.show_error(title, str(error))
            return
        self.reload()
        others = len([m for m in preview.moves if m.code != ref.code])
        self.show_status(
            self.tr("Moved {visit} of {subject} to {date}; {count} other visit(s) moved with it.").format(
                visit=ref.code, subject=ref.subject_label, date=format_date(request.new_date), count=others
            )
        )

    def record_outcome(self) -> None:
        ref = self.selected_visit()
        if ref is None:
            return
        schedules = self._workspace.schedules
        title = self.tr("Visit not recorded")
        seen = self._schedule_shown(ref, title)
        if seen is None:
            return
        visit = seen.visit(ref.code)
        expected = seen.visit_versions.get(ref.code)
        outcome = self.ask_outcome(ref, visit)
        if outcome is None:
            return
        try:
            if outcome.status is VisitStatus.DONE:
                assert outcome.actual is not None, "a visit is done on a date"
                if self._complete(ref, visit, outcome.actual, expected) is None:
                    return
            else:
                schedules.record(
                    ref.subject_id,
                    ref.code,
                    outcome.status,
                    outcome.actual,
                    self._workspace.actor,
                    expected_version=expected,
                )
        except ConcurrentChangeError as error:
            if self.ask_reload(title, error):
                self.reload()
            return
        except (ValidationError, NotFoundError, PermissionDeniedError) as error:
            self.show_error(title, str(error))
            return
        self.reload()
        if outcome.status is VisitStatus.DONE:
            text = self.tr("{visit} of {subject} recorded done on {date}.").format(
                visit=ref.code, subject=ref.subject_label, date=format_date(outcome.actual)
            )
        else:
            text = self.tr("{visit} of {subject} recorded as {status}.").format(
                visit=ref.code, subject=ref.subject_label, status=label(outcome.status).lower()
            )
        self.show_status(text)

    def _complete(
        self, ref: VisitRef, visit: ScheduledVisit, actual: dt.date, expected_version: int | None
    ) -> SubjectSchedule | None:
        """A visit done is signed "completed visit"; None when the signer cancels."""
        request = signature_request(
            self._workspace,
            SignatureMeaning.COMPLETED_VISIT,
            self.tr("Sign the completed visit {visit} — {subject}").format(visit=ref.code, subject=ref.subject_label),
            self.tr("<b>{subject}</b> · {visit}: done on {date}.").format(
                subject=rich(ref.subject_label),
                visit=rich(visit_title(visit.code, visit.definition.name)),
                date=format_long_date(actual),
            ),
        )
        schedules = self._workspace.schedules
        return sign(
            request,
            self.ask_signature,
            lambda signature: schedules.complete(
                ref.subject_id, ref.code, actual, signature.credentials, expected_version=expected_version
            ),
        )

    def record_infusion(self) -> None:
        ref = self.selected_visit()
        if ref is None:
            return
        schedules, infusions = self._workspace.schedules, self._workspace.infusions
        title = self.tr("Infusion record not opened")
        try:
            schedule = schedules.require_schedule(ref.subject_id)
        except (ValidationError, NotFoundError) as error:
            self.show_error(title, str(error))
            return
        visit = schedule.visit(ref.code)
        dose = (ref.subject_id, ref.code)
        readiness = infusions.readiness(schedules.trial_of(ref.subject_id), [dose])[dose]
        if readiness.earlier_dose:
            self.show_error(
                title,
                self.tr("{dose} cannot be marked given: {earlier} has not been given yet.").format(
                    dose=ref.code, earlier=readiness.earlier_dose
                ),
            )
            return
        if readiness.safety_check_due:
            answers = self.ask_safety_check(ref, visit)
            if answers is None:
                return
            try:
                passed = infusions.record_safety_check(ref.subject_id, ref.code, answers, self._workspace.actor)
            except (ValidationError, NotFoundError, PermissionDeniedError) as error:
                self.show_error(self.tr("Safety check not recorded"), str(error))
                return
            self.reload()
            if not passed:
                self.show_error(
                    self.tr("Infusion not allowed"),
                    self.tr(
                        "The safety check did not clear {subject} for {dose}: the infusion record stays closed. "
                        "The answers are recorded; answer the check again when the investigator clears the subject."
                    ).format(subject=ref.subject_label, dose=ref.code),
                )
                return
        allowed, why = infusions.can_open_record(ref.subject_id, ref.code)
        if not allowed:
            self.show_error(title, why)
            return
        result = self._save_infusion(ref, visit)
        if result is None:
            return
        self.reload()
        given = result.schedule.visit(ref.code)
        self.show_status(
            self.tr(
                "{dose} given to {subject} on {date}; {minutes} min from preparation to the end of the infusion."
            ).format(
                dose=ref.code,
                subject=ref.subject_label,
                date=format_date(given.actual),
                minutes=result.preparation_minutes,
            )
        )
        if result.warnings:
            self.show_warning(self.tr("Infusion saved with a warning"), "\n".join(result.warnings))

    def _save_infusion(self, ref: VisitRef, visit: ScheduledVisit) -> InfusionResult | None:
        """Open the record until it is saved and signed or the user cancels; a dose outside the tolerance asks for
        a reason. A refusal, or a cancelled signature, reopens the record as it was typed."""
        deviation = ""
        draft = self.open_infusion_record(ref, visit, None)
        while draft is not None:
            try:
                problem = self._workspace.infusions.cell_dose_deviation(ref.subject_id, ref.code, draft)
                if problem and not deviation:  # the reason first, so that the nurse signs once
                    raise ReasonRequiredError("cells per dose", draft.cells_per_dose, problem)
                result = self._sign_infusion(ref, visit, draft, deviation)
                if result is not None:
                    return result
            except ValidationError as error:
                if isinstance(error, ReasonRequiredError) and not deviation:
                    reason = self.ask_deviation_reason(
                        self.tr("Cell dose outside the tolerance"),
                        self.tr("{problem}\n\nSave it as a protocol deviation? Reason:").format(problem=str(error)),
                    )
                    if reason:
                        deviation = reason
                        continue
                else:
                    self.show_error(self.tr("Infusion record not saved"), str(error))
            draft = self.open_infusion_record(ref, visit, draft)
        return None

    def _sign_infusion(
        self, ref: VisitRef, visit: ScheduledVisit, draft: InfusionDraft, deviation: str
    ) -> InfusionResult | None:
        """Save the record signed "administered"; None when the signer cancels."""
        summary = self.tr(
            "<b>{subject}</b> · {visit}: lot {lot}, release certificate {certificate}, {cells} cells, infused "
            "{start}–{end} on {date}; administered by {given_by}, checked by {checked_by}."
        ).format(
            subject=rich(ref.subject_label),
            visit=rich(visit_title(visit.code, visit.definition.name)),
            lot=rich(draft.product_lot),
            certificate=rich(draft.release_certificate),
            cells=rich(draft.cells_per_dose),
            start=draft.infusion_start.astimezone().strftime("%H:%M"),
            end=draft.infusion_end.astimezone().strftime("%H:%M"),
            date=format_date(draft.infusion_start.astimezone().date()),
            given_by=rich(draft.administered_by),
            checked_by=rich(draft.checked_by),
        )
        if deviation:
            summary += "<br>" + self.tr("Protocol deviation: {reason}").format(reason=rich(deviation))
        request = signature_request(
            self._workspace,
            SignatureMeaning.ADMINISTERED,
            self.tr("Sign the infusion record {visit} — {subject}").format(visit=ref.code, subject=ref.subject_label),
            summary,
        )
        infusions = self._workspace.infusions
        return sign(
            request,
            self.ask_signature,
            lambda signed: infusions.record_infusion(ref.subject_id, ref.code, draft, signed.credentials, deviation),
        )

    def _dose_target(self) -> str:
        if self._trial is None:
            return ""
        protocol = self._workspace.trials.protocol(self._trial.id)
        if not protocol.interventions:
            return ""
        intervention = protocol.interventions[0]
        if intervention.dose_cells is None:
            return intervention.dose
        tolerance = intervention.dose_tolerance_percent
        target = cell_count(intervention.dose_cells)
        return f"{target} ± {tolerance}%" if tolerance is not None else target

    # -- export --------------------------------------------------------------------------------

    def _export_subject(self) -> tuple[int, str] | None:
        ref = self.selected_visit()
        if ref is not None:
            return ref.subject_id, ref.subject_label
        if self._subjects_stale:
            return None  # no subject chosen on the timeline since the last reload
        subject_id = self.timeline_subject_id()
        subject = next((s for s in self._subjects if s.subject_id == subject_id), None)
        return (subject.subject_id, subject.label) if subject else None

    def export_ics(self, scope: str) -> None:
        """Write the trial's, the selected subject's or the shown month's visits as an .ics file."""
        if self._trial is None:
            return
        nct = self._trial.nct_id
        subject_id: int | None = None
        month: tuple[int, int] | None = None
        if scope == "subject":
            subject = self._export_subject()
            if subject is None:
                self.show_error(self.tr("Nothing exported"), self.tr("Select a visit or a subject first."))
                return
            subject_id = subject[0]
            suggested = f"{nct}-{subject[1]}.ics"
        elif scope == "month":
            month = (self.form.calendar.yearShown(), self.form.calendar.monthShown())
            suggested = f"{nct}-{month[0]:04d}-{month[1]:02d}.ics"
        else:
            suggested = f"{nct}-visits.ics"
        path = self.choose_save_path(self.tr("Export visits as iCalendar"), suggested)
        if path is None:
            return
        try:
            count = self._workspace.calendar_export.write(self._trial.id, path, subject_id=subject_id, month=month)
        except OSError as error:
            self.show_error(self.tr("Nothing exported"), str(error))
            return
        self.show_status(self.tr("Exported {count} visit(s) to {path}.").format(count=count, path=path))
