"""The HTML report: one self-contained file with every section."""

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from syllabus_audit.cli import cli
from tests.conftest import DEMO


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.urls, self.tags = set(), [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for k, v in attrs:
            if k == "id":
                self.ids.add(v)
            if k in ("href", "src", "xmlns", "action") and v:
                self.urls.append(v)


@pytest.fixture(scope="module")
def html():
    result = CliRunner().invoke(cli, ["scan", str(DEMO), "--format", "html"])
    assert result.exit_code == 0
    return result.output


def test_html_is_self_contained(html):
    p = _Collect()
    p.feed(html)
    assert p.urls == []
    assert not re.search(r"https?://", html)
    assert "<script" not in html and "<link" not in html and "@import" not in html


def test_html_has_every_section(html):
    p = _Collect()
    p.feed(html)
    assert {"headline", "chart", "coverage", "gaps", "programs", "unreadable", "methods"} <= p.ids
    assert "<svg" in html and "<mark>" in html
    assert "Near-misses not counted" in html and "needs_ocr" in html
    assert "Of 11 programs with syllabi" in html or "programs with syllabi" in html


def test_markdown_has_the_same_content():
    out = CliRunner().invoke(cli, ["scan", str(DEMO), "--format", "md"]).output
    for heading in ("## Headline", "## Coverage matrix", "### Only gaps", "## Programs", "## Unreadable documents", "## Methods"):
        assert heading in out


@pytest.mark.skipif(not (shutil.which("chromium") or shutil.which("chromium-browser")), reason="no headless browser")
def test_html_opens_in_a_headless_browser_without_errors(html, tmp_path):
    page = tmp_path / "r.html"
    page.write_text(html, encoding="utf-8")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    run = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and "coverage" in run.stdout
    assert "Uncaught" not in run.stderr
