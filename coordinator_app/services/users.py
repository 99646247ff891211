"""Staff accounts: the first administrator, signing in with lock-out, re-authentication for signatures and
for unlocking an idle desktop, and the administrator's account management.

Passwords are hashed with Argon2id (argon2-cffi) and never stored, logged or put into an error message.
A failed attempt is committed on its own, before the error reaches the caller, so a lock-out cannot be
undone by the caller's rollback.
"""

from __future__ import annotations

import base64
import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import ARGON2_VERSION
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator_app.domain.access import (
    LOCKOUT_MINUTES,
    MAX_FAILED_SIGN_INS,
    Permission,
    Role,
    role_may,
    validate_new_password,
    validate_username,
)
from coordinator_app.domain.errors import AuthenticationError, NotFoundError, ValidationError, shown
from coordinator_app.services.concurrency import require_version
from coordinator_app.services.database import Database
from coordinator_app.storage.models import SignInEvent, User
from coordinator_app.storage.types import utc_now

WRONG_CREDENTIALS = "the user name or the password is wrong"


@dataclass(frozen=True)
class Credentials:
    """What a person types to prove who they are; the password is left out of repr so it never reaches a log."""

    username: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class UserAccount:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    must_change_password: bool
    locked_until: dt.datetime | None
    last_sign_in_at: dt.datetime | None
    version: int = 1  # optimistic concurrency: pass it back to update_user() and set_active()

    def may(self, permission: Permission) -> bool:
        return self.active and role_may(self.role, permission)

    @property
    def display_name(self) -> str:
        return f"{self.full_name} ({self.username})"


def unmatchable_hash(hasher: PasswordHasher) -> str:
    """An encoded Argon2 hash with ``hasher``'s parameters and a random salt and digest, which no password matches.

    Checking a password against it takes as long as against an account's hash, so an unknown user name cannot be
    told apart by timing; unlike hashing a dummy password, making it costs nothing when the app opens (~0.1 s).
    """

    def encoded(size: int) -> str:
        return base64.b64encode(secrets.token_bytes(size)).decode("ascii").rstrip("=")

    return (
        f"$argon2{hasher.type.name.lower()}$v={ARGON2_VERSION}$m={hasher.memory_cost},t={hasher.time_cost},"
        f"p={hasher.parallelism}${encoded(hasher.salt_len)}${encoded(hasher.hash_len)}"
    )


class UserService:
    def __init__(
        self,
        database: Database,
        hasher: PasswordHasher | None = None,
        clock: Callable[[], dt.datetime] = utc_now,
    ) -> None:
        self._db = database
        self._hasher = hasher or PasswordHasher()
        self._clock = clock
        self._dummy_hash = unmatchable_hash(self._hasher)

    # -- reading --------------------------------------------------------------------------------

    def has_users(self) -> bool:
        with self._db.read() as session:
            return bool(session.scalar(select(func.count()).select_from(User)))

    def list_users(self) -> list[UserAccount]:
        with self._db.read() as session:
            return [_account(user) for user in session.scalars(select(User).order_by(User.username))]

    def get(self, username: str) -> UserAccount:
        with self._db.read() as session:
            return _account(_load(session, username))

    # -- signing in ------------------------------------------------------------------------------

    def create_first_administrator(self, username: str, full_name: str, password: str) -> UserAccount:
        """The account the first start creates; refused once any account exists."""
        username, full_name = _validate_new_account(username, full_name, password)
        with self._db.system_write() as session:
            if session.scalar(select(func.count()).select_from(User)):
                raise ValidationError("administrator", username, "cannot be created: this database has accounts")
            user = User(
                username=username,
                full_name=full_name,
                role=Role.ADMINISTRATOR.value,
                password_hash=self._hasher.hash(password),
            )
            session.add(user)
            session.flush()
            return _account(user)

    def sign_in(self, credentials: Credentials) -> UserAccount:
        """Check the password; count failures and lock the account after too many in a row."""
        return self._authenticate(credentials, "signed_in")

    def reauthenticate(self, credentials: Credentials) -> UserAccount:
        """The same check for a signature or for unlocking an idle desktop; failures count towards the lock-out."""
        return self._authenticate(credentials, "reauthenticated")

    def _authenticate(self, credentials: Credentials, outcome: str) -> UserAccount:
        username = credentials.username.strip()[:40]
        with self._db.system_write() as session:
            result = self._check(session, username, credentials.password, outcome)
            session.add(SignInEvent(username=username, outcome=result[0], occurred_at=self._clock()))
        if isinstance(result[1], AuthenticationError):
            raise result[1]
        return result[1]

    def _check(
        self, session: Session, username: str, password: str, outcome: str
    ) -> tuple[str, UserAccount | AuthenticationError]:
        """The outcome to log and the account or the error; the bookkeeping commits whichever it is."""
        now = self._clock()
        user = session.scalar(select(User).where(User.username == username))
        if user is None:
            self._verify(self._dummy_hash, password)  # as slow as for a real account: names are not probed
            return "failed", AuthenticationError(WRONG_CREDENTIALS)
        if not user.active:
            return "failed", AuthenticationError(f"the account {username!r} is deactivated: ask the administrator")
        if user.locked_until is not None and user.locked_until > now:
            return "failed", AuthenticationError(_locked_message(user.locked_until))
        if not self._verify(user.password_hash, password):
            user.failed_sign_ins += 1
            if user.failed_sign_ins >= MAX_FAILED_SIGN_INS:
                user.failed_sign_ins = 0
                user.locked_until = now + dt.timedelta(minutes=LOCKOUT_MINUTES)
                return "locked_out", AuthenticationError(_locked_message(user.locked_until))
            left = MAX_FAILED_SIGN_INS - user.failed_sign_ins
            return "failed", AuthenticationError(f"{WRONG_CREDENTIALS} ({left} more attempts before the account locks)")
        user.failed_sign_ins = 0
        user.locked_until = None
        if outcome == "signed_in":
            user.last_sign_in_at = now
        if self._hasher.check_needs_rehash(user.password_hash):
            user.password_hash = self._hasher.hash(password)  # stronger parameters since it was set
        return outcome, _account(user)

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def change_password(self, credentials: Credentials, new_password: str) -> UserAccount:
        """A user's own change: the current password first, then the new one (which must differ)."""
        account = self.reauthenticate(credentials)
        validate_new_password(new_password, account.username)
        if new_password == credentials.password:
            raise ValidationError("new password", "*" * len(new_password), "must differ from the current one")
        with self._db.write(
            account.username, "password changed by its owner", permission=Permission.CHANGE_OWN_PASSWORD
        ) as session:
            user = _load(session, account.username)
            user.password_hash = self._hasher.hash(new_password)
            user.must_change_password = False
            return _account(user)

    # -- administration --------------------------------------------------------------------------

    def add_user(
        self, username: str, full_name: str, role: Role, password: str, actor: str, *, must_change_password: bool = True
    ) -> UserAccount:
        """A new account with a first password the user must change at the first sign-in (not in the demo)."""
        username, full_name = _validate_new_account(username, full_name, password)
        with self._db.write(actor, permission=Permission.MANAGE_USERS) as session:
            if session.scalar(select(User).where(User.username == username)) is not None:
                raise ValidationError("user name", username, "is taken (accounts are never deleted)")
            user = User(
                username=username,
                full_name=full_name,
                role=role.value,
                password_hash=self._hasher.hash(password),
                must_change_password=must_change_password,
            )
            session.add(user)
            session.flush()
            return _account(user)

    def update_user(
        self,
        username: str,
        full_name: str,
        role: Role,
        actor: str,
        reason: str,
        *,
        expected_version: int | None = None,
    ) -> UserAccount:
        """Change a name or a role; the last active administrator keeps that role."""
        full_name = _validate_full_name(full_name)
        _require_reason(reason)
        with self._db.write(actor, reason, permission=Permission.MANAGE_USERS) as session:
            user = _load(session, username)
            require_version(session, "users", user.id, user, expected_version, f"account {username}")
            if role is not Role.ADMINISTRATOR:
                _keep_an_administrator(session, user)
            user.full_name = full_name
            user.role = role.value
            return _account(user)

    def set_active(self, username: str, active: bool, actor: str, reason: str) -> UserAccount:
        """Deactivate (or reactivate) an account; accounts are never deleted, their audit rows keep their author."""
        _require_reason(reason)
        with self._db.write(actor, reason, permission=Permission.MANAGE_USERS) as session:
            user = _load(session, username)
            if not active:
                if user.username == actor:
                    raise ValidationError("user", username, "cannot deactivate the account that is signed in")
                _keep_an_administrator(session, user)
            user.active = active
            return _account(user)

    def unlock(self, username: str, actor: str) -> UserAccount:
        with self._db.write(actor, permission=Permission.MANAGE_USERS) as session:
            user = _load(session, username)
            user.locked_until = None
            user.failed_sign_ins = 0
            session.add(SignInEvent(username=username, outcome="unlocked", occurred_at=self._clock()))
            return _account(user)

    def reset_password(self, username: str, password: str, actor: str) -> UserAccount:
        """A new first password from the administrator; the user must change it at the next sign-in."""
        validate_new_password(password, username)
        with self._db.write(actor, "password reset by the administrator", permission=Permission.MANAGE_USERS) as s:
            user = _load(s, username)
            user.password_hash = self._hasher.hash(password)
            user.must_change_password = True
            user.locked_until = None
            user.failed_sign_ins = 0
            return _account(user)


def _validate_new_account(username: str, full_name: str, password: str) -> tuple[str, str]:
    username = validate_username(username)
    full_name = _validate_full_name(full_name)
    validate_new_password(password, username)
    return username, full_name


def _validate_full_name(full_name: str) -> str:
    name = " ".join(full_name.split())
    if not name:
        raise ValidationError("full name", full_name, "is required: it is printed beside every signature")
    if len(name) > 200:
        raise ValidationError("full name", full_name, "is longer than 200 characters")
    return name


def _require_reason(reason: str) -> None:
    if not reason.strip():
        raise ValidationError("reason", reason, "is required for a change to a staff account")


def _keep_an_administrator(session: Session, user: User) -> None:
    if user.role != Role.ADMINISTRATOR.value or not user.active:
        return
    others = session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.role == Role.ADMINISTRATOR.value, User.active.is_(True), User.id != user.id)
    )
    if not others:
        raise ValidationError("user", user.username, "is the last active administrator: appoint another first")


def _locked_message(until: dt.datetime) -> str:
    local = until.astimezone().strftime("%H:%M")
    return f"the account is locked after repeated failed attempts until {local}, or until an administrator unlocks it"


def _load(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFoundError(f"no user {shown(username)}")
    return user


def _account(user: User) -> UserAccount:
    return UserAccount(
        id=user.id,
        username=user.username,
        full_name=user.full_name,
        role=Role(user.role),
        active=user.active,
        must_change_password=user.must_change_password,
        locked_until=user.locked_until,
        last_sign_in_at=user.last_sign_in_at,
        version=user.version,
    )
