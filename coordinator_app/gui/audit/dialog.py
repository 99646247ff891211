"""The audit trail viewer: a window beside the main one, for the monitor's questions (who changed this subject's
data, what did this user do last week), with the exports for the site file and the hash chain check.

Exports and the chain check read the whole trail, so they run off the UI thread behind a progress dialog.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.errors import ValidationError
from coordinator_app.gui.audit.model import AuditColumn, AuditTrailModel
from coordinator_app.gui.documents.background import BackgroundJob, run_with_progress
from coordinator_app.gui.eligibility.colours import GREEN, RED
from coordinator_app.gui.formatting import from_qdate, to_qdate
from coordinator_app.services.audit_trail import AuditFilter, ChainReport
from coordinator_app.services.workspace import Workspace

_INTACT_STYLE = f"color: {GREEN};"
_BROKEN_STYLE = f"color: {RED}; font-weight: bold;"
_WIDEST_COLUMN = 220  # pixels: long values are cut in the cell and shown whole in the tooltip


class AuditTrailDialog(QDialog):
    """Filters above a lazily filled table of the trail, newest first; exports and the chain check below it."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._trail = workspace.audit_trail
        self.job: BackgroundJob[object] | None = None  # the running export or check, for tests to wait on
        self.setWindowTitle(self.tr("Audit trail"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)
        self.setModal(False)

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_filters())
        self.model = AuditTrailModel(self._trail, parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # one line each: measuring rows would read them all
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)

        bottom = QHBoxLayout()
        self.count_label = QLabel(self)
        bottom.addWidget(self.count_label, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.verify_button = buttons.addButton(self.tr("&Verify chain"), QDialogButtonBox.ButtonRole.ActionRole)
        self.csv_button = buttons.addButton(self.tr("Export &CSV…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = buttons.addButton(self.tr("Export &PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.verify_button.clicked.connect(self.verify_chain)
        self.csv_button.clicked.connect(self.export_csv)
        self.pdf_button.clicked.connect(self.export_pdf)
        buttons.rejected.connect(self.close)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self._total = 0
        self.resize(1200, 680)
        self.reload_choices()
        self.apply_filter()
        self._size_columns()

    def _build_filters(self) -> QGridLayout:
        grid = QGridLayout()
        self.subject_combo = QComboBox(self)
        self.user_combo = QComboBox(self)
        self.table_combo = QComboBox(self)
        for combo in (self.subject_combo, self.user_combo, self.table_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        today = to_qdate(dt.date.today())
        self.from_check = QCheckBox(self.tr("&From"), self)
        self.from_date = QDateEdit(today.addDays(-30), self)
        self.to_check = QCheckBox(self.tr("T&o"), self)
        self.to_date = QDateEdit(today, self)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
        self.apply_button = QPushButton(self.tr("&Apply"), self)
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_filter)

        for column, (text, combo) in enumerate(
            ((self.tr("&Subject:"), self.subject_combo), (self.tr("&User:"), self.user_combo))
        ):
            label = QLabel(text, self)
            label.setBuddy(combo)
            grid.addWidget(label, 0, 2 * column)
            grid.addWidget(combo, 0, 2 * column + 1)
        table_label = QLabel(self.tr("&Table:"), self)
        table_label.setBuddy(self.table_combo)
        grid.addWidget(table_label, 0, 4)
        grid.addWidget(self.table_combo, 0, 5)
        dates = QHBoxLayout()
        for widget in (self.from_check, self.from_date, self.to_check, self.to_date):
            dates.addWidget(widget)
        grid.addLayout(dates, 0, 6)
        grid.addWidget(self.apply_button, 0, 7)
        grid.setColumnStretch(8, 1)
        return grid

    # -- filtering -------------------------------------------------------------------------------------------

    def reload_choices(self) -> None:
        """Refill the filter lists from the database, keeping what is chosen where it still exists."""
        subjects = self._trail.subjects()
        several_trials = len({subject.trial_nct_id for subject in subjects}) > 1  # numbers repeat across trials
        self._fill(
            self.subject_combo,
            self.tr("All subjects"),
            [(f"{s.trial_nct_id} · {s.label}" if several_trials else s.label, s.id) for s in subjects],
        )
        self._fill(self.user_combo, self.tr("All users"), [(actor, actor) for actor in self._trail.actors()])
        self._fill(self.table_combo, self.tr("All tables"), [(table, table) for table in self._trail.tables()])

    @staticmethod
    def _fill(combo: QComboBox, everything: str, choices: list[tuple[str, object]]) -> None:
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(everything, None)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))

    def current_filter(self) -> AuditFilter:
        """The filter the widgets describe (ValidationError for a range that ends before it starts)."""
        return AuditFilter(
            subject_id=self.subject_combo.currentData(),
            actor=self.user_combo.currentData(),
            table=self.table_combo.currentData(),
            first_day=from_qdate(self.from_date.date()) if self.from_check.isChecked() else None,
            last_day=from_qdate(self.to_date.date()) if self.to_check.isChecked() else None,
        )

    def apply_filter(self) -> None:
        try:
            audit_filter = self.current_filter()
        except ValidationError:
            self._show_message(self.tr("The date range ends before it starts."), _BROKEN_STYLE)
            return
        self.message.hide()
        self._total = self._trail.count(audit_filter)
        self.model.set_filter(audit_filter)

    def refresh(self) -> None:
        """Re-read the filter lists and the rows: the trail has grown since the window was opened."""
        self.reload_choices()
        self.apply_filter()

    def show_subject(self, subject_id: int) -> None:
        """Show one subject's history (every table, every user, any date)."""
        self.reload_choices()
        self.subject_combo.setCurrentIndex(max(self.subject_combo.findData(subject_id), 0))
        self.user_combo.setCurrentIndex(0)
        self.table_combo.setCurrentIndex(0)
        self.from_check.setChecked(False)
        self.to_check.setChecked(False)
        self.apply_filter()

    def _update_count(self) -> None:
        locale = QLocale()
        loaded, total = self.model.rowCount(), self._total
        if loaded >= total:
            text = self.tr("{total} row(s)").format(total=locale.toString(total))
        else:
            text = self.tr("{loaded} of {total} row(s) loaded, newest first; scroll down for more").format(
                loaded=locale.toString(loaded), total=locale.toString(total)
            )
        self.count_label.setText(text)

    def _size_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in AuditColumn:
            header.resizeSection(column, min(header.sectionSize(column), _WIDEST_COLUMN))

    # -- exports and the chain check ----------------------------------------------------------------------------

    def choose_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        """Seam: where to write an export (None when cancelled)."""
        name, _filter = QFileDialog.getSaveFileName(self, title, suggested, file_filter)
        return Path(name) if name else None

    def export_csv(self) -> None:
        path = self.choose_save_path(self.tr("Export the audit trail"), "audit_trail.csv", self.tr("CSV files (*.csv)"))
        if path is not None:
            audit_filter = self.model.audit_filter
            self._export(path, lambda: self._trail.export_csv(path, audit_filter))

    def export_pdf(self) -> None:
        path = self.choose_save_path(self.tr("Export the audit trail"), "audit_trail.pdf", self.tr("PDF files (*.pdf)"))
        if path is not None:
            audit_filter = self.model.audit_filter
            user = self._workspace.user
            who = user.display_name if user else ""
            self._export(path, lambda: self._trail.export_pdf(path, audit_filter, generated_by=who))

    def _export(self, path: Path, write: Callable[[], int]) -> None:
        def done(results: list[object]) -> None:
            count = results[0]
            assert isinstance(count, int)
            text = self.tr("{count} row(s) written to {path}").format(count=QLocale().toString(count), path=str(path))
            self._show_message(text, "")

        self._run(self.tr("Exporting the audit trail…"), write, done)

    def verify_chain(self) -> None:
        def done(results: list[object]) -> None:
            report = results[0]
            assert isinstance(report, ChainReport)
            self.show_report(report)

        self._run(self.tr("Checking the hash chain of every audit row…"), self._trail.verify, done)

    def show_report(self, report: ChainReport) -> None:
        rows = QLocale().toString(report.rows_checked)
        if report.problem is None:
            self._show_message(self.tr("Hash chain intact: {rows} row(s) checked.").format(rows=rows), _INTACT_STYLE)
        else:
            self._show_message(
                self.tr("Hash chain broken at audit row {row}: {problem}. It was altered outside the app.").format(
                    row=report.problem.row_id, problem=report.problem.problem
                ),
                _BROKEN_STYLE,
            )

    def _run(self, label: str, step: Callable[[], object], done: Callable[[list[object]], None]) -> None:
        self.job = run_with_progress(
            self,
            self.tr("Audit trail"),
            label,
            [step],
            done,
            lambda error: self._show_message(self.tr("Not finished: {error}").format(error=error), _BROKEN_STYLE),
        )

    def _show_message(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.show()
