"""syllabus_audit.audit() refuses what the CLI refuses, with the same words (issue 14)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import syllabus_audit
from syllabus_audit.arguments import ArgumentError
from syllabus_audit.cli import cli
from syllabus_audit.errors import InputError
from syllabus_audit.pipeline import AuditSettings

EN = "Unit outline\n\nStudents learn to build a therapeutic alliance with clients.\n"


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "unit.txt").write_text(EN)
    return tmp_path


# (API keyword arguments, the equivalent CLI options, the option, the problem both report)
CASES = [
    ({"method": "magic"}, ["--method", "magic"], "--method", "'magic' is not one of lexicon, model, hybrid"),
    ({"threshold": 5}, ["--threshold", "5"], "--threshold", "5 is not between 0 and 1"),
    ({"threshold": -0.5}, ["--threshold", "-0.5"], "--threshold", "-0.5 is not between 0 and 1"),
    ({"jobs": 0}, ["--jobs", "0"], "--jobs", "0 is less than 1"),
    ({"settings": AuditSettings(language="xx")}, ["--language", "xx"], "--language",
     "no lexicon for 'xx' (shipped: de, en, hr, sv)"),
    ({"settings": AuditSettings(time_limit=-1)}, ["--time-limit", "-1"], "--time-limit", "-1 is not 0 or more"),
    ({"group_by": "country"}, ["--group-by", "country"], "--group-by",
     "'country': no such metadata column (give a manifest with that column)"),
]


@pytest.mark.parametrize("kwargs,options,option,problem", CASES, ids=[c[2] + "=" + str(c[1][1]) for c in CASES])
def test_api_and_cli_refuse_the_same_values_with_the_same_words(corpus, kwargs, options, option, problem):
    with pytest.raises(ValueError) as err:
        syllabus_audit.audit(corpus, **kwargs)
    assert isinstance(err.value, ArgumentError) and err.value.option == option
    assert str(err.value) == f"Invalid value for {err.value.argument!r}: {problem}"
    result = CliRunner().invoke(cli, ["scan", str(corpus), "--no-cache", "--quiet", *options])
    assert result.exit_code == 2
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith(f"Error: Invalid value for '{option}'") and line.endswith(f": {problem}")


@pytest.mark.parametrize("kwargs,problem", [
    ({"threshold": "0.5"}, "'0.5' is not a number"),
    ({"threshold": True}, "True is not a number"),
    ({"threshold": float("nan")}, "nan is not between 0 and 1"),
    ({"jobs": 1.5}, "1.5 is not a whole number"),
    ({"jobs": None}, "None is not a whole number"),
    ({"method": "Hybrid"}, "'Hybrid' is not one of lexicon, model, hybrid"),
    ({"group_by": ""}, "'' is not a column name"),
    ({"settings": {"ocr": True}}, "{'ocr': True} is not an AuditSettings"),
    ({"settings": AuditSettings(ocr="yes")}, "'yes' is not True or False"),
    ({"progress": "bar"}, "'bar' is not callable"),
    ({"scheduler": 8786}, "8786 is not a scheduler address or a distributed.Client"),
    ({"manifest": "no-such-manifest.csv"}, "path 'no-such-manifest.csv' does not exist"),
])
def test_api_refuses_bad_types_before_reading_anything(corpus, kwargs, problem, monkeypatch):
    import syllabus_audit.pipeline.api as api

    monkeypatch.setattr(api, "Auditor", None)  # nothing may be loaded before the checks
    with pytest.raises(ValueError) as err:
        syllabus_audit.audit(corpus, **kwargs)
    assert str(err.value).endswith(f": {problem}")


def test_api_missing_path_and_folder_as_lexicon(tmp_path, corpus):
    with pytest.raises(ValueError, match="does not exist"):
        syllabus_audit.audit(tmp_path / "nope")
    with pytest.raises(ValueError, match="is a folder, not a file"):
        syllabus_audit.audit(corpus, lexicon=corpus)


def test_argument_errors_stay_input_errors_for_existing_callers(corpus):
    with pytest.raises(InputError, match="no such metadata column"):
        syllabus_audit.audit(corpus, method="lexicon", group_by="region")


def test_valid_arguments_still_run(corpus):
    rec = syllabus_audit.audit(corpus, method="lexicon", threshold=0.5, jobs=1,
                               settings=AuditSettings(language="en", time_limit=None))
    assert rec["method"]["name"] == "lexicon" and rec["programs"][0]["mentions"] is True
