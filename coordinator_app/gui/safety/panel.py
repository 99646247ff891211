"""The Safety & labs panel of one subject: adverse events with their SAE clocks, lab results, bedside findings
and the trend of the liver scores around the two infusions.

Dialogs are reached through the ``ask_*`` / ``show_*`` seams tests replace; service errors are shown with their
message and nothing is changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.access import Permission, SignatureMeaning
from coordinator_app.domain.adverse_events import AeDraft, Seriousness, grade_label, validate_ae
from coordinator_app.domain.errors import (
    ConcurrentChangeError,
    NotFoundError,
    PermissionDeniedError,
    ReasonRequiredError,
    ValidationError,
)
from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.gui.access.roles import may
from coordinator_app.gui.access.signature_dialog import (
    SignatureDialog,
    SignatureInput,
    SignatureRequest,
    sign,
    signature_request,
)
from coordinator_app.gui.conflicts import ask_reload
from coordinator_app.gui.formatting import format_date, format_instant, rich
from coordinator_app.gui.safety.dialogs import (
    AeDialog,
    AeSummaryDialog,
    Assessment,
    AssessmentDialog,
    LabDialog,
    LabEntry,
    SaeReport,
    SaeReportDialog,
)
from coordinator_app.gui.safety.models import AeRow, AeTableModel, LabTableModel, ae_label, analyte_name, language
from coordinator_app.services.adverse_events import AeRecord
from coordinator_app.services.workspace import Workspace

if TYPE_CHECKING:
    from coordinator_app.gui.safety.chart import Marker, TrendChart

_CAP = 220
_LAB_SERIES = ("alb", "tbil", "inr")


def _table(parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return table


class SafetyPanel(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._subject_id: int | None = None
        self._subject_label = ""
        self._trial_id: int | None = None
        self.ae_model = AeTableModel(self)
        self.lab_model = LabTableModel(self)

        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        # In a scroll area: the calendar tab must still fit the smallest main window.
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        splitter = QSplitter(Qt.Orientation.Vertical)
        scroll.setWidget(splitter)
        layout.addWidget(scroll, 1)

        ae_group = QGroupBox(self.tr("Adverse events"), splitter)
        ae_layout = QVBoxLayout(ae_group)
        self.ae_table = _table(ae_group)
        self.ae_table.setModel(self.ae_model)
        ae_layout.addWidget(self.ae_table)
        self.report_history = QLabel(ae_group)
        self.report_history.setObjectName("reportHistory")
        self.report_history.setWordWrap(True)
        self.report_history.hide()
        ae_layout.addWidget(self.report_history)
        ae_buttons = QHBoxLayout()
        self.add_ae_button = QPushButton(self.tr("Add AE…"), ae_group)
        self.edit_ae_button = QPushButton(self.tr("Edit AE…"), ae_group)
        self.edit_ae_button.setToolTip(self.tr("Correct the selected adverse event (the change needs a reason)"))
        self.summary_button = QPushButton(self.tr("Trial AE summary…"), ae_group)
        self.summary_button.setToolTip(self.tr("Counts of the trial's AEs by grade, relationship and dose period"))
        self.report_button = QPushButton(self.tr("Report SAE…"), ae_group)
        self.report_button.setToolTip(self.tr("Record the initial or a follow-up report of the selected SAE"))
        self.sign_button = QPushButton(self.tr("Sign assessment…"), ae_group)
        self.sign_button.setToolTip(
            self.tr(
                "An investigator signs the selected AE's grade, seriousness, relationship and expectedness with "
                "their user name and password"
            )
        )
        ae_buttons.addWidget(self.add_ae_button)
        ae_buttons.addWidget(self.edit_ae_button)
        ae_buttons.addWidget(self.report_button)
        ae_buttons.addWidget(self.sign_button)
        ae_buttons.addStretch(1)
        ae_buttons.addWidget(self.summary_button)
        ae_layout.addLayout(ae_buttons)

        lab_group = QGroupBox(self.tr("Lab results"), splitter)
        lab_layout = QVBoxLayout(lab_group)
        self.lab_table = _table(lab_group)
        self.lab_table.setModel(self.lab_model)
        lab_layout.addWidget(self.lab_table)
        lab_buttons = QHBoxLayout()
        self.lab_button = QPushButton(self.tr("Enter lab result…"), lab_group)
        self.assessment_button = QPushButton(self.tr("Bedside assessment…"), lab_group)
        self.assessment_button.setToolTip(
            self.tr("Ascites, encephalopathy and dialysis: with the lab values they give Child-Pugh and MELD")
        )
        lab_buttons.addWidget(self.lab_button)
        lab_buttons.addWidget(self.assessment_button)
        lab_buttons.addStretch(1)
        lab_layout.addLayout(lab_buttons)

        trend_group = QGroupBox(self.tr("Trend (dashed lines: infusions)"), splitter)
        trend_layout = QVBoxLayout(trend_group)
        choices = QHBoxLayout()
        self.series_boxes: dict[str, QCheckBox] = {}
        for code in _LAB_SERIES:
            box = QCheckBox(analyte_name(code), trend_group)
            box.toggled.connect(self._show_chart)
            choices.addWidget(box)
            self.series_boxes[code] = box
        choices.addStretch(1)
        trend_layout.addLayout(choices)
        self._trend_layout = trend_layout
        self._chart: TrendChart | None = None  # made when first needed: the panel is not on the first screen
        splitter.setSizes([220, 200, 260])

        self.add_ae_button.clicked.connect(self.add_ae)
        self.edit_ae_button.clicked.connect(self.edit_ae)
        self.summary_button.clicked.connect(self.show_summary)
        self.report_button.clicked.connect(self.report_sae)
        self.sign_button.clicked.connect(self.sign_assessment)
        self.lab_button.clicked.connect(self.enter_lab)
        self.assessment_button.clicked.connect(self.enter_assessment)
        self.ae_table.selectionModel().selectionChanged.connect(self._update_actions)
        self.set_subject(None)

    # -- the subject ---------------------------------------------------------------------------

    def subject_id(self) -> int | None:
        return self._subject_id

    def set_subject(self, subject_id: int | None) -> None:
        self._subject_id = subject_id
        self._subject_label = ""
        self._trial_id = None
        if subject_id is not None:
            try:
                self._trial_id, self._subject_label = self._workspace.screening.label(subject_id)
            except NotFoundError:
                self._subject_id = None
        self.reload()

    def reload(self) -> None:
        subject_id = self._subject_id
        if subject_id is None:
            self.heading.setText(self.tr("Choose a subject on the “Subject timeline” page."))
            self.ae_model.set_records([])
            self.lab_model.set_records([])
            self._show_chart()
            self._update_actions()
            return
        now = self.now()
        events = self._workspace.adverse_events
        rows = [AeRow(r, events.clock(r.id, now)) for r in events.list_for_subject(subject_id)]
        self.ae_model.set_records(rows)
        self.lab_model.set_records(self._workspace.labs.results(subject_id))
        serious = sum(1 for r in rows if r.record.draft.serious)
        self.heading.setText(
            self.tr("<b>{subject}</b>: {count} adverse event(s), {serious} serious · {labs} lab value(s)").format(
                subject=self._subject_label, count=len(rows), serious=serious, labs=self.lab_model.rowCount()
            )
        )
        for table in (self.ae_table, self.lab_table):
            table.resizeColumnsToContents()
            header = table.horizontalHeader()
            for column in range(header.count() - 1):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                if header.sectionSize(column) > _CAP:
                    header.resizeSection(column, _CAP)
        self._show_chart()
        self._update_actions()

    @property
    def chart(self) -> TrendChart:
        """The trend chart, made on first use: when the panel is first shown, or asked for."""
        return self._make_chart() if self._chart is None else self._chart

    def showEvent(self, event: QShowEvent) -> None:
        if self._chart is None:
            self._make_chart()
        super().showEvent(event)

    def _make_chart(self) -> TrendChart:
        from coordinator_app.gui.safety.chart import TrendChart

        self._chart = TrendChart()
        self._trend_layout.addWidget(self._chart, 1)  # into the trend group
        self._chart.show()  # now, when the panel is being shown (a layout would show it only on the next event)
        self._show_chart()
        return self._chart

    def _show_chart(self) -> None:
        if self._chart is None:
            return  # the chart is filled when it is made
        from coordinator_app.gui.safety.chart import Series

        subject_id = self._subject_id
        if subject_id is None:
            self.chart.set_data([], [])
            return
        scores = self._workspace.labs.scores(subject_id)
        series = [
            Series(self.tr("MELD"), tuple((s.sample_date, float(s.meld)) for s in scores if s.meld is not None)),
            Series(
                self.tr("Child-Pugh score"),
                tuple((s.sample_date, float(s.child_pugh_score)) for s in scores if s.child_pugh_score is not None),
            ),
        ]
        values = self.lab_model.records()
        for code, box in self.series_boxes.items():
            if box.isChecked():
                own = [v for v in values if v.analyte == code]
                unit = own[0].unit if own else ""
                name = f"{analyte_name(code)} ({unit})" if unit else analyte_name(code)
                series.append(Series(name, tuple((v.sample_date, float(v.value)) for v in own)))
        self.chart.set_data(series, self._infusion_markers(subject_id))

    def _infusion_markers(self, subject_id: int) -> list[Marker]:
        from coordinator_app.gui.safety.chart import Marker

        schedule = self._workspace.schedules.schedule(subject_id)
        if schedule is None:
            return []
        given = [
            v.actual
            for v in schedule.visits
            if v.definition.infusion and v.status is VisitStatus.DONE and v.actual is not None
        ]
        return [Marker(self.tr("D{n}").format(n=n), day) for n, day in enumerate(given[:2], start=1)]

    def _visit_codes(self) -> list[str]:
        if self._subject_id is None:
            return []
        try:
            return [v.code for v in self._workspace.schedules.plan_of_subject(self._subject_id).visits]
        except (ValidationError, NotFoundError):
            return []

    def selected_ae(self) -> AeRecord | None:
        rows = self.ae_table.selectionModel().selectedRows()
        return self.ae_model.record(rows[0].row()).record if rows else None

    def _update_actions(self) -> None:
        """What the selection allows, for a role that records safety data (a monitor only reads)."""
        has_subject = self._subject_id is not None
        records = may(self._workspace, Permission.RECORD_SAFETY)
        for button in (self.add_ae_button, self.lab_button, self.assessment_button):
            button.setEnabled(has_subject and records)
        self.summary_button.setEnabled(has_subject)
        selected = self.selected_ae()
        self.edit_ae_button.setEnabled(records and selected is not None)
        self.report_button.setEnabled(records and selected is not None and selected.draft.serious)
        self.sign_button.setEnabled(records and selected is not None and not selected.assessment_current)
        self._show_report_history(selected)

    def _show_report_history(self, record: AeRecord | None) -> None:
        """The SAE reports of the selected AE: which, when and to whom."""
        if record is None or not record.draft.serious:
            self.report_history.clear()
            self.report_history.hide()
            return
        lines = [
            self.tr("{kind} · {when} · to {to}{method}").format(
                kind=ae_label(report.kind),
                when=format_instant(report.reported_at),
                to=report.reported_to,
                method=self.tr(" ({method})").format(method=report.method) if report.method else "",
            )
            for report in record.reports
        ]
        self.report_history.setText(
            self.tr("SAE reports: {reports}").format(reports="; ".join(lines))
            if lines
            else self.tr("SAE reports: none yet")
        )
        self.report_history.show()

    # -- seams: time, dialogs and message boxes (tests replace these) -------------------------

    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone()

    def today(self) -> dt.date:
        return self.now().date()

    def check_ae(self, draft: AeDraft) -> str:
        """The first problem of the draft by the domain's rules, or ""."""
        try:
            validate_ae(draft, self.today())
        except ValidationError as error:
            return str(error)
        return ""

    def ask_ae(self) -> AeDraft | None:
        return AeDialog.ask(self, self._subject_label, self.now(), self._visit_codes(), self.check_ae)

    def ask_ae_edit(self, record: AeRecord) -> AeDraft | None:
        return AeDialog.ask(
            self, self._subject_label, self.now(), self._visit_codes(), self.check_ae, draft=record.draft
        )

    def ask_reason(self, title: str, text: str) -> str | None:
        """The reason for changing saved data, or None when cancelled or left empty."""
        reason, ok = QInputDialog.getText(self, title, text)
        return reason.strip() if ok and reason.strip() else None

    def summary_dialog(self) -> AeSummaryDialog | None:
        """The trial AE summary dialog (not shown yet), or None without a subject."""
        trial_id = self._trial_id
        if trial_id is None:
            return None
        events = self._workspace.adverse_events
        return AeSummaryDialog(
            self, events.summary(trial_id).rows(), lambda path: events.write_summary_csv(trial_id, path)
        )

    def ask_sae_report(self, record: AeRecord) -> SaeReport | None:
        return SaeReportDialog.ask(self, record.draft.term, self.now(), record.initial_report is not None)

    def ask_lab(self) -> LabEntry | None:
        return LabDialog.ask(self, self._subject_label, self.today(), self._visit_codes())

    def ask_assessment(self) -> Assessment | None:
        return AssessmentDialog.ask(self, self._subject_label, self.today())

    def ask_signature(self, request: SignatureRequest) -> SignatureInput | None:
        return SignatureDialog.ask(self, request)

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def ask_reload(self, title: str, error: ConcurrentChangeError) -> bool:
        return ask_reload(self, title, error)

    # -- commands ------------------------------------------------------------------------------

    def add_ae(self) -> None:
        if self._subject_id is None:
            return
        draft = self.ask_ae()
        if draft is None:
            return
        try:
            self._workspace.adverse_events.record(self._subject_id, draft, self._workspace.actor, self.today())
        except (ValidationError, NotFoundError, PermissionDeniedError) as error:
            self.show_error(self.tr("Adverse event not saved"), str(error))
            return
        self.reload()

    def edit_ae(self) -> None:
        record = self.selected_ae()
        if record is None:
            return
        draft = self.ask_ae_edit(record)
        if draft is None:
            return
        reason = self.ask_reason(
            self.tr("Reason for the change"),
            self.tr("Why is the adverse event “{term}” changed?").format(term=record.draft.term),
        )
        if reason is None:
            return
        try:
            self._workspace.adverse_events.update(
                record.id, draft, self._workspace.actor, reason, self.today(), expected_version=record.version
            )
        except ConcurrentChangeError as error:
            if self.ask_reload(self.tr("Adverse event not saved"), error):
                self.reload()
            return
        except (ValidationError, NotFoundError, PermissionDeniedError) as error:
            self.show_error(self.tr("Adverse event not saved"), str(error))
            return
        self.reload()
        self._select_ae(record.id)

    def _assessment_summary(self, record: AeRecord) -> str:
        """What the investigator signs: the AE and the judgements the signature covers."""
        draft = record.draft
        if draft.serious:
            criteria = ", ".join(ae_label(c) for c in Seriousness if c in draft.seriousness_criteria)
            serious = self.tr("serious ({criteria})").format(criteria=criteria)
        else:
            serious = self.tr("not serious")
        return self.tr(
            "<b>{subject}</b> · {term}, onset {onset}: grade {grade}; {serious}; relationship to the cells: "
            "{relationship}; {expected}."
        ).format(
            subject=rich(self._subject_label),
            term=rich(draft.term),
            onset=format_date(draft.onset_date),
            grade=rich(grade_label(draft.grade, language())),
            serious=rich(serious),
            relationship=rich(ae_label(draft.relationship).lower()),
            expected=self.tr("expected") if draft.expected else self.tr("unexpected"),
        )

    def sign_assessment(self) -> None:
        """An investigator signs the selected AE's assessment ("assessed adverse event")."""
        record = self.selected_ae()
        if record is None:
            return
        request = signature_request(
            self._workspace,
            SignatureMeaning.ASSESSED_ADVERSE_EVENT,
            self.tr("Sign the assessment of “{term}”").format(term=record.draft.term),
            self._assessment_summary(record),
        )
        events = self._workspace.adverse_events
        try:
            signed = sign(request, self.ask_signature, lambda s: events.sign_assessment(record.id, s.credentials))
        except (ValidationError, NotFoundError) as error:
            self.show_error(self.tr("Assessment not signed"), str(error))
            return
        if signed is not None:
            self.reload()
            self._select_ae(record.id)

    def _select_ae(self, ae_id: int) -> None:
        for row, item in enumerate(self.ae_model.records()):
            if item.record.id == ae_id:
                self.ae_table.selectRow(row)
                return

    def show_summary(self) -> None:
        dialog = self.summary_dialog()
        if dialog is not None:
            dialog.exec()
            dialog.deleteLater()

    def _ask_change_reason(self, error: ReasonRequiredError) -> str | None:
        return self.ask_reason(
            self.tr("Reason for the change"),
            self.tr("{problem}\n\nReason:").format(problem=str(error)),
        )

    def report_sae(self) -> None:
        record = self.selected_ae()
        if record is None:
            return
        report = self.ask_sae_report(record)
        if report is None:
            return
        try:
            self._workspace.adverse_events.report_sae(
                record.id,
                report.kind,
                report.reported_at,
                report.reported_to,
                report.method,
                report.notes,
                self._workspace.actor,
                self.now(),
            )
        except (ValidationError, NotFoundError, PermissionDeniedError) as error:
            self.show_error(self.tr("SAE report not saved"), str(error))
            return
        self.reload()

    def enter_lab(self) -> None:
        if self._subject_id is None:
            return
        entry = self.ask_lab()
        if entry is None:
            return
        subject_id = self._subject_id
        saved = self._save_with_reason(
            self.tr("Lab result not saved"),
            lambda reason: self._workspace.labs.record(
                subject_id,
                entry.sample_date,
                entry.analyte,
                entry.value_text,
                entry.unit,
                self._workspace.actor,
                visit_code=entry.visit_code,
                reason=reason,
            ),
        )
        if saved:
            self.reload()

    def enter_assessment(self) -> None:
        if self._subject_id is None:
            return
        answer = self.ask_assessment()
        if answer is None:
            return
        subject_id = self._subject_id
        saved = self._save_with_reason(
            self.tr("Assessment not saved"),
            lambda reason: self._workspace.labs.record_assessment(
                subject_id,
                answer.assessed_on,
                answer.ascites,
                answer.encephalopathy,
                answer.dialysis,
                self._workspace.actor,
                reason=reason,
            ),
        )
        if saved:
            self.reload()

    def _save_with_reason(self, failure_title: str, save: Callable[[str], object]) -> bool:
        """Save; when a stored value would be replaced, ask why and save again with the reason."""
        reason = ""
        while True:
            try:
                save(reason)
                return True
            except ReasonRequiredError as error:
                if reason:
                    self.show_error(failure_title, str(error))
                    return False
                asked = self._ask_change_reason(error)
                if asked is None:
                    return False
                reason = asked
            except (ValidationError, NotFoundError, PermissionDeniedError) as error:
                self.show_error(failure_title, str(error))
                return False
