"""Consent documents as the site keeps them: versioned UTF-8 text files in a small markup.

The ethics committee approves a consent text word for word, so the app prints the site's text and never
composes its own: one file per version under ``resources/consent/<NCT id>/`` (the format is described in
``resources/consent/README.md``). A file that cannot be used raises :class:`ProtocolError` naming the file
and the line, so the coordinator can fix it before a subject signs the wrong thing.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from coordinator_app.domain.errors import ProtocolError
from coordinator_app.domain.protocol import Text

LANGUAGE = "zh+en"  # every printed document carries Chinese and English text
MAX_VERSION_LENGTH = 40  # the width of consents.document_version and consent_prints.document_version

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}")
_HEADER_LINE = re.compile(r"^([a-z_.]+):(.*)$")
_HEADER_KEYS = ("version", "status", "approved_on", "language", "title.en", "title.zh")
_REQUIRED_KEYS = ("version", "status", "language", "title.en", "title.zh")


class ConsentStatus(enum.StrEnum):
    """Where a version stands with the ethics committee."""

    TEMPLATE = "template"  # the app's own text, in use only until the site adds its approved one
    DRAFT = "draft"  # submitted or being written: printable only as a watermarked preview
    ACTIVE = "active"  # approved and in use
    SUPERSEDED = "superseded"  # approved once, replaced by a later version: never printed again


_APPROVED = (ConsentStatus.ACTIVE, ConsentStatus.SUPERSEDED)


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


Block = Paragraph | BulletList


@dataclass(frozen=True)
class Section:
    heading: Text
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ConsentDocument:
    """One version of the consent text, as parsed from its file."""

    version: str
    status: ConsentStatus
    approved_on: dt.date | None
    language: str
    title: Text
    sections: tuple[Section, ...]
    source: str = field(default="", compare=False)

    def placeholders(self) -> list[str]:
        """The ``{{...}}`` gaps left for the site to fill, in order (a template has some; an approved text none)."""
        found: list[str] = []
        for section in self.sections:
            for block in section.blocks:
                texts = block.items if isinstance(block, BulletList) else (block.text,)
                for text in texts:
                    found += _PLACEHOLDER.findall(text)
        return found


def split_placeholders(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_placeholder) pairs, so a printer can show the gaps for what they are."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _PLACEHOLDER.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((match.group(1), True))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def has_chinese(text: str) -> bool:
    return _CJK.search(text) is not None


# -- parsing ---------------------------------------------------------------------------------------------


def parse_consent_document(text: str, source: str = "") -> ConsentDocument:
    """Parse one consent file; a problem raises :class:`ProtocolError` with ``key`` "line N"."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header, body_start = _parse_header(lines, source)
    status = _status(header, source)
    approved_on = _approved_on(header, status, source)
    version = _version(header, source)
    language = header["language"][1]
    if language != LANGUAGE:
        problem = f"language must be {LANGUAGE!r} (Chinese and English), not {language!r}"
        raise _fail(header["language"][0], problem, source)
    title = Text(header["title.en"][1], header["title.zh"][1])
    if has_chinese(title.en) or not has_chinese(title.zh):
        line = header["title.en"][0] if has_chinese(title.en) else header["title.zh"][0]
        raise _fail(line, "title.en is the English title and title.zh the Chinese one", source)
    sections = _Body(source).parse(lines, body_start)
    if status in _APPROVED:
        _check_no_placeholders(lines, body_start, status, source)
    return ConsentDocument(version, status, approved_on, language, title, sections, source)


def _fail(line: int, problem: str, source: str) -> ProtocolError:
    return ProtocolError(f"line {line}", problem, source)


def _parse_header(lines: Sequence[str], source: str) -> tuple[dict[str, tuple[int, str]], int]:
    """The ``key: value`` lines up to the first blank line, by key, each with its line number."""
    header: dict[str, tuple[int, str]] = {}
    number = 0
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            break
        match = _HEADER_LINE.match(line)
        if match is None:
            raise _fail(number, f"expected a header line 'key: value' (keys: {', '.join(_HEADER_KEYS)})", source)
        key, value = match.group(1), match.group(2).strip()
        if key not in _HEADER_KEYS:
            raise _fail(number, f"unknown header key {key!r} (keys: {', '.join(_HEADER_KEYS)})", source)
        if key in header:
            raise _fail(number, f"{key!r} is given twice (first on line {header[key][0]})", source)
        header[key] = (number, value)
    else:
        number += 1  # no blank line: the header ran to the end of the file
    if not header:
        raise _fail(1, "the file must start with its header (version:, status:, ...)", source)
    for key in _REQUIRED_KEYS:
        if not header.get(key, (0, ""))[1]:
            where = header[key][0] if key in header else number
            raise _fail(where, f"the header needs {key!r}", source)
    return header, number


def _status(header: dict[str, tuple[int, str]], source: str) -> ConsentStatus:
    line, value = header["status"]
    try:
        return ConsentStatus(value)
    except ValueError:
        known = ", ".join(s.value for s in ConsentStatus)
        raise _fail(line, f"status {value!r} is not one of {known}", source) from None


def _approved_on(header: dict[str, tuple[int, str]], status: ConsentStatus, source: str) -> dt.date | None:
    line, value = header.get("approved_on", (header["status"][0], ""))
    if not value:
        if status in _APPROVED:
            raise _fail(line, f"a {status} version needs approved_on: YYYY-MM-DD (the ethics approval date)", source)
        return None
    if status not in _APPROVED:
        problem = f"a {status} version is not approved: approved_on belongs to active and superseded ones"
        raise _fail(line, problem, source)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(line, f"approved_on {value!r} is not a date YYYY-MM-DD", source) from None


def _version(header: dict[str, tuple[int, str]], source: str) -> str:
    line, value = header["version"]
    if len(value) > MAX_VERSION_LENGTH or not value.isprintable():
        raise _fail(line, f"version must be printable text of at most {MAX_VERSION_LENGTH} characters", source)
    return value


def _check_no_placeholders(lines: Sequence[str], body_start: int, status: ConsentStatus, source: str) -> None:
    for number, line in enumerate(lines[body_start:], start=body_start + 1):
        match = _PLACEHOLDER.search(line)
        if match:
            raise _fail(number, f"an approved ({status}) text still has the gap {match.group(0)} to fill", source)


class _Body:
    """The body's state while reading it line by line: sections of paragraphs and bullet lists."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.sections: list[Section] = []
        self.heading: Text | None = None
        self.heading_line = 0
        self.heading_open = False  # the heading was the previous line: a second heading line adds its language
        self.blocks: list[Block] = []
        self.paragraph: list[str] = []
        self.items: list[str] = []

    def parse(self, lines: Sequence[str], start: int) -> tuple[Section, ...]:
        for number, raw in enumerate(lines[start:], start=start + 1):
            self._line(number, raw.rstrip())
        self._close_section()
        if not self.sections:
            problem = "the body has no sections: start one with '# English / 中文'"
            raise _fail(min(start + 1, len(lines)), problem, self.source)
        return tuple(self.sections)

    def _line(self, number: int, line: str) -> None:
        if not line.strip():
            self._flush()
            self.heading_open = False
        elif line.startswith("#"):
            self._heading(number, line)
        elif self.heading is None:
            raise _fail(number, "text before the first heading: start a section with '# English / 中文'", self.source)
        elif line.startswith("- "):
            self._flush_paragraph()
            self.items.append(line[2:].strip())
            self.heading_open = False
        elif self.items:  # a continuation of the bullet item above
            self.items[-1] = _join(self.items[-1], line.strip())
        else:
            self.paragraph.append(line.strip())
            self.heading_open = False

    def _heading(self, number: int, line: str) -> None:
        if not line.startswith("# ") or not line[2:].strip():
            raise _fail(number, "a heading is '# ' and its text (one level only)", self.source)
        text = line[2:].strip()
        if self.heading is not None and self.heading_open:  # the heading's second language, on the next line
            self.heading = _merge_heading(self.heading, text, number, self.source)
            self.heading_open = False
            return
        self._close_section()
        self.heading, self.heading_line, self.heading_open = _heading_text(text), number, True

    def _close_section(self) -> None:
        self._flush()
        if self.heading is None:
            return
        where = f"section {self.heading.en or self.heading.zh!r} (line {self.heading_line})"
        if not self.heading.en or not self.heading.zh:
            raise _fail(self.heading_line, "a heading needs English and Chinese: '# English / 中文'", self.source)
        if not self.blocks:
            raise _fail(self.heading_line, f"{where} has no text", self.source)
        texts = [text for block in self.blocks for text in _texts(block)]
        if not any(has_chinese(text) for text in texts):
            raise _fail(self.heading_line, f"{where} has no Chinese text", self.source)
        if all(has_chinese(text) for text in texts):
            raise _fail(self.heading_line, f"{where} has no English text", self.source)
        self.sections.append(Section(self.heading, tuple(self.blocks)))
        self.heading, self.blocks = None, []

    def _flush(self) -> None:
        self._flush_paragraph()
        if self.items:
            self.blocks.append(BulletList(tuple(self.items)))
            self.items = []

    def _flush_paragraph(self) -> None:
        if self.paragraph:
            text = self.paragraph[0]
            for line in self.paragraph[1:]:
                text = _join(text, line)
            self.blocks.append(Paragraph(text))
            self.paragraph = []


def _texts(block: Block) -> tuple[str, ...]:
    return block.items if isinstance(block, BulletList) else (block.text,)


def _join(text: str, line: str) -> str:
    """Two lines of one paragraph: Chinese runs on without a space, English words get one."""
    if text and line and (has_chinese(text[-1]) or has_chinese(line[0])):
        return text + line
    return f"{text} {line}"


def _heading_text(text: str) -> Text:
    """ "English / 中文" split at the first " / "; a single language goes where its script says."""
    if " / " in text:
        first, second = (part.strip() for part in text.split(" / ", 1))
        if has_chinese(first) and not has_chinese(second):
            return Text(second, first)
        return Text(first, second)
    return Text("", text) if has_chinese(text) else Text(text, "")


def _merge_heading(heading: Text, text: str, number: int, source: str) -> Text:
    if has_chinese(text) and not heading.zh:
        return Text(heading.en, text)
    if not has_chinese(text) and not heading.en:
        return Text(text, heading.zh)
    raise _fail(number, "two heading lines in a row must be one English and one Chinese", source)


# -- which version is in use -----------------------------------------------------------------------------


def active_version(documents: Iterable[ConsentDocument]) -> ConsentDocument:
    """The version subjects sign now: the active one approved last, else the app's template. Drafts never are.

    Two active versions approved on the same day cannot be told apart, so that is an error the site must fix
    by marking the older one superseded.
    """
    documents = list(documents)
    active = [d for d in documents if d.status is ConsentStatus.ACTIVE and d.approved_on is not None]
    if active:
        latest = max(d.approved_on for d in active if d.approved_on is not None)
        newest = [d for d in active if d.approved_on == latest]
        if len(newest) > 1:
            names = ", ".join(repr(d.version) for d in newest)
            raise ProtocolError(
                "status", f"versions {names} are both active and approved on {latest}: mark the older superseded"
            )
        return newest[0]
    templates = [d for d in documents if d.status is ConsentStatus.TEMPLATE]
    if len(templates) == 1:
        return templates[0]
    if templates:
        names = ", ".join(repr(d.version) for d in templates)
        raise ProtocolError("status", f"more than one template ({names}) and no active version")
    raise ProtocolError("status", "no active consent version (and no template): add the approved text")
