"""Translatable names for the domain's codes: the one place a status or category gets its words."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from coordinator_app.domain.access import Role
from coordinator_app.domain.contacts import ContactCategory, ContactKind
from coordinator_app.domain.eligibility import CriterionState, FactType, Verdict
from coordinator_app.domain.schedule import VisitStatus
from coordinator_app.domain.subjects import Sex, SubjectStatus

_CONTEXT = "Labels"

_NAMES: dict[object, object] = {
    SubjectStatus.SCREENING: QT_TRANSLATE_NOOP("Labels", "Screening"),
    SubjectStatus.ENROLLED: QT_TRANSLATE_NOOP("Labels", "Enrolled"),
    SubjectStatus.SCREEN_FAILED: QT_TRANSLATE_NOOP("Labels", "Screen failed"),
    SubjectStatus.WITHDRAWN: QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
    SubjectStatus.COMPLETED: QT_TRANSLATE_NOOP("Labels", "Completed"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("Labels", "Female"),
    Sex.MALE: QT_TRANSLATE_NOOP("Labels", "Male"),
    ContactKind.PERSON: QT_TRANSLATE_NOOP("Labels", "Person"),
    ContactKind.ORGANISATION: QT_TRANSLATE_NOOP("Labels", "Organisation"),
    ContactCategory.SITE_STAFF: QT_TRANSLATE_NOOP("Labels", "Site staff"),
    ContactCategory.SPONSOR: QT_TRANSLATE_NOOP("Labels", "Sponsor"),
    ContactCategory.CENTRAL_CONTACT: QT_TRANSLATE_NOOP("Labels", "Central contact"),
    ContactCategory.FACILITY_CONTACT: QT_TRANSLATE_NOOP("Labels", "Facility contact"),
    ContactCategory.MANUFACTURER: QT_TRANSLATE_NOOP("Labels", "Cell manufacturer"),
    ContactCategory.COURIER: QT_TRANSLATE_NOOP("Labels", "Courier"),
    ContactCategory.PHARMACY: QT_TRANSLATE_NOOP("Labels", "Pharmacy"),
    ContactCategory.ETHICS_COMMITTEE: QT_TRANSLATE_NOOP("Labels", "Ethics committee"),
    ContactCategory.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
    Verdict.ELIGIBLE: QT_TRANSLATE_NOOP("Labels", "Eligible"),
    Verdict.INELIGIBLE: QT_TRANSLATE_NOOP("Labels", "Not eligible"),
    Verdict.INCOMPLETE: QT_TRANSLATE_NOOP("Labels", "Incomplete"),
    CriterionState.MET: QT_TRANSLATE_NOOP("Labels", "Met"),
    CriterionState.FAILS: QT_TRANSLATE_NOOP("Labels", "Fails"),
    CriterionState.APPLIES: QT_TRANSLATE_NOOP("Labels", "Applies"),
    CriterionState.DOES_NOT_APPLY: QT_TRANSLATE_NOOP("Labels", "Does not apply"),
    CriterionState.MISSING: QT_TRANSLATE_NOOP("Labels", "Missing"),
    CriterionState.NOT_APPLICABLE: QT_TRANSLATE_NOOP("Labels", "Not applicable"),
    FactType.YES_NO: QT_TRANSLATE_NOOP("Labels", "Yes / no"),
    FactType.DATE: QT_TRANSLATE_NOOP("Labels", "Date"),
    FactType.DATE_OR_NONE: QT_TRANSLATE_NOOP("Labels", "Date, or none"),
    FactType.NUMBER: QT_TRANSLATE_NOOP("Labels", "Number"),
    VisitStatus.SCHEDULED: QT_TRANSLATE_NOOP("Labels", "Scheduled"),
    VisitStatus.DONE: QT_TRANSLATE_NOOP("Labels", "Done"),
    VisitStatus.MISSED: QT_TRANSLATE_NOOP("Labels", "Missed"),
    VisitStatus.CANCELLED: QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    Role.COORDINATOR: QT_TRANSLATE_NOOP("Labels", "Coordinator"),
    Role.RESEARCH_NURSE: QT_TRANSLATE_NOOP("Labels", "Research nurse"),
    Role.INVESTIGATOR: QT_TRANSLATE_NOOP("Labels", "Investigator"),
    Role.MONITOR: QT_TRANSLATE_NOOP("Labels", "Monitor (read-only)"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Labels", "Administrator"),
}


Code = SubjectStatus | Sex | ContactKind | ContactCategory | Verdict | CriterionState | FactType | VisitStatus | Role


def label(code: Code) -> str:
    """The code's name in the user's language."""
    return QCoreApplication.translate(_CONTEXT, str(_NAMES[code]))


_REGISTRY_TERMS: dict[str, object] = {
    "RECRUITING": QT_TRANSLATE_NOOP("Labels", "Recruiting"),
    "NOT_YET_RECRUITING": QT_TRANSLATE_NOOP("Labels", "Not yet recruiting"),
    "ACTIVE_NOT_RECRUITING": QT_TRANSLATE_NOOP("Labels", "Active, not recruiting"),
    "ENROLLING_BY_INVITATION": QT_TRANSLATE_NOOP("Labels", "Enrolling by invitation"),
    "COMPLETED": QT_TRANSLATE_NOOP("Labels", "Completed"),
    "SUSPENDED": QT_TRANSLATE_NOOP("Labels", "Suspended"),
    "TERMINATED": QT_TRANSLATE_NOOP("Labels", "Terminated"),
    "WITHDRAWN": QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
    "UNKNOWN": QT_TRANSLATE_NOOP("Labels", "Unknown"),
    "NA": QT_TRANSLATE_NOOP("Labels", "Not applicable"),
    "EARLY_PHASE1": QT_TRANSLATE_NOOP("Labels", "Early phase 1"),
    "PHASE1": QT_TRANSLATE_NOOP("Labels", "Phase 1"),
    "PHASE2": QT_TRANSLATE_NOOP("Labels", "Phase 2"),
    "PHASE3": QT_TRANSLATE_NOOP("Labels", "Phase 3"),
    "PHASE4": QT_TRANSLATE_NOOP("Labels", "Phase 4"),
    "INTERVENTIONAL": QT_TRANSLATE_NOOP("Labels", "Interventional"),
    "OBSERVATIONAL": QT_TRANSLATE_NOOP("Labels", "Observational"),
    "SINGLE_GROUP": QT_TRANSLATE_NOOP("Labels", "Single group"),
    "PARALLEL": QT_TRANSLATE_NOOP("Labels", "Parallel"),
    "CROSSOVER": QT_TRANSLATE_NOOP("Labels", "Crossover"),
    "RANDOMIZED": QT_TRANSLATE_NOOP("Labels", "Randomised"),
    "NON_RANDOMIZED": QT_TRANSLATE_NOOP("Labels", "Non-randomised"),
    "TREATMENT": QT_TRANSLATE_NOOP("Labels", "Treatment"),
    "NONE": QT_TRANSLATE_NOOP("Labels", "Open label"),
    "SINGLE": QT_TRANSLATE_NOOP("Labels", "Single blind"),
    "DOUBLE": QT_TRANSLATE_NOOP("Labels", "Double blind"),
    "EXPERIMENTAL": QT_TRANSLATE_NOOP("Labels", "Experimental"),
    "DRUG": QT_TRANSLATE_NOOP("Labels", "Drug"),
    "BIOLOGICAL": QT_TRANSLATE_NOOP("Labels", "Biological"),
    "INDUSTRY": QT_TRANSLATE_NOOP("Labels", "Industry"),
}


_SIGNATURE_MEANINGS: dict[str, object] = {
    "approved eligibility verdict": QT_TRANSLATE_NOOP("Labels", "approved eligibility verdict"),
    "administered": QT_TRANSLATE_NOOP("Labels", "administered"),
    "assessed adverse event": QT_TRANSLATE_NOOP("Labels", "assessed adverse event"),
    "completed visit": QT_TRANSLATE_NOOP("Labels", "completed visit"),
}


def signature_meaning(meaning: str) -> str:
    """What a signature means, as stored (in English), in the user's language when the app knows the phrase."""
    if meaning in _SIGNATURE_MEANINGS:
        return QCoreApplication.translate(_CONTEXT, str(_SIGNATURE_MEANINGS[meaning]))
    return meaning


def registry_term(code: str) -> str:
    """A ClinicalTrials.gov code (RECRUITING, SINGLE_GROUP…) in words; unknown codes are tidied, not dropped."""
    if code in _REGISTRY_TERMS:
        return QCoreApplication.translate(_CONTEXT, str(_REGISTRY_TERMS[code]))
    return code.replace("_", " ").capitalize()
