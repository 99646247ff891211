"""The audit trail viewer on the demo's trail: a lazily filled model, filters, exports, the chain check, and the
Tools menu of the main window that opens it."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QLocale, QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coordinator_app.gui.audit.dialog import AuditTrailDialog
from coordinator_app.gui.audit.model import AuditColumn, AuditTrailModel
from coordinator_app.gui.main_window import MainWindow
from coordinator_app.services.audit_trail import AuditFilter
from coordinator_app.services.workspace import Workspace


@pytest.fixture
def dialog(qtbot: QtBot, demo_workspace: Workspace) -> AuditTrailDialog:
    dialog = AuditTrailDialog(demo_workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _ids(model: AuditTrailModel) -> list[int]:
    return [record.id for record in model.records()]


def _choose(combo_owner: AuditTrailDialog, combo_name: str, value: object) -> None:
    combo = getattr(combo_owner, combo_name)
    index = combo.findData(value)
    assert index > 0, value
    combo.setCurrentIndex(index)


def _wait_for_job(qtbot: QtBot, dialog: AuditTrailDialog) -> None:
    assert dialog.job is not None
    with qtbot.waitSignal(dialog.job.finished, timeout=30_000):
        pass


def test_the_model_passes_qts_model_tester(qtmodeltester: ModelTester, demo_workspace: Workspace) -> None:
    model = AuditTrailModel(demo_workspace.audit_trail, page_size=40)
    model.set_filter(AuditFilter(table="visits"))
    assert model.canFetchMore()
    qtmodeltester.check(model)


def test_rows_arrive_a_page_at_a_time_newest_first(demo_workspace: Workspace) -> None:
    trail = demo_workspace.audit_trail
    model = AuditTrailModel(trail, page_size=300)
    model.set_filter(AuditFilter())
    assert model.rowCount() == 300
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 600
    while model.canFetchMore():
        model.fetchMore()
    total = trail.count()
    assert total > 1000
    assert _ids(model) == list(range(total, 0, -1))
    newest = model.record(0)
    assert model.index(0, AuditColumn.ID).data() == str(newest.id)
    assert model.index(0, AuditColumn.UTC_TIME).data() == newest.utc_time
    assert model.index(0, AuditColumn.SUBJECT).data() == newest.subject
    assert newest.row_hash in model.index(0, AuditColumn.ID).data(
        Qt.ItemDataRole.ToolTipRole
    )  # the tooltip holds the hashes


def test_the_view_fetches_more_rows_when_scrolled_to_the_end(
    qtbot: QtBot, dialog: AuditTrailDialog, demo_workspace: Workspace
) -> None:
    total = demo_workspace.audit_trail.count()
    assert dialog.model.rowCount() == 500 < total
    assert dialog.count_label.text().startswith(QLocale().toString(500))
    dialog.table.scrollToBottom()
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 500)
    assert QLocale().toString(dialog.model.rowCount()) in dialog.count_label.text()


def test_filters_narrow_the_rows(qtbot: QtBot, dialog: AuditTrailDialog, demo_workspace: Workspace) -> None:
    trail = demo_workspace.audit_trail
    _choose(dialog, "user_combo", "liu.demo")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    records = dialog.model.records()
    assert records and {record.actor for record in records} == {"liu.demo"}
    assert len(records) == trail.count(AuditFilter(actor="liu.demo")) < trail.count()
    assert dialog.count_label.text() == f"{QLocale().toString(len(records))} row(s)"

    subject = trail.subjects()[0]
    _choose(dialog, "subject_combo", subject.id)
    _choose(dialog, "table_combo", "visits")
    dialog.apply_filter()
    records = dialog.model.records()
    assert records
    assert {(r.actor, r.subject_id, r.table_name) for r in records} == {("liu.demo", subject.id, "visits")}

    dialog.to_check.setChecked(True)
    dialog.to_date.setDate(QDate.currentDate().addDays(-1))
    dialog.apply_filter()
    assert dialog.model.rowCount() == 0
    assert dialog.count_label.text() == "0 row(s)"


def test_a_range_that_ends_before_it_starts_is_explained(dialog: AuditTrailDialog) -> None:
    rows = dialog.model.rowCount()
    dialog.from_check.setChecked(True)
    dialog.to_check.setChecked(True)
    dialog.from_date.setDate(QDate.currentDate())
    dialog.to_date.setDate(QDate.currentDate().addDays(-3))
    dialog.apply_filter()
    assert "ends before it starts" in dialog.message.text()
    assert dialog.model.rowCount() == rows


def test_a_subjects_history_shows_only_that_subject(dialog: AuditTrailDialog, demo_workspace: Workspace) -> None:
    subject = demo_workspace.audit_trail.subjects()[2]
    dialog.show_subject(subject.id)
    assert dialog.subject_combo.currentText() == subject.label
    assert {record.subject_id for record in dialog.model.records()} == {subject.id}


def test_export_csv_writes_the_rows_the_filter_shows(
    qtbot: QtBot, dialog: AuditTrailDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "trail.csv"
    monkeypatch.setattr(dialog, "choose_save_path", lambda title, suggested, file_filter: target)
    _choose(dialog, "table_combo", "consents")
    dialog.apply_filter()
    dialog.csv_button.click()
    _wait_for_job(qtbot, dialog)
    lines = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
    assert len(lines) == dialog.model.rowCount() > 0
    assert {line["table_name"] for line in lines} == {"consents"}
    assert dialog.message.text() == f"{QLocale().toString(len(lines))} row(s) written to {target}"


def test_export_pdf_says_who_generated_it(
    qtbot: QtBot, dialog: AuditTrailDialog, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "trail.pdf"
    monkeypatch.setattr(dialog, "choose_save_path", lambda title, suggested, file_filter: target)
    dialog.show_subject(demo_workspace.audit_trail.subjects()[1].id)
    dialog.pdf_button.click()
    _wait_for_job(qtbot, dialog)
    first = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert demo_workspace.user is not None
    assert demo_workspace.user.username in first
    assert "Hash chain verified: intact" in first


def test_a_cancelled_file_dialog_writes_nothing(dialog: AuditTrailDialog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialog, "choose_save_path", lambda title, suggested, file_filter: None)
    dialog.csv_button.click()
    assert dialog.job is None


def test_verify_chain_reports_an_intact_trail_then_the_first_tampered_row(
    qtbot: QtBot, dialog: AuditTrailDialog, demo_workspace: Workspace
) -> None:
    dialog.verify_button.click()
    _wait_for_job(qtbot, dialog)
    rows = QLocale().toString(demo_workspace.audit_trail.count())
    assert dialog.message.text() == f"Hash chain intact: {rows} row(s) checked."

    path = demo_workspace.database.engine.url.database
    assert path is not None
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("UPDATE audit_log SET actor = 'someone.else' WHERE id = 100")
    dialog.verify_button.click()
    _wait_for_job(qtbot, dialog)
    assert "audit row 100: its content was changed" in dialog.message.text()


@pytest.mark.qt_log_ignore("^This plugin does not support raise")  # offscreen has no stacking of windows
def test_the_tools_menu_opens_one_viewer_and_a_subjects_history(
    qtbot: QtBot, demo_workspace: Workspace, tmp_path: Path
) -> None:
    window = MainWindow.for_session(
        demo_workspace, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.show()
    window.form.auditTrailAction.trigger()
    viewer = window.audit_dialog
    assert viewer is not None and viewer.isVisible()
    assert viewer.subject_combo.currentData() is None
    assert viewer.model.rowCount() > 0

    subject = demo_workspace.audit_trail.subjects()[3]
    window.show_tab("eligibility")
    assert window.eligibility.select_subject(subject.id)
    window.form.subjectHistoryAction.trigger()
    assert window.audit_dialog is viewer
    assert viewer.subject_combo.currentData() == subject.id
    assert {record.subject_id for record in viewer.model.records()} == {subject.id}
