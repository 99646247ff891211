"""Trials: the bundled protocol on first start, loading and updating protocols, the overview counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import ACTOR
from sqlalchemy import text

from coordinator_app.domain.access import Permission
from coordinator_app.domain.contacts import ContactCategory
from coordinator_app.domain.errors import NotFoundError
from coordinator_app.domain.protocol import Protocol, load_protocol_file
from coordinator_app.domain.subjects import SubjectStatus
from coordinator_app.resource_files import resource
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace, open_workspace
from coordinator_app.storage.models import Subject

SHIPPED = Path(str(resource("protocols", "NCT05106972.toml")))


def _other_trial(nct_id: str = "NCT09999999") -> Protocol:
    protocol = load_protocol_file(SHIPPED)
    return dataclasses.replace(
        protocol, nct_id=nct_id, design=dataclasses.replace(protocol.design, enrollment_target=12)
    )


def test_first_start_creates_the_schema_and_loads_nct05106972(workspace: Workspace) -> None:
    (trial,) = workspace.trials.list_trials()
    assert trial.nct_id == "NCT05106972"
    assert trial.source == "bundled:NCT05106972.toml"
    protocol = workspace.trials.protocol(trial.id)
    assert protocol == load_protocol_file(SHIPPED)


def test_registry_contacts_become_trial_contacts(workspace: Workspace, trial: TrialSummary) -> None:
    contacts = {(c.category, c.name): c for c in workspace.contacts.list_contacts(trial.id)}
    sponsor = contacts[(ContactCategory.SPONSOR, "Asia Stem Cell Regenerative Pharmaceutical Co., Ltd.")]
    assert sponsor.trial_nct_id == "NCT05106972"
    central = contacts[(ContactCategory.CENTRAL_CONTACT, "Xiaoxi Huang, PHD")]
    assert central.phone == "+8689866151200"
    assert central.phone_display == "0898 6615 1200"
    facility = contacts[(ContactCategory.FACILITY_CONTACT, "Xiaoxi Huang, PHD")]
    assert facility.organisation == "Haikou People's Hospital"


def test_reopening_does_not_reload_or_duplicate(database_url: str, workspace: Workspace) -> None:
    before = workspace.trials.list_trials()
    contacts_before = len(workspace.contacts.list_contacts(before[0].id))
    again = open_workspace(database_url)
    try:
        assert again.trials.list_trials() == before
        assert len(again.contacts.list_contacts(before[0].id)) == contacts_before
    finally:
        again.close()


def test_one_database_holds_several_trials_most_recent_first(workspace: Workspace) -> None:
    result = workspace.trials.load_protocol(_other_trial(), "file:other.toml", ACTOR)

    assert result.created
    assert [t.nct_id for t in workspace.trials.list_trials()] == ["NCT09999999", "NCT05106972"]
    assert workspace.trials.resolve().nct_id == "NCT09999999"
    assert workspace.trials.resolve("nct05106972").nct_id == "NCT05106972"
    with pytest.raises(NotFoundError, match="'NCT00000000' is not in this database"):
        workspace.trials.resolve("NCT00000000")


def test_loading_a_changed_protocol_updates_it_with_an_audit_trail(workspace: Workspace, trial: TrialSummary) -> None:
    protocol = workspace.trials.protocol(trial.id)
    changed = dataclasses.replace(protocol, overall_status="ACTIVE_NOT_RECRUITING")

    unchanged = workspace.trials.load_protocol(protocol, "file:same.toml", ACTOR)
    updated = workspace.trials.load_protocol(changed, "file:site.toml", ACTOR)

    assert (unchanged.created, unchanged.changed) == (False, False)
    assert (updated.created, updated.changed) == (False, True)
    assert workspace.trials.protocol(trial.id).overall_status == "ACTIVE_NOT_RECRUITING"
    with workspace.database.engine.connect() as connection:
        fields = connection.execute(
            text(
                "SELECT field FROM audit_log WHERE table_name='trials' AND action='update' AND actor='test-coordinator'"
            )
        ).scalars()
        assert {"protocol_json", "source"} <= set(fields)


def test_site_loaded_protocol_is_not_replaced_by_the_bundled_one(database_url: str, workspace: Workspace) -> None:
    trial = workspace.trials.resolve()
    site_version = dataclasses.replace(workspace.trials.protocol(trial.id), overall_status="COMPLETED")
    workspace.trials.load_protocol(site_version, "file:site.toml", ACTOR)

    reopened = open_workspace(database_url)
    try:
        assert reopened.trials.protocol(trial.id).overall_status == "COMPLETED"
    finally:
        reopened.close()


def _add_subjects(workspace: Workspace, trial_id: int, statuses: list[SubjectStatus]) -> None:
    with workspace.database.write(ACTOR, permission=Permission.SCREEN) as session:
        for number, status in enumerate(statuses, start=1):
            session.add(
                Subject(
                    trial_id=trial_id,
                    screening_number=f"S{number:03}",
                    family_name=f"Person {number}",
                    assessment_date=dt.date(2026, 1, 1),
                    sex="male",
                    date_of_birth=dt.date(1970, 1, 1),
                    status=status,
                    screened_on=dt.date(2026, 1, 1),
                )
            )


def test_overview_counts_subjects_by_status_against_the_target(workspace: Workspace, trial: TrialSummary) -> None:
    statuses = (
        [SubjectStatus.SCREENING] * 2
        + [SubjectStatus.ENROLLED] * 5
        + [SubjectStatus.SCREEN_FAILED] * 3
        + [SubjectStatus.WITHDRAWN]
        + [SubjectStatus.COMPLETED] * 2
    )
    _add_subjects(workspace, trial.id, statuses)
    other = workspace.trials.load_protocol(_other_trial(), "file:other.toml", ACTOR).trial
    _add_subjects(workspace, other.id, [SubjectStatus.ENROLLED])

    progress = workspace.trials.overview(trial.id).progress

    assert (progress.screening, progress.enrolled, progress.screen_failed) == (2, 5, 3)
    assert (progress.withdrawn, progress.completed) == (1, 2)
    assert progress.screened_total == 13
    assert progress.enrolled_total == 8
    assert (progress.target, progress.places_left) == (30, 22)
    assert workspace.trials.overview(other.id).progress.enrolled_total == 1


def test_overview_of_an_empty_trial(workspace: Workspace, trial: TrialSummary) -> None:
    progress = workspace.trials.overview(trial.id).progress
    assert (progress.screened_total, progress.enrolled_total, progress.places_left) == (0, 0, 30)


def test_stored_protocol_is_readable_json(workspace: Workspace, trial: TrialSummary) -> None:
    with workspace.database.engine.connect() as connection:
        stored = connection.execute(text("SELECT protocol_json FROM trials")).scalar_one()
    assert json.loads(stored)["identification"]["nct_id"] == "NCT05106972"
    assert "脐带间充质干细胞" in stored
