"""Document benchmark helpers (not a test): timing a build, the plain reportlab floor, and the consent form.

The floor is a plain reportlab document (SimpleDocTemplate, one paragraph a page, in the same embedded document
font) with the same page count: what any PDF of that length costs here. bench_documents.py uses these for the
visit packet, the consent form and a day's packets; run them all with ``make bench``.
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import time
from collections.abc import Callable

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from coordinator_app.documents.fonts import document_font
from coordinator_app.services.workspace import Workspace

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
