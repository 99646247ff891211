"""The standard delegation-log duties in the user's language (stored in English, as the domain names them)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from coordinator_app.domain.contacts import STANDARD_DUTIES

_CONTEXT = "Duties"

# Marked for lupdate; the stored text stays the domain's English so logs compare across languages.
_MARKED = (
    QT_TRANSLATE_NOOP("Duties", "Principal investigator oversight"),
    QT_TRANSLATE_NOOP("Duties", "Obtain informed consent"),
    QT_TRANSLATE_NOOP("Duties", "Assess eligibility"),
    QT_TRANSLATE_NOOP("Duties", "Medical history and physical examination"),
    QT_TRANSLATE_NOOP("Duties", "Administer investigational product"),
    QT_TRANSLATE_NOOP("Duties", "Investigational product accountability"),
    QT_TRANSLATE_NOOP("Duties", "Adverse event assessment"),
    QT_TRANSLATE_NOOP("Duties", "Sample collection and processing"),
    QT_TRANSLATE_NOOP("Duties", "Case report form entry"),
    QT_TRANSLATE_NOOP("Duties", "Query resolution"),
)
assert _MARKED == STANDARD_DUTIES, "keep the translatable duties in step with the domain's list"


def duty_label(duty: str) -> str:
    """A standard duty in the user's language; free text as typed."""
    if duty in STANDARD_DUTIES:
        return QCoreApplication.translate(_CONTEXT, duty)
    return duty
