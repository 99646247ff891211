"""Preview a generated PDF inside the app, print it through Qt's print dialog, or save it where the user says.

The services build documents in memory; the dialog reads them from a QBuffer, so previewing and printing
never write a temporary file. Only "Save as…" writes, and only the file the user chose.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QObject,
    QRectF,
    QSize,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from coordinator_app.gui.forms.ui_pdf_preview_dialog import Ui_PdfPreviewDialog

PRINT_DPI = 300  # enough for text and tables; a 1200 dpi A4 bitmap would take half a gigabyte
ZOOM_STEP = 1.25
MIN_ZOOM = 0.25
MAX_ZOOM = 4.0

# Previews opened without a parent window: kept here until closed, or Python would delete them at once.
_OPEN: set[PdfPreviewDialog] = set()


class PrintError(Exception):
    """The printer refused the job (could not start, or could not start a new page)."""


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Print the pages of ``document`` in the printer's page range; the number of pages printed.

    Each page is rendered at no more than PRINT_DPI, painted on white (QtPdf renders onto a transparent
    image), scaled to fit the printable area with its aspect ratio kept, and centred.
    """
    count = document.pageCount()
    if document.status() != QPdfDocument.Status.Ready or count == 0:
        return 0
    ranges = printer.pageRanges()  # filled by the print dialog's "Pages" field: "1-2, 5"; empty means all
    pages = [page for page in range(count) if ranges.isEmpty() or ranges.contains(page + 1)]
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(QCoreApplication.translate("PdfPreview", "The printer could not start the job."))
    options = QPdfDocumentRenderOptions()
    options.setRenderFlags(QPdfDocumentRenderOptions.RenderFlag.Annotations)
    oversampling = min(1.0, PRINT_DPI / max(printer.resolution(), 1))
    try:
        for number, page in enumerate(pages):
            if number and not printer.newPage():
                message = QCoreApplication.translate("PdfPreview", "The printer could not start page {page}.")
                raise PrintError(message.format(page=page + 1))
            area = painter.viewport()  # the printable area, in device pixels
            points = document.pagePointSize(page)
            if points.isEmpty() or area.isEmpty():
                continue
            scale = min(area.width() / points.width(), area.height() / points.height())
            target = QRectF(0, 0, points.width() * scale, points.height() * scale)
            target.moveCenter(QRectF(area).center())
            size = QSize(max(1, round(target.width() * oversampling)), max(1, round(target.height() * oversampling)))
            painter.drawImage(target, _on_white(document.render(page, size, options)))
    finally:
        painter.end()
    return len(pages)


def _on_white(image: QImage) -> QImage:
    """The rendered page, opaque: transparent areas become paper white."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


class PdfPreviewDialog(QDialog):
    """Shows a PDF held in memory, every page in one scrolling column, with zoom, Print… and Save as…"""

    def __init__(self, pdf: bytes, title: str, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_PdfPreviewDialog()
        self.form.setupUi(self)
        self.setWindowTitle(title)
        self.pdf = bytes(pdf)
        self.suggested_name = suggested_name
        # Created after the form, so the view (an earlier child) is destroyed before the document it shows;
        # the buffer, created last, outlives the document reading from it. Python keeps references too.
        self.document = QPdfDocument(self)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(self.pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)

        self.view: QPdfView = self.form.pdfView
        view = self.view
        view.setDocument(self.document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        self._build_actions()
        view.pageNavigator().currentPageChanged.connect(self._update_page_label)
        view.zoomModeChanged.connect(self._update_zoom_controls)
        view.zoomFactorChanged.connect(self._update_zoom_controls)
        self.document.pageCountChanged.connect(self._update_page_label)
        self.form.buttonBox.rejected.connect(self.reject)
        self.show_status("")
        self._update_page_label()
        self._update_zoom_controls()
        self._show_load_problem()

    def _build_actions(self) -> None:
        form = self.form
        self.print_action = QAction(self.tr("&Print…"), self)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.save_action = QAction(self.tr("&Save as…"), self)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.zoom_in_action = QAction(self.tr("Zoom in"), self)
        self.zoom_in_action.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn))
        self.zoom_out_action = QAction(self.tr("Zoom out"), self)
        self.zoom_out_action.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut))
        self.addActions([self.print_action, self.save_action, self.zoom_in_action, self.zoom_out_action])
        self.print_action.triggered.connect(self.print_document)
        self.save_action.triggered.connect(self.save_as)
        self.zoom_in_action.triggered.connect(self.zoom_in)
        self.zoom_out_action.triggered.connect(self.zoom_out)
        form.printButton.clicked.connect(self.print_action.trigger)
        form.saveButton.clicked.connect(self.save_action.trigger)
        form.zoomInButton.clicked.connect(self.zoom_in_action.trigger)
        form.zoomOutButton.clicked.connect(self.zoom_out_action.trigger)
        form.fitWidthButton.clicked.connect(self.fit_width)
        form.fitPageButton.clicked.connect(self.fit_page)

    # -- state -------------------------------------------------------------------------------------------

    def is_ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready and self.document.pageCount() > 0

    def current_page(self) -> int:
        """The page at the top of the view, counted from 0."""
        return self.view.pageNavigator().currentPage()

    def _update_page_label(self) -> None:
        count = self.document.pageCount()
        if not self.is_ready():
            self.form.pageLabel.clear()
        elif count == 1:
            self.form.pageLabel.setText(self.tr("1 page"))
        else:
            self.form.pageLabel.setText(
                self.tr("Page {page} of {count}").format(page=self.current_page() + 1, count=count)
            )
        for widget in (self.form.printButton, self.form.saveButton):
            widget.setEnabled(self.is_ready())
        self.print_action.setEnabled(self.is_ready())

    def _show_load_problem(self) -> None:
        if self.is_ready():
            return
        error = self.document.error()
        if error == QPdfDocument.Error.None_ and self.document.status() == QPdfDocument.Status.Ready:
            text = self.tr("The document has no pages.")
        else:
            text = self.tr("The document could not be shown ({problem}). Save it to open it in another viewer.")
            text = text.format(problem=error.name)
        self.show_status(text)
        self.form.saveButton.setEnabled(True)  # the bytes are still worth keeping

    # -- zoom --------------------------------------------------------------------------------------------

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom_controls()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_zoom_controls()

    def zoom_in(self) -> None:
        self.set_zoom(self.effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.effective_zoom() / ZOOM_STEP)

    def set_zoom(self, factor: float) -> None:
        view = self.view
        view.setZoomMode(QPdfView.ZoomMode.Custom)
        view.setZoomFactor(min(MAX_ZOOM, max(MIN_ZOOM, factor)))
        self._update_zoom_controls()

    def effective_zoom(self) -> float:
        """The zoom the user sees (1.0 = actual size); QPdfView keeps its factor at 1.0 while it fits pages."""
        view = self.view
        mode = view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or not self.is_ready():
            return float(view.zoomFactor())
        sizes = [self.document.pagePointSize(page) for page in range(self.document.pageCount())]
        pixels_per_point = view.logicalDpiX() / 72.0
        widest = max(size.width() for size in sizes) * pixels_per_point
        tallest = max(size.height() for size in sizes) * pixels_per_point
        margins = view.documentMargins()
        viewport = view.viewport().size()
        by_width = (viewport.width() - margins.left() - margins.right()) / widest
        if mode == QPdfView.ZoomMode.FitToWidth:
            return max(by_width, 0.01)
        by_height = (viewport.height() - margins.top() - margins.bottom()) / tallest
        return max(min(by_width, by_height), 0.01)

    def _update_zoom_controls(self) -> None:
        form = self.form
        mode = self.view.zoomMode()
        form.fitWidthButton.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        form.fitPageButton.setChecked(mode == QPdfView.ZoomMode.FitInView)
        zoom = self.effective_zoom()
        form.zoomLabel.setText(self.tr("{percent}%").format(percent=round(zoom * 100)))
        self.zoom_in_action.setEnabled(zoom < MAX_ZOOM)
        self.zoom_out_action.setEnabled(zoom > MIN_ZOOM)
        form.zoomInButton.setEnabled(self.zoom_in_action.isEnabled())
        form.zoomOutButton.setEnabled(self.zoom_out_action.isEnabled())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._update_zoom_controls()  # a fitted zoom follows the window's size
        return super().eventFilter(watched, event)

    # -- seams: file and print dialogs, message boxes (tests replace these) ------------------------------

    def choose_save_path(self, suggested: str) -> Path | None:
        """Ask where to save; None if the user cancelled. A name without ".pdf" gets it."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        start = str(Path(folder) / suggested) if folder else suggested
        chosen, _filter = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), start, self.tr("PDF files (*.pdf)"))
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def ask_printer(self) -> QPrinter | None:
        """Qt's print dialog, set up for this document; the configured printer, or None if cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setDocName(self.windowTitle())
        if self.is_ready():
            first = self.document.pagePointSize(0)
            landscape = first.width() > first.height()
            printer.setPageOrientation(
                QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
            )
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self.windowTitle()))
        dialog.setMinMax(1, max(1, self.document.pageCount()))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
        try:
            return printer if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def show_status(self, text: str) -> None:
        self.form.statusLabel.setText(text)
        self.form.statusLabel.setToolTip(text)
        self.form.statusLabel.setVisible(bool(text))

    # -- commands ----------------------------------------------------------------------------------------

    def save_as(self) -> Path | None:
        """Write the PDF's bytes, unchanged, where the user chooses; the path written, or None."""
        path = self.choose_save_path(self.suggested_name)
        if path is None:
            return None
        try:
            path.write_bytes(self.pdf)
        except OSError as error:
            self.show_error(
                self.tr("Not saved"),
                self.tr("{path} could not be written: {problem}").format(
                    path=path, problem=error.strerror or str(error)
                ),
            )
            return None
        self.show_status(self.tr("Saved as {path}.").format(path=path))
        return path

    def print_document(self) -> int:
        """Print through Qt's print dialog; the number of pages sent to the printer."""
        if not self.is_ready():
            return 0
        printer = self.ask_printer()
        if printer is None:
            return 0
        try:
            printed = print_pdf(self.document, printer)
        except PrintError as error:
            self.show_error(self.tr("Not printed"), str(error))
            return 0
        if printed == 0:
            self.show_error(self.tr("Not printed"), self.tr("The chosen page range holds no page of the document."))
            return 0
        target = printer.outputFileName() or printer.printerName()
        self.show_status(self.tr("Sent %n page(s) to {printer}.", "", printed).format(printer=target))
        return printed


def preview_pdf(parent: QWidget | None, pdf: bytes, title: str, suggested_name: str) -> PdfPreviewDialog:
    """Open a preview window (not modal: the user can go on working and compare with the app) and return it."""
    dialog = PdfPreviewDialog(pdf, title, suggested_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        # Python would delete a window nobody refers to at once; keep it until Qt has deleted it on close.
        # (No QTimer.singleShot with a Python callable here: in PySide6 6.12 it corrupts reference counts.)
        _OPEN.difference_update([shown for shown in _OPEN if not shiboken6.isValid(shown)])
        _OPEN.add(dialog)
    dialog.resize(900, 700)
    dialog.show()  # a new window comes to the front by itself (raise_() warns on some platforms)
    return dialog
