"""Errors every layer can raise and every face (GUI, CLI) can show as they are."""

from __future__ import annotations


class ValidationError(ValueError):
    """Bad input, named by the field and the value so the user can find and fix it."""

    def __init__(self, field: str, value: object, problem: str) -> None:
        self.field = field
        self.value = value
        self.problem = problem
        super().__init__(f"{field} {value!r}: {problem}")


class ReasonRequiredError(ValidationError):
    """Allowed only with a stated reason (a protocol deviation, an override of the target): ask for it, retry."""


class NotFoundError(LookupError):
    """A record that the caller named does not exist."""


class ProtocolError(ValueError):
    """A protocol document that cannot be used; ``key`` is the dotted path of the problem."""

    def __init__(self, key: str, problem: str, source: str = "") -> None:
        self.key = key
        self.problem = problem
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(f"{where}{key}: {problem}" if key else f"{where}{problem}")


class AuthenticationError(PermissionError):
    """A sign-in or a signature's password check failed; the message never says which part was wrong."""


class PermissionDeniedError(PermissionError):
    """The signed-in user's role does not allow the action; enforced by the services on every write."""
