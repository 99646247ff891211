"""What every CSV import shares: reading the file, and reporting every problem by line and column."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from coordinator_app.domain.errors import cut, shown


@dataclass(frozen=True)
class ImportProblem:
    line: int
    column: str
    value: str
    problem: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {cut(self.column, 60)}" if self.column else "")
        return f"{where}: {shown(self.value)}: {self.problem}" if self.value else f"{where}: {self.problem}"


class CsvImportError(ValueError):
    """The file has problems; nothing was written."""

    def __init__(self, source: str, problems: list[ImportProblem]) -> None:
        self.source = source
        self.problems = problems
        listing = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{source}: {len(problems)} problem(s), nothing was imported:\n{listing}")


def read_text(path: Path) -> str:
    """The file as text: UTF-8, with or without the BOM spreadsheets write."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise CsvImportError(str(path), [ImportProblem(0, "", "", f"cannot be read ({error})")]) from None
    except UnicodeDecodeError as error:
        problem = ImportProblem(0, "", "", f"is not UTF-8 text (byte {error.start}); save the sheet as CSV UTF-8")
        raise CsvImportError(str(path), [problem]) from None


def read_rows(
    text: str, known: set[str], required: tuple[str, ...], problems: list[ImportProblem]
) -> Iterator[tuple[int, dict[str, str]]]:
    """Each data row by line number, after checking the header; every problem goes to ``problems``."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as error:
        problems.append(ImportProblem(reader.line_num, "", "", f"is not readable as CSV ({error})"))
        return
    if header is None:
        problems.append(ImportProblem(1, "", "", "the file is empty: a header row is needed"))
        return
    columns = [name.strip() for name in header]
    before = len(problems)
    for index, name in enumerate(columns):
        if not name:
            problems.append(ImportProblem(1, f"#{index + 1}", "", "has no name in the header row"))
        elif name not in known:
            problems.append(ImportProblem(1, name, "", "is not a known column"))
        elif name in columns[:index]:
            problems.append(ImportProblem(1, name, "", "appears more than once"))
    for name in required:
        if name not in columns:
            problems.append(ImportProblem(1, name, "", "is missing from the header"))
    if len(problems) > before:
        return
    rows = 0
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue  # blank lines, as spreadsheets leave them at the end
            rows += 1
            if len(cells) != len(columns):
                problems.append(
                    ImportProblem(
                        reader.line_num, "", "", f"has {len(cells)} cells but the header has {len(columns)} columns"
                    )
                )
                continue
            yield reader.line_num, {name: cell.strip() for name, cell in zip(columns, cells, strict=True)}
    except csv.Error as error:  # a cell past the csv module's limit (131072 characters), a stray quote...
        problems.append(ImportProblem(reader.line_num, "", "", f"is not readable as CSV ({error})"))
        return
    if rows == 0:
        problems.append(ImportProblem(2, "", "", "the file has a header but no rows"))
