"""The dialogs of the Safety & labs page. They only collect what the user entered; the panel saves it.

The AE dialog checks the entry with the domain's rules before it closes: a problem is shown inside it and the
dialog stays open with everything typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.adverse_events import (
    QUICK_ENTRIES,
    ActionTaken,
    AeDraft,
    Grade,
    Outcome,
    Relationship,
    ReportKind,
    Seriousness,
    grade_label,
)
from coordinator_app.domain.labs import ANALYTES
from coordinator_app.domain.scores import ASCITES_GRADES, ENCEPHALOPATHY_GRADES
from coordinator_app.gui.formatting import from_qdate, to_qdate
from coordinator_app.gui.safety.models import OVERDUE, AeSummaryModel, SummaryRow, ae_label, analyte_name, language


def to_qdatetime(instant: dt.datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(instant.timestamp()), QTimeZone.utc()).toLocalTime()


def from_qdatetime(value: QDateTime) -> dt.datetime:
    return dt.datetime.fromtimestamp(value.toSecsSinceEpoch(), dt.UTC).astimezone()


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {OVERDUE.name()};")
    label.hide()
    return label


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _visit_combo(parent: QWidget, visits: Sequence[str], none_text: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(none_text, None)
    for code in visits:
        combo.addItem(code, code)
    return combo


class AeDialog(QDialog):
    """Every field of an AE; quick entries prefill the common reactions after an MSC infusion."""

    def __init__(
        self,
        parent: QWidget | None,
        subject: str,
        now: dt.datetime,
        visits: Sequence[str],
        check: Callable[[AeDraft], str],
    ) -> None:
        super().__init__(parent)
        self._check = check
        self._now = now
        self._draft: AeDraft | None = None
        self.setWindowTitle(self.tr("Adverse event of {subject}").format(subject=subject))
        layout = QVBoxLayout(self)
        quick = QHBoxLayout()
        quick.addWidget(QLabel(self.tr("Quick entry:"), self))
        self.quick_buttons: dict[str, QPushButton] = {}
        for entry in QUICK_ENTRIES:
            button = QPushButton(entry.term_zh if language() == "zh" else entry.term, self)
            button.setToolTip(self.tr("Prefill the form; every field stays editable"))
            button.clicked.connect(lambda _checked=False, key=entry.key: self.apply_quick_entry(key))
            quick.addWidget(button)
            self.quick_buttons[entry.key] = button
        quick.addStretch(1)
        layout.addLayout(quick)

        form = QFormLayout()
        self.term = QLineEdit(self)
        self.onset = QDateEdit(to_qdate(now.date()), self)
        self.onset.setCalendarPopup(True)
        self.grade = QComboBox(self)
        for grade in Grade:
            self.grade.addItem(grade_label(grade, language()), int(grade))
        self.serious = QCheckBox(self.tr("Serious adverse event (SAE)"), self)
        criteria = QWidget(self)
        grid = QGridLayout(criteria)
        grid.setContentsMargins(0, 0, 0, 0)
        self.criteria: dict[Seriousness, QCheckBox] = {}
        for i, criterion in enumerate(Seriousness):
            box = QCheckBox(ae_label(criterion), criteria)
            grid.addWidget(box, i // 2, i % 2)
            self.criteria[criterion] = box
        self.relationship = self._combo(Relationship)
        self.expected = QCheckBox(self.tr("Expected (listed in the investigator's brochure)"), self)
        self.action = self._combo(ActionTaken)
        self.outcome = self._combo(Outcome)
        self.aware_at = QDateTimeEdit(to_qdatetime(now), self)
        self.aware_at.setCalendarPopup(True)
        resolution = QHBoxLayout()
        self.resolved = QCheckBox(self.tr("Resolved on"), self)
        self.resolution = QDateEdit(to_qdate(now.date()), self)
        self.resolution.setCalendarPopup(True)
        self.resolution.setEnabled(False)
        self.resolved.toggled.connect(self.resolution.setEnabled)
        resolution.addWidget(self.resolved)
        resolution.addWidget(self.resolution, 1)
        self.visit = _visit_combo(self, visits, self.tr("(no visit)"))
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(70)
        form.addRow(self.tr("Term"), self.term)
        form.addRow(self.tr("Onset date"), self.onset)
        form.addRow(self.tr("Grade"), self.grade)
        form.addRow("", self.serious)
        form.addRow(self.tr("Seriousness criteria"), criteria)
        form.addRow(self.tr("Relationship to UC-MSC"), self.relationship)
        form.addRow("", self.expected)
        form.addRow(self.tr("Action taken"), self.action)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Site aware at"), self.aware_at)
        form.addRow(self.tr("Resolution"), resolution)
        form.addRow(self.tr("Visit"), self.visit)
        form.addRow(self.tr("Description"), self.description)
        layout.addLayout(form)
        self.error = _error_label(self)
        layout.addWidget(self.error)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)

    def _combo(self, kind: type[Relationship] | type[ActionTaken] | type[Outcome]) -> QComboBox:
        combo = QComboBox(self)
        for code in kind:
            combo.addItem(ae_label(code), code.value)
        return combo

    def apply_quick_entry(self, key: str) -> None:
        entry = next(e for e in QUICK_ENTRIES if e.key == key)
        self.set_draft(entry.draft(from_qdate(self.onset.date()), from_qdatetime(self.aware_at.dateTime())))
        if language() == "zh":
            self.term.setText(entry.term_zh)

    def set_draft(self, draft: AeDraft) -> None:
        self.term.setText(draft.term)
        self.onset.setDate(to_qdate(draft.onset_date))
        self.grade.setCurrentIndex(self.grade.findData(draft.grade))
        self.serious.setChecked(draft.serious)
        for criterion, box in self.criteria.items():
            box.setChecked(criterion in draft.seriousness_criteria)
        self.relationship.setCurrentIndex(self.relationship.findData(draft.relationship.value))
        self.expected.setChecked(draft.expected)
        self.action.setCurrentIndex(self.action.findData(draft.action_taken.value))
        self.outcome.setCurrentIndex(self.outcome.findData(draft.outcome.value))
        self.aware_at.setDateTime(to_qdatetime(draft.aware_at))
        self.resolved.setChecked(draft.resolution_date is not None)
        if draft.resolution_date is not None:
            self.resolution.setDate(to_qdate(draft.resolution_date))
        index = self.visit.findData(draft.visit_code) if draft.visit_code else 0
        self.visit.setCurrentIndex(max(index, 0))
        self.description.setPlainText(draft.description)

    def draft(self) -> AeDraft:
        visit = self.visit.currentData()
        return AeDraft(
            term=self.term.text(),
            onset_date=from_qdate(self.onset.date()),
            grade=int(self.grade.currentData()),
            serious=self.serious.isChecked(),
            relationship=Relationship(self.relationship.currentData()),
            expected=self.expected.isChecked(),
            action_taken=ActionTaken(self.action.currentData()),
            outcome=Outcome(self.outcome.currentData()),
            aware_at=from_qdatetime(self.aware_at.dateTime()),
            resolution_date=from_qdate(self.resolution.date()) if self.resolved.isChecked() else None,
            seriousness_criteria=frozenset(c for c, box in self.criteria.items() if box.isChecked()),
            visit_code=visit if isinstance(visit, str) else None,
            description=self.description.toPlainText(),
        )

    def accept(self) -> None:
        draft = self.draft()
        problem = self._check(draft)
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        self._draft = draft
        super().accept()

    def result_draft(self) -> AeDraft | None:
        return self._draft

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        subject: str,
        now: dt.datetime,
        visits: Sequence[str],
        check: Callable[[AeDraft], str],
        draft: AeDraft | None = None,
    ) -> AeDraft | None:
        """The entered AE, or None when cancelled; ``draft`` prefills the form (correcting a saved AE)."""
        dialog = cls(parent, subject, now, visits, check)
        if draft is not None:
            dialog.set_draft(draft)
        return dialog.result_draft() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True)
class SaeReport:
    kind: ReportKind
    reported_at: dt.datetime
    reported_to: str
    method: str
    notes: str


class SaeReportDialog(QDialog):
    def __init__(self, parent: QWidget | None, term: str, now: dt.datetime, has_initial: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Report SAE: {term}").format(term=term))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox(self)
        for kind in ReportKind:
            self.kind.addItem(ae_label(kind), kind.value)
        self.kind.setCurrentIndex(1 if has_initial else 0)
        self.reported_at = QDateTimeEdit(to_qdatetime(now), self)
        self.reported_at.setCalendarPopup(True)
        self.reported_to = QLineEdit(self)
        self.reported_to.setPlaceholderText(self.tr("Sponsor pharmacovigilance, ethics committee…"))
        self.method = QComboBox(self)
        self.method.setEditable(True)
        self.method.addItems([self.tr("Email"), self.tr("Phone"), self.tr("Fax"), self.tr("EDC")])
        self.notes = QPlainTextEdit(self)
        self.notes.setMaximumHeight(70)
        form.addRow(self.tr("Report"), self.kind)
        form.addRow(self.tr("Reported at"), self.reported_at)
        form.addRow(self.tr("Reported to"), self.reported_to)
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(form)
        self.error = _error_label(self)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))

    def report(self) -> SaeReport:
        return SaeReport(
            ReportKind(self.kind.currentData()),
            from_qdatetime(self.reported_at.dateTime()),
            self.reported_to.text(),
            self.method.currentText(),
            self.notes.toPlainText(),
        )

    def accept(self) -> None:
        if not self.reported_to.text().strip():
            self.error.setText(self.tr("Say to whom the SAE was reported."))
            self.error.show()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, term: str, now: dt.datetime, has_initial: bool) -> SaeReport | None:
        dialog = cls(parent, term, now, has_initial)
        return dialog.report() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True)
class LabEntry:
    sample_date: dt.date
    analyte: str
    value_text: str
    unit: str
    visit_code: str | None


class LabDialog(QDialog):
    def __init__(self, parent: QWidget | None, subject: str, today: dt.date, visits: Sequence[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lab result of {subject}").format(subject=subject))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.analyte = QComboBox(self)
        for item in ANALYTES:
            self.analyte.addItem(analyte_name(item.code), item.code)
        self.value = QLineEdit(self)
        self.unit = QComboBox(self)
        self.sample_date = QDateEdit(to_qdate(today), self)
        self.sample_date.setCalendarPopup(True)
        self.visit = _visit_combo(self, visits, self.tr("(from the date)"))
        self.analyte.currentIndexChanged.connect(self._fill_units)
        self._fill_units()
        form.addRow(self.tr("Analyte"), self.analyte)
        form.addRow(self.tr("Value"), self.value)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Sample date"), self.sample_date)
        form.addRow(self.tr("Visit"), self.visit)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def _fill_units(self) -> None:
        code = self.analyte.currentData()
        item = next(a for a in ANALYTES if a.code == code)
        self.unit.clear()
        for unit in item.units:
            self.unit.addItem(unit or self.tr("(ratio)"), unit)

    def entry(self) -> LabEntry:
        visit = self.visit.currentData()
        return LabEntry(
            from_qdate(self.sample_date.date()),
            str(self.analyte.currentData()),
            self.value.text(),
            str(self.unit.currentData()),
            visit if isinstance(visit, str) else None,
        )

    @classmethod
    def ask(cls, parent: QWidget | None, subject: str, today: dt.date, visits: Sequence[str]) -> LabEntry | None:
        dialog = cls(parent, subject, today, visits)
        return dialog.entry() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True)
class Assessment:
    assessed_on: dt.date
    ascites: str
    encephalopathy: str
    dialysis: bool


class AssessmentDialog(QDialog):
    """The bedside findings the Child-Pugh and MELD scores need besides the lab values."""

    def __init__(self, parent: QWidget | None, subject: str, today: dt.date) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bedside assessment of {subject}").format(subject=subject))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.assessed_on = QDateEdit(to_qdate(today), self)
        self.assessed_on.setCalendarPopup(True)
        self.ascites = QComboBox(self)
        for code, text in zip(
            ASCITES_GRADES, (self.tr("None"), self.tr("Mild"), self.tr("Moderate to severe")), strict=True
        ):
            self.ascites.addItem(text, code)
        self.encephalopathy = QComboBox(self)
        for code, text in zip(
            ENCEPHALOPATHY_GRADES, (self.tr("None"), self.tr("Grade 1-2"), self.tr("Grade 3-4")), strict=True
        ):
            self.encephalopathy.addItem(text, code)
        self.dialysis = QCheckBox(self.tr("Dialysis at least twice in the last week"), self)
        form.addRow(self.tr("Date"), self.assessed_on)
        form.addRow(self.tr("Ascites"), self.ascites)
        form.addRow(self.tr("Hepatic encephalopathy"), self.encephalopathy)
        form.addRow("", self.dialysis)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def assessment(self) -> Assessment:
        return Assessment(
            from_qdate(self.assessed_on.date()),
            str(self.ascites.currentData()),
            str(self.encephalopathy.currentData()),
            self.dialysis.isChecked(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, subject: str, today: dt.date) -> Assessment | None:
        dialog = cls(parent, subject, today)
        return dialog.assessment() if dialog.exec() == QDialog.DialogCode.Accepted else None


class AeSummaryDialog(QDialog):
    """The trial's AE counts by grade, relationship and dose period, with an export to CSV."""

    def __init__(self, parent: QWidget | None, rows: Sequence[SummaryRow], write_csv: Callable[[Path], int]) -> None:
        super().__init__(parent)
        self._write_csv = write_csv
        self.setWindowTitle(self.tr("Trial AE summary"))
        layout = QVBoxLayout(self)
        self.model = AeSummaryModel(self)
        self.model.set_records(rows)
        self.table = QTableView(self)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setModel(self.model)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.error = _error_label(self)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = buttons.addButton(self.tr("Export CSV…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export_csv)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def choose_save_path(self) -> Path | None:
        """Seam: where to write the CSV (None when cancelled)."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the AE summary"), "ae_summary.csv", self.tr("CSV files (*.csv)")
        )
        return Path(path) if path else None

    def export_csv(self) -> None:
        path = self.choose_save_path()
        if path is None:
            return
        try:
            count = self._write_csv(path)
        except OSError as error:
            self.status.clear()
            self.error.setText(self.tr("The CSV was not written: {error}").format(error=str(error)))
            self.error.show()
            return
        self.error.hide()
        self.status.setText(self.tr("{count} row(s) written to {path}").format(count=count, path=str(path)))
