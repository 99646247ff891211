"""Loading, while the user reads the first screen, what other tabs will need: libraries whose first use costs a
tenth of a second or more (the public-holiday calendar, the phone-number metadata, reportlab with the documents'
Chinese font), so that the first visit to a tab, or the first packet printed, does not pay for it. Start-up itself
does not load them (tests/gui/test_startup_imports.py)."""

from __future__ import annotations

import datetime as dt
import threading

from coordinator_app.services.contact_validation import display_phone
from coordinator_app.services.workdays import day_flag


def warm_up_in_background() -> threading.Thread:
    """Start loading them on a thread of its own (it touches no Qt object); returns the thread."""
    thread = threading.Thread(target=_warm_up, name="coordinator-warm-up", daemon=True)
    thread.start()
    return thread


def _warm_up() -> None:
    today = dt.date.today()
    for year in (today.year - 1, today.year, today.year + 1):  # the calendar's pages around today
        day_flag(dt.date(year, today.month if year == today.year else 1, 1))
    display_phone("+8613800000000")  # the Contacts tab shows numbers formatted
    from coordinator_app.documents.fonts import document_font  # reportlab and a 5 MB font: ~0.25 s, ~30 MB

    document_font()
