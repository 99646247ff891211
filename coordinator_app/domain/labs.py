"""Laboratory analytes in SI units as Chinese hospital laboratories report them, and the liver scores they feed.

Every value is stored in the analyte's SI unit. A value typed in an accepted alternative (US conventional) unit
is converted on input by an exact decimal factor, then checked against a *plausible* range (wider than any
disease can produce: outside it the value is a typo, e.g. albumin 350 g/L, and is refused) and flagged against
the *normal* range ("L" below, "H" above, "" within or when no range applies).

Conversion factors (multiply the entered value to get the SI value)
-------------------------------------------------------------------
* bilirubin mg/dL × 17.1 → µmol/L; creatinine mg/dL × 88.4 → µmol/L; albumin and haemoglobin g/dL × 10 → g/L
  (Young DS. Ann Intern Med 1987;106:114-129; the same factors as :mod:`coordinator_app.domain.scores`).
* sodium mEq/L × 1 → mmol/L (a monovalent ion).
* ALT, AST IU/L × 1 → U/L; µkat/L × 60 → U/L (1 U = 1 µmol/min = 1/60 µkat). Cholinesterase kU/L × 1000 → U/L.
* AFP µg/L × 1 → ng/mL; AFP IU/mL × 1.21 → ng/mL (WHO International Standard 72/225: 1 IU = 1.21 ng).
* WBC and platelets 10^3/µL × 1 → 10^9/L; /µL × 0.001 → 10^9/L.
* HBV DNA: only IU/mL is accepted. **copies/mL is refused**: copies per IU depend on the assay (about 2 to 8;
  "÷ 5" is only a rule of thumb), so the value must come from the laboratory in IU/mL (log10 IU/mL is refused
  too: 10^x is not an exact decimal). A result below the limit of detection ("<20", "未检出") is not a number
  and is refused: record the limit it was below only if the protocol says so.

Normal ranges
-------------
The defaults are a *typical reference interval* for adults, mostly those of the Chinese health industry
standards WS/T 404 (ALT, AST, albumin, sodium, creatinine) and WS/T 405 (blood count), with commonly printed
intervals for the others (bilirubin, INR, PT, cholinesterase, AFP; HBV DNA: the usual lower limit of
quantification). A site's laboratory prints its own: they are meant to become site-editable. Where the standard
gives separate intervals for women, ``normal_female`` holds them.

Liver scores
------------
:func:`compute_scores` takes SI values, converts bilirubin, creatinine and albumin to the conventional units
of the published formulas, and calls :mod:`coordinator_app.domain.scores`. A score whose input is missing is
None: MELD needs bilirubin, creatinine, INR and whether the subject had dialysis twice in the last week (from
the clinical assessment of the same date); MELD-Na also sodium; MELD 3.0 also albumin and sex; Child-Pugh
bilirubin, albumin, INR, ascites and encephalopathy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Context, Decimal, InvalidOperation, localcontext
from typing import Final, Literal

from coordinator_app.domain import scores as score_formulas
from coordinator_app.domain.errors import ValidationError

Flag = Literal["L", "H", ""]

_CONTEXT: Final = Context(prec=28)


@dataclass(frozen=True)
class Analyte:
    """One analyte: its SI unit, the other units accepted with their factors to SI, and its ranges in SI."""

    code: str
    name_en: str
    name_zh: str
    unit: str  # the SI unit in which the value is stored ("" for a ratio such as the INR)
    plausible_low: Decimal
    plausible_high: Decimal
    normal_low: Decimal | None
    normal_high: Decimal | None
    alternatives: Mapping[str, Decimal] = field(default_factory=dict)  # unit -> factor to multiply by
    normal_female: tuple[Decimal | None, Decimal | None] | None = None
    refused_units: Mapping[str, str] = field(default_factory=dict)  # unit -> why it is refused

    def normal_range(self, female: bool | None = None) -> tuple[Decimal | None, Decimal | None]:
        """The default normal range in SI: the women's interval for a woman when the standard has one."""
        if female and self.normal_female is not None:
            return self.normal_female
        return self.normal_low, self.normal_high

    @property
    def units(self) -> tuple[str, ...]:
        """Every unit accepted, the SI unit first."""
        return (self.unit, *self.alternatives)


def _d(text: str) -> Decimal:
    return Decimal(text)


_PER_L_9 = "10^9/L"
_COPIES = "copies/mL"
_COPIES_WHY = (
    "is not accepted: copies per IU depend on the assay (about 2 to 8), so no exact conversion exists; "
    "ask the laboratory for the result in IU/mL"
)

ANALYTES: Final[tuple[Analyte, ...]] = (
    Analyte("tbil", "Total bilirubin", "总胆红素", "µmol/L", _d("0.5"), _d("1000"), _d("3.4"), _d("20.5"),
            {"mg/dL": _d("17.1")}),
    Analyte("alb", "Albumin", "白蛋白", "g/L", _d("5"), _d("70"), _d("40"), _d("55"), {"g/dL": _d("10")}),
    Analyte("crea", "Creatinine", "肌酐", "µmol/L", _d("5"), _d("3000"), _d("57"), _d("111"),
            {"mg/dL": _d("88.4")}, normal_female=(_d("41"), _d("81"))),
    Analyte("na", "Sodium", "钠", "mmol/L", _d("90"), _d("200"), _d("137"), _d("147"), {"mEq/L": _d("1")}),
    Analyte("inr", "International normalised ratio", "国际标准化比值", "", _d("0.5"), _d("20"), _d("0.8"),
            _d("1.2"), {"1": _d("1"), "ratio": _d("1"), "INR": _d("1")}),
    Analyte("pt", "Prothrombin time", "凝血酶原时间", "s", _d("5"), _d("200"), _d("10"), _d("14")),
    Analyte("ptc", "Prothrombin time, control", "凝血酶原时间对照", "s", _d("5"), _d("30"), None, None),
    Analyte("alt", "Alanine aminotransferase", "丙氨酸氨基转移酶", "U/L", _d("1"), _d("20000"), _d("9"), _d("50"),
            {"IU/L": _d("1"), "µkat/L": _d("60")}, normal_female=(_d("7"), _d("40"))),
    Analyte("ast", "Aspartate aminotransferase", "天门冬氨酸氨基转移酶", "U/L", _d("1"), _d("20000"), _d("15"),
            _d("40"), {"IU/L": _d("1"), "µkat/L": _d("60")}, normal_female=(_d("13"), _d("35"))),
    Analyte("che", "Cholinesterase", "胆碱酯酶", "U/L", _d("100"), _d("25000"), _d("5000"), _d("12000"),
            {"IU/L": _d("1"), "kU/L": _d("1000")}),
    Analyte("hbv_dna", "HBV DNA", "乙型肝炎病毒DNA", "IU/mL", _d("1"), _d("1E10"), None, _d("20"),
            refused_units={_COPIES: _COPIES_WHY, "log10 IU/mL": "is not accepted: enter the value in IU/mL"}),
    Analyte("afp", "Alpha-fetoprotein", "甲胎蛋白", "ng/mL", _d("0.1"), _d("1000000"), None, _d("7"),
            {"µg/L": _d("1"), "IU/mL": _d("1.21")}),
    Analyte("wbc", "White blood cells", "白细胞", _PER_L_9, _d("0.1"), _d("200"), _d("3.5"), _d("9.5"),
            {"10^3/µL": _d("1"), "/µL": _d("0.001")}),
    Analyte("hgb", "Haemoglobin", "血红蛋白", "g/L", _d("20"), _d("250"), _d("130"), _d("175"),
            {"g/dL": _d("10")}, normal_female=(_d("115"), _d("150"))),
    Analyte("plt", "Platelets", "血小板", _PER_L_9, _d("1"), _d("2000"), _d("125"), _d("350"),
            {"10^3/µL": _d("1"), "/µL": _d("0.001")}),
)  # fmt: skip

_BY_CODE: Final = {a.code: a for a in ANALYTES}


def analyte(code: str) -> Analyte:
    """The analyte with ``code``; a ValidationError listing the known codes otherwise."""
    try:
        return _BY_CODE[code.strip().lower()]
    except KeyError:
        raise ValidationError("analyte", code, f"is not known (known: {', '.join(_BY_CODE)})") from None


def normalise_unit(unit: str) -> str:
    """A unit as compared: micro sign, Greek mu and "u" alike, ×/x/* before powers dropped, case and spaces ignored."""
    text = unit.strip().replace("µ", "u").replace("μ", "u").replace(" ", "").lower()
    text = text.replace("×", "").replace("*", "^")
    if text.startswith("x10"):
        text = text[1:]
    return text.replace("10e", "10^")


def _unit_factor(item: Analyte, unit: str) -> Decimal:
    wanted = normalise_unit(unit)
    for refused, why in item.refused_units.items():
        if normalise_unit(refused) == wanted:
            raise ValidationError(f"{item.name_en} unit", unit, why)
    if wanted == normalise_unit(item.unit):
        return Decimal(1)
    for name, factor in item.alternatives.items():
        if normalise_unit(name) == wanted:
            return factor
    accepted = ", ".join(repr(u) if u == "" else u for u in item.units)
    raise ValidationError(f"{item.name_en} unit", unit, f"is not accepted (accepted: {accepted})")


def parse_value(text: str, field_name: str = "value") -> Decimal:
    """A decimal number as typed or exported (``1.23E+05`` accepted); a ValidationError otherwise."""
    cleaned = text.strip()
    if "," in cleaned and "." in cleaned:  # thousands separators: 1,234.5
        cleaned = cleaned.replace(",", "")
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(field_name, text, "is not a number") from None
    if not number.is_finite():
        raise ValidationError(field_name, text, "is not a number")
    return number


def convert(code: str, value: Decimal, unit: str) -> Decimal:
    """``value`` in ``unit`` as the analyte's SI value, exactly (a decimal multiplication, never rounded)."""
    item = analyte(code)
    factor = _unit_factor(item, unit)
    if factor == 1:
        return value
    with localcontext(_CONTEXT.copy()):
        return value * factor


def check(code: str, value: Decimal, unit: str) -> Decimal:
    """The SI value of ``value`` in ``unit``, refused (ValidationError) outside the analyte's plausible range."""
    item = analyte(code)
    si = convert(code, value, unit)
    if not item.plausible_low <= si <= item.plausible_high:
        converted = "" if si == value else f"= {format_value(si)} {item.unit}, "
        low, high = format_value(item.plausible_low), format_value(item.plausible_high)
        raise ValidationError(
            f"{item.name_en} ({item.code})",
            f"{value} {unit}".strip(),
            f"{converted}is outside the plausible range {low}-{high} {item.unit}: check for a typo".rstrip(),
        )
    return si


def flag(value: Decimal, low: Decimal | None, high: Decimal | None) -> Flag:
    """ "L" below ``low``, "H" above ``high``, "" within (both edges are normal) or without a range."""
    if low is not None and value < low:
        return "L"
    if high is not None and value > high:
        return "H"
    return ""


def format_value(value: Decimal) -> str:
    """Decimal text without exponent (1.23E+5 → 123000), as stored and exported."""
    return format(value, "f")


# -- liver scores -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreInputs:
    """What the liver scores are computed from, in SI units; None where not recorded."""

    tbil_umol_l: Decimal | None = None
    crea_umol_l: Decimal | None = None
    alb_g_l: Decimal | None = None
    na_mmol_l: Decimal | None = None
    inr: Decimal | None = None
    female: bool | None = None
    ascites: str | None = None
    encephalopathy: str | None = None
    dialysis: bool | None = None

    def as_json(self) -> dict[str, str | bool | None]:
        """The inputs as JSON-ready values (decimals as text), to store beside the scores they gave."""
        result: dict[str, str | bool | None] = {}
        for name, value in self.__dict__.items():
            result[name] = format_value(value) if isinstance(value, Decimal) else value
        return result


@dataclass(frozen=True)
class Scores:
    meld: int | None
    meld_na: int | None
    meld3: int | None
    child_pugh_score: int | None
    child_pugh_class: str | None

    @property
    def any(self) -> bool:
        return any(v is not None for v in (self.meld, self.meld_na, self.meld3, self.child_pugh_score))


def compute_scores(inputs: ScoreInputs) -> Scores:
    """MELD, MELD-Na, MELD 3.0 and Child-Pugh from SI inputs; each None when one of its inputs is missing."""
    bili = None if inputs.tbil_umol_l is None else score_formulas.bilirubin_mg_dl_from_umol_l(inputs.tbil_umol_l)
    crea = None if inputs.crea_umol_l is None else score_formulas.creatinine_mg_dl_from_umol_l(inputs.crea_umol_l)
    alb = None if inputs.alb_g_l is None else score_formulas.albumin_g_dl_from_g_l(inputs.alb_g_l)
    inr, na, dialysis = inputs.inr, inputs.na_mmol_l, inputs.dialysis
    meld = meld_na = meld3 = cp_score = None
    cp_class: str | None = None
    if bili is not None and crea is not None and inr is not None and dialysis is not None:
        meld = score_formulas.meld(bilirubin_mg_dl=bili, inr=inr, creatinine_mg_dl=crea, dialysis=dialysis)
        if na is not None:
            meld_na = score_formulas.meld_na(
                bilirubin_mg_dl=bili, inr=inr, creatinine_mg_dl=crea, sodium_mmol_l=na, dialysis=dialysis
            )
            if alb is not None and inputs.female is not None:
                meld3 = score_formulas.meld3(
                    bilirubin_mg_dl=bili,
                    inr=inr,
                    creatinine_mg_dl=crea,
                    sodium_mmol_l=na,
                    albumin_g_dl=alb,
                    female=inputs.female,
                    dialysis=dialysis,
                )
    if (
        bili is not None
        and alb is not None
        and inr is not None
        and inputs.ascites is not None
        and inputs.encephalopathy is not None
    ):
        cp_score, cp_class = score_formulas.child_pugh(
            bilirubin_mg_dl=bili,
            albumin_g_dl=alb,
            inr=inr,
            ascites=inputs.ascites,
            encephalopathy=inputs.encephalopathy,
        )
    return Scores(meld, meld_na, meld3, cp_score, cp_class)
