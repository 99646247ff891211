"""The way in: the first start creates the administrator, everyone else signs in, and an account that still has
the administrator's first password chooses its own before the main window opens."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from coordinator_app.gui.access.form_dialog import FormDialog, password_rules, run
from coordinator_app.gui.formatting import rich
from coordinator_app.services.users import Credentials, UserAccount
from coordinator_app.services.workspace import Workspace


class FirstStartDialog(FormDialog[UserAccount]):
    """The database has no accounts yet: its first one is the administrator's, who is then signed in."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setWindowTitle(self.tr("Trial Coordinator: first start"))
        self.set_intro(
            self.tr(
                "<b>This database has no staff accounts yet.</b> Create the administrator's account first: the "
                "administrator adds the staff's accounts and gives them their roles, but does not record "
                "clinical data."
            )
        )
        self.add_note(self.tr("Database: {url}").format(url=rich(workspace.database.display_url)))
        self.username_edit = self.add_line(self.tr("&User name:"), "user name", "administrator")
        self.username_edit.setPlaceholderText(self.tr("lower-case, e.g. wang.li"))
        self.full_name_edit = self.add_line(self.tr("&Full name:"), "full name")
        self.full_name_edit.setPlaceholderText(self.tr("as printed beside signatures"))
        self.password_edit = self.add_password(self.tr("&Password:"), "password")
        self.confirmation_edit = self.add_password(self.tr("&Confirm password:"), "confirmation")
        self.add_hint(password_rules())
        self.ok_button.setText(self.tr("Create and sign in"))
        self.cancel_button.setText(self.tr("Quit"))
        self.fit()

    def submit(self) -> UserAccount | None:
        password = self.password_edit.text()
        if password != self.confirmation_edit.text():
            self.show_problem(self.tr("The two passwords differ: type the same password twice."), "confirmation")
            return None
        account = self._workspace.users.create_first_administrator(
            self.username_edit.text(), self.full_name_edit.text(), password
        )
        return self._workspace.sign_in(Credentials(account.username, password))

    @classmethod
    def ask(cls, workspace: Workspace, parent: QWidget | None = None) -> UserAccount | None:
        return run(cls(workspace, parent))


class SignInDialog(FormDialog[UserAccount]):
    """User name and password; a wrong one, or a locked or deactivated account, is said inside the dialog."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setWindowTitle(self.tr("Sign in to Trial Coordinator"))
        self.set_intro(
            self.tr("Sign in with your own user name and password. Everything you change is recorded under your name.")
        )
        self.add_note(self.tr("Database: {url}").format(url=rich(workspace.database.display_url)))
        self.username_edit = self.add_line(self.tr("&User name:"), "user name")
        self.password_edit = self.add_password(self.tr("&Password:"), "password")
        self.ok_button.setText(self.tr("Sign in"))
        self.cancel_button.setText(self.tr("Quit"))
        self.fit(400)

    def submit(self) -> UserAccount:
        return self._workspace.sign_in(Credentials(self.username_edit.text(), self.password_edit.text()))

    @classmethod
    def ask(cls, workspace: Workspace, parent: QWidget | None = None) -> UserAccount | None:
        return run(cls(workspace, parent))


class ChangePasswordDialog(FormDialog[UserAccount]):
    """The signed-in user's own password: the current one, then the new one twice. ``forced`` is the first sign-in
    with a password the administrator gave: the main window opens only after it is changed."""

    authentication_field = "current password"

    def __init__(self, workspace: Workspace, forced: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        user = workspace.user
        assert user is not None, "a password is changed by the signed-in user"
        if forced:
            self.setWindowTitle(self.tr("Choose your own password"))
            self.set_intro(
                self.tr(
                    "<b>{name}</b>, you signed in with a first password from the administrator. Choose your own "
                    "password before you start; nobody else will know it."
                ).format(name=rich(user.full_name))
            )
            self.cancel_button.setText(self.tr("Quit"))
        else:
            self.setWindowTitle(self.tr("Change password"))
            self.set_intro(self.tr("Change the password of <b>{name}</b>.").format(name=rich(user.display_name)))
        self.current_edit = self.add_password(self.tr("C&urrent password:"), "current password")
        self.new_edit = self.add_password(self.tr("&New password:"), "password", "new password")
        self.confirmation_edit = self.add_password(self.tr("&Confirm new password:"), "confirmation")
        self.add_hint(password_rules())
        self.ok_button.setText(self.tr("Change password"))
        self.fit()

    def submit(self) -> UserAccount | None:
        new_password = self.new_edit.text()
        if new_password != self.confirmation_edit.text():
            self.show_problem(self.tr("The two new passwords differ: type the same password twice."), "confirmation")
            return None
        account = self._workspace.users.change_password(
            Credentials(self._workspace.actor, self.current_edit.text()), new_password
        )
        self._workspace.user = account
        return account

    @classmethod
    def ask(cls, parent: QWidget | None, workspace: Workspace, forced: bool = False) -> UserAccount | None:
        return run(cls(workspace, forced, parent))


def start_session(workspace: Workspace, window: QWidget | None = None) -> bool:
    """Make sure somebody is signed in, asking over ``window``: the first administrator on an empty database, else
    a sign-in; a first password is replaced before anything else. False when the user quits instead."""
    if workspace.user is not None:
        return True  # the demo signs its coordinator in
    if not workspace.users.has_users():
        return FirstStartDialog.ask(workspace, window) is not None
    account = SignInDialog.ask(workspace, window)
    if account is None:
        return False
    if account.must_change_password and ChangePasswordDialog.ask(window, workspace, forced=True) is None:
        workspace.sign_out()
        return False
    return True
