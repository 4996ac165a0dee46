"""classify, evaluate and train through the CLI."""

import filecmp
import json

import numpy as np
import pytest
from click.testing import CliRunner

from syllabus_audit.cli import cli
from syllabus_audit.models import default_model_path
from tests.conftest import REPO

LABELLED = REPO / "corpora" / "labelled" / "passages.csv"


def _run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def test_classify_jsonl_keeps_input_order_and_blank_lines():
    text = "Students learn to repair alliance ruptures with clients.\n\nExamine the relationship between sleep and anxiety.\n"
    result = _run("classify", "-", "--method", "hybrid", input=text)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["text"] for r in rows] == text.splitlines()
    assert [r["relationship"] for r in rows] == [True, False, False]
    assert "rupture_repair" in rows[0]["categories"] and rows[1]["score"] is None
    assert set(rows[0]) == {"text", "relationship", "score", "categories"}


def test_classify_empty_input_gives_no_output():
    result = _run("classify", "-", input="")
    assert result.exit_code == 0 and result.output == ""


def test_classify_lexicon_method_has_no_score():
    (row,) = [json.loads(x) for x in _run("classify", "-", "--method", "lexicon", input="Build rapport with clients.\n").output.splitlines()]
    assert row == {"text": "Build rapport with clients.", "relationship": True, "score": None, "categories": ["alliance"]}


def test_classify_table_format(tmp_path):
    f = tmp_path / "in.txt"
    f.write_text("Use the Session Rating Scale every session.\n")
    out = _run("classify", f, "--format", "table", "--method", "lexicon").output
    assert out.splitlines()[2].startswith("yes") and "feedback" in out


def test_evaluate_json_on_a_small_gold_file(tmp_path):
    gold = tmp_path / "gold.csv"
    gold.write_text("text,label,categories\n"
                    "Build rapport with clients.,1,alliance\n"
                    "Regression and correlation.,0,\n"
                    "Respond empathically to clients.,1,empathy\n")
    result = _run("evaluate", gold, "--format", "json", "--method", "lexicon")
    assert result.exit_code == 0, result.output
    rec = json.loads(result.output)
    assert rec["binary"]["confusion"] == {"tp": 2, "fp": 0, "fn": 0, "tn": 1}
    assert rec["binary"]["f1"] == 1.0 and rec["binary"]["kappa"] == 1.0
    assert rec["categories"]["alliance"]["f1"] == 1.0 and rec["errors"] == []


@pytest.mark.parametrize("content,message", [
    ("text,categories\nx,\n", "missing column 'label'"),
    ("text,label,categories\nx,maybe,\n", "row 2, column 'label': 'maybe' is not 0 or 1"),
    ("text,label,categories\nx,1,friendship\n", "row 2, column 'categories': unknown category 'friendship'"),
])
def test_evaluate_malformed_gold_is_one_line_error(tmp_path, content, message):
    gold = tmp_path / "gold.csv"
    gold.write_text(content)
    result = _run("evaluate", gold, "--method", "lexicon")
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert line.startswith(f"Error: {gold}: ") and message in line


def test_evaluate_bundled_test_split_table():
    result = _run("evaluate", LABELLED, "--split", "test", "--no-errors", "--method", "lexicon")
    assert result.exit_code == 0
    assert result.output.startswith("method lexicon · ") and "macro F1" in result.output


# Retraining with another numpy / scikit-learn build moves the fitted weights
# in the last bits (about 2e-12 with numpy 2.4 and scikit-learn 1.9); every
# decision, threshold and metric (the JSON) must stay exactly the same.
WEIGHT_TOLERANCE = 1e-9


def assert_same_model_arrays(new_npz, shipped_npz) -> None:
    """Same arrays (names, shapes, dtypes), equal up to ``WEIGHT_TOLERANCE``
    (absolute and relative)."""
    with np.load(new_npz, allow_pickle=False) as a, np.load(shipped_npz, allow_pickle=False) as b:
        assert sorted(a.files) == sorted(b.files)
        for name in a.files:
            x, y = a[name], b[name]
            assert (x.shape, x.dtype) == (y.shape, y.dtype), name
            np.testing.assert_allclose(x, y, rtol=WEIGHT_TOLERANCE, atol=WEIGHT_TOLERANCE, err_msg=name)


def test_model_array_comparison_tolerates_last_bit_noise_only(tmp_path):
    shipped = default_model_path().with_suffix(".npz")
    with np.load(shipped, allow_pickle=False) as arrays:
        a = {k: arrays[k] for k in arrays.files}
    np.savez_compressed(tmp_path / "noise.npz", **{**a, "coef": a["coef"] + 4e-12})
    assert_same_model_arrays(tmp_path / "noise.npz", shipped)
    np.savez_compressed(tmp_path / "changed.npz", **{**a, "coef": a["coef"] + 1e-6})
    with pytest.raises(AssertionError):
        assert_same_model_arrays(tmp_path / "changed.npz", shipped)
    np.savez_compressed(tmp_path / "shape.npz", **{**a, "coef": a["coef"][:, :-1]})
    with pytest.raises(AssertionError):
        assert_same_model_arrays(tmp_path / "shape.npz", shipped)


def test_retraining_reproduces_the_shipped_model(tmp_path):
    result = _run("train", "-o", tmp_path / "m.json")
    assert result.exit_code == 0, result.output
    shipped = default_model_path()
    assert filecmp.cmp(tmp_path / "m.json", shipped, shallow=False)  # metadata, thresholds, metrics: exact
    assert_same_model_arrays(tmp_path / "m.npz", shipped.with_suffix(".npz"))


def test_train_with_extra_reviewed_passages_records_provenance_and_reports_before_after(tmp_path):
    import csv as csvmod

    with LABELLED.open(newline="", encoding="utf-8") as fh:
        rows = list(csvmod.DictReader(fh))
    small = [r for r in rows if r["split"] in ("train", "dev")][::10][:240] + [r for r in rows if r["split"] == "test"][::10]
    data = tmp_path / "small.csv"
    with data.open("w", newline="", encoding="utf-8") as fh:
        writer = csvmod.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(small)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("passage_id,text,tool_decision,tool_categories,tool_rule,decision,categories,note\n"
                     "p1111111111111111,Students hold the alliance in mind when clients go quiet.,no,,,yes,alliance,\n"
                     "p2222222222222222,Week 5 statistics lab,no,,,no,,\n", encoding="utf-8")
    assert _run("train", "--data", data, "--extra", sheet).exit_code == 2  # --extra needs --output
    result = _run("train", "--data", data, "--extra", sheet, "-o", tmp_path / "m.json")
    assert result.exit_code == 0, result.output
    meta = json.loads((tmp_path / "m.json").read_text())
    assert meta["extra_data"][0]["file"] == "sheet.csv" and meta["extra_data"][0]["passages"] == 2
    assert meta["training_data"]["passages"] == 240
    assert "test split before (shipped)" in result.output and "test split after (with --extra)" in result.output


def test_classify_german_with_language_option():
    text = "Die Studierenden lernen, eine therapeutische Beziehung zu Klienten aufzubauen.\nKorrelation und Regression.\n"
    rows = [json.loads(x) for x in _run("classify", "-", "--language", "de", input=text).output.splitlines()]
    assert [r["relationship"] for r in rows] == [True, False] and rows[0]["categories"] == ["alliance"]
    assert _run("classify", "-", "--language", "ja", input="x\n").exit_code == 2
