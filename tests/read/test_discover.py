import os

import pytest

from syllabus_audit.read.discover import discover
from syllabus_audit.errors import InputError, ManifestError


def _touch(path, text="x"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_subfolders_are_programs_and_files_are_found_recursively(tmp_path):
    _touch(tmp_path / "prog-b" / "syllabi" / "unit.txt")
    _touch(tmp_path / "prog-a" / "about.md")
    _touch(tmp_path / "loose.pdf")
    found = [(f.program_id, f.path) for f in discover(tmp_path)]
    assert found == [("loose.pdf", "loose.pdf"), ("prog-a", "prog-a/about.md"),
                     ("prog-b", "prog-b/syllabi/unit.txt")]


def test_hidden_lock_and_os_clutter_files_are_skipped(tmp_path):
    for name in [".hidden.txt", "~$unit.docx", ".DS_Store", "Thumbs.db", "desktop.ini", "real.txt"]:
        _touch(tmp_path / "p" / name)
    _touch(tmp_path / "p" / ".git" / "config")
    assert [f.path for f in discover(tmp_path)] == ["p/real.txt"]


def test_symlink_loops_are_safe(tmp_path):
    _touch(tmp_path / "p" / "sub" / "a.txt")
    os.symlink(tmp_path / "p", tmp_path / "p" / "sub" / "loop")
    assert [f.path for f in discover(tmp_path)] == ["p/sub/a.txt"]


def test_single_file_is_its_own_program(tmp_path):
    _touch(tmp_path / "unit.md")
    (f,) = discover(tmp_path / "unit.md")
    assert (f.program_id, f.path) == ("unit.md", "unit.md")


def test_missing_root_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        discover(tmp_path / "nope")


def test_manifest_overrides_discovery_and_keeps_metadata(tmp_path):
    _touch(tmp_path / "x" / "a.txt")
    _touch(tmp_path / "x" / "b.txt")
    (tmp_path / "manifest.csv").write_text("path,program,doc_type,country\nx/b.txt,Prog 1,syllabus,AU\nx/a.txt,Prog 1,,AU\n")
    files = discover(tmp_path)
    assert [(f.program_id, f.path, f.doc_type) for f in files] == [("Prog 1", "x/a.txt", None), ("Prog 1", "x/b.txt", "syllabus")]
    assert files[0].metadata == (("country", "AU"),)


@pytest.mark.parametrize("content,message", [
    ("file,program,doc_type\n", "missing column 'path'"),
    ("path,program,doc_type\nx.txt,,syllabus\n", "row 2, column 'program': empty"),
    ("path,program,doc_type\nx.txt,p,handbook\n", "row 2, column 'doc_type': 'handbook' is not one of"),
    ("path,program,doc_type\nx.txt,p,syllabus,extra\n", "row 2: more fields than the header has columns"),
])
def test_manifest_errors_name_file_row_and_column(tmp_path, content, message):
    m = tmp_path / "m.csv"
    m.write_text(content)
    with pytest.raises(ManifestError) as err:
        discover(tmp_path, m)
    assert str(err.value).startswith(f"{m}: ") and message in str(err.value)
