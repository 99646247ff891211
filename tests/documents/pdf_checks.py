"""Checks every printed document must pass: each page uses fonts, and every font is embedded."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader


def fonts_of(resources: Any) -> Iterator[Any]:
    """Every font a resource dictionary uses, including those of form XObjects drawn with it."""
    if resources is None:
        return
    resources = resources.get_object()
    for font in (resources.get("/Font") or {}).values():
        yield font.get_object()
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield from fonts_of(xobject.get("/Resources"))


def is_embedded(font: Any) -> bool:
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:  # a standard 14 font such as Helvetica: no descriptor, nothing embedded
        return False
    return any(key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def assert_fonts_embedded(reader: PdfReader) -> None:
    """Every page uses at least one font, and every font is embedded (no unembedded Helvetica anywhere)."""
    for number, page in enumerate(reader.pages, start=1):
        fonts = list(fonts_of(page.get("/Resources")))
        assert fonts, f"page {number} uses no font"
        for font in fonts:
            assert is_embedded(font), font.get("/BaseFont")
            assert "Helvetica" not in str(font.get("/BaseFont"))


def assert_pdffonts_embedded(pdf: bytes, tmp_path: Path) -> None:
    """poppler's pdffonts, the tool a reviewer would use, says "yes" in the emb column for every font."""
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    target = tmp_path / "document.pdf"
    target.write_bytes(pdf)
    listing = subprocess.run([pdffonts, str(target)], check=True, capture_output=True, text=True).stdout
    lines = listing.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("---"))
    fonts = [line.split() for line in lines[rule + 1 :] if line.strip()]
    assert fonts, listing
    for fields in fonts:
        assert fields[-5] == "yes", (
            listing
        )  # name type encoding emb sub uni object generation: emb is fifth from the end


def pdf_bytes(reader: PdfReader) -> bytes:
    reader.stream.seek(0)
    return bytes(reader.stream.read())
