"""Staff accounts: the first administrator, sign-in with lock-out, Argon2 hashes, and the administrator's changes."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from conftest import ACTOR, ADMIN, FAST_HASHER, MONITOR, PASSWORD, signs
from sqlalchemy import select, text

from coordinator_app.domain.access import LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS, Role
from coordinator_app.domain.errors import AuthenticationError, PermissionDeniedError, ValidationError
from coordinator_app.services.users import Credentials, UserService, unmatchable_hash
from coordinator_app.services.workspace import Workspace, open_workspace
from coordinator_app.storage.models import AuditEntry, SignInEvent, User


class Clock:
    """A clock the test moves by hand, to pass a lock-out without waiting for it."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


def test_the_first_start_creates_the_administrator_once(database_url: str) -> None:
    workspace = open_workspace(database_url, password_hasher=FAST_HASHER)
    try:
        assert not workspace.users.has_users()
        admin = workspace.users.create_first_administrator(" wang.admin ", " Wang   Fang ", "site admin 2026")
        assert (admin.username, admin.full_name, admin.role) == ("wang.admin", "Wang Fang", Role.ADMINISTRATOR)
        assert workspace.users.has_users()
        with pytest.raises(ValidationError, match="this database has accounts"):
            workspace.users.create_first_administrator("li.admin", "Li Na", "other admin 2026")
    finally:
        workspace.close()


@pytest.mark.parametrize(
    ("username", "password", "field", "problem"),
    [
        ("Wang Fang", "site admin 2026", "user name", "lower-case letters"),
        ("wang", "short1!", "password", "at least 10 characters"),
        ("wang", "my wang password 1", "password", "must not contain the user name"),
        ("wang", "onlylettersherenow", "password", "mix letters with digits or symbols"),
    ],
)
def test_a_bad_account_is_refused_naming_the_field_and_never_showing_the_password(
    workspace: Workspace, username: str, password: str, field: str, problem: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        workspace.users.add_user(username, "Wang Fang", Role.RESEARCH_NURSE, password, ADMIN)
    assert raised.value.field == field
    assert problem in raised.value.problem
    assert password not in str(raised.value)
    assert [u.username for u in workspace.users.list_users()] == sorted(
        [ADMIN, ACTOR, "test-nurse", "test-investigator", MONITOR]
    )


def test_passwords_are_stored_as_argon2id_hashes_only(workspace: Workspace) -> None:
    with workspace.database.read() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == ACTOR))
    assert stored is not None and stored.startswith("$argon2id$")
    with workspace.database.engine.connect() as connection:
        everything = "\n".join(
            str(row)
            for table in ("users", "audit_log", "sign_in_events")
            for row in connection.execute(text(f"SELECT * FROM {table}"))
        )
    assert PASSWORD not in everything


def test_repeated_failures_lock_the_account_until_the_time_passes_or_an_administrator_unlocks_it(
    workspace: Workspace,
) -> None:
    clock = Clock()
    users = UserService(workspace.database, FAST_HASHER, clock)
    wrong = Credentials(ACTOR, "not my password")
    for left in range(MAX_FAILED_SIGN_INS - 1, 0, -1):
        with pytest.raises(AuthenticationError, match=f"{left} more attempts"):
            users.sign_in(wrong)
    with pytest.raises(AuthenticationError, match="locked after repeated failed attempts"):
        users.sign_in(wrong)
    with pytest.raises(AuthenticationError, match="locked"):
        users.sign_in(signs(ACTOR))  # even the right password, while locked

    clock.now += dt.timedelta(minutes=LOCKOUT_MINUTES, seconds=1)
    assert users.sign_in(signs(ACTOR)).username == ACTOR

    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(AuthenticationError):
            users.sign_in(wrong)
    users.unlock(ACTOR, ADMIN)
    assert users.sign_in(signs(ACTOR)).username == ACTOR
    with workspace.database.read() as session:
        outcomes = list(session.scalars(select(SignInEvent.outcome).where(SignInEvent.username == ACTOR)))
    assert outcomes.count("locked_out") == 2
    assert outcomes[-2:] == ["unlocked", "signed_in"]


def test_an_unknown_name_and_a_wrong_password_get_the_same_answer(workspace: Workspace) -> None:
    with pytest.raises(AuthenticationError) as unknown:
        workspace.users.sign_in(Credentials("nobody", PASSWORD))
    with pytest.raises(AuthenticationError) as wrong:
        workspace.users.sign_in(Credentials(ACTOR, "wrong password 1"))
    assert str(unknown.value) == "the user name or the password is wrong"
    assert str(wrong.value).startswith(str(unknown.value))


@pytest.mark.parametrize("hasher", [FAST_HASHER, PasswordHasher()], ids=["fast", "production"])
def test_an_unknown_name_is_checked_as_slowly_as_a_password(hasher: PasswordHasher) -> None:
    """The hash an unknown name is checked against has the hasher's own cost and is a well-formed hash that is
    computed (not refused at once as malformed), so names cannot be probed by timing."""
    dummy = unmatchable_hash(hasher)
    assert not hasher.check_needs_rehash(dummy)
    with pytest.raises(VerifyMismatchError):
        hasher.verify(dummy, PASSWORD)
    assert unmatchable_hash(hasher) != dummy


def test_a_deactivated_account_cannot_sign_in_or_act(workspace: Workspace) -> None:
    with pytest.raises(ValidationError, match="reason"):
        workspace.users.set_active(ACTOR, False, ADMIN, "")
    workspace.users.set_active(ACTOR, False, ADMIN, "left the site")
    with pytest.raises(AuthenticationError, match="deactivated"):
        workspace.users.sign_in(signs(ACTOR))
    with pytest.raises(PermissionDeniedError, match="not an active user"):
        workspace.site_settings.set("visit_minutes", "45", ACTOR)


def test_the_last_administrator_stays_one(workspace: Workspace) -> None:
    with pytest.raises(ValidationError, match="last active administrator"):
        workspace.users.update_user(ADMIN, "Test Administrator", Role.COORDINATOR, ADMIN, "reorganisation")
    workspace.users.add_user("second.admin", "Second Admin", Role.ADMINISTRATOR, PASSWORD, ADMIN)
    changed = workspace.users.update_user(ADMIN, "Test Administrator", Role.COORDINATOR, "second.admin", "moved")
    assert changed.role is Role.COORDINATOR
    with workspace.database.read() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "users", AuditEntry.field == "role"))
        assert [(r.old_value, r.new_value, r.actor, r.reason) for r in rows if r.action == "update"] == [
            ("administrator", "coordinator", "second.admin", "moved")
        ]


def test_only_administrators_manage_accounts(workspace: Workspace) -> None:
    with pytest.raises(PermissionDeniedError, match="may not manage staff accounts"):
        workspace.users.add_user("x.y", "X Y", Role.MONITOR, PASSWORD, ACTOR)


def test_a_first_password_must_be_changed_and_the_change_needs_the_current_one(workspace: Workspace) -> None:
    added = workspace.users.add_user("li.na", "Li Na", Role.RESEARCH_NURSE, "first password 1", ADMIN)
    assert added.must_change_password
    with pytest.raises(AuthenticationError):
        workspace.users.change_password(Credentials("li.na", "guess password 1"), "my own password 2")
    with pytest.raises(ValidationError, match="must differ"):
        workspace.users.change_password(Credentials("li.na", "first password 1"), "first password 1")
    changed = workspace.users.change_password(Credentials("li.na", "first password 1"), "my own password 2")
    assert not changed.must_change_password
    assert workspace.users.sign_in(Credentials("li.na", "my own password 2")).username == "li.na"


def test_a_weaker_hash_is_made_stronger_at_the_next_sign_in(workspace: Workspace) -> None:
    stronger = UserService(workspace.database)  # the production parameters
    stronger.sign_in(signs(ACTOR))
    with workspace.database.read() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == ACTOR))
    assert stored is not None and "m=65536" in stored
    assert stronger.sign_in(signs(ACTOR)).username == ACTOR
