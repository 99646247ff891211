"""Generated documents in the app: preview, print and save PDFs (preview.py); build batches off the UI thread
(background.py). Nothing is re-exported here: importing the package must not load QtPdf and QtPrintSupport."""
