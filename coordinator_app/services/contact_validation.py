"""Phone numbers and e-mail addresses, checked by maintained libraries (libphonenumber, email-validator).

Both libraries are imported by the functions that use them: their metadata and tables take ~30 ms to load, which
opening the app does not need until a contact is shown or saved.
"""

from __future__ import annotations

from functools import lru_cache

from coordinator_app.domain.errors import ValidationError

# The site is in mainland China: a number written without a country code is read as Chinese.
DEFAULT_REGION = "CN"


def normalize_phone(raw: str, field: str = "phone") -> str:
    """A valid number in E.164 (``+8613812345678``); empty stays empty; anything else is refused."""
    text = raw.strip()
    if not text:
        return ""
    import phonenumbers

    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        raise ValidationError(field, raw, "is not a phone number") from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(field, raw, "is not a valid phone number (add +country code for numbers outside China)")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=4096)
def display_phone(stored: str) -> str:
    """How a stored number is shown: national format for Chinese numbers, international for others. Cached: every
    contact list shows every number again, and formatting one costs about a millisecond."""
    if not stored.startswith("+"):
        return stored
    import phonenumbers

    try:
        number = phonenumbers.parse(stored, None)
    except phonenumbers.NumberParseException:
        return stored
    if phonenumbers.region_code_for_number(number) == DEFAULT_REGION:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def prepare_phone_display() -> None:
    """Load the phone-number library and its rules for Chinese numbers now (some 40 ms, once per process), so
    that the first contact list shown does not wait for them."""
    display_phone("+8613800138000")


def normalize_email(raw: str, field: str = "email") -> str:
    """A syntactically valid address (domain lower-cased); no network look-up: the site is often offline."""
    text = raw.strip()
    if not text:
        return ""
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise ValidationError(field, raw, str(error)) from None
