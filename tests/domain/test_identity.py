"""Resident identity numbers: the GB 11643-1999 check digit, the embedded birth date and sex, masking."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator_app.domain.errors import ValidationError
from coordinator_app.domain.identity import check_character, mask_identity_number, validate_identity_number
from coordinator_app.domain.subjects import Sex


def check_digit(first_17: str) -> str:
    """An independent statement of ISO 7064 MOD 11-2, so the tests do not trust the code under test."""
    weights = [2 ** (17 - i) % 11 for i in range(17)]  # the standard derives its weights as 2^(i-1) mod 11
    remainder = sum(int(d) * w for d, w in zip(first_17, weights, strict=True)) % 11
    value = (12 - remainder) % 11
    return "X" if value == 10 else str(value)


def make_number(born: str, sequence: str, area: str = "460100") -> str:
    """A valid number for an area code, a YYYYMMDD birth date and a 3-digit sequence (odd last digit: male)."""
    first_17 = area + born + sequence
    return first_17 + check_digit(first_17)


def test_the_independent_helper_agrees_with_the_weights_in_the_standard() -> None:
    assert [2 ** (17 - i) % 11 for i in range(17)] == [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


# Published samples, check digits worked by hand:
# 11010519491231002X (the GB 11643 example): 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2
#   = 167; 167 mod 11 = 2 -> "10X98765432"[2] = X. Sequence 002: even, female.
# 440524188001010014: 4·7+4·9+0·10+5·5+2·8+4·4+1·2+8·1+8·6+0·3+0·7+1·9+0·10+1·5+0·8+0·4+1·2
#   = 195; 195 mod 11 = 8 -> "10X98765432"[8] = 4. Sequence 001: odd, male.
@pytest.mark.parametrize(
    ("number", "born", "sex"),
    [
        ("11010519491231002X", dt.date(1949, 12, 31), Sex.FEMALE),
        ("440524188001010014", dt.date(1880, 1, 1), Sex.MALE),
    ],
)
def test_published_samples_are_valid(number: str, born: dt.date, sex: Sex) -> None:
    assert check_character(number[:17]) == number[17]
    assert validate_identity_number(number, born, sex) == number


def test_computed_numbers_are_valid_for_both_sexes() -> None:
    male = make_number("19710314", "123")
    female = make_number("19710314", "124")
    assert validate_identity_number(male, dt.date(1971, 3, 14), Sex.MALE) == male
    assert validate_identity_number(female, dt.date(1971, 3, 14), Sex.FEMALE) == female


def test_every_check_character_is_computed_like_the_helper() -> None:
    for n in range(0, 200):
        first_17 = f"4601001971031{n:04d}"
        assert check_character(first_17) == check_digit(first_17)


def test_lowercase_x_and_surrounding_blanks_are_normalised() -> None:
    assert validate_identity_number(" 11010519491231002x\t", dt.date(1949, 12, 31), Sex.FEMALE) == "11010519491231002X"


def test_sex_may_be_given_as_its_string_value() -> None:
    assert validate_identity_number("440524188001010014", dt.date(1880, 1, 1), "male") == "440524188001010014"  # type: ignore[arg-type]


def test_29_february_is_valid_in_a_leap_year() -> None:
    number = make_number("20000229", "013")
    assert validate_identity_number(number, dt.date(2000, 2, 29), Sex.MALE) == number
    number = make_number("19720229", "024")
    assert validate_identity_number(number, dt.date(1972, 2, 29), Sex.FEMALE) == number


def problem(raw: str, born: dt.date = dt.date(1971, 3, 14), sex: Sex = Sex.MALE) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_identity_number(raw, born, sex)
    error = caught.value
    assert error.field == "identity number"
    assert error.value == raw
    assert "identity number" in str(error)
    assert repr(raw) in str(error)
    return error


@pytest.mark.parametrize("raw", ["", "4601001971031412", "46010019710314123X9", "1101051949123100 2X"])
def test_wrong_length_is_reported(raw: str) -> None:
    assert problem(raw).problem == f"has {len(raw.strip())} characters; it must have 18"


def test_a_letter_among_the_first_17_is_reported() -> None:
    assert problem("4601001971O314123X").problem == "the first 17 characters must all be digits"


def test_full_width_digits_from_a_chinese_input_method_are_read_as_ascii() -> None:
    assert validate_identity_number("１１０１０５１９４９１２３１００２ｘ", dt.date(1949, 12, 31), Sex.FEMALE) == (
        "11010519491231002X"
    )


def test_digits_of_other_scripts_are_not_digits() -> None:
    assert problem("٤٦٠١٠٠١٩٧١٠٣١٤١٢٣٤").problem == "the first 17 characters must all be digits"


def test_a_last_character_other_than_digit_or_x_is_reported() -> None:
    assert problem("46010019710314123Y").problem == "the last character must be a digit or X"


def test_a_wrong_check_digit_is_reported_with_the_expected_one() -> None:
    good = make_number("19710314", "123")
    wrong = "0" if good[-1] != "0" else "1"
    message = problem(good[:-1] + wrong).problem
    assert "check digit is wrong" in message
    assert f"give {good[-1]}, not {wrong}" in message


def test_two_digits_swapped_are_caught_by_the_check_digit() -> None:
    good = make_number("19710314", "123")
    swapped = good[:14] + good[15] + good[14] + good[16:]
    assert swapped != good
    assert "check digit is wrong" in problem(swapped).problem


@pytest.mark.parametrize("embedded", ["19710229", "19711301", "19710431", "19710000"])
def test_an_embedded_birth_date_that_is_not_a_real_date_is_reported(embedded: str) -> None:
    message = problem(make_number(embedded, "123")).problem
    assert message == f"the birth date in it, {embedded}, is not a real date"


def test_an_embedded_birth_date_unlike_the_date_of_birth_is_reported() -> None:
    message = problem(make_number("19710314", "123"), born=dt.date(1971, 3, 15)).problem
    assert message == "says born 1971-03-14 but the date of birth entered is 1971-03-15"


def test_a_sex_digit_unlike_the_sex_is_reported() -> None:
    assert problem(make_number("19710314", "123"), sex=Sex.FEMALE).problem == (
        "its 17th digit, 3, means male but the sex entered is female"
    )
    assert problem(make_number("19710314", "124"), sex=Sex.MALE).problem == (
        "its 17th digit, 4, means female but the sex entered is male"
    )


def test_masking_shows_the_first_six_and_last_four() -> None:
    assert mask_identity_number("46010019710314123X") == "460100********123X"
    assert mask_identity_number("11010519491231002x") == "110105********002X"
    assert mask_identity_number(" 440524188001010014 ") == "440524********0014"


def test_masking_hides_the_birth_date() -> None:
    masked = mask_identity_number(make_number("19710314", "123"))
    assert "1971" not in masked
    assert "0314" not in masked
    assert len(masked) == 18


@pytest.mark.parametrize("short", ["", "123", "4601001971"])
def test_masking_something_too_short_hides_all_of_it(short: str) -> None:
    assert mask_identity_number(short) == "*" * len(short)
