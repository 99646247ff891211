"""The Contacts tab on the demo database, driven as a user would; dialogs never run exec()."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from coordinator_app.domain.contacts import ContactCategory, ContactDraft, ContactKind, ContactRecord, Delegation
from coordinator_app.gui.contacts.dialog import ContactDialog, DelegationLine, DelegationTableModel
from coordinator_app.gui.contacts.model import RECORD_ROLE, Column
from coordinator_app.gui.contacts.tab import ContactsTab
from coordinator_app.gui.formatting import format_date, to_qdate
from coordinator_app.gui.labels import label
from coordinator_app.services.demo_users import DEMO_INVESTIGATOR
from coordinator_app.services.workspace import Workspace

NURSE = "DEMO 刘护士 (Nurse Liu)"
PHARMACY = "DEMO Clinical Trial Pharmacy"
SPONSOR = "Asia Stem Cell Regenerative Pharmaceutical Co., Ltd."


@pytest.fixture
def tab(qtbot: QtBot, demo_workspace: Workspace) -> Iterator[ContactsTab]:
    widget = ContactsTab(demo_workspace)
    qtbot.addWidget(widget)
    widget.show_trial(demo_workspace.trials.resolve())
    widget.resize(1180, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def shown_names(tab: ContactsTab) -> list[str]:
    proxy = tab.proxy
    return [proxy.index(row, Column.NAME).data() for row in range(proxy.rowCount())]


def cell(tab: ContactsTab, name: str, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    row = shown_names(tab).index(name)
    return tab.proxy.index(row, column).data(role)


def select(tab: ContactsTab, name: str) -> None:
    tab.form.table.selectRow(shown_names(tab).index(name))
    assert tab.selected_record() is not None
    assert tab.selected_record().name == name  # type: ignore[union-attr]


def stored(workspace: Workspace, name: str) -> ContactRecord:
    trial = workspace.trials.resolve()
    return next(r for r in workspace.contacts.list_contacts(trial.id, include_retired=True) if r.name == name)


def drive_dialog(monkeypatch: pytest.MonkeyPatch, driver: Callable[[ContactDialog], None]) -> list[ContactDialog]:
    """Replace ContactDialog.exec: show the real dialog, let ``driver`` use it, return its result."""
    opened: list[ContactDialog] = []

    def fake_exec(dialog: ContactDialog) -> int:
        opened.append(dialog)
        dialog.show()
        driver(dialog)
        dialog.hide()
        return dialog.result()

    monkeypatch.setattr(ContactDialog, "exec", fake_exec)
    return opened


def click(qtbot: QtBot, dialog: ContactDialog, button: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.form.buttonBox.button(button), Qt.MouseButton.LeftButton)


# -- the model ---------------------------------------------------------------------------------


def test_models_pass_the_qt_model_tester(tab: ContactsTab, qtmodeltester: ModelTester) -> None:
    tab.form.showRetired.setChecked(True)
    tab.ask_retire_date = lambda record: dt.date(2026, 10, 1)  # type: ignore[method-assign]
    select(tab, NURSE)
    tab.retire_or_reinstate()  # one greyed row, so ForegroundRole is exercised too
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)
    tab.form.searchField.setText("demo")
    qtmodeltester.check(tab.proxy)


def test_delegation_model_passes_the_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = DelegationTableModel(
        [
            DelegationLine("Obtain informed consent", dt.date(2026, 4, 1), None, saved=True),
            DelegationLine("Query resolution", dt.date(2026, 5, 1), dt.date(2026, 6, 1), saved=False),
        ]
    )
    qtmodeltester.check(model)


def test_table_shows_the_demo_contacts_with_their_duties(tab: ContactsTab) -> None:
    names = shown_names(tab)
    assert len(names) == 9
    assert {NURSE, PHARMACY, SPONSOR, "DEMO Hospital Ethics Committee", "DEMO Cell Manufacturing Centre"} <= set(names)
    assert tab.form.tableStack.currentWidget() is tab.form.tablePage
    assert tab.form.countLabel.text() == "9 of 9 contacts"

    assert cell(tab, NURSE, Column.CATEGORY) == label(ContactCategory.SITE_STAFF)
    assert cell(tab, NURSE, Column.PHONE) == "138 0000 0002"
    assert cell(tab, NURSE, Column.STATUS) == "Active"
    since = format_date(dt.date(2026, 4, 1))
    duties = str(cell(tab, NURSE, Column.DUTIES))
    assert f"Obtain informed consent ({since}–)" in duties.splitlines()
    tooltip = str(cell(tab, NURSE, Column.DUTIES, Qt.ItemDataRole.ToolTipRole))
    assert f"Obtain informed consent: {since} – open" in tooltip
    assert cell(tab, PHARMACY, Column.DUTIES) == ""
    record = cell(tab, NURSE, Column.EMAIL, RECORD_ROLE)
    assert isinstance(record, ContactRecord)
    assert record.email == "nurse.demo@example.org"
    assert tab.model.headerData(Column.DUTIES, Qt.Orientation.Horizontal) == "Delegated duties"


# -- search, filter, sort ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("nurse", [NURSE]),
        ("ETHICS", ["DEMO Hospital Ethics Committee"]),
        ("informed consent", [NURSE]),  # a delegated duty
        ("0898-6600-0010", ["DEMO Hospital Ethics Committee"]),  # a number typed with dashes
        ("13800000001", ["DEMO 张医生 (Dr Zhang)"]),  # digits without the displayed spaces
        ("张医生", ["DEMO 张医生 (Dr Zhang)"]),
        ("cells.demo@", ["DEMO Cell Manufacturing Centre"]),
    ],
)
def test_search_filters_rows(qtbot: QtBot, tab: ContactsTab, typed: str, expected: list[str]) -> None:
    tab.form.searchField.setFocus()
    tab.form.searchField.setText(typed)
    assert shown_names(tab) == expected
    assert tab.form.countLabel.text() == f"{len(expected)} of 9 contacts"


def test_search_without_match_shows_the_empty_state(qtbot: QtBot, tab: ContactsTab) -> None:
    qtbot.keyClicks(tab.form.searchField, "no such person")
    assert shown_names(tab) == []
    assert tab.form.tableStack.currentWidget() is tab.form.emptyPage
    assert tab.form.emptyLabel.isVisible()
    assert "No contact matches" in tab.form.emptyLabel.text()
    tab.form.searchField.clear()
    assert len(shown_names(tab)) == 9
    assert tab.form.table.isVisible()


def test_category_filter(tab: ContactsTab) -> None:
    combo = tab.form.categoryFilter
    assert combo.itemText(0) == "All categories"
    assert combo.count() == 1 + len(ContactCategory)
    combo.setCurrentIndex(combo.findText(label(ContactCategory.PHARMACY)))
    assert shown_names(tab) == [PHARMACY]
    combo.setCurrentIndex(combo.findText(label(ContactCategory.SITE_STAFF)))
    assert len(shown_names(tab)) == 3
    tab.form.searchField.setText("liu")
    assert shown_names(tab) == [NURSE]
    combo.setCurrentIndex(0)
    tab.form.searchField.clear()
    assert len(shown_names(tab)) == 9


def test_clicking_the_name_header_sorts_by_name(qtbot: QtBot, tab: ContactsTab) -> None:
    header = tab.form.table.horizontalHeader()
    centre = QPoint(header.sectionViewportPosition(Column.NAME) + header.sectionSize(Column.NAME) // 2, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    ascending = shown_names(tab)
    assert header.sortIndicatorSection() == Column.NAME
    assert ascending[0] == SPONSOR
    assert ascending[-2:] == ["Xiaoxi Huang, PHD", "Xiaoxi Huang, PHD"]
    latin = [name for name in ascending if name.isascii()]
    assert latin == sorted(latin, key=str.casefold)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert shown_names(tab)[0] == "Xiaoxi Huang, PHD"
    assert shown_names(tab)[-1] == SPONSOR


def test_default_order_is_by_category_then_name(tab: ContactsTab) -> None:
    categories = [cell(tab, name, Column.CATEGORY) for name in shown_names(tab)]
    assert categories[:3] == [label(ContactCategory.SITE_STAFF)] * 3
    assert categories[-1] == label(ContactCategory.ETHICS_COMMITTEE)


# -- retire and reinstate ----------------------------------------------------------------------


def test_retire_hides_the_contact_and_show_retired_brings_it_back(
    qtbot: QtBot, tab: ContactsTab, demo_workspace: Workspace
) -> None:
    asked: list[str] = []

    def ask(record: ContactRecord) -> dt.date:
        asked.append(record.name)
        return dt.date(2026, 10, 31)

    tab.ask_retire_date = ask  # type: ignore[method-assign]
    tab.today = lambda: dt.date(2026, 11, 25)  # type: ignore[method-assign]
    select(tab, NURSE)
    assert tab.form.retireButton.text() == "Re&tire…"
    qtbot.mouseClick(tab.form.retireButton, Qt.MouseButton.LeftButton)

    assert asked == [NURSE]
    assert NURSE not in shown_names(tab)
    assert tab.form.countLabel.text() == "8 of 9 contacts"
    retired = stored(demo_workspace, NURSE)
    assert retired.retired_on == dt.date(2026, 10, 31)
    assert all(d.end_date == dt.date(2026, 10, 31) for d in retired.delegations)

    tab.form.showRetired.setChecked(True)
    assert NURSE in shown_names(tab)
    assert cell(tab, NURSE, Column.STATUS) == f"Retired on {format_date(dt.date(2026, 10, 31))}"
    assert cell(tab, NURSE, Column.DUTIES) == ""  # no duty is active any more
    assert cell(tab, NURSE, Column.NAME, Qt.ItemDataRole.ForegroundRole) is not None
    assert cell(tab, PHARMACY, Column.NAME, Qt.ItemDataRole.ForegroundRole) is None

    select(tab, NURSE)
    assert tab.form.retireButton.text() == "Rein&state"
    confirmations: list[str] = []

    def confirm(title: str, text: str) -> bool:
        confirmations.append(text)
        return True

    tab.confirm = confirm  # type: ignore[method-assign]
    qtbot.mouseClick(tab.form.retireButton, Qt.MouseButton.LeftButton)
    assert len(confirmations) == 1
    assert stored(demo_workspace, NURSE).retired_on is None
    assert cell(tab, NURSE, Column.STATUS) == "Active"
    assert tab.form.retireButton.text() == "Re&tire…"


def test_cancelling_the_retire_date_changes_nothing(qtbot: QtBot, tab: ContactsTab, demo_workspace: Workspace) -> None:
    tab.ask_retire_date = lambda record: None  # type: ignore[method-assign]
    select(tab, NURSE)
    qtbot.mouseClick(tab.form.retireButton, Qt.MouseButton.LeftButton)
    assert NURSE in shown_names(tab)
    assert stored(demo_workspace, NURSE).retired_on is None


# -- add and edit ------------------------------------------------------------------------------


def test_add_through_the_dialog_seam_creates_a_row(qtbot: QtBot, tab: ContactsTab, demo_workspace: Workspace) -> None:
    draft = ContactDraft(
        kind=ContactKind.ORGANISATION,
        category=ContactCategory.COURIER,
        name="DEMO 顺丰冷链 Cold-chain courier",
        phone="0898-66151200",
        email="courier@example.org",
    )
    seen: list[ContactRecord | None] = []

    def open_dialog(record: ContactRecord | None) -> ContactDraft:
        seen.append(record)
        return draft

    tab.open_contact_dialog = open_dialog  # type: ignore[method-assign]
    qtbot.mouseClick(tab.form.addButton, Qt.MouseButton.LeftButton)

    assert seen == [None]
    assert draft.name in shown_names(tab)
    assert tab.selected_record() is not None
    assert tab.selected_record().name == draft.name  # type: ignore[union-attr]
    assert cell(tab, draft.name, Column.PHONE) == "0898 6615 1200"
    assert cell(tab, draft.name, Column.CATEGORY) == label(ContactCategory.COURIER)
    assert stored(demo_workspace, draft.name).phone == "+8689866151200"
    assert "Added" in tab.form.statusLabel.text()


def test_add_with_the_real_dialog(
    qtbot: QtBot, tab: ContactsTab, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: ContactDialog) -> None:
        assert dialog.windowTitle() == "Add contact"
        dialog.form.nameEdit.setText("DEMO 李药师 (Pharmacist Li)")  # QTest cannot type CJK characters
        qtbot.keyClicks(dialog.form.roleEdit, "Trial pharmacist")
        qtbot.keyClicks(dialog.form.phoneEdit, "+1 650 253 0000")
        qtbot.keyClicks(dialog.form.emailEdit, "li.pharm@example.org")
        dialog.form.dutyCombo.setCurrentIndex(dialog.form.dutyCombo.findData("Investigational product accountability"))
        dialog.form.dutyStartEdit.setDate(to_qdate(dt.date(2026, 9, 1)))
        qtbot.mouseClick(dialog.form.addDutyButton, Qt.MouseButton.LeftButton)
        assert dialog.delegations.rowCount() == 1
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
        assert not dialog.form.errorLabel.isVisible()

    drive_dialog(monkeypatch, fill)
    qtbot.mouseClick(tab.form.addButton, Qt.MouseButton.LeftButton)

    record = stored(demo_workspace, "DEMO 李药师 (Pharmacist Li)")
    assert record.phone == "+16502530000"
    assert record.delegations == (Delegation("Investigational product accountability", dt.date(2026, 9, 1)),)
    assert "DEMO 李药师 (Pharmacist Li)" in shown_names(tab)


def test_invalid_phone_keeps_the_dialog_open_and_saves_nothing(
    qtbot: QtBot, tab: ContactsTab, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = stored(demo_workspace, NURSE)
    observed: dict[str, object] = {}

    def try_bad_phone(dialog: ContactDialog) -> None:
        assert dialog.form.phoneEdit.text() == "138 0000 0002"
        assert not dialog.form.errorLabel.isVisible()
        dialog.form.phoneEdit.clear()
        qtbot.keyClicks(dialog.form.phoneEdit, "12345")
        dialog.form.roleEdit.setText("Charge nurse")
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
        observed["error"] = dialog.form.errorLabel.text()
        observed["error visible"] = dialog.form.errorLabel.isVisible()
        observed["still open"] = dialog.isVisible()
        observed["focus on phone"] = dialog.focusWidget() is dialog.form.phoneEdit
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)

    opened = drive_dialog(monkeypatch, try_bad_phone)
    select(tab, NURSE)
    qtbot.mouseClick(tab.form.editButton, Qt.MouseButton.LeftButton)

    assert len(opened) == 1
    assert observed["error visible"] is True
    assert observed["still open"] is True
    assert observed["focus on phone"] is True
    assert "Phone" in str(observed["error"])
    assert "12345" in str(observed["error"])
    assert opened[0].result() == QDialog.DialogCode.Rejected
    assert stored(demo_workspace, NURSE) == before
    assert cell(tab, NURSE, Column.ROLE) == "Research nurse"


def test_fixing_the_phone_after_an_error_saves(
    qtbot: QtBot, tab: ContactsTab, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fix(dialog: ContactDialog) -> None:
        dialog.form.emailEdit.setText("nurse@")
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
        assert "nurse@" in dialog.form.errorLabel.text()
        assert "E-mail" in dialog.form.errorLabel.text()
        assert dialog.isVisible()
        dialog.form.emailEdit.setText("liu.nurse@example.org")
        dialog.form.phoneEdit.setText("0898-66151200")
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
        assert dialog.result() == QDialog.DialogCode.Accepted

    drive_dialog(monkeypatch, fix)
    select(tab, NURSE)
    tab.form.table.doubleClicked.emit(tab.form.table.currentIndex())  # double-click edits

    assert stored(demo_workspace, NURSE).phone == "+8689866151200"
    assert cell(tab, NURSE, Column.PHONE) == "0898 6615 1200"
    assert cell(tab, NURSE, Column.EMAIL) == "liu.nurse@example.org"
    assert tab.selected_record() is not None
    assert tab.selected_record().name == NURSE  # type: ignore[union-attr]


def test_dialog_ends_saved_duties_and_removes_only_new_ones(
    qtbot: QtBot, tab: ContactsTab, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    def edit_log(dialog: ContactDialog) -> None:
        form = dialog.form
        assert dialog.delegations.rowCount() == 3
        form.delegationTable.selectRow(0)  # a saved, open line
        assert not form.removeDutyButton.isEnabled()
        assert form.endDutyButton.isEnabled()
        form.dutyEndEdit.setDate(to_qdate(dt.date(2026, 8, 31)))
        qtbot.mouseClick(form.endDutyButton, Qt.MouseButton.LeftButton)
        assert dialog.delegations.line(0).end_date == dt.date(2026, 8, 31)
        assert not form.endDutyButton.isEnabled()

        form.dutyCombo.setEditText("Cold-chain receipt of cell product")  # free text is allowed
        qtbot.mouseClick(form.addDutyButton, Qt.MouseButton.LeftButton)
        form.dutyCombo.setCurrentIndex(form.dutyCombo.findData("Query resolution"))
        qtbot.mouseClick(form.addDutyButton, Qt.MouseButton.LeftButton)
        assert dialog.delegations.rowCount() == 5
        assert form.removeDutyButton.isEnabled()  # the new line is selected
        qtbot.mouseClick(form.removeDutyButton, Qt.MouseButton.LeftButton)
        assert dialog.delegations.rowCount() == 4
        click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)

    drive_dialog(monkeypatch, edit_log)
    select(tab, NURSE)
    qtbot.mouseClick(tab.form.editButton, Qt.MouseButton.LeftButton)

    lines = {(d.duty, d.end_date) for d in stored(demo_workspace, NURSE).delegations}
    assert ("Obtain informed consent", dt.date(2026, 8, 31)) in lines
    assert ("Cold-chain receipt of cell product", None) in lines
    assert not any(duty == "Query resolution" for duty, _ in lines)
    assert len(lines) == 4


def test_a_duty_cannot_be_delegated_twice_at_once(qtbot: QtBot, tab: ContactsTab) -> None:
    select(tab, NURSE)
    record = tab.selected_record()
    assert record is not None
    dialog = ContactDialog(record, tab._workspace.trials.resolve(), dt.date(2026, 11, 1), tab)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.dutyCombo.setCurrentIndex(dialog.form.dutyCombo.findData("Obtain informed consent"))
    qtbot.mouseClick(dialog.form.addDutyButton, Qt.MouseButton.LeftButton)
    assert dialog.delegations.rowCount() == 3
    assert dialog.form.errorLabel.isVisible()
    assert "already delegated" in dialog.form.errorLabel.text()


# -- copying -----------------------------------------------------------------------------------


def test_copy_phone_and_email(qtbot: QtBot, tab: ContactsTab) -> None:
    clipboard = QApplication.clipboard()
    clipboard.clear()
    select(tab, NURSE)
    qtbot.mouseClick(tab.form.copyPhoneButton, Qt.MouseButton.LeftButton)
    assert clipboard.text() == "138 0000 0002"
    assert "138 0000 0002" in tab.form.statusLabel.text()

    qtbot.mouseClick(tab.form.copyEmailButton, Qt.MouseButton.LeftButton)
    assert clipboard.text() == "nurse.demo@example.org"
    assert "nurse.demo@example.org" in tab.form.statusLabel.text()

    select(tab, "DEMO Cell Manufacturing Centre")
    tab.form.table.setFocus()
    qtbot.keyClick(tab.form.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "+852 2100 0000"


def test_buttons_follow_the_selection(tab: ContactsTab) -> None:
    form = tab.form
    assert form.addButton.isEnabled()
    assert not form.editButton.isEnabled()
    assert not form.retireButton.isEnabled()
    assert not form.copyPhoneButton.isEnabled()
    select(tab, SPONSOR)  # no phone, no e-mail
    assert form.editButton.isEnabled()
    assert form.retireButton.isEnabled()
    assert not form.copyPhoneButton.isEnabled()
    assert not form.copyEmailButton.isEnabled()
    select(tab, PHARMACY)  # a phone, no e-mail
    assert form.copyPhoneButton.isEnabled()
    assert not form.copyEmailButton.isEnabled()
    menu = [action.text() for action in form.table.actions()]
    assert {"&Edit…", "Re&tire…", "Copy &phone", "Copy e-&mail"} <= set(menu)


def test_show_trial_rereads_and_keeps_the_selection(tab: ContactsTab, demo_workspace: Workspace) -> None:
    trial = demo_workspace.trials.resolve()
    select(tab, NURSE)
    record = tab.selected_record()
    assert record is not None
    demo_workspace.contacts.update(
        record.id,
        trial.id,
        ContactDraft(
            kind=record.kind,
            category=record.category,
            name=record.name,
            role="Senior research nurse",
            delegations=record.delegations,
        ),
        DEMO_INVESTIGATOR,  # from another desktop
    )
    tab.show_trial(trial)  # F5
    assert cell(tab, NURSE, Column.ROLE) == "Senior research nurse"
    assert tab.selected_record() is not None
    assert tab.selected_record().name == NURSE  # type: ignore[union-attr]


def test_an_edit_saved_meanwhile_on_another_desktop_is_not_overwritten_and_the_tab_offers_to_reload(
    qtbot: QtBot, tab: ContactsTab, demo_workspace: Workspace
) -> None:
    select(tab, PHARMACY)
    shown = tab.selected_record()
    assert shown is not None
    trial = demo_workspace.trials.resolve()
    elsewhere = dataclasses.replace(_draft_of(shown), phone="0898 6600 0099")
    demo_workspace.contacts.update(shown.id, trial.id, elsewhere, demo_workspace.actor)  # the other desktop

    asked: list[str] = []
    tab.open_contact_dialog = lambda record: dataclasses.replace(_draft_of(shown), phone="0898 6600 0042")  # type: ignore[method-assign]
    tab.ask_reload = lambda title, error: asked.append(str(error)) or True  # type: ignore[method-assign]
    tab.edit_contact()

    assert len(asked) == 1 and "was changed by" in asked[0] and "reload" in asked[0]
    assert stored(demo_workspace, PHARMACY).phone == "+8689866000099"  # the first save stands
    assert cell(tab, PHARMACY, Column.PHONE) == "0898 6600 0099"  # and the tab shows it after the reload


def _draft_of(record: ContactRecord) -> ContactDraft:
    return ContactDraft(
        kind=record.kind,
        category=record.category,
        name=record.name,
        organisation=record.organisation,
        role=record.role,
        phone=record.phone,
        email=record.email,
        notes=record.notes,
        delegations=record.delegations,
    )
