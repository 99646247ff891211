"""The one font of the app's PDFs: the bundled WenQuanYi Micro Hei, for Latin and Chinese text alike.

Every printed document uses it for all text, so every font in the PDF is embedded (reportlab's
standard Helvetica is not, and has no Chinese glyphs) and a sponsor's archive renders it anywhere.
"""

from __future__ import annotations

import threading
from importlib.resources import as_file

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from coordinator_app import resource_files

FONT_NAME = "WQYMicroHei"
_SUBFONT = 0  # the .ttc holds WenQuanYi Micro Hei (0) and its monospaced twin (1)

_lock = threading.Lock()


def document_font() -> str:
    """The registered name of the document font, registering it with reportlab on first use.

    Lazy, so importing the documents package costs nothing; idempotent and locked, so a PDF built
    on a worker thread and one built on the GUI thread cannot register it twice.
    """
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            # TTFont reads the whole file at once, so a temporary copy (from a zipped install) may go after.
            with as_file(resource_files.resource(*resource_files.CJK_FONT)) as path:
                font = TTFont(FONT_NAME, str(path), subfontIndex=_SUBFONT)
            pdfmetrics.registerFont(font)
            # The font has no bold or italic: map them to itself so <b> or <i> markup cannot fail or fall back.
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
    return FONT_NAME
