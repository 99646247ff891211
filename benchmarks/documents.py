"""Benchmark (not a test): how long the printed documents take, beside a plain reportlab floor.

Times one visit packet (DEMO-001, dose 1, infusion record filled in), one consent form (when the consent-form
builder is importable), and the packets of one day for 30 subjects. The floor is a plain reportlab document
(SimpleDocTemplate, one paragraph a page, in the same embedded document font) with the same page count: what
any PDF of that length costs here. Run: ``.venv/bin/python benchmarks/documents.py``.
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from coordinator_app.documents.fonts import document_font
from coordinator_app.domain.subjects import Sex
from coordinator_app.services.demo_subjects import eligible_facts
from coordinator_app.services.packets import PacketService
from coordinator_app.services.screening import SubjectDraft
from coordinator_app.services.workdays import next_working_day
from coordinator_app.services.workspace import Workspace, open_workspace
from coordinator_app.storage.engine import sqlite_url

TRIAL = "NCT05106972"
ACTOR = "bench"
REPEATS = 5
BATCH_SUBJECTS = 30


def timed(build: Callable[[io.BytesIO], object], repeats: int = REPEATS) -> tuple[float, bytes]:
    """The median seconds of ``repeats`` builds (after one warm-up) and the last PDF built."""
    data = b""
    samples = []
    for attempt in range(repeats + 1):
        output = io.BytesIO()
        start = time.perf_counter()
        build(output)
        elapsed = time.perf_counter() - start
        data = output.getvalue()
        if attempt:
            samples.append(elapsed)
    return statistics.median(samples), data


def pages_of(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


PARAGRAPHS_PER_PAGE = 4  # four paragraphs of this text nearly fill an A4 page at 10 pt (five overflow)


def floor(pages: int) -> float:
    """A plain reportlab document of ``pages`` full pages of text in the embedded document font.

    Full pages, because a page of a form carries about as much text as a page of prose: a floor of
    near-empty pages would measure the page template, not the typesetting every document pays for.
    """
    style = ParagraphStyle("Floor", fontName=document_font(), fontSize=10, leading=13, wordWrap="CJK")
    text = "Visit packet 访视资料包 — vital signs 生命体征, blood draw 采血, adverse events 不良事件. " * 12

    def build(output: io.BytesIO) -> None:
        story: list[object] = []
        for page in range(pages):
            if page:
                story.append(PageBreak())
            story += [Paragraph(f"{page + 1}.{line} {text}", style) for line in range(PARAGRAPHS_PER_PAGE)]
        SimpleDocTemplate(output, pagesize=A4).build(story)

    seconds, data = timed(build)
    assert pages_of(data) == pages
    return seconds


def row(name: str, pages: int, seconds: float) -> None:
    base = floor(pages)
    print(f"{name:<34} {pages:>6} {seconds:>9.3f} {base:>14.3f} {seconds / base:>7.2f}")


def consent_form(workspace: Workspace) -> tuple[int, float] | None:
    """The consent form of the bundled template for one demo subject, or None when the builder is not there."""
    try:
        from coordinator_app.documents.consent_form import build_consent_pdf
        from coordinator_app.domain.consent_documents import parse_consent_document
        from coordinator_app.resource_files import resource
    except ImportError:
        return None
    text = resource("consent", TRIAL, "TEMPLATE.txt").read_text(encoding="utf-8")
    document = parse_consent_document(text, "TEMPLATE.txt")
    subject = workspace.screening.find(workspace.trials.resolve(TRIAL).id, "DEMO-S006")

    def build(output: io.BytesIO) -> None:
        build_consent_pdf(
            document,
            trial_id=TRIAL,
            subject_name=subject.name,
            screening_number=subject.screening_number,
            generated_at=dt.datetime.now().astimezone(),
            output=output,
            watermark=None,
        )

    seconds, data = timed(build)
    return pages_of(data), seconds


def batch_workspace(folder: Path) -> tuple[Workspace, dt.date]:
    """A throwaway database with 30 enrolled subjects whose dose 1 is booked on one day."""
    workspace = open_workspace(sqlite_url(folder / "batch.sqlite3"), ACTOR)
    trial = workspace.trials.resolve(TRIAL)
    version = workspace.trials.protocol(trial.id).current_consent_version
    workspace.site_settings.set("max_infusions_per_day", str(BATCH_SUBJECTS), ACTOR)
    today = dt.date.today()
    screened = today - dt.timedelta(days=10)
    day = next_working_day(today)
    for index in range(BATCH_SUBJECTS):
        draft = SubjectDraft("测试", f"受试者{index + 1}", Sex.MALE if index % 2 else Sex.FEMALE, dt.date(1970, 1, 1))
        subject = workspace.screening.register(trial.id, draft, ACTOR, today=screened)
        for name, value in eligible_facts(screened).items():
            workspace.screening.record_fact(subject.id, name, value, f"bench record {index + 1}", ACTOR)
        consented = dt.datetime.combine(screened, dt.time(9, 0)).astimezone()
        workspace.screening.record_consent(subject.id, version, consented, "bench nurse", True, ACTOR)
        workspace.screening.sign_eligibility(subject.id, "bench investigator", ACTOR)
        workspace.screening.enrol(subject.id, today - dt.timedelta(days=5), ACTOR)
        workspace.schedules.book_dose1(subject.id, day, ACTOR)
    return workspace, day


def main() -> None:
    demo = open_workspace("", ACTOR, demo=True)
    try:
        trial = demo.trials.resolve(TRIAL)
        packets = PacketService(demo.trials, demo.screening, demo.schedules, demo.database)
        print(f"{'document':<34} {'pages':>6} {'seconds':>9} {'floor seconds':>14} {'ratio':>7}")
        seconds, data = timed(lambda output: packets.visit_packet(trial.id, "DEMO-001", "D1", output))
        row("visit packet (DEMO-001 D1)", pages_of(data), seconds)
        consent = consent_form(demo)
        if consent is None:
            print("consent form: not available")
        else:
            row("consent form (DEMO-S006)", *consent)
    finally:
        demo.close()

    with tempfile.TemporaryDirectory(prefix="coordinator-bench-") as folder:
        workspace, day = batch_workspace(Path(folder))
        try:
            trial = workspace.trials.resolve(TRIAL)
            packets = PacketService(workspace.trials, workspace.screening, workspace.schedules, workspace.database)
            counts: list[int] = []
            seconds, data = timed(
                lambda output: counts.append(packets.packets_for_day(trial.id, day, output)), repeats=3
            )
            row(f"day's packets ({counts[-1]} subjects)", pages_of(data), seconds)
        finally:
            workspace.close()


if __name__ == "__main__":
    main()
