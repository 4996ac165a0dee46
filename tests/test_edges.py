"""Edges where the tool used to give a wrong or silent answer (issue 14):
nothing readable, nothing to scan, --strict, paths leaving the scanned folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from syllabus_audit.cli import cli
from syllabus_audit.read.discover import discover
from syllabus_audit.errors import InputError, ManifestError

EN = "Unit outline\n\nStudents learn to build a therapeutic alliance with clients.\n"


def _run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _encrypted_pdf(path: Path) -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", ownerPassword="o"))
    c.drawString(72, 700, "Students build a therapeutic alliance with clients.")
    c.showPage()
    c.save()
    return path


def _one_line_error(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


# -- check with nothing readable -------------------------------------------

@pytest.mark.parametrize("fail_on", [None, "all", "alliance"])
def test_check_on_an_encrypted_pdf_says_nothing_is_readable_and_lists_no_category(tmp_path, fail_on):
    pdf = _encrypted_pdf(tmp_path / "unit.pdf")
    result = _run("check", pdf, "--method", "lexicon", *(["--fail-on-missing", fail_on] if fail_on else []))
    assert result.exit_code == 1
    line = _one_line_error(result)
    assert line == (f"Error: {pdf}: no readable document found: unit.pdf is encrypted "
                    "(PDF is password-protected (encrypted))")
    assert "Missing" not in result.stdout and "alliance" not in result.output


def test_check_on_an_empty_folder_says_it_holds_no_documents(tmp_path):
    folder = tmp_path / "program"
    folder.mkdir()
    (folder / ".DS_Store").write_text("x")
    result = _run("check", folder, "--format", "json", "--fail-on-missing", "all")
    assert result.exit_code == 1 and result.stdout == ""
    assert _one_line_error(result) == f"Error: {folder}: no readable document found: the folder holds no documents"


def test_check_on_a_folder_of_unreadable_documents_names_them(tmp_path):
    _encrypted_pdf(tmp_path / "p" / "a.pdf")
    (tmp_path / "p" / "b.pdf").write_bytes(b"%PDF-1.4 truncated")
    result = _run("check", tmp_path / "p", "--method", "lexicon")
    assert result.exit_code == 1 and result.stdout == ""
    assert _one_line_error(result) == (f"Error: {tmp_path / 'p'}: no readable document found: "
                                       "2 documents unreadable: a.pdf [encrypted], b.pdf [corrupt]")


def test_check_with_one_readable_document_still_reports(tmp_path):
    _encrypted_pdf(tmp_path / "p" / "a.pdf")
    (tmp_path / "p" / "unit.txt").write_text(EN)
    result = _run("check", tmp_path / "p", "--method", "lexicon")
    assert result.exit_code == 0
    assert result.stdout.startswith("1 of 2 documents readable · 1 of 10 categories found")
    assert "Unreadable: a.pdf [encrypted]" in result.stdout


# -- scan with nothing to scan ----------------------------------------------

def test_scan_of_a_folder_without_documents_is_a_one_line_error(tmp_path):
    (tmp_path / "empty-program").mkdir()
    (tmp_path / "Thumbs.db").write_text("x")
    result = _run("scan", tmp_path, "--no-cache", "--quiet")
    assert result.exit_code == 1 and result.stdout == ""
    assert _one_line_error(result) == (f"Error: {tmp_path}: no documents found (the folder is empty or holds "
                                       "only hidden, temporary or system files)")


def test_manifest_without_rows_is_an_error(tmp_path):
    (tmp_path / "manifest.csv").write_text("path,program,doc_type\n")
    with pytest.raises(ManifestError, match="the manifest lists no documents"):
        discover(tmp_path)


def test_strict_names_the_unreadable_files_on_stderr(tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "a.txt").write_text(EN)
    (tmp_path / "p" / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    _encrypted_pdf(tmp_path / "q" / "locked.pdf")
    out = tmp_path / "audit.json"
    result = _run("scan", tmp_path, "--method", "lexicon", "--no-cache", "--quiet", "--strict",
                  "--format", "json", "-o", out)
    assert result.exit_code == 1
    assert _one_line_error(result) == ("Error: --strict: 2 unreadable documents: p/broken.pdf [corrupt], "
                                       "q/locked.pdf [encrypted]")
    assert out.is_file()  # the report is still written


# -- paths that leave the scanned folder ------------------------------------

@pytest.mark.parametrize("row_path", ["../../etc/hostname", "/etc/hostname", "p/../../outside.txt"])
def test_manifest_row_leaving_the_root_is_refused(tmp_path, row_path):
    root = tmp_path / "corpus"
    (root / "p").mkdir(parents=True)
    (root / "p" / "a.txt").write_text(EN)
    (tmp_path / "outside.txt").write_text(EN)
    (root / "manifest.csv").write_text(f"path,program,doc_type\np/a.txt,p,\n{row_path},p,\n")
    result = _run("scan", root, "--no-cache", "--quiet", "--method", "lexicon")
    assert result.exit_code == 1 and result.stdout == ""
    assert _one_line_error(result) == (f"Error: {root / 'manifest.csv'}: row 3, column 'path': {row_path!r} "
                                       f"leads outside the scanned folder {root}")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_manifest_row_naming_a_symlink_that_leaves_the_root_is_refused(tmp_path):
    root = tmp_path / "corpus"
    (root / "p").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text(EN)
    os.symlink(tmp_path / "secret.txt", root / "p" / "link.txt")
    (root / "manifest.csv").write_text("path,program,doc_type\np/link.txt,p,\n")
    with pytest.raises(ManifestError) as err:
        discover(root)
    assert str(err.value) == (f"{root / 'manifest.csv'}: row 2, column 'path': 'p/link.txt' is a symlink "
                              f"that leads outside the scanned folder {root}")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
@pytest.mark.parametrize("where", ["p/link.txt", "p/sub", "toplevel"])
def test_symlink_leaving_the_root_is_refused_in_discovery_and_check(tmp_path, where):
    root = tmp_path / "corpus"
    (root / "p").mkdir(parents=True)
    (root / "p" / "a.txt").write_text(EN)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "secret.txt").write_text(EN)
    target = tmp_path / "elsewhere" / ("secret.txt" if where.endswith(".txt") else "")
    os.symlink(target, root / where)
    with pytest.raises(InputError) as err:
        discover(root)
    assert str(err.value) == (f"{root / where}: symlink leads outside the scanned folder "
                              f"(to {os.path.realpath(target)}); refused")
    if where != "toplevel":
        result = _run("check", root / "p", "--method", "lexicon")
        assert result.exit_code == 1 and "symlink leads outside the scanned folder" in _one_line_error(result)


def test_symlinks_inside_the_root_are_still_followed(tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "unit.txt").write_text(EN)
    os.symlink(tmp_path / "shared" / "unit.txt", tmp_path / "p" / "unit.txt")
    assert [f.path for f in discover(tmp_path)] == ["p/unit.txt", "shared/unit.txt"]
