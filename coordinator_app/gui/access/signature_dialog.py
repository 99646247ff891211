"""Electronic signatures: the signer types their user name and password again, under what they sign and what the
signature means. The signer need not be the signed-in user: an investigator signs at the nurse's desk.

The dialog only collects the signature; the service checks it when the caller saves with it. ``sign`` asks again,
with the refusal shown inside the dialog, while the password is wrong or the signer's role may not sign this.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from coordinator_app.domain.access import MEANING_PERMISSION, SignatureMeaning
from coordinator_app.domain.errors import AuthenticationError, PermissionDeniedError
from coordinator_app.gui.access.form_dialog import FormDialog, run, sentence
from coordinator_app.gui.formatting import rich
from coordinator_app.gui.labels import signature_meaning
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import Workspace

Saved = TypeVar("Saved")

_MEANING_STYLE = "QLabel { background: #eef3fb; border: 1px solid #c5d5ee; border-radius: 3px; padding: 6px; }"


@dataclass(frozen=True)
class SignatureRequest:
    """What the dialog shows: the title, what is signed (rich text), the meaning, the user name to start with and,
    when ``reason_hint`` is set, a required reason (with the hint as placeholder)."""

    title: str
    summary: str
    meaning: SignatureMeaning
    username: str = ""
    reason_hint: str = ""
    reason: str = ""
    problem: str = ""  # why the last attempt was refused, shown in the dialog asked again


@dataclass(frozen=True)
class SignatureInput:
    credentials: Credentials
    reason: str = ""


def signature_request(
    workspace: Workspace, meaning: SignatureMeaning, title: str, summary: str, reason_hint: str = ""
) -> SignatureRequest:
    """A request with the signed-in user's name filled in when their role may sign with ``meaning``; otherwise the
    signer (an investigator at a coordinator's desk) types theirs."""
    user = workspace.user
    own = user is not None and user.may(MEANING_PERMISSION[meaning])
    return SignatureRequest(title, summary, meaning, user.username if own and user else "", reason_hint)


def sign(
    request: SignatureRequest,
    ask: Callable[[SignatureRequest], SignatureInput | None],
    save: Callable[[SignatureInput], Saved],
) -> Saved | None:
    """Ask for the signature and save with it, asking again after a wrong password or a signer who may not sign
    this; None when the signer cancels. Any other refusal is about the record, not the signature: it reaches
    the caller."""
    while (signature := ask(request)) is not None:
        try:
            return save(signature)
        except (AuthenticationError, PermissionDeniedError) as refusal:
            request = replace(
                request, username=signature.credentials.username, reason=signature.reason, problem=str(refusal)
            )
    return None


class SignatureDialog(FormDialog[SignatureInput]):
    def __init__(self, request: SignatureRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._needs_reason = bool(request.reason_hint)
        self.setWindowTitle(request.title)
        self.set_intro(request.summary)
        self.meaning_label = self.add_note(
            self.tr(
                "Meaning of this signature: <b>{meaning}</b>. Your user name and password sign it as your "
                "handwritten signature would; your name, the meaning and the time are stored and printed with it."
            ).format(meaning=rich(signature_meaning(request.meaning.value))),
            _MEANING_STYLE,
        )
        self.username_edit = self.add_line(self.tr("Signer's &user name:"), "user name", text=request.username)
        self.password_edit = self.add_password(self.tr("&Password:"), "password")
        self.reason_edit = self.add_line(self.tr("&Reason:"), "reason", text=request.reason)
        self.reason_edit.setPlaceholderText(request.reason_hint)
        self.fields.setRowVisible(self.reason_edit, self._needs_reason)
        self.ok_button.setText(self.tr("Sign"))
        if request.problem:
            self.show_problem(sentence(request.problem))
        (self.password_edit if request.username else self.username_edit).setFocus()
        self.fit(500)

    def submit(self) -> SignatureInput | None:
        username = self.username_edit.text().strip()
        if not username:
            self.show_problem(self.tr("Type the signer's user name."), "user name")
            return None
        if not self.password_edit.text():
            self.show_problem(self.tr("Type the signer's password."), "password")
            return None
        reason = self.reason_edit.text().strip()
        if self._needs_reason and not reason:
            self.show_problem(self.tr("Give the reason for signing again."), "reason")
            return None
        return SignatureInput(Credentials(username, self.password_edit.text()), reason)

    @classmethod
    def ask(cls, parent: QWidget | None, request: SignatureRequest) -> SignatureInput | None:
        return run(cls(request, parent))
