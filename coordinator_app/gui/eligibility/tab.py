"""The Eligibility tab: the paper screening checklist and the Excel screening log, in one place.

Left, the trial's subjects with their status and current verdict. Right, the selected subject: who they are,
the assessment date, consent, the checklist of every criterion with its state and the values it read, the
facts entered from the source documents, the investigator's sign-off and the status actions. Every change
goes through the screening service; a signed verdict asks for a reason first and is then superseded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelection, QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QHeaderView, QMenu, QMessageBox, QToolButton, QWidget

from coordinator_app.domain.access import Permission, SignatureMeaning
from coordinator_app.domain.eligibility import CriterionState, Verdict, format_fact, parse_fact
from coordinator_app.domain.errors import (
    ConcurrentChangeError,
    NotFoundError,
    PermissionDeniedError,
    ReasonRequiredError,
    ValidationError,
)
from coordinator_app.domain.protocol import Protocol
from coordinator_app.domain.subjects import TRANSITIONS, SubjectStatus
from coordinator_app.gui.access.roles import may
from coordinator_app.gui.access.signature_dialog import (
    SignatureDialog,
    SignatureInput,
    SignatureRequest,
    sign,
    signature_request,
)
from coordinator_app.gui.conflicts import ask_reload
from coordinator_app.gui.documents.printing import DocumentPrinter
from coordinator_app.gui.eligibility.checklist_model import ChecklistColumn, ChecklistModel
from coordinator_app.gui.eligibility.colours import banner_style
from coordinator_app.gui.eligibility.dialogs import (
    ConsentDialog,
    ConsentInput,
    ProblemsDialog,
    ReasonDialog,
    StatusChange,
    StatusDialog,
    StatusInput,
    SubjectDialog,
)
from coordinator_app.gui.eligibility.facts_model import FactColumn, FactsModel, FactValueDelegate
from coordinator_app.gui.eligibility.subject_model import (
    RECORD_ROLE,
    Column,
    SubjectFilterModel,
    SubjectTableModel,
    age,
)
from coordinator_app.gui.eligibility.text import best, date_edit_format, format_fact_value, item_name
from coordinator_app.gui.formatting import format_date, format_instant, from_qdate, rich, to_qdate
from coordinator_app.gui.forms.ui_eligibility_tab import Ui_EligibilityTab
from coordinator_app.gui.labels import label, signature_meaning
from coordinator_app.gui.table_model import SIZED_ROWS
from coordinator_app.services.concurrency import ABSENT
from coordinator_app.services.screening import FactEntry, Signoff, SubjectDetail, SubjectDraft
from coordinator_app.services.screening_import import ScreeningImportError
from coordinator_app.services.subject_summaries import SubjectRow
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace

CONSENT_DUTIES = frozenset({"Obtain informed consent"})

# Columns the subject list shows first (the model keeps its own order; the header moves them).
_VISUAL_ORDER = (
    Column.SCREENING_NUMBER,
    Column.NAME,
    Column.STATUS,
    Column.VERDICT,
    Column.SUBJECT_NUMBER,
    Column.SEX,
    Column.AGE,
    Column.SCREENED_ON,
    Column.IDENTITY,
)


class EligibilityTab(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_EligibilityTab()
        self.form.setupUi(self)
        self._workspace = workspace
        self._trial: TrialSummary | None = None
        self._protocol: Protocol | None = None
        self._current: SubjectDetail | None = None
        self._busy = False  # a change is being saved: a second one (an editor losing focus to a dialog) waits

        self.subjects = SubjectTableModel(workspace.screening.current_signoff, self)
        self.proxy = SubjectFilterModel(self)
        self.proxy.setSourceModel(self.subjects)
        self.checklist = ChecklistModel(self)
        self.criteria = self.checklist
        self.facts = FactsModel(self)
        if may(workspace, Permission.SCREEN):  # otherwise the facts are read-only
            self.facts.set_committer(self._commit_fact, self.form.sourceField.text)
        self._setup_tables()
        self._connect()

        self.form.statusFilter.addItem(self.tr("All statuses"), None)
        for status in SubjectStatus:
            self.form.statusFilter.addItem(label(status), status.value)
        self.form.splitter.setStretchFactor(0, 2)
        self.form.splitter.setStretchFactor(1, 3)
        self.form.splitter.setSizes([360, 800])
        self.form.assessmentDateEdit.setDisplayFormat(date_edit_format())
        self.form.checklistSplitter.setStretchFactor(0, 3)
        self.form.checklistSplitter.setStretchFactor(1, 2)
        self.form.checklistSplitter.setSizes([690, 470])
        self.form.mainSplitter.setStretchFactor(0, 2)
        self.form.mainSplitter.setStretchFactor(1, 3)
        self.form.mainSplitter.setSizes([280, 420])
        self.form.registerButton.setEnabled(False)
        self.form.importButton.setEnabled(False)
        self.form.exportButton.setEnabled(False)
        self._build_print_menu()
        self._show_detail(None)

    def _build_print_menu(self) -> None:
        """The subject's consent form and checklist, and the screening log, previewed before printing."""
        self.printer = DocumentPrinter(self._workspace, self)
        menu = QMenu(self)
        self.print_consent_action = QAction(self.tr("Consent form for the selected subject…"), self)
        self.print_checklist_action = QAction(self.tr("Eligibility checklist for the selected subject…"), self)
        self.print_log_action = QAction(self.tr("Screening log…"), self)
        self.print_consent_action.triggered.connect(self.print_consent_form)
        self.print_checklist_action.triggered.connect(self.print_checklist)
        self.print_log_action.triggered.connect(self.print_screening_log)
        menu.addActions([self.print_consent_action, self.print_checklist_action, self.print_log_action])
        self.print_button = QToolButton(self)
        self.print_button.setText(self.tr("&Print"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_button.setMenu(menu)
        self.form.filterBar.addWidget(self.print_button)
        self._update_print_actions()

    def _update_print_actions(self) -> None:
        subject = self.current_subject()
        self.print_consent_action.setEnabled(subject is not None and may(self._workspace, Permission.PRINT))
        self.print_checklist_action.setEnabled(subject is not None)
        self.print_log_action.setEnabled(self._trial is not None)

    def print_consent_form(self) -> None:
        subject = self.current_subject()
        if subject is not None and self._trial is not None:
            self.printer.consent_form(self._trial.id, subject.screening_number)

    def print_checklist(self) -> None:
        subject = self.current_subject()
        if subject is not None and self._trial is not None:
            self.printer.eligibility_checklist(self._trial.id, subject.screening_number)

    def print_screening_log(self) -> None:
        if self._trial is not None:
            self.printer.screening_log(self._trial.id)

    def _setup_tables(self) -> None:
        form = self.form
        table = form.subjectTable
        table.setModel(self.proxy)
        table.sortByColumn(Column.SCREENING_NUMBER, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(SIZED_ROWS)
        for position, column in enumerate(_VISUAL_ORDER):
            header.moveSection(header.visualIndex(column), position)

        checklist = form.checklistTable
        checklist.setModel(self.checklist)
        checklist.verticalHeader().hide()
        checklist.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = checklist.horizontalHeader()
        header.setSectionResizeMode(ChecklistColumn.CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ChecklistColumn.CRITERION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ChecklistColumn.STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ChecklistColumn.BASIS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ChecklistColumn.BASIS, 270)

        facts = form.factsTable
        facts.setModel(self.facts)
        facts.setItemDelegate(FactValueDelegate(facts))
        facts.verticalHeader().hide()
        facts.setWordWrap(True)
        facts.verticalHeader().setMinimumSectionSize(facts.fontMetrics().height() + 12)
        facts.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = facts.horizontalHeader()
        header.setSectionResizeMode(FactColumn.FACT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FactColumn.VALUE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FactColumn.SOURCE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(FactColumn.VALUE, 125)
        header.resizeSection(FactColumn.SOURCE, 125)

    def _connect(self) -> None:
        form = self.form
        form.subjectTable.selectionModel().selectionChanged.connect(self._selection_changed)
        form.searchField.textChanged.connect(self._search_changed)
        form.statusFilter.currentIndexChanged.connect(self._status_changed)
        form.registerButton.clicked.connect(self.register_subject)
        form.importButton.clicked.connect(self.import_log)
        form.exportButton.clicked.connect(self.export_log)
        form.editDetailsButton.clicked.connect(self.edit_details)
        form.assessmentApplyButton.clicked.connect(self.apply_assessment_date)
        form.assessmentDateEdit.dateChanged.connect(self._update_assessment_button)
        form.consentButton.clicked.connect(self.record_consent)
        form.signButton.clicked.connect(self.sign_verdict)
        form.enrolButton.clicked.connect(self.enrol)
        form.screenFailButton.clicked.connect(self.screen_fail)
        form.withdrawButton.clicked.connect(self.withdraw)
        form.completeButton.clicked.connect(self.complete)

    # -- the trial and the list ----------------------------------------------------------------

    def show_trial(self, trial: TrialSummary) -> None:
        self._trial = trial
        self._protocol = self._workspace.trials.protocol(trial.id)
        self.checklist.set_eligibility(self._protocol.eligibility)
        self.facts.set_definitions(self._protocol.eligibility.facts)
        self.form.registerButton.setEnabled(may(self._workspace, Permission.SCREEN))
        self.form.importButton.setEnabled(may(self._workspace, Permission.IMPORT))
        self.form.exportButton.setEnabled(True)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """Re-read the trial's subjects, keeping (or moving to) a selected subject."""
        if self._trial is None:
            return
        keep = select_id if select_id is not None else (self._current.id if self._current else None)
        self._current = None
        screening, trial_id = self._workspace.screening, self._trial.id
        if self.proxy.is_filtered():  # a filter looks at every subject: all of them at once
            self.subjects.set_records(screening.rows(trial_id))
        else:
            self.subjects.show_pages(
                lambda after, limit: screening.rows(trial_id, after, limit), screening.subject_count(trial_id)
            )
        self.form.subjectTable.resizeColumnsToContents()
        self._update_count()
        if keep is None or not self.select_subject(keep):
            self._show_detail(None)

    def select_subject(self, subject_id: int) -> bool:
        """Select and show a subject; False when it is unknown or filtered out."""
        row = self.subjects.row_of(subject_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.subjects.index(row, 0))
        if not index.isValid():
            return False
        self.form.subjectTable.selectRow(index.row())
        self.form.subjectTable.scrollTo(index)
        return True

    def current_subject(self) -> SubjectDetail | None:
        return self._current

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.form.subjectTable.selectionModel().selectedRows()
        if rows:
            subject = rows[0].data(RECORD_ROLE)
            if isinstance(subject, SubjectRow) and (self._current is None or self._current.id != subject.id):
                self._show_detail(self._workspace.screening.detail(subject.id))

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._after_filter()

    def _status_changed(self, _index: int) -> None:
        value = self.form.statusFilter.currentData()
        self.proxy.set_status(SubjectStatus(value) if value else None)
        self._after_filter()

    def _after_filter(self) -> None:
        self._update_count()
        if self.proxy.rowCount() == 1:
            self.form.subjectTable.selectRow(0)

    def _update_count(self) -> None:
        form = self.form
        total = self.subjects.total()
        shown = self.proxy.rowCount() if self.proxy.is_filtered() else total
        locale = QLocale()
        form.countLabel.setText(
            self.tr("{shown} of {total} subjects").format(shown=locale.toString(shown), total=locale.toString(total))
        )
        if shown:
            form.listStack.setCurrentWidget(form.listPage)
            return
        if total == 0:
            text = self.tr(
                "No subjects registered yet. Use “Register subject…” for a new candidate, or import the site's "
                "screening log."
            )
        else:
            text = self.tr("No subject matches the search or status. Clear the search to see everyone.")
        form.listEmptyLabel.setText(text)
        form.listStack.setCurrentWidget(form.listEmptyPage)

    # -- the selected subject ------------------------------------------------------------------

    def _show_detail(self, subject: SubjectDetail | None) -> None:
        self._current = subject
        self._update_print_actions()
        form = self.form
        self.checklist.set_subject(subject)
        self.facts.set_subject(subject)
        if subject is None:
            form.detailStack.setCurrentWidget(form.emptyPage)
            return
        form.detailStack.setCurrentWidget(form.detailPage)
        self._show_header(subject)
        form.assessmentDateEdit.blockSignals(True)
        form.assessmentDateEdit.setMaximumDate(to_qdate(self.today()))
        form.assessmentDateEdit.setMinimumDate(to_qdate(subject.date_of_birth))
        form.assessmentDateEdit.setDate(to_qdate(subject.assessment_date))
        form.assessmentDateEdit.blockSignals(False)
        self._show_verdict(subject)
        self._show_consent(subject)
        self._show_signoff(subject)
        self._update_actions(subject)

    def _show_header(self, subject: SubjectDetail) -> None:
        numbers = " · ".join(n for n in (subject.subject_number, subject.screening_number) if n)
        self.form.subjectHeading.setText(
            f"<span style='font-size:13pt'><b>{rich(numbers)} · {rich(subject.name)}</b></span>"
            f"&nbsp;&nbsp;{rich(self._status_text(subject))}"
        )
        parts = [
            label(subject.sex),
            self.tr("born {date} (age {age} on the assessment date)").format(
                date=format_date(subject.date_of_birth), age=age(subject)
            ),
        ]
        if subject.identity_masked:
            parts.append(self.tr("ID {number}").format(number=subject.identity_masked))
        if subject.phone:
            parts.append(self.tr("phone {number}").format(number=subject.phone))
        parts.append(self.tr("screened on {date}").format(date=format_date(subject.screened_on)))
        self.form.subjectDetails.setText(" · ".join(parts))

    def _status_text(self, subject: SubjectDetail) -> str:
        status = label(subject.status)
        if subject.status is SubjectStatus.SCREENING:
            return self.tr("{status} since {date}").format(status=status, date=format_date(subject.screened_on))
        day = subject.status_date or subject.enrolled_on
        text = self.tr("{status} on {date}").format(status=status, date=format_date(day)) if day else status
        if subject.status_reason:
            text = self.tr("{status}: {reason}").format(status=text, reason=subject.status_reason)
        return text

    def _show_verdict(self, subject: SubjectDetail) -> None:
        assert self._protocol is not None
        assessment = subject.assessment
        definitions = {d.name: d for d in self._protocol.eligibility.facts}
        texts = {
            c.code: best(c.text) for c in (*self._protocol.eligibility.inclusion, *self._protocol.eligibility.exclusion)
        }
        missing = [item_name(name, definitions) for name in assessment.missing]
        date = format_date(assessment.assessment_date)
        match assessment.verdict:
            case Verdict.ELIGIBLE:
                text = self.tr(
                    "<b>Eligible</b> on {date}: every inclusion criterion is met and no exclusion criterion applies."
                ).format(date=date)
            case Verdict.INELIGIBLE:
                lines = []
                for result in assessment.results:
                    if result.state in (CriterionState.FAILS, CriterionState.APPLIES):
                        lines.append(
                            self.tr("{code} {state}: {text}").format(
                                code=result.code, state=label(result.state).lower(), text=rich(texts[result.code])
                            )
                        )
                text = self.tr("<b>Not eligible</b> on {date}:").format(date=date) + "<br>" + "<br>".join(lines)
                if missing:
                    text += "<br>" + self.tr("Also not yet known: {items}").format(items=rich("; ".join(missing)))
            case Verdict.INCOMPLETE:
                text = self.tr(
                    "<b>Incomplete</b>: the subject cannot be called eligible until every item is known. "
                    "Still missing: {items}"
                ).format(items=rich("; ".join(missing)))
        self.form.verdictBanner.setText(text)
        self.form.verdictBanner.setStyleSheet(banner_style(assessment.verdict))

    def _show_consent(self, subject: SubjectDetail) -> None:
        consent = subject.consent
        if consent is None:
            self.form.consentValue.setText(
                self.tr("<b>Not recorded.</b> Consent must be recorded before the verdict can be signed.")
            )
            self.form.consentButton.setText(self.tr("Record &consent…"))
            return
        copy = {True: self.tr("yes"), False: self.tr("no"), None: self.tr("not recorded")}[consent.copy_given]
        self.form.consentValue.setText(
            self.tr("Version <b>{version}</b> signed {time} · obtained by {who} · copy given: {copy}").format(
                version=rich(consent.document_version),
                time=format_instant(consent.signed_at),
                who=rich(consent.obtained_by),
                copy=copy,
            )
        )
        self.form.consentButton.setText(self.tr("Record new &consent…"))

    def _signoff_text(self, signoff: Signoff) -> str:
        return self.tr("Signed <b>{verdict}</b> by {name} on {time} — {meaning}").format(
            verdict=label(signoff.verdict).lower(),
            name=rich(signoff.signed_by),
            time=format_instant(signoff.signed_at),
            meaning=rich(signature_meaning(signoff.meaning)),
        )

    def _show_signoff(self, subject: SubjectDetail) -> None:
        form = self.form
        if subject.signoff is not None:
            form.signoffValue.setText(self._signoff_text(subject.signoff))
        elif subject.signoff_history:
            form.signoffValue.setText(
                self.tr("<b>Not signed:</b> the earlier signature was superseded by a change. Sign again.")
            )
        else:
            form.signoffValue.setText(self.tr("<b>Not signed yet.</b>"))
        if subject.signoff is None and subject.status is SubjectStatus.SCREENING:
            hint = self._why_not_sign(subject)
            if hint:
                form.signoffValue.setText(form.signoffValue.text() + " " + rich(hint))
        superseded = [s for s in subject.signoff_history if s.superseded_at is not None]
        lines = [
            self.tr("Superseded {time}: {signature}").format(
                time=format_instant(s.superseded_at), signature=self._signoff_text(s)
            )
            for s in superseded
            if s.superseded_at is not None
        ]
        form.historyLabel.setText("<br>".join(f"<span style='color:#6b6b6b'>{line}</span>" for line in lines))
        form.historyLabel.setVisible(bool(lines))

    def _update_actions(self, subject: SubjectDetail) -> None:
        """What the subject's state allows, for a role that screens (a monitor's buttons all stay grey)."""
        form = self.form
        screen = may(self._workspace, Permission.SCREEN)
        form.editDetailsButton.setEnabled(screen)
        form.consentButton.setEnabled(screen)
        why_not_sign = self._why_not_sign(subject)
        form.signButton.setEnabled(screen and not why_not_sign)
        form.signButton.setToolTip(
            why_not_sign or self.tr("An investigator signs the verdict shown above with their user name and password")
        )

        allowed = TRANSITIONS[subject.status]
        signed_eligible = subject.signoff is not None and subject.signoff.verdict is Verdict.ELIGIBLE
        can_enrol = SubjectStatus.ENROLLED in allowed and signed_eligible
        form.enrolButton.setEnabled(screen and can_enrol)
        form.enrolButton.setToolTip(
            self.tr("Enrol the subject and give the next subject number")
            if can_enrol
            else self.tr("Enrolment needs a subject in screening with a signed eligible verdict")
        )
        form.screenFailButton.setEnabled(screen and SubjectStatus.SCREEN_FAILED in allowed)
        form.screenFailButton.setToolTip(self.tr("End screening: the subject is not enrolled"))
        form.withdrawButton.setEnabled(screen and SubjectStatus.WITHDRAWN in allowed)
        form.withdrawButton.setToolTip(self.tr("An enrolled subject leaves the trial early"))
        form.completeButton.setEnabled(screen and SubjectStatus.COMPLETED in allowed)
        form.completeButton.setToolTip(self.tr("An enrolled subject has finished the trial"))
        self._update_assessment_button()

    def _why_not_sign(self, subject: SubjectDetail) -> str:
        """Why the verdict cannot be signed now ("" when it can)."""
        if subject.status is not SubjectStatus.SCREENING:
            return self.tr("Only subjects in screening are signed off.")
        if subject.signoff is not None:
            return self.tr("The verdict is signed. A change to the data supersedes the signature.")
        if subject.consent is None:
            return self.tr("Record the informed consent first.")
        if subject.assessment.verdict is Verdict.INCOMPLETE:
            return self.tr("An incomplete checklist cannot be signed: enter the missing facts first.")
        return ""

    def _update_assessment_button(self) -> None:
        subject = self._current
        chosen = from_qdate(self.form.assessmentDateEdit.date())
        self.form.assessmentApplyButton.setEnabled(
            subject is not None and chosen != subject.assessment_date and may(self._workspace, Permission.SCREEN)
        )

    # -- seams: dialogs, files and messages (tests replace these) ------------------------------

    def today(self) -> dt.date:
        return dt.date.today()

    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone()

    def open_subject_dialog(self, subject: SubjectDetail | None) -> SubjectDraft | None:
        return SubjectDialog.ask(self, subject, self.today())

    def ask_consent(self, subject: SubjectDetail) -> ConsentInput | None:
        assert self._protocol is not None
        return ConsentDialog.ask(self, self._protocol, subject, self._staff(CONSENT_DUTIES), self.now())

    def ask_signature(self, request: SignatureRequest) -> SignatureInput | None:
        return SignatureDialog.ask(self, request)

    def ask_status_change(self, change: StatusChange, subject: SubjectDetail) -> StatusInput | None:
        assert self._protocol is not None
        return StatusDialog.ask(self, change, self._protocol, subject, self.today())

    def ask_reason(self, title: str, text: str) -> str | None:
        return ReasonDialog.ask(self, title, text)

    def choose_import_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import screening log"), "", self.tr("Screening log (*.csv);;All files (*)")
        )
        return Path(name) if name else None

    def choose_export_file(self) -> Path | None:
        suggested = f"screening-log-{self._trial.nct_id if self._trial else ''}-{self.today().isoformat()}.csv"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export screening log"), suggested, self.tr("CSV (*.csv);;PDF (*.pdf)")
        )
        return Path(name) if name else None

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def ask_reload(self, title: str, error: ConcurrentChangeError) -> bool:
        return ask_reload(self, title, error)

    def show_problems(self, title: str, text: str, problems: Sequence[str]) -> None:
        ProblemsDialog.show_problems(self, title, text, problems)

    def show_status(self, text: str) -> None:
        self.form.statusLabel.setText(text)
        self.form.statusLabel.setToolTip(text)

    def _staff(self, duties: frozenset[str]) -> list[str]:
        if self._trial is None:
            return []
        day = self.today()
        contacts = self._workspace.contacts.list_contacts(self._trial.id)
        return [c.name for c in contacts if duties & set(c.active_duties(day))]

    # -- changes -------------------------------------------------------------------------------

    def _change(
        self, title: str, touches_verdict: bool, save: Callable[[str], SubjectDetail], reason: str = ""
    ) -> SubjectDetail | None:
        """Save one change: ask for a reason first when it would supersede a signature; show any error."""
        subject = self._current
        if subject is None:
            return None
        if touches_verdict and subject.needs_reason_to_change and not reason:
            assert subject.signoff is not None
            asked = self.ask_reason(
                self.tr("Reason for the change"),
                self.tr(
                    "The verdict of {number} was signed by {name}. This change supersedes the signature and the "
                    "investigator must sign again. Why is it made?"
                ).format(number=subject.screening_number, name=subject.signoff.signed_by),
            )
            if not asked:
                self.show_status(self.tr("Not changed: no reason was given."))
                return None
            reason = asked
        self._busy = True
        try:
            updated = save(reason)
        except ReasonRequiredError as error:
            if reason:
                self.show_error(title, str(error))
                return None
            asked = self.ask_reason(
                self.tr("Reason for the change"),
                self.tr("{number}: this changes data already saved. Why is it changed?").format(
                    number=subject.screening_number
                ),
            )
            if not asked:
                self.show_status(self.tr("Not changed: no reason was given."))
                return None
            return self._change(title, touches_verdict, save, asked)
        except ConcurrentChangeError as error:
            if self.ask_reload(title, error):
                self.reload()
                self.select_subject(subject.id)
            return None
        except (ValidationError, NotFoundError, PermissionDeniedError) as error:
            self.show_error(title, str(error))
            return None
        finally:
            self._busy = False
        self._show_updated(updated)
        return updated

    def _show_updated(self, subject: SubjectDetail) -> None:
        self.subjects.replace(subject.row)
        self._show_detail(subject)
        self._update_count()
        if not self.form.subjectTable.selectionModel().selectedRows():
            self.select_subject(subject.id)

    def _state_changes(self, before: SubjectDetail, after: SubjectDetail) -> str:
        old = {r.code: r.state for r in before.assessment.results}
        changes = [
            self.tr("{code}: {old} → {new}").format(code=r.code, old=label(old[r.code]), new=label(r.state))
            for r in after.assessment.results
            if r.code in old and old[r.code] is not r.state
        ]
        return "; ".join(changes)

    def _commit_fact(self, name: str, text: str, note: str) -> bool:
        """The facts model's committer: save one fact, re-assess, and say which criteria changed."""
        subject, protocol = self._current, self._protocol
        if self._busy or subject is None or protocol is None:
            return False
        definition = next(d for d in protocol.eligibility.facts if d.name == name)
        title = self.tr("Fact not saved")
        try:
            value = format_fact(definition, parse_fact(definition, text))
        except ValidationError as error:
            self.show_error(title, str(error))
            return False
        if subject.facts.get(name, FactEntry("", "")) == FactEntry(value, note.strip()):
            return True
        actor = self._workspace.actor
        updated = self._change(
            title,
            True,
            lambda reason: self._workspace.screening.record_fact(
                subject.id, name, text, note, actor, reason, expected_version=subject.fact_versions.get(name, ABSENT)
            ),
        )
        if updated is None:
            return False
        message = self.tr("Saved {fact}: {value}.").format(
            fact=best(definition.label), value=format_fact_value(definition, value)
        )
        changes = self._state_changes(subject, updated)
        self.show_status(message + (" " + changes if changes else ""))
        return True

    def register_subject(self) -> None:
        if self._trial is None:
            return
        draft = self.open_subject_dialog(None)
        if draft is None:
            return
        try:
            subject = self._workspace.screening.register(self._trial.id, draft, self._workspace.actor)
        except (ValidationError, PermissionDeniedError) as error:
            self.show_error(self.tr("Subject not registered"), str(error))
            return
        self._reveal(subject.id)
        self.show_status(
            self.tr("Registered {name} as {number}.").format(name=subject.name, number=subject.screening_number)
        )

    def _reveal(self, subject_id: int) -> None:
        """Reload and select a subject, clearing the filters if they would hide it."""
        self.reload()
        if self.select_subject(subject_id):
            return
        self.form.searchField.clear()
        self.form.statusFilter.setCurrentIndex(0)
        self.select_subject(subject_id)

    def edit_details(self) -> None:
        subject = self._current
        if subject is None:
            return
        draft = self.open_subject_dialog(subject)
        if draft is None:
            return
        touches = (draft.sex, draft.date_of_birth) != (subject.sex, subject.date_of_birth)
        actor = self._workspace.actor
        updated = self._change(
            self.tr("Details not saved"),
            touches,
            lambda reason: self._workspace.screening.update_details(
                subject.id, draft, actor, reason, expected_version=subject.version
            ),
        )
        if updated is not None:
            self.show_status(self.tr("Saved the details of {number}.").format(number=updated.screening_number))

    def apply_assessment_date(self) -> None:
        subject = self._current
        if subject is None:
            return
        day = from_qdate(self.form.assessmentDateEdit.date())
        actor = self._workspace.actor
        updated = self._change(
            self.tr("Assessment date not changed"),
            True,
            lambda reason: self._workspace.screening.set_assessment_date(
                subject.id, day, actor, reason, expected_version=subject.version
            ),
        )
        if updated is None:
            self.form.assessmentDateEdit.setDate(to_qdate(subject.assessment_date))
            return
        self.show_status(self.tr("Assessed on {date}.").format(date=format_date(day)))

    def record_consent(self) -> None:
        subject = self._current
        if subject is None:
            return
        entered = self.ask_consent(subject)
        if entered is None:
            return
        actor = self._workspace.actor
        updated = self._change(
            self.tr("Consent not recorded"),
            True,
            lambda reason: self._workspace.screening.record_consent(
                subject.id, entered.version, entered.signed_at, entered.obtained_by, entered.copy_given, actor, reason
            ),
        )
        if updated is not None:
            self.show_status(self.tr("Recorded consent of {number}.").format(number=updated.screening_number))

    def _verdict_summary(self, subject: SubjectDetail) -> str:
        """What the investigator signs, as the signature dialog shows it."""
        assessment = subject.assessment
        if assessment.failing:
            text = self.tr("<b>{verdict}</b> for {name}, assessed on {date}: fails {codes}.")
        else:
            text = self.tr("<b>{verdict}</b> for {name}, assessed on {date}.")
        verdict = text.format(
            verdict=rich(label(assessment.verdict)),
            name=rich(subject.name),
            date=format_date(assessment.assessment_date),
            codes=", ".join(assessment.failing),
        )
        meaning = self.tr(
            "By signing, the investigator approves this eligibility verdict. Any later change to the facts, "
            "consent or assessment date supersedes the signature."
        )
        return f"{verdict}<br>{meaning}"

    def sign_verdict(self) -> None:
        """An investigator signs with their user name and password, asked again while the service refuses them."""
        subject = self._current
        if subject is None:
            return
        request = signature_request(
            self._workspace,
            SignatureMeaning.APPROVED_ELIGIBILITY,
            self.tr("Sign the eligibility verdict: {number}").format(number=subject.screening_number),
            self._verdict_summary(subject),
            self.tr("Why the verdict is signed again, e.g. PT result corrected") if subject.signoff_history else "",
        )
        screening = self._workspace.screening
        try:
            updated = sign(
                request,
                self.ask_signature,
                lambda signature: screening.sign_eligibility(subject.id, signature.credentials, signature.reason),
            )
        except (ValidationError, NotFoundError) as error:
            self.show_error(self.tr("Verdict not signed"), str(error))
            return
        if updated is None:
            return
        self._show_updated(updated)
        if updated.signoff is not None:
            self.show_status(
                self.tr("{name} signed {number}: {verdict}.").format(
                    name=updated.signoff.signed_by,
                    number=updated.screening_number,
                    verdict=label(updated.signoff.verdict).lower(),
                )
            )

    def enrol(self) -> None:
        subject = self._current
        if subject is None:
            return
        entered = self.ask_status_change(StatusChange.ENROL, subject)
        if entered is None:
            return
        screening, actor = self._workspace.screening, self._workspace.actor
        title = self.tr("Subject not enrolled")
        try:
            updated = screening.enrol(subject.id, entered.day, actor)
        except PermissionDeniedError as error:
            self.show_error(title, str(error))
            return
        except ValidationError as error:
            if not isinstance(error, ReasonRequiredError):
                self.show_error(title, str(error))
                return
            reason = self.ask_reason(
                self.tr("Enrolment target reached"),
                self.tr(
                    "{message}\n\nTo enrol beyond the target, give the reason (e.g. the sponsor's approval)."
                ).format(message=str(error)),
            )
            if not reason:
                return
            try:
                updated = screening.enrol(subject.id, entered.day, actor, override_reason=reason)
            except ValidationError as retry_error:
                self.show_error(title, str(retry_error))
                return
        self._show_updated(updated)
        self.show_status(
            self.tr("Enrolled {name} as {number}.").format(name=updated.name, number=updated.subject_number or "")
        )

    def screen_fail(self) -> None:
        self._end(StatusChange.SCREEN_FAIL, self.tr("Screening not ended"))

    def withdraw(self) -> None:
        self._end(StatusChange.WITHDRAW, self.tr("Subject not withdrawn"))

    def complete(self) -> None:
        self._end(StatusChange.COMPLETE, self.tr("Subject not completed"))

    def _end(self, change: StatusChange, title: str) -> None:
        subject = self._current
        if subject is None:
            return
        entered = self.ask_status_change(change, subject)
        if entered is None:
            return
        screening, actor = self._workspace.screening, self._workspace.actor
        saves: dict[StatusChange, Callable[[str], SubjectDetail]] = {
            StatusChange.SCREEN_FAIL: lambda _r: screening.screen_fail(subject.id, entered.day, actor, entered.reason),
            StatusChange.WITHDRAW: lambda _r: screening.withdraw(subject.id, entered.day, entered.reason, actor),
            StatusChange.COMPLETE: lambda _r: screening.complete(subject.id, entered.day, actor),
        }
        updated = self._change(title, False, saves[change])
        if updated is not None:
            self.show_status(
                self.tr("{number}: {status}.").format(
                    number=updated.subject_number or updated.screening_number, status=self._status_text(updated)
                )
            )

    # -- the screening log -----------------------------------------------------------------------

    def import_log(self) -> None:
        if self._trial is None:
            return
        path = self.choose_import_file()
        if path is None:
            return
        title = self.tr("Screening log not imported")
        try:
            count = self._workspace.screening_import.import_file(path, self._trial.id, self._workspace.actor)
        except ScreeningImportError as error:
            problems = [str(problem) for problem in error.problems]
            self.show_problems(
                title,
                self.tr(
                    "{file} has {count} problem(s). Nothing was imported: correct the file and import it again."
                ).format(file=path.name, count=len(problems)),
                problems,
            )
            return
        except (ValidationError, PermissionDeniedError, OSError, UnicodeDecodeError) as error:
            self.show_error(title, str(error))
            return
        self.reload()
        self.show_status(self.tr("Imported {count} subject(s) from {file}.").format(count=count, file=path.name))

    def export_log(self) -> None:
        if self._trial is None:
            return
        path = self.choose_export_file()
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".csv")
        title = self.tr("Screening log not exported")
        log = self._workspace.screening_log
        suffix = path.suffix.lower()
        try:
            if suffix == ".csv":
                count = log.write_csv(self._trial.id, path)
            elif suffix == ".pdf":
                count = log.write_pdf(self._trial.id, path)
            else:
                self.show_error(title, self.tr("{file}: choose a .csv or .pdf file name.").format(file=path.name))
                return
        except OSError as error:
            self.show_error(title, str(error))
            return
        self.show_status(self.tr("Exported {count} subject(s) to {file}.").format(count=count, file=str(path)))
