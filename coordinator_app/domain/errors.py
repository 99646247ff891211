"""Errors every layer can raise and every face (GUI, CLI) can show as they are."""

from __future__ import annotations

import datetime as dt


class ValidationError(ValueError):
    """Bad input, named by the field and the value so the user can find and fix it."""

    def __init__(self, field: str, value: object, problem: str) -> None:
        self.field = field
        self.value = value
        self.problem = problem
        super().__init__(f"{field} {shown(value)}: {problem}")


SHOWN_LENGTH = 80


def shown(value: object) -> str:
    """The value as a message quotes it: its repr, cut short when long (a pasted page is not repeated back)."""
    text = repr(value)
    return text if len(text) <= SHOWN_LENGTH else f"{text[: SHOWN_LENGTH - 12]}…{text[-10:]}"


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


class ConcurrentChangeError(Exception):
    """Somebody else saved the record after this user opened it: nothing was overwritten; reload, then redo."""

    def __init__(self, what: str, changed_by: str = "", changed_at: dt.datetime | None = None) -> None:
        self.what = what
        self.changed_by = changed_by
        self.changed_at = changed_at
        if changed_by and changed_at is not None:
            when = changed_at.astimezone().strftime("%Y-%m-%d %H:%M")
            who = f"was changed by {changed_by} at {when}"
        else:
            who = "was changed by someone else at the same moment"
        super().__init__(f"{what} {who} after you opened it: nothing was saved; reload to see the change")
