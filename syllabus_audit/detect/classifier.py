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
import scipy.sparse as sp
from scipy.special import expit
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize
from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l2

FORMAT_VERSION = 1


def _vectorizers(params: dict) -> tuple[TfidfVectorizer, TfidfVectorizer]:
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=params["word_min_df"],
                           sublinear_tf=True, lowercase=True, token_pattern=r"(?u)\b\w[\w'-]*\b",
                           dtype=np.float64)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=params["char_min_df"],
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

    # -- features -----------------------------------------------------------
    def _matrix(self, texts, lexicon_features):
        lex = sp.csr_matrix(np.asarray(lexicon_features, dtype=np.float64) * self.lexicon_weight)
        parts = [self._word_tfidf(texts)] + ([self._char_tfidf(texts)] if self.char_ngrams else [])
        return sp.hstack(parts + [lex], format="csr")

    def _word_tfidf(self, texts) -> sp.csr_matrix:
        """``self.word_.transform(texts)``, bit for bit: the vectorizer's own
        analyzer and TF-IDF transform, without its per-call checks (which cost
        more than the counting on a document's few passages)."""
        analyse = self.__dict__.get("_word_analyser")
        if analyse is None:
            analyse = self.__dict__["_word_analyser"] = self.word_.build_analyzer()
        vocab = self.word_.vocabulary_
        indices, indptr = [], [0]
        for text in texts:
            indices.extend(vocab[g] for g in analyse(text) if g in vocab)
            indptr.append(len(indices))
        return self._tfidf_of(self.word_, indices, indptr, len(texts))

    @staticmethod
    def _tfidf_of(vectorizer, indices, indptr, n: int) -> sp.csr_matrix:
        counts = sp.csr_matrix((np.ones(len(indices)), np.asarray(indices, dtype=np.int64), np.array(indptr)),
                               shape=(n, len(vectorizer.vocabulary_)), dtype=np.float64)
        counts.sum_duplicates()  # sorts indices and adds repeated n-grams: the counts
        # TfidfTransformer.transform's own steps (scikit-learn 1.x), without its
        # input validation: sublinear tf, idf weights, in-place L2 row norms.
        tfidf = vectorizer._tfidf
        if tfidf.sublinear_tf:
            np.log(counts.data, counts.data)
            counts.data += 1.0
        counts.data *= tfidf.idf_[counts.indices]
        if tfidf.norm == "l2":
            inplace_csr_row_normalize_l2(counts)
        elif tfidf.norm is not None:
            counts = normalize(counts, norm=tfidf.norm, copy=False)
        return counts

    def _char_tfidf(self, texts) -> sp.csr_matrix:
        """``self.char_.transform(texts)``, bit for bit, about 5x faster.

        ``char_wb`` n-grams never cross whitespace, so a text's n-gram counts
        are the sum of its words' counts: each distinct word's vocabulary
        indices are found once per process (scikit-learn's own n-gram function
        on the lower-cased word) and the counts go through the fitted
        vectorizer's own TF-IDF transform. scikit-learn instead rebuilds every
        n-gram of every text in Python, which was most of a scan's time.
        """
        memo = self.__dict__.setdefault("_char_memo", {})
        if len(memo) > 200_000:
            memo.clear()
        vocab, ngrams = self.char_.vocabulary_, self.char_._char_wb_ngrams
        pieces, indptr = [], [0]
        for text in texts:
            n = 0
            for word in text.lower().split():
                ids = memo.get(word)
                if ids is None:
                    ids = memo[word] = np.fromiter((vocab[g] for g in ngrams(word) if g in vocab), dtype=np.int64)
                pieces.append(ids)
                n += len(ids)
            indptr.append(indptr[-1] + n)
        indices = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int64)
        return self._tfidf_of(self.char_, indices, indptr, len(texts))

    # -- sklearn API ----------------------------------------------------------
    def fit(self, texts, y, lexicon_features, categories=None, category_ids=()):
        texts = list(texts)
        self.word_, self.char_ = _vectorizers(self.get_params())
        self.word_.fit(texts)
        if self.char_ngrams:
            self.char_.fit(texts)
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
        bits) without scikit-learn's per-call input validation, which cost
        more than the product itself on a document's few passages."""
        z = np.asarray(X @ self.binary_.coef_.T).reshape(-1) + self.binary_.intercept_
        p = expit(z)
        return np.stack([1 - p, p], axis=1)

    def predict(self, texts, lexicon_features, threshold: float = 0.5) -> np.ndarray:
        return (self.predict_proba(texts, lexicon_features)[:, 1] >= threshold).astype(int)

    def category_proba(self, texts, lexicon_features) -> np.ndarray:
        """(n, n_categories) probabilities, columns in ``category_ids_`` order."""
        return self._category_proba(self._matrix(list(texts), lexicon_features))

    def _category_proba(self, X) -> np.ndarray:
        z = X @ self.category_coef_.T + self.category_intercept_
        return 1.0 / (1.0 + np.exp(-np.asarray(z)))

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
        json_path = Path(json_path)
        doc = json.loads(json_path.read_text(encoding="utf-8"))
        if doc.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"{json_path.name}: unsupported model format {doc.get('format_version')!r}")
        with np.load(json_path.with_suffix(".npz"), allow_pickle=False) as arrays:
            a = {k: arrays[k] for k in arrays.files}
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
        meta = {k: v for k, v in doc.items() if k not in ("word_vocabulary", "char_vocabulary")}
        return self, meta
