"""Signing in, the first administrator, the idle lock, staff accounts, signatures and what each role sees.

Dialogs are built and their OK pressed (accept()) as the user would; none runs exec(): where the app would
exec() one, the test replaces its ``ask`` with a function that fills the real dialog and presses OK.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ACTOR, ADMIN, FAST_HASHER, INVESTIGATOR, NURSE, PASSWORD, signs
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from coordinator_app.domain.access import MAX_FAILED_SIGN_INS, Role, SignatureMeaning
from coordinator_app.gui.access.form_dialog import FormDialog
from coordinator_app.gui.access.idle_lock import IdleLock, LockOverlay
from coordinator_app.gui.access.sign_in import ChangePasswordDialog, FirstStartDialog, SignInDialog, start_session
from coordinator_app.gui.access.signature_dialog import SignatureDialog, SignatureRequest, signature_request
from coordinator_app.gui.access.staff import ActiveDialog, NewAccountDialog, StaffColumn, StaffDialog
from coordinator_app.gui.eligibility.dialogs import SubjectDialog
from coordinator_app.gui.main_window import MainWindow
from coordinator_app.services.demo_users import DEMO_MONITOR, DEMO_PASSWORD
from coordinator_app.services.users import Credentials, UserAccount
from coordinator_app.services.workspace import Workspace, open_workspace
from coordinator_app.storage.urls import sqlite_url

NEW_PASSWORD = "my own secret 7"


@pytest.fixture
def empty_workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A new site database: no accounts yet."""
    opened = open_workspace(sqlite_url(tmp_path / "new.sqlite3"), password_hasher=FAST_HASHER)
    yield opened
    opened.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def signed_in_as(workspace: Workspace, username: str) -> Workspace:
    workspace.sign_out()
    workspace.sign_in(signs(username))
    return workspace


def press_ok(dialog: FormDialog[Any], **texts: str) -> Any:
    """Type ``texts`` into the dialog's fields (attribute name -> text) and press OK; what it saved, if it closed."""
    for name, text in texts.items():
        getattr(dialog, name).setText(text)
    dialog.accept()
    return dialog.outcome if dialog.result() == FormDialog.DialogCode.Accepted else None


def problem(dialog: FormDialog[Any]) -> str:
    return dialog.error_label.text() if dialog.error_label.isVisibleTo(dialog) else ""


# -- the way in ------------------------------------------------------------------------------------


def test_the_first_start_creates_the_administrator_and_signs_them_in(qtbot: QtBot, empty_workspace: Workspace) -> None:
    dialog = FirstStartDialog(empty_workspace)
    qtbot.addWidget(dialog)
    fields = {"username_edit": "Wang Li", "full_name_edit": "王丽", "password_edit": "short"}

    assert press_ok(dialog, **fields, confirmation_edit="short") is None
    assert problem(dialog) == (
        "User name “Wang Li” must be 2-40 lower-case letters, digits, '.', '-' or '_', starting with a letter"
    )
    assert dialog.focusWidget() is dialog.username_edit

    assert press_ok(dialog, username_edit="wang.li", confirmation_edit="short") is None
    assert problem(dialog) == "Password must have at least 10 characters"  # the password itself is never shown

    assert press_ok(dialog, password_edit=PASSWORD, confirmation_edit=PASSWORD + "x") is None
    assert "two passwords differ" in problem(dialog)
    assert not empty_workspace.users.has_users()

    account = press_ok(dialog, password_edit=PASSWORD, confirmation_edit=PASSWORD)

    assert account is not None and (account.username, account.role) == ("wang.li", Role.ADMINISTRATOR)
    assert empty_workspace.user is not None and empty_workspace.user.username == "wang.li"
    assert dialog.password_edit.text() == dialog.confirmation_edit.text() == ""  # not kept once used


def test_a_wrong_password_is_said_in_the_sign_in_and_repeated_failures_lock_the_account(
    qtbot: QtBot, workspace: Workspace
) -> None:
    workspace.sign_out()
    dialog = SignInDialog(workspace)
    qtbot.addWidget(dialog)

    assert press_ok(dialog, username_edit=NURSE, password_edit="not the password") is None
    left = MAX_FAILED_SIGN_INS - 1
    assert problem(dialog) == f"The user name or the password is wrong ({left} more attempts before the account locks)"
    assert dialog.password_edit.text() == ""  # typed again, the user name stays
    assert dialog.username_edit.text() == NURSE
    for _ in range(MAX_FAILED_SIGN_INS - 1):
        press_ok(dialog, password_edit="not the password")
    assert problem(dialog).startswith("The account is locked after repeated failed attempts until ")

    assert press_ok(dialog, password_edit=PASSWORD) is None  # even the right password, until unlocked
    assert "locked" in problem(dialog)
    assert workspace.user is None
    assert dialog.cancel_button.text() == "Quit"


def _fill_and_press_ok(**texts: str) -> Callable[..., UserAccount | None]:
    """A stand-in for a dialog's ``ask`` that builds the real dialog, types ``texts`` and presses OK."""

    def ask(cls: type[FormDialog[UserAccount]], *args: object, **kwargs: object) -> UserAccount | None:
        dialog = cls(*args, **kwargs)  # type: ignore[call-arg]
        try:
            return press_ok(dialog, **texts)
        finally:
            dialog.deleteLater()

    return ask


def test_a_first_password_must_be_replaced_before_the_main_window_opens(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    signed_in_as(workspace, ADMIN)
    workspace.users.add_user("new.nurse", "New Nurse", Role.RESEARCH_NURSE, PASSWORD, ADMIN)
    workspace.sign_out()
    asked: list[bool] = []

    def change(
        cls: type[ChangePasswordDialog], parent: object, ws: Workspace, forced: bool = False
    ) -> UserAccount | None:
        asked.append(forced)
        dialog = cls(ws, forced)
        assert press_ok(dialog, current_edit=PASSWORD, new_edit=PASSWORD, confirmation_edit=PASSWORD) is None
        assert problem(dialog) == "New password must differ from the current one"
        return press_ok(dialog, current_edit=PASSWORD, new_edit=NEW_PASSWORD, confirmation_edit=NEW_PASSWORD)

    monkeypatch.setattr(
        SignInDialog, "ask", classmethod(_fill_and_press_ok(username_edit="new.nurse", password_edit=PASSWORD))
    )
    monkeypatch.setattr(ChangePasswordDialog, "ask", classmethod(change))

    assert start_session(workspace)

    assert asked == [True]  # the forced change: its Cancel quits
    assert workspace.user is not None and not workspace.user.must_change_password
    workspace.sign_out()
    assert workspace.sign_in(Credentials("new.nurse", NEW_PASSWORD)).username == "new.nurse"


def test_quitting_the_forced_password_change_signs_out(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    signed_in_as(workspace, ADMIN)
    workspace.users.add_user("new.nurse", "New Nurse", Role.RESEARCH_NURSE, PASSWORD, ADMIN)
    workspace.sign_out()
    monkeypatch.setattr(
        SignInDialog, "ask", classmethod(_fill_and_press_ok(username_edit="new.nurse", password_edit=PASSWORD))
    )
    monkeypatch.setattr(ChangePasswordDialog, "ask", classmethod(lambda cls, parent, ws, forced=False: None))

    assert not start_session(workspace)
    assert workspace.user is None


def test_an_empty_database_starts_with_the_first_administrator(
    empty_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        FirstStartDialog, "ask", classmethod(lambda cls, ws, parent=None: asked.append("first") or None)
    )
    monkeypatch.setattr(SignInDialog, "ask", classmethod(lambda cls, ws, parent=None: asked.append("sign in") or None))

    assert not start_session(empty_workspace)  # Quit on the first-start dialog
    assert asked == ["first"]


# -- the idle lock ---------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, settings: QSettings) -> MainWindow:
    shown = MainWindow.for_session(workspace, settings)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def locks() -> Iterator[list[IdleLock]]:
    """The idle locks a test makes, ended afterwards: a lock left locked would cover the next tests' windows."""
    made: list[IdleLock] = []
    yield made
    for lock in made:
        lock.end()


def test_the_idle_lock_covers_every_window_and_keeps_what_was_typed(
    qtbot: QtBot, workspace: Workspace, window: MainWindow, locks: list[IdleLock]
) -> None:
    dialog = SubjectDialog(None, dt.date.today(), window)  # a half-filled registration, left open
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.form.familyEdit, "Zhang")
    lock = IdleLock(workspace, window, interval_ms=50)
    locks.append(lock)

    qtbot.waitUntil(lock.is_locked)

    covered = {overlay.window(): overlay for overlay in lock.overlays()}
    assert set(covered) == {window, dialog}
    for owner, overlay in covered.items():
        assert overlay.isVisible() and overlay.geometry() == owner.rect()
    prompt = lock.prompt
    assert prompt is not None and prompt.isVisible()
    assert prompt.windowModality() == Qt.WindowModality.ApplicationModal
    assert "Test Coordinator (test-coordinator)" in prompt.intro_label.text()

    prompt.password_edit.setText("not the password")
    prompt.ok_button.click()
    assert lock.is_locked() and "password is wrong" in prompt.error_label.text()
    prompt.reject()  # Escape does not unlock either
    assert lock.is_locked() and prompt.isVisible()
    late = QDialog(window)  # e.g. a print preview a background job opens while locked
    qtbot.addWidget(late)
    late.show()
    assert any(overlay.window() is late for overlay in lock.overlays())

    prompt.password_edit.setText(PASSWORD)
    prompt.ok_button.click()

    assert not lock.is_locked() and lock.overlays() == []
    assert dialog.isVisible() and dialog.form.familyEdit.text() == "Zhang"
    lock.end()  # its 50 ms would lock again whenever the loop is held up that long (e.g. a tab being prepared)
    qtbot.waitUntil(lambda: dialog.findChild(LockOverlay) is None)


def test_lock_now_and_signing_out_from_the_locked_screen(
    qtbot: QtBot, workspace: Workspace, window: MainWindow, monkeypatch: pytest.MonkeyPatch, locks: list[IdleLock]
) -> None:
    lock = IdleLock(workspace, window, interval_ms=600_000)
    locks.append(lock)
    assert not window.form.lockAction.isEnabled()
    window.use_idle_lock(lock)
    assert window.form.lockAction.shortcut().toString() == "Ctrl+L"

    window.form.lockAction.trigger()

    assert lock.is_locked()
    prompt = lock.prompt
    assert prompt is not None
    questions: list[bool] = []
    answers = iter([False, True])
    monkeypatch.setattr(lock, "confirm_sign_out", lambda: questions.append(True) or next(answers))
    with qtbot.assertNotEmitted(lock.sign_out_requested):
        prompt.sign_out_button.click()  # "No": still locked, still signed in
    assert lock.is_locked() and not lock.signed_out
    with qtbot.waitSignal(lock.sign_out_requested):
        prompt.sign_out_button.click()
    assert lock.signed_out and len(questions) == 2

    lock.end()  # what the session does once its event loop has ended
    assert not lock.is_locked() and lock.overlays() == [] and not prompt.isVisible()


# -- staff accounts --------------------------------------------------------------------------------


def test_the_administrator_adds_an_account_and_a_taken_name_is_refused_in_the_dialog(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    signed_in_as(workspace, ADMIN)
    staff = StaffDialog(workspace)
    qtbot.addWidget(staff)
    assert staff.model.rowCount() == 5
    refused: list[NewAccountDialog] = []

    def add(**texts: str) -> Callable[[], UserAccount | None]:
        def ask() -> UserAccount | None:
            dialog = NewAccountDialog(workspace, staff)
            qtbot.addWidget(dialog)
            dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.INVESTIGATOR.value))
            account = press_ok(dialog, password_edit=PASSWORD, confirmation_edit=PASSWORD, **texts)
            if account is None:
                refused.append(dialog)
            return account

        return ask

    monkeypatch.setattr(staff, "ask_new_account", add(username_edit="li.ming", full_name_edit="Dr Li Ming"))
    staff.add_button.click()

    assert staff.model.rowCount() == 6
    selected = staff.selected()
    assert selected is not None and (selected.username, selected.role) == ("li.ming", Role.INVESTIGATOR)
    assert selected.must_change_password
    row = staff.model.row_of("li.ming")
    assert staff.model.index(row, StaffColumn.ROLE).data() == "Investigator"
    assert staff.model.index(row, StaffColumn.LAST_SIGN_IN).data() == "never"
    assert "Added li.ming" in staff.status_label.text()

    monkeypatch.setattr(staff, "ask_new_account", add(username_edit="li.ming", full_name_edit="Li Ming (pharmacy)"))
    staff.add_button.click()

    assert staff.model.rowCount() == 6
    (dialog,) = refused
    assert problem(dialog) == "User name “li.ming” is taken (accounts are never deleted)"
    assert dialog.full_name_edit.text() == "Li Ming (pharmacy)"  # nothing typed is lost


def test_deactivating_needs_a_reason_and_unlock_lifts_a_lock_out(qtbot: QtBot, workspace: Workspace) -> None:
    workspace.sign_out()
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(PermissionError):
            workspace.sign_in(Credentials(NURSE, "not the password"))
    signed_in_as(workspace, ADMIN)
    staff = StaffDialog(workspace)
    qtbot.addWidget(staff)
    staff.table.selectRow(staff.model.row_of(NURSE))
    assert staff.model.index(staff.model.row_of(NURSE), StaffColumn.LOCKED_UNTIL).data() != ""
    assert staff.unlock_button.isEnabled()

    staff.unlock_button.click()

    assert not staff.unlock_button.isEnabled()
    assert workspace.users.get(NURSE).locked_until is None
    nurse = workspace.users.get(NURSE)
    dialog = ActiveDialog(workspace, nurse)
    qtbot.addWidget(dialog)
    assert press_ok(dialog) is None
    assert problem(dialog) == "Reason is required for a change to a staff account"
    assert press_ok(dialog, reason_edit="left the site") is not None
    assert not workspace.users.get(NURSE).active


# -- signatures ------------------------------------------------------------------------------------


def test_the_signature_dialog_names_the_meaning_and_returns_the_signers_credentials(
    qtbot: QtBot, workspace: Workspace
) -> None:
    assert signature_request(workspace, SignatureMeaning.APPROVED_ELIGIBILITY, "t", "s").username == ""
    assert signature_request(workspace, SignatureMeaning.COMPLETED_VISIT, "t", "s").username == ACTOR
    request = SignatureRequest(
        "Sign the eligibility verdict: SCR-001",
        "<b>Eligible</b> for 张伟",
        SignatureMeaning.APPROVED_ELIGIBILITY,
        reason_hint="Why the verdict is signed again",
    )
    dialog = SignatureDialog(request)
    qtbot.addWidget(dialog)
    assert "approved eligibility verdict" in dialog.meaning_label.text()
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    assert not dialog.reason_edit.isHidden()

    assert press_ok(dialog, username_edit=INVESTIGATOR) is None
    assert problem(dialog) == "Type the signer's password."
    assert press_ok(dialog, password_edit=PASSWORD) is None
    assert problem(dialog) == "Give the reason for signing again."
    dialog.reason_edit.setText("PT result corrected")
    dialog.password_edit.setText(PASSWORD)
    dialog.accept()

    assert dialog.outcome is not None
    assert dialog.outcome.credentials == signs(INVESTIGATOR)
    assert dialog.outcome.reason == "PT result corrected"
    assert dialog.password_edit.text() == ""
    assert PASSWORD not in repr(dialog.outcome)


# -- what each role sees ---------------------------------------------------------------------------


def test_the_status_bar_names_the_user_and_the_account_menu_follows_the_role(
    qtbot: QtBot, workspace: Workspace, settings: QSettings
) -> None:
    window = MainWindow.for_session(workspace, settings)
    qtbot.addWidget(window)
    assert window.user_label.text() == "Signed in: Test Coordinator (test-coordinator) · Coordinator"
    assert window.form.loadProtocolAction.isEnabled() and window.form.changePasswordAction.isEnabled()
    assert not window.form.staffAction.isEnabled()

    admin = MainWindow.for_session(signed_in_as(workspace, ADMIN), settings)
    qtbot.addWidget(admin)
    assert admin.form.staffAction.isEnabled()


def test_the_monitors_main_window_changes_nothing(qtbot: QtBot, demo_workspace: Workspace, settings: QSettings) -> None:
    demo_workspace.sign_out()
    demo_workspace.sign_in(Credentials(DEMO_MONITOR, DEMO_PASSWORD))
    window = MainWindow.for_session(demo_workspace, settings)
    qtbot.addWidget(window)
    window.show()
    assert "Monitor (read-only)" in window.user_label.text()
    assert not window.form.loadProtocolAction.isEnabled() and not window.form.importCtgovAction.isEnabled()

    window.show_tab("eligibility")
    eligibility = window.eligibility
    trial = demo_workspace.trials.resolve()
    eligibility.select_subject(demo_workspace.screening.find(trial.id, "DEMO-S006").id)
    form = eligibility.form
    editing = (
        form.registerButton,
        form.importButton,
        form.editDetailsButton,
        form.consentButton,
        form.signButton,
        form.enrolButton,
        form.screenFailButton,
    )
    assert not any(button.isEnabled() for button in editing)
    assert form.exportButton.isEnabled()  # reading and exporting are not changes
    facts = eligibility.facts
    assert not facts.flags(facts.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not eligibility.print_consent_action.isEnabled()  # printing a consent form is recorded

    window.show_tab("calendar")
    calendar = window.calendar
    calendar.show_timeline(demo_workspace.screening.find(trial.id, "DEMO-005").id, "D1")
    visit_buttons = (calendar.form.recordButton, calendar.form.rescheduleButton, calendar.form.infusionButton)
    assert not any(button.isEnabled() for button in visit_buttons)
    assert not calendar.form.bookButton.isEnabled()
    assert not window.contacts.add_action.isEnabled()
