"""Documents for benchmarks/run.py: the printed documents beside a plain reportlab floor of the same page count.

Reuses benchmarks/documents.py (``floor``, ``timed``, ``pages_of``, ``consent_form``), and adds what it lacks: a
batch workspace that signs its staff in (the services now check the signed-in user's role), the first build in a
fresh process (``python benchmarks/bench_documents.py first WHAT``), and a visit packet built on the large
generated databases.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import documents as base  # noqa: E402 - benchmarks/documents.py, the existing benchmark

from coordinator_app.domain.access import Role  # noqa: E402
from coordinator_app.domain.subjects import Sex  # noqa: E402
from coordinator_app.services.demo_subjects import eligible_facts  # noqa: E402
from coordinator_app.services.screening import SubjectDraft  # noqa: E402
from coordinator_app.services.users import Credentials  # noqa: E402
from coordinator_app.services.workdays import next_working_day  # noqa: E402
from coordinator_app.services.workspace import DEMO_HASHER, Workspace, open_workspace  # noqa: E402
from coordinator_app.storage.urls import sqlite_url  # noqa: E402

PASSWORD = "bench-password-1"
ADMIN, COORDINATOR, INVESTIGATOR = "bench.admin", "bench.coordinator", "bench.investigator"


def batch_workspace(folder: Path, subjects: int = base.BATCH_SUBJECTS) -> tuple[Workspace, dt.date]:
    """A throwaway database with ``subjects`` enrolled subjects whose dose 1 is booked on one day."""
    workspace = open_workspace(sqlite_url(folder / "batch.sqlite3"), password_hasher=DEMO_HASHER)
    workspace.users.create_first_administrator(ADMIN, "Bench Administrator", PASSWORD)
    workspace.users.add_user(
        COORDINATOR, "Bench Coordinator", Role.COORDINATOR, PASSWORD, ADMIN, must_change_password=False
    )
    workspace.users.add_user(
        INVESTIGATOR, "Bench Investigator", Role.INVESTIGATOR, PASSWORD, ADMIN, must_change_password=False
    )
    workspace.sign_in(Credentials(ADMIN, PASSWORD))
    workspace.site_settings.set("max_infusions_per_day", str(subjects), ADMIN)
    workspace.sign_in(Credentials(COORDINATOR, PASSWORD))
    trial = workspace.trials.resolve(base.TRIAL)
    version = workspace.trials.protocol(trial.id).current_consent_version
    today = dt.date.today()
    screened = today - dt.timedelta(days=10)
    day = next_working_day(today)
    for index in range(subjects):
        draft = SubjectDraft("测试", f"受试者{index + 1}", Sex.MALE if index % 2 else Sex.FEMALE, dt.date(1970, 1, 1))
        subject = workspace.screening.register(trial.id, draft, COORDINATOR, today=screened)
        for name, value in eligible_facts(screened).items():
            workspace.screening.record_fact(subject.id, name, value, f"bench record {index + 1}", COORDINATOR)
        consented = dt.datetime.combine(screened, dt.time(9, 0)).astimezone()
        workspace.screening.record_consent(subject.id, version, consented, "bench nurse", True, COORDINATOR)
        workspace.screening.sign_eligibility(subject.id, Credentials(INVESTIGATOR, PASSWORD))
        workspace.screening.enrol(subject.id, today - dt.timedelta(days=5), COORDINATOR)
        workspace.schedules.book_dose1(subject.id, day, COORDINATOR)
    return workspace, day


def row(name: str, pages: int, seconds: float, floor_seconds: float, **extra: Any) -> dict[str, Any]:
    return {
        "document": name,
        "pages": pages,
        "seconds": round(seconds, 4),
        "floor_seconds": round(floor_seconds, 4),
        "ratio": round(seconds / floor_seconds, 2),
        **extra,
    }


def warm(log: Any = print) -> list[dict[str, Any]]:
    """Median of repeated builds after one warm-up, as benchmarks/documents.py measures."""
    rows: list[dict[str, Any]] = []
    demo = open_workspace("", demo=True)
    try:
        trial = demo.trials.resolve(base.TRIAL)
        seconds, data = base.timed(lambda output: demo.packets.visit_packet(trial.id, "DEMO-001", "D1", output))
        pages = base.pages_of(data)
        rows.append(row("visit packet (DEMO-001 D1)", pages, seconds, base.floor(pages)))
        log(f"  {rows[-1]}")
        consent = base.consent_form(demo)
        if consent is not None:
            pages, seconds = consent
            rows.append(row("consent form (DEMO-S006)", pages, seconds, base.floor(pages)))
            log(f"  {rows[-1]}")
    finally:
        demo.close()
    with tempfile.TemporaryDirectory(prefix="coordinator-bench-") as folder:
        start = time.perf_counter()
        workspace, day = batch_workspace(Path(folder))
        setup = time.perf_counter() - start
        try:
            trial = workspace.trials.resolve(base.TRIAL)
            counts: list[int] = []
            seconds, data = base.timed(
                lambda output: counts.append(workspace.packets.packets_for_day(trial.id, day, output)), repeats=3
            )
            pages = base.pages_of(data)
            rows.append(
                row(
                    f"day's packets ({counts[-1]} subjects)",
                    pages,
                    seconds,
                    base.floor(pages),
                    setup_seconds=round(setup, 1),
                )
            )
            log(f"  {rows[-1]}")
        finally:
            workspace.close()
    return rows


def first_build(what: str, pages: int = 0) -> float:
    """Seconds of the first build of ``what`` in this (fresh) process, after the demo workspace is open."""
    if what == "floor":
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

        from coordinator_app.documents.fonts import document_font

        start = time.perf_counter()
        style = ParagraphStyle("Floor", fontName=document_font(), fontSize=10, leading=13, wordWrap="CJK")
        text = "Visit packet 访视资料包 — vital signs 生命体征, blood draw 采血, adverse events 不良事件. " * 12
        story: list[object] = []
        for page in range(pages):
            if page:
                story.append(PageBreak())
            story += [Paragraph(f"{page + 1}.{line} {text}", style) for line in range(base.PARAGRAPHS_PER_PAGE)]
        SimpleDocTemplate(io.BytesIO(), pagesize=A4).build(story)
        return time.perf_counter() - start
    demo = open_workspace("", demo=True)
    try:
        trial = demo.trials.resolve(base.TRIAL)
        start = time.perf_counter()
        if what == "visit":
            demo.packets.visit_packet(trial.id, "DEMO-001", "D1", io.BytesIO())
        elif what == "consent":
            from coordinator_app.documents.consent_form import build_consent_pdf
            from coordinator_app.domain.consent_documents import parse_consent_document
            from coordinator_app.resource_files import resource

            text = resource("consent", base.TRIAL, "TEMPLATE.txt").read_text(encoding="utf-8")
            document = parse_consent_document(text, "TEMPLATE.txt")
            subject = demo.screening.find(trial.id, "DEMO-S006")
            build_consent_pdf(
                document,
                trial_id=base.TRIAL,
                subject_name=subject.name,
                screening_number=subject.screening_number,
                generated_at=dt.datetime.now().astimezone(),
                output=io.BytesIO(),
                watermark=None,
            )
        else:
            raise ValueError(what)
        return time.perf_counter() - start
    finally:
        demo.close()


def first_builds(pages: dict[str, int], repeats: int = 3, log: Any = print) -> list[dict[str, Any]]:
    """The first build of each document in fresh processes (median of ``repeats``), beside the floor's first build
    of the same page count, also in fresh processes."""

    def fresh(*args: str) -> float:
        completed = subprocess.run(
            [sys.executable, str(Path(__file__)), "first", *args],
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        return float(completed.stdout.strip().splitlines()[-1])

    rows = []
    for what, name in (("visit", "visit packet (DEMO-001 D1), first build"), ("consent", "consent form, first build")):
        if what not in pages:
            continue
        own = sorted(fresh(what) for _ in range(repeats))[repeats // 2]
        floor = sorted(fresh("floor", str(pages[what])) for _ in range(repeats))[repeats // 2]
        rows.append(row(name, pages[what], own, floor))
        log(f"  {rows[-1]}")
    return rows


def packet_on_site(database: Path) -> dict[str, Any]:
    """A visit packet (dose 1) of a treated subject of the largest trial of a generated database."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        trial_id, nct = connection.execute(
            "SELECT id, nct_id FROM trials ORDER BY loaded_at DESC, id DESC LIMIT 1"
        ).fetchone()
        number = connection.execute(
            "SELECT s.subject_number FROM subjects s JOIN visits v ON v.subject_id = s.id "
            "WHERE s.trial_id = ? AND v.code = 'D1' AND v.status = 'done' ORDER BY s.id LIMIT 1 OFFSET 5",
            (trial_id,),
        ).fetchone()[0]
    finally:
        connection.close()
    workspace = open_workspace(sqlite_url(database))
    try:
        first = time.perf_counter()
        workspace.packets.visit_packet(trial_id, number, "D1", io.BytesIO())
        first_seconds = time.perf_counter() - first
        seconds, data = base.timed(
            lambda output: workspace.packets.visit_packet(trial_id, number, "D1", output), repeats=3
        )
    finally:
        workspace.close()
    pages = base.pages_of(data)
    return row(
        f"visit packet ({nct} {number} D1)", pages, seconds, base.floor(pages), first_in_process=round(first_seconds, 4)
    )


def main() -> int:
    if len(sys.argv) >= 3 and sys.argv[1] == "first":
        print(first_build(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0))
        return 0
    rows = warm()
    pages = {"visit": rows[0]["pages"]}
    if len(rows) > 2:
        pages["consent"] = rows[1]["pages"]
    rows += first_builds(pages)
    print(json.dumps(rows, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
