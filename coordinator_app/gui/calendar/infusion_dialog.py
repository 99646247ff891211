"""The infusion record: the cell product's chain of custody, the infusion's times and the vital signs.

The dialog only collects a draft; the infusion service checks it when the tab saves it, and the tab
reopens the dialog with the draft when the service names a problem, so nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, QTime
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from coordinator_app.domain.schedule import ScheduledVisit
from coordinator_app.gui.calendar.markers import MARKER_COLOURS, OUT_OF_WINDOW, Marker, visit_title
from coordinator_app.gui.formatting import format_long_date, from_qdate, rich, to_qdate
from coordinator_app.gui.forms.ui_infusion_record_dialog import Ui_InfusionRecordDialog
from coordinator_app.gui.table_model import Index
from coordinator_app.services.infusions import VITAL_SIGN_MINUTES, InfusionDraft, VitalSigns


class VitalColumn(IntEnum):
    TEMPERATURE = 0
    PULSE = 1
    SYSTOLIC = 2
    DIASTOLIC = 3
    SPO2 = 4


_FIELDS = ("temperature_c", "pulse_per_min", "systolic_mmhg", "diastolic_mmhg", "spo2_percent")


class VitalSignsTableModel(QAbstractTableModel):
    """One row per time the protocol takes vital signs (VITAL_SIGN_MINUTES); cells are typed in."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = [VitalSigns(minute) for minute in VITAL_SIGN_MINUTES]

    def set_signs(self, signs: tuple[VitalSigns, ...]) -> None:
        by_minute = {s.minute: s for s in signs}
        self.beginResetModel()
        self._rows = [by_minute.get(minute, VitalSigns(minute)) for minute in VITAL_SIGN_MINUTES]
        self.endResetModel()

    def signs(self) -> tuple[VitalSigns, ...]:
        """The rows with at least one value."""
        return tuple(row for row in self._rows if any(getattr(row, name).strip() for name in _FIELDS))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(VitalColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = (
                self.tr("Temperature (°C)"),
                self.tr("Pulse (/min)"),
                self.tr("BP systolic (mmHg)"),
                self.tr("BP diastolic (mmHg)"),
                self.tr("SpO₂ (%)"),
            )
            return headers[section] if 0 <= section < len(headers) else None
        if 0 <= section < len(self._rows):
            minute = self._rows[section].minute
            if minute < 0:
                return self.tr("{minutes} min before").format(minutes=-minute)
            return self.tr("{minutes} min").format(minutes=minute)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        return getattr(self._rows[index.row()], _FIELDS[index.column()])

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self._rows[index.row()]
        changes: dict[str, str] = {_FIELDS[index.column()]: str(value or "").strip()}
        self._rows[index.row()] = replace(row, **changes)  # type: ignore[arg-type]  # only the text fields
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True


def _qtime(moment: dt.datetime) -> QTime:
    local = moment.astimezone()
    return QTime(local.hour, local.minute)


def _moment(day: dt.date, time: QTime) -> dt.datetime:
    """A local wall-clock time on ``day``, carrying the desktop's time zone."""
    return dt.datetime.combine(day, dt.time(time.hour(), time.minute())).astimezone()


class InfusionRecordDialog(QDialog):
    """One dose's infusion record; the minutes from preparation to the end of the infusion show as typed."""

    def __init__(
        self,
        subject_label: str,
        visit: ScheduledVisit,
        today: dt.date,
        limit_minutes: int,
        target: str,
        previous: InfusionDraft | None = None,
        parent: QWidget | None = None,
        administered_by: str = "",
    ) -> None:
        super().__init__(parent)
        self.form = Ui_InfusionRecordDialog()
        self.form.setupUi(self)
        self._limit = limit_minutes
        form = self.form
        self.setWindowTitle(
            self.tr("Infusion record {visit} — {subject}").format(visit=visit.code, subject=subject_label)
        )
        form.headingLabel.setText(
            self.tr("<b>{subject}</b> · {visit} · booked {date}. Saving marks the infusion given.").format(
                subject=rich(subject_label),
                visit=rich(visit_title(visit.code, visit.definition.name)),
                date=format_long_date(visit.date),
            )
        )
        form.cellsHint.setText(
            self.tr(
                "Protocol dose: {target}. Outside the tolerance it is saved only as a deviation, with a reason."
            ).format(target=target)
        )
        self.vitals = VitalSignsTableModel(self)
        table = form.vitalsTable
        table.setModel(self.vitals)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.resizeRowsToContents()
        rows_height = sum(table.rowHeight(row) for row in range(self.vitals.rowCount()))
        table.setFixedHeight(rows_height + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth())
        form.infusionDateEdit.setMaximumDate(to_qdate(today))
        form.infusionDateEdit.setDate(to_qdate(min(visit.date, today)))
        form.preparedEdit.setTime(QTime(8, 20))
        form.startEdit.setTime(QTime(9, 0))
        form.endEdit.setTime(QTime(9, 40))
        if previous is not None:
            self.set_draft(previous)
        else:
            form.administeredByEdit.setText(administered_by)
        for edit in (form.preparedEdit, form.startEdit, form.endEdit):
            edit.timeChanged.connect(self._update_minutes)
        form.buttonBox.accepted.connect(self.accept)
        form.buttonBox.rejected.connect(self.reject)
        self._update_minutes()
        self.resize(max(self.width(), 900), self.sizeHint().height())

    def minutes(self) -> int:
        """From preparation to the end of the infusion."""
        form = self.form
        seconds: int = form.preparedEdit.time().secsTo(form.endEdit.time())
        return seconds // 60

    def _update_minutes(self) -> None:
        form = self.form
        minutes = self.minutes()
        if (
            minutes < 0
            or form.preparedEdit.time() > form.startEdit.time()
            or form.startEdit.time() >= form.endEdit.time()
        ):
            text = self.tr("Preparation, start and end must follow each other.")
            colour = MARKER_COLOURS[Marker.OVERDUE]
        elif minutes > self._limit:
            text = self.tr(
                "{minutes} min from preparation to the end of the infusion: above the site's limit of {limit} min."
            ).format(minutes=minutes, limit=self._limit)
            colour = OUT_OF_WINDOW
        else:
            text = self.tr("{minutes} min from preparation to the end of the infusion (limit {limit} min).").format(
                minutes=minutes, limit=self._limit
            )
            colour = MARKER_COLOURS[Marker.DONE]
        form.minutesLabel.setText(text)
        form.minutesLabel.setStyleSheet(f"color: {colour.name()};")

    def set_draft(self, draft: InfusionDraft) -> None:
        form = self.form
        form.productLotEdit.setText(draft.product_lot)
        form.releaseCertificateEdit.setText(draft.release_certificate)
        form.cellsPerDoseEdit.setText(draft.cells_per_dose)
        form.viabilityReleaseEdit.setText(draft.viability_release_percent)
        form.viabilityBedsideEdit.setText(draft.viability_bedside_percent)
        form.transportTemperatureEdit.setText(draft.transport_temperature_c)
        form.infusionDateEdit.setDate(to_qdate(draft.infusion_start.astimezone().date()))
        form.preparedEdit.setTime(_qtime(draft.prepared_at))
        form.startEdit.setTime(_qtime(draft.infusion_start))
        form.endEdit.setTime(_qtime(draft.infusion_end))
        form.volumeEdit.setText(draft.volume_ml)
        form.rateEdit.setText(draft.rate_ml_per_hour)
        form.reactionsEdit.setPlainText(draft.immediate_reactions)
        form.administeredByEdit.setText(draft.administered_by)
        form.checkedByEdit.setText(draft.checked_by)
        self.vitals.set_signs(draft.vital_signs)

    def draft(self) -> InfusionDraft:
        form = self.form
        day = from_qdate(form.infusionDateEdit.date())
        return InfusionDraft(
            product_lot=form.productLotEdit.text().strip(),
            release_certificate=form.releaseCertificateEdit.text().strip(),
            cells_per_dose=form.cellsPerDoseEdit.text().strip(),
            viability_release_percent=form.viabilityReleaseEdit.text().strip(),
            viability_bedside_percent=form.viabilityBedsideEdit.text().strip(),
            prepared_at=_moment(day, form.preparedEdit.time()),
            infusion_start=_moment(day, form.startEdit.time()),
            infusion_end=_moment(day, form.endEdit.time()),
            volume_ml=form.volumeEdit.text().strip(),
            rate_ml_per_hour=form.rateEdit.text().strip(),
            transport_temperature_c=form.transportTemperatureEdit.text().strip(),
            administered_by=form.administeredByEdit.text().strip(),
            checked_by=form.checkedByEdit.text().strip(),
            vital_signs=self.vitals.signs(),
            immediate_reactions=form.reactionsEdit.toPlainText().strip(),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget,
        subject_label: str,
        visit: ScheduledVisit,
        today: dt.date,
        limit_minutes: int,
        target: str,
        previous: InfusionDraft | None,
        administered_by: str = "",
    ) -> InfusionDraft | None:
        """The draft, or None when cancelled; a new record names ``administered_by`` as the one who gave it."""
        dialog = cls(subject_label, visit, today, limit_minutes, target, previous, parent, administered_by)
        return dialog.draft() if dialog.exec() == QDialog.DialogCode.Accepted else None
