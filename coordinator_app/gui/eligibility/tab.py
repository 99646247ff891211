"""The Eligibility tab: the trial's subjects, and for the selected one, the protocol's criteria."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QLocale, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QWidget

from coordinator_app.domain.subjects import SubjectStatus
from coordinator_app.gui.eligibility.criteria_model import CriteriaTableModel
from coordinator_app.gui.eligibility.subject_model import (
    RECORD_ROLE,
    Column,
    SubjectFilterModel,
    SubjectTableModel,
)
from coordinator_app.gui.formatting import format_date, rich
from coordinator_app.gui.forms.ui_eligibility_tab import Ui_EligibilityTab
from coordinator_app.gui.labels import label
from coordinator_app.services.subjects import SubjectRow
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace

SEARCH_DELAY_MS = 200


class EligibilityTab(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_EligibilityTab()
        self.form.setupUi(self)
        self._workspace = workspace
        self._trial: TrialSummary | None = None

        self.subjects = SubjectTableModel()
        self.proxy = SubjectFilterModel()
        self.proxy.setSourceModel(self.subjects)
        self.criteria = CriteriaTableModel(self)
        table = self.form.subjectTable
        table.setModel(self.proxy)
        table.sortByColumn(Column.SCREENING_NUMBER, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        criteria = self.form.criteriaTable
        criteria.setModel(self.criteria)
        criteria.verticalHeader().hide()
        criteria.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        criteria.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        criteria.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        criteria.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.form.splitter.setStretchFactor(0, 3)
        self.form.splitter.setStretchFactor(1, 2)

        self.form.statusFilter.addItem(self.tr("All statuses"), None)
        for status in SubjectStatus:
            self.form.statusFilter.addItem(label(status), status)
        self.form.statusFilter.currentIndexChanged.connect(self._status_changed)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._reload_subjects)
        self.form.searchField.textChanged.connect(self._search_timer.start)
        self._show_subject(None)

    def show_trial(self, trial: TrialSummary) -> None:
        self._trial = trial
        self.criteria.set_eligibility(self._workspace.trials.protocol(trial.id).eligibility)
        self._reload_subjects()

    def _reload_subjects(self) -> None:
        if self._trial is None:
            return
        rows = self._workspace.subjects.list_subjects(self._trial.id, self.form.searchField.text())
        self.subjects.set_records(rows)
        table = self.form.subjectTable
        table.resizeColumnsToContents()
        self._update_count()
        self._show_subject(None)
        if self.proxy.rowCount() == 1:
            table.selectRow(0)

    def _status_changed(self) -> None:
        self.proxy.set_status(self.form.statusFilter.currentData())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.subjects.rowCount()
        if total == 0 and not self.form.searchField.text():
            text = self.tr("No subjects registered yet")
        else:
            text = self.tr("{shown} of {total} subjects").format(
                shown=QLocale().toString(shown), total=QLocale().toString(total)
            )
        self.form.countLabel.setText(text)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        self._show_subject(indexes[0].data(RECORD_ROLE) if indexes else None)

    def _show_subject(self, subject: SubjectRow | None) -> None:
        f = self.form
        if subject is None:
            f.subjectHeading.setText(self.tr("Select a subject to see their details and the criteria to assess."))
            f.subjectDetails.clear()
            return
        f.subjectHeading.setText(
            f"<b>{rich(subject.subject_number or subject.screening_number)}</b> · {rich(subject.name)}"
        )
        f.subjectDetails.setText(
            self.tr("Screening number {screening} · {sex} · born {born} · screened on {screened} · {status}").format(
                screening=subject.screening_number,
                sex=label(subject.sex),
                born=format_date(subject.date_of_birth),
                screened=format_date(subject.screened_on),
                status=label(subject.status),
            )
        )
