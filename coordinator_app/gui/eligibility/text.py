"""How the checklist words facts, derived values and missing items, in the UI's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from coordinator_app.domain.eligibility import (
    CONSENT,
    DATE_OF_BIRTH,
    SEX,
    AllRule,
    AnyRule,
    FactDefinition,
    FactType,
    NotRule,
    Rule,
    ThresholdRule,
)
from coordinator_app.domain.protocol import Text
from coordinator_app.gui.formatting import format_date
from coordinator_app.gui.labels import label
from coordinator_app.services.screening import SubjectDetail


def ui_language() -> str:
    """ "zh" when the UI runs in Chinese, else "en" (for the protocol's two-language texts)."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def other_language() -> str:
    return "en" if ui_language() == "zh" else "zh"


def best(text: Text) -> str:
    return text.best(ui_language())


def format_decimal(value: Decimal | str) -> str:
    """A canonical decimal ("15.4") with the locale's decimal point."""
    text = format(value, "f") if isinstance(value, Decimal) else value
    point = QLocale().decimalPoint()
    return text.replace(".", point) if point else text


def format_fact_value(definition: FactDefinition, value: str) -> str:
    """A fact's canonical text as the user reads it; "" (unknown) reads "not entered"."""
    if not value:
        return QCoreApplication.translate("EligibilityText", "not entered")
    match definition.type:
        case FactType.YES_NO if value == "yes":
            return QCoreApplication.translate("EligibilityText", "Yes")
        case FactType.YES_NO:
            return QCoreApplication.translate("EligibilityText", "No")
        case FactType.DATE_OR_NONE if value == "none":
            return QCoreApplication.translate("EligibilityText", "none")
        case FactType.DATE | FactType.DATE_OR_NONE:
            return format_date(dt.date.fromisoformat(value))
        case FactType.NUMBER:
            number = format_decimal(value)
            return f"{number} {definition.unit}" if definition.unit else number
    return value


def item_name(name: str, definitions: Mapping[str, FactDefinition]) -> str:
    """The words for a fact or record item a rule reads (or a criterion code without a rule)."""
    if name in definitions:
        return best(definitions[name].label)
    record = {
        DATE_OF_BIRTH: QCoreApplication.translate("EligibilityText", "Date of birth"),
        SEX: QCoreApplication.translate("EligibilityText", "Sex"),
        CONSENT: QCoreApplication.translate("EligibilityText", "Informed consent"),
    }
    if name in record:
        return record[name]
    return QCoreApplication.translate("EligibilityText", "{code} (no rule in the protocol: cannot be assessed)").format(
        code=name
    )


def item_value(name: str, subject: SubjectDetail, definitions: Mapping[str, FactDefinition]) -> str:
    if name in definitions:
        entry = subject.facts.get(name)
        return format_fact_value(definitions[name], entry.value if entry else "")
    if name == DATE_OF_BIRTH:
        return format_date(subject.date_of_birth)
    if name == SEX:
        return label(subject.sex)
    if name == CONSENT:
        if subject.consent is None:
            return QCoreApplication.translate("EligibilityText", "not recorded")
        return QCoreApplication.translate("EligibilityText", "signed {date}").format(
            date=format_date(subject.consent.signed_on)
        )
    return ""


def item_source(name: str, subject: SubjectDetail) -> str:
    if name in (DATE_OF_BIRTH, SEX):
        return QCoreApplication.translate("EligibilityText", "registration")
    if name == CONSENT:
        return QCoreApplication.translate("EligibilityText", "consent record") if subject.consent else ""
    entry = subject.facts.get(name)
    return entry.source_note if entry else ""


def threshold_unit(rule: Rule | None) -> str:
    """The unit of the first threshold in a rule (for its derived value)."""
    match rule:
        case ThresholdRule(unit=unit):
            return unit
        case AllRule(rules=rules) | AnyRule(rules=rules):
            return next((u for child in rules if (u := threshold_unit(child))), "")
        case NotRule(rule=child):
            return threshold_unit(child)
    return ""


def derived_text(derived: Iterable[tuple[str, object]], unit: str) -> list[str]:
    """The computed values to check against the source: "age 61", "difference 3.4 s", "12 days before"."""
    texts: list[str] = []
    locale = QLocale()
    for key, value in derived:
        if isinstance(value, Decimal):
            number = format_decimal(value) + (f" {unit}" if unit else "")
        else:
            number = locale.toString(int(value)) if isinstance(value, int) else str(value)
        match key:
            case "age_years":
                texts.append(QCoreApplication.translate("EligibilityText", "age {n}").format(n=number))
            case "elapsed_years":
                texts.append(QCoreApplication.translate("EligibilityText", "{n} full years since").format(n=number))
            case "elapsed_months":
                texts.append(QCoreApplication.translate("EligibilityText", "{n} full months since").format(n=number))
            case "value":
                texts.append(QCoreApplication.translate("EligibilityText", "value {n}").format(n=number))
            case "difference":
                texts.append(QCoreApplication.translate("EligibilityText", "difference {n}").format(n=number))
            case "days_before":
                texts.append(QCoreApplication.translate("EligibilityText", "{n} days before").format(n=number))
            case _:
                texts.append(f"{key} {number}")
    return texts


def date_edit_format() -> str:
    """The display format of date edits: the locale's short date with a four-digit year; ISO in the C locale."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")
