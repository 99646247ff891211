"""The audit trail viewer on a bulk import's rows (one stored row per record): staff see a line per field, as for
any record entered in the app."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from coordinator_app.gui.audit.dialog import AuditTrailDialog
from coordinator_app.gui.audit.model import AuditColumn
from coordinator_app.services.workspace import Workspace

LOG = "screening_no,family_name,given_name,sex,date_of_birth,assessment_date\nLOG-1,林,美玲,F,1970-01-02,2026-03-10\n"


def test_an_imported_subjects_history_shows_each_field(qtbot: QtBot, demo_workspace: Workspace) -> None:
    trial = demo_workspace.trials.resolve("NCT05106972")
    demo_workspace.screening_import.import_text(LOG, trial.id, demo_workspace.actor)
    subject = demo_workspace.screening.find(trial.id, "LOG-1")
    dialog = AuditTrailDialog(demo_workspace)
    qtbot.addWidget(dialog)

    dialog.show_subject(subject.id)

    model = dialog.model
    rows = range(model.rowCount())
    shown = {model.index(row, AuditColumn.FIELD).data(): model.index(row, AuditColumn.NEW_VALUE).data() for row in rows}
    assert {"family_name": "林", "given_name": "美玲", "date_of_birth": "1970-01-02"}.items() <= shown.items()
    assert len(shown) == model.rowCount() > 10  # a row per field
    assert {model.index(row, AuditColumn.ACTION).data() for row in rows} == {"Added"}
    assert dialog.count_label.text() == f"{QLocale().toString(model.rowCount())} row(s)"
