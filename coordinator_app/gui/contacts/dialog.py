"""Adding and editing a contact with its delegation log, and asking for the day a contact is retired."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any, TypeAlias

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.contacts import (
    STANDARD_DUTIES,
    ContactCategory,
    ContactDraft,
    ContactKind,
    ContactRecord,
    Delegation,
)
from coordinator_app.domain.errors import ValidationError
from coordinator_app.gui.contacts.duties import duty_label
from coordinator_app.gui.formatting import format_date, from_qdate, to_qdate
from coordinator_app.gui.forms.ui_contact_dialog import Ui_ContactDialog
from coordinator_app.gui.labels import label
from coordinator_app.services.contacts import validate_draft
from coordinator_app.services.trials import TrialSummary

ModelIndex: TypeAlias = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class DelegationLine:
    """A line of the log as the dialog holds it: ``saved`` lines can be ended but never removed."""

    duty: str
    start_date: dt.date
    end_date: dt.date | None
    saved: bool
    saved_end_date: dt.date | None = None

    @property
    def delegation(self) -> Delegation:
        return Delegation(self.duty, self.start_date, self.end_date)

    @property
    def changed(self) -> bool:
        return not self.saved or self.end_date != self.saved_end_date


class DelegationColumn(IntEnum):
    DUTY = 0
    START = 1
    END = 2
    NOTE = 3


class DelegationTableModel(QAbstractTableModel):
    """The contact's delegation lines for one trial, read-only; the dialog's buttons change them."""

    def __init__(self, lines: list[DelegationLine], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines = lines

    def lines(self) -> list[DelegationLine]:
        return list(self._lines)

    def line(self, row: int) -> DelegationLine:
        return self._lines[row]

    def append(self, line: DelegationLine) -> int:
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(line)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if self._lines[row].saved:
            raise ValueError("a saved delegation line is ended, never removed")
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._lines[row]
        self.endRemoveRows()

    def set_end(self, row: int, end: dt.date | None) -> None:
        self._lines[row] = replace(self._lines[row], end_date=end)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(DelegationColumn) - 1))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(DelegationColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (self.tr("Duty"), self.tr("From"), self.tr("To"), self.tr("Note"))
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        column = DelegationColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            match column:
                case DelegationColumn.DUTY:
                    return duty_label(line.duty)
                case DelegationColumn.START:
                    return format_date(line.start_date)
                case DelegationColumn.END:
                    return format_date(line.end_date) if line.end_date else self.tr("open")
                case DelegationColumn.NOTE:
                    return self._note(line)
        if role == Qt.ItemDataRole.FontRole and line.changed:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _note(self, line: DelegationLine) -> str:
        if not line.saved:
            return self.tr("new, saved on OK")
        if line.end_date != line.saved_end_date:
            return self.tr("end date set, saved on OK")
        return ""


class ContactDialog(QDialog):
    """The contact form; OK validates the draft and stays open, naming the problem, until it is valid."""

    def __init__(
        self, record: ContactRecord | None, trial: TrialSummary, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.form = Ui_ContactDialog()
        self.form.setupUi(self)
        self._record = record
        self._today = today
        self._draft: ContactDraft | None = None

        form = self.form
        for kind in ContactKind:
            form.kindCombo.addItem(label(kind), kind.value)
        for category in ContactCategory:
            form.categoryCombo.addItem(label(category), category.value)
        for duty in STANDARD_DUTIES:
            form.dutyCombo.addItem(duty_label(duty), duty)
        form.dutyCombo.setCurrentIndex(-1)
        form.dutyCombo.lineEdit().setPlaceholderText(self.tr("Choose or type a duty"))
        form.trialSpecificCheck.setText(self.tr("Belongs to this trial only ({nct_id})").format(nct_id=trial.nct_id))
        form.delegationGroup.setTitle(self.tr("Delegation log for {nct_id}").format(nct_id=trial.nct_id))
        for edit in (form.dutyStartEdit, form.dutyEndEdit):
            use_locale_format(edit)
            edit.setDate(to_qdate(today))
        form.errorLabel.setVisible(False)

        lines = [
            DelegationLine(d.duty, d.start_date, d.end_date, saved=True, saved_end_date=d.end_date)
            for d in (record.delegations if record else ())
        ]
        self.delegations = DelegationTableModel(lines, self)
        form.delegationTable.setModel(self.delegations)
        header = form.delegationTable.horizontalHeader()
        header.setSectionResizeMode(DelegationColumn.DUTY, QHeaderView.ResizeMode.Stretch)
        for column in (DelegationColumn.START, DelegationColumn.END, DelegationColumn.NOTE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        form.delegationTable.verticalHeader().setVisible(False)
        form.delegationTable.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        if record is None:
            self.setWindowTitle(self.tr("Add contact"))
            self._select(form.kindCombo, ContactKind.PERSON)
            self._select(form.categoryCombo, ContactCategory.SITE_STAFF)
        else:
            self.setWindowTitle(self.tr("Edit contact: {name}").format(name=record.name))
            self._select(form.kindCombo, record.kind)
            self._select(form.categoryCombo, record.category)
            form.nameEdit.setText(record.name)
            form.organisationEdit.setText(record.organisation)
            form.roleEdit.setText(record.role)
            form.phoneEdit.setText(record.phone_display)
            form.emailEdit.setText(record.email)
            form.notesEdit.setPlainText(record.notes)
            form.trialSpecificCheck.setChecked(record.trial_nct_id is not None)

        form.buttonBox.accepted.connect(self.accept)
        form.buttonBox.rejected.connect(self.reject)
        form.kindCombo.currentIndexChanged.connect(self._update_delegation_controls)
        form.addDutyButton.clicked.connect(self.add_duty)
        form.removeDutyButton.clicked.connect(self.remove_duty)
        form.endDutyButton.clicked.connect(self.end_duty)
        form.delegationTable.selectionModel().selectionChanged.connect(self._update_delegation_controls)
        self._update_delegation_controls()
        form.nameEdit.setFocus()

    @classmethod
    def edit(
        cls, parent: QWidget | None, record: ContactRecord | None, trial: TrialSummary, today: dt.date
    ) -> ContactDraft | None:
        """Show the form (modal); the valid draft, or None if the user cancelled."""
        dialog = cls(record, trial, today, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.draft()
            return None
        finally:
            dialog.deleteLater()

    # -- the draft -------------------------------------------------------------------------------

    def draft(self) -> ContactDraft | None:
        """The validated draft once OK succeeded."""
        return self._draft

    def build_draft(self) -> ContactDraft:
        """What the form says now, not yet validated."""
        form = self.form
        return ContactDraft(
            kind=ContactKind(form.kindCombo.currentData()),
            category=ContactCategory(form.categoryCombo.currentData()),
            name=form.nameEdit.text(),
            organisation=form.organisationEdit.text(),
            role=form.roleEdit.text(),
            phone=form.phoneEdit.text(),
            email=form.emailEdit.text(),
            notes=form.notesEdit.toPlainText(),
            trial_specific=form.trialSpecificCheck.isChecked(),
            delegations=tuple(line.delegation for line in self.delegations.lines()),
        )

    def accept(self) -> None:
        try:
            self._draft = validate_draft(self.build_draft())
        except ValidationError as error:
            self.show_validation_error(error)
            return
        super().accept()

    def show_validation_error(self, error: ValidationError) -> None:
        """Name the field and the value in the error line, and put the cursor where the fix goes."""
        field_name, widget = self._field(error.field)
        message = self.tr("{field} “{value}”: {problem}")
        self.show_error(message.format(field=field_name, value=error.value, problem=error.problem))
        row = _delegation_row(error.field)
        if row is not None and 0 <= row < self.delegations.rowCount():
            self.form.delegationTable.selectRow(row)
        if widget is not None:
            widget.setFocus()

    def show_error(self, message: str) -> None:
        self.form.errorLabel.setText(message)
        self.form.errorLabel.setVisible(True)

    def clear_error(self) -> None:
        self.form.errorLabel.clear()
        self.form.errorLabel.setVisible(False)

    def _field(self, field: str) -> tuple[str, QWidget | None]:
        form = self.form
        fields: dict[str, tuple[str, QWidget]] = {
            "name": (self.tr("Name"), form.nameEdit),
            "phone": (self.tr("Phone"), form.phoneEdit),
            "email": (self.tr("E-mail"), form.emailEdit),
            "delegations": (self.tr("Delegation log"), form.kindCombo),
        }
        if field in fields:
            return fields[field]
        row = _delegation_row(field)
        if row is not None:
            if field.endswith("end date"):
                return self.tr("Delegation line {n}, end date").format(n=row + 1), form.delegationTable
            return self.tr("Delegation line {n}, duty").format(n=row + 1), form.delegationTable
        return field, None

    # -- the delegation log ----------------------------------------------------------------------

    def _selected_row(self) -> int | None:
        rows = self.form.delegationTable.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_delegation_controls(self) -> None:
        form = self.form
        is_person = form.kindCombo.currentData() == ContactKind.PERSON.value
        form.delegationGroup.setEnabled(is_person)
        row = self._selected_row()
        line = self.delegations.line(row) if row is not None else None
        form.removeDutyButton.setEnabled(line is not None and not line.saved)
        form.endDutyButton.setEnabled(line is not None and line.end_date is None)
        form.dutyEndEdit.setEnabled(line is not None and line.end_date is None)
        if line is not None:
            form.dutyEndEdit.setMinimumDate(to_qdate(line.start_date))

    def _chosen_duty(self) -> str:
        combo = self.form.dutyCombo
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        return str(combo.itemData(index)) if index >= 0 else text

    def add_duty(self) -> None:
        duty = self._chosen_duty()
        start = from_qdate(self.form.dutyStartEdit.date())
        if not duty:
            self.show_error(self.tr("Choose or type the duty to delegate."))
            self.form.dutyCombo.setFocus()
            return
        for line in self.delegations.lines():
            if line.duty == duty and line.delegation.active_on(start):
                self.show_error(
                    self.tr("“{duty}” is already delegated from {date}; end that line first.").format(
                        duty=duty_label(duty), date=format_date(line.start_date)
                    )
                )
                return
        self.clear_error()
        row = self.delegations.append(DelegationLine(duty, start, None, saved=False))
        self.form.delegationTable.selectRow(row)
        self.form.dutyCombo.setCurrentIndex(-1)
        self.form.dutyCombo.clearEditText()

    def remove_duty(self) -> None:
        row = self._selected_row()
        if row is None or self.delegations.line(row).saved:
            return
        self.delegations.remove(row)
        self._update_delegation_controls()

    def end_duty(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        line = self.delegations.line(row)
        end = from_qdate(self.form.dutyEndEdit.date())
        if end < line.start_date:
            self.show_error(
                self.tr("A duty cannot end ({end}) before it starts ({start}).").format(
                    end=format_date(end), start=format_date(line.start_date)
                )
            )
            return
        self.clear_error()
        self.delegations.set_end(row, end)
        self._update_delegation_controls()

    @staticmethod
    def _select(combo: Any, value: str) -> None:
        combo.setCurrentIndex(combo.findData(value))


def use_locale_format(edit: QDateEdit) -> None:
    """Show the date as the tables do (the locale's short format), always with a four-digit year."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    edit.setDisplayFormat(pattern)


def _delegation_row(field: str) -> int | None:
    """``"delegation 2 end date"`` → row 1."""
    parts = field.split()
    if len(parts) >= 2 and parts[0] == "delegation" and parts[1].isdigit():
        return int(parts[1]) - 1
    return None


class RetireDialog(QDialog):
    """Asks from which day a contact no longer works on the site's trials; its Retire button confirms."""

    def __init__(self, record: ContactRecord, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retire contact"))
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "Retire {name} from the date below? Their open delegation lines end that day. "
                "The contact is kept (shown with “Show retired”) and can be reinstated."
            ).format(name=record.name),
            self,
        )
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.date_edit = QDateEdit(to_qdate(today), self)
        self.date_edit.setCalendarPopup(True)
        use_locale_format(self.date_edit)
        first_start = min((d.start_date for d in record.delegations), default=None)
        if first_start is not None:
            self.date_edit.setMinimumDate(to_qdate(first_start))
        layout.addWidget(self.date_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        retire = buttons.addButton(self.tr("Retire"), QDialogButtonBox.ButtonRole.AcceptRole)
        retire.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())

    def chosen_date(self) -> dt.date:
        return from_qdate(self.date_edit.date())

    @classmethod
    def ask(cls, parent: QWidget | None, record: ContactRecord, today: dt.date) -> dt.date | None:
        dialog = cls(record, today, parent)
        try:
            return dialog.chosen_date() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
