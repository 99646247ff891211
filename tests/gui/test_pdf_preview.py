"""The PDF preview (from memory, no temporary file), printing, Save as, and batches built off the UI thread."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from coordinator_app.documents.screening_log import build_screening_log_pdf
from coordinator_app.domain.screening_log import ScreeningLogRow
from coordinator_app.gui.documents.background import BackgroundJob, run_with_progress
from coordinator_app.gui.documents.preview import MAX_ZOOM, ZOOM_STEP, PdfPreviewDialog, preview_pdf, print_pdf

SUGGESTED = "screening-log-NCT05106972.pdf"


def three_pages() -> bytes:
    output = io.BytesIO()
    sheet = canvas.Canvas(output, pagesize=A4)
    for number in (1, 2, 3):
        sheet.setFont("Helvetica", 36)
        sheet.drawString(72, A4[1] - 144, f"Test page {number}")
        sheet.showPage()
    sheet.save()
    return output.getvalue()


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return three_pages()


@pytest.fixture
def dialog(qtbot: QtBot, pdf: bytes) -> Iterator[PdfPreviewDialog]:
    widget = PdfPreviewDialog(pdf, "Screening log", SUGGESTED)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(300)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def screening_rows(count: int) -> list[ScreeningLogRow]:
    verdicts = ("eligible", "ineligible", "incomplete")
    return [
        ScreeningLogRow(
            screening_no=f"S{i + 1:03d}",
            subject_no=f"HK-{i + 1:03d}" if i % 3 == 0 else "",
            initials=("WJG", "王小明", "LXM")[i % 3],
            sex="MF"[i % 2],
            age=40 + i,
            assessment_date=dt.date(2026, 3, 1) + dt.timedelta(days=i),
            verdict=verdicts[i % 3],
            failing_criteria=("EX12 肝功能异常",) if i % 3 == 1 else (),
            missing_items=("血红蛋白",) if i % 3 == 2 else (),
            status=("enrolled", "screen_failed", "screening")[i % 3],
            enrolment_date=dt.date(2026, 3, 10) if i % 3 == 0 else None,
        )
        for i in range(count)
    ]


def screening_log_pdf(rows: int) -> bytes:
    output = io.BytesIO()
    build_screening_log_pdf(
        screening_rows(rows),
        trial_id="NCT05106972",
        trial_title="间充质干细胞治疗 / Mesenchymal stem cells",
        generated_at=dt.datetime(2026, 3, 20, 9, 30, tzinfo=dt.UTC),
        output=output,
    )
    return output.getvalue()


# -- the preview -----------------------------------------------------------------------------------------


def test_preview_loads_the_document_from_memory(dialog: PdfPreviewDialog, pdf: bytes) -> None:
    assert dialog.windowTitle() == "Screening log"
    assert dialog.document.status() == QPdfDocument.Status.Ready
    assert dialog.document.pageCount() == 3
    assert dialog.buffer.isOpen()
    assert bytes(dialog.buffer.data().data()) == pdf
    assert dialog.form.pageLabel.text() == "Page 1 of 3"
    assert dialog.view.document() is dialog.document
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.form.fitWidthButton.isChecked()
    assert not dialog.form.fitPageButton.isChecked()
    assert dialog.form.printButton.isEnabled()
    assert dialog.form.saveButton.isEnabled()
    assert dialog.form.statusLabel.isHidden()
    assert dialog.document.parent() is dialog  # not the application: it goes with the dialog


def test_page_label_follows_scrolling(qtbot: QtBot, dialog: PdfPreviewDialog) -> None:
    bar = dialog.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: dialog.form.pageLabel.text() == "Page 3 of 3")
    assert dialog.current_page() == 2


def test_zoom_buttons(qtbot: QtBot, dialog: PdfPreviewDialog) -> None:
    fitted = dialog.effective_zoom()
    assert 0.5 < fitted < 2
    assert dialog.form.zoomLabel.text() == f"{round(fitted * 100)}%"

    qtbot.mouseClick(dialog.form.zoomInButton, Qt.MouseButton.LeftButton)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert dialog.view.zoomFactor() == pytest.approx(fitted * ZOOM_STEP)
    assert not dialog.form.fitWidthButton.isChecked()
    qtbot.mouseClick(dialog.form.zoomOutButton, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.form.zoomOutButton, Qt.MouseButton.LeftButton)
    assert dialog.view.zoomFactor() == pytest.approx(fitted / ZOOM_STEP)

    qtbot.mouseClick(dialog.form.fitPageButton, Qt.MouseButton.LeftButton)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert dialog.form.fitPageButton.isChecked()
    assert dialog.effective_zoom() < fitted  # a whole A4 page in a landscape window is smaller than its width

    qtbot.mouseClick(dialog.form.fitWidthButton, Qt.MouseButton.LeftButton)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.effective_zoom() == pytest.approx(fitted)

    dialog.set_zoom(100)
    assert dialog.view.zoomFactor() == MAX_ZOOM
    assert not dialog.form.zoomInButton.isEnabled()


def test_a_broken_document_can_still_be_saved(qtbot: QtBot) -> None:
    broken = PdfPreviewDialog(b"%PDF-1.4 not really", "Broken", "broken.pdf")
    qtbot.addWidget(broken)
    assert not broken.is_ready()
    assert not broken.form.printButton.isEnabled()
    assert broken.form.saveButton.isEnabled()
    assert "could not be shown" in broken.form.statusLabel.text()
    assert broken.print_document() == 0


def test_previewing_and_printing_write_no_temporary_file(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pdf: bytes
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))  # QTemporaryFile and QDir.tempPath() read it
    widget = preview_pdf(None, pdf, "Screening log", SUGGESTED)  # deletes itself on close
    qtbot.waitExposed(widget)
    widget.view.verticalScrollBar().setValue(widget.view.verticalScrollBar().maximum())
    output = tmp_path / "printed.pdf"
    widget.ask_printer = lambda: pdf_printer(output)  # type: ignore[method-assign]
    assert widget.print_document() == 3
    with qtbot.waitSignal(widget.destroyed):
        widget.close()
    assert list(temp.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["printed.pdf", "temp"]


# -- Save as ---------------------------------------------------------------------------------------------


def test_save_as_writes_the_same_bytes(qtbot: QtBot, dialog: PdfPreviewDialog, pdf: bytes, tmp_path: Path) -> None:
    asked: list[str] = []
    target = tmp_path / "saved.pdf"

    def choose(suggested: str) -> Path:
        asked.append(suggested)
        return target

    dialog.choose_save_path = choose  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.form.saveButton, Qt.MouseButton.LeftButton)
    assert asked == [SUGGESTED]
    assert target.read_bytes() == pdf
    assert dialog.form.statusLabel.text() == f"Saved as {target}."


def test_save_as_cancelled_writes_nothing(dialog: PdfPreviewDialog, tmp_path: Path) -> None:
    dialog.choose_save_path = lambda suggested: None  # type: ignore[method-assign]
    assert dialog.save_as() is None
    assert list(tmp_path.iterdir()) == []


def test_save_as_reports_a_failed_write(dialog: PdfPreviewDialog, tmp_path: Path) -> None:
    errors: list[tuple[str, str]] = []
    dialog.choose_save_path = lambda suggested: tmp_path / "missing" / "log.pdf"  # type: ignore[method-assign]
    dialog.show_error = lambda title, text: errors.append((title, text))  # type: ignore[method-assign]
    assert dialog.save_as() is None
    assert len(errors) == 1
    assert errors[0][0] == "Not saved"
    assert "missing" in errors[0][1]


# -- printing --------------------------------------------------------------------------------------------


def test_print_pdf_prints_every_page_on_white(dialog: PdfPreviewDialog, tmp_path: Path) -> None:
    output = tmp_path / "printed.pdf"
    assert print_pdf(dialog.document, pdf_printer(output)) == 3
    printed = PdfReader(output)
    assert len(printed.pages) == 3
    for page in printed.pages:
        images = page.images
        assert len(images) == 1
        reference = images[0].indirect_reference
        assert reference is not None
        assert "/SMask" not in reference.get_object()  # opaque: no transparency mask
        picture = images[0].image
        assert picture is not None
        assert picture.getpixel((5, 5)) in ((255, 255, 255), 255)  # the paper is white
        assert picture.width >= 2000  # rendered near 300 dpi (A4 is 2480 pixels wide), not at screen resolution


def test_print_pdf_respects_the_page_range(dialog: PdfPreviewDialog, tmp_path: Path) -> None:
    output = tmp_path / "range.pdf"
    printer = pdf_printer(output)
    printer.setFromTo(2, 3)
    assert print_pdf(dialog.document, printer) == 2
    assert len(PdfReader(output).pages) == 2


def test_print_button_prints_through_the_printer_seam(qtbot: QtBot, dialog: PdfPreviewDialog, tmp_path: Path) -> None:
    output = tmp_path / "button.pdf"
    dialog.ask_printer = lambda: pdf_printer(output)  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.form.printButton, Qt.MouseButton.LeftButton)
    assert len(PdfReader(output).pages) == 3
    assert dialog.form.statusLabel.text() == f"Sent 3 page(s) to {output}."


def test_ask_printer_sets_up_qts_print_dialog(
    monkeypatch: pytest.MonkeyPatch, qtbot: QtBot, dialog: PdfPreviewDialog
) -> None:
    seen: list[tuple[int, int, bool, QPageLayout.Orientation, int]] = []

    def fake_exec(print_dialog: QPrintDialog) -> int:
        printer = print_dialog.printer()
        seen.append(
            (
                print_dialog.minPage(),
                print_dialog.maxPage(),
                print_dialog.testOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange),
                printer.pageLayout().orientation(),
                printer.resolution(),
            )
        )
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    assert dialog.ask_printer() is None
    assert seen == [(1, 3, True, QPageLayout.Orientation.Portrait, 300)]
    monkeypatch.setattr(QPrintDialog, "exec", lambda print_dialog: QDialog.DialogCode.Accepted.value)
    printer = dialog.ask_printer()
    assert printer is not None
    assert printer.docName() == "Screening log"


def test_print_cancelled_prints_nothing(dialog: PdfPreviewDialog) -> None:
    dialog.ask_printer = lambda: None  # type: ignore[method-assign]
    assert dialog.print_document() == 0
    assert dialog.form.statusLabel.text() == ""


def test_preview_pdf_opens_a_window_that_is_not_modal(qtbot: QtBot, pdf: bytes) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    widget = preview_pdf(parent, pdf, "Consent form", "consent.pdf")
    qtbot.waitExposed(widget)
    assert widget.isVisible()
    assert not widget.isModal()
    assert widget.parent() is parent
    assert widget.testAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    with qtbot.waitSignal(widget.destroyed):
        qtbot.mouseClick(widget.form.buttonBox.button(QDialogButtonBox.StandardButton.Close), Qt.MouseButton.LeftButton)


def test_the_page_is_painted_on_white_with_its_text(qtbot: QtBot) -> None:
    widget = PdfPreviewDialog(screening_log_pdf(30), "Screening log", "screening-log.pdf")
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.document.pageCount() >= 2
    assert widget.form.pageLabel.text() == f"Page 1 of {widget.document.pageCount()}"

    def page_shown() -> bool:
        shot = widget.view.viewport().grab().toImage()
        return dark_pixels(shot, QRect(40, 40, shot.width() - 80, 200)) > 50  # the title and first rows

    qtbot.waitUntil(page_shown)  # QPdfView renders pages on a thread, then repaints
    shot = widget.view.viewport().grab().toImage()
    margin = shot.pixelColor(shot.width() // 2, 12)  # the top margin of page 1, below the view's edge
    assert margin == QColor(Qt.GlobalColor.white)


def dark_pixels(image: QImage, area: QRect) -> int:
    count = 0
    for x in range(area.left(), area.right(), 3):
        for y in range(area.top(), area.bottom(), 3):
            if image.pixelColor(x, y).lightness() < 100:
                count += 1
    return count


# -- background generation -------------------------------------------------------------------------------


def test_five_steps_run_off_the_ui_thread_and_report_progress(qtbot: QtBot) -> None:
    ran_on: list[threading.Thread] = []
    delivered: list[tuple[list[bytes], threading.Thread]] = []

    def step(number: int) -> Callable[[], bytes]:
        def build() -> bytes:
            ran_on.append(threading.current_thread())
            return f"PDF {number}".encode()

        return build

    parent = QWidget()
    qtbot.addWidget(parent)
    job = run_with_progress(
        parent,
        "Screening logs",
        "Building the screening logs…",
        [step(n) for n in range(5)],
        on_done=lambda results: delivered.append((results, threading.current_thread())),
        on_error=pytest.fail,
    )
    assert job.progress_dialog is not None
    assert job.progress_dialog.maximum() == 5  # (the dialog is deleted once the job ends)
    progress: list[int] = []
    job.progressed.connect(progress.append)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert delivered == [([b"PDF 0", b"PDF 1", b"PDF 2", b"PDF 3", b"PDF 4"], threading.main_thread())]
    assert len(ran_on) == 5
    assert threading.main_thread() not in ran_on
    assert job.steps_done == 5
    assert progress[-1] == 5
    assert progress == sorted(progress)
    assert not job.is_running()


def test_a_failing_step_delivers_its_message(qtbot: QtBot) -> None:
    ran: list[int] = []

    def ok(number: int) -> Callable[[], int]:
        def run() -> int:
            ran.append(number)
            return number

        return run

    def broken() -> int:
        raise ValueError("No screening log rows for NCT05106972")

    errors: list[tuple[str, threading.Thread]] = []
    job = run_with_progress(
        None,
        "Logs",
        "Building…",
        [ok(1), broken, ok(3)],
        on_done=lambda results: pytest.fail("no result expected"),
        on_error=lambda message: errors.append((message, threading.current_thread())),
    )
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        pass
    assert failed.args == ["No screening log rows for NCT05106972"]
    assert errors == [("No screening log rows for NCT05106972", threading.main_thread())]
    assert ran == [1]
    assert job.error == "No screening log rows for NCT05106972"


def test_cancelling_stops_before_the_remaining_steps(qtbot: QtBot) -> None:
    started = threading.Event()
    release = threading.Event()
    ran: list[int] = []

    def step(number: int) -> Callable[[], int]:
        def run() -> int:
            ran.append(number)
            if number == 2:
                started.set()
                assert release.wait(10)
            return number

        return run

    cancelled: list[int] = []
    job = run_with_progress(
        None,
        "Logs",
        "Building…",
        [step(n) for n in range(1, 6)],
        on_done=lambda results: pytest.fail("the job was cancelled"),
        on_error=pytest.fail,
        on_cancel=cancelled.append,
    )
    qtbot.waitUntil(started.is_set)
    progress = job.progress_dialog
    assert progress is not None
    progress.show()  # it would show itself after its minimum duration
    qtbot.waitExposed(progress)
    cancel_button = progress.findChild(QPushButton)
    assert cancel_button is not None
    qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)  # the user presses Cancel while step 2 runs
    assert job.is_cancel_requested()
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        release.set()
    assert ran == [1, 2]
    assert cancelled == [2]
    assert job.results is None


def test_a_background_job_on_its_own(qtbot: QtBot) -> None:
    job: BackgroundJob[int] = BackgroundJob([lambda: 1, lambda: 2])
    with qtbot.waitSignal(job.succeeded, timeout=10_000) as done:
        job.start()
    assert done.args == [[1, 2]]
    with pytest.raises(RuntimeError):
        job.start()


def test_an_empty_batch_succeeds_at_once(qtbot: QtBot) -> None:
    results: list[list[object]] = []
    job = run_with_progress(None, "Logs", "Building…", [], on_done=results.append, on_error=pytest.fail)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert results == [[]]
