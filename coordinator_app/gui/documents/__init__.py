"""Generated documents in the app: preview, print and save PDFs; build batches off the UI thread."""

from coordinator_app.gui.documents.background import BackgroundJob, run_with_progress
from coordinator_app.gui.documents.preview import PdfPreviewDialog, PrintError, preview_pdf, print_pdf

__all__ = ["BackgroundJob", "PdfPreviewDialog", "PrintError", "preview_pdf", "print_pdf", "run_with_progress"]
