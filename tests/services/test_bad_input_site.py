"""Bad input at the service boundary, the site's own data: contacts and the delegation log, staff accounts, site
settings and protocol files. Each call either saves what it was given (read back here) or refuses it with a clear
error and changes nothing (see test_bad_input_support.py)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ACTOR, ADMIN, FAST_HASHER, NURSE, PASSWORD
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_bad_input_support import (
    BAD_INPUT,
    NUMBER_TEXTS,
    TODAY,
    attempt,
    junk_date,
    junk_text,
    maybe,
    mostly,
    number_text,
    same,
    unlock_signers,
)

from coordinator_app.domain.access import Role
from coordinator_app.domain.contacts import ContactCategory, ContactDraft, ContactKind, Delegation
from coordinator_app.domain.protocol import load_protocol_text, protocol_from_mapping, protocol_to_mapping
from coordinator_app.resource_files import bundled_protocols
from coordinator_app.services.contact_validation import normalize_email, normalize_phone
from coordinator_app.services.site_settings import SiteRules
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import Workspace, open_workspace

# -- contacts ---------------------------------------------------------------------------------------------------

DUTIES = ("Obtain informed consent", "Assess eligibility", "采血")


@st.composite
def delegations(draw: st.DrawFn) -> Delegation:
    start = draw(junk_date(dt.date(2026, 4, 1), TODAY))
    end = draw(maybe(junk_date(start, min(start, dt.date.max - dt.timedelta(days=30)) + dt.timedelta(days=30))))
    return Delegation(draw(junk_text(*DUTIES)), start, end)


@st.composite
def contact_drafts(draw: st.DrawFn) -> ContactDraft:
    kind = draw(st.sampled_from(list(ContactKind)))
    return ContactDraft(
        kind=kind,
        category=draw(st.sampled_from(list(ContactCategory))),
        name=draw(junk_text("王护士 (Nurse Wang)", "Ethics Committee of Haikou People's Hospital", "O'Brien")),
        organisation=draw(junk_text("Haikou People's Hospital", "")),
        role=draw(junk_text("Research nurse", "")),
        phone=draw(junk_text("13812345678", "+44 20 7946 0958", "")),
        email=draw(junk_text("nurse.wang@example.org", "", "Wang@Example.ORG", "a@b")),
        notes=draw(junk_text("Calls back after 14:00", "")),
        trial_specific=draw(st.booleans()),
        delegations=tuple(draw(st.lists(delegations(), max_size=3)))
        if kind is ContactKind.PERSON or draw(st.booleans())
        else (),
    )


def _check_contact(workspace: Workspace, contact_id: int, trial: TrialSummary, draft: ContactDraft) -> None:
    saved = workspace.contacts.get(contact_id, trial.id)
    same(
        (saved.kind, saved.category, saved.name, saved.organisation, saved.role, saved.notes),
        (
            draft.kind,
            draft.category,
            draft.name.strip(),
            draft.organisation.strip(),
            draft.role.strip(),
            draft.notes.strip(),
        ),
        "contact",
    )
    same(saved.phone, normalize_phone(draft.phone), "phone")
    same(saved.email, normalize_email(draft.email), "email")
    same(saved.trial_nct_id, trial.nct_id if draft.trial_specific else None, "trial")
    wanted = {Delegation(d.duty.strip(), d.start_date, d.end_date) for d in draft.delegations}
    assert wanted <= set(saved.delegations), f"delegations: saved {saved.delegations}, expected {wanted}"


@BAD_INPUT
@given(draft=contact_drafts())
@example(draft=ContactDraft(ContactKind.PERSON, ContactCategory.OTHER, "Wang", email="a\x00@example.org"))
@example(draft=ContactDraft(ContactKind.PERSON, ContactCategory.OTHER, "王" * 201))
def test_add_contact(workspace: Workspace, trial: TrialSummary, draft: ContactDraft) -> None:
    saved = attempt(workspace, lambda: workspace.contacts.add(trial.id, draft, ACTOR))
    if saved is not None:
        _check_contact(workspace, saved.id, trial, draft)


def _contact(workspace: Workspace, trial: TrialSummary) -> int:
    """The contact a test's examples share (added by the first)."""
    for contact in workspace.contacts.list_contacts(trial.id, include_retired=True):
        if contact.source == "site":
            return contact.id
    draft = ContactDraft(ContactKind.PERSON, ContactCategory.SITE_STAFF, "王护士")
    return workspace.contacts.add(trial.id, draft, ACTOR).id


@BAD_INPUT
@given(draft=contact_drafts())
def test_update_contact(workspace: Workspace, trial: TrialSummary, draft: ContactDraft) -> None:
    contact_id = _contact(workspace, trial)
    saved = attempt(workspace, lambda: workspace.contacts.update(contact_id, trial.id, draft, ACTOR))
    if saved is not None:
        _check_contact(workspace, contact_id, trial, draft)


@settings(BAD_INPUT, max_examples=30)
@given(on=junk_date(TODAY, dt.date(2026, 1, 1)), delegated=st.lists(delegations(), max_size=2))
def test_retire_contact(workspace: Workspace, trial: TrialSummary, on: dt.date, delegated: list[Delegation]) -> None:
    draft = ContactDraft(ContactKind.PERSON, ContactCategory.SITE_STAFF, "王护士", delegations=tuple(delegated))
    contact = attempt(workspace, lambda: workspace.contacts.add(trial.id, draft, ACTOR))
    if contact is None:
        return
    saved = attempt(workspace, lambda: workspace.contacts.retire(contact.id, trial.id, on, ACTOR))
    if saved is not None:
        read = workspace.contacts.get(contact.id, trial.id)
        same(read.retired_on, on, "retired on")
        assert all(d.end_date is not None and d.end_date <= max(on, d.start_date) for d in read.delegations)


# -- staff accounts ---------------------------------------------------------------------------------------------

USERNAMES = ("wang.fang", "li_na", "zhang-wei2", "ab")
PASSWORDS = ("site admin 2026", "correct horse 43!", "长城 long password 9", "x1" * 5)
FULL_NAMES = ("Wang Fang", "王芳", "Dr Anne-Marie O'Neill")


@pytest.fixture
def empty_workspace(database_url: str) -> Iterator[Workspace]:
    """A database without any account yet: the first start."""
    opened = open_workspace(database_url, password_hasher=FAST_HASHER)
    yield opened
    opened.close()


def _signs_in(workspace: Workspace, username: str, password: str) -> bool:
    try:
        workspace.users.reauthenticate(Credentials(username, password))
    except Exception:
        return False
    return True


@settings(BAD_INPUT, max_examples=25)
@given(username=junk_text(*USERNAMES), full_name=junk_text(*FULL_NAMES), password=junk_text(*PASSWORDS))
def test_create_first_administrator(empty_workspace: Workspace, username: str, full_name: str, password: str) -> None:
    users = empty_workspace.users
    saved = attempt(empty_workspace, lambda: users.create_first_administrator(username, full_name, password))
    if saved is not None:
        account = users.get(username.strip())
        same((account.full_name, account.role), (" ".join(full_name.split()), Role.ADMINISTRATOR), "administrator")
        assert _signs_in(empty_workspace, username.strip(), password)


@settings(BAD_INPUT, max_examples=40)
@given(
    username=junk_text(*USERNAMES),
    full_name=junk_text(*FULL_NAMES),
    role=st.sampled_from(list(Role)),
    password=junk_text(*PASSWORDS),
    must_change=st.booleans(),
)
def test_add_user(
    workspace: Workspace, username: str, full_name: str, role: Role, password: str, must_change: bool
) -> None:
    saved = attempt(
        workspace,
        lambda: workspace.users.add_user(username, full_name, role, password, ADMIN, must_change_password=must_change),
    )
    if saved is not None:
        account = workspace.users.get(username.strip())
        same(
            (account.full_name, account.role, account.must_change_password),
            (" ".join(full_name.split()), role, must_change),
            "account",
        )
        assert _signs_in(workspace, username.strip(), password)


@BAD_INPUT
@given(
    username=junk_text(NURSE, NURSE, ADMIN),
    full_name=junk_text(*FULL_NAMES),
    role=st.sampled_from(list(Role)),
    reason=junk_text("married: new family name"),
)
def test_update_user(workspace: Workspace, username: str, full_name: str, role: Role, reason: str) -> None:
    saved = attempt(workspace, lambda: workspace.users.update_user(username, full_name, role, ADMIN, reason))
    if saved is not None:
        account = workspace.users.get(username)
        same((account.full_name, account.role), (" ".join(full_name.split()), role), "account")


@settings(BAD_INPUT, max_examples=25)
@given(username=junk_text(NURSE), password=junk_text(*PASSWORDS))
def test_reset_password(workspace: Workspace, username: str, password: str) -> None:
    saved = attempt(workspace, lambda: workspace.users.reset_password(username, password, ADMIN))
    if saved is not None:
        assert workspace.users.get(username).must_change_password
        assert _signs_in(workspace, username, password)


@pytest.fixture
def nurse_password() -> list[str]:
    """The nurse's password as the examples change it."""
    return [PASSWORD]


@settings(BAD_INPUT, max_examples=25)
@given(typed=junk_text(PASSWORD), new_password=junk_text(*PASSWORDS))
def test_change_password(workspace: Workspace, nurse_password: list[str], typed: str, new_password: str) -> None:
    current = nurse_password[0] if typed == PASSWORD else typed
    saved = attempt(workspace, lambda: workspace.users.change_password(Credentials(NURSE, current), new_password))
    if saved is not None:
        nurse_password[0] = new_password
        assert _signs_in(workspace, NURSE, new_password)
    unlock_signers(workspace, NURSE)


# -- site settings ----------------------------------------------------------------------------------------------

GOOD_SETTINGS = {
    "max_infusions_per_day": ("1", "2", "3", "10"),
    "preparation_limit_minutes": ("60", "120", "240"),
    "clinic_start": ("08:30", "07:00", "13:45"),
    "visit_minutes": ("30", "60", "90"),
    "sae_report_hours": ("24", "12", "72"),
    "idle_lock_minutes": ("5", "10", "30"),
    "backup_folder": ("", "/var/backups/coordinator", "D:\\Backups"),
    "backups_kept": ("1", "30", "365"),
}


def _usable(rules: SiteRules) -> None:
    """What the app does with the rules must work: SAE deadlines, calendar events, the idle-lock timer (a Qt int
    of milliseconds), the backup folder as a path."""
    now = dt.datetime.now(dt.UTC)
    now + dt.timedelta(hours=rules.sae_report_hours)
    start = dt.datetime.combine(TODAY, rules.clinic_start)
    start + dt.timedelta(minutes=rules.visit_minutes)
    assert rules.idle_lock_minutes * 60_000 < 2**31, "the idle-lock timer overflows"
    assert rules.preparation_limit_minutes < 2**31
    Path(rules.backup_folder).expanduser().resolve()


@st.composite
def site_settings(draw: st.DrawFn) -> tuple[str, str]:
    key = draw(mostly(st.sampled_from(sorted(GOOD_SETTINGS)), junk_text()))
    good = GOOD_SETTINGS.get(key, ("1",))
    return key, draw(st.one_of(number_text(*good), junk_text(*good)))


@settings(BAD_INPUT, max_examples=60)
@given(setting=site_settings())
@example(setting=("sae_report_hours", "99999999999"))
@example(setting=("visit_minutes", "999999999999"))
@example(setting=("idle_lock_minutes", "100000"))
@example(setting=("preparation_limit_minutes", "9" * 30))
@example(setting=("clinic_start", "08:30+08:00"))
@example(setting=("backup_folder", "/backups/\x00"))
def test_site_settings(workspace: Workspace, setting: tuple[str, str]) -> None:
    key, value = setting
    saved = attempt(workspace, lambda: workspace.site_settings.set(key, value, ACTOR))
    if saved is not None:
        rules = workspace.site_settings.rules()
        same(rules, saved, "rules")
        same(getattr(rules, key), _parsed(key, value.strip()), key)
        _usable(rules)


def _parsed(key: str, text: str) -> object:
    if key == "clinic_start":
        return dt.time.fromisoformat(text)
    if key == "backup_folder":
        return text
    return int(text)


# -- protocol files ---------------------------------------------------------------------------------------------

BUNDLED = next(p for p in bundled_protocols() if p.name == "NCT05106972.toml").read_text(encoding="utf-8")
VALUE_LINES = [i for i, line in enumerate(BUNDLED.splitlines()) if re.match(r"\s*[\w.\"-]+\s*=\s*\S", line)]


def _toml(value: object) -> str:
    """A TOML literal of ``value`` (JSON's string escapes are TOML's too)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


TOML_VALUES = st.one_of(
    junk_text(),
    st.integers(),
    st.sampled_from([0, -1, 1, 2**63 - 1, -(2**63)]),
    st.floats(),
    st.booleans(),
    junk_date(),
    st.lists(st.one_of(junk_text(), st.integers()), max_size=3),
    st.sampled_from(NUMBER_TEXTS),
)


@settings(BAD_INPUT, max_examples=60)
@given(changes=st.lists(st.tuples(st.sampled_from(VALUE_LINES), maybe(TOML_VALUES)), min_size=1, max_size=3))
@example(changes=[(VALUE_LINES[0], "0" * 600)])  # the file's value quoted back whole made a 600-character message
def test_load_protocol_file(
    workspace: Workspace, trial: TrialSummary, tmp_path: Path, changes: list[tuple[int, object]]
) -> None:
    """A site's protocol file with values replaced by junk or removed (None): loaded whole or refused."""
    lines = BUNDLED.splitlines()
    for index, value in changes:
        key = lines[index].split("=", 1)[0]
        lines[index] = "" if value is None else f"{key}= {_toml(value)}"
    path = tmp_path / "protocol.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    saved = attempt(workspace, lambda: workspace.trials.load_protocol_file(path, ACTOR))
    if saved is not None:
        loaded = load_protocol_text(path.read_text(encoding="utf-8"))
        stored = workspace.trials.protocol(saved.trial.id)
        same(stored, loaded, "protocol")
        same(protocol_from_mapping(protocol_to_mapping(stored)), stored, "protocol read back")


# -- ClinicalTrials.gov records ---------------------------------------------------------------------------------

CTGOV = json.loads((Path(__file__).parents[1] / "data" / "ctgov" / "NCT09900001.json").read_text(encoding="utf-8"))
Path_ = tuple[str | int, ...]


def _leaves(value: object, path: Path_ = ()) -> list[Path_]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*path, key))]
    if isinstance(value, list):
        return [leaf for index, item in enumerate(value) for leaf in _leaves(item, (*path, index))]
    return [path]


CTGOV_LEAVES = _leaves(CTGOV)
JSON_VALUES = st.one_of(
    junk_text(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.lists(junk_text(), max_size=2),
    st.dictionaries(junk_text(), junk_text(), max_size=2),
    junk_date().map(dt.date.isoformat),
)
REMOVED = object()


@settings(BAD_INPUT, max_examples=50)
@given(changes=st.lists(st.tuples(st.sampled_from(CTGOV_LEAVES), st.one_of(JSON_VALUES, st.just(REMOVED))), max_size=3))
def test_import_ctgov_file(workspace: Workspace, tmp_path: Path, changes: list[tuple[Path_, object]]) -> None:
    """A registry record with values replaced by junk or removed: every study imported whole, or refused."""
    record = json.loads(json.dumps(CTGOV))
    for path, value in changes:
        parent = record
        for key in path[:-1]:
            parent = parent[key]
        if value is REMOVED:
            del parent[path[-1]]
        else:
            parent[path[-1]] = value
    file = tmp_path / "record.json"
    file.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    saved = attempt(workspace, lambda: workspace.trials.import_ctgov_file(file, ACTOR))
    if saved is not None:
        for result in saved:
            stored = workspace.trials.protocol(result.trial.id)
            same(protocol_from_mapping(protocol_to_mapping(stored)), stored, "protocol read back")
