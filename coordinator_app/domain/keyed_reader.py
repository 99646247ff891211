"""Typed reading of nested documents (parsed TOML or JSON) with errors that say where the problem is.

Both the protocol file loader and the ClinicalTrials.gov importer read untrusted nested data;
every error they raise names the source, the dotted key path and the problem, so a person can
open the file and fix it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, overload

from coordinator_app.domain.errors import ProtocolError


def kind_of(value: object) -> str:
    """A plain name for a value's type, for error messages people can act on."""
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}"
    return repr(value)


class KeyedReader:
    """One table of a document and its key path. Missing optional values read as empty."""

    def __init__(self, data: Mapping[str, object], path: str = "", source: str = "") -> None:
        self.data = data
        self.path = path
        self.source = source
        self._read: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def fail(self, name: str, problem: str) -> ProtocolError:
        return ProtocolError(self.key(name), problem, self.source)

    def value(self, name: str, required: bool = False) -> object:
        """The raw value (None when absent), for types this class does not know."""
        self._read.add(name)
        value = self.data.get(name)
        if value is None and required:
            raise self.fail(name, "is missing")
        return value

    def string(self, name: str, required: bool = False) -> str:
        """Stripped text; required text must not be blank."""
        value = self.value(name, required)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.fail(name, f"must be text, not {value!r}")
        if required and not value.strip():
            raise self.fail(name, "must not be empty")
        return value.strip()

    @overload
    def integer(self, name: str, required: Literal[True] = True, minimum: int | None = None) -> int: ...
    @overload
    def integer(self, name: str, required: bool, minimum: int | None = None) -> int | None: ...
    def integer(self, name: str, required: bool = True, minimum: int | None = None) -> int | None:
        value = self.value(name, required)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(name, f"must be a whole number, not {value!r}")
        if minimum is not None and value < minimum:
            raise self.fail(name, f"must be at least {minimum}, not {value}")
        return value

    def boolean(self, name: str, default: bool = False) -> bool:
        value = self.value(name, False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.fail(name, f"must be true or false, not {value!r}")
        return value

    def strings(self, name: str) -> tuple[str, ...]:
        value = self.value(name, False)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail(name, f"must be a list of texts, not {value!r}")
        return tuple(item.strip() for item in value)

    def table(self, name: str, required: bool = False) -> KeyedReader:
        """A nested table; a missing optional one reads as empty (registries leave whole sections out)."""
        value = self.value(name, required)
        if value is None:
            value = {}
        if not isinstance(value, Mapping):
            raise self.fail(name, f"must be a table, not {kind_of(value)}")
        return KeyedReader(value, self.key(name), self.source)

    def tables(self, name: str, required: bool = False) -> list[KeyedReader]:
        value = self.value(name, required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(name, f"must be a list of tables, not {kind_of(value)}")
        readers = []
        for index, item in enumerate(value):
            if not isinstance(item, Mapping):
                raise self.fail(f"{name}[{index}]", f"must be a table, not {kind_of(item)}")
            readers.append(KeyedReader(item, f"{self.key(name)}[{index}]", self.source))
        return readers

    def finish(self) -> None:
        """Refuse keys nobody read: in a hand-written file a misspelt key must not be silently ignored."""
        unknown = sorted(set(self.data) - self._read)
        if unknown:
            raise self.fail(unknown[0], "is not a known key (misspelt?)")
