"""Reading the audit trail: keyset pages, filters, filter choices, CSV export and the chain check, on real data."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from conftest import ACTOR, MONITOR, NURSE, signs
from sqlalchemy import text

from coordinator_app.domain.audit_trail import COLUMNS
from coordinator_app.domain.errors import NotFoundError, ValidationError
from coordinator_app.domain.subjects import Sex
from coordinator_app.services.audit_trail import AuditFilter, AuditRow, AuditTrailService
from coordinator_app.services.screening import SubjectDetail, SubjectDraft
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace

TODAY = dt.date.today()
REASON = "transcription error / 抄写错误"


def _register(workspace: Workspace, trial: TrialSummary, family_name: str, actor: str) -> SubjectDetail:
    draft = SubjectDraft(family_name=family_name, given_name="建国", sex=Sex.MALE, date_of_birth=dt.date(1975, 6, 1))
    return workspace.screening.register(trial.id, draft, actor)


@pytest.fixture
def subjects(workspace: Workspace, trial: TrialSummary) -> tuple[SubjectDetail, SubjectDetail]:
    """Two subjects: the first registered by the coordinator, the second by the nurse, who then corrects a fact."""
    first = _register(workspace, trial, "王", ACTOR)
    second = _register(workspace, trial, "李", NURSE)
    workspace.screening.record_fact(second.id, "pt_seconds", "14.2", "outpatient record", NURSE)
    workspace.screening.record_fact(second.id, "pt_seconds", "15.1", "outpatient record", NURSE, REASON)
    return first, second


def _all(trail: AuditTrailService, audit_filter: AuditFilter | None = None, *, newest_first: bool = False) -> list[int]:
    """Every matching id, read page by page with a small page."""
    ids: list[int] = []
    while page := trail.page(audit_filter, ids[-1] if ids else None, 7, newest_first=newest_first):
        ids += [row.id for row in page]
    return ids


def _ids_in_database(workspace: Workspace, where: str = "1 = 1", **params: object) -> list[int]:
    with workspace.database.engine.connect() as connection:
        return list(connection.execute(text(f"SELECT id FROM audit_log WHERE {where} ORDER BY id"), params).scalars())


@pytest.mark.usefixtures("subjects")
def test_pages_follow_each_other_without_gaps_or_overlaps_in_both_orders(workspace: Workspace) -> None:
    trail = workspace.audit_trail
    everything = _ids_in_database(workspace)
    assert len(everything) > 50

    assert _all(trail) == everything
    assert _all(trail, newest_first=True) == everything[::-1]
    assert trail.count() == len(everything)


def test_filters_select_a_subject_a_user_a_table_and_local_days(
    workspace: Workspace, subjects: tuple[SubjectDetail, SubjectDetail]
) -> None:
    trail = workspace.audit_trail
    first, second = subjects
    cases = [
        (AuditFilter(subject_id=second.id), "subject_id = :v", second.id),
        (AuditFilter(actor=NURSE), "actor = :v", NURSE),
        (AuditFilter(table="subject_facts"), "table_name = :v", "subject_facts"),
        (
            AuditFilter(subject_id=second.id, actor=NURSE, table="subjects"),
            f"subject_id = :v AND actor = '{NURSE}' AND table_name = 'subjects'",
            second.id,
        ),
    ]
    for audit_filter, where, value in cases:
        expected = _ids_in_database(workspace, where, v=value)
        assert expected, audit_filter
        assert _all(trail, audit_filter) == expected
        assert trail.count(audit_filter) == len(expected)

    everything = _ids_in_database(workspace)
    assert _all(trail, AuditFilter(first_day=TODAY, last_day=TODAY)) == everything
    assert _all(trail, AuditFilter(last_day=TODAY - dt.timedelta(days=1))) == []
    assert trail.count(AuditFilter(first_day=TODAY + dt.timedelta(days=1))) == 0
    assert trail.count(AuditFilter(subject_id=first.id, actor=NURSE)) == 0


def test_rows_carry_the_subjects_numbers_both_times_and_the_stored_values(
    workspace: Workspace, subjects: tuple[SubjectDetail, SubjectDetail]
) -> None:
    _first, second = subjects
    rows = workspace.audit_trail.page(AuditFilter(subject_id=second.id, table="subject_facts"), limit=100)
    assert {row.subject for row in rows} == {second.screening_number}
    update = next(row for row in rows if row.action == "update" and row.field == "value")
    assert (update.old_value, update.new_value, update.actor, update.reason) == ("14.2", "15.1", NURSE, REASON)
    assert update.occurred_at.tzinfo is not None
    assert update.local_time == update.occurred_local.replace("T", " ")
    assert update.utc_time == update.occurred_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
    with pytest.raises(AttributeError):
        update.actor = "someone else"  # type: ignore[misc]  # rows are immutable


@pytest.mark.usefixtures("subjects")
def test_filter_choices_list_who_and_which_tables_appear_and_every_subject(
    workspace: Workspace, subjects: tuple[SubjectDetail, SubjectDetail]
) -> None:
    trail = workspace.audit_trail
    actors = trail.actors()
    assert {ACTOR, NURSE, "system"} <= set(actors)
    assert actors == sorted(actors)
    tables = trail.tables()
    assert {"subjects", "subject_facts", "trials", "users"} <= set(tables)
    assert tables == sorted(tables)
    assert [choice.label for choice in trail.subjects()] == [s.screening_number for s in subjects]


@pytest.mark.usefixtures("subjects")
def test_a_subject_is_found_by_number_for_the_command_line(
    workspace: Workspace, subjects: tuple[SubjectDetail, SubjectDetail]
) -> None:
    trail = workspace.audit_trail
    assert trail.find_subject(subjects[1].screening_number) == subjects[1].id
    assert trail.find_subject(subjects[1].screening_number, "NCT05106972") == subjects[1].id
    with pytest.raises(NotFoundError, match="SCR-999"):
        trail.find_subject("SCR-999")


def test_a_date_range_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError, match="ends before it starts"):
        AuditFilter(first_day=TODAY, last_day=TODAY - dt.timedelta(days=1))


@pytest.mark.usefixtures("subjects")
def test_csv_export_has_a_bom_a_header_and_one_line_per_row_with_every_column(
    workspace: Workspace, tmp_path: Path
) -> None:
    trail = workspace.audit_trail
    path = tmp_path / "trail.csv"
    count = trail.export_csv(path)

    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert lines[0] == list(COLUMNS)
    assert count == len(lines) - 1 == trail.count()
    rows = trail.page(limit=count)
    assert [line for line in lines[1:]] == [list(row.cells()) for row in rows]
    stored = {r.id: r for r in rows}
    first = dict(zip(COLUMNS, lines[1], strict=True))
    assert first["row_hash"] == stored[int(first["id"])].row_hash
    assert dt.datetime.fromisoformat(first["occurred_at_utc"]).utcoffset() == dt.timedelta(0)
    assert any(line[COLUMNS.index("new_value")] == "王" for line in lines[1:])  # Chinese survives the round trip


def test_csv_export_of_a_filter_goes_to_a_stream_and_leaves_it_open(
    workspace: Workspace, subjects: tuple[SubjectDetail, SubjectDetail]
) -> None:
    stream = io.BytesIO()
    count = workspace.audit_trail.export_csv(stream, AuditFilter(subject_id=subjects[0].id))
    assert not stream.closed
    lines = stream.getvalue().decode("utf-8-sig").splitlines()
    assert count == len(lines) - 1 == workspace.audit_trail.count(AuditFilter(subject_id=subjects[0].id))
    assert all(subjects[0].screening_number in line for line in lines[1:])


@pytest.mark.usefixtures("subjects")
def test_a_monitor_reads_exports_and_verifies_the_trail(workspace: Workspace) -> None:
    workspace.sign_out()
    workspace.sign_in(signs(MONITOR))
    trail = workspace.audit_trail
    report = trail.verify()
    assert report.intact
    assert report.rows_checked == trail.count()
    assert trail.export_csv(io.BytesIO()) == report.rows_checked


def test_rows_are_read_in_batches_up_to_the_last_id(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("coordinator_app.services.audit_trail.EXPORT_BATCH", 4)
    trail = workspace.audit_trail
    last = trail.last_id()
    rows: list[AuditRow] = list(trail.rows(last_id=last - 3))
    assert [row.id for row in rows] == list(range(1, last - 2))


# -- a bulk import's rows: one stored row per record, read as a line per field ---------------------------------------

IMPORTED_LOG = (
    "screening_no,family_name,given_name,sex,date_of_birth,assessment_date,consent_date,pt_seconds\n"
    "LOG-1,林,美玲,F,1970-01-02,2026-03-10,2026-03-09,14.2\n"
    'LOG-2,"王,""大""",,M,1971-05-06,2026-03-10,,\n'
)


def _import_log(workspace: Workspace, trial: TrialSummary) -> SubjectDetail:
    workspace.screening_import.import_text(IMPORTED_LOG, trial.id, ACTOR, source="log.csv", today=TODAY)
    return workspace.screening.find(trial.id, "LOG-1")


def test_an_imported_subjects_history_reads_as_a_line_per_field(workspace: Workspace, trial: TrialSummary) -> None:
    trail = workspace.audit_trail
    subject = _import_log(workspace, trial)

    lines = trail.page(AuditFilter(subject_id=subject.id), limit=100)

    shown = {(line.table_name, line.field): line.new_value for line in lines}
    assert shown[("subjects", "family_name")] == "林"
    assert shown[("subjects", "date_of_birth")] == "1970-01-02"
    assert shown[("subject_facts", "value")] == "14.2"
    assert shown[("consents", "obtained_by")] == "recorded in the site's screening log"
    assert {(line.action, line.actor, line.subject) for line in lines} == {("insert", ACTOR, "LOG-1")}
    assert len(shown) == len(lines)  # a line per field, none repeated
    assert trail.count(AuditFilter(subject_id=subject.id)) == len(lines)
    assert trail.count(AuditFilter(table="subjects")) == len(trail.page(AuditFilter(table="subjects"), limit=100))


def test_a_field_filter_finds_imported_and_entered_lines(
    workspace: Workspace, trial: TrialSummary, subjects: tuple[SubjectDetail, SubjectDetail]
) -> None:
    trail = workspace.audit_trail
    _import_log(workspace, trial)

    lines = trail.page(AuditFilter(field="family_name"), limit=1000)

    assert {line.field for line in lines} == {"family_name"}
    assert {line.new_value for line in lines} == {"王", "李", "林", '王,"大"'}
    assert trail.count(AuditFilter(field="family_name")) == len(lines)
    assert trail.page(AuditFilter(field="family_name", table="subject_facts"), limit=1000) == []


def test_pages_and_exports_of_imported_rows_give_every_line_once(
    workspace: Workspace, trial: TrialSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    trail = workspace.audit_trail
    _import_log(workspace, trial)
    monkeypatch.setattr("coordinator_app.services.audit_trail.EXPORT_BATCH", 3)
    every_line = trail.page(limit=1_000_000)
    assert len(every_line) > len(_ids_in_database(workspace))  # record rows gave several lines

    paged = []
    while page := trail.page(after_id=paged[-1].id if paged else None, limit=3):
        paged += page
    stream = io.BytesIO()
    exported = trail.export_csv(stream)

    assert paged == every_line == list(trail.rows())
    assert exported == trail.count() == len(every_line)
    exported_lines = list(csv.reader(io.StringIO(stream.getvalue().decode("utf-8-sig"), newline="")))
    assert exported_lines[1:] == [list(line.cells()) for line in every_line]
    assert trail.verify().rows_checked == len(_ids_in_database(workspace))
