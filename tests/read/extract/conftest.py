"""Fixture factories that build small real files in tmp_path (no binary fixtures)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Callable, Iterable, Sequence

import pytest

# A draw operation on a PDF page: (x, y_from_top, text) or (x, y_from_top, text, font_size)
PdfOp = Sequence


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """make_pdf(name, pages, encrypt=None, font="Helvetica") -> path.

    ``pages`` is a list of pages; each page a list of (x, y_from_top, text[, size[, font]]) drawn in
    that order (so a test controls the content-stream order), or the string "IMAGE" to
    draw a small raster image instead of text.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    def build(name: str, pages: Iterable, encrypt=None, font: str = "Helvetica") -> Path:
        path = tmp_path / name
        c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
        height = A4[1]
        for ops in pages:
            if ops == "IMAGE":
                _draw_image(c)
            else:
                for op in ops:
                    x, y, text = op[:3]
                    c.setFont(op[4] if len(op) > 4 else font, op[3] if len(op) > 3 else 11)
                    c.drawString(x, height - y, text)
            c.showPage()
        c.save()
        return path

    return build


def _draw_image(c) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (60, 40), "white")
    for x in range(10, 50):
        img.putpixel((x, 20), (0, 0, 0))
    c.drawImage(ImageReader(img), 72, 500, width=300, height=200)


@pytest.fixture
def wrap() -> Callable[..., list[str]]:
    """wrap(text, width=60) -> lines: greedy word wrap, for building PDF paragraphs."""
    return _wrap_lines


def _wrap_lines(text: str, width: int = 60) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    if cur:
        lines.append(cur)
    return lines


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    """make_docx(name, build) -> path; ``build(document)`` fills a python-docx Document."""
    import docx

    def build(name: str, fill: Callable) -> Path:
        document = docx.Document()
        fill(document)
        path = tmp_path / name
        document.save(str(path))
        return path

    return build


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """write_file(name, data) -> path; str data is written as UTF-8."""

    def write(name: str, data: bytes | str) -> Path:
        path = tmp_path / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return write


def zip_of(members: dict[str, bytes]) -> bytes:
    """A deflated zip holding ``members`` (name -> bytes)."""
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.fixture
def zip_bytes() -> Callable[[dict[str, bytes]], bytes]:
    return zip_of


def zero_page_pdf() -> bytes:
    """A valid PDF with a page tree but no pages."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
