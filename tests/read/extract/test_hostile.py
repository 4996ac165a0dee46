"""A folder of hostile files, built here, each read with the expected status in bounded time and memory.

Nothing is stored in the repository: every file is made in tmp_path. The zip
bombs are written with a streaming compressor (1 MB of zeros at a time), so
the test never holds the bomb's expanded size in memory either.
"""

from __future__ import annotations

import io
import resource
import struct
import time
import zipfile
from pathlib import Path

import pytest

from syllabus_audit.read.extract import extract_file, limits
from syllabus_audit.types import CORRUPT, EMPTY, ENCRYPTED, OK, STATUSES, TOO_LARGE, UNSUPPORTED
from tests.read.extract.conftest import zero_page_pdf, zip_of

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOC_XML = (
    f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'
    "<w:p><w:r><w:t>Building the therapeutic alliance with clients.</w:t></w:r></w:p>"
    "</w:body></w:document>"
).encode()
BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + b"".join(
        b'<!ENTITY lol%d "%s">\n' % (i, b"".join(b"&lol%s;" % (str(i - 1).encode() if i > 1 else b"") for _ in range(10)))
        for i in range(1, 10)
    )
    + b"]>\n"
    + f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Rapport &lol9; end</w:t></w:r></w:p>'.encode()
    + b"<w:p><w:r><w:t>Second paragraph.</w:t></w:r></w:p></w:body></w:document>"
)
XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    + f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Secret: &xxe; end</w:t></w:r></w:p>'.encode()
    + b"</w:body></w:document>"
)


_docx = zip_of


def _zero_bomb(path: Path, name: str, megabytes: int) -> None:
    """A zip whose member expands to ``megabytes`` MB of zeros, written 1 MB at a time."""
    chunk = bytes(2**20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        with zf.open(name, "w", force_zip64=True) as fh:
            for _ in range(megabytes):
                fh.write(chunk)


def _lying_header(data: bytes, member: str, declared: int) -> bytes:
    """Patch the central-directory uncompressed size of ``member`` to ``declared``."""
    out = bytearray(data)
    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        name_len = struct.unpack("<H", data[pos + 28 : pos + 30])[0]
        if data[pos + 46 : pos + 46 + name_len] == member.encode():
            out[pos + 24 : pos + 28] = struct.pack("<I", declared)
        pos += 4
    return bytes(out)


def _pdf(text: str, encrypt=None) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=encrypt)
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def _python_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """Build the hostile folder once; returns (folder, {file name: expected status})."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    folder = tmp_path_factory.mktemp("hostile")
    expected: dict[str, str] = {}

    def put(name: str, data: bytes, status: str) -> None:
        (folder / name).write_bytes(data)
        expected[name] = status

    pdf = _pdf("Counselling skills and the working alliance.")
    put("truncated.pdf", pdf[: len(pdf) // 2], CORRUPT)
    put("corrupt.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40, CORRUPT)
    put("encrypted-password.pdf", _pdf("Hidden", StandardEncryption("secret", ownerPassword="o")), ENCRYPTED)
    put("encrypted-empty-user-password.pdf", _pdf("Readable text", StandardEncryption("", ownerPassword="o")), OK)
    put("zero-pages.pdf", zero_page_pdf(), EMPTY)

    docx = _python_docx("Empathy and genuineness.")
    put("truncated.docx", docx[: len(docx) // 2], CORRUPT)
    put("corrupt-xml.docx", _docx({"word/document.xml": b"<w:document><w:body><w:p>"}), CORRUPT)
    put("not-a-zip.docx", b"PK\x03\x04" + bytes(300), CORRUPT)
    put("billion-laughs.docx", _docx({"word/document.xml": BILLION_LAUGHS}), CORRUPT)
    put("external-entity.docx", _docx({"word/document.xml": XXE}), CORRUPT)
    _zero_bomb(folder / "zip-bomb.docx", "word/document.xml", 1100)  # 1.1 GB declared, ~5 MB on disk
    expected["zip-bomb.docx"] = CORRUPT
    _zero_bomb(folder / "zip-bomb-part.pptx", "ppt/presentation.xml", 80)  # one part over 50 MB
    expected["zip-bomb-part.pptx"] = CORRUPT
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("word/document.xml", DOC_XML)
        for i in range(limits.MAX_ZIP_MEMBERS + 1):
            zf.writestr(f"x/{i}", b"")
    put("many-members.docx", many.getvalue(), CORRUPT)
    put("lying-header.docx", _lying_header(_docx({"word/document.xml": DOC_XML * 50}), "word/document.xml", 100), CORRUPT)
    ods_bomb = folder / "zip-bomb.odt"
    _zero_bomb(ods_bomb, "content.xml", 60)
    expected["zip-bomb.odt"] = CORRUPT

    put("binary.txt", bytes(range(256)) * 16, UNSUPPORTED)
    put("empty.txt", b"", EMPTY)
    put("empty.docx", b"", EMPTY)
    deep = "<html><body>" + "<div>" * 10000 + "deep text" + "</div>" * 10000 + "</body></html>"
    put("deep.html", deep.encode(), OK)
    put("deep.rtf", b"{\\rtf1 " + b"{" * 100_000 + b"deep rtf text" + b"}" * 100_000 + b"}", OK)
    put("unbalanced.rtf", b"{\\rtf1 {{{ unclosed groups \\par \\'", OK)
    put("binary.rtf", b"{\\rtf1 text {\\pict\\bin4000 " + bytes(range(256)) * 16 + b"} more\\par}", OK)
    return folder, expected


def test_hostile_folder_every_file_gets_its_status_in_bounded_time_and_memory(hostile_folder, capfd):
    folder, expected = hostile_folder
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    start = time.perf_counter()
    got = {}
    for path in sorted(folder.iterdir()):
        doc = extract_file(path, path.name)
        assert doc.status in STATUSES and doc.path == path.name
        assert doc.status == OK or doc.reason, path.name
        got[path.name] = (doc.status, doc.reason)
    elapsed = time.perf_counter() - start
    growth_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert {name: status for name, (status, _) in got.items()} == expected, got
    assert elapsed < 20, f"hostile folder took {elapsed:.1f} s"  # a sanity guard, not a benchmark
    assert growth_mb < 200, f"max RSS grew by {growth_mb:.0f} MB"  # the bomb alone would be 1100 MB
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err


def test_zip_bomb_reasons_say_why(hostile_folder):
    folder, _ = hostile_folder
    doc = extract_file(folder / "zip-bomb.docx", "zip-bomb.docx")
    assert "would expand to" in doc.reason and "zip bomb" in doc.reason
    doc = extract_file(folder / "many-members.docx", "many-members.docx")
    assert "members" in doc.reason
    doc = extract_file(folder / "zip-bomb-part.pptx", "zip-bomb-part.pptx")
    assert doc.format == "pptx" and "ppt/presentation.xml" in doc.reason


def test_billion_laughs_and_external_entities_are_refused(hostile_folder):
    folder, _ = hostile_folder
    for name in ("billion-laughs.docx", "external-entity.docx"):
        start = time.perf_counter()
        doc = extract_file(folder / name, name)
        assert time.perf_counter() - start < 2
        assert doc.status == CORRUPT and "DTD" in doc.reason and doc.blocks == ()


def test_safe_parser_expands_no_entities_even_when_a_dtd_is_allowed():
    from lxml import etree

    try:
        root = limits.parse_xml(BILLION_LAUGHS, allow_dtd=True)
    except etree.XMLSyntaxError:
        return  # libxml2's own amplification guard refused it: fine too
    text = "".join(root.itertext())
    assert "lollol" not in text and len(text) < 200
    root = limits.parse_xml(XXE, allow_dtd=True)
    assert "root:" not in "".join(root.itertext())


def test_deep_html_and_rtf_keep_their_text(hostile_folder):
    folder, _ = hostile_folder
    assert "deep text" in [b.text for b in extract_file(folder / "deep.html", "deep.html").blocks]
    assert [b.text for b in extract_file(folder / "deep.rtf", "deep.rtf").blocks] == ["deep rtf text"]
    assert [b.text for b in extract_file(folder / "binary.rtf", "binary.rtf").blocks] == ["text more"]


def test_too_large_uses_the_limit_without_opening(tmp_path):
    path = tmp_path / "huge.pdf"
    with open(path, "wb") as fh:  # sparse: 300 MB on paper, nothing on disk
        fh.truncate(300 * 2**20)
    doc = extract_file(path, "huge.pdf")
    assert doc.status == TOO_LARGE and doc.format == "pdf"
    assert doc.reason == "file is 300 MB (limit 200 MB); not read"


def test_zip_precheck_reads_the_end_record(tmp_path):
    path = tmp_path / "ok.docx"
    path.write_bytes(_docx({"word/document.xml": DOC_XML}))
    limits.precheck_zip(path)  # no error
    with limits.open_zip(path) as zf:
        assert limits.read_member(zf, "word/document.xml") == DOC_XML


def test_hostile_folder_scans_to_completion_with_every_file_accounted_for(hostile_folder, capfd):
    import json

    from click.testing import CliRunner

    from syllabus_audit.cli import cli

    folder, expected = hostile_folder
    result = CliRunner().invoke(cli, ["scan", str(folder), "--format", "json", "--method", "lexicon",
                                      "--no-cache", "--quiet", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout)
    got = {d["path"]: d["status"] for p in rec["programs"] for d in p["documents"]}
    assert got == expected
    s = rec["summary"]
    assert sum(s["statuses"].values()) == s["documents"] == len(expected)
    assert s["readable_documents"] + len(s["unreadable_documents"]) + len(s["duplicate_documents"]) == s["documents"]
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err + result.output
    strict = CliRunner().invoke(cli, ["scan", str(folder), "--method", "lexicon", "--no-cache", "--quiet", "--strict"])
    assert strict.exit_code == 1


def test_a_zero_page_pdf_read_after_an_encrypted_one_is_still_empty(tmp_path):
    """pdfium keeps its last error across documents: the status of a 0-page
    PDF must not depend on what the same process (a worker) read before it."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    from syllabus_audit.read.extract import extract_file

    (tmp_path / "enc.pdf").write_bytes(_pdf("Hidden", StandardEncryption("secret", ownerPassword="o")))
    (tmp_path / "zero.pdf").write_bytes(zero_page_pdf())
    assert extract_file(tmp_path / "zero.pdf", "zero.pdf").status == EMPTY
    assert extract_file(tmp_path / "enc.pdf", "enc.pdf").status == ENCRYPTED
    assert extract_file(tmp_path / "zero.pdf", "zero.pdf").status == EMPTY
