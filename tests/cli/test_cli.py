"""The command line: global options before the command, protocol load and import, errors a user can act on."""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ACTOR, FAST_HASHER, MONITOR, PASSWORD, add_test_staff
from pypdf import PdfReader
from sqlalchemy import text

from coordinator_app.cli import NEW_PASSWORD_ENV, PASSWORD_ENV, main
from coordinator_app.resource_files import resource
from coordinator_app.services.workspace import open_workspace
from coordinator_app.storage.engine import create_database_engine

DATA = Path(__file__).parent.parent / "data" / "ctgov"


@pytest.fixture
def database_url(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A site database with the test staff's accounts; commands that change data sign in as ``--user ACTOR`` with
    the password from the environment, as a script would."""
    workspace = open_workspace(database_url, password_hasher=FAST_HASHER)
    add_test_staff(workspace)
    workspace.close()
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    return database_url


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_protocol_list_on_a_new_database_shows_the_bundled_trial(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "--database", database_url, "protocol", "list")
    assert code == 0
    assert out.startswith("NCT05106972\t")
    assert "Hepatitis B Cirrhosis" in out


def test_database_can_come_from_the_environment(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COORDINATOR_APP_DATABASE", database_url)
    code, out, _ = _run(capsys, "db", "upgrade")
    assert code == 0
    assert "schema is current" in out
    assert Path(database_url.removeprefix("sqlite:///")).exists()


def test_import_a_ctgov_record_adds_the_trial(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys, "--database", database_url, "--user", ACTOR, "protocol", "import", str(DATA / "NCT09900001.json")
    )
    assert code == 0
    assert out == "NCT09900001: added\n"

    code, out, _ = _run(capsys, "--database", database_url, "protocol", "show", "--trial", "NCT09900001")
    shown = json.loads(out)
    assert shown["identification"]["nct_id"] == "NCT09900001"
    assert shown["eligibility"]["inclusion"][0]["code"] == "IN1"

    code, out, _ = _run(
        capsys, "--database", database_url, "--user", ACTOR, "protocol", "import", str(DATA / "NCT09900001.json")
    )
    assert out == "NCT09900001: unchanged\n"


def test_import_a_search_response_adds_every_study(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys, "--database", database_url, "--user", ACTOR, "protocol", "import", str(DATA / "search_two_studies.json")
    )
    assert code == 0
    assert out.count(": added") == 2
    engine = create_database_engine(database_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM trials")).scalar_one() == 3


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all", "is not JSON"),
        ('{"FullStudiesResponse": {}}', "FullStudiesResponse"),
        ('{"studies": []}', "studies"),
        ("[1, 2]", ""),
    ],
)
def test_a_file_that_is_not_a_registry_record_is_refused_and_nothing_is_added(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")

    code, _, err = _run(capsys, "--database", database_url, "--user", ACTOR, "protocol", "import", str(bad))

    assert code == 2
    assert err.startswith(f"error: {bad}: ")
    assert message in err
    code, out, _ = _run(capsys, "--database", database_url, "protocol", "list")
    assert out.count("\n") == 1


def test_load_a_site_protocol_file(tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    source = Path(str(resource("protocols", "NCT05106972.toml"))).read_text(encoding="utf-8")
    site_file = tmp_path / "site.toml"
    site_file.write_text(source.replace('overall_status = "RECRUITING"', 'overall_status = "COMPLETED"'), "utf-8")

    code, out, _ = _run(capsys, "--database", database_url, "--user", ACTOR, "protocol", "load", str(site_file))

    assert (code, out) == (0, "NCT05106972: protocol updated\n")
    _, shown, _ = _run(capsys, "--database", database_url, "protocol", "show")
    assert json.loads(shown)["status"]["overall_status"] == "COMPLETED"


def test_bad_protocol_file_names_file_key_and_problem(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = Path(str(resource("protocols", "NCT05106972.toml"))).read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(source.replace("enrollment_target = 30", "enrollment_target = -3"), "utf-8")

    code, _, err = _run(capsys, "--database", database_url, "--user", ACTOR, "protocol", "load", str(bad))

    assert code == 2
    assert err == f"error: {bad}: design.enrollment_target: must be at least 1, not -3\n"


def test_unknown_trial_is_a_clear_error(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--database", database_url, "protocol", "show", "--trial", "NCT01234567")
    assert code == 2
    assert "'NCT01234567' is not in this database (known: NCT05106972)" in err


def test_global_options_come_before_the_command(database_url: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["protocol", "list", "--database", database_url])
    assert exited.value.code == 2


def test_module_and_console_script_are_the_same_program(database_url: str) -> None:
    script = Path(sys.executable).with_name("coordinator-app")
    for command in ([sys.executable, "-m", "coordinator_app"], [str(script)]):
        done = subprocess.run(
            [*command, "--database", database_url, "protocol", "list"], capture_output=True, text=True, check=True
        )
        assert done.stdout.startswith("NCT05106972\t")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("foo", "database URL 'foo': is not a database URL"),
        ("mysql+mysqldb://nurse:secret@localhost/site", "nurse:***@localhost/site': needs a driver"),
    ],
)
def test_an_unusable_database_url_is_a_clear_error(capsys: pytest.CaptureFixture[str], url: str, message: str) -> None:
    code, _, err = _run(capsys, "--database", url, "protocol", "list")
    assert code == 2
    assert message in err
    assert "secret" not in err


SCREENING_LOG = (
    "screening_no,family_name,given_name,sex,date_of_birth,assessment_date,pt_seconds,pt_control_seconds\n"
    "HK-S001,王,建国,M,1971-03-14,2026-05-06,15.3,12.3\n"
    "HK-S002,李,秀英,F,1968-11-02,2026-05-20,15.4,12.3\n"
)


def test_subjects_import_then_screening_log(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "site-log.csv"
    source.write_text(SCREENING_LOG, encoding="utf-8")

    code, out, _ = _run(capsys, "--database", database_url, "--user", ACTOR, "subjects", "import", str(source))
    assert (code, out) == (0, f"NCT05106972: imported 2 subject(s) from {source}\n")

    log = tmp_path / "log.csv"
    code, out, _ = _run(capsys, "--database", database_url, "screening-log", "--format", "csv", "-o", str(log))
    assert code == 0
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[1].startswith("HK-S001,,WJG,M,55,2026-05-06,incomplete,,")
    assert lines[2].startswith("HK-S002,,LXY,F,57,2026-05-20,ineligible,EX6,")

    pdf = tmp_path / "log.pdf"
    code, _, _ = _run(capsys, "--database", database_url, "screening-log", "--format", "pdf", "-o", str(pdf))
    assert code == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_subjects_import_reports_bad_cells_and_imports_nothing(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "site-log.csv"
    source.write_text(SCREENING_LOG.replace("15.4", "fifteen").replace(",M,", ",X,"), encoding="utf-8")

    code, _, err = _run(capsys, "--database", database_url, "--user", ACTOR, "subjects", "import", str(source))

    assert code == 2
    assert "line 2, column sex: 'X': must be M or F" in err
    assert "line 3, column pt_seconds: 'fifteen':" in err
    assert "nothing was imported" in err
    log = tmp_path / "log.csv"
    _run(capsys, "--database", database_url, "screening-log", "-o", str(log))
    assert log.read_text(encoding="utf-8").count("\n") == 1  # the header only


def test_numbering_can_be_shown_and_set(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--database", database_url, "subjects", "numbering")
    assert out == "NCT05106972: screening numbers SCR-001, subject numbers SUB-001\n"
    _, out, _ = _run(
        capsys,
        "--database",
        database_url,
        "--user",
        ACTOR,
        "subjects",
        "numbering",
        "--screening-prefix",
        "HK-S",
        "--subject-prefix",
        "HK-",
    )
    assert out == "NCT05106972: screening numbers HK-S001, subject numbers HK-001\n"


def test_schedule_json_and_calendar_export_on_the_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--demo", "schedule", "DEMO-002", "--json")
    assert code == 0
    visits = json.loads(out)
    assert [v["code"] for v in visits][:3] == ["SCR", "D1", "D1+1"]
    assert set(visits[0]) == {"code", "name", "target", "window_start", "window_end", "actual", "status"}
    w8 = next(v for v in visits if v["code"] == "W8")
    assert (w8["status"], w8["actual"]) == ("scheduled", None)
    d1 = next(v for v in visits if v["code"] == "D1")
    assert d1["status"] == "done" and d1["actual"] == d1["target"]

    ics = tmp_path / "visits.ics"
    code, out, _ = _run(capsys, "--demo", "calendar", "export", "--ics", str(ics), "--subject", "DEMO-S003")
    assert (code, out) == (0, f"NCT05106972: wrote 14 visit(s) to {ics}\n")
    assert ics.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 14

    code, _, err = _run(capsys, "--demo", "calendar", "export", "--ics", str(ics), "--month", "2026-13")
    assert (code, err) == (2, "error: --month '2026-13': must be YYYY-MM\n")


def test_settings_show_and_change(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys, "--database", database_url, "--user", ACTOR, "settings", "--set", "max_infusions_per_day", "3"
    )
    assert code == 0
    assert "max_infusions_per_day = 3" in out
    code, _, err = _run(
        capsys, "--database", database_url, "--user", ACTOR, "settings", "--set", "max_infusions_per_day", "0"
    )
    assert (code, err) == (2, "error: max_infusions_per_day '0': must be at least 1\n")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["consent", "DEMO-S001"], "DEMO-S001"),
        (["visit", "DEMO-001", "W4"], "W4"),
        (["eligibility", "DEMO-S005"], "资料缺失"),
        (["screening-log"], "DEMO-S009"),
        (["visits", "--from", str(dt.date.today() - dt.timedelta(days=30)), "--to", str(dt.date.today())], "DEMO-002"),
    ],
)
def test_pdf_documents_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    output = tmp_path / "document.pdf"

    code, out, err = _run(capsys, "--demo", "pdf", *argv, "-o", str(output))

    assert (code, err) == (0, "")
    assert str(output) in out
    text = "\n".join(page.extract_text() for page in PdfReader(output).pages)
    assert expected in text


def test_pdf_of_an_unknown_visit_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--demo", "pdf", "visit", "DEMO-001", "W99", "-o", str(tmp_path / "x.pdf"))
    assert code == 2
    assert "W99" in err
    assert not (tmp_path / "x.pdf").exists()


def test_labs_import_export_and_ae_commands(
    tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "site-log.csv"
    source.write_text(SCREENING_LOG, encoding="utf-8")
    _run(capsys, "--database", database_url, "--user", ACTOR, "subjects", "import", str(source))
    lab = tmp_path / "lis.csv"
    lab.write_text(
        "subject,visit,date,analyte,value,unit\n"
        "HK-S001,,2026-05-06,tbil,34.2,µmol/L\n"
        "HK-S001,,2026-05-06,alb,3.0,g/dL\n",
        encoding="utf-8",
    )

    code, out, _ = _run(capsys, "--database", database_url, "--user", ACTOR, "labs", "import", str(lab))
    assert (code, out) == (0, f"NCT05106972: imported 2 lab result(s) from {lab}\n")
    export = tmp_path / "labs.csv"
    code, _, _ = _run(capsys, "--database", database_url, "labs", "export", "-o", str(export))
    rows = list(csv.DictReader(export.read_text(encoding="utf-8-sig").splitlines()))
    # albumin typed as 3.0 g/dL is stored as 30.0 g/L
    assert (rows[0]["screening_no"], rows[0]["tbil"], rows[0]["alb"]) == ("HK-S001", "34.2", "30.0")

    lab.write_text("subject,visit,date,analyte,value,unit\nHK-S001,,2026-05-06,alb,350,g/L\n", encoding="utf-8")
    code, _, err = _run(capsys, "--database", database_url, "--user", ACTOR, "labs", "import", str(lab))
    assert code == 2
    assert "line 2" in err and "350" in err

    code, out, _ = _run(capsys, "--database", database_url, "ae", "pending")
    assert out == "NCT05106972: no serious adverse event is waiting to be reported\n"
    summary = tmp_path / "ae.csv"
    code, _, _ = _run(capsys, "--database", database_url, "ae", "summary", "-o", str(summary))
    assert code == 0
    assert summary.read_text(encoding="utf-8").startswith("section,category,count")


def test_a_command_that_changes_data_needs_a_signed_in_user(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "--database", database_url, "settings", "--set", "max_infusions_per_day", "3")
    assert code == 2
    assert "--user" in err and "changes data" in err
    _, out, _ = _run(capsys, "--database", database_url, "settings")
    assert "max_infusions_per_day = 2" in out


def test_a_wrong_password_or_a_role_without_the_right_is_refused(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = _run(
        capsys, "--database", database_url, "--user", MONITOR, "settings", "--set", "visit_minutes", "45"
    )
    assert code == 2
    assert "Test Monitor (monitor) may not change protocols, numbering or site settings" in err

    monkeypatch.setenv(PASSWORD_ENV, "not the password")
    code, _, err = _run(capsys, "--database", database_url, "--user", ACTOR, "settings", "--set", "visit_minutes", "45")
    assert code == 2
    assert "the user name or the password is wrong (4 more attempts before the account locks)" in err
    assert "not the password" not in err


def test_staff_accounts_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'new-site.sqlite3'}"
    monkeypatch.setenv(NEW_PASSWORD_ENV, "first admin 2026!")
    code, out, _ = _run(capsys, "--database", url, "users", "create-admin", "wang.admin", "--name", "Wang Fang")
    assert (code, out) == (0, "created administrator Wang Fang (wang.admin)\n")
    code, _, err = _run(capsys, "--database", url, "users", "create-admin", "li.admin", "--name", "Li Na")
    assert code == 2
    assert "this database has accounts" in err

    monkeypatch.setenv(PASSWORD_ENV, "first admin 2026!")
    monkeypatch.setenv(NEW_PASSWORD_ENV, "nurse first 2026")
    code, out, _ = _run(
        capsys,
        "--database",
        url,
        "--user",
        "wang.admin",
        "users",
        "add",
        "chen.hs",
        "--name",
        "陈护士",
        "--role",
        "research nurse",
    )
    assert code == 0
    assert "added 陈护士 (chen.hs) as research_nurse" in out
    code, out, _ = _run(capsys, "--database", url, "users", "list")
    assert out.splitlines() == [
        "chen.hs\tresearch_nurse\tactive\t陈护士",
        "wang.admin\tadministrator\tactive\tWang Fang",
    ]
    code, _, err = _run(
        capsys, "--database", url, "--user", "wang.admin", "users", "add", "x.y", "--name", "X", "--role", "chief"
    )
    assert code == 2
    assert "role 'chief': is not a role" in err
