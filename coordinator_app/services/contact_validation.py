"""Phone numbers and e-mail addresses, checked by maintained libraries (libphonenumber, email-validator)."""

from __future__ import annotations

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from coordinator_app.domain.errors import ValidationError

# The site is in mainland China: a number written without a country code is read as Chinese.
DEFAULT_REGION = "CN"


def normalize_phone(raw: str, field: str = "phone") -> str:
    """A valid number in E.164 (``+8613812345678``); empty stays empty; anything else is refused."""
    text = raw.strip()
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        raise ValidationError(field, raw, "is not a phone number") from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(field, raw, "is not a valid phone number (add +country code for numbers outside China)")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(stored: str) -> str:
    """How a stored number is shown: national format for Chinese numbers, international for others."""
    if not stored.startswith("+"):
        return stored
    try:
        number = phonenumbers.parse(stored, None)
    except phonenumbers.NumberParseException:
        return stored
    if phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalize_email(raw: str, field: str = "email") -> str:
    """A syntactically valid address (domain lower-cased); no network look-up: the site is often offline."""
    text = raw.strip()
    if not text:
        return ""
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise ValidationError(field, raw, str(error)) from None
