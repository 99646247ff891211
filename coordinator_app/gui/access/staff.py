"""Staff accounts, for administrators: who may sign in with which role, and the repairs an administrator makes
(a forgotten password, a locked account, a colleague who left). Accounts are never deleted: a deactivated one
keeps its name on everything it recorded and signed."""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.access import Role
from coordinator_app.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from coordinator_app.gui.access.form_dialog import FormDialog, password_rules, problem_text, run
from coordinator_app.gui.formatting import format_instant, rich
from coordinator_app.gui.labels import label
from coordinator_app.gui.table_model import Index, RecordTableModel
from coordinator_app.services.users import UserAccount
from coordinator_app.services.workspace import Workspace


class StaffColumn(IntEnum):
    USERNAME = 0
    FULL_NAME = 1
    ROLE = 2
    ACTIVE = 3
    LOCKED_UNTIL = 4
    LAST_SIGN_IN = 5


def locked_now(account: UserAccount, now: dt.datetime) -> bool:
    return account.locked_until is not None and account.locked_until > now


class StaffTableModel(RecordTableModel[UserAccount]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                self.tr("User name"),
                self.tr("Full name"),
                self.tr("Role"),
                self.tr("Active"),
                self.tr("Locked until"),
                self.tr("Last sign-in"),
            ],
            parent,
        )
        self._now = dt.datetime.now(dt.UTC)

    def set_accounts(self, accounts: list[UserAccount], now: dt.datetime) -> None:
        self._now = now
        self.set_records(accounts)

    def row_of(self, username: str) -> int | None:
        return next((row for row, a in enumerate(self._records) if a.username == username), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        account = self._records[index.row()]
        column = StaffColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case StaffColumn.USERNAME:
                    return account.username
                case StaffColumn.FULL_NAME:
                    return account.full_name
                case StaffColumn.ROLE:
                    return label(account.role)
                case StaffColumn.ACTIVE:
                    return self.tr("Yes") if account.active else self.tr("No (deactivated)")
                case StaffColumn.LOCKED_UNTIL:
                    if locked_now(account, self._now) and account.locked_until is not None:
                        return format_instant(account.locked_until)
                    return ""
                case StaffColumn.LAST_SIGN_IN:
                    return format_instant(account.last_sign_in_at) if account.last_sign_in_at else self.tr("never")
        if role == Qt.ItemDataRole.ForegroundRole and not account.active:
            return Qt.GlobalColor.darkGray
        return None


def _role_combo(parent: QWidget, current: Role = Role.RESEARCH_NURSE) -> QComboBox:
    combo = QComboBox(parent)
    for role in Role:
        combo.addItem(label(role), role.value)
    combo.setCurrentIndex(combo.findData(current.value))
    return combo


class NewAccountDialog(FormDialog[UserAccount]):
    """A colleague's account with a first password that they replace at their first sign-in."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setWindowTitle(self.tr("Add a staff account"))
        self.set_intro(
            self.tr(
                "Give the colleague their user name and this first password in person. At the first sign-in "
                "they must choose their own password."
            )
        )
        self.username_edit = self.add_line(self.tr("&User name:"), "user name")
        self.username_edit.setPlaceholderText(self.tr("lower-case, e.g. liu.fang"))
        self.full_name_edit = self.add_line(self.tr("&Full name:"), "full name")
        self.full_name_edit.setPlaceholderText(self.tr("as printed beside signatures"))
        self.role_combo = _role_combo(self)
        self.add_field(self.tr("&Role:"), self.role_combo, "role")
        self.password_edit = self.add_password(self.tr("First &password:"), "password")
        self.confirmation_edit = self.add_password(self.tr("&Confirm password:"), "confirmation")
        self.add_hint(password_rules())
        self.ok_button.setText(self.tr("Add account"))
        self.fit()

    def submit(self) -> UserAccount | None:
        password = self.password_edit.text()
        if password != self.confirmation_edit.text():
            self.show_problem(self.tr("The two passwords differ: type the same password twice."), "confirmation")
            return None
        return self._workspace.users.add_user(
            self.username_edit.text(),
            self.full_name_edit.text(),
            Role(self.role_combo.currentData()),
            password,
            self._workspace.actor,
        )

    @classmethod
    def ask(cls, parent: QWidget | None, workspace: Workspace) -> UserAccount | None:
        return run(cls(workspace, parent))


class EditAccountDialog(FormDialog[UserAccount]):
    """A corrected name or another role, with the reason the audit trail keeps."""

    def __init__(self, workspace: Workspace, account: UserAccount, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._username = account.username
        self.setWindowTitle(self.tr("Edit {user}").format(user=account.username))
        self.set_intro(
            self.tr(
                "Signatures already given keep the name and role they were given with; the change applies from now on."
            )
        )
        self.full_name_edit = self.add_line(self.tr("&Full name:"), "full name", text=account.full_name)
        self.role_combo = _role_combo(self, account.role)
        self.add_field(self.tr("&Role:"), self.role_combo, "role", "user")
        self.reason_edit = self.add_line(self.tr("R&eason:"), "reason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. appointed sub-investigator by the PI"))
        self.ok_button.setText(self.tr("Save"))
        self.fit()

    def submit(self) -> UserAccount:
        return self._workspace.users.update_user(
            self._username,
            self.full_name_edit.text(),
            Role(self.role_combo.currentData()),
            self._workspace.actor,
            self.reason_edit.text(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, workspace: Workspace, account: UserAccount) -> UserAccount | None:
        return run(cls(workspace, account, parent))


class ActiveDialog(FormDialog[UserAccount]):
    """Deactivate an account (the colleague left) or reactivate it, with the reason."""

    def __init__(self, workspace: Workspace, account: UserAccount, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._username = account.username
        self._activate = not account.active
        name = rich(account.display_name)
        if self._activate:
            self.setWindowTitle(self.tr("Reactivate {user}").format(user=account.username))
            self.set_intro(self.tr("<b>{name}</b> may sign in again with their password.").format(name=name))
            self.ok_button.setText(self.tr("Reactivate"))
        else:
            self.setWindowTitle(self.tr("Deactivate {user}").format(user=account.username))
            self.set_intro(
                self.tr(
                    "<b>{name}</b> can no longer sign in or sign. The account stays on record with everything "
                    "it entered and signed."
                ).format(name=name)
            )
            self.ok_button.setText(self.tr("Deactivate"))
        self.reason_edit = self.add_line(self.tr("R&eason:"), "reason", "user")
        self.reason_edit.setPlaceholderText(self.tr("e.g. left the site on 2026-11-30"))
        self.fit(420)

    def submit(self) -> UserAccount:
        return self._workspace.users.set_active(
            self._username, self._activate, self._workspace.actor, self.reason_edit.text()
        )

    @classmethod
    def ask(cls, parent: QWidget | None, workspace: Workspace, account: UserAccount) -> UserAccount | None:
        return run(cls(workspace, account, parent))


class ResetPasswordDialog(FormDialog[UserAccount]):
    """A new first password for a colleague who forgot theirs; it also lifts a lock-out."""

    def __init__(self, workspace: Workspace, account: UserAccount, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._username = account.username
        self.setWindowTitle(self.tr("Reset the password of {user}").format(user=account.username))
        self.set_intro(
            self.tr(
                "Give <b>{name}</b> this first password in person; they must choose their own at the next sign-in."
            ).format(name=rich(account.display_name))
        )
        self.password_edit = self.add_password(self.tr("First &password:"), "password")
        self.confirmation_edit = self.add_password(self.tr("&Confirm password:"), "confirmation")
        self.add_hint(password_rules())
        self.ok_button.setText(self.tr("Reset password"))
        self.fit()

    def submit(self) -> UserAccount | None:
        password = self.password_edit.text()
        if password != self.confirmation_edit.text():
            self.show_problem(self.tr("The two passwords differ: type the same password twice."), "confirmation")
            return None
        return self._workspace.users.reset_password(self._username, password, self._workspace.actor)

    @classmethod
    def ask(cls, parent: QWidget | None, workspace: Workspace, account: UserAccount) -> UserAccount | None:
        return run(cls(workspace, account, parent))


class StaffDialog(QDialog):
    """Every account, with the administrator's actions on the selected one."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setWindowTitle(self.tr("Staff accounts"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Each person signs in with their own account; their role decides what they may change and sign. "
                "Accounts are never deleted: deactivate the account of someone who left."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = StaffTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.edit_account)
        layout.addWidget(self.table, 1)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.active_button = QPushButton(self.tr("&Deactivate…"), self)
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setToolTip(self.tr("Lift the lock-out after repeated failed sign-ins"))
        self.reset_button = QPushButton(self.tr("&Reset password…"), self)
        for button in (self.add_button, self.edit_button, self.active_button, self.unlock_button, self.reset_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_account)
        self.edit_button.clicked.connect(self.edit_account)
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button.clicked.connect(self.unlock_account)
        self.reset_button.clicked.connect(self.reset_password)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.reload()
        self.resize(820, 420)

    # -- the list --------------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        selected = self.selected()
        keep = select or (selected.username if selected else None)
        self.model.set_accounts(self._workspace.users.list_users(), self.now())
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        row = self.model.row_of(keep) if keep else None
        if row is not None:
            self.table.selectRow(row)
        self._update_actions()

    def selected(self) -> UserAccount | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        account = self.selected()
        for button in (self.edit_button, self.active_button, self.reset_button):
            button.setEnabled(account is not None)
        self.unlock_button.setEnabled(account is not None and locked_now(account, self.now()))
        reactivate = account is not None and not account.active
        self.active_button.setText(self.tr("Re&activate…") if reactivate else self.tr("&Deactivate…"))

    # -- seams: time, dialogs and messages (tests replace these) ---------------------------------

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def ask_new_account(self) -> UserAccount | None:
        return NewAccountDialog.ask(self, self._workspace)

    def ask_edit(self, account: UserAccount) -> UserAccount | None:
        return EditAccountDialog.ask(self, self._workspace, account)

    def ask_active(self, account: UserAccount) -> UserAccount | None:
        return ActiveDialog.ask(self, self._workspace, account)

    def ask_reset(self, account: UserAccount) -> UserAccount | None:
        return ResetPasswordDialog.ask(self, self._workspace, account)

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    # -- actions ---------------------------------------------------------------------------------

    def _done(self, account: UserAccount | None, message: str) -> None:
        if account is None:
            return
        self.reload(account.username)
        self.status_label.setText(message.format(user=account.username))

    def add_account(self) -> None:
        self._done(
            self.ask_new_account(), self.tr("Added {user}: they choose their own password at the first sign-in.")
        )

    def edit_account(self) -> None:
        account = self.selected()
        if account is not None:
            self._done(self.ask_edit(account), self.tr("Saved {user}."))

    def toggle_active(self) -> None:
        account = self.selected()
        if account is not None:
            message = self.tr("Reactivated {user}.") if not account.active else self.tr("Deactivated {user}.")
            self._done(self.ask_active(account), message)

    def reset_password(self) -> None:
        account = self.selected()
        if account is not None:
            self._done(self.ask_reset(account), self.tr("New first password for {user}; the account is unlocked."))

    def unlock_account(self) -> None:
        account = self.selected()
        if account is None:
            return
        try:
            unlocked = self._workspace.users.unlock(account.username, self._workspace.actor)
        except (ValidationError, NotFoundError, PermissionDeniedError) as error:
            self.show_error(self.tr("Account not unlocked"), problem_text(error))
            return
        self._done(unlocked, self.tr("Unlocked {user}."))

    @classmethod
    def show_accounts(cls, parent: QWidget | None, workspace: Workspace) -> None:
        dialog = cls(workspace, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
