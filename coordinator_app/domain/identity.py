"""Chinese resident identity numbers (居民身份证号码, GB 11643-1999): checked and masked.

The number embeds the holder's date of birth and sex, so it is checked against the date of birth and
sex entered beside it: a typo in either is caught before it reaches the subject's record.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from coordinator_app.domain.errors import ValidationError
from coordinator_app.domain.subjects import Sex

FIELD = "identity number"
LENGTH = 18

# ISO 7064 MOD 11-2, as GB 11643-1999 specifies it: the 17 digits' weights, and the check character by remainder.
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARACTERS = "10X98765432"

_SHOWN_HEAD = 6  # the address code: where the number was issued, not who holds it
_SHOWN_TAIL = 4  # enough to tell two subjects apart in a list


def check_character(first_17: str) -> str:
    """The 18th character that GB 11643-1999 computes from the first 17 digits."""
    if len(first_17) != len(_WEIGHTS) or not (first_17.isascii() and first_17.isdigit()):
        raise ValueError(f"expected 17 digits, got {first_17!r}")
    total = sum(int(digit) * weight for digit, weight in zip(first_17, _WEIGHTS, strict=True))
    return _CHECK_CHARACTERS[total % 11]


def validate_identity_number(raw: str, date_of_birth: dt.date, sex: Sex) -> str:
    """The number normalised (stripped, a final 'x' as 'X'), or ValidationError saying what is wrong with it.

    Full-width digits and 'ｘ', as a Chinese input method types them, are read as their ASCII forms.

    The checks run from the form of the number to its meaning, so the first problem reported is the one
    to fix first: a mistyped digit shows as a wrong check digit, not as a puzzling date of birth.
    """
    number = unicodedata.normalize("NFKC", raw).strip()
    if number.endswith("x"):
        number = number[:-1] + "X"

    def invalid(problem: str) -> ValidationError:
        return ValidationError(FIELD, raw, problem)

    if len(number) != LENGTH:
        raise invalid(f"has {len(number)} characters; it must have {LENGTH}")
    body, last = number[:-1], number[-1]
    if not (body.isascii() and body.isdigit()):
        raise invalid("the first 17 characters must all be digits")
    if not (last == "X" or (last.isascii() and last.isdigit())):
        raise invalid("the last character must be a digit or X")
    expected = check_character(body)
    if last != expected:
        raise invalid(f"the check digit is wrong: the first 17 digits give {expected}, not {last}; look for a typo")

    embedded = number[6:14]
    try:
        born = dt.date(int(embedded[:4]), int(embedded[4:6]), int(embedded[6:]))
    except ValueError:
        raise invalid(f"the birth date in it, {embedded}, is not a real date") from None
    if born != date_of_birth:
        raise invalid(f"says born {born.isoformat()} but the date of birth entered is {date_of_birth.isoformat()}")

    sex_digit = int(number[16])
    says = Sex.MALE if sex_digit % 2 else Sex.FEMALE
    if says != sex:
        raise invalid(f"its 17th digit, {sex_digit}, means {says.value} but the sex entered is {Sex(sex).value}")
    return number


def mask_identity_number(number: str) -> str:
    """The number for lists and printouts: the first 6 and last 4 characters, the rest as '*'.

    The hidden middle holds the date of birth; a number too short to hide at least that much
    (not a valid number anyway) is hidden whole rather than shown nearly in full.
    """
    text = number.strip().upper()
    hidden = len(text) - _SHOWN_HEAD - _SHOWN_TAIL
    if hidden < 8:
        return "*" * len(text)
    return text[:_SHOWN_HEAD] + "*" * hidden + text[-_SHOWN_TAIL:]
