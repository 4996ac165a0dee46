"""A passage classifier: TF-IDF word and character n-grams plus lexicon-derived
features -> logistic regression (relationship yes/no) and one-vs-rest logistic
regressions for the ten categories.

Follows scikit-learn's estimator conventions (``__init__`` stores parameters,
``fit`` returns self, learned attributes end in ``_``) and is saved as JSON
(metadata, vocabularies) + NPZ (numbers) — never pickle — so loading it cannot
execute code.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from ..models import model_meta
from .scorer import (CHAR_NGRAMS, FORMAT_VERSION, WORD_NGRAMS, WORD_TOKEN, Features, binary_proba,
                     category_proba, read_saved)


def _vectorizers(params: dict) -> tuple[TfidfVectorizer, TfidfVectorizer]:
    word = TfidfVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, min_df=params["word_min_df"],
                           sublinear_tf=True, lowercase=True, token_pattern=WORD_TOKEN, dtype=np.float64)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, min_df=params["char_min_df"],
                           sublinear_tf=True, lowercase=True, dtype=np.float64)
    return word, char


class PassageClassifier(ClassifierMixin, BaseEstimator):
    """Relationship-skill passage classifier.

    ``fit(texts, y, lexicon_features, categories)``: ``y`` is 0/1 per passage,
    ``lexicon_features`` a dense (n, k) array (see ``features.py``) and
    ``categories`` a list of category-id lists (used for the category models).
    """

    def __init__(self, C: float = 8.0, category_C: float = 16.0, word_min_df: int = 2,
                 char_min_df: int = 2, lexicon_weight: float = 1.0, char_ngrams: bool = True):
        self.C = C
        self.category_C = category_C
        self.word_min_df = word_min_df
        self.char_min_df = char_min_df
        self.lexicon_weight = lexicon_weight
        self.char_ngrams = char_ngrams

    # -- features (scorer.py: the same arithmetic a scan uses) --------------
    def _features(self) -> Features:
        return Features(self.word_.vocabulary_, self.word_.idf_,
                        self.char_.vocabulary_ if self.char_ngrams else None,
                        self.char_.idf_ if self.char_ngrams else None, self.lexicon_weight)

    def _matrix(self, texts, lexicon_features):
        return self.features_.matrix(list(texts), lexicon_features)

    # -- sklearn API ----------------------------------------------------------
    def fit(self, texts, y, lexicon_features, categories=None, category_ids=()):
        texts = list(texts)
        self.word_, self.char_ = _vectorizers(self.get_params())
        self.word_.fit(texts)
        if self.char_ngrams:
            self.char_.fit(texts)
        self.features_ = self._features()
        X = self._matrix(texts, lexicon_features)
        y = np.asarray(y, dtype=int)
        self.classes_ = np.array([0, 1])
        self.binary_ = LogisticRegression(C=self.C, max_iter=5000, solver="lbfgs").fit(X, y)
        self.category_ids_ = list(category_ids)
        coefs, intercepts = [], []
        # Category models are conditional on a positive passage: trained on positives only.
        positives = np.flatnonzero(y == 1)
        cats = categories or [()] * len(texts)
        for cid in self.category_ids_:
            yc = np.array([int(cid in (cats[i] or ())) for i in positives])
            if len(set(yc.tolist())) < 2:  # a category always (or never) present: a constant model
                coefs.append(np.zeros(X.shape[1]))
                intercepts.append(10.0 if yc.size and yc[0] == 1 else -10.0)
                continue
            model = LogisticRegression(C=self.category_C, max_iter=5000, solver="lbfgs").fit(X[positives], yc)
            coefs.append(model.coef_[0])
            intercepts.append(model.intercept_[0])
        self.category_coef_ = np.array(coefs).reshape(len(self.category_ids_), X.shape[1])
        self.category_intercept_ = np.array(intercepts)
        return self

    def predict_proba(self, texts, lexicon_features) -> np.ndarray:
        return self._binary_proba(self._matrix(list(texts), lexicon_features))

    def _binary_proba(self, X) -> np.ndarray:
        """``self.binary_.predict_proba(X)`` (the same operations, so the same
        bits) without scikit-learn's per-call input validation."""
        return binary_proba(X, self.binary_.coef_, self.binary_.intercept_)

    def predict(self, texts, lexicon_features, threshold: float = 0.5) -> np.ndarray:
        return (self.predict_proba(texts, lexicon_features)[:, 1] >= threshold).astype(int)

    def category_proba(self, texts, lexicon_features) -> np.ndarray:
        """(n, n_categories) probabilities, columns in ``category_ids_`` order."""
        return self._category_proba(self._matrix(list(texts), lexicon_features))

    def _category_proba(self, X) -> np.ndarray:
        return category_proba(X, self.category_coef_.T, self.category_intercept_)

    def predict_both(self, texts, lexicon_features) -> tuple[np.ndarray, np.ndarray]:
        """``predict_proba`` and ``category_proba`` from one feature matrix."""
        X = self._matrix(list(texts), lexicon_features)
        return self._binary_proba(X), self._category_proba(X)

    # -- persistence (no pickle) ---------------------------------------------
    def save(self, json_path: Path, meta: dict) -> None:
        """Write ``<name>.json`` (metadata + vocabularies) and ``<name>.npz`` (arrays)."""
        json_path = Path(json_path)
        doc = {
            "format_version": FORMAT_VERSION,
            "params": self.get_params(),
            "category_ids": self.category_ids_,
            "word_vocabulary": sorted(self.word_.vocabulary_, key=self.word_.vocabulary_.get),
            "char_vocabulary": (sorted(self.char_.vocabulary_, key=self.char_.vocabulary_.get)
                                if self.char_ngrams else []),
            **meta,
        }
        json_path.write_text(json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                             encoding="utf-8")
        np.savez_compressed(
            json_path.with_suffix(".npz"),
            word_idf=self.word_.idf_, char_idf=self.char_.idf_ if self.char_ngrams else np.zeros(0),
            coef=self.binary_.coef_, intercept=self.binary_.intercept_,
            category_coef=self.category_coef_, category_intercept=self.category_intercept_,
        )

    @classmethod
    def load(cls, json_path: Path) -> tuple["PassageClassifier", dict]:
        """Load a saved model; returns (classifier, metadata)."""
        doc, a = read_saved(json_path)
        self = cls(**doc["params"])
        self.word_, self.char_ = _vectorizers(self.get_params())
        pairs = [(self.word_, doc["word_vocabulary"], a["word_idf"])]
        if self.char_ngrams:
            pairs.append((self.char_, doc["char_vocabulary"], a["char_idf"]))
        for vec, vocab, idf in pairs:
            vec.vocabulary_ = {term: i for i, term in enumerate(vocab)}
            vec.idf_ = idf
        self.classes_ = np.array([0, 1])
        self.binary_ = LogisticRegression(C=self.C)
        self.binary_.classes_ = self.classes_
        self.binary_.coef_ = a["coef"]
        self.binary_.intercept_ = a["intercept"]
        self.category_ids_ = doc["category_ids"]
        self.category_coef_ = a["category_coef"]
        self.category_intercept_ = a["category_intercept"]
        self.features_ = self._features()
        return self, model_meta(doc)
