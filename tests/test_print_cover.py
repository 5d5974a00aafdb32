"""The cover's logo never covers the organization's name, whatever the logo's shape.

Real PDFs: the logo's box comes from the page's content stream (pypdf), the words'
boxes from poppler's `pdftotext -bbox`; no word of the cover may touch the logo.
"""

from __future__ import annotations

import re
import struct
import subprocess
import zlib
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from generator.pipeline import load_content
from generator.render.print import build_pdfs
from generator.render.print.build import DEFAULT_TIMESTAMP

pytestmark = pytest.mark.slow

# Three lines or more beside a logo on Letter paper.
ORGANIZATION = ("Centre hospitalier universitaire Sainte-Justine, Direction des soins infirmiers et de la "
                "qualité, Bureau du partenariat patients et familles")
CM = 72 / 2.54
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in PDF points, y up


def _png(width: int, height: int) -> bytes:
    """A plain red RGB PNG (no imaging library needed)."""
    rows = b"".join(b"\x00" + b"\xc8\x1e\x1e" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def _multiply(a: list[float], b: list[float]) -> list[float]:
    """PDF matrix product a × b, matrices as [a b c d e f]."""
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def _image_boxes(reader: PdfReader, page_number: int) -> list[Box]:
    """Where each image XObject is drawn on the page: the unit square under the current matrix."""
    page = reader.pages[page_number]
    xobjects = page["/Resources"].get_object().get("/XObject", {})
    images = {name for name, ref in xobjects.items() if ref.get_object()["/Subtype"] == "/Image"}
    matrix, stack, boxes = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], [], []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"q":
            stack.append(matrix)
        elif operator == b"Q":
            matrix = stack.pop()
        elif operator == b"cm":
            matrix = _multiply([float(v) for v in operands], matrix)
        elif operator == b"Do" and operands[0] in images:
            corners = [(matrix[0] * x + matrix[2] * y + matrix[4], matrix[1] * x + matrix[3] * y + matrix[5])
                       for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
            xs, ys = [c[0] for c in corners], [c[1] for c in corners]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def _words(pdf: Path, height: float) -> list[tuple[str, Box]]:
    """Every word of the cover with its box (poppler measures glyphs; y turned upward)."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', html)
    return [(unescape(word), (float(x0), height - float(y1), float(x1), height - float(y0)))
            for x0, y0, x1, y1, word in found]


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize(("logo", "paper"), [((900, 90), "us-letter"), ((90, 400), "us-letter"),
                                             ((300, 300), "us-letter"), ((900, 90), "a4")],
                         ids=["wide-letter", "tall-letter", "square-letter", "wide-a4"])
def test_logo_never_overlaps_the_organization_name(
        mini_copy: Path, tmp_path: Path, logo: tuple[int, int], paper: str) -> None:
    (mini_copy / "content/logo.png").write_bytes(_png(*logo))
    site = mini_copy / "content/site.yaml"
    text = site.read_text(encoding="utf-8").replace("organization: Test Health Centre",
                                                    f"organization: {ORGANIZATION}")
    site.write_text(text + f"logo: content/logo.png\npaper: {paper}\n", encoding="utf-8")
    loaded = load_content(mini_copy)
    assert loaded.content is not None, loaded.issues
    build_pdfs(loaded.content, tmp_path / "out", jobs=1, timestamp=DEFAULT_TIMESTAMP, project=mini_copy)
    pdf = tmp_path / "out/en/documents/pa-onboarding.pdf"
    reader = PdfReader(pdf)
    height = float(reader.pages[0].mediabox.height)

    [box] = _image_boxes(reader, 0)  # the logo, once
    words = _words(pdf, height)
    touching = [w for w, b in words if _overlap(b, box)]
    assert touching == []
    name = [(w, b) for w, b in words if b[1] > box[1] - 3 * CM and w.isupper()]
    assert "".join(w for w, _ in name) == ORGANIZATION.upper().replace(" ", "")  # the whole name, in the band
    assert len({round(b[1]) for _, b in name}) >= 3, "the name takes three lines or more"
    assert all(b[2] < box[0] for _, b in name), "the name stays left of the logo"

    width_cm, height_cm = (box[2] - box[0]) / CM, (box[3] - box[1]) / CM
    assert width_cm <= 5.51 and height_cm <= 1.61, (width_cm, height_cm)
    assert abs(width_cm / height_cm - logo[0] / logo[1]) < 0.02  # its own shape, not stretched
    assert box[3] > height * 0.75, "the logo is at the top of the cover"
