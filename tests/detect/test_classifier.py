import json

import numpy as np
import pytest

from syllabus_audit.detect.classifier import PassageClassifier
from syllabus_audit.detect.features import feature_names, lexicon_features
from syllabus_audit.detect.methods import load_model
from syllabus_audit.models import default_model_path

TEXTS = ["Build rapport with clients in the first session.", "Regression and correlation.",
         "Respond empathically to clients.", "Late work will not be accepted.",
         "Repair alliance ruptures with clients.", "Statistics exam in week 12.",
         "Use the Session Rating Scale every session.", "Reading list for week 3."] * 3
LABELS = [1, 0, 1, 0, 1, 0, 1, 0] * 3
CATS = [("alliance",), (), ("empathy",), (), ("rupture_repair",), (), ("feedback",), ()] * 3
IDS = ["alliance", "empathy", "rupture_repair", "feedback"]


@pytest.fixture(scope="module")
def tiny(auditor):
    hits = [h for _, h in auditor.passage_hits(TEXTS)]
    feats = lexicon_features(hits, IDS)
    return PassageClassifier(word_min_df=1, char_min_df=1).fit(TEXTS, LABELS, feats, CATS, IDS), feats


def test_lexicon_features_have_named_columns(auditor):
    hits = [h for _, h in auditor.passage_hits(["Build rapport with clients.", "Nothing here."])]
    f = lexicon_features(hits, IDS)
    names = feature_names(IDS)
    assert f.shape == (2, len(names))
    assert f[0, names.index("counted:alliance")] == 1 and f[1].sum() == 0


def test_fit_follows_estimator_conventions(tiny):
    clf, feats = tiny
    assert clf.get_params()["C"] == 8.0 and hasattr(clf, "binary_")
    p = clf.predict_proba(TEXTS, feats)
    assert p.shape == (len(TEXTS), 2) and np.allclose(p.sum(1), 1)
    assert list(clf.predict(TEXTS, feats)) == LABELS  # learns the training data


def test_save_and_load_round_trip_without_pickle(tiny, tmp_path):
    clf, feats = tiny
    clf.save(tmp_path / "m.json", {"thresholds": {}})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.json", "m.npz"]
    with np.load(tmp_path / "m.npz", allow_pickle=False) as arrays:  # plain arrays only
        assert "coef" in arrays.files
    loaded, meta = PassageClassifier.load(tmp_path / "m.json")
    assert np.allclose(loaded.predict_proba(TEXTS, feats), clf.predict_proba(TEXTS, feats))
    assert np.allclose(loaded.category_proba(TEXTS, feats), clf.category_proba(TEXTS, feats))
    assert meta["thresholds"] == {}


def test_unknown_model_format_is_rejected(tiny, tmp_path):
    clf, _ = tiny
    clf.save(tmp_path / "m.json", {})
    doc = json.loads((tmp_path / "m.json").read_text())
    doc["format_version"] = 99
    (tmp_path / "m.json").write_text(json.dumps(doc))
    with pytest.raises(ValueError, match="unsupported model format 99"):
        PassageClassifier.load(tmp_path / "m.json")


def test_shipped_model_records_its_provenance():
    model = load_model()
    meta = model.meta
    assert default_model_path().is_file() and default_model_path().with_suffix(".npz").is_file()
    assert meta["default_method"] in ("lexicon", "model", "hybrid")
    assert len(meta["training_data"]["sha256"]) == 64
    assert set(meta["thresholds"]["category"]) == set(model.classifier.category_ids_)


def _sample_texts() -> list[str]:
    import csv

    from tests.conftest import REPO

    with (REPO / "corpora" / "labelled" / "passages.csv").open(newline="", encoding="utf-8") as fh:
        texts = [r["text"] for r in csv.DictReader(fh)][::3]
    return texts + ["", "   ", "ΟΔΟΣ Σ", "tabs\tand\u00a0nbsp  double  spaces", "x", "Rapport rapport RAPPORT"]


def test_tfidf_features_are_scikit_learns_transform_bit_for_bit():
    clf, _ = PassageClassifier.load(default_model_path())  # with scikit-learn's fitted vectorizers
    features = load_model().classifier.features  # what a scan uses (scorer.py)
    texts = _sample_texts()
    for _ in range(2):  # the second time from the per-word memo
        for vectorizer, ours in ((clf.char_, features.char_tfidf), (clf.word_, features.word_tfidf)):
            want, got = vectorizer.transform(texts), ours(texts)
            assert (want.indptr == got.indptr).all() and (want.indices == got.indices).all()
            assert (want.data == got.data).all()


def test_scan_scores_are_scikit_learns_predictions_bit_for_bit(auditor):
    """The scorer a scan loads (no scikit-learn) gives the fitted binary
    model's own ``predict_proba`` bits, and every category model's."""
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    clf, _ = PassageClassifier.load(default_model_path())
    scorer = load_model().classifier
    texts = _sample_texts()
    feats = lexicon_features([h for _, h in auditor.passage_hits(texts)], scorer.category_ids_)
    X = sp.hstack([clf.word_.transform(texts), clf.char_.transform(texts), sp.csr_matrix(feats)], format="csr")
    binary, categories = scorer.predict_both(texts, feats)
    assert (binary == clf.binary_.predict_proba(X)).all()
    for j in range(len(scorer.category_ids_)):
        model = LogisticRegression()
        model.classes_ = np.array([0, 1])
        model.coef_, model.intercept_ = clf.category_coef_[j:j + 1], clf.category_intercept_[j:j + 1]
        # the category models always used numpy's logistic (as trained and calibrated): equal to 1e-12
        assert np.allclose(categories[:, j], model.predict_proba(X)[:, 1], rtol=0, atol=1e-12)
