"""``coordinator-app audit``: the chain check names the first tampered row, exports write the trail; no sign-in."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
from pathlib import Path

import pytest
from conftest import ACTOR, ADMIN, FAST_HASHER, add_test_staff
from pypdf import PdfReader

from coordinator_app.cli import main
from coordinator_app.domain.subjects import Sex
from coordinator_app.services.screening import SubjectDraft
from coordinator_app.services.workspace import open_workspace


@pytest.fixture
def database_url(database_url: str) -> str:
    """A site database with the test staff and one subject (SCR-001), closed again: the commands open it."""
    workspace = open_workspace(database_url, password_hasher=FAST_HASHER)
    add_test_staff(workspace)
    trial = workspace.trials.resolve("NCT05106972")
    draft = SubjectDraft(family_name="王", given_name="建国", sex=Sex.MALE, date_of_birth=dt.date(1975, 6, 1))
    workspace.screening.register(trial.id, draft, ACTOR)
    workspace.close()
    return database_url


def _file(database_url: str) -> str:
    return database_url.removeprefix("sqlite:///")


def _audit_rows(database_url: str, where: str = "1 = 1") -> int:
    with sqlite3.connect(_file(database_url)) as connection:
        return int(connection.execute(f"SELECT count(*) FROM audit_log WHERE {where}").fetchone()[0])


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_verify_reports_an_intact_trail_with_its_row_count(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "--database", database_url, "audit", "verify")
    assert code == 0
    assert out.strip() == f"audit trail intact: {_audit_rows(database_url)} rows"


def test_verify_names_the_first_row_edited_outside_the_app(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(_file(database_url)) as connection:  # what someone with the file and sqlite3 could do
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("DROP TRIGGER audit_log_no_delete")
        connection.execute("UPDATE audit_log SET new_value = 'forged' WHERE id = 15")
    code, out, _ = _run(capsys, "--database", database_url, "audit", "verify")
    assert code == 1
    assert out.strip() == "audit row 15: its content was changed after it was written"


def test_csv_export_has_a_header_and_one_line_per_audit_row(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "trail.csv"
    code, out, _ = _run(capsys, "--database", database_url, "audit", "export", "--csv", str(target))
    rows = _audit_rows(database_url)
    assert code == 0
    assert out.strip() == f"wrote {rows} audit row(s) to {target}"
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert lines[0][:3] == ["id", "occurred_at_utc", "occurred_local"]
    assert len(lines) == rows + 1
    assert [int(line[0]) for line in lines[1:]] == list(range(1, rows + 1))


def test_csv_export_takes_the_viewers_filters(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "admin.csv"
    today = dt.date.today().isoformat()
    argv = ["--user", ADMIN, "--table", "users", "--from", today, "--to", today]
    code, _, _ = _run(capsys, "--database", database_url, "audit", "export", "--csv", str(target), *argv)
    assert code == 0
    lines = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
    assert len(lines) == _audit_rows(database_url, f"actor = '{ADMIN}' AND table_name = 'users'") > 0
    assert {(line["actor"], line["table_name"]) for line in lines} == {(ADMIN, "users")}


@pytest.mark.parametrize(
    ("option", "value", "where", "scope"),
    [
        ("--field", "status", "field = 'status'", "field / 字段 status"),
        ("--subject", "SCR-001", "subject_id = 1", "subject / 受试者 SCR-001"),
    ],
)
def test_a_pdf_export_names_its_scope_and_checks_the_chain(
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    option: str,
    value: str,
    where: str,
    scope: str,
) -> None:
    target = tmp_path / "scoped.pdf"
    code, out, _ = _run(capsys, "--database", database_url, "audit", "export", "--pdf", str(target), option, value)
    rows = _audit_rows(database_url, where)
    assert code == 0 and rows > 0
    assert out.strip() == f"wrote {rows} audit row(s) to {target}"
    first = PdfReader(target).pages[0].extract_text()
    assert scope in first
    assert f"Rows / 行数: {rows}" in first
    assert "Hash chain verified: intact" in first


def test_an_unknown_subject_is_a_one_line_error(
    database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "none.csv"
    code, _, err = _run(capsys, "--database", database_url, "audit", "export", "--csv", str(target), "--subject", "X9")
    assert code == 2
    assert err.strip() == "error: no subject numbered 'X9'"
    assert not target.exists()
