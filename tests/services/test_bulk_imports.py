"""Large imports are written with Core bulk inserts (``storage.audit.insert_audited``): the same records as the ORM
would write, with one audit row per record that the trail reads as the lines the ORM's rows (one per field) give, in
one transaction, on a hash chain that still verifies; and a file with one bad row, wherever it is, writes nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from conftest import ACTOR
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator_app.domain.access import Permission
from coordinator_app.domain.identity import check_character
from coordinator_app.domain.protocol import load_protocol_text
from coordinator_app.domain.subjects import Sex, SubjectStatus
from coordinator_app.resource_files import bundled_protocols
from coordinator_app.services import labs as lab_service
from coordinator_app.services import screening_import, subject_summaries
from coordinator_app.services.csv_import import CsvImportError
from coordinator_app.services.demo_subjects import eligible_facts
from coordinator_app.services.labs import IMPORT_COLUMNS as LAB_COLUMNS
from coordinator_app.services.screening import SubjectDraft
from coordinator_app.services.screening_import import CONSENT_TAKER, SUBJECT_COLUMNS
from coordinator_app.services.trials import TrialSummary
from coordinator_app.services.workspace import Workspace
from coordinator_app.storage import audit, models

TODAY = dt.date(2026, 11, 25)
ASSESSED = dt.date(2026, 3, 10)
FACTS = eligible_facts(ASSESSED)  # canonical text already, as the import stores it
TABLES = ("subjects", "subject_facts", "consents")


class _RolledBackError(Exception):
    """Ends a unit of work whose writes a test only looked at."""


def _log_rows(count: int) -> list[dict[str, str]]:
    """A screening log: every second subject female, every third with an identity number, every fourth without a
    consent date, every fifth with two facts unknown."""
    rows = []
    for index in range(count):
        female = index % 2 == 1
        born = dt.date(1960 + index % 30, 1 + index % 12, 1 + index % 28)
        identity = ""
        if index % 3 == 0:
            body = f"460100{born:%Y%m%d}{index % 90 * 10 + (2 if female else 1):03d}"
            identity = body + check_character(body)
        facts = dict(FACTS)
        if index % 5 == 4:
            facts.update(pt_seconds="", active_infection="unknown")
        rows.append(
            {
                "screening_no": f"HK-S{index + 1:05d}",
                "family_name": "林王张"[index % 3],
                "given_name": "" if index % 7 == 6 else "美玲",
                "sex": "F" if female else "M",
                "date_of_birth": born.isoformat(),
                "id_number": identity,
                "assessment_date": ASSESSED.isoformat(),
                "consent_date": "" if index % 4 == 3 else (ASSESSED - dt.timedelta(days=1)).isoformat(),
                **facts,
            }
        )
    return rows


def _csv(header: list[str], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _log_csv(rows: list[dict[str, str]]) -> str:
    return _csv([*SUBJECT_COLUMNS, *FACTS], rows)


def _lab_csv(numbers: list[str], day: dt.date) -> str:
    """A complete liver panel (every score's analytes) and an ALT for each subject, on ``day``."""
    panel = (("tbil", "34.2", "µmol/L"), ("crea", "1.1", "mg/dL"), ("alb", "32", "g/L"), ("na", "136", "mmol/L"))
    panel += (("inr", "1.3", ""), ("alt", "45", "U/L"))
    rows = [
        {"subject": number, "visit": "", "date": day.isoformat(), "analyte": code, "value": value, "unit": unit}
        for number in numbers
        for code, value, unit in panel
    ]
    return _csv(list(LAB_COLUMNS), rows)


AUDIT_FIELDS = ("id", "actor", "action", "table_name", "record_id", "field", "old_value", "new_value", "reason")


def _audit_rows_after(session: Session, after: int) -> list[dict[str, Any]]:
    rows = session.scalars(select(models.AuditEntry).where(models.AuditEntry.id > after).order_by(models.AuditEntry.id))
    return [{name: getattr(row, name) for name in (*AUDIT_FIELDS, "subject_id")} for row in rows]


def _audit_rows(workspace: Workspace, after: int) -> list[dict[str, Any]]:
    """The audit rows as stored."""
    with workspace.database.read() as session:
        return _audit_rows_after(session, after)


def _trail_lines(workspace: Workspace, after: int) -> list[dict[str, Any]]:
    """The audit rows as the trail shows them: a line per field."""
    lines = workspace.audit_trail.page(after_id=after, limit=1_000_000)
    return [{name: getattr(line, name) for name in (*AUDIT_FIELDS, "subject_id")} for line in lines]


def _last_audit_id(workspace: Workspace) -> int:
    with workspace.database.read() as session:
        return int(session.scalar(select(func.max(models.AuditEntry.id))) or 0)


def _records(rows: list[dict[str, Any]], unstable: frozenset[str]) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """The audit rows as the records they describe, comparable across databases: each record's fields and values
    without its own id, its subject's id and the ``unstable`` fields (timestamps), after checking what those say."""
    records: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for row in rows:
        assert (row["action"], row["old_value"], row["actor"], row["reason"]) == ("insert", None, ACTOR, None)
        fields = records[(row["table_name"], row["record_id"])]
        assert row["field"] not in fields, row
        fields[row["field"]] = row["new_value"]
        owner = row["record_id"] if row["table_name"] == "subjects" else fields.get("subject_id")
        if owner is not None:
            assert str(row["subject_id"]) == owner, row
    described = []
    for (table, record_id), fields in records.items():
        assert fields.pop("id") == record_id
        fields.pop("subject_id", None)
        for name in unstable & fields.keys():
            assert dt.datetime.fromisoformat(fields.pop(name)).tzinfo is not None
        described.append((table, tuple(sorted(fields.items()))))
    return sorted(described)


def _written_by_orm(workspace: Workspace, write: Callable[[Session], object]) -> list[dict[str, Any]]:
    """The audit rows a flush writes for what ``write(session)`` adds, in a unit of work then rolled back."""
    before = _last_audit_id(workspace)
    with pytest.raises(_RolledBackError), workspace.database.write(ACTOR, permission=Permission.IMPORT) as session:
        write(session)
        session.flush()
        written = _audit_rows_after(session, before)
        raise _RolledBackError
    return written


# -- the screening log --------------------------------------------------------------------------------------------


def _orm_subjects(trial_id: int, rows: list[dict[str, str]], consent_version: str) -> Iterator[models.Subject]:
    """The subjects of ``rows`` built as ORM objects, as the import built them before it wrote in bulk."""
    for line, row in enumerate(rows, start=2):
        subject = models.Subject(
            trial_id=trial_id,
            screening_number=row["screening_no"],
            status=SubjectStatus.SCREENING,
            family_name=row["family_name"],
            given_name=row["given_name"],
            sex=Sex.FEMALE if row["sex"] == "F" else Sex.MALE,
            date_of_birth=dt.date.fromisoformat(row["date_of_birth"]),
            phone="",
            identity_number=row["id_number"] or None,
            screened_on=ASSESSED,
            assessment_date=ASSESSED,
        )
        subject.facts = [
            models.SubjectFact(name=name, value=value, source_note=f"log.csv line {line}")
            for name, value in row.items()
            if name in FACTS and value and value != "unknown"
        ]
        if row["consent_date"]:
            signed_at = dt.datetime.combine(dt.date.fromisoformat(row["consent_date"]), dt.time()).astimezone()
            subject.consents = [
                models.Consent(
                    document_version=consent_version, signed_at=signed_at, obtained_by=CONSENT_TAKER, copy_given=None
                )
            ]
        yield subject


def test_an_imported_log_has_the_audit_rows_the_orm_would_write(workspace: Workspace, trial: TrialSummary) -> None:
    rows = _log_rows(12)
    version = workspace.trials.protocol(trial.id).current_consent_version or "unspecified"
    by_orm = _written_by_orm(workspace, lambda session: session.add_all(_orm_subjects(trial.id, rows, version)))
    before = _last_audit_id(workspace)

    assert workspace.screening_import.import_text(_log_csv(rows), trial.id, ACTOR, source="log.csv", today=TODAY) == 12

    in_bulk = _trail_lines(workspace, before)
    created = frozenset({"created_at"})
    assert _records(in_bulk, created) == _records(by_orm, created)
    assert len(in_bulk) == len(by_orm)
    records = {(row["table_name"], row["record_id"]) for row in by_orm}
    assert len(_audit_rows(workspace, before)) == len(records)  # one stored row per record
    details = {d.screening_number: d for d in workspace.screening.details(trial.id)}
    assert details["HK-S00004"].consent is None
    assert details["HK-S00001"].facts["pt_seconds"].source_note == "log.csv line 2"
    assert workspace.audit_trail.verify().intact


def test_a_log_larger_than_a_batch_is_written_whole_on_a_chain_that_verifies(
    workspace: Workspace, trial: TrialSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screening_import, "CHUNK", 7)
    monkeypatch.setattr(audit, "BULK_BATCH", 5)
    rows = _log_rows(40)
    # a subject saved through the ORM first: the import continues its chain and the trial its numbering
    workspace.screening.register(trial.id, SubjectDraft("王", "建国", Sex.MALE, dt.date(1975, 6, 1)), ACTOR)
    before = _last_audit_id(workspace)

    assert workspace.screening_import.import_text(_log_csv(rows), trial.id, ACTOR, today=TODAY) == 40

    written = _audit_rows(workspace, before)
    audited = {table: {r["record_id"] for r in written if r["table_name"] == table} for table in TABLES}
    facts = sum(1 for row in rows for name in FACTS if row[name] not in ("", "unknown"))
    consents = sum(1 for row in rows if row["consent_date"])
    assert {table: len(ids) for table, ids in audited.items()} == dict(zip(TABLES, (40, facts, consents), strict=True))
    assert len(written) == 40 + facts + consents  # one audit row per record
    assert [row["id"] for row in written] == list(range(before + 1, before + 1 + len(written)))
    assert workspace.audit_trail.verify().intact
    after = workspace.screening.register(trial.id, SubjectDraft("李", "", Sex.FEMALE, dt.date(1980, 1, 1)), ACTOR)
    assert after.screening_number == "SCR-002"  # the trial's own numbering goes on


def test_a_number_issued_while_the_log_was_checked_is_refused(
    workspace: Workspace, trial: TrialSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = _log_rows(3)
    rows[2]["screening_no"] = "SCR-001"
    checked = screening_import._parse

    def register_meanwhile(*args: Any) -> Any:  # another desktop registers a subject, numbered SCR-001
        result = checked(*args)
        workspace.screening.register(trial.id, SubjectDraft("王", "建国", Sex.MALE, dt.date(1975, 6, 1)), ACTOR)
        return result

    monkeypatch.setattr(screening_import, "_parse", register_meanwhile)
    before = _last_audit_id(workspace)

    with pytest.raises(CsvImportError) as raised:
        workspace.screening_import.import_text(_log_csv(rows), trial.id, ACTOR, today=TODAY)

    assert [str(p) for p in raised.value.problems] == [
        "line 4, column screening_no: 'SCR-001': is already in the database"
    ]
    (registered,) = workspace.screening.details(trial.id)
    assert registered.screening_number == "SCR-001"
    assert {row["subject_id"] for row in _audit_rows(workspace, before)} == {registered.id}  # its rows only


@pytest.mark.parametrize("bad_line", [2, 21, 41])
def test_a_bad_row_anywhere_in_a_large_log_writes_nothing(
    workspace: Workspace, trial: TrialSummary, bad_line: int
) -> None:
    rows = _log_rows(40)
    rows[bad_line - 2]["family_name"] = "林" * 101  # longer than its column: what a database server refuses
    before = _last_audit_id(workspace)

    with pytest.raises(CsvImportError) as raised:
        workspace.screening_import.import_text(_log_csv(rows), trial.id, ACTOR, today=TODAY)

    assert [(p.line, p.column, p.problem) for p in raised.value.problems] == [
        (bad_line, "family_name", "is too long: at most 100 characters")
    ]
    assert workspace.screening.details(trial.id) == []
    assert _last_audit_id(workspace) == before


def test_a_failure_while_writing_rolls_the_whole_import_back(
    workspace: Workspace, trial: TrialSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screening_import, "CHUNK", 7)

    def fail(*args: object) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(screening_import, "store_assessed_summaries", fail)
    before = _last_audit_id(workspace)

    with pytest.raises(RuntimeError, match="the disk is full"):
        workspace.screening_import.import_text(_log_csv(_log_rows(30)), trial.id, ACTOR, today=TODAY)

    assert workspace.screening.details(trial.id) == []
    assert _last_audit_id(workspace) == before


def test_a_nul_character_is_refused_by_line_and_column(workspace: Workspace, trial: TrialSummary) -> None:
    rows = _log_rows(3)
    rows[1]["given_name"] = "美\x00玲"

    with pytest.raises(CsvImportError) as raised:
        workspace.screening_import.import_text(_log_csv(rows), trial.id, ACTOR, today=TODAY)

    assert [(p.line, p.column) for p in raised.value.problems] == [(3, "given_name")]
    assert "NUL" in raised.value.problems[0].problem


def _summaries(workspace: Workspace, trial: TrialSummary) -> tuple[dict[int, tuple[str, str, str]], set[str]]:
    """The stored summaries (verdict, initials, protocol digest) by subject, checked against those computed now from
    the stored records under the trial's protocol; and the verdicts seen."""
    with workspace.database.read() as session:
        digest, protocol = subject_summaries.stored_protocol(session, trial.id)
        ids = list(session.scalars(select(models.Subject.id).where(models.Subject.trial_id == trial.id)))
        computed = subject_summaries.compute_summaries(session, protocol, ids)
        stored = {
            row.subject_id: (row.verdict, row.initials, row.protocol_sha256)
            for row in session.scalars(select(models.SubjectSummary))
        }
    assert stored == {subject_id: (*computed[subject_id], digest) for subject_id in ids}
    return stored, {verdict for verdict, _, _ in stored.values()}


def test_imported_subjects_are_listed_with_the_verdicts_their_records_give(
    workspace: Workspace, trial: TrialSummary
) -> None:
    rows = _log_rows(20)
    rows[7]["date_of_birth"] = "1940-01-01"  # too old

    workspace.screening_import.import_text(_log_csv(rows), trial.id, ACTOR, today=TODAY)

    stored, verdicts = _summaries(workspace, trial)
    assert len(stored) == 20
    assert verdicts == {"eligible", "ineligible", "incomplete"}


def test_a_protocol_loaded_while_the_log_was_checked_gives_the_verdicts(
    workspace: Workspace, trial: TrialSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = bundled_protocols()[0].read_text(encoding="utf-8")
    stricter = bundled.replace("maximum = 60 }", "maximum = 45 }").replace(
        "maximum_age_years = 60", "maximum_age_years = 45"
    )
    checked = screening_import._parse

    def load_meanwhile(*args: Any) -> Any:  # another desktop loads a stricter protocol
        result = checked(*args)
        workspace.trials.load_protocol(load_protocol_text(stricter), "file:site.toml", ACTOR)
        return result

    monkeypatch.setattr(screening_import, "_parse", load_meanwhile)

    workspace.screening_import.import_text(_log_csv(_log_rows(20)), trial.id, ACTOR, today=TODAY)

    stored, _verdicts = _summaries(workspace, trial)
    assert len(stored) == 20  # under the stricter protocol: checked inside _summaries


# -- the laboratory export ---------------------------------------------------------------------------------------


def _imported_subjects(workspace: Workspace, trial: TrialSummary, count: int) -> list[str]:
    rows = _log_rows(count)
    workspace.screening_import.import_text(_log_csv(rows), trial.id, ACTOR, today=TODAY)
    return [row["screening_no"] for row in rows]


def test_imported_results_and_scores_have_the_audit_rows_the_orm_would_write(
    workspace: Workspace, trial: TrialSummary
) -> None:
    numbers = _imported_subjects(workspace, trial, 4)
    day = TODAY - dt.timedelta(days=3)
    text = _lab_csv(numbers, day)
    subjects = {number: workspace.screening.find(trial.id, number) for number in numbers}
    for number in numbers[:2]:  # the scores need the bedside findings too: these two get scores
        workspace.labs.record_assessment(subjects[number].id, day, "mild", "none", False, ACTOR)

    def store(session: Session) -> None:  # what the import did before it wrote in bulk: each result, then the scores
        reader = csv.DictReader(io.StringIO(text))
        for line, row in enumerate(reader, start=2):
            subject = subjects[row["subject"]]
            entry = lab_service._entry(row["analyte"], row["value"], row["unit"], subject.sex is Sex.FEMALE)
            lab_service._store(session, subject.id, day, None, entry, f"lis.csv line {line}", reason_given=False)
        for subject in subjects.values():
            lab_service._recompute(session, subject.id, day)

    by_orm = _written_by_orm(workspace, store)
    before = _last_audit_id(workspace)

    assert workspace.labs.import_text(text, trial.id, ACTOR, source="lis.csv", today=TODAY) == 24

    in_bulk = _trail_lines(workspace, before)
    computed = frozenset({"computed_at"})
    assert _records(in_bulk, computed) == _records(by_orm, computed)
    assert {row["table_name"] for row in in_bulk} == {"lab_results", "liver_scores"}
    assert workspace.audit_trail.verify().intact


def test_a_lab_import_larger_than_a_batch_keeps_the_chain_and_updates_existing_scores(
    workspace: Workspace, trial: TrialSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lab_service, "BATCH", 13)
    monkeypatch.setattr(audit, "BULK_BATCH", 4)
    numbers = _imported_subjects(workspace, trial, 30)
    day = TODAY - dt.timedelta(days=3)
    subject_ids = [workspace.screening.find(trial.id, number).id for number in numbers]
    for subject_id in subject_ids[::2]:  # the scores need the bedside findings too: every second subject's
        workspace.labs.record_assessment(subject_id, day, "none", "none", False, ACTOR)
    for code, value, unit in (("tbil", "34.2", "µmol/L"), ("crea", "1.1", "mg/dL"), ("inr", "1.3", "")):
        workspace.labs.record(subject_ids[0], day, code, value, unit, ACTOR)  # the same values as the file's
    (meld_only,) = workspace.labs.scores(subject_ids[0])
    assert meld_only.meld is not None and meld_only.meld_na is None

    # the three results recorded already are the same again: skipped
    assert workspace.labs.import_text(_lab_csv(numbers, day), trial.id, ACTOR, today=TODAY) == 30 * 6 - 3

    scored = [subject_id for subject_id in subject_ids if workspace.labs.scores(subject_id)]
    assert scored == subject_ids[::2]
    assert all(workspace.labs.scores(subject_id)[0].child_pugh_class for subject_id in scored)
    assert workspace.labs.scores(subject_ids[0])[0].meld_na is not None  # the existing score row, updated
    assert workspace.audit_trail.verify().intact


def test_a_bad_row_anywhere_in_a_lab_export_writes_nothing(workspace: Workspace, trial: TrialSummary) -> None:
    numbers = _imported_subjects(workspace, trial, 10)
    lines = _lab_csv(numbers, TODAY - dt.timedelta(days=3)).splitlines()
    lines[36] = lines[36].replace(",45,", ",45." + "0" * 40 + ",")  # an ALT with more digits than a result stores
    before = _last_audit_id(workspace)

    with pytest.raises(CsvImportError) as raised:
        workspace.labs.import_text("\n".join(lines), trial.id, ACTOR, today=TODAY)

    assert [(p.line, p.column) for p in raised.value.problems] == [(37, "value")]
    assert "too many digits" in raised.value.problems[0].problem
    assert _last_audit_id(workspace) == before
