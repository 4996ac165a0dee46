"""The README documents every JSON field, CSV column, status and command the tool emits."""

import re

import pytest
from click.testing import CliRunner

import syllabus_audit
from syllabus_audit.cli import cli
from syllabus_audit.report.exports import DOCUMENT_COLUMNS, EVIDENCE_COLUMNS, PROGRAM_COLUMNS
from syllabus_audit.types import STATUSES
from tests.conftest import DEMO, REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
CODE_SPANS = re.findall(r"`([^`]+)`", README.replace("```", ""))
# Dicts whose keys are data (ids, statuses, group values), not field names.
DATA_KEYED = {"statuses", "languages", "metadata", "coverage", "category", "cv_metrics", "groups",
              "sources"}


def _documented(name: str) -> bool:
    return any(re.search(r"\b" + re.escape(name) + r"\b", span) for span in CODE_SPANS)


def _keys(node, parent=""):
    if isinstance(node, dict):
        for k, v in node.items():
            if parent not in DATA_KEYED:
                yield k
            yield from _keys(v, k)
    elif isinstance(node, list):
        for item in node:
            yield from _keys(item, parent)


@pytest.fixture(scope="module")
def full_record(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    rows = ["path,program,doc_type,country"]
    for prog in ("us-ridgeview-msw", "uk-harrowgate-dclinpsy"):
        for f in sorted((DEMO / prog).rglob("*")):
            if f.is_file():
                target = root / f.relative_to(DEMO)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(f.read_bytes())
                rows.append(f"{f.relative_to(DEMO).as_posix()},{prog},,{prog[:2]}")
    (root / "manifest.csv").write_text("\n".join(rows) + "\n")
    return syllabus_audit.audit(root, group_by="country")


def test_every_json_field_is_in_the_readme(full_record):
    missing = sorted({k for k in _keys(full_record) if not _documented(k)})
    assert missing == []


def test_every_csv_column_is_in_the_readme():
    for column in PROGRAM_COLUMNS + DOCUMENT_COLUMNS + EVIDENCE_COLUMNS:
        assert _documented(column), column


def test_every_status_is_in_the_readme():
    for status in STATUSES:
        assert f"| `{status}` |" in README, status


def test_every_command_is_in_the_readme_and_has_help():
    for name, command in cli.commands.items():
        assert f"syllabus-audit {name}" in README, name
        assert CliRunner().invoke(cli, [name, "--help"]).exit_code == 0


def test_readme_has_exactly_the_two_setup_commands():
    setup = README.split("## Set-up (two commands)")[1].split("## ")[0]
    blocks = re.findall(r"```sh\n(.*?)```", setup, re.S)
    assert [b.strip() for b in blocks] == [
        'git clone "$URL" syllabus-audit && cd syllabus-audit && python3 -m venv .venv && . .venv/bin/activate '
        "&& pip install . && syllabus-audit scan corpora/demo",
        "test -d .venv || python3 -m venv .venv && . .venv/bin/activate && pip install '.[test]' && python -m pytest",
    ]
    assert "python -m pytest" in (REPO / ".ci" / "run").read_text()


def test_second_setup_command_reuses_the_first_ones_venv_and_works_alone(tmp_path):
    """Run the second command's venv part with stand-ins for venv creation:
    it creates .venv only when missing, and activates it either way."""
    import subprocess

    setup = README.split("## Set-up (two commands)")[1].split("## ")[0]
    second = re.findall(r"```sh\n(.*?)```", setup, re.S)[1].strip()
    prefix = second.split(" && pip install")[0]  # the venv part: create if missing, then activate
    script = prefix.replace("python3 -m venv .venv", "{ echo created; mkdir -p .venv/bin; "
                            "echo 'echo activated' > .venv/bin/activate; }")
    fresh = subprocess.run(["sh", "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert fresh.returncode == 0 and fresh.stdout.split() == ["created", "activated"]
    again = subprocess.run(["sh", "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert again.returncode == 0 and again.stdout.split() == ["activated"]
