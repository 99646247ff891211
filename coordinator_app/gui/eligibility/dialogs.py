"""The Eligibility tab's dialogs: register or correct a subject, record consent, change the status, give a reason
for a change, and read an import's problems. None of them saves: the tab does. The verdict is signed with the
generic signature dialog (gui/access/signature_dialog.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.errors import ValidationError
from coordinator_app.domain.protocol import Protocol
from coordinator_app.domain.subjects import Sex
from coordinator_app.gui.eligibility.text import date_edit_format
from coordinator_app.gui.formatting import format_date, from_qdate, rich, to_qdate
from coordinator_app.gui.forms.ui_eligibility_consent_dialog import Ui_ConsentDialog
from coordinator_app.gui.forms.ui_eligibility_status_dialog import Ui_StatusDialog
from coordinator_app.gui.forms.ui_subject_dialog import Ui_SubjectDialog
from coordinator_app.gui.labels import label
from coordinator_app.services.screening import SubjectDetail, SubjectDraft, validate_consent, validate_subject

_BLANK_BIRTH = dt.date(1900, 1, 1)  # the date edit's minimum, shown empty: nobody is registered by default


@dataclass(frozen=True)
class ConsentInput:
    version: str
    signed_at: dt.datetime  # aware, local time zone
    obtained_by: str
    copy_given: bool


class StatusChange(StrEnum):
    ENROL = "enrol"
    SCREEN_FAIL = "screen_fail"
    WITHDRAW = "withdraw"
    COMPLETE = "complete"


@dataclass(frozen=True)
class StatusInput:
    day: dt.date
    reason: str


def _error_message(error: ValidationError) -> str:
    message = QCoreApplication.translate("EligibilityDialogs", "{field} “{value}”: {problem}")
    return message.format(field=error.field, value=error.value, problem=error.problem)


def _fill_names(combo: QComboBox, names: Sequence[str], current: str = "") -> None:
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    combo.clear()
    combo.addItems(list(names))
    combo.setCurrentIndex(-1)
    combo.setEditText(current)


class SubjectDialog(QDialog):
    """Registers a candidate, or corrects a registered one; OK validates as the service will."""

    def __init__(self, subject: SubjectDetail | None, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_SubjectDialog()
        self.form.setupUi(self)
        self._today = today
        self._assessment_date = subject.assessment_date if subject else today
        self._draft: SubjectDraft | None = None
        form = self.form
        form.errorLabel.setVisible(False)
        for sex in Sex:
            form.sexCombo.addItem(label(sex), sex.value)
        form.birthEdit.setDisplayFormat(date_edit_format())
        form.birthEdit.setMinimumDate(to_qdate(_BLANK_BIRTH))
        form.birthEdit.setMaximumDate(to_qdate(today))
        form.birthEdit.setSpecialValueText(" ")
        form.phoneEdit.setPlaceholderText(self.tr("Mobile or landline (optional)"))
        if subject is None:
            self.setWindowTitle(self.tr("Register subject"))
            form.introLabel.setText(
                self.tr("The candidate enters screening today ({date}) with the next screening number.").format(
                    date=format_date(today)
                )
            )
            form.sexCombo.setCurrentIndex(-1)
            form.birthEdit.setDate(to_qdate(_BLANK_BIRTH))
        else:
            self.setWindowTitle(self.tr("Edit subject {number}").format(number=subject.screening_number))
            form.introLabel.setText(
                self.tr(
                    "Correct the subject's details. Changing sex or date of birth changes the assessment, "
                    "so a signed verdict will need a reason and a new signature."
                )
            )
            form.familyEdit.setText(subject.family_name)
            form.givenEdit.setText(subject.given_name)
            form.sexCombo.setCurrentIndex(form.sexCombo.findData(subject.sex.value))
            form.birthEdit.setDate(to_qdate(subject.date_of_birth))
            form.phoneEdit.setText(subject.phone)
            form.identityEdit.setText(subject.identity_number or "")
        form.buttonBox.accepted.connect(self.accept)
        form.buttonBox.rejected.connect(self.reject)
        self.resize(480, self.sizeHint().height())
        form.familyEdit.setFocus()

    def build_draft(self) -> SubjectDraft:
        """What the form says, not yet validated; raises ValidationError for an empty sex or date of birth."""
        form = self.form
        if not form.familyEdit.text().strip():
            raise ValidationError("family name", form.familyEdit.text(), "is required")
        if form.sexCombo.currentIndex() < 0:
            raise ValidationError("sex", "", "is required")
        born = from_qdate(form.birthEdit.date())
        if born == _BLANK_BIRTH:
            raise ValidationError("date of birth", "", "is required")
        return SubjectDraft(
            family_name=form.familyEdit.text(),
            given_name=form.givenEdit.text(),
            sex=Sex(form.sexCombo.currentData()),
            date_of_birth=born,
            phone=form.phoneEdit.text(),
            identity_number=form.identityEdit.text(),
        )

    def draft(self) -> SubjectDraft | None:
        return self._draft

    def accept(self) -> None:
        try:
            self._draft = validate_subject(self.build_draft(), self._assessment_date)
        except ValidationError as error:
            self.form.errorLabel.setText(_error_message(error))
            self.form.errorLabel.setVisible(True)
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, subject: SubjectDetail | None, today: dt.date) -> SubjectDraft | None:
        dialog = cls(subject, today, parent)
        try:
            return dialog.draft() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class ConsentDialog(QDialog):
    """The signed consent form: version (the protocol's current one by default), when, who obtained it, copy."""

    def __init__(
        self,
        protocol: Protocol,
        subject: SubjectDetail,
        staff: Sequence[str],
        now: dt.datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = Ui_ConsentDialog()
        self.form.setupUi(self)
        self._protocol = protocol
        self._input: ConsentInput | None = None
        form = self.form
        form.errorLabel.setVisible(False)
        self.setWindowTitle(self.tr("Record informed consent: {number}").format(number=subject.screening_number))
        form.introLabel.setText(
            self.tr("{name} signed the informed consent form. Record it as on the signed form.").format(
                name=subject.name
            )
        )
        for version in protocol.consent_version_names():
            form.versionCombo.addItem(version, version)
        current = form.versionCombo.findData(protocol.current_consent_version)
        form.versionCombo.setCurrentIndex(max(current, 0))
        local = now.astimezone()
        when = QDateTime(to_qdate(local.date()), QTime(local.hour, local.minute))
        form.signedEdit.setDisplayFormat("yyyy-MM-dd HH:mm")
        form.signedEdit.setMaximumDateTime(when)
        form.signedEdit.setDateTime(when)
        previous = subject.consent.obtained_by if subject.consent else ""
        _fill_names(form.obtainedCombo, staff, previous)
        form.obtainedCombo.lineEdit().setPlaceholderText(self.tr("Name of the staff member"))
        form.copyCheck.setChecked(True)
        form.buttonBox.accepted.connect(self.accept)
        form.buttonBox.rejected.connect(self.reject)
        self.resize(500, self.sizeHint().height())

    def build_input(self) -> ConsentInput:
        form = self.form
        chosen = form.signedEdit.dateTime()
        day, time = chosen.date(), chosen.time()
        signed_at = dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute()).astimezone()
        return ConsentInput(
            version=str(form.versionCombo.currentData() or form.versionCombo.currentText()),
            signed_at=signed_at,
            obtained_by=form.obtainedCombo.currentText().strip(),
            copy_given=form.copyCheck.isChecked(),
        )

    def consent(self) -> ConsentInput | None:
        return self._input

    def accept(self) -> None:
        entered = self.build_input()
        try:
            validate_consent(
                self._protocol, entered.version, entered.signed_at, entered.obtained_by, entered.copy_given
            )
        except ValidationError as error:
            self.form.errorLabel.setText(_error_message(error))
            self.form.errorLabel.setVisible(True)
            return
        self._input = entered
        super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        protocol: Protocol,
        subject: SubjectDetail,
        staff: Sequence[str],
        now: dt.datetime,
    ) -> ConsentInput | None:
        dialog = cls(protocol, subject, staff, now, parent)
        try:
            return dialog.consent() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class StatusDialog(QDialog):
    """The day of a status change and, where it applies, its reason."""

    def __init__(
        self,
        change: StatusChange,
        protocol: Protocol,
        subject: SubjectDetail,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = Ui_StatusDialog()
        self.form.setupUi(self)
        self._change = change
        self._input: StatusInput | None = None
        form = self.form
        form.errorLabel.setVisible(False)
        failing = subject.assessment.failing
        name = rich(subject.name)
        minimum = subject.screened_on
        match change:
            case StatusChange.ENROL:
                title, button = self.tr("Enrol {number}"), self.tr("Enrol")
                intro = self.tr("Enrol {name}: the next subject number is given. The verdict is signed eligible.")
                minimum = subject.assessment_date
            case StatusChange.SCREEN_FAIL:
                title, button = self.tr("Screen failure: {number}"), self.tr("End screening")
                if failing:
                    intro = self.tr(
                        "End the screening of {name}. The failing criteria ({codes}) are recorded as "
                        "the reason; add a note if needed."
                    )
                else:
                    intro = self.tr("End the screening of {name}. No criterion fails, so say why screening ends.")
            case StatusChange.WITHDRAW:
                title, button = self.tr("Withdraw {number}"), self.tr("Withdraw")
                intro = self.tr("Withdraw {name} from the trial. The reason is required.")
                minimum = subject.enrolled_on or subject.screened_on
            case StatusChange.COMPLETE:
                title, button = self.tr("Complete {number}"), self.tr("Complete")
                intro = self.tr("{name} has completed the trial.")
                minimum = subject.enrolled_on or subject.screened_on
        self.setWindowTitle(title.format(number=subject.subject_number or subject.screening_number))
        form.introLabel.setText(intro.format(name=name, codes=", ".join(failing)))
        form.dateEdit.setDisplayFormat(date_edit_format())
        form.dateEdit.setMinimumDate(to_qdate(min(minimum, today)))
        form.dateEdit.setMaximumDate(to_qdate(today))
        form.dateEdit.setDate(to_qdate(today))
        has_reason = change in (StatusChange.SCREEN_FAIL, StatusChange.WITHDRAW)
        form.reasonLabel.setVisible(has_reason)
        form.reasonEdit.setVisible(has_reason)
        if change is StatusChange.SCREEN_FAIL and failing:
            form.reasonEdit.setPlaceholderText(self.tr("Optional note"))
        form.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(button)
        form.buttonBox.accepted.connect(self.accept)
        form.buttonBox.rejected.connect(self.reject)
        self.resize(480, self.sizeHint().height())

    def status_input(self) -> StatusInput | None:
        return self._input

    def accept(self) -> None:
        reason = self.form.reasonEdit.text().strip()
        if self._change is StatusChange.WITHDRAW and not reason:
            self.form.errorLabel.setText(self.tr("Say why the subject is withdrawn."))
            self.form.errorLabel.setVisible(True)
            return
        self._input = StatusInput(from_qdate(self.form.dateEdit.date()), reason)
        super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, change: StatusChange, protocol: Protocol, subject: SubjectDetail, today: dt.date
    ) -> StatusInput | None:
        dialog = cls(change, protocol, subject, today, parent)
        try:
            return dialog.status_input() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class ReasonDialog(QDialog):
    """Asks why a change is made; OK stays disabled until a reason is typed."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        explanation = QLabel(text, self)
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("Reason for the change, e.g. transcription error corrected"))
        layout.addWidget(self.reason_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(480, self.sizeHint().height())

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason_edit.text().strip()))

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> str | None:
        dialog = cls(title, text, parent)
        try:
            return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted and dialog.reason() else None
        finally:
            dialog.deleteLater()


class ProblemsDialog(QDialog):
    """Every problem of a file, one a line, in a scrollable, selectable list."""

    def __init__(self, title: str, text: str, problems: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        summary = QLabel(text, self)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.listing = QPlainTextEdit(self)
        self.listing.setReadOnly(True)
        self.listing.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.listing.setPlainText("\n".join(problems))
        layout.addWidget(self.listing)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(680, 380)

    @classmethod
    def show_problems(cls, parent: QWidget | None, title: str, text: str, problems: Sequence[str]) -> None:
        dialog = cls(title, text, problems, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
