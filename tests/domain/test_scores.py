"""Liver scores against worked examples computed by hand from the published formulas, at every bound and boundary.

Logarithms used below (natural, 6 decimals): ln 1.2 = 0.182322, ln 1.5 = 0.405465, ln 1.6 = 0.470004,
ln 1.7 = 0.530628, ln 1.8 = 0.587787, ln 2 = 0.693147, ln 2.2 = 0.788457, ln 2.5 = 0.916291,
ln 2.8 = 1.029619, ln 3 = 1.098612, ln 4 = 1.386294, ln 5 = 1.609438, ln 6 = 1.791759, ln 12 = 2.484907,
ln 30 = 3.401197, ln 40 = 3.688879.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext

import pytest

from coordinator_app.domain.errors import ValidationError
from coordinator_app.domain.scores import (
    albumin_g_dl_from_g_l,
    bilirubin_mg_dl_from_umol_l,
    child_pugh,
    child_pugh_class,
    creatinine_mg_dl_from_umol_l,
    meld,
    meld3,
    meld_na,
)

# -- MELD (UNOS): MELD(i) = 0.957 ln Cr + 0.378 ln bili + 1.120 ln INR + 0.643, tenth half up, x10, max 40 --------


def test_meld_typical_patient() -> None:
    # 0.957 x ln 1.2 = 0.174482; 0.378 x ln 2 = 0.262010; 1.120 x ln 1.5 = 0.454121
    # MELD(i) = 0.174482 + 0.262010 + 0.454121 + 0.643 = 1.533613 -> 1.5 -> 15
    assert meld(bilirubin_mg_dl=2.0, inr=1.5, creatinine_mg_dl=1.2) == 15


def test_meld_values_below_one_are_raised_to_one() -> None:
    # bilirubin 0.5, INR 0.8, creatinine 0.7 all count as 1.0: every ln is 0, MELD(i) = 0.643 -> 0.6 -> 6
    assert meld(bilirubin_mg_dl=0.5, inr=0.8, creatinine_mg_dl=0.7) == 6
    assert meld(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=1.0) == 6


def test_meld_creatinine_is_capped_at_four() -> None:
    # creatinine 6.0 counts as 4.0: 0.957 x ln 4 = 1.326684; MELD(i) = 1.326684 + 0.643 = 1.969684 -> 2.0 -> 20
    assert meld(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=6.0) == 20
    assert meld(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=4.0) == 20
    # creatinine 1.7 (below the cap): 0.957 x ln 1.7 = 0.507811; MELD(i) = 1.150811 -> 1.2 -> 12
    assert meld(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=1.7) == 12


def test_meld_dialysis_sets_creatinine_to_four() -> None:
    # creatinine 1.2 on dialysis counts as 4.0: MELD(i) = 1.969684 -> 20 (without dialysis 0.817482 -> 0.8 -> 8)
    assert meld(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=1.2) == 8
    assert meld(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=1.2, dialysis=True) == 20
    # creatinine 0.5 on dialysis: still 4.0, not raised to 1.0
    assert meld(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=0.5, dialysis=True) == 20


def test_meld_maximum_is_forty() -> None:
    # 0.957 x ln 4 = 1.326684; 0.378 x ln 40 = 1.394396; 1.120 x ln 5 = 1.802571
    # MELD(i) = 1.326684 + 1.394396 + 1.802571 + 0.643 = 5.166651 -> 5.2 -> 52 -> 40
    assert meld(bilirubin_mg_dl=40.0, inr=5.0, creatinine_mg_dl=4.0) == 40


def test_meld_rounds_meld_i_to_one_decimal_once() -> None:
    # creatinine 1.53: 0.957 x ln 1.53 (0.425268) = 0.406981; MELD(i) = 1.049981 -> 1.0 -> 10
    # (rounding to two decimals first, 1.05, and then to one, 1.1, would wrongly give 11)
    assert meld(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=1.53) == 10
    # creatinine 1.531: 0.957 x ln 1.531 (0.425921) = 0.407607; MELD(i) = 1.050607 -> 1.1 -> 11
    assert meld(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=1.531) == 11


# -- MELD-Na (OPTN 2016): if MELD(i) > 11: MELD(i) + 1.32 (137 - Na) - 0.033 MELD(i) (137 - Na), Na 125..137 ------


def test_meld_na_typical_patient() -> None:
    # MELD(i) = 15 (see test_meld_typical_patient); Na 130: 137 - 130 = 7
    # 15 + 1.32 x 7 - 0.033 x 15 x 7 = 15 + 9.24 - 3.465 = 20.775 -> 21
    assert meld_na(bilirubin_mg_dl=2.0, inr=1.5, creatinine_mg_dl=1.2, sodium_mmol_l=130) == 21


def test_meld_na_higher_meld() -> None:
    # 0.957 x ln 1.5 = 0.388030; 0.378 x ln 6 = 0.677285; 1.120 x ln 1.5 = 0.454121
    # MELD(i) = 0.388030 + 0.677285 + 0.454121 + 0.643 = 2.162436 -> 2.2 -> 22
    # Na 131: 22 + 1.32 x 6 - 0.033 x 22 x 6 = 22 + 7.92 - 4.356 = 25.564 -> 26
    assert meld(bilirubin_mg_dl=6.0, inr=1.5, creatinine_mg_dl=1.5) == 22
    assert meld_na(bilirubin_mg_dl=6.0, inr=1.5, creatinine_mg_dl=1.5, sodium_mmol_l=131) == 26


def test_meld_na_only_when_meld_is_above_eleven() -> None:
    # creatinine 1.6: 0.957 x ln 1.6 = 0.449793; MELD(i) = 1.092793 -> 1.1 -> 11: sodium is not applied
    assert meld_na(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=1.6, sodium_mmol_l=125) == 11
    # creatinine 1.2: MELD(i) = 0.817482 -> 8: sodium is not applied
    assert meld_na(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=1.2, sodium_mmol_l=125) == 8
    # creatinine 1.7: MELD(i) = 1.150811 -> 12 > 11; Na 125: 12 + 1.32 x 12 - 0.033 x 12 x 12
    # = 12 + 15.84 - 4.752 = 23.088 -> 23
    assert meld_na(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=1.7, sodium_mmol_l=125) == 23


def test_meld_na_sodium_is_clamped_to_125_137() -> None:
    # MELD(i) = 15; Na 120 counts as 125: 15 + 1.32 x 12 - 0.033 x 15 x 12 = 15 + 15.84 - 5.94 = 24.9 -> 25
    assert meld_na(bilirubin_mg_dl=2.0, inr=1.5, creatinine_mg_dl=1.2, sodium_mmol_l=120) == 25
    assert meld_na(bilirubin_mg_dl=2.0, inr=1.5, creatinine_mg_dl=1.2, sodium_mmol_l=125) == 25
    # Na 140 counts as 137: 137 - 137 = 0, so MELD = MELD(i) = 15
    assert meld_na(bilirubin_mg_dl=2.0, inr=1.5, creatinine_mg_dl=1.2, sodium_mmol_l=140) == 15
    assert meld_na(bilirubin_mg_dl=2.0, inr=1.5, creatinine_mg_dl=1.2, sodium_mmol_l=137) == 15


def test_meld_na_dialysis_and_maximum() -> None:
    # dialysis: creatinine 4.0, MELD(i) = 1.969684 -> 20; Na 130: 20 + 9.24 - 0.033 x 20 x 7 (4.62) = 24.62 -> 25
    assert meld_na(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=1.0, sodium_mmol_l=130, dialysis=True) == 25
    # MELD(i) = 52 -> 40 (see test_meld_maximum_is_forty); Na 125: 40 + 15.84 - 0.033 x 40 x 12 (15.84) = 40
    assert meld_na(bilirubin_mg_dl=40.0, inr=5.0, creatinine_mg_dl=4.0, sodium_mmol_l=125) == 40
    assert meld_na(bilirubin_mg_dl=40.0, inr=5.0, creatinine_mg_dl=4.0, sodium_mmol_l=137) == 40


# -- MELD 3.0 (Kim 2021) -------------------------------------------------------------------------------------------
# 1.33 F + 4.56 ln B + 0.82 (137 - Na) - 0.24 (137 - Na) ln B + 9.09 ln INR + 11.14 ln Cr + 1.85 (3.5 - Alb)
# - 1.83 (3.5 - Alb) ln Cr + 6; B, INR, Cr >= 1; Cr <= 3 (3 on dialysis); Na 125..137; Alb 1.5..3.5; max 40.
# The inputs of the first examples are the hypothetical patients of Kim 2021, Table 4; the results are computed here.


def test_meld3_albumin_above_bound_and_sex_term() -> None:
    # bilirubin 2.5, Na 131, INR 1.0, Cr 1.2, albumin 3.8 -> 3.5 (so both albumin terms are 0)
    # 4.56 x 0.916291 = 4.178289; 0.82 x 6 = 4.92; -0.24 x 6 x 0.916291 = -1.319459; 9.09 x ln 1 = 0
    # 11.14 x 0.182322 = 2.031064; male: 4.178289 + 4.92 - 1.319459 + 2.031064 + 6 = 15.809894 -> 16
    # female: + 1.33 = 17.139894 -> 17
    values = {"bilirubin_mg_dl": 2.5, "inr": 1.0, "creatinine_mg_dl": 1.2, "sodium_mmol_l": 131, "albumin_g_dl": 3.8}
    assert meld3(**values, female=False) == 16
    assert meld3(**values, female=True) == 17
    assert meld3(**{**values, "albumin_g_dl": 3.5}, female=False) == 16


def test_meld3_albumin_terms() -> None:
    # bilirubin 6, Na 131, INR 1.5, Cr 1.5:
    # 4.56 x 1.791759 = 8.170421; 0.82 x 6 = 4.92; -0.24 x 6 x 1.791759 = -2.580133; 9.09 x 0.405465 = 3.685677
    # 11.14 x 0.405465 = 4.516880; sum with + 6 = 24.712845
    # albumin 3.5: albumin terms 0 -> 24.712845 -> 25
    # albumin 2.2: 1.85 x 1.3 = 2.405; -1.83 x 1.3 x 0.405465 = -0.964601 -> 26.153244 -> 26; female 27.483244 -> 27
    values = {"bilirubin_mg_dl": 6.0, "inr": 1.5, "creatinine_mg_dl": 1.5, "sodium_mmol_l": 131}
    assert meld3(**values, albumin_g_dl=3.5, female=False) == 25
    assert meld3(**values, albumin_g_dl=2.2, female=False) == 26
    assert meld3(**values, albumin_g_dl=2.2, female=True) == 27


def test_meld3_sicker_patients() -> None:
    # bilirubin 12, Na 128, INR 2.2, albumin 2.0:
    # 4.56 x 2.484907 = 11.331176; 0.82 x 9 = 7.38; -0.24 x 9 x 2.484907 = -5.367399; 9.09 x 0.788457 = 7.167074
    # 1.85 x 1.5 = 2.775
    # Cr 1.8: 11.14 x 0.587787 = 6.547947; -1.83 x 1.5 x 0.587787 = -1.613475 -> 34.220323 -> 34
    # Cr 2.8: 11.14 x 1.029619 = 11.469956; -1.83 x 1.5 x 1.029619 = -2.826304 -> 37.929503 -> 38; female 39.26 -> 39
    values = {"bilirubin_mg_dl": 12.0, "inr": 2.2, "sodium_mmol_l": 128, "albumin_g_dl": 2.0}
    assert meld3(**values, creatinine_mg_dl=1.8, female=False) == 34
    assert meld3(**values, creatinine_mg_dl=2.8, female=False) == 38
    assert meld3(**values, creatinine_mg_dl=2.8, female=True) == 39


def test_meld3_creatinine_cap_sodium_clamp_and_inr_below_one() -> None:
    # bilirubin 12, Na 120 -> 125, INR 0.9 -> 1.0, Cr 4.5 -> 3.0, albumin 3.5:
    # 11.331176 + 0.82 x 12 (9.84) - 0.24 x 12 x 2.484907 (7.156532) + 0 + 11.14 x 1.098612 (12.238538) + 0 + 6
    # = 32.253182 -> 32; female 33.583182 -> 34
    values = {"bilirubin_mg_dl": 12.0, "inr": 0.9, "sodium_mmol_l": 120, "albumin_g_dl": 3.5}
    assert meld3(**values, creatinine_mg_dl=4.5, female=False) == 32
    assert meld3(**values, creatinine_mg_dl=4.5, female=True) == 34
    assert meld3(**values, creatinine_mg_dl=3.0, female=False) == 32
    assert meld3(**{**values, "sodium_mmol_l": 125, "inr": 1.0}, creatinine_mg_dl=3.0, female=False) == 32


def test_meld3_dialysis_sets_creatinine_to_three() -> None:
    # bilirubin 1, INR 1, Na 137, albumin 1.0 -> 1.5 (1.85 x 2 = 3.7; -1.83 x 2 x ln Cr)
    # Cr 1.0: 3.7 + 6 = 9.7 -> 10
    # dialysis (Cr 3.0): 11.14 x 1.098612 = 12.238538; -1.83 x 2 x 1.098612 = -4.020920
    # 12.238538 + 3.7 - 4.020920 + 6 = 17.917618 -> 18
    values = {"bilirubin_mg_dl": 1.0, "inr": 1.0, "sodium_mmol_l": 137, "albumin_g_dl": 1.0, "female": False}
    assert meld3(**values, creatinine_mg_dl=1.0) == 10
    assert meld3(**values, creatinine_mg_dl=1.0, dialysis=True) == 18
    assert meld3(**values, creatinine_mg_dl=3.0) == 18
    assert meld3(**values, creatinine_mg_dl=0.6, dialysis=True) == 18
    # albumin 1.5 is the lower bound itself: the same 9.7 -> 10
    assert meld3(**{**values, "albumin_g_dl": 1.5}, creatinine_mg_dl=1.0) == 10


def test_meld3_lowest_values() -> None:
    # everything at or below the lower bounds / Na above 137, albumin above 3.5: only the constant 6
    values = {"bilirubin_mg_dl": 0.5, "inr": 0.8, "creatinine_mg_dl": 0.7, "sodium_mmol_l": 140, "albumin_g_dl": 4.0}
    assert meld3(**values, female=False) == 6
    assert meld3(**values, female=True) == 7  # 6 + 1.33 = 7.33 -> 7


def test_meld3_maximum_is_forty() -> None:
    # bilirubin 30, Na 125, INR 4, Cr 3, albumin 1.5:
    # 4.56 x 3.401197 = 15.509458; 9.84; -0.24 x 12 x 3.401197 = -9.795447; 9.09 x 1.386294 = 12.601412
    # 12.238538; 3.7; -4.020920; + 6 = 46.073041 -> 46 -> 40
    assert (
        meld3(
            bilirubin_mg_dl=30.0,
            inr=4.0,
            creatinine_mg_dl=3.0,
            sodium_mmol_l=125,
            albumin_g_dl=1.5,
            female=False,
        )
        == 40
    )


def test_meld3_rounds_half_up() -> None:
    # all logarithms 0; Na 126, albumin 2.7: 0.82 x 11 = 9.02; 1.85 x 0.8 = 1.48; 9.02 + 1.48 + 6 = 16.50 exactly
    # half up -> 17 (round() would give 16, and binary floats could land on 16.4999...)
    values = {"bilirubin_mg_dl": 1.0, "inr": 1.0, "creatinine_mg_dl": 1.0}
    assert meld3(**values, sodium_mmol_l=126, albumin_g_dl=2.7, female=False) == 17
    # female, Na 125, albumin 1.7: 1.33 + 9.84 + 1.85 x 1.8 (3.33) + 6 = 20.50 exactly -> 21
    assert meld3(**values, sodium_mmol_l=125, albumin_g_dl=1.7, female=True) == 21
    # Decimal inputs give the same
    assert meld3(**values, sodium_mmol_l=Decimal(126), albumin_g_dl=Decimal("2.7"), female=False) == 17


def test_scores_ignore_the_callers_decimal_context() -> None:
    with localcontext() as context:
        context.prec = 3
        assert (
            meld3(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=1.0, sodium_mmol_l=126, albumin_g_dl=2.7, female=False)
            == 17
        )
        assert meld(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=1.53) == 10


# -- Child-Pugh --------------------------------------------------------------------------------------------------

BEST = {"bilirubin_mg_dl": 1.0, "albumin_g_dl": 4.0, "inr": 1.0, "ascites": "none", "encephalopathy": "none"}


def test_child_pugh_extremes() -> None:
    assert child_pugh(**BEST) == (5, "A")
    worst = {"bilirubin_mg_dl": 5.0, "albumin_g_dl": 2.0, "inr": 3.0, "ascites": "moderate-severe"}
    assert child_pugh(**worst, encephalopathy="grade 3-4") == (15, "C")


@pytest.mark.parametrize(
    ("bilirubin", "points"), [(1.99, 1), (2.0, 2), (2.5, 2), (3.0, 2), (3.01, 3), (Decimal("3.0"), 2)]
)
def test_child_pugh_bilirubin_boundaries(bilirubin: float, points: int) -> None:
    score, _ = child_pugh(**{**BEST, "bilirubin_mg_dl": bilirubin})
    assert score == 4 + points


@pytest.mark.parametrize(("albumin", "points"), [(3.51, 1), (3.5, 2), (3.0, 2), (2.8, 2), (2.79, 3)])
def test_child_pugh_albumin_boundaries(albumin: float, points: int) -> None:
    score, _ = child_pugh(**{**BEST, "albumin_g_dl": albumin})
    assert score == 4 + points


@pytest.mark.parametrize(("inr", "points"), [(1.69, 1), (1.7, 2), (2.0, 2), (2.3, 2), (2.31, 3)])
def test_child_pugh_inr_boundaries(inr: float, points: int) -> None:
    score, _ = child_pugh(**{**BEST, "inr": inr})
    assert score == 4 + points


@pytest.mark.parametrize(("ascites", "points"), [("none", 1), ("mild", 2), ("moderate-severe", 3)])
def test_child_pugh_ascites(ascites: str, points: int) -> None:
    score, _ = child_pugh(**{**BEST, "ascites": ascites})
    assert score == 4 + points


@pytest.mark.parametrize(("encephalopathy", "points"), [("none", 1), ("grade 1-2", 2), ("grade 3-4", 3)])
def test_child_pugh_encephalopathy(encephalopathy: str, points: int) -> None:
    score, _ = child_pugh(**{**BEST, "encephalopathy": encephalopathy})
    assert score == 4 + points


def test_child_pugh_class_boundaries() -> None:
    # 2 + 1 + 1 + 1 + 1 = 6 -> A
    assert child_pugh(**{**BEST, "bilirubin_mg_dl": 2.0}) == (6, "A")
    # 2 + 1 + 1 + 2 + 1 = 7 -> B
    assert child_pugh(**{**BEST, "bilirubin_mg_dl": 2.0, "ascites": "mild"}) == (7, "B")
    # 2 + 2 + 2 + 2 + 1 = 9 -> B
    nine = {"bilirubin_mg_dl": 2.0, "albumin_g_dl": 3.5, "inr": 1.7, "ascites": "mild", "encephalopathy": "none"}
    assert child_pugh(**nine) == (9, "B")
    # 2 + 2 + 2 + 2 + 2 = 10 -> C
    assert child_pugh(**{**nine, "encephalopathy": "grade 1-2"}) == (10, "C")
    assert [child_pugh_class(score) for score in range(5, 16)] == ["A"] * 2 + ["B"] * 3 + ["C"] * 6


def test_child_pugh_from_si_values_at_the_boundaries() -> None:
    # bilirubin 34.2 umol/L = 2 mg/dL and 51.3 umol/L = 3 mg/dL exactly; albumin 28 g/L = 2.8 g/dL: all 2 points
    two = bilirubin_mg_dl_from_umol_l(34.2)
    three = bilirubin_mg_dl_from_umol_l(51.3)
    albumin = albumin_g_dl_from_g_l(28)
    assert child_pugh(**{**BEST, "bilirubin_mg_dl": two}) == (6, "A")
    assert child_pugh(**{**BEST, "bilirubin_mg_dl": three}) == (6, "A")
    assert child_pugh(**{**BEST, "albumin_g_dl": albumin}) == (6, "A")


@pytest.mark.parametrize("score", [4, 16, 0, -1])
def test_child_pugh_class_rejects_scores_out_of_range(score: int) -> None:
    with pytest.raises(ValueError, match="child_pugh_score"):
        child_pugh_class(score)


# -- invalid inputs ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("bilirubin_mg_dl", -1.0, "greater than zero"),
        ("bilirubin_mg_dl", 0, "greater than zero"),
        ("albumin_g_dl", 0.0, "greater than zero"),
        ("inr", -0.5, "greater than zero"),
        ("inr", math.nan, "finite"),
        ("albumin_g_dl", math.inf, "finite"),
        ("bilirubin_mg_dl", Decimal("NaN"), "finite"),
        ("inr", "1.2", "must be a number"),
        ("albumin_g_dl", True, "must be a number"),
    ],
)
def test_child_pugh_rejects_bad_numbers(field: str, value: object, problem: str) -> None:
    with pytest.raises(ValueError, match=f"^{field} .*{problem}") as caught:
        child_pugh(**{**BEST, field: value})  # type: ignore[arg-type]
    assert isinstance(caught.value, ValidationError)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("ascites", "severe"),
        ("ascites", "Mild"),
        ("ascites", ""),
        ("encephalopathy", "grade 2"),
        ("encephalopathy", "yes"),
    ],
)
def test_child_pugh_rejects_unknown_words(field: str, value: str) -> None:
    with pytest.raises(ValueError, match=f"^{field} '{value}': must be"):
        child_pugh(**{**BEST, field: value})  # type: ignore[arg-type]


MELD3_VALUES = {"bilirubin_mg_dl": 2.0, "inr": 1.5, "creatinine_mg_dl": 1.2, "sodium_mmol_l": 130, "albumin_g_dl": 3.0}


@pytest.mark.parametrize("field", ["bilirubin_mg_dl", "inr", "creatinine_mg_dl", "sodium_mmol_l", "albumin_g_dl"])
@pytest.mark.parametrize("value", [0.0, -2.0])
def test_meld_scores_reject_zero_and_negative_values(field: str, value: float) -> None:
    # a value below 1.0 is raised to 1.0, but zero or a negative value is an error, never silently 1.0
    with pytest.raises(ValueError, match=f"^{field} {value}: must be greater than zero"):
        meld3(**{**MELD3_VALUES, field: value}, female=False)  # type: ignore[arg-type]
    meld_values = {key: v for key, v in MELD3_VALUES.items() if key != "albumin_g_dl"}
    if field in meld_values:
        with pytest.raises(ValueError, match=f"^{field} {value}: must be greater than zero"):
            meld_na(**{**meld_values, field: value})  # type: ignore[arg-type]
        if field != "sodium_mmol_l":
            with pytest.raises(ValueError, match=f"^{field} {value}: must be greater than zero"):
                meld(**{key: v for key, v in meld_values.items() if key != "sodium_mmol_l"} | {field: value})  # type: ignore[arg-type]


def test_meld_na_rejects_bad_sodium_even_when_meld_is_low() -> None:
    with pytest.raises(ValueError, match=r"^sodium_mmol_l -130: must be greater than zero"):
        meld_na(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=1.0, sodium_mmol_l=-130)


def test_flags_must_be_booleans() -> None:
    with pytest.raises(ValueError, match=r"^female 'yes': must be True or False"):
        meld3(**MELD3_VALUES, female="yes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^dialysis 1: must be True or False"):
        meld(bilirubin_mg_dl=1.0, inr=1.0, creatinine_mg_dl=1.0, dialysis=1)  # type: ignore[arg-type]


# -- SI conversions ----------------------------------------------------------------------------------------------


def test_bilirubin_conversion() -> None:
    assert bilirubin_mg_dl_from_umol_l(17.1) == Decimal(1)
    assert bilirubin_mg_dl_from_umol_l(34.2) == Decimal(2)
    assert bilirubin_mg_dl_from_umol_l(Decimal("51.3")) == Decimal(3)
    # 100 / 17.1 = 5.8479532163742690058479532163... (28 significant digits, not rounded further)
    assert bilirubin_mg_dl_from_umol_l(100) == Decimal("5.847953216374269005847953216")


def test_creatinine_conversion() -> None:
    assert creatinine_mg_dl_from_umol_l(88.4) == Decimal(1)
    assert creatinine_mg_dl_from_umol_l(176.8) == Decimal(2)
    # 53 / 88.4 = 0.59954751131221719457...
    assert creatinine_mg_dl_from_umol_l(53) == Decimal("0.5995475113122171945701357466")


def test_albumin_conversion() -> None:
    assert albumin_g_dl_from_g_l(35) == Decimal("3.5")
    assert albumin_g_dl_from_g_l(28.0) == Decimal("2.8")
    assert albumin_g_dl_from_g_l(Decimal("31.5")) == Decimal("3.15")


def test_si_values_through_meld() -> None:
    # bilirubin 34.2 umol/L = 2 mg/dL, creatinine 106.08 umol/L = 1.2 mg/dL: MELD 15 as in test_meld_typical_patient
    bilirubin = bilirubin_mg_dl_from_umol_l(34.2)
    creatinine = creatinine_mg_dl_from_umol_l(106.08)
    assert creatinine == Decimal("1.2")
    assert meld(bilirubin_mg_dl=bilirubin, inr=1.5, creatinine_mg_dl=creatinine) == 15


@pytest.mark.parametrize(
    ("convert", "field"),
    [
        (bilirubin_mg_dl_from_umol_l, "bilirubin_umol_l"),
        (creatinine_mg_dl_from_umol_l, "creatinine_umol_l"),
        (albumin_g_dl_from_g_l, "albumin_g_l"),
    ],
)
@pytest.mark.parametrize("value", [0, -17.1])
def test_conversions_reject_zero_and_negative_values(convert: object, field: str, value: float) -> None:
    assert callable(convert)
    with pytest.raises(ValueError, match=f"^{field} {value}: must be greater than zero"):
        convert(value)
