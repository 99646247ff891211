"""ContactService on a real SQLite file: round trips, validation, the delegation log and the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from conftest import ACTOR, INVESTIGATOR
from sqlalchemy import text

from coordinator_app.domain.contacts import ContactCategory, ContactDraft, ContactKind, Delegation
from coordinator_app.domain.errors import ValidationError
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace

TODAY = dt.date.today()


def _nurse(**changes: Any) -> ContactDraft:
    fields: dict[str, Any] = {
        "kind": ContactKind.PERSON,
        "category": ContactCategory.SITE_STAFF,
        "name": "  王护士 (Nurse Wang) ",
        "organisation": "Haikou People's Hospital",
        "role": "Research nurse",
        "phone": "13812345678",
        "email": "nurse.wang@example.org",
        "delegations": (Delegation("Obtain informed consent", dt.date(2026, 4, 1)),),
    }
    fields.update(changes)
    return ContactDraft(**fields)


def _contact_rows(workspace: Workspace) -> int:
    with workspace.database.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM contacts")).scalar_one())


def _audit(workspace: Workspace, table: str, record_id: int, field: str | None = None) -> list[dict[str, Any]]:
    query = (
        "SELECT actor, action, table_name, record_id, field, old_value, new_value FROM audit_log"
        " WHERE table_name = :table AND record_id = :record_id"
    )
    params: dict[str, Any] = {"table": table, "record_id": str(record_id)}
    if field is not None:  # the changes of one field: its update rows
        query += " AND field = :field AND action = 'update'"
        params["field"] = field
    with workspace.database.engine.connect() as connection:
        return [dict(row) for row in connection.execute(text(query + " ORDER BY id"), params).mappings()]


def _inserted(workspace: Workspace, table: str, record_id: int) -> dict[str, dict[str, Any]]:
    """The insert rows of one record, by field."""
    return {str(row["field"]): row for row in _audit(workspace, table, record_id) if row["action"] == "insert"}


def _delegation_ids(workspace: Workspace, contact_id: int) -> list[int]:
    with workspace.database.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id FROM delegations WHERE contact_id = :id ORDER BY id"), {"id": contact_id}
        )
        return [int(row[0]) for row in rows]


def test_registry_contacts_of_the_protocol_are_listed(workspace: Workspace, trial: TrialSummary) -> None:
    records = workspace.contacts.list_contacts(trial.id)
    categories = {r.category for r in records}
    assert ContactCategory.SPONSOR in categories
    assert ContactCategory.CENTRAL_CONTACT in categories
    assert all(r.source == "protocol" and r.trial_nct_id == "NCT05106972" for r in records)


def test_add_round_trip(workspace: Workspace, trial: TrialSummary) -> None:
    added = workspace.contacts.add(trial.id, _nurse(notes=" night shift "), ACTOR)

    fetched = workspace.contacts.get(added.id, trial.id)
    assert fetched == added
    assert fetched.name == "王护士 (Nurse Wang)"
    assert fetched.role == "Research nurse"
    assert fetched.phone == "+8613812345678"
    assert fetched.phone_display == "138 1234 5678"
    assert fetched.email == "nurse.wang@example.org"
    assert fetched.notes == "night shift"
    assert fetched.source == "site"
    assert fetched.trial_nct_id is None  # site-wide unless ticked "this trial only"
    assert fetched.delegations == (Delegation("Obtain informed consent", dt.date(2026, 4, 1)),)
    assert added.id in [r.id for r in workspace.contacts.list_contacts(trial.id)]

    inserted = _inserted(workspace, "contacts", added.id)
    assert inserted["name"]["actor"] == ACTOR
    assert inserted["name"]["action"] == "insert"
    assert inserted["name"]["new_value"] == "王护士 (Nurse Wang)"
    assert inserted["phone"]["old_value"] is None
    assert inserted["phone"]["new_value"] == "+8613812345678"
    (line_id,) = _delegation_ids(workspace, added.id)
    duty = _inserted(workspace, "delegations", line_id)["duty"]
    assert (duty["actor"], duty["new_value"]) == (ACTOR, "Obtain informed consent")


def test_insert_audit_rows_name_their_record(workspace: Workspace, trial: TrialSummary) -> None:
    added = workspace.contacts.add(trial.id, _nurse(), ACTOR)
    assert _inserted(workspace, "contacts", added.id)["name"]["record_id"] == str(added.id)


def test_trial_specific_contact_belongs_to_the_trial(workspace: Workspace, trial: TrialSummary) -> None:
    added = workspace.contacts.add(trial.id, _nurse(trial_specific=True, delegations=()), ACTOR)
    assert added.trial_nct_id == "NCT05106972"


@pytest.mark.parametrize(
    ("typed", "e164", "shown"),
    [
        ("13812345678", "+8613812345678", "138 1234 5678"),
        ("0898-66151200", "+8689866151200", "0898 6615 1200"),
        ("+1 650 253 0000", "+16502530000", "+1 650-253-0000"),
    ],
)
def test_phone_numbers_are_normalised_to_e164(
    workspace: Workspace, trial: TrialSummary, typed: str, e164: str, shown: str
) -> None:
    added = workspace.contacts.add(trial.id, _nurse(phone=typed), ACTOR)
    assert added.phone == e164
    assert added.phone_display == shown
    assert workspace.contacts.get(added.id, trial.id).phone == e164


@pytest.mark.parametrize(
    ("changes", "field", "value"),
    [
        ({"phone": "12345"}, "phone", "12345"),
        ({"email": "nurse@"}, "email", "nurse@"),
        ({"name": "   "}, "name", "   "),
    ],
)
def test_invalid_input_is_refused_and_nothing_saved(
    workspace: Workspace, trial: TrialSummary, changes: dict[str, str], field: str, value: str
) -> None:
    before = _contact_rows(workspace)
    with pytest.raises(ValidationError) as caught:
        workspace.contacts.add(trial.id, _nurse(**changes), ACTOR)
    assert caught.value.field == field
    assert caught.value.value == value
    assert field in str(caught.value)
    assert repr(value) in str(caught.value)
    assert _contact_rows(workspace) == before


def test_invalid_edit_changes_nothing(workspace: Workspace, trial: TrialSummary) -> None:
    added = workspace.contacts.add(trial.id, _nurse(), ACTOR)
    audit_before = _audit(workspace, "contacts", added.id)
    with pytest.raises(ValidationError, match="12345"):
        workspace.contacts.update(added.id, trial.id, _nurse(phone="12345", role="Charge nurse"), ACTOR)
    assert workspace.contacts.get(added.id, trial.id) == added
    assert _audit(workspace, "contacts", added.id) == audit_before


def test_edit_round_trip_is_audited(workspace: Workspace, trial: TrialSummary) -> None:
    added = workspace.contacts.add(trial.id, _nurse(), ACTOR)
    updated = workspace.contacts.update(
        added.id, trial.id, _nurse(role="Charge nurse", phone="0898-66151200", email="Wang@Example.ORG"), INVESTIGATOR
    )
    assert updated.role == "Charge nurse"
    assert updated.phone == "+8689866151200"
    assert updated.email == "Wang@example.org"
    assert workspace.contacts.get(added.id, trial.id) == updated

    (role,) = _audit(workspace, "contacts", added.id, "role")
    assert role == {
        "actor": INVESTIGATOR,
        "action": "update",
        "table_name": "contacts",
        "record_id": str(added.id),
        "field": "role",
        "old_value": "Research nurse",
        "new_value": "Charge nurse",
    }
    (phone,) = _audit(workspace, "contacts", added.id, "phone")
    assert (phone["old_value"], phone["new_value"]) == ("+8613812345678", "+8689866151200")
    # Unchanged fields write nothing.
    assert _audit(workspace, "contacts", added.id, "name") == []
    assert _inserted(workspace, "contacts", added.id)["name"]["new_value"] == "王护士 (Nurse Wang)"


def test_adding_and_ending_delegation_lines(workspace: Workspace, trial: TrialSummary) -> None:
    consent = Delegation("Obtain informed consent", dt.date(2026, 4, 1))
    added = workspace.contacts.add(trial.id, _nurse(delegations=(consent,)), ACTOR)
    samples = Delegation("Sample collection and processing", dt.date(2026, 5, 1))

    with_two = workspace.contacts.update(added.id, trial.id, _nurse(delegations=(consent, samples)), ACTOR)
    assert with_two.delegations == (consent, samples)

    ended = Delegation(consent.duty, consent.start_date, dt.date(2026, 6, 30))
    after = workspace.contacts.update(added.id, trial.id, _nurse(delegations=(ended, samples)), ACTOR)
    assert after.delegations == (ended, samples)
    assert after.active_duties(dt.date(2026, 7, 1)) == ("Sample collection and processing",)
    consent_id = _delegation_ids(workspace, added.id)[0]
    (end,) = _audit(workspace, "delegations", consent_id, "end_date")
    assert (end["actor"], end["action"], end["old_value"], end["new_value"]) == (ACTOR, "update", None, "2026-06-30")


def test_a_line_dropped_from_the_draft_is_ended_not_deleted(workspace: Workspace, trial: TrialSummary) -> None:
    consent = Delegation("Obtain informed consent", dt.date(2026, 4, 1))
    old = Delegation("Assess eligibility", dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    added = workspace.contacts.add(trial.id, _nurse(delegations=(old, consent)), ACTOR)
    ids = _delegation_ids(workspace, added.id)

    after = workspace.contacts.update(added.id, trial.id, _nurse(delegations=()), ACTOR)

    assert _delegation_ids(workspace, added.id) == ids  # nothing deleted
    yesterday = max(TODAY - dt.timedelta(days=1), consent.start_date)
    assert set(after.delegations) == {old, Delegation(consent.duty, consent.start_date, yesterday)}
    with workspace.database.engine.connect() as connection:
        deletes = connection.execute(text("SELECT count(*) FROM audit_log WHERE action = 'delete'")).scalar_one()
    assert deletes == 0


def test_end_before_start_is_refused(workspace: Workspace, trial: TrialSummary) -> None:
    backwards = Delegation("Query resolution", dt.date(2026, 5, 1), dt.date(2026, 4, 30))
    before = _contact_rows(workspace)
    with pytest.raises(ValidationError) as caught:
        workspace.contacts.add(trial.id, _nurse(delegations=(backwards,)), ACTOR)
    assert caught.value.field == "delegation 1 end date"
    assert "2026-04-30" in str(caught.value)
    assert _contact_rows(workspace) == before


def test_organisations_have_no_delegated_duties(workspace: Workspace, trial: TrialSummary) -> None:
    with pytest.raises(ValidationError, match="delegations"):
        workspace.contacts.add(
            trial.id, _nurse(kind=ContactKind.ORGANISATION, category=ContactCategory.PHARMACY), ACTOR
        )


def test_retire_ends_open_lines_and_reinstate(workspace: Workspace, trial: TrialSummary) -> None:
    closed = Delegation("Assess eligibility", dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    consent = Delegation("Obtain informed consent", dt.date(2026, 4, 1))
    added = workspace.contacts.add(trial.id, _nurse(delegations=(closed, consent)), ACTOR)
    day = dt.date(2026, 10, 15)

    retired = workspace.contacts.retire(added.id, trial.id, day, INVESTIGATOR)

    assert retired.retired_on == day
    assert set(retired.delegations) == {closed, Delegation(consent.duty, consent.start_date, day)}
    assert added.id not in [r.id for r in workspace.contacts.list_contacts(trial.id)]
    assert added.id in [r.id for r in workspace.contacts.list_contacts(trial.id, include_retired=True)]
    (retire_row,) = _audit(workspace, "contacts", added.id, "retired_on")
    assert (retire_row["actor"], retire_row["old_value"], retire_row["new_value"]) == (INVESTIGATOR, None, "2026-10-15")
    consent_id = _delegation_ids(workspace, added.id)[1]
    (end_row,) = _audit(workspace, "delegations", consent_id, "end_date")
    assert (end_row["actor"], end_row["new_value"]) == (INVESTIGATOR, "2026-10-15")

    with pytest.raises(ValidationError, match="already retired"):
        workspace.contacts.retire(added.id, trial.id, day, INVESTIGATOR)

    back = workspace.contacts.reinstate(added.id, trial.id, ACTOR)
    assert back.retired_on is None
    assert back.delegations == retired.delegations  # ended duties stay ended
    assert added.id in [r.id for r in workspace.contacts.list_contacts(trial.id)]
    reinstated = _audit(workspace, "contacts", added.id, "retired_on")[-1]
    assert (reinstated["actor"], reinstated["old_value"], reinstated["new_value"]) == (ACTOR, "2026-10-15", None)
