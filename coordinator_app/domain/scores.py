"""Liver scores: MELD (UNOS), MELD-Na (OPTN 2016), MELD 3.0 (Kim 2021) and Child-Pugh, from conventional units.

The functions take the units of the published formulas (bilirubin and creatinine in mg/dL, albumin in g/dL,
sodium in mmol/L, which equals mEq/L for a monovalent ion, INR without unit); Chinese laboratories report SI
units, so convert first with :func:`bilirubin_mg_dl_from_umol_l`, :func:`creatinine_mg_dl_from_umol_l` and
:func:`albumin_g_dl_from_g_l`.

Sources
-------
MELD
    Kamath PS, Wiesner RH, Malinchoc M, et al. A model to predict survival in patients with end-stage liver
    disease. Hepatology 2001;33(2):464-470 (the coefficients 0.957, 0.378, 1.120 and 0.643).
    Wiesner R, Edwards E, Freeman R, et al. Model for end-stage liver disease (MELD) and allocation of donor
    livers. Gastroenterology 2003;124(1):91-96 (the UNOS allocation score).
    OPTN Policies, Policy 9.1.D "MELD Score" (as in force 2016-2023): MELD(i) = 0.957 × ln(creatinine mg/dL)
    + 0.378 × ln(bilirubin mg/dL) + 1.120 × ln(INR) + 0.643; laboratory values less than 1.0 are set to 1.0;
    creatinine is set to 4.0 mg/dL when it is above 4.0 or the candidate received two or more dialysis
    treatments (or 24 hours of CVVHD) within the prior week; the result is rounded to the tenth decimal place
    and multiplied by 10; the maximum MELD score is 40.
MELD-Na
    OPTN Policy 9.1.D as amended effective 11 January 2016 (sodium added to MELD): when MELD(i) > 11,
    MELD = MELD(i) + 1.32 × (137 − Na) − [0.033 × MELD(i) × (137 − Na)], with sodium below 125 mmol/L set to
    125 and above 137 set to 137. The sodium adjustment derives from Kim WR, Biggins SW, Kremers WK, et al.
    Hyponatremia and mortality among patients on the liver-transplant waiting list. N Engl J Med
    2008;359(10):1018-1026.
MELD 3.0
    Kim WR, Mannalithara A, Heimbach JK, et al. MELD 3.0: the model for end-stage liver disease updated for the
    modern era. Gastroenterology 2021;161(6):1887-1895.e4. doi:10.1053/j.gastro.2021.08.050:
    MELD 3.0 = 1.33 × (female) + 4.56 × ln(bilirubin) + 0.82 × (137 − Na) − 0.24 × (137 − Na) × ln(bilirubin)
    + 9.09 × ln(INR) + 11.14 × ln(creatinine) + 1.85 × (3.5 − albumin) − 1.83 × (3.5 − albumin) × ln(creatinine)
    + 6, with bilirubin, INR and creatinine below 1.0 set to 1.0, creatinine above 3.0 (or on dialysis) set to
    3.0, sodium bounded to 125-137 mmol/L and albumin to 1.5-3.5 g/dL, rounded to the nearest integer.
    OPTN Policy 9.1.D as amended effective 13 July 2023 adopted MELD 3.0 for candidates aged 12 and older.
Child-Pugh
    Child CG, Turcotte JG. Surgery and portal hypertension. In: Child CG, ed. The Liver and Portal Hypertension.
    Philadelphia: Saunders; 1964:50-64. Pugh RNH, Murray-Lyon IM, Dawson JL, Pietroni MC, Williams R.
    Transection of the oesophagus for bleeding oesophageal varices. Br J Surg 1973;60(8):646-649. Pugh graded
    prothrombin-time prolongation (1-4 / 4-6 / > 6 s); the INR bands < 1.7 / 1.7-2.3 / > 2.3 are the
    conventional modern substitute (e.g. Durand F, Valla D. Assessment of the prognosis of cirrhosis:
    Child-Pugh versus MELD. J Hepatol 2005;42 Suppl 1:S100-S107). Encephalopathy grades are West Haven grades.
    The bands and their boundaries here are those of the trial's specification: every boundary value
    (bilirubin 2.0 and 3.0 mg/dL, albumin 2.8 and 3.5 g/dL, INR 1.7 and 2.3) scores 2 points.
SI conversion factors
    Young DS. Implementation of SI units for clinical laboratory data. Ann Intern Med 1987;106(1):114-129:
    bilirubin 1 mg/dL = 17.1 µmol/L (molar mass 584.7 g/mol), creatinine 1 mg/dL = 88.4 µmol/L (113.12 g/mol),
    albumin 1 g/dL = 10 g/L.

Arithmetic and rounding
-----------------------
All arithmetic is in :class:`decimal.Decimal` in a private context (28 significant digits, whatever the
caller's context), with natural logarithms from :meth:`decimal.Decimal.ln` (correctly rounded). A float input
is taken at its shortest decimal representation (``repr``), so ``1.7`` is exactly 1.7 and boundary values
fall into the band the specification gives them. Every rounding is *round half up* (ties away from zero; all
values rounded here are positive), never the banker's rounding of :func:`round`:

* MELD: MELD(i) is rounded half up to one decimal place and multiplied by 10, which is an integer by
  construction (MELD(i) 1.55 → 1.6 → 16); it is then limited to at most 40. The lowest possible score is 6
  (all values at or below 1.0: MELD(i) = 0.643 → 0.6 → 6).
* MELD-Na: the integer MELD above is the MELD(i) of the sodium formula; when it is 11 or less the score is
  that MELD unchanged, otherwise the sodium formula is evaluated exactly and rounded half up to an integer,
  at most 40. (With MELD(i) ≤ 40 and sodium ≥ 125 the formula cannot exceed 40 anyway: at MELD(i) = 40 the
  sodium terms cancel, 1.32 − 0.033 × 40 = 0.)
* MELD 3.0: rounded half up to an integer and limited to at most 40. Kim 2021 scaled MELD 3.0 without
  presuming a cap, but OPTN allocation policy keeps "the maximum MELD score is 40" for MELD 3.0 as for the
  earlier scores, and this app reports the allocation score; so a value above 40 is reported as 40.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from typing import Final, Literal, TypeAlias

from coordinator_app.domain.errors import ValidationError

Number: TypeAlias = float | Decimal  # an int is accepted too (a float in typing's numeric tower)
ChildPughClass = Literal["A", "B", "C"]

ASCITES_GRADES: Final = ("none", "mild", "moderate-severe")
ENCEPHALOPATHY_GRADES: Final = ("none", "grade 1-2", "grade 3-4")

MELD_MAXIMUM: Final = 40

_CONTEXT: Final = Context(prec=28)  # fresh copy per calculation: never the caller's precision or traps
_ONE: Final = Decimal(1)
_TENTH: Final = Decimal("0.1")

_BILIRUBIN_UMOL_L_PER_MG_DL: Final = Decimal("17.1")
_CREATININE_UMOL_L_PER_MG_DL: Final = Decimal("88.4")
_ALBUMIN_G_L_PER_G_DL: Final = Decimal(10)


# -- inputs -----------------------------------------------------------------------------------------------------


def _positive(name: str, value: object) -> Decimal:
    """``value`` as an exact Decimal (a float at its shortest repr); a ValidationError naming ``name`` if it is
    not a finite number greater than zero."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise ValidationError(name, value, "must be a number")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError(name, value, "must be a finite number")
        number = Decimal(repr(value))
    else:
        number = Decimal(value)
    if not number.is_finite():
        raise ValidationError(name, value, "must be a finite number")
    if number <= 0:
        raise ValidationError(name, value, "must be greater than zero")
    return number


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(name, value, "must be True or False")
    return value


def _clamp(value: Decimal, lowest: Decimal, highest: Decimal) -> Decimal:
    return max(lowest, min(highest, value))


def _round_half_up(value: Decimal, step: Decimal = _ONE) -> Decimal:
    return value.quantize(step, rounding=ROUND_HALF_UP)


# -- SI conversion ----------------------------------------------------------------------------------------------


def bilirubin_mg_dl_from_umol_l(umol_l: Number) -> Decimal:
    """Total bilirubin µmol/L → mg/dL: ÷ 17.1 (Young 1987). 34.2 µmol/L → 2 mg/dL exactly; not rounded."""
    with localcontext(_CONTEXT.copy()):
        return _positive("bilirubin_umol_l", umol_l) / _BILIRUBIN_UMOL_L_PER_MG_DL


def creatinine_mg_dl_from_umol_l(umol_l: Number) -> Decimal:
    """Serum creatinine µmol/L → mg/dL: ÷ 88.4 (Young 1987). 88.4 µmol/L → 1 mg/dL exactly; not rounded."""
    with localcontext(_CONTEXT.copy()):
        return _positive("creatinine_umol_l", umol_l) / _CREATININE_UMOL_L_PER_MG_DL


def albumin_g_dl_from_g_l(g_l: Number) -> Decimal:
    """Serum albumin g/L → g/dL: ÷ 10. 28 g/L → 2.8 g/dL exactly; not rounded."""
    with localcontext(_CONTEXT.copy()):
        return _positive("albumin_g_l", g_l) / _ALBUMIN_G_L_PER_G_DL


# -- MELD -------------------------------------------------------------------------------------------------------


def _meld(bilirubin_mg_dl: Number, inr: Number, creatinine_mg_dl: Number, dialysis: bool) -> Decimal:
    """The UNOS MELD as an integral Decimal (6..40); the caller holds the Decimal context."""
    bilirubin = max(_ONE, _positive("bilirubin_mg_dl", bilirubin_mg_dl))
    ratio = max(_ONE, _positive("inr", inr))
    creatinine = _positive("creatinine_mg_dl", creatinine_mg_dl)
    creatinine = Decimal(4) if _flag("dialysis", dialysis) else _clamp(creatinine, _ONE, Decimal(4))
    meld_i = (
        Decimal("0.957") * creatinine.ln()
        + Decimal("0.378") * bilirubin.ln()
        + Decimal("1.120") * ratio.ln()
        + Decimal("0.643")
    )
    score = _round_half_up(meld_i, _TENTH) * 10
    return min(score, Decimal(MELD_MAXIMUM))


def meld(*, bilirubin_mg_dl: Number, inr: Number, creatinine_mg_dl: Number, dialysis: bool = False) -> int:
    """The UNOS MELD score, 6..40 (Kamath 2001; OPTN Policy 9.1.D before 2016).

    Bilirubin, INR and creatinine below 1.0 count as 1.0; creatinine above 4.0 mg/dL, or any creatinine when
    ``dialysis`` (two or more dialysis treatments, or 24 hours of CVVHD, in the prior week), counts as 4.0.
    MELD(i) = 0.957 × ln(Cr) + 0.378 × ln(bilirubin) + 1.120 × ln(INR) + 0.643 is rounded half up to one decimal
    and multiplied by 10; at most 40.
    """
    with localcontext(_CONTEXT.copy()):
        return int(_meld(bilirubin_mg_dl, inr, creatinine_mg_dl, dialysis))


def meld_na(
    *,
    bilirubin_mg_dl: Number,
    inr: Number,
    creatinine_mg_dl: Number,
    sodium_mmol_l: Number,
    dialysis: bool = False,
) -> int:
    """The OPTN 2016 MELD-Na score, 6..40 (OPTN Policy 9.1.D effective 11 January 2016).

    MELD(i) is the integer :func:`meld` score. When it is greater than 11,
    MELD = MELD(i) + 1.32 × (137 − Na) − [0.033 × MELD(i) × (137 − Na)] with sodium bounded to 125..137 mmol/L,
    rounded half up to an integer, at most 40; otherwise the score is MELD(i) and sodium only has to be valid.
    """
    with localcontext(_CONTEXT.copy()):
        meld_i = _meld(bilirubin_mg_dl, inr, creatinine_mg_dl, dialysis)
        sodium = _clamp(_positive("sodium_mmol_l", sodium_mmol_l), Decimal(125), Decimal(137))
        if meld_i <= 11:
            return int(meld_i)
        deficit = Decimal(137) - sodium
        score = meld_i + Decimal("1.32") * deficit - Decimal("0.033") * meld_i * deficit
        return int(min(_round_half_up(score), Decimal(MELD_MAXIMUM)))


def meld3(
    *,
    bilirubin_mg_dl: Number,
    inr: Number,
    creatinine_mg_dl: Number,
    sodium_mmol_l: Number,
    albumin_g_dl: Number,
    female: bool,
    dialysis: bool = False,
) -> int:
    """The MELD 3.0 score, 6..40 (Kim 2021; OPTN Policy 9.1.D effective 13 July 2023).

    Bilirubin, INR and creatinine below 1.0 count as 1.0; creatinine above 3.0 mg/dL, or any creatinine when
    ``dialysis``, counts as 3.0; sodium is bounded to 125..137 mmol/L and albumin to 1.5..3.5 g/dL.
    MELD 3.0 = 1.33 × female + 4.56 × ln(bili) + 0.82 × (137 − Na) − 0.24 × (137 − Na) × ln(bili)
    + 9.09 × ln(INR) + 11.14 × ln(Cr) + 1.85 × (3.5 − Alb) − 1.83 × (3.5 − Alb) × ln(Cr) + 6,
    rounded half up to an integer; at most 40 (the OPTN cap, see the module docstring).
    """
    with localcontext(_CONTEXT.copy()):
        bilirubin = max(_ONE, _positive("bilirubin_mg_dl", bilirubin_mg_dl))
        ratio = max(_ONE, _positive("inr", inr))
        creatinine = _positive("creatinine_mg_dl", creatinine_mg_dl)
        creatinine = Decimal(3) if _flag("dialysis", dialysis) else _clamp(creatinine, _ONE, Decimal(3))
        sodium = _clamp(_positive("sodium_mmol_l", sodium_mmol_l), Decimal(125), Decimal(137))
        albumin = _clamp(_positive("albumin_g_dl", albumin_g_dl), Decimal("1.5"), Decimal("3.5"))
        sex_term = Decimal("1.33") if _flag("female", female) else Decimal(0)
        ln_bilirubin = bilirubin.ln()
        ln_creatinine = creatinine.ln()
        sodium_deficit = Decimal(137) - sodium
        albumin_deficit = Decimal("3.5") - albumin
        score = (
            sex_term
            + Decimal("4.56") * ln_bilirubin
            + Decimal("0.82") * sodium_deficit
            - Decimal("0.24") * sodium_deficit * ln_bilirubin
            + Decimal("9.09") * ratio.ln()
            + Decimal("11.14") * ln_creatinine
            + Decimal("1.85") * albumin_deficit
            - Decimal("1.83") * albumin_deficit * ln_creatinine
            + Decimal(6)
        )
        return int(min(_round_half_up(score), Decimal(MELD_MAXIMUM)))


# -- Child-Pugh -------------------------------------------------------------------------------------------------


def _band(value: Decimal, low: Decimal, high: Decimal) -> int:
    """1 point below ``low``, 2 from ``low`` to ``high`` inclusive, 3 above ``high``."""
    if value < low:
        return 1
    return 2 if value <= high else 3


def child_pugh_class(score: int) -> ChildPughClass:
    """Child-Pugh class of a score: A 5-6, B 7-9, C 10-15 (Pugh 1973)."""
    if isinstance(score, bool) or not isinstance(score, int) or not 5 <= score <= 15:
        raise ValidationError("child_pugh_score", score, "must be a whole number from 5 to 15")
    if score <= 6:
        return "A"
    return "B" if score <= 9 else "C"


def child_pugh(
    *,
    bilirubin_mg_dl: Number,
    albumin_g_dl: Number,
    inr: Number,
    ascites: str,
    encephalopathy: str,
) -> tuple[int, ChildPughClass]:
    """The Child-Pugh score 5..15 and its class (Child & Turcotte 1964; Pugh 1973; INR bands per Durand 2005).

    Points 1 / 2 / 3, boundaries in the middle band:
    bilirubin < 2 / 2-3 / > 3 mg/dL; albumin > 3.5 / 2.8-3.5 / < 2.8 g/dL; INR < 1.7 / 1.7-2.3 / > 2.3;
    ascites "none" / "mild" / "moderate-severe"; encephalopathy "none" / "grade 1-2" / "grade 3-4".
    Class A 5-6, B 7-9, C 10-15.
    """
    with localcontext(_CONTEXT.copy()):
        bilirubin = _positive("bilirubin_mg_dl", bilirubin_mg_dl)
        albumin = _positive("albumin_g_dl", albumin_g_dl)
        ratio = _positive("inr", inr)
        if ascites not in ASCITES_GRADES:
            raise ValidationError("ascites", ascites, 'must be "none", "mild" or "moderate-severe"')
        if encephalopathy not in ENCEPHALOPATHY_GRADES:
            raise ValidationError("encephalopathy", encephalopathy, 'must be "none", "grade 1-2" or "grade 3-4"')
        score = (
            _band(bilirubin, Decimal(2), Decimal(3))
            + (4 - _band(albumin, Decimal("2.8"), Decimal("3.5")))  # albumin scores in reverse: high is good
            + _band(ratio, Decimal("1.7"), Decimal("2.3"))
            + ASCITES_GRADES.index(ascites)
            + 1
            + ENCEPHALOPATHY_GRADES.index(encephalopathy)
            + 1
        )
    return score, child_pugh_class(score)
