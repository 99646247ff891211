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


def cut(text: str, limit: int) -> str:
    """``text`` as a message quotes it: whole, or its start and end when longer than ``limit`` (a pasted page or a
    runaway cell is not repeated back)."""
    return text if len(text) <= limit else f"{text[: limit - 12]}…{text[-10:]}"


def shown(value: object) -> str:
    """A value as a message quotes it: its repr, cut short when long."""
    return cut(repr(value), 80)


def require_instant(field: str, value: dt.datetime) -> dt.datetime:
    """``value`` if the app can store and show it: aware (a time zone says which clock it was read from) and inside
    the calendar (years 1 to 9999) in UTC and on this desktop's clock; otherwise a ValidationError naming ``field``."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(field, value.isoformat(), "needs a time zone")
    try:
        value.astimezone(dt.UTC)
        value.astimezone()
    except OverflowError:
        raise ValidationError(field, value.isoformat(), "is outside the calendar (years 1 to 9999)") from None
    return value


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
        key, problem = cut(key, 120), cut(problem, 300)  # values from the file are quoted in the problem
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
