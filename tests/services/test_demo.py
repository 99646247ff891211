"""The demo database: synthetic, clearly marked, thrown away."""

from __future__ import annotations

from pathlib import Path

from coordinator_app.services.workspace import open_workspace


def test_demo_data_is_marked_and_thrown_away_on_close() -> None:
    workspace = open_workspace("", demo=True)
    trial = workspace.trials.resolve()
    subjects = workspace.subjects.list_subjects(trial.id)
    site_contacts = [c for c in workspace.contacts.list_contacts(trial.id) if c.source == "site"]
    database_file = Path(workspace.database.engine.url.database or "")

    assert workspace.demo
    assert len(subjects) == 9
    assert all(s.screening_number.startswith("DEMO-S") for s in subjects)
    assert {s.status.value for s in subjects} == {"enrolled", "screen_failed", "withdrawn", "screening"}
    assert site_contacts and all(c.name.startswith("DEMO ") for c in site_contacts)
    assert database_file.exists()

    workspace.close()

    assert not database_file.exists()


def test_a_real_database_is_not_a_demo(database_url: str) -> None:
    workspace = open_workspace(database_url)
    try:
        assert not workspace.demo
        assert workspace.subjects.list_subjects(workspace.trials.resolve().id) == []
    finally:
        workspace.close()
