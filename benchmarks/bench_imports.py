"""Imports for benchmarks/run.py: the site's screening log and a laboratory export, timed on a fresh database.

``python benchmarks/bench_imports.py --scale 0.1 [--only screening|labs]`` (run.py starts one process a scale, with
a time limit): writes a screening CSV of 30,000 × scale rows in the importer's format (every column of
``screening_import.SUBJECT_COLUMNS`` and every eligibility fact of the bundled protocol) and a LIS CSV of
200,000 × scale rows (``labs.IMPORT_COLUMNS``: subject, visit, date, analyte, value, unit; about 7 analytes per
subject and day), then times ``ScreeningImportService.import_file`` and ``LabService.import_file`` (the labs name
the subjects the screening import created) through the workspace, as the CLI and the GUI call them, with the
audit rows each wrote (one per record). ``--verify`` then recomputes
the audit trail's hash chain, as ``coordinator-app audit verify`` does. Prints one ``RESULT {json}`` line.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from coordinator_app.domain import labs
from coordinator_app.domain.access import Role
from coordinator_app.domain.identity import check_character
from coordinator_app.services.demo_subjects import eligible_facts
from coordinator_app.services.labs import IMPORT_COLUMNS
from coordinator_app.services.screening_import import SUBJECT_COLUMNS
from coordinator_app.services.users import Credentials
from coordinator_app.services.workspace import DEMO_HASHER, Workspace, open_workspace
from coordinator_app.storage.models import AuditEntry
from coordinator_app.storage.urls import sqlite_url

TRIAL = "NCT05106972"
SCREENING_ROWS = 30_000
LAB_ROWS = 200_000
LAB_PANEL = ("tbil", "alb", "crea", "na", "inr", "alt", "ast")
PASSWORD = "bench-password-1"
FAMILY = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚"


def rss_peak_kib() -> int:
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def screening_csv(path: Path, rows: int, fact_names: list[str], rng: random.Random) -> list[str]:
    today = dt.date.today()
    numbers = []
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow([*SUBJECT_COLUMNS, *fact_names])
        for index in range(rows):
            assessed = today - dt.timedelta(days=rng.randrange(30, 1000))
            born = assessed - dt.timedelta(days=rng.randrange(22 * 365, 58 * 365))
            male = rng.random() < 0.6
            identity = ""
            if rng.random() < 0.5:
                last = rng.choice((1, 3, 5, 7, 9)) if male else rng.choice((0, 2, 4, 6, 8))  # the sex digit
                body = f"460100{born:%Y%m%d}{rng.randrange(0, 99) * 10 + last:03d}"
                identity = body + check_character(body)
            facts = eligible_facts(assessed)
            number = f"LOG-{index + 1:06d}"
            numbers.append(number)
            writer.writerow(
                [
                    number,
                    rng.choice(FAMILY),
                    rng.choice(GIVEN) + rng.choice(GIVEN),
                    "M" if male else "F",
                    born.isoformat(),
                    identity,
                    assessed.isoformat(),
                    assessed.isoformat(),
                    *(facts.get(name, "") for name in fact_names),
                ]
            )
    return numbers


def lab_csv(path: Path, rows: int, numbers: list[str], rng: random.Random) -> None:
    today = dt.date.today()
    written = 0
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(IMPORT_COLUMNS)
        day_offset = 0
        while written < rows:
            for number in numbers:
                day = today - dt.timedelta(days=7 + day_offset)
                for code in LAB_PANEL:
                    if written >= rows:
                        return
                    item = labs.analyte(code)
                    low, high = item.normal_range(False)
                    assert low is not None and high is not None
                    value = (low + high) / 2 * Decimal(str(round(rng.uniform(0.7, 1.4), 2)))
                    writer.writerow(
                        [
                            number,
                            "",
                            day.isoformat(),
                            code,
                            labs.format_value(value.quantize(Decimal("0.1"))),
                            item.unit,
                        ]
                    )
                    written += 1
            day_offset += 30


def audit_rows(workspace: Workspace) -> int:
    from sqlalchemy import func, select

    with workspace.database.read() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def run(scale: float, only: str | None, verify: bool) -> dict[str, Any]:
    rng = random.Random(7)
    result: dict[str, Any] = {"scale": scale}
    with tempfile.TemporaryDirectory(prefix="coordinator-import-bench-") as name:
        folder = Path(name)
        workspace = open_workspace(sqlite_url(folder / "site.sqlite3"), password_hasher=DEMO_HASHER)
        try:
            workspace.users.create_first_administrator("bench.admin", "Bench Administrator", PASSWORD)
            workspace.users.add_user(
                "bench.coordinator",
                "Bench Coordinator",
                Role.COORDINATOR,
                PASSWORD,
                "bench.admin",
                must_change_password=False,
            )
            workspace.sign_in(Credentials("bench.coordinator", PASSWORD))
            trial = workspace.trials.resolve(TRIAL)
            fact_names = [d.name for d in workspace.trials.protocol(trial.id).eligibility.facts]
            screening_rows = max(1, round(SCREENING_ROWS * scale))
            lab_rows = max(1, round(LAB_ROWS * scale))
            screening_file = folder / "screening.csv"
            lab_file = folder / "labs.csv"
            numbers = screening_csv(screening_file, screening_rows, fact_names, rng)
            lab_csv(lab_file, lab_rows, numbers, rng)
            result["screening_file_mb"] = round(screening_file.stat().st_size / 1e6, 2)
            result["lab_file_mb"] = round(lab_file.stat().st_size / 1e6, 2)
            audited = audit_rows(workspace)
            start = time.perf_counter()
            imported = workspace.screening_import.import_file(screening_file, trial.id, workspace.actor)
            seconds = time.perf_counter() - start
            result["screening"] = {
                "rows": screening_rows,
                "imported": imported,
                "seconds": round(seconds, 2),
                "rows_per_s": round(screening_rows / seconds),
                "peak_rss_mib": rss_peak_kib() // 1024,
                "audit_rows": audit_rows(workspace) - audited,
            }
            print(f"screening: {result['screening']}", file=sys.stderr, flush=True)
            if only != "screening":
                audited = audit_rows(workspace)
                start = time.perf_counter()
                imported = workspace.labs.import_file(lab_file, trial.id, workspace.actor)
                seconds = time.perf_counter() - start
                result["labs"] = {
                    "rows": lab_rows,
                    "imported": imported,
                    "seconds": round(seconds, 2),
                    "rows_per_s": round(lab_rows / seconds),
                    "peak_rss_mib": rss_peak_kib() // 1024,
                    "audit_rows": audit_rows(workspace) - audited,
                }
                print(f"labs: {result['labs']}", file=sys.stderr, flush=True)
            result["audit_rows_written"] = audit_rows(workspace)
            if verify:
                start = time.perf_counter()
                report = workspace.audit_trail.verify()
                result["audit_chain"] = {"intact": report.intact, "seconds": round(time.perf_counter() - start, 2)}
            result["database_mb"] = round((folder / "site.sqlite3").stat().st_size / 1e6, 1)
        finally:
            workspace.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--only", choices=("screening",), help="skip the lab import")
    parser.add_argument("--verify", action="store_true", help="recompute the audit trail's hash chain afterwards")
    args = parser.parse_args()
    print("RESULT " + json.dumps(run(args.scale, args.only, args.verify)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
