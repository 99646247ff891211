"""The calendar's small dialogs: booking dose 1, rescheduling, what a reschedule moves, a visit's outcome,
and the pre-infusion safety check. Each returns what the user decided, or None when cancelled; saving is
the tab's job, so nothing here writes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.protocol import Text
from coordinator_app.domain.schedule import Move, ScheduledVisit, VisitStatus
from coordinator_app.gui.calendar.markers import (
    MARKER_COLOURS,
    OUT_OF_WINDOW,
    Marker,
    flag_text,
    visit_title,
    window_text,
)
from coordinator_app.gui.formatting import format_date, format_long_date, from_qdate, rich, to_qdate
from coordinator_app.gui.labels import label
from coordinator_app.gui.table_model import Index, RecordTableModel
from coordinator_app.services.infusions import SafetyAnswers
from coordinator_app.services.schedule import ReschedulePreview
from coordinator_app.services.workdays import day_flag

_WARNING = f"color: {OUT_OF_WINDOW.name()};"
_PROBLEM = f"color: {MARKER_COLOURS[Marker.OVERDUE].name()};"


def _date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    edit = QDateEdit(to_qdate(day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _warning_label(parent: QWidget) -> QLabel:
    warning = QLabel(parent)
    warning.setWordWrap(True)
    warning.setStyleSheet(_WARNING)
    return warning


# -- booking dose 1 ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Dose1Booking:
    day: dt.date
    deviation_reason: str = ""


class Dose1Dialog(QDialog):
    """The proposed day for dose 1, which the coordinator confirms or changes; the whole schedule follows."""

    def __init__(self, subject_label: str, proposed: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Book dose 1 — {subject}").format(subject=subject_label))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Confirming dose 1 for {subject} puts every visit of the protocol on the calendar with its target "
                "date and window. The proposed day is the first working day with room for another infusion."
            ).format(subject=subject_label),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.date_edit = _date_edit(self, proposed)
        form.addRow(self.tr("Dose 1 on:"), self.date_edit)
        self.flag_label = _warning_label(self)
        form.addRow("", self.flag_label)
        self.deviation_edit = QLineEdit(self)
        self.deviation_edit.setPlaceholderText(self.tr("Only when screening would fall outside its window"))
        form.addRow(self.tr("Deviation reason:"), self.deviation_edit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Book dose 1"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.date_edit.dateChanged.connect(self._update)
        self._update()
        self.resize(480, self.sizeHint().height())

    def _update(self) -> None:
        day = from_qdate(self.date_edit.date())
        flag = flag_text(day_flag(day))
        text = self.tr("{date} — {flag}: is the ward open for an infusion?").format(
            date=format_long_date(day), flag=flag
        )
        self.flag_label.setText(text if flag else format_long_date(day))
        self.flag_label.setStyleSheet(_WARNING if flag else "")

    def booking(self) -> Dose1Booking:
        return Dose1Booking(from_qdate(self.date_edit.date()), self.deviation_edit.text().strip())

    @classmethod
    def ask(cls, parent: QWidget, subject_label: str, proposed: dt.date) -> Dose1Booking | None:
        dialog = cls(subject_label, proposed, parent)
        return dialog.booking() if dialog.exec() == QDialog.DialogCode.Accepted else None


# -- rescheduling ------------------------------------------------------------------------------


@dataclass(frozen=True)
class RescheduleRequest:
    new_date: dt.date
    reason: str
    deviation_reason: str = ""


class RescheduleDialog(QDialog):
    """A new date and the reason for it; outside the window also a deviation reason. Warnings are live."""

    def __init__(
        self,
        subject_label: str,
        visit: ScheduledVisit,
        preview: Callable[[dt.date], ReschedulePreview | str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._visit = visit
        self._preview = preview
        self.setWindowTitle(self.tr("Reschedule {visit} — {subject}").format(visit=visit.code, subject=subject_label))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Visit:"), QLabel(rich(visit_title(visit.code, visit.definition.name)), self))
        form.addRow(self.tr("Now on:"), QLabel(format_long_date(visit.date), self))
        form.addRow(self.tr("Window:"), QLabel(window_text(visit.window_start, visit.window_end), self))
        self.date_edit = _date_edit(self, visit.date)
        form.addRow(self.tr("New date:"), self.date_edit)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("Why the visit moves, e.g. the subject asked for another day"))
        form.addRow(self.tr("Reason:"), self.reason_edit)
        self.deviation_edit = QLineEdit(self)
        self.deviation_edit.setPlaceholderText(self.tr("Required outside the window; kept in the deviation list"))
        form.addRow(self.tr("Deviation reason:"), self.deviation_edit)
        layout.addLayout(form)
        self.warning_label = _warning_label(self)
        layout.addWidget(self.warning_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Continue…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.date_edit.dateChanged.connect(self._update)
        self.reason_edit.textChanged.connect(self._update)
        self.deviation_edit.textChanged.connect(self._update)
        self._out_of_window = False
        self._update()
        self.resize(520, self.sizeHint().height())

    def _update(self) -> None:
        day = from_qdate(self.date_edit.date())
        found = self._preview(day)
        lines: list[str] = []
        blocked = False
        self._out_of_window = False
        if isinstance(found, str):
            lines.append(found)
            blocked = True
        else:
            self._out_of_window = found.out_of_window
            if found.out_of_window:
                lines.append(self.tr("Outside the window: booking it is a protocol deviation and needs a reason."))
            if found.flag is not None:
                lines.append(
                    self.tr("{date} is not a working day: {flag}.").format(
                        date=format_date(day), flag=flag_text(found.flag)
                    )
                )
            if found.capacity_problem:
                lines.append(found.capacity_problem)
                blocked = True
            others = len([m for m in found.moves if m.code != self._visit.code])
            if others:
                lines.append(
                    self.tr("{count} other visit(s) move with it; you will see them before saving.").format(
                        count=others
                    )
                )
        self.deviation_edit.setEnabled(self._out_of_window)
        self.warning_label.setText("\n".join(lines))
        self.warning_label.setVisible(bool(lines))
        ok = bool(self.reason_edit.text().strip()) and not blocked
        if self._out_of_window and not self.deviation_edit.text().strip():
            ok = False
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def request(self) -> RescheduleRequest:
        deviation = self.deviation_edit.text().strip() if self._out_of_window else ""
        return RescheduleRequest(from_qdate(self.date_edit.date()), self.reason_edit.text().strip(), deviation)

    @classmethod
    def ask(
        cls,
        parent: QWidget,
        subject_label: str,
        visit: ScheduledVisit,
        preview: Callable[[dt.date], ReschedulePreview | str],
    ) -> RescheduleRequest | None:
        dialog = cls(subject_label, visit, preview, parent)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None


class MoveColumn(IntEnum):
    VISIT = 0
    OLD_DATE = 1
    NEW_DATE = 2
    NOTE = 3
    OLD_WINDOW = 4
    NEW_WINDOW = 5


class MovesTableModel(RecordTableModel[Move]):
    """What a reschedule changes: each visit's date and window, before and after."""

    def __init__(self, names: Mapping[str, Text], parent: QObject | None = None) -> None:
        super().__init__(
            (
                self.tr("Visit"),
                self.tr("From"),
                self.tr("To"),
                self.tr("New date is"),
                self.tr("Window before"),
                self.tr("Window after"),
            ),
            parent,
        )
        self._names = dict(names)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        move = self.record(index.row())
        column = MoveColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            match column:
                case MoveColumn.VISIT:
                    name = self._names.get(move.code)
                    return visit_title(move.code, name) if name else move.code
                case MoveColumn.OLD_DATE:
                    return format_date(move.old_date)
                case MoveColumn.NEW_DATE:
                    return format_date(move.new_date)
                case MoveColumn.OLD_WINDOW:
                    return window_text(*move.old_window)
                case MoveColumn.NEW_WINDOW:
                    return window_text(*move.new_window)
                case MoveColumn.NOTE:
                    return flag_text(day_flag(move.new_date))
        if role == Qt.ItemDataRole.ForegroundRole and column == MoveColumn.NOTE:
            return OUT_OF_WINDOW
        return None


class MovesDialog(QDialog):
    """Shown before a reschedule is saved: every visit whose date or window changes."""

    def __init__(
        self,
        subject_label: str,
        request: RescheduleRequest,
        preview: ReschedulePreview,
        names: Mapping[str, Text],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check what moves — {subject}").format(subject=subject_label))
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("Saving moves {count} visit(s) of {subject}. Reason: {reason}").format(
                count=len(preview.moves), subject=subject_label, reason=request.reason
            ),
            self,
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        notes: list[str] = []
        if preview.out_of_window:
            notes.append(
                self.tr("Outside the window — deviation reason: {reason}").format(reason=request.deviation_reason)
            )
        if preview.flag is not None:
            notes.append(
                self.tr("{date} is not a working day ({flag}).").format(
                    date=format_date(request.new_date), flag=flag_text(preview.flag)
                )
            )
        if notes:
            warning = _warning_label(self)
            warning.setText("\n".join(notes))
            layout.addWidget(warning)
        self.model = MovesTableModel(names, self)
        self.model.set_records(preview.moves)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.resizeColumnsToContents()
        self.resize(min(1000, self.table.horizontalHeader().length() + 40), 420)

    @classmethod
    def confirm(
        cls,
        parent: QWidget,
        subject_label: str,
        request: RescheduleRequest,
        preview: ReschedulePreview,
        names: Mapping[str, Text],
    ) -> bool:
        return cls(subject_label, request, preview, names, parent).exec() == QDialog.DialogCode.Accepted


# -- a visit's outcome -------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitOutcome:
    status: VisitStatus
    actual: dt.date | None = None


class OutcomeDialog(QDialog):
    """Done (on its actual date), missed or cancelled. An infusion is done through its infusion record."""

    def __init__(
        self, subject_label: str, visit: ScheduledVisit, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record {visit} — {subject}").format(visit=visit.code, subject=subject_label))
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("{visit}, window {window}").format(
                visit=rich(visit_title(visit.code, visit.definition.name)),
                window=window_text(visit.window_start, visit.window_end),
            ),
            self,
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        grid = QGridLayout()
        self.group = QButtonGroup(self)
        self.done_button = QRadioButton(label(VisitStatus.DONE), self)
        self.missed_button = QRadioButton(label(VisitStatus.MISSED), self)
        self.cancelled_button = QRadioButton(label(VisitStatus.CANCELLED), self)
        self.date_edit = _date_edit(self, min(visit.date, today))
        self.date_edit.setMaximumDate(to_qdate(today))
        grid.addWidget(self.done_button, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("on"), self))
        row.addWidget(self.date_edit)
        row.addStretch(1)
        grid.addLayout(row, 0, 1)
        grid.addWidget(self.missed_button, 1, 0)
        grid.addWidget(QLabel(self.tr("the subject did not come; the visit can be booked again"), self), 1, 1)
        grid.addWidget(self.cancelled_button, 2, 0)
        grid.addWidget(QLabel(self.tr("the visit will not take place"), self), 2, 1)
        for number, button in enumerate((self.done_button, self.missed_button, self.cancelled_button)):
            self.group.addButton(button, number)
        layout.addLayout(grid)
        if visit.definition.infusion:
            self.done_button.setEnabled(False)
            note = _warning_label(self)
            note.setText(self.tr("An infusion is recorded as given with its infusion record."))
            layout.addWidget(note)
            self.missed_button.setChecked(True)
        else:
            self.done_button.setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.done_button.toggled.connect(self.date_edit.setEnabled)
        self.date_edit.setEnabled(self.done_button.isChecked())

    def outcome(self) -> VisitOutcome:
        if self.done_button.isChecked():
            return VisitOutcome(VisitStatus.DONE, from_qdate(self.date_edit.date()))
        if self.missed_button.isChecked():
            return VisitOutcome(VisitStatus.MISSED)
        return VisitOutcome(VisitStatus.CANCELLED)

    @classmethod
    def ask(cls, parent: QWidget, subject_label: str, visit: ScheduledVisit, today: dt.date) -> VisitOutcome | None:
        dialog = cls(subject_label, visit, today, parent)
        return dialog.outcome() if dialog.exec() == QDialog.DialogCode.Accepted else None


# -- the pre-infusion safety check ---------------------------------------------------------------


class SafetyCheckDialog(QDialog):
    """Answered before a later dose's infusion record opens; every question needs an explicit answer."""

    def __init__(self, subject_label: str, visit: ScheduledVisit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Safety check before {visit} — {subject}").format(visit=visit.code, subject=subject_label)
        )
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Answer every question before the infusion record opens."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        questions = (
            self.tr("Active infection now?"),
            self.tr("Spontaneous bacterial peritonitis now?"),
            self.tr("Gastrointestinal bleeding in the last 4 weeks?"),
            self.tr("Investigator has cleared the subject for this infusion?"),
        )
        self._groups: list[QButtonGroup] = []
        for row, question in enumerate(questions):
            text = QLabel(question, self)
            text.setWordWrap(True)
            grid.addWidget(text, row, 0)
            group = QButtonGroup(self)
            for column, (answer, value) in enumerate(((self.tr("Yes"), 1), (self.tr("No"), 0))):
                button = QRadioButton(answer, self)
                button.setObjectName(f"answer{row}_{value}")
                group.addButton(button, value)
                grid.addWidget(button, row, column + 1)
            group.idToggled.connect(self._update)
            self._groups.append(group)
        grid.setColumnStretch(0, 1)
        layout.addLayout(grid)
        form = QFormLayout()
        self.investigator_edit = QLineEdit(self)
        form.addRow(self.tr("Investigator:"), self.investigator_edit)
        layout.addLayout(form)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record the check"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.investigator_edit.textChanged.connect(self._update)
        self._update()
        self.resize(520, self.sizeHint().height())

    def set_answers(self, answers: Sequence[bool]) -> None:
        for group, answer in zip(self._groups, answers, strict=True):
            button = group.button(1 if answer else 0)
            button.setChecked(True)

    def _answered(self) -> bool:
        return all(group.checkedId() >= 0 for group in self._groups)

    def _update(self) -> None:
        complete = self._answered() and bool(self.investigator_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(complete)
        if not self._answered():
            self.result_label.setText("")
        elif self.answers().passed:
            self.result_label.setText(self.tr("The infusion may go ahead."))
            self.result_label.setStyleSheet(f"color: {MARKER_COLOURS[Marker.DONE].name()};")
        else:
            self.result_label.setText(self.tr("The infusion may not go ahead: the record stays closed."))
            self.result_label.setStyleSheet(_PROBLEM)

    def answers(self) -> SafetyAnswers:
        infection, peritonitis, bleeding, clearance = (group.checkedId() == 1 for group in self._groups)
        return SafetyAnswers(infection, peritonitis, bleeding, clearance, self.investigator_edit.text().strip())

    @classmethod
    def ask(cls, parent: QWidget, subject_label: str, visit: ScheduledVisit) -> SafetyAnswers | None:
        dialog = cls(subject_label, visit, parent)
        return dialog.answers() if dialog.exec() == QDialog.DialogCode.Accepted else None
