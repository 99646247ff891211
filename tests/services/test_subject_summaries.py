"""The subject list's stored summaries (verdict, initials): kept in step with every change, in the same
transaction, so the list a coordinator reads agrees with the checklist however the record changed."""

from __future__ import annotations

import datetime as dt

from conftest import ACTOR, INVESTIGATOR, signs
from sqlalchemy import text

from coordinator_app.domain.eligibility import Verdict
from coordinator_app.domain.protocol import load_protocol_text
from coordinator_app.domain.subjects import Sex
from coordinator_app.resource_files import bundled_protocols
from coordinator_app.services.demo_subjects import eligible_facts
from coordinator_app.services.screening import SubjectDetail, SubjectDraft
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace

TODAY = dt.date.today()
CONSENTED = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)


def _eligible(workspace: Workspace, trial: TrialSummary) -> SubjectDetail:
    draft = SubjectDraft("王", "建国", Sex.MALE, dt.date(1975, 6, 1), "13812345678")
    subject = workspace.screening.register(trial.id, draft, ACTOR)
    for name, value in eligible_facts(TODAY).items():
        subject = workspace.screening.record_fact(subject.id, name, value, "outpatient record", ACTOR)
    version = workspace.trials.protocol(trial.id).current_consent_version
    return workspace.screening.record_consent(subject.id, version, CONSENTED, "Nurse Liu", True, ACTOR)


def _stored(workspace: Workspace, subject_id: int) -> tuple[str, str, str] | None:
    """The summary row as the database holds it: (verdict, initials, protocol digest)."""
    with workspace.database.engine.connect() as connection:
        row = connection.execute(
            text("SELECT verdict, initials, protocol_sha256 FROM subject_summaries WHERE subject_id = :id"),
            {"id": subject_id},
        ).one_or_none()
    return (row[0], row[1], row[2]) if row else None


def _digest(workspace: Workspace, trial: TrialSummary) -> str:
    with workspace.database.engine.connect() as connection:
        return str(
            connection.execute(text("SELECT protocol_sha256 FROM trials WHERE id = :id"), {"id": trial.id}).scalar()
        )


def test_every_change_to_the_record_is_summarised_in_the_same_save(workspace: Workspace, trial: TrialSummary) -> None:
    draft = SubjectDraft("王", "建国", Sex.MALE, dt.date(1975, 6, 1), "13812345678")
    registered = workspace.screening.register(trial.id, draft, ACTOR)
    assert _stored(workspace, registered.id) == ("incomplete", "WJG", _digest(workspace, trial))

    subject = _eligible(workspace, trial)
    assert subject.assessment.verdict is Verdict.ELIGIBLE
    assert _stored(workspace, subject.id) == ("eligible", "WJG", _digest(workspace, trial))

    renamed = workspace.screening.update_details(
        subject.id, SubjectDraft("李", "小明", Sex.MALE, dt.date(1975, 6, 1), "13812345678"), ACTOR, "typo"
    )
    assert _stored(workspace, renamed.id) == ("eligible", "LXM", _digest(workspace, trial))

    too_old = workspace.screening.update_details(
        subject.id, SubjectDraft("李", "小明", Sex.MALE, dt.date(1950, 6, 1), "13812345678"), ACTOR, "typo"
    )
    assert too_old.assessment.verdict is Verdict.INELIGIBLE
    assert _stored(workspace, subject.id) == ("ineligible", "LXM", _digest(workspace, trial))


def test_the_list_agrees_with_the_checklist(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _eligible(workspace, trial)
    workspace.screening.sign_eligibility(subject.id, signs(INVESTIGATOR))
    other = workspace.screening.register(
        trial.id, SubjectDraft("Smith", "John", Sex.FEMALE, dt.date(1980, 1, 2)), ACTOR
    )

    rows = {row.id: row for row in workspace.screening.rows(trial.id)}
    details = {detail.id: detail for detail in workspace.screening.details(trial.id)}
    assert list(rows) == list(details)  # the same subjects in the same order (by screening number)
    for subject_id, row in rows.items():
        detail = details[subject_id]
        assert (row.verdict, row.initials, row.name, row.status) == (
            detail.assessment.verdict,
            detail.initials,
            detail.name,
            detail.status,
        )
        assert row.identity_masked == detail.identity_masked
    signed = workspace.screening.current_signoff(subject.id)
    assert signed is not None and signed.verdict is Verdict.ELIGIBLE and "test-investigator" in signed.signed_by
    assert workspace.screening.current_signoff(other.id) is None and rows[other.id].initials == "SJ"


def test_a_changed_protocol_recomputes_the_trials_verdicts_when_it_is_loaded(
    workspace: Workspace, trial: TrialSummary
) -> None:
    subject = _eligible(workspace, trial)  # 51 years old on the assessment date
    bundled = bundled_protocols()[0].read_text(encoding="utf-8")
    stricter = bundled.replace("maximum = 60 }", "maximum = 45 }").replace(
        "maximum_age_years = 60", "maximum_age_years = 45"
    )
    assert stricter != bundled
    workspace.trials.load_protocol(load_protocol_text(stricter), "file:site.toml", ACTOR)

    assert _stored(workspace, subject.id) == ("ineligible", "WJG", _digest(workspace, trial))
    assert workspace.screening.rows(trial.id)[0].verdict is Verdict.INELIGIBLE


def test_missing_summaries_are_computed_when_read_and_kept(workspace: Workspace, trial: TrialSummary) -> None:
    """As after the migration that created the table, or a database written by another tool."""
    subject = _eligible(workspace, trial)
    with workspace.database.engine.begin() as connection:
        connection.execute(text("DELETE FROM subject_summaries"))

    assert workspace.screening.rows(trial.id)[0].verdict is Verdict.ELIGIBLE
    assert _stored(workspace, subject.id) == ("eligible", "WJG", _digest(workspace, trial))


def test_a_summary_made_under_another_protocol_is_not_believed(workspace: Workspace, trial: TrialSummary) -> None:
    subject = _eligible(workspace, trial)
    with workspace.database.engine.begin() as connection:
        connection.execute(text("UPDATE subject_summaries SET verdict = 'ineligible', protocol_sha256 = 'old'"))

    assert workspace.screening.rows(trial.id)[0].verdict is Verdict.ELIGIBLE
    assert _stored(workspace, subject.id) == ("eligible", "WJG", _digest(workspace, trial))


def test_the_list_is_read_in_pages_in_code_point_order(backend: str, workspace: Workspace, trial: TrialSummary) -> None:
    """Pages of the list, each after the last screening number read, give every subject once, in the order the
    list sorts them in Python (code points: capitals before small letters), whatever the server's collation."""
    if backend == "postgresql":  # a collation of a language, where "a" comes before "B"
        with workspace.database.engine.begin() as connection:
            connection.execute(
                text('ALTER TABLE subjects ALTER COLUMN screening_number TYPE varchar(40) COLLATE "und-x-icu"')
            )
    numbers = ["b-1", "B-2", "a-3", "A-10", "Z-9"]
    given = ["一", "二", "三", "四", "五"]
    for number, name in zip(numbers, given, strict=True):
        subject = workspace.screening.register(trial.id, SubjectDraft("王", name, Sex.MALE, dt.date(1975, 6, 1)), ACTOR)
        with workspace.database.engine.begin() as connection:  # a site's own numbers, as an imported log keeps them
            connection.execute(
                text("UPDATE subjects SET screening_number = :number WHERE id = :id"),
                {"number": number, "id": subject.id},
            )
    in_order = sorted(numbers)
    assert [s.screening_number for s in workspace.screening.rows(trial.id)] == in_order

    pages: list[list[str]] = []
    after = None
    while page := workspace.screening.rows(trial.id, after, 2):
        pages.append([s.screening_number for s in page])
        after = page[-1].screening_number
    assert pages == [in_order[0:2], in_order[2:4], in_order[4:]]
    assert workspace.screening.subject_count(trial.id) == 5
