"""Import ClinicalTrials.gov API v2 study records as :class:`Protocol` objects.

The registry publishes each trial as JSON (``https://clinicaltrials.gov/api/v2/studies/NCT...``).
Mapping that record onto the app's own model lets a site set up its next trial from the registry
instead of typing the protocol in.  This module only sees already-parsed JSON, so it stays pure
standard library; every problem raises :class:`ProtocolError` naming the record's key path.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from coordinator_app.domain.errors import ProtocolError
from coordinator_app.domain.keyed_reader import KeyedReader, kind_of
from coordinator_app.domain.protocol import (
    Arm,
    Criterion,
    Design,
    Eligibility,
    Intervention,
    Location,
    Person,
    Protocol,
    Sponsor,
    Text,
    protocol_from_mapping,
    protocol_to_mapping,
)

__all__ = ["protocols_from_ctgov", "split_criteria"]

_NCT_ID = re.compile(r"NCT\d{8}")
_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_AGE = re.compile(r"(\d+)\s*(year|month|week|day|hour|minute)s?", re.IGNORECASE)
_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # a backslash before any ASCII punctuation
_BULLET = re.compile(
    r"(?P<indent>\s*)(?P<mark>[*+•·▪-]|\d{1,3}[.)]|\(\d{1,3}\)|[ivx]{1,4}[.)]|[a-z][.)]|\([a-z]\))\s+(?P<text>.*)"
)
_OPEN_ENDING = re.compile(r"(?:[:;,]|\b(?:and|or))$", re.IGNORECASE)  # an item that the sub-bullets complete
_LETTER_MARK = re.compile(r"\(?[a-z]{1,4}[.)]")
_HEADING = re.compile(
    r"[#*_\s]*(?:(?:key|main|major|general|other|additional)\s+)?"
    r"(?:(?P<kind>inclusion|exclusion)(?P<word>\s+criteri(?:a|on))?|criteria\s+for\s+(?P<kind2>inclusion|exclusion))"
    r"(?P<rest>.*)",
    re.IGNORECASE,
)
_HEADING_TAIL = re.compile(r"(?:for|in|of)\s.{0,40}|\(.{0,40}\)", re.IGNORECASE)
# API v1 wrappers: the retired format still turns up in old downloads.
_LEGACY_KEYS = ("FullStudiesResponse", "StudyFieldsResponse", "FullStudy", "Study", "ProtocolSection")
_SEXES = frozenset({"ALL", "FEMALE", "MALE"})


# -- reading -----------------------------------------------------------------------------------


def _unescape(text: str) -> str:
    """Undo the registry's Markdown escapes ("\\>" is ">") so texts read as written."""
    return _MARKDOWN_ESCAPE.sub(r"\1", text)


# -- the record ---------------------------------------------------------------------------------


def protocols_from_ctgov(data: object, source: str = "") -> list[Protocol]:
    """The protocols in a parsed API v2 record: one study, or a search response ``{"studies": [...]}``.

    ``source`` (usually the file name) is named in every :class:`ProtocolError`.  Each protocol is
    round-tripped through the model's own loader, so imports obey the same rules as protocol files.
    """
    return [_protocol(study) for study in _studies(data, source)]


def load_ctgov_file(path: Path) -> list[Protocol]:
    """Read a downloaded API v2 record; an unreadable or non-JSON file is a :class:`ProtocolError` naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ProtocolError("", f"cannot be read ({error})", str(path)) from None
    except json.JSONDecodeError as error:
        raise ProtocolError("", f"is not JSON ({error})", str(path)) from None
    return protocols_from_ctgov(data, str(path))


def _studies(data: object, source: str) -> list[KeyedReader]:
    """The study objects in a document, refusing shapes that are not API v2 with a useful message."""
    if not isinstance(data, Mapping):
        raise ProtocolError(
            "", f"must be a ClinicalTrials.gov API v2 study or search response (an object), not {kind_of(data)}", source
        )
    legacy = next((key for key in _LEGACY_KEYS if key in data), None)
    if legacy is not None:
        raise ProtocolError(
            legacy,
            "belongs to the retired ClinicalTrials.gov API v1 format; download the study again from API v2 "
            "(https://clinicaltrials.gov/api/v2/studies/NCT...)",
            source,
        )
    root = KeyedReader(data, "", source)
    if "studies" in data:
        studies = root.tables("studies")
        if not studies:
            raise root.fail("studies", "is empty: the search response holds no study")
        return studies
    if "protocolSection" not in data:
        raise root.fail("protocolSection", "is missing: this is not a ClinicalTrials.gov API v2 study record")
    return [root]


def _protocol(study: KeyedReader) -> Protocol:
    """Build one protocol from one study object and check it with the model's loader."""
    section = study.table("protocolSection", required=True)
    ident = section.table("identificationModule")
    nct_id = ident.string("nctId", required=True)
    if not _NCT_ID.fullmatch(nct_id):
        raise ident.fail("nctId", f"must look like NCT followed by 8 digits, not {nct_id!r}")
    status = section.table("statusModule")
    start, completion, last_update = _dates(status)
    arms_module = section.table("armsInterventionsModule")
    interventions = _interventions(arms_module)
    contacts = section.table("contactsLocationsModule")  # the registry omits any of its lists freely
    protocol = Protocol(
        nct_id=nct_id,
        org_study_id=ident.table("orgStudyIdInfo").string("id"),
        brief_title=Text(ident.string("briefTitle", required=True)),
        official_title=Text(ident.string("officialTitle")),
        overall_status=status.string("overallStatus", required=True),
        start_date=start,
        completion_date=completion,
        last_update=last_update,
        summary=Text(_unescape(section.table("descriptionModule").string("briefSummary"))),
        conditions=section.table("conditionsModule").strings("conditions"),
        design=_design(section.table("designModule")),
        arms=_arms(arms_module, {intervention.name for intervention in interventions}),
        interventions=interventions,
        eligibility=_eligibility(section.table("eligibilityModule")),
        sponsor=_sponsor(section.table("sponsorCollaboratorsModule")),
        locations=tuple(location for item in contacts.tables("locations") if (location := _location(item))),
        central_contacts=_people(contacts.tables("centralContacts")),
        officials=_people(contacts.tables("overallOfficials")),
    )
    return _checked(protocol, section)


def _checked(protocol: Protocol, section: KeyedReader) -> Protocol:
    """Round-trip through the TOML loader so any rule it enforces holds for imports too."""
    try:
        return protocol_from_mapping(protocol_to_mapping(protocol), section.source)
    except ProtocolError as error:
        raise ProtocolError(
            section.path, f"does not make a valid protocol ({error.key}: {error.problem})", section.source
        ) from None


def _dates(status: KeyedReader) -> tuple[dt.date | None, dt.date | None, dt.date | None]:
    """Start, completion and last update; the update falls back to the submit date when no post date is given."""
    start = _date(status.table("startDateStruct"), "date")
    completion = _date(status.table("completionDateStruct"), "date")
    if start and completion and completion < start:
        raise status.table("completionDateStruct").fail("date", f"{completion} is before the start date {start}")
    last_update = _date(status.table("lastUpdatePostDateStruct"), "date") or _date(status, "lastUpdateSubmitDate")
    return start, completion, last_update


def _date(node: KeyedReader, name: str) -> dt.date | None:
    """A registry date; month precision ("2021-12") means the first day of that month."""
    value = node.string(name)
    if not value:
        return None
    match = _DATE.fullmatch(value)
    try:
        if match is None:
            raise ValueError(value)
        return dt.date(int(match[1]), int(match[2]), int(match[3] or 1))
    except ValueError:
        raise node.fail(name, f"must be a date like 2021-12-01 or 2021-12, not {value!r}") from None


def _design(node: KeyedReader) -> Design:
    """Observational studies have no designInfo; their allocation, model, purpose and masking are ""."""
    info = node.table("designInfo")
    return Design(
        study_type=node.string("studyType", required=True),
        phases=node.strings("phases"),
        allocation=info.string("allocation"),
        intervention_model=info.string("interventionModel"),
        primary_purpose=info.string("primaryPurpose"),
        masking=info.table("maskingInfo").string("masking"),
        enrollment_target=node.table("enrollmentInfo").integer("count", minimum=1),
    )


def _interventions(node: KeyedReader) -> tuple[Intervention, ...]:
    """The registry has no structured route or dose: those stay empty for the site to fill in."""
    return tuple(
        Intervention(
            name=item.string("name", required=True),
            type=item.string("type", required=True),
            description=_unescape(item.string("description")),
        )
        for item in node.tables("interventions")
    )


def _arms(node: KeyedReader, known: set[str]) -> tuple[Arm, ...]:
    return tuple(
        Arm(
            label=item.string("label", required=True),
            type=item.string("type"),
            description=_unescape(item.string("description")),
            interventions=_arm_interventions(item.strings("interventionNames"), known),
        )
        for item in node.tables("armGroups")
    )


def _arm_interventions(names: Sequence[str], known: set[str]) -> tuple[str, ...]:
    """Arm groups write "Drug: GET73"; keep the bare names that match an intervention, drop the rest."""
    found: list[str] = []
    for name in names:
        _, colon, bare = name.partition(": ")
        match = next((candidate for candidate in (bare.strip() if colon else "", name) if candidate in known), None)
        if match is not None and match not in found:
            found.append(match)
    return tuple(found)


def _age(node: KeyedReader, name: str) -> int | None:
    """Completed years from "20 Years", "6 Months", "18 Weeks", ...; "N/A" or missing is no limit."""
    value = node.string(name)
    if not value or value.upper() == "N/A":
        return None
    match = _AGE.fullmatch(value)
    if match is None:
        raise node.fail(name, f"must be an age like '18 Years' or '6 Months', not {value!r}")
    count, unit = int(match[1]), match[2].lower()
    if unit == "year":
        return count
    if unit == "month":
        return count // 12
    days = {"week": count * 7, "day": count, "hour": count // 24, "minute": count // 1440}[unit]
    return days * 4 // 1461  # 365.25 days a year


def _eligibility(node: KeyedReader) -> Eligibility:
    minimum, maximum = _age(node, "minimumAge"), _age(node, "maximumAge")
    if minimum is not None and maximum is not None and maximum < minimum:
        raise node.fail("maximumAge", f"{maximum} years is below the minimum age of {minimum} years")
    sex = node.string("sex").upper() or "ALL"
    if sex not in _SEXES:
        raise node.fail("sex", f"must be ALL, FEMALE or MALE, not {sex!r}")
    text = node.string("eligibilityCriteria")
    if not text:
        raise node.fail("eligibilityCriteria", "is missing: the record publishes no eligibility criteria")
    inclusion, exclusion = split_criteria(text)
    if not inclusion:
        raise node.fail("eligibilityCriteria", "has no inclusion criterion")
    return Eligibility(
        minimum_age_years=minimum,
        maximum_age_years=maximum,
        sex=sex,
        healthy_volunteers=node.boolean("healthyVolunteers"),
        inclusion=tuple(Criterion(f"IN{number}", Text(item)) for number, item in enumerate(inclusion, 1)),
        exclusion=tuple(Criterion(f"EX{number}", Text(item)) for number, item in enumerate(exclusion, 1)),
    )


def _sponsor(node: KeyedReader) -> Sponsor:
    return Sponsor(
        lead=node.table("leadSponsor").string("name", required=True),
        lead_class=node.table("leadSponsor").string("class"),
        collaborators=tuple(item.string("name", required=True) for item in node.tables("collaborators")),
        responsible_party=node.table("responsibleParty").string("type"),
    )


def _people(nodes: Sequence[KeyedReader]) -> tuple[Person, ...]:
    return tuple(person for item in nodes if (person := _person(item)))


def _person(node: KeyedReader) -> Person | None:
    """A contact; the model needs a name, so a nameless registry entry is left out."""
    name = node.string("name")
    if not name:
        return None
    phone, extension = node.string("phone"), node.string("phoneExt")
    if extension:
        phone = f"{phone} ext. {extension}".strip()
    return Person(
        name=name,
        role=node.string("role"),
        phone=phone,
        email=node.string("email"),
        affiliation=node.string("affiliation"),
    )


def _location(node: KeyedReader) -> Location | None:
    """A site; without a facility name the place ("Haikou, China") stands in for it."""
    city, state, country = node.string("city"), node.string("state"), node.string("country")
    facility = node.string("facility") or ", ".join(part for part in (city, state, country) if part)
    if not facility:
        return None
    return Location(
        facility=facility,
        city=city,
        country=country,
        state=state,
        status=node.string("status"),
        contacts=_people(node.tables("contacts")),
    )


# -- eligibility criteria text ------------------------------------------------------------------


def split_criteria(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The inclusion and exclusion items of the registry's free-text criteria, in order.

    Headings ("Inclusion Criteria:", "KEY EXCLUSION CRITERIA", ...) switch between the two lists;
    text before any heading counts as inclusion.  Within a list, bullets and numbers start items,
    indented sub-bullets and continuation lines join the item above.
    """
    sections: dict[str, list[str]] = {"inclusion": [], "exclusion": []}
    current = sections["inclusion"]
    for line in text.expandtabs(4).splitlines():
        heading = _heading(line)
        if heading is None:
            current.append(line.rstrip())
            continue
        kind, inline = heading
        current = sections[kind]
        current.append("")
        if inline:
            current.append(inline)
    return _items(sections["inclusion"]), _items(sections["exclusion"])


def _heading(line: str) -> tuple[str, str] | None:
    """("inclusion" or "exclusion", text after the colon) if ``line`` is a criteria heading.

    A heading is short: "Inclusion criteria include adults" is a criterion, not a heading.
    """
    match = _HEADING.fullmatch(line.strip())
    if match is None:
        return None
    kind = (match["kind"] or match["kind2"]).lower()
    named = bool(match["word"] or match["kind2"])  # says "criteria", not just "Inclusion"
    head, colon, inline = match["rest"].partition(":")
    head = head.strip(" *_")
    if colon:
        if len(head) > 60 or (head and not named):
            return None
        return kind, inline.strip(" *_")
    if not head or (named and _HEADING_TAIL.fullmatch(head)):
        return kind, ""
    return None


def _items(lines: Sequence[str]) -> tuple[str, ...]:
    """Split one list's lines into items; a list without any bullet has one item per line."""
    if not any(_BULLET.fullmatch(line) for line in lines):
        return tuple(cleaned for line in lines if (cleaned := _clean(line)))
    items: list[str] = []
    top_indent: int | None = None  # where this list's own bullets start
    top_letter = False
    after_blank = True
    for line in lines:
        if not line.strip():
            after_blank = True
            continue
        indent = len(line) - len(line.lstrip())
        bullet = _BULLET.fullmatch(line)
        text = _clean(bullet["text"] if bullet else line)
        if not text:
            continue
        if bullet and top_indent is None:
            top_indent, top_letter = indent, bool(_LETTER_MARK.fullmatch(bullet["mark"]))
            items.append(text)
        elif bullet and top_indent is not None and _is_sub_bullet(indent, bullet["mark"], top_indent, top_letter):
            items[-1] = _join_sub_item(items[-1], text)
        elif bullet or not items or (after_blank and indent == 0):
            items.append(text)
        else:
            items[-1] = f"{items[-1]} {text}"
        after_blank = False
    return tuple(items)


def _is_sub_bullet(indent: int, mark: str, top_indent: int, top_letter: bool) -> bool:
    """Deeper than the list's own bullets, or "a." under a numbered list."""
    return indent > top_indent or (not top_letter and bool(_LETTER_MARK.fullmatch(mark)))


def _join_sub_item(parent: str, text: str) -> str:
    """Join a sub-bullet to its item: after "function:" or "or" with a space, otherwise with "; "."""
    if _OPEN_ENDING.search(parent):
        return f"{parent} {text}"
    return f"{parent}; {text}"


def _clean(text: str) -> str:
    """Unescaped text with runs of white space made single."""
    return " ".join(_unescape(text).split())
