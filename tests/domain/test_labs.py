"""The lab catalogue: exact unit conversion, plausible ranges, normal-range flags, and liver scores from SI units."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from coordinator_app.domain import labs, scores
from coordinator_app.domain.errors import ValidationError

D = Decimal


@pytest.mark.parametrize(
    ("code", "value", "unit", "expected"),
    [
        ("tbil", "2.0", "mg/dL", "34.2"),
        ("tbil", "1", "mg/dl", "17.1"),
        ("crea", "1.5", "mg/dL", "132.6"),
        ("crea", "0.7", "MG/DL", "61.88"),
        ("alb", "2.8", "g/dL", "28"),
        ("hgb", "13.5", "g/dL", "135"),
        ("na", "131", "mEq/L", "131"),
        ("alt", "1.5", "µkat/L", "90"),
        ("alt", "1.5", "μkat/L", "90"),  # Greek mu as well as the micro sign
        ("che", "6.5", "kU/L", "6500"),
        ("afp", "10", "IU/mL", "12.1"),
        ("wbc", "5400", "/uL", "5.4"),
        ("plt", "85", "10^3/µL", "85"),
        ("plt", "85", "×10^9/L", "85"),
        ("tbil", "51.3", "umol/L", "51.3"),
        ("inr", "1.3", "", "1.3"),
        ("inr", "1.3", "INR", "1.3"),
    ],
)
def test_conversion_is_exact(code: str, value: str, unit: str, expected: str) -> None:
    converted = labs.convert(code, D(value), unit)
    assert isinstance(converted, Decimal)
    assert converted == D(expected)


def test_conversion_factors_match_the_score_module() -> None:
    assert labs.convert("tbil", D(2), "mg/dL") == D("34.2")
    assert scores.bilirubin_mg_dl_from_umol_l(labs.convert("tbil", D("2.5"), "mg/dL")) == D("2.5")
    assert scores.creatinine_mg_dl_from_umol_l(labs.convert("crea", D("1.9"), "mg/dL")) == D("1.9")
    assert scores.albumin_g_dl_from_g_l(labs.convert("alb", D("3.1"), "g/dL")) == D("3.1")


def test_every_analyte_of_the_brief_is_catalogued_with_a_chinese_name() -> None:
    codes = [a.code for a in labs.ANALYTES]
    assert codes == ["tbil", "alb", "crea", "na", "inr", "pt", "ptc", "alt", "ast", "che", "hbv_dna", "afp",
                     "wbc", "hgb", "plt"]  # fmt: skip
    for item in labs.ANALYTES:
        assert item.name_zh and item.name_en
        assert item.plausible_low < item.plausible_high
        low, high = item.normal_range()
        if low is not None and high is not None:
            assert item.plausible_low <= low < high <= item.plausible_high


def test_albumin_350_g_per_l_is_refused_naming_the_analyte_value_unit_and_range() -> None:
    with pytest.raises(ValidationError) as caught:
        labs.check("alb", D(350), "g/L")
    message = str(caught.value)
    assert "Albumin" in message and "350 g/L" in message and "5-70 g/L" in message and "typo" in message


def test_a_converted_value_outside_the_range_shows_both_units() -> None:
    with pytest.raises(ValidationError, match=r"'35 g/dL': = 350 g/L, is outside the plausible range 5-70 g/L"):
        labs.check("alb", D(35), "g/dL")


@pytest.mark.parametrize(
    ("code", "value", "unit"),
    [("tbil", "1001", "µmol/L"), ("tbil", "0.4", "µmol/L"), ("na", "1400", "mmol/L"), ("inr", "0", ""),
     ("crea", "-5", "µmol/L"), ("plt", "85000", "10^9/L")],
)  # fmt: skip
def test_implausible_values_are_refused(code: str, value: str, unit: str) -> None:
    with pytest.raises(ValidationError, match="plausible range"):
        labs.check(code, D(value), unit)


def test_plausible_edges_are_accepted() -> None:
    assert labs.check("alb", D(5), "g/L") == D(5)
    assert labs.check("alb", D(70), "g/L") == D(70)
    assert labs.check("alb", D("7.0"), "g/dL") == D(70)


def test_hbv_dna_in_copies_is_refused_with_the_reason() -> None:
    with pytest.raises(ValidationError, match="depend on the assay"):
        labs.convert("hbv_dna", D(1000), "copies/mL")
    assert labs.check("hbv_dna", D("1.23E+05"), "IU/mL") == D(123000)


def test_unknown_units_and_analytes_are_refused_listing_what_is_accepted() -> None:
    with pytest.raises(ValidationError, match=r"accepted: µmol/L, mg/dL"):
        labs.convert("tbil", D(10), "g/L")
    with pytest.raises(ValidationError, match="is not known"):
        labs.analyte("ggt")
    with pytest.raises(ValidationError, match="is not a number"):
        labs.parse_value("未检出")
    assert labs.parse_value("1,234.5") == D("1234.5")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("39.9", "L"), ("40", ""), ("40.0", ""), ("55", ""), ("55.0", ""), ("55.1", "H")],
)
def test_flags_at_the_edges_of_the_normal_range(value: str, expected: str) -> None:
    assert labs.flag(D(value), D(40), D(55)) == expected


def test_flags_with_open_ranges_and_women_s_intervals() -> None:
    assert labs.flag(D("100000"), None, D(20)) == "H"
    assert labs.flag(D("1"), None, D(20)) == ""
    assert labs.flag(D("12"), None, None) == ""
    crea = labs.analyte("crea")
    assert crea.normal_range(female=True) == (D(41), D(81))
    assert crea.normal_range(female=False) == (D(57), D(111))
    assert labs.analyte("alb").normal_range(female=True) == (D(40), D(55))


_FULL = labs.ScoreInputs(
    tbil_umol_l=D("51.3"),  # 3.0 mg/dL
    crea_umol_l=D("132.6"),  # 1.5 mg/dL
    alb_g_l=D("28"),  # 2.8 g/dL
    na_mmol_l=D("130"),
    inr=D("1.8"),
    female=False,
    ascites="mild",
    encephalopathy="none",
    dialysis=False,
)


def test_scores_from_si_inputs_match_the_score_functions_in_conventional_units() -> None:
    result = labs.compute_scores(_FULL)
    bili, inr, crea = D(3), D("1.8"), D("1.5")
    assert result.meld == scores.meld(bilirubin_mg_dl=bili, inr=inr, creatinine_mg_dl=crea) == 21
    assert result.meld_na == scores.meld_na(bilirubin_mg_dl=bili, inr=inr, creatinine_mg_dl=crea, sodium_mmol_l=130)
    assert result.meld_na == 25
    assert result.meld3 == scores.meld3(
        bilirubin_mg_dl=bili, inr=inr, creatinine_mg_dl=crea, sodium_mmol_l=130, albumin_g_dl=D("2.8"), female=False
    )
    assert result.meld3 == 26
    assert (result.child_pugh_score, result.child_pugh_class) == (9, "B")


def test_sex_and_dialysis_change_the_scores() -> None:
    base = labs.compute_scores(_FULL)
    female = labs.compute_scores(dataclasses.replace(_FULL, female=True))
    assert female.meld3 == scores.meld3(
        bilirubin_mg_dl=D(3), inr=D("1.8"), creatinine_mg_dl=D("1.5"), sodium_mmol_l=130, albumin_g_dl=D("2.8"),
        female=True,
    )  # fmt: skip
    assert female.meld3 is not None and base.meld3 is not None and female.meld3 > base.meld3
    dialysed = labs.compute_scores(dataclasses.replace(_FULL, dialysis=True))
    assert dialysed.meld == scores.meld(bilirubin_mg_dl=3, inr=D("1.8"), creatinine_mg_dl=4) == 30


def test_each_score_is_none_when_one_of_its_inputs_is_missing() -> None:
    def without(name: str) -> labs.Scores:
        return labs.compute_scores(dataclasses.replace(_FULL, **{name: None}))

    assert without("na_mmol_l") == labs.Scores(21, None, None, 9, "B")
    assert without("dialysis") == labs.Scores(None, None, None, 9, "B")
    assert without("female") == labs.Scores(21, 25, None, 9, "B")
    assert without("alb_g_l") == labs.Scores(21, 25, None, None, None)
    assert without("ascites") == labs.Scores(21, 25, 26, None, None)
    assert without("encephalopathy").child_pugh_score is None
    assert without("crea_umol_l") == labs.Scores(None, None, None, 9, "B")
    assert without("tbil_umol_l") == labs.Scores(None, None, None, None, None)
    assert without("inr") == labs.Scores(None, None, None, None, None)
    assert not labs.compute_scores(labs.ScoreInputs()).any


def test_inputs_serialise_for_storage() -> None:
    assert _FULL.as_json() == {
        "tbil_umol_l": "51.3",
        "crea_umol_l": "132.6",
        "alb_g_l": "28",
        "na_mmol_l": "130",
        "inr": "1.8",
        "female": False,
        "ascites": "mild",
        "encephalopathy": "none",
        "dialysis": False,
    }
