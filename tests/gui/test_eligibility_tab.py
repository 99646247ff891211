"""The Eligibility tab driven as a coordinator would: dialogs are replaced at their seams, never exec()'d."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ACTOR, INVESTIGATOR, signs
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coordinator_app.domain.access import SignatureMeaning
from coordinator_app.domain.eligibility import CriterionState, age_in_completed_years
from coordinator_app.domain.protocol import Protocol
from coordinator_app.domain.subjects import Sex, SubjectStatus
from coordinator_app.gui.access.signature_dialog import SignatureDialog, SignatureInput, SignatureRequest
from coordinator_app.gui.eligibility.checklist_model import STATE_ROLE, ChecklistColumn
from coordinator_app.gui.eligibility.dialogs import (
    ConsentInput,
    ReasonDialog,
    StatusChange,
    StatusDialog,
    StatusInput,
    SubjectDialog,
)
from coordinator_app.gui.eligibility.facts_model import FactColumn
from coordinator_app.gui.eligibility.subject_model import RECORD_ROLE, Column, SubjectTableModel
from coordinator_app.gui.eligibility.tab import EligibilityTab
from coordinator_app.gui.formatting import from_qdate
from coordinator_app.services.demo_users import DEMO_INVESTIGATOR, DEMO_NURSE, DEMO_PASSWORD
from coordinator_app.services.screening import SubjectDetail, SubjectDraft
from coordinator_app.services.subject_summaries import SubjectRow
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import Workspace

EDIT = Qt.ItemDataRole.EditRole


def make_tab(qtbot: QtBot, workspace: Workspace) -> EligibilityTab:
    tab = EligibilityTab(workspace)
    qtbot.addWidget(tab)
    tab.show_trial(workspace.trials.resolve())
    tab.resize(1180, 720)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog a test did not expect fails the test instead of waiting for a click that never comes."""
    for dialog in (ReasonDialog, SignatureDialog):
        monkeypatch.setattr(dialog, "ask", classmethod(never))
    monkeypatch.setattr(QMessageBox, "warning", never)


@pytest.fixture
def tab(qtbot: QtBot, demo_workspace: Workspace) -> Iterator[EligibilityTab]:
    yield make_tab(qtbot, demo_workspace)


def shown(tab: EligibilityTab, column: Column = Column.SCREENING_NUMBER) -> list[str]:
    return [tab.proxy.index(row, column).data() for row in range(tab.proxy.rowCount())]


def select(tab: EligibilityTab, screening_number: str) -> SubjectDetail:
    subject = next(s for s in tab.subjects.records() if s.screening_number == screening_number)
    assert tab.select_subject(subject.id)
    current = tab.current_subject()
    assert current is not None and current.screening_number == screening_number
    return current


def enter_fact(tab: EligibilityTab, name: str, text: str) -> bool:
    """What the value delegate does when the editor closes."""
    return tab.facts.setData(tab.facts.index(tab.facts.row_of(name), FactColumn.VALUE), text, EDIT)


def state(tab: EligibilityTab, code: str) -> CriterionState | None:
    """The state the checklist shows (its state role carries the code for views and tests)."""
    shown_state = tab.checklist.index(tab.checklist.row(code), ChecklistColumn.STATE).data(STATE_ROLE)
    assert shown_state == tab.checklist.state(code)
    return tab.checklist.state(code)


def banner_colour(tab: EligibilityTab) -> str:
    return tab.form.verdictBanner.styleSheet().split("background: ")[1].split(";")[0]


def stored(tab: EligibilityTab) -> list[SubjectDetail]:
    """What the service holds for the trial (the demo data may grow: tests compare with it, not with counts)."""
    return tab._workspace.screening.details(tab.subjects.record(0).trial_id)


def tab_protocol(tab: EligibilityTab) -> Protocol:
    return tab._workspace.trials.protocol(tab.subjects.record(0).trial_id)


def never(*_args: object) -> None:
    raise AssertionError("no dialog was expected")


# -- models ---------------------------------------------------------------------------------------


def test_models_pass_the_qt_model_tester(tab: EligibilityTab, qtmodeltester: ModelTester) -> None:
    select(tab, "DEMO-S005")
    qtmodeltester.check(tab.subjects)
    qtmodeltester.check(tab.proxy)
    qtmodeltester.check(tab.checklist)
    qtmodeltester.check(tab.facts)
    tab.form.searchField.setText("demo-s00")
    qtmodeltester.check(tab.proxy)
    eligibility = tab_protocol(tab).eligibility
    assert tab.checklist.rowCount() == len(eligibility.inclusion) + len(eligibility.exclusion)
    assert tab.facts.rowCount() == len(eligibility.facts)


def test_the_list_reads_its_subjects_a_page_at_a_time_as_it_is_scrolled(
    demo_workspace: Workspace, qtmodeltester: ModelTester
) -> None:
    """A trial of thousands opens as fast as the demo: the rows are read a page at a time, in screening-number
    order, each page after the last number read."""
    screening, trial = demo_workspace.screening, demo_workspace.trials.resolve()
    everyone = [s.screening_number for s in screening.rows(trial.id)]
    assert len(everyone) == 9
    reads: list[tuple[str | None, int | None]] = []

    def pages(after: str | None, limit: int | None) -> list[SubjectRow]:
        reads.append((after, limit))
        return screening.rows(trial.id, after, limit)

    model = SubjectTableModel(screening.current_signoff)
    model.page_size = 4
    model.show_pages(pages, screening.subject_count(trial.id))
    assert [s.screening_number for s in model.records()] == everyone[:4]
    assert model.total() == 9 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert [s.screening_number for s in model.records()] == everyone
    assert not model.canFetchMore()
    assert reads == [(None, 4), (everyone[3], 4), (everyone[7], 4)]

    model.show_pages(pages, 9)
    qtmodeltester.check(model)  # fetching included


def test_what_needs_every_subject_reads_the_rest_first(qtbot: QtBot, demo_workspace: Workspace) -> None:
    """Searching, filtering by status, sorting by another column and choosing a subject further down all see the
    subjects not read yet; the count is of everyone from the start."""
    tab = EligibilityTab(demo_workspace)
    qtbot.addWidget(tab)
    tab.subjects.page_size = 3
    tab.show_trial(demo_workspace.trials.resolve())  # not shown: no view scrolls it further
    subjects = stored(tab)
    last = subjects[-1]
    assert tab.subjects.rowCount() == 3
    assert tab.form.countLabel.text() == f"{len(subjects)} of {len(subjects)} subjects"

    tab.form.searchField.setText(last.name)
    assert shown(tab) == [last.screening_number]
    tab.form.searchField.clear()
    assert shown(tab) == [s.screening_number for s in subjects]

    tab.show_trial(demo_workspace.trials.resolve())
    tab.form.statusFilter.setCurrentIndex(tab.form.statusFilter.findText("Screening"))
    assert shown(tab) == [s.screening_number for s in subjects if s.status is SubjectStatus.SCREENING]
    tab.form.statusFilter.setCurrentIndex(0)

    tab.show_trial(demo_workspace.trials.resolve())
    tab.form.subjectTable.sortByColumn(Column.SCREENING_NUMBER, Qt.SortOrder.DescendingOrder)
    assert shown(tab) == [s.screening_number for s in reversed(subjects)]
    tab.form.subjectTable.sortByColumn(Column.SCREENING_NUMBER, Qt.SortOrder.AscendingOrder)

    tab.show_trial(demo_workspace.trials.resolve())
    assert tab.select_subject(last.id)
    current = tab.current_subject()
    assert current is not None and current.screening_number == last.screening_number


def test_list_shows_every_subject_with_age_masked_id_status_and_coloured_verdict(tab: EligibilityTab) -> None:
    subjects = stored(tab)
    assert shown(tab) == [s.screening_number for s in subjects]
    assert tab.form.countLabel.text() == f"{len(subjects)} of {len(subjects)} subjects"
    row = shown(tab).index("DEMO-S002")
    li = next(s for s in subjects if s.screening_number == "DEMO-S002")
    assert tab.proxy.index(row, Column.NAME).data() == "李秀英"
    assert tab.proxy.index(row, Column.AGE).data() == str(age_in_completed_years(li.date_of_birth, li.assessment_date))
    assert tab.proxy.index(row, Column.STATUS).data() == "Screen failed"
    assert tab.proxy.index(row, Column.VERDICT).data() == "Not eligible"
    red = tab.proxy.index(row, Column.VERDICT).data(Qt.ItemDataRole.ForegroundRole).color().name()
    green_row = shown(tab).index("DEMO-S006")
    green = tab.proxy.index(green_row, Column.VERDICT).data(Qt.ItemDataRole.ForegroundRole).color().name()
    assert (red, green) == ("#b3261e", "#1e7b34")
    assert tab.subjects.headerData(Column.IDENTITY, Qt.Orientation.Horizontal) == "ID number"
    signed = tab.proxy.index(row, Column.VERDICT).data(Qt.ItemDataRole.ToolTipRole)
    assert signed.startswith("Signed Not eligible by DEMO 张医生 (Dr Zhang)")
    unsigned = shown(tab).index(next(s.screening_number for s in subjects if s.signoff is None))
    assert tab.proxy.index(unsigned, Column.VERDICT).data(Qt.ItemDataRole.ToolTipRole) is None


def test_search_status_filter_and_sort(qtbot: QtBot, tab: EligibilityTab) -> None:
    tab.form.searchField.setText("王建国")
    assert shown(tab) == ["DEMO-S001"]
    assert tab.current_subject() is not None  # a single match is selected and shown
    assert "DEMO-S001" in tab.form.subjectHeading.text()
    tab.form.searchField.setText("demo-003")  # a subject number
    assert shown(tab) == ["DEMO-S004"]
    tab.form.searchField.setText("nobody")
    assert shown(tab) == []
    assert tab.form.listStack.currentWidget() is tab.form.listEmptyPage
    tab.form.searchField.clear()

    subjects = stored(tab)
    tab.form.statusFilter.setCurrentIndex(tab.form.statusFilter.findText("Screening"))
    screening = [s.screening_number for s in subjects if s.status is SubjectStatus.SCREENING]
    assert {"DEMO-S005", "DEMO-S006"} <= set(screening)
    assert shown(tab) == screening
    assert tab.form.countLabel.text() == f"{len(screening)} of {len(subjects)} subjects"
    tab.form.statusFilter.setCurrentIndex(0)

    tab.form.subjectTable.sortByColumn(Column.AGE, Qt.SortOrder.AscendingOrder)
    ages = [int(age) for age in shown(tab, Column.AGE)]
    assert ages == sorted(ages)  # as numbers: 9 before 10
    tab.form.subjectTable.sortByColumn(Column.AGE, Qt.SortOrder.DescendingOrder)
    assert [int(age) for age in shown(tab, Column.AGE)] == sorted(ages, reverse=True)


# -- registering ----------------------------------------------------------------------------------


def test_register_adds_a_selected_row_with_the_first_screening_number(
    qtbot: QtBot, workspace: Workspace, trial: TrialSummary
) -> None:
    tab = make_tab(qtbot, workspace)
    assert tab.subjects.rowCount() == 0
    assert tab.form.listStack.currentWidget() is tab.form.listEmptyPage
    tab.open_subject_dialog = lambda subject: SubjectDraft("张", "伟", Sex.MALE, dt.date(1970, 5, 1))  # type: ignore[method-assign]

    tab.form.registerButton.click()

    assert shown(tab) == ["SCR-001"]
    assert tab.proxy.index(0, Column.NAME).data() == "张伟"
    assert tab.proxy.index(0, Column.VERDICT).data() == "Incomplete"
    assert "SCR-001" in tab.form.subjectHeading.text()
    assert tab.form.statusLabel.text() == "Registered 张伟 as SCR-001."
    assert len(workspace.screening.details(trial.id)) == 1


def test_subject_dialog_refuses_a_missing_date_of_birth(qtbot: QtBot) -> None:
    dialog = SubjectDialog(None, dt.date(2026, 11, 25))
    qtbot.addWidget(dialog)
    dialog.form.familyEdit.setText("张")
    dialog.form.sexCombo.setCurrentIndex(0)
    dialog.accept()
    assert dialog.draft() is None
    assert "date of birth" in dialog.form.errorLabel.text()
    dialog.form.birthEdit.setDate(dialog.form.birthEdit.date().addYears(80))
    dialog.accept()
    assert dialog.draft() is not None


# -- the checklist reacting to facts -------------------------------------------------------------------


def test_entering_facts_updates_the_checklist_and_the_verdict_at_once(
    tab: EligibilityTab, demo_workspace: Workspace
) -> None:
    subject = select(tab, "DEMO-S005")
    assert state(tab, "EX6") is CriterionState.MISSING
    assert "Incomplete" in tab.form.verdictBanner.text()
    assert "Prothrombin time (PT), patient" in tab.form.verdictBanner.text()
    assert banner_colour(tab) == "#fff4dc"
    tab.form.sourceField.setText("lab report 2026-11-18")

    assert enter_fact(tab, "pt_seconds", "14.0")
    assert state(tab, "EX6") is CriterionState.MISSING  # the control value is still missing
    assert enter_fact(tab, "pt_control_seconds", "12.3")

    assert state(tab, "EX6") is CriterionState.DOES_NOT_APPLY
    basis = tab.checklist.index(tab.checklist.row("EX6"), ChecklistColumn.BASIS).data()
    assert "difference 1.7 s" in basis
    assert "lab report 2026-11-18" in basis
    assert "Prothrombin" not in tab.form.verdictBanner.text()
    assert "Active infection" in tab.form.verdictBanner.text()  # still incomplete
    assert "EX6: Missing → Does not apply" in tab.form.statusLabel.text()

    tab.ask_reason = lambda title, text: "transcription error corrected"  # type: ignore[method-assign]
    assert enter_fact(tab, "pt_seconds", "15.4")  # a saved value corrected, with a reason
    assert state(tab, "EX6") is CriterionState.APPLIES
    assert "Not eligible" in tab.form.verdictBanner.text()
    assert "EX6 applies: PT prolongation is greater than 3 seconds" in tab.form.verdictBanner.text()
    assert banner_colour(tab) == "#fdecea"
    row = shown(tab).index("DEMO-S005")
    assert tab.proxy.index(row, Column.VERDICT).data() == "Not eligible"
    stored = demo_workspace.screening.detail(subject.id).facts["pt_seconds"]
    assert (stored.value, stored.source_note) == ("15.4", "lab report 2026-11-18")
    assert tab.facts.index(tab.facts.row_of("pt_seconds"), FactColumn.VALUE).data() == "15.4 s"


def test_the_last_missing_fact_makes_the_subject_eligible(tab: EligibilityTab) -> None:
    select(tab, "DEMO-S005")
    for name, text in (("pt_seconds", "13.1"), ("pt_control_seconds", "12.3"), ("active_infection", "no")):
        assert enter_fact(tab, name, text)
    assert "Eligible" in tab.form.verdictBanner.text()
    assert banner_colour(tab) == "#e5f4e8"
    assert tab.form.signButton.isEnabled()  # consent recorded, verdict complete


def test_a_bad_value_is_refused_with_its_field_and_value(tab: EligibilityTab, demo_workspace: Workspace) -> None:
    subject = select(tab, "DEMO-S005")
    errors: list[tuple[str, str]] = []
    tab.show_error = lambda title, text: errors.append((title, text))  # type: ignore[method-assign]
    assert not enter_fact(tab, "pt_seconds", "fast")
    assert errors == [("Fact not saved", "pt_seconds 'fast': must be a number such as 12.3")]
    assert "pt_seconds" not in demo_workspace.screening.detail(subject.id).facts
    assert state(tab, "EX6") is CriterionState.MISSING


def test_unknown_answer_can_be_entered_and_brings_missing_back(tab: EligibilityTab) -> None:
    select(tab, "DEMO-S005")
    assert state(tab, "IN5") is CriterionState.MET
    tab.ask_reason = lambda title, text: "answer not confirmed in the chart"  # type: ignore[method-assign]
    assert enter_fact(tab, "hepatic_encephalopathy", "")
    assert state(tab, "IN5") is CriterionState.MISSING
    assert "Hepatic encephalopathy" in tab.form.verdictBanner.text()


# -- sign-off ---------------------------------------------------------------------------------------


def test_editing_a_signed_subject_asks_for_a_reason_and_supersedes(
    tab: EligibilityTab, demo_workspace: Workspace
) -> None:
    subject = select(tab, "DEMO-S006")
    assert "Signed <b>eligible</b> by DEMO 张医生 (Dr Zhang)" in tab.form.signoffValue.text()
    assert "approved eligibility verdict" in tab.form.signoffValue.text()
    assert not tab.form.signButton.isEnabled()
    asked: list[str] = []

    def cancel(title: str, text: str) -> str | None:
        asked.append(text)
        return None

    tab.ask_reason = cancel  # type: ignore[method-assign]
    assert not enter_fact(tab, "active_infection", "yes")
    assert len(asked) == 1 and "signed by DEMO 张医生 (Dr Zhang)" in asked[0]
    unchanged = demo_workspace.screening.detail(subject.id)
    assert unchanged.signoff is not None
    assert unchanged.facts["active_infection"].value == "no"
    assert state(tab, "EX10") is CriterionState.DOES_NOT_APPLY

    tab.ask_reason = lambda title, text: "infection found on the ward round"  # type: ignore[method-assign]
    assert enter_fact(tab, "active_infection", "yes")

    changed = demo_workspace.screening.detail(subject.id)
    assert changed.signoff is None
    assert changed.signoff_history[-1].superseded_at is not None
    assert state(tab, "EX10") is CriterionState.APPLIES
    assert "superseded" in tab.form.signoffValue.text()
    assert not tab.form.historyLabel.isHidden()
    assert "Superseded" in tab.form.historyLabel.text()
    assert "Not eligible" in tab.form.verdictBanner.text()
    assert not tab.form.enrolButton.isEnabled()
    assert tab.form.signButton.isEnabled()  # a new verdict to sign, with a reason

    # The coordinator signed in may not sign: a nurse's signature is refused, the investigator mistypes, then signs.
    attempts = iter(
        [
            SignatureInput(Credentials(DEMO_NURSE, DEMO_PASSWORD), "infection found"),
            SignatureInput(Credentials(DEMO_INVESTIGATOR, "not the password"), "infection found"),
            SignatureInput(Credentials(DEMO_INVESTIGATOR, DEMO_PASSWORD), "infection found"),
        ]
    )
    requests: list[SignatureRequest] = []

    def ask(request: SignatureRequest) -> SignatureInput:
        requests.append(request)
        return next(attempts)

    tab.ask_signature = ask  # type: ignore[method-assign]
    tab.form.signButton.click()

    assert (requests[0].username, requests[0].problem) == ("", "")  # the coordinator cannot sign a verdict
    assert requests[0].reason_hint  # signing again after a change needs a reason
    assert "may not sign eligibility verdicts" in requests[1].problem
    assert "password is wrong" in requests[2].problem
    assert (requests[2].username, requests[2].reason) == (DEMO_INVESTIGATOR, "infection found")  # kept for the retry
    assert "Signed <b>not eligible</b> by DEMO 张医生 (Dr Zhang) (zhang.demo)" in tab.form.signoffValue.text()


def test_changing_the_assessment_date_of_a_signed_subject_asks_for_a_reason(
    tab: EligibilityTab, demo_workspace: Workspace
) -> None:
    subject = select(tab, "DEMO-S006")
    tab.ask_reason = lambda title, text: None  # type: ignore[method-assign]
    tab.form.assessmentDateEdit.setDate(tab.form.assessmentDateEdit.date().addDays(-1))
    assert tab.form.assessmentApplyButton.isEnabled()
    tab.form.assessmentApplyButton.click()
    assert demo_workspace.screening.detail(subject.id).assessment_date == subject.assessment_date
    assert from_qdate(tab.form.assessmentDateEdit.date()) == subject.assessment_date  # shows the stored date again
    assert not tab.form.assessmentApplyButton.isEnabled()


def test_sign_off_needs_consent_then_signs(
    qtbot: QtBot, workspace: Workspace, trial: TrialSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    subject = workspace.screening.register(
        trial.id, SubjectDraft("张", "伟", Sex.MALE, dt.date(1970, 5, 1)), ACTOR, today=dt.date(2026, 11, 20)
    )
    facts = {
        "hbv_cirrhosis_diagnosis_date": "2015-01-01",
        "conservative_treatment_start": "2025-01-01",
        "pt_seconds": "13.0",
        "pt_control_seconds": "12.0",
        "last_albumin_date": "none",
        "last_upper_gi_bleed_date": "none",
    }
    yes = {"decompensated", "no_relief_after_treatment", "liver_transplant_unsuitable"}
    for definition in workspace.trials.protocol(trial.id).eligibility.facts:
        text = facts.get(definition.name, "yes" if definition.name in yes else "no")
        workspace.screening.record_fact(subject.id, definition.name, text, "chart", ACTOR)
    tab = make_tab(qtbot, workspace)
    select(tab, "SCR-001")
    assert (state(tab, "IN1"), state(tab, "EX6")) == (CriterionState.MET, CriterionState.DOES_NOT_APPLY)
    assert state(tab, "IN7") is CriterionState.MISSING  # consent
    assert not tab.form.signButton.isEnabled()
    assert "Not recorded" in tab.form.consentValue.text()

    signed_at = dt.datetime(2026, 11, 20, 9, 30).astimezone()
    tab.ask_consent = lambda s: ConsentInput("TEMPLATE", signed_at, "Nurse Liu", True)  # type: ignore[method-assign]
    tab.form.consentButton.click()
    assert "Nurse Liu" in tab.form.consentValue.text()
    assert state(tab, "IN7") is CriterionState.MET
    assert "Eligible" in tab.form.verdictBanner.text()
    assert tab.form.signButton.isEnabled()
    assert not tab.form.enrolButton.isEnabled()  # not signed yet

    asked: list[SignatureRequest] = []

    def ask(cls: type[SignatureDialog], parent: object, request: SignatureRequest) -> SignatureInput:
        asked.append(request)
        return SignatureInput(signs(INVESTIGATOR))  # the investigator signs at the coordinator's desk

    monkeypatch.setattr(SignatureDialog, "ask", classmethod(ask))
    tab.form.signButton.click()
    signoff = workspace.screening.detail(subject.id).signoff
    assert signoff is not None and signoff.signed_by == "Test Investigator (test-investigator)"
    assert asked[0].meaning is SignatureMeaning.APPROVED_ELIGIBILITY
    assert "<b>Eligible</b> for 张伟" in asked[0].summary and not asked[0].reason_hint
    assert "Signed <b>eligible</b> by Test Investigator (test-investigator)" in tab.form.signoffValue.text()
    assert tab.form.enrolButton.isEnabled()


# -- status ----------------------------------------------------------------------------------------


def buttons(tab: EligibilityTab) -> tuple[bool, bool, bool, bool]:
    f = tab.form
    return (
        f.enrolButton.isEnabled(),
        f.screenFailButton.isEnabled(),
        f.withdrawButton.isEnabled(),
        f.completeButton.isEnabled(),
    )


def test_status_buttons_follow_the_lifecycle(tab: EligibilityTab) -> None:
    select(tab, "DEMO-S005")  # screening, incomplete
    assert buttons(tab) == (False, True, False, False)
    select(tab, "DEMO-S006")  # screening, signed eligible
    assert buttons(tab) == (True, True, False, False)
    select(tab, "DEMO-S001")  # enrolled
    assert buttons(tab) == (False, False, True, True)
    select(tab, "DEMO-S002")  # screen failed
    assert buttons(tab) == (False, False, False, False)
    assert "Screen failed on" in tab.form.subjectHeading.text() and "EX6" in tab.form.subjectHeading.text()


def test_enrol_gives_the_next_subject_number(tab: EligibilityTab, demo_workspace: Workspace) -> None:
    subject = select(tab, "DEMO-S006")
    issued = {s.subject_number for s in stored(tab) if s.subject_number}
    tab.ask_status_change = lambda change, s: StatusInput(subject.assessment_date, "")  # type: ignore[method-assign]
    tab.form.enrolButton.click()
    enrolled = demo_workspace.screening.detail(subject.id)
    assert enrolled.status is SubjectStatus.ENROLLED
    assert enrolled.subject_number is not None and enrolled.subject_number.startswith("DEMO-")
    assert enrolled.subject_number not in issued
    assert buttons(tab) == (False, False, True, True)
    row = shown(tab).index("DEMO-S006")
    assert tab.proxy.index(row, Column.SUBJECT_NUMBER).data() == enrolled.subject_number
    assert "Enrolled" in tab.form.subjectHeading.text()


def test_screen_fail_without_a_failing_criterion_needs_a_reason(tab: EligibilityTab, demo_workspace: Workspace) -> None:
    subject = select(tab, "DEMO-S005")
    errors: list[str] = []
    tab.show_error = lambda title, text: errors.append(text)  # type: ignore[method-assign]
    tab.ask_status_change = lambda change, s: StatusInput(dt.date.today(), "")  # type: ignore[method-assign]
    tab.form.screenFailButton.click()
    assert errors == ["reason '': no criterion fails: say why screening ends"]
    assert demo_workspace.screening.detail(subject.id).status is SubjectStatus.SCREENING

    tab.ask_status_change = lambda change, s: StatusInput(dt.date.today(), "moved away")  # type: ignore[method-assign]
    tab.form.screenFailButton.click()
    stored = demo_workspace.screening.detail(subject.id)
    assert (stored.status, stored.status_reason) == (SubjectStatus.SCREEN_FAILED, "moved away")
    assert buttons(tab) == (False, False, False, False)


def test_withdraw_dialog_requires_a_reason(qtbot: QtBot, tab: EligibilityTab, demo_workspace: Workspace) -> None:
    subject = select(tab, "DEMO-S001")
    protocol = demo_workspace.trials.protocol(subject.trial_id)
    dialog = StatusDialog(StatusChange.WITHDRAW, protocol, subject, dt.date(2026, 11, 25))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.status_input() is None
    assert "withdrawn" in dialog.form.errorLabel.text()
    dialog.form.reasonEdit.setText("adverse event")
    dialog.accept()
    assert dialog.status_input() == StatusInput(dt.date(2026, 11, 25), "adverse event")


# -- the screening log ------------------------------------------------------------------------------


def test_import_of_a_bad_log_lists_every_problem_and_adds_nothing(
    tab: EligibilityTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "log.csv"
    bad.write_text(
        "screening_no,family_name,sex,date_of_birth,assessment_date\n"
        "X-1,,Q,1990-01-01,2026-01-01\n"
        "X-2,李,F,1990-13-01,2026-01-01\n",
        encoding="utf-8",
    )
    before = tab.subjects.rowCount()
    reported: list[tuple[str, str, list[str]]] = []
    tab.choose_import_file = lambda: bad  # type: ignore[method-assign]
    tab.show_problems = lambda title, text, problems: reported.append((title, text, list(problems)))  # type: ignore[method-assign]
    monkeypatch.setattr(tab, "show_error", never)

    tab.form.importButton.click()

    assert len(reported) == 1
    title, text, problems = reported[0]
    assert title == "Screening log not imported"
    assert "Nothing was imported" in text
    assert any(p.startswith("line 2, column family_name") for p in problems)
    assert any(p.startswith("line 3, column date_of_birth: '1990-13-01'") for p in problems)
    assert tab.subjects.rowCount() == before == len(stored(tab))


def test_export_writes_a_csv_row_per_subject(tab: EligibilityTab, tmp_path: Path) -> None:
    output = tmp_path / "log.csv"
    tab.choose_export_file = lambda: output  # type: ignore[method-assign]
    tab.form.exportButton.click()
    with output.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert [row["screening_no"] for row in rows] == [s.screening_number for s in tab.subjects.records()]
    assert f"Exported {len(rows)} subject(s)" in tab.form.statusLabel.text()


def test_export_as_pdf_by_the_file_name(tab: EligibilityTab, tmp_path: Path) -> None:
    output = tmp_path / "log.pdf"
    tab.choose_export_file = lambda: output  # type: ignore[method-assign]
    tab.form.exportButton.click()
    assert output.read_bytes().startswith(b"%PDF")


def test_checklist_names_the_fact_and_source_it_read(tab: EligibilityTab) -> None:
    subject = select(tab, "DEMO-S001")
    basis = tab.checklist.index(tab.checklist.row("IN1"), ChecklistColumn.BASIS).data()
    years = age_in_completed_years(subject.date_of_birth, subject.assessment_date)
    assert basis.splitlines()[:2] == [f"Date of birth: {subject.date_of_birth.isoformat()}", f"→ age {years}"]
    in1 = tab.checklist.index(tab.checklist.row("IN1"), ChecklistColumn.CRITERION)
    assert in1.data() == "Aged between 20 and 60 (male or female)"
    assert in1.data(Qt.ItemDataRole.ToolTipRole) == "年龄20至60岁（男女不限）"
    assert tab.checklist.index(0, ChecklistColumn.STATE).data() == "Met"
    assert tab.checklist.sources("EX7") == [subject.facts["last_albumin_date"].source_note]
    assert subject.facts["last_albumin_date"].source_note.startswith("DEMO outpatient record")
    assert isinstance(tab.subjects.index(0, 0).data(RECORD_ROLE), SubjectRow)
