"""What the account dialogs share: a short form whose OK calls the service. A refusal is shown inside the dialog,
naming the field, and everything typed stays, except passwords after a failed check: those are typed again."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator_app.domain.access import MIN_PASSWORD_LENGTH
from coordinator_app.domain.errors import AuthenticationError, NotFoundError, PermissionDeniedError, ValidationError

Outcome = TypeVar("Outcome")

ERROR_STYLE = (
    "QLabel { color: #8a1c1c; background: #fdecea; border: 1px solid #e6a6a6; border-radius: 3px; padding: 6px; }"
)
NOTE_STYLE = "color: #5f6368;"


def sentence(text: str) -> str:
    """A service's message ("the user name or the password is wrong") as a sentence on its own."""
    return text[:1].upper() + text[1:]


def problem_text(error: Exception) -> str:
    """A refusal as a sentence: "User name “bob” is taken", "The user name or the password is wrong"."""
    if not isinstance(error, ValidationError):
        return sentence(str(error))
    if isinstance(error.value, str) and error.value.strip() and "password" not in error.field:
        template = QCoreApplication.translate("Access", "{field} “{value}” {problem}")
    else:
        template = QCoreApplication.translate("Access", "{field} {problem}")
    return template.format(field=sentence(error.field), value=error.value, problem=error.problem)


def password_rules() -> str:
    return QCoreApplication.translate(
        "Access",
        "A password has at least {count} characters, mixes letters with digits or symbols, and does not "
        "contain the user name.",
    ).format(count=MIN_PASSWORD_LENGTH)


def wrapped_label(text: str, parent: QWidget, style: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    if style:
        label.setStyleSheet(style)
    return label


class FormDialog(QDialog, Generic[Outcome]):
    """Subclasses add their rows and implement ``submit``, which calls the service and returns what it saved
    (or None after showing a problem of its own); a service's refusal keeps the dialog open and says why."""

    # The field a failed password check points at (the change-password form names its current password so).
    authentication_field = "password"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome: Outcome | None = None
        self._named: dict[str, QWidget] = {}
        self._passwords: list[QLineEdit] = []
        layout = QVBoxLayout(self)
        self.intro_label = wrapped_label("", self)
        self.intro_label.hide()
        layout.addWidget(self.intro_label)
        self.notes = QVBoxLayout()
        layout.addLayout(self.notes)
        self.error_label = wrapped_label("", self, ERROR_STYLE)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.fields = QFormLayout()
        self.fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(self.fields)
        self.hints = QVBoxLayout()
        layout.addLayout(self.hints)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # -- building --------------------------------------------------------------------------------

    def set_intro(self, text: str) -> None:
        self.intro_label.setText(text)
        self.intro_label.setVisible(bool(text))

    def add_note(self, text: str, style: str = NOTE_STYLE) -> QLabel:
        """A paragraph between the introduction and the fields."""
        note = wrapped_label(text, self, style)
        self.notes.addWidget(note)
        return note

    def add_field(self, label: str, widget: QWidget, *names: str) -> None:
        """A row; ``names`` are the field names the services use for it in their errors."""
        self.fields.addRow(label, widget)
        for name in names:
            self._named[name] = widget

    def add_line(self, label: str, *names: str, text: str = "") -> QLineEdit:
        edit = QLineEdit(text, self)
        self.add_field(label, edit, *names)
        return edit

    def add_password(self, label: str, *names: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        self._passwords.append(edit)
        self.add_field(label, edit, *names)
        return edit

    def add_hint(self, text: str) -> None:
        """A grey paragraph under the fields (in a form row, a wrapped label would not get its height)."""
        self.hints.addWidget(wrapped_label(text, self, NOTE_STYLE))

    def fit(self, width: int = 460) -> None:
        """Wide enough for a sentence a line, and as tall as the wrapped text needs (never shrinking)."""
        width = max(width, self.minimumSizeHint().width())
        height = self.heightForWidth(width)
        if height <= 0:
            height = self.sizeHint().height()
        self.resize(width, max(self.height() if self.isVisible() else 0, height))

    # -- problems --------------------------------------------------------------------------------

    def show_problem(self, text: str, field: str = "") -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.fit(self.width())
        widget = self._named.get(field)
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def clear_passwords(self) -> None:
        for edit in self._passwords:
            edit.clear()

    # -- saving ----------------------------------------------------------------------------------

    def submit(self) -> Outcome | None:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            outcome = self.submit()
        except ValidationError as error:
            self.show_problem(problem_text(error), error.field)
            return
        except AuthenticationError as error:
            self.clear_passwords()
            self.show_problem(problem_text(error), self.authentication_field)
            return
        except (PermissionDeniedError, NotFoundError) as error:
            self.show_problem(problem_text(error))
            return
        if outcome is None:
            return
        self.outcome = outcome
        self.clear_passwords()
        super().accept()


def run(dialog: FormDialog[Outcome]) -> Outcome | None:
    """Show ``dialog`` until it saves or is cancelled; what it saved, or None."""
    try:
        return dialog.outcome if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
